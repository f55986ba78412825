// The one-time code that lets the business read or amend the rating it sent
// from a link. Sealed: it never enters the administrators' outbox.
import type { Locale } from '../../lib/locale.ts';
import type { Delivery } from '../../lib/deliveries.ts';

export function ratingCodeMail(input: {
  key: string;
  to: string;
  locale: Locale;
  code: string;
  declarationNumber: string;
  minutes: number;
}): Delivery {
  const { key, to, code, declarationNumber, minutes } = input;
  if (input.locale === 'en') {
    return {
      key,
      to,
      sealed: true,
      subject: `Cầu Nối confirmation code: ${code}`,
      text: `Your confirmation code is ${code}. It is valid for ${minutes} minutes and can be used once.\n\nSomeone holding the rating link of declaration ${declarationNumber} asked to see or amend the rating your business sent. If it was not you, ignore this message: without the code the rating stays hidden.\n\nCầu Nối — Vietnam Customs`,
    };
  }
  return {
    key,
    to,
    sealed: true,
    subject: `Mã xác nhận Cầu Nối: ${code}`,
    text: `Mã xác nhận của Quý doanh nghiệp là ${code}, có hiệu lực ${minutes} phút và chỉ dùng được một lần.\n\nNgười giữ đường dẫn đánh giá tờ khai ${declarationNumber} vừa yêu cầu xem hoặc sửa đánh giá doanh nghiệp đã gửi. Nếu không phải Quý doanh nghiệp, hãy bỏ qua thư này: không có mã, đánh giá vẫn được giữ kín.\n\nCầu Nối — Hải quan Việt Nam`,
  };
}
