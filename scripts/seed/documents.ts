// The legal document library (real customs legislation, summarized), topic
// subscriptions of the demo importer and of VCCI Hai Phong for its members,
// and announcements of Hai Phong units. The two documents recorded in
// November 2026 are demo items for the month's newsletter draft.
import type { Kysely } from 'kysely';
import type { Database, LegalDocumentsTable } from '../../src/server/db/schema.ts';
import type { Insertable } from 'kysely';
import { foldText } from '../../src/server/lib/search-text.ts';
import { vietnamDateTime } from '../../src/contracts/vietnam-time.ts';

type Doc = [
  number: string,
  type: LegalDocumentsTable['doc_type'],
  issuer: string,
  title: string,
  issued: string,
  effective: string | null,
  summaryVi: string,
  summaryEn: string,
  topics: string[],
  status: 'in_force' | 'amended' | 'replaced' | 'expired',
  recorded?: string,
];

const DOCS: Doc[] = [
  [
    '54/2014/QH13',
    'law',
    'Quốc hội',
    'Luật Hải quan',
    '2014-06-23',
    '2015-01-01',
    'Quy định quản lý nhà nước về hải quan đối với hàng hóa xuất khẩu, nhập khẩu, quá cảnh, phương tiện vận tải xuất cảnh, nhập cảnh; quyền và nghĩa vụ của người khai hải quan; quan hệ phối hợp giữa cơ quan hải quan với doanh nghiệp.',
    'Governs customs management of exports, imports, transit and means of transport; rights and duties of declarants; cooperation between customs and businesses.',
    ['procedures'],
    'in_force',
  ],
  [
    '08/2015/NĐ-CP',
    'decree',
    'Chính phủ',
    'Nghị định quy định chi tiết và biện pháp thi hành Luật Hải quan về thủ tục hải quan, kiểm tra, giám sát, kiểm soát hải quan',
    '2015-01-21',
    '2015-03-15',
    'Hướng dẫn thủ tục hải quan điện tử, kiểm tra, giám sát hải quan, doanh nghiệp ưu tiên, đại lý làm thủ tục hải quan.',
    'Details electronic customs procedures, inspection and supervision, authorized operators and customs brokers.',
    ['procedures', 'inspection'],
    'amended',
  ],
  [
    '59/2018/NĐ-CP',
    'decree',
    'Chính phủ',
    'Nghị định sửa đổi, bổ sung một số điều của Nghị định 08/2015/NĐ-CP',
    '2018-04-20',
    '2018-06-05',
    'Sửa đổi hồ sơ hải quan, kiểm tra thực tế hàng hóa, thủ tục đối với hàng gia công, sản xuất xuất khẩu và doanh nghiệp chế xuất.',
    'Amends customs dossiers, physical inspection, and procedures for processing, export production and export-processing enterprises.',
    ['procedures', 'processing_export'],
    'in_force',
  ],
  [
    '38/2015/TT-BTC',
    'circular',
    'Bộ Tài chính',
    'Thông tư quy định về thủ tục hải quan; kiểm tra, giám sát hải quan; thuế xuất khẩu, thuế nhập khẩu và quản lý thuế đối với hàng hóa xuất khẩu, nhập khẩu',
    '2015-03-25',
    '2015-04-01',
    'Hướng dẫn khai hải quan, khai bổ sung, kiểm tra hồ sơ, báo cáo quyết toán hàng gia công, sản xuất xuất khẩu, hoàn thuế và không thu thuế.',
    'Guides declarations, amendments, document checks, settlement reports for processing and export production, refunds and non-collection.',
    ['procedures', 'tax_refund', 'processing_export'],
    'amended',
  ],
  [
    '39/2018/TT-BTC',
    'circular',
    'Bộ Tài chính',
    'Thông tư sửa đổi, bổ sung một số điều của Thông tư 38/2015/TT-BTC',
    '2018-04-20',
    '2018-06-05',
    'Sửa đổi chỉ tiêu thông tin khai hải quan, thủ tục khai bổ sung, báo cáo quyết toán và kiểm tra cơ sở sản xuất.',
    'Amends declaration data, amendments, settlement reports and checks of production facilities.',
    ['procedures', 'processing_export'],
    'in_force',
  ],
  [
    '134/2016/NĐ-CP',
    'decree',
    'Chính phủ',
    'Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Thuế xuất khẩu, thuế nhập khẩu',
    '2016-09-01',
    '2016-09-01',
    'Quy định miễn thuế, giảm thuế, hoàn thuế, không thu thuế xuất khẩu, nhập khẩu; hồ sơ và thủ tục hoàn thuế.',
    'Sets export and import duty exemptions, reductions, refunds and non-collection, with their dossiers.',
    ['tax_refund', 'tax_exemption'],
    'amended',
  ],
  [
    '18/2021/NĐ-CP',
    'decree',
    'Chính phủ',
    'Nghị định sửa đổi, bổ sung một số điều của Nghị định 134/2016/NĐ-CP',
    '2021-03-11',
    '2021-04-25',
    'Sửa đổi điều kiện, hồ sơ hoàn thuế đối với nguyên liệu nhập khẩu để sản xuất hàng xuất khẩu; miễn thuế hàng gia công.',
    'Amends refund conditions for imported materials used in exports and exemptions for processing.',
    ['tax_refund', 'tax_exemption', 'processing_export'],
    'in_force',
  ],
  [
    '31/2018/NĐ-CP',
    'decree',
    'Chính phủ',
    'Nghị định quy định chi tiết Luật Quản lý ngoại thương về xuất xứ hàng hóa',
    '2018-03-08',
    '2018-03-08',
    'Quy định xác định xuất xứ hàng hóa, cấp và kiểm tra giấy chứng nhận xuất xứ (C/O), tự chứng nhận xuất xứ.',
    'Rules of origin, issuing and checking certificates of origin, self-certification.',
    ['origin'],
    'in_force',
  ],
  [
    '628/QĐ-TTg',
    'decision',
    'Thủ tướng Chính phủ',
    'Quyết định phê duyệt Chiến lược phát triển Hải quan đến năm 2030',
    '2022-05-20',
    '2022-05-20',
    'Mục tiêu xây dựng quan hệ đối tác giữa cơ quan hải quan và doanh nghiệp, hướng tới tuân thủ tự nguyện; tỷ lệ tờ khai phải kiểm tra hồ sơ không quá 30 %.',
    'Builds a customs–business partnership toward voluntary compliance; at most 30 % of declarations needing document checks.',
    ['procedures'],
    'in_force',
  ],
  [
    'Demo-01/2026/TT-BTC',
    'circular',
    'Bộ Tài chính',
    'Thông tư hướng dẫn thủ tục hải quan đối với hàng hóa xuất nhập khẩu qua thương mại điện tử (dữ liệu mẫu)',
    '2026-11-05',
    '2026-12-20',
    'Quy định khai hải quan đối với hàng hóa giao dịch qua thương mại điện tử, trách nhiệm của sàn giao dịch và doanh nghiệp chuyển phát nhanh. (Văn bản mẫu cho bản tin tháng.)',
    'Customs declaration of e-commerce goods and duties of platforms and express carriers. (Demo document for the monthly newsletter.)',
    ['e_commerce', 'procedures'],
    'in_force',
    '2026-11-06T09:00:00+07:00',
  ],
  [
    'Demo-2145/TCHQ-GSQL',
    'official_letter',
    'Tổng cục Hải quan',
    'Công văn hướng dẫn hoàn thuế đối với nguyên liệu nhập khẩu sản xuất hàng xuất khẩu đã đưa vào sản xuất (dữ liệu mẫu)',
    '2026-11-12',
    null,
    'Hướng dẫn hồ sơ chứng minh nguyên liệu đã đưa vào sản xuất và thời hạn nộp báo cáo quyết toán để được hoàn thuế. (Văn bản mẫu cho bản tin tháng.)',
    'Guidance on proving materials entered production and settlement deadlines for refunds. (Demo document for the monthly newsletter.)',
    ['tax_refund', 'processing_export'],
    'in_force',
    '2026-11-13T09:00:00+07:00',
  ],
];

