// The mail a survey sends: the invitation and the reminder, each with the
// business's own link (sealed: it never enters the administrators' outbox).
import type { Locale } from '../../lib/locale.ts';

export function invitationMail(
  survey: { title_vi: string; title_en: string; closes_on: string | null },
  link: string,
  locale: Locale,
  reminder: boolean,
): { subject: string; text: string } {
  const title = locale === 'en' && survey.title_en ? survey.title_en : survey.title_vi;
  if (locale === 'en')
    return {
      subject: `${reminder ? 'Reminder: ' : ''}Customs survey: ${title}`,
      text: [
        'Dear business,',
        '',
        `Vietnam Customs invites your business to answer the survey "${title}".`,
        survey.closes_on ? `It is open until ${survey.closes_on}.` : '',
        'Your answer is anonymous: it is stored without your business name, and each business answers once.',
        '',
        `Answer here (this link is for your business only): ${link}`,
        'You can also sign in to Cầu Nối and open "Surveys".',
      ]
        .filter((line, i, all) => line !== '' || all[i - 1] !== '')
        .join('\n'),
    };
  return {
    subject: `${reminder ? 'Nhắc lại: ' : ''}Khảo sát của Hải quan: ${title}`,
    text: [
      'Kính gửi Quý doanh nghiệp,',
      '',
      `Hải quan Việt Nam trân trọng mời Quý doanh nghiệp trả lời khảo sát "${title}".`,
      survey.closes_on ? `Khảo sát mở đến hết ngày ${survey.closes_on}.` : '',
      'Câu trả lời được ẩn danh: không lưu kèm tên doanh nghiệp, mỗi doanh nghiệp trả lời một lần.',
      '',
      `Trả lời tại đây (đường dẫn chỉ dành cho doanh nghiệp của Quý vị): ${link}`,
      'Quý doanh nghiệp cũng có thể đăng nhập Cầu Nối và mở mục "Khảo sát".',
    ]
      .filter((line, i, all) => line !== '' || all[i - 1] !== '')
      .join('\n'),
  };
}
