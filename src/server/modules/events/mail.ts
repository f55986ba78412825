// The mail an event sends: invitation, registration confirmation (with the
// check-in code), reminder, and a published answer. Calendar files attached.
import type { EventKind } from '../../../contracts/events.ts';
import { buildIcs } from '../../lib/ics.ts';
import type { Locale } from '../../lib/locale.ts';
import type { MailAttachment } from '../../lib/mailer.ts';
import { VIETNAM_TIME_ZONE } from '../../../contracts/vietnam-time.ts';

export const KIND_NAMES: Record<EventKind, { vi: string; en: string }> = {
  conference: { vi: 'Hội nghị', en: 'Conference' },
  quarterly_dialogue: { vi: 'Đối thoại định kỳ quý', en: 'Quarterly dialogue' },
  morning_coffee: { vi: 'Cà phê doanh nhân', en: 'Morning coffee with businesses' },
  enterprise_dialogue: { vi: 'Đối thoại theo đề nghị của doanh nghiệp', en: 'Dialogue requested by an enterprise' },
};

export interface MailEvent {
  id: string;
  kind: EventKind;
  title: string;
  agenda: string;
  place: string | null;
  online_url: string | null;
  starts_at: Date;
  ends_at: Date;
  organizer_name: string;
}

export function formatWhen(start: Date, end: Date, locale: Locale): string {
  const tag = locale === 'vi' ? 'vi-VN' : 'en-GB';
  const day = new Intl.DateTimeFormat(tag, {
    timeZone: VIETNAM_TIME_ZONE,
    weekday: 'long',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(start);
  const time = new Intl.DateTimeFormat(tag, {
    timeZone: VIETNAM_TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });
  return `${day}, ${time.format(start)}–${time.format(end)} (GMT+7)`;
}

function where(event: MailEvent, locale: Locale): string {
  const parts = [
    event.place,
    event.online_url ? `${locale === 'vi' ? 'Trực tuyến' : 'Online'}: ${event.online_url}` : null,
  ].filter(Boolean);
  return parts.join(' · ');
}

export function calendarAttachment(event: MailEvent, link: string, stamp: Date, from: string): MailAttachment {
  const email = /<([^>]+)>/.exec(from)?.[1] ?? from;
  const ics = buildIcs({
    uid: `event-${event.id}@caunoi.customs.gov.vn`,
    stamp,
    start: event.starts_at,
    end: event.ends_at,
    summary: event.title,
    description: `${KIND_NAMES[event.kind].vi} — ${event.organizer_name}\n${event.agenda}\n${link}`,
    location: [event.place, event.online_url].filter(Boolean).join(' — ') || null,
    url: link,
    organizer: { name: event.organizer_name, email },
    alarmMinutes: 60,
  });
  return { filename: 'su-kien.ics', content: ics, contentType: 'text/calendar; charset=utf-8; method=PUBLISH' };
}

const SIGNATURE = { vi: 'Cầu Nối — Hải quan Việt Nam', en: 'Cầu Nối — Vietnam Customs' };

export function invitationMail(event: MailEvent, locale: Locale, link: string) {
  const when = formatWhen(event.starts_at, event.ends_at, locale);
  if (locale === 'en') {
    return {
      subject: `Invitation: ${event.title}`,
      text: `${event.organizer_name} invites your business to: ${event.title} (${KIND_NAMES[event.kind].en}).\n\nWhen: ${when}\nWhere: ${where(event, locale)}\n\nAgenda:\n${event.agenda}\n\nRegister and send your questions in advance: ${link}\n\n${SIGNATURE.en}`,
    };
  }
  return {
    subject: `Thư mời: ${event.title}`,
    text: `${event.organizer_name} trân trọng kính mời Quý doanh nghiệp tham dự: ${event.title} (${KIND_NAMES[event.kind].vi}).\n\nThời gian: ${when}\nĐịa điểm: ${where(event, locale)}\n\nChương trình:\n${event.agenda}\n\nĐăng ký tham dự và gửi câu hỏi trước tại: ${link}\n\n${SIGNATURE.vi}`,
  };
}

export function registeredMail(event: MailEvent, locale: Locale, link: string, attendee: string, token: string) {
  const when = formatWhen(event.starts_at, event.ends_at, locale);
  if (locale === 'en') {
    return {
      subject: `Registration confirmed: ${event.title}`,
      text: `Your registration for ${event.title} is confirmed (attendee: ${attendee}).\n\nWhen: ${when}\nWhere: ${where(event, locale)}\n\nAt the door, show the QR code on the event page, or give this check-in code: ${token}\n${link}\n\n${SIGNATURE.en}`,
    };
  }
  return {
    subject: `Xác nhận đăng ký: ${event.title}`,
    text: `Quý doanh nghiệp đã đăng ký tham dự ${event.title} (người tham dự: ${attendee}).\n\nThời gian: ${when}\nĐịa điểm: ${where(event, locale)}\n\nKhi đến, vui lòng xuất trình mã QR trên trang sự kiện hoặc đọc mã điểm danh: ${token}\n${link}\n\n${SIGNATURE.vi}`,
  };
}

export function reminderMail(event: MailEvent, locale: Locale, link: string) {
  const when = formatWhen(event.starts_at, event.ends_at, locale);
  if (locale === 'en') {
    return {
      subject: `Reminder: ${event.title}`,
      text: `A reminder that ${event.title} takes place on ${when}.\nWhere: ${where(event, locale)}\n\n${link}\n\n${SIGNATURE.en}`,
    };
  }
  return {
    subject: `Nhắc lịch: ${event.title}`,
    text: `Xin nhắc Quý doanh nghiệp: ${event.title} sẽ diễn ra vào ${when}.\nĐịa điểm: ${where(event, locale)}\n\n${link}\n\n${SIGNATURE.vi}`,
  };
}

export function answerMail(event: MailEvent, locale: Locale, link: string, question: string, answer: string) {
  if (locale === 'en') {
    return {
      subject: `Answer published: ${event.title}`,
      text: `An answer to a question raised at ${event.title} has been published.\n\nQuestion: ${question}\n\nAnswer: ${answer}\n\n${link}\n\n${SIGNATURE.en}`,
    };
  }
  return {
    subject: `Trả lời kiến nghị: ${event.title}`,
    text: `Cơ quan hải quan đã trả lời câu hỏi, kiến nghị nêu tại ${event.title}.\n\nCâu hỏi: ${question}\n\nTrả lời: ${answer}\n\n${link}\n\n${SIGNATURE.vi}`,
  };
}
