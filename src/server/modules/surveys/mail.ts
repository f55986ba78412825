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

/** An association passing a survey on to one of its members, with the member's own link. */
export function forwardMail(
  survey: { title_vi: string; title_en: string; closes_on: string | null },
  association: { name_vi: string; name_en: string },
  note: string,
  link: string,
  locale: Locale,
): { subject: string; text: string } {
  const title = locale === 'en' && survey.title_en ? survey.title_en : survey.title_vi;
  const name = locale === 'en' && association.name_en ? association.name_en : association.name_vi;
  const lines =
    locale === 'en'
      ? [
          'Dear member,',
          '',
          `${name} asks its members to answer the Customs survey "${title}".`,
          note ? `Its note: ${note}` : '',
          survey.closes_on ? `The survey is open until ${survey.closes_on}.` : '',
          'Your answer is anonymous: neither Customs nor the association learns what your business answered, or whether it did.',
          '',
          `Answer here (this link is for your business only): ${link}`,
        ]
      : [
          'Kính gửi Quý hội viên,',
          '',
          `${name} đề nghị các hội viên trả lời khảo sát của Hải quan "${title}".`,
          note ? `Lời nhắn của Hiệp hội: ${note}` : '',
          survey.closes_on ? `Khảo sát mở đến hết ngày ${survey.closes_on}.` : '',
          'Câu trả lời được ẩn danh: cả Hải quan và Hiệp hội đều không biết doanh nghiệp trả lời gì, hay đã trả lời chưa.',
          '',
          `Trả lời tại đây (đường dẫn chỉ dành cho doanh nghiệp của Quý vị): ${link}`,
        ];
  return {
    subject:
      locale === 'en'
        ? `${name}: please answer the Customs survey "${title}"`
        : `${name}: đề nghị trả lời khảo sát "${title}"`,
    text: lines.filter((line, i, all) => line !== '' || all[i - 1] !== '').join('\n'),
  };
}