export async function seedDocuments(
  db: Kysely<Database>,
  context: { unitIds: Map<string, string>; demoEnterpriseId: string },
): Promise<{ documents: number }> {
  // National legislation is maintained by the General Department; the month's demo items by the Hai Phong department.
  const root =
    (await db.selectFrom('units').select('id').where('parent_id', 'is', null).orderBy('code').executeTakeFirst())?.id ??
    null;
  const maintainer = (number: string) => (number.startsWith('Demo-') ? (context.unitIds.get('03') ?? root) : root);
  const rows: Insertable<LegalDocumentsTable>[] = DOCS.map(
    ([number, doc_type, issuer, title, issued_on, effective_on, summary_vi, summary_en, topics, status, recorded]) => ({
      unit_id: maintainer(number),
      number,
      doc_type,
      issuer,
      title,
      issued_on,
      effective_on,
      summary_vi,
      summary_en,
      topics,
      status,
      search_text: foldText(`${number} ${title} ${issuer} ${summary_vi} ${summary_en}`),
      created_at: recorded ?? vietnamDateTime(issued_on, '09:00'),
    }),
  );
  await db.insertInto('legal_documents').values(rows).execute();
  const replaced = async (older: string, newer: string) => {
    const target = await db
      .selectFrom('legal_documents')
      .select('id')
      .where('number', '=', newer)
      .executeTakeFirstOrThrow();
    await db.updateTable('legal_documents').set({ replaced_by_id: target.id }).where('number', '=', older).execute();
  };
  await replaced('08/2015/NĐ-CP', '59/2018/NĐ-CP');
  await replaced('38/2015/TT-BTC', '39/2018/TT-BTC');
  await replaced('134/2016/NĐ-CP', '18/2021/NĐ-CP');

  const user = await db
    .selectFrom('users')
    .select('id')
    .where('enterprise_id', '=', context.demoEnterpriseId)
    .where('email', 'like', 'doanhnghiep@%')
    .executeTakeFirst();
  if (user)
    await db
      .insertInto('topic_subscriptions')
      .values({
        kind: 'enterprise',
        user_id: user.id,
        enterprise_id: context.demoEnterpriseId,
        association_id: null,
        topics: ['tax_refund', 'procedures', 'hs_classification'],
      })
      .execute();
  const rep = await db
    .selectFrom('users')
    .select(['id', 'association_id'])
    .where('email', 'like', 'hiephoi@%')
    .executeTakeFirst();
  if (rep?.association_id)
    await db
      .insertInto('topic_subscriptions')
      .values({
        kind: 'association',
        user_id: rep.id,
        enterprise_id: null,
        association_id: rep.association_id,
        topics: ['procedures', 'e_commerce'],
      })
      .execute();

  const unit = (code: string) => context.unitIds.get(code) ?? null;
  const announcements: [string, string, string, string | null][] = [
    [
      '03NK',
      'Lịch làm thủ tục hải quan dịp Tết Dương lịch 2027',
      'Chi cục Hải quan KCX và KCN Hải Phòng bố trí công chức làm thủ tục đối với hàng xuất khẩu, hàng dễ hư hỏng trong ngày 1/1/2027. Doanh nghiệp có nhu cầu vui lòng đăng ký trước ngày 29/12/2026 qua Cầu Nối.',
      '2027-01-02',
    ],
    [
      '03',
      'Cục Hải quan Hải Phòng tổ chức Cà phê doanh nhân thứ Hai cuối mỗi tháng',
      'Từ tháng 12/2026, các chi cục thuộc Cục tổ chức Cà phê doanh nhân vào 7 giờ 30 sáng thứ Hai cuối tháng. Doanh nghiệp đăng ký và gửi câu hỏi trước trên Cầu Nối.',
      null,
    ],
  ];
  for (const [code, title, body, expires] of announcements) {
    const unitId = unit(code);
    if (unitId)
      await db
        .insertInto('announcements')
        .values({ unit_id: unitId, title, body, expires_on: expires, published_at: '2026-11-20T08:00:00+07:00' })
        .execute();
  }
  return { documents: DOCS.length };
}
