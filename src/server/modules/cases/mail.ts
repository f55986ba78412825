// The message that tells a business how its flag was handled.
import type { MailMessage } from '../../lib/mailer.ts';

export function outcomeMail(input: {
  to: string;
  locale: 'vi' | 'en';
  caseNumber: string;
  declarationNumber: string;
  substantiated: boolean;
  measure: string;
  link: string;
}): MailMessage {
  if (input.locale === 'en') {
    return {
      to: input.to,
      subject: `Outcome of your report ${input.caseNumber} (declaration ${input.declarationNumber})`,
      text: `Customs has verified the issue you reported on declaration ${input.declarationNumber}.\n\nFinding: ${input.substantiated ? 'substantiated' : 'not substantiated'}\nMeasure taken: ${input.measure}\n\nYou can see the details and tell us how your report was handled: ${input.link}\n\nCầu Nối — Vietnam Customs`,
    };
  }
  return {
    to: input.to,
    subject: `Kết quả xử lý phản ánh ${input.caseNumber} (tờ khai ${input.declarationNumber})`,
    text: `Cơ quan hải quan đã xác minh phản ánh của Quý doanh nghiệp đối với tờ khai ${input.declarationNumber}.\n\nKết luận: ${input.substantiated ? 'phản ánh đúng' : 'phản ánh không đúng'}\nBiện pháp xử lý: ${input.measure}\n\nXem chi tiết và đánh giá việc xử lý phản ánh: ${input.link}\n\nCầu Nối — Hải quan Việt Nam`,
  };
}
