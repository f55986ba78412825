// Demo mail in the support desk's inbox: a few messages from people without an
// account, waiting for an officer to open a request or dismiss them.
import type { Kysely } from 'kysely';
import type { Database } from '../../src/server/db/schema.ts';

const MAILS = [
  {
    from: 'nguyen.van.binh.xnk@gmail.com',
    name: 'Nguyễn Văn Bình',
    hoursAgo: 3,
    subject: 'Hỏi thủ tục tạm nhập máy móc để sửa chữa',
    text: 'Kính gửi Hải quan,\n\nCông ty chúng tôi cần tạm nhập một dây chuyền đóng gói từ Hàn Quốc để sửa chữa rồi tái xuất. Xin hỏi hồ sơ gồm những gì và thời hạn tái xuất là bao lâu?\n\nTrân trọng,\nNguyễn Văn Bình',
  },
  {
    from: 'ketoan@thanhdatlogistics.com.vn',
    name: 'Phòng Kế toán Thành Đạt',
    hoursAgo: 20,
    subject: 'Không truy cập được cổng thanh toán thuế điện tử',
    text: 'Từ sáng nay chúng tôi không nộp được thuế cho tờ khai 105123456789 qua cổng thanh toán điện tử, báo lỗi hết phiên. Đề nghị hỗ trợ gấp vì hàng đang nằm ở cảng.',
  },
  {
    from: 'tran.thi.mai.hn@yahoo.com',
    name: 'Trần Thị Mai',
    hoursAgo: 52,
    subject: 'Hàng quà biếu gửi về có phải nộp thuế?',
    text: 'Người thân gửi từ Nhật về cho tôi một thùng quà gồm mỹ phẩm và thực phẩm chức năng, trị giá khoảng 3 triệu đồng. Tôi có phải làm thủ tục và nộp thuế không?',
  },
];

export async function seedInboundMail(db: Kysely<Database>, now: Date): Promise<number> {
  await db
    .insertInto('support_inbound_mails')
    .values(
      MAILS.map((m, i) => ({
        message_id: `<demo-${i + 1}@caunoi.local>`,
        from_address: m.from,
        from_name: m.name,
        subject: m.subject,
        text_body: m.text,
        received_at: new Date(now.getTime() - m.hoursAgo * 3_600_000),
        status: 'unmatched' as const,
        reason: 'unknown_sender',
        attachments: '[]',
      })),
    )
    .execute();
  return MAILS.length;
}
