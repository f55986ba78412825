// The mail a consultation sends: "a draft on your topics is open for comment"
// to topic subscribers, and "the response is out, here is what became of your
// comment" to every commenter.
import { VIETNAM_TIME_ZONE } from '../../../contracts/vietnam-time.ts';
import type { Locale } from '../../lib/locale.ts';

const when = (date: Date, locale: Locale) =>
  `${new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'vi-VN', {
    timeZone: VIETNAM_TIME_ZONE,
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(date)} (GMT+7)`;

export function openedMail(row: { title: string; closes_at: Date }, link: string, locale: Locale) {
  if (locale === 'en')
    return {
      subject: `Draft open for comment: ${row.title}`,
      text: `A draft on topics you follow is open for comment until ${when(row.closes_at, 'en')}.\n\n${row.title}\n\nRead it article by article and comment: ${link}`,
    };
  return {
    subject: `Lấy ý kiến dự thảo: ${row.title}`,
    text: `Dự thảo thuộc chủ đề Quý doanh nghiệp theo dõi đang được lấy ý kiến đến ${when(row.closes_at, 'vi')}.\n\n${row.title}\n\nĐọc từng điều và góp ý tại: ${link}`,
  };
}

export function publishedMail(row: { title: string }, link: string, locale: Locale) {
  if (locale === 'en')
    return {
      subject: `Response published: ${row.title}`,
      text: `The drafting unit has published its report of comments received, taken on board and explained for "${row.title}".\n\nSee what became of your comment: ${link}`,
    };
  return {
    subject: `Đã công bố báo cáo tiếp thu, giải trình: ${row.title}`,
    text: `Cơ quan chủ trì soạn thảo đã công bố báo cáo tiếp thu, giải trình ý kiến góp ý dự thảo "${row.title}".\n\nXem ý kiến của Quý doanh nghiệp đã được tiếp thu, giải trình thế nào: ${link}`,
  };
}
