// What one recipient's copy of a newsletter says: the items in their topics
// (every coming event), the introduction, and the one-click unsubscribe link. Pure.
import type { NewsletterItem } from '../../db/schema.ts';
import type { Locale } from '../../lib/locale.ts';

/** The items of an issue a subscriber of these topics receives: those in their topics, and every event. */
export function itemsFor(items: NewsletterItem[], topics: ReadonlySet<string>): NewsletterItem[] {
  return items.filter((i) => i.kind === 'event' || i.topics.some((t) => topics.has(t)));
}

export function newsletterMail(input: {
  month: string;
  intro: string;
  items: NewsletterItem[];
  locale: Locale;
  unsubscribeUrl: string;
}) {
  const [y, m] = input.month.split('-');
  const docs = input.items.filter((i) => i.kind === 'document');
  const events = input.items.filter((i) => i.kind === 'event');
  const questions = input.items.filter((i) => i.kind === 'question');
  const lines = [
    input.intro,
    '',
    ...(docs.length ? ['VĂN BẢN MỚI', ...docs.map((d) => `• ${d.title}\n  ${d.detail}`), ''] : []),
    ...(questions.length ? ['HỎI ĐÁP MỚI', ...questions.map((q) => `• ${q.title}\n  ${q.detail}`), ''] : []),
    ...(events.length ? ['SỰ KIỆN SẮP TỚI', ...events.map((e) => `• ${e.title}\n  ${e.detail}`), ''] : []),
    '—',
    'Quý doanh nghiệp nhận thư này vì đã đăng ký nhận tin theo chủ đề trên Cầu Nối.',
    `Hủy đăng ký nhận tin: ${input.unsubscribeUrl}`,
    'Cầu Nối — Hải quan Việt Nam',
  ];
  return {
    subject:
      input.locale === 'en'
        ? `Customs information for businesses, ${m}/${y}`
        : `Bản tin hải quan tháng ${Number(m)}/${y}`,
    text: lines.join('\n'),
  };
}
