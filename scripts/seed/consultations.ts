// Consultations on draft legal documents, one in every phase: a hidden draft; an
// open circular (a few dozen comments, one extension with its reason) owned by
// the General Department and an open Hai Phong procedure; a closed decree with
// several hundred comments from firms and associations, including groups of
// near-duplicates (generated with known labels, scripts/seed/consultation-texts.ts)
// still to be answered; and a fully answered circular with its revised text,
// change links and published report. Comments entered by the seed have no
// author account (received by letter and entered by the drafting unit).
import type { Insertable, Kysely } from 'kysely';
import { splitArticles } from '../../src/contracts/consultations.ts';
import { addDays, vietnamDay, vietnamInstant } from '../../src/contracts/vietnam-time.ts';
import type { ConsultationCommentsTable, Database } from '../../src/server/db/schema.ts';
import { foldText } from '../../src/server/lib/search-text.ts';
import { groupNearDuplicates } from '../../src/server/modules/consultations/policy.ts';
import { baseComment, labelledComments } from './consultation-texts.ts';
import { Rng } from './random.ts';

const DRAFT_DECREE = `NGHỊ ĐỊNH sửa đổi, bổ sung một số điều của Nghị định số 08/2015/NĐ-CP
Điều 1. Phạm vi điều chỉnh
Nghị định này quy định chi tiết về thủ tục hải quan, kiểm tra, giám sát hải quan đối với hàng hóa xuất khẩu, nhập khẩu.
Điều 2. Hồ sơ hải quan
1. Tờ khai hải quan theo mẫu điện tử.
2. Hóa đơn thương mại trong trường hợp người mua phải thanh toán cho người bán.
3. Bản chụp vận tải đơn hoặc các chứng từ vận tải khác có giá trị tương đương.
Điều 3. Thời hạn nộp hồ sơ
Người khai hải quan nộp hồ sơ trong thời hạn 30 ngày kể từ ngày hàng hóa đến cửa khẩu.
Điều 4. Kiểm tra thực tế hàng hóa
Cơ quan hải quan kiểm tra thực tế hàng hóa trên cơ sở áp dụng quản lý rủi ro; thời gian kiểm tra không quá 08 giờ làm việc.
Điều 5. Khai bổ sung
Người khai hải quan được khai bổ sung trong thời hạn 60 ngày kể từ ngày thông quan.
Điều 6. Hiệu lực thi hành
Nghị định này có hiệu lực kể từ ngày 01 tháng 7 năm 2027.`;

const DRAFT_CIRCULAR = `THÔNG TƯ quy định về hoàn thuế nhập khẩu nguyên liệu sản xuất xuất khẩu
Điều 1. Phạm vi điều chỉnh
Thông tư này quy định hồ sơ, thủ tục hoàn thuế nhập khẩu đối với nguyên liệu, vật tư nhập khẩu để sản xuất hàng xuất khẩu.
Điều 2. Hồ sơ hoàn thuế
1. Công văn đề nghị hoàn thuế theo mẫu.
2. Bản chụp hợp đồng xuất khẩu.
3. Báo cáo tính thuế nguyên liệu, vật tư.
Điều 3. Thời hạn giải quyết
Cơ quan hải quan giải quyết hồ sơ hoàn thuế trong thời hạn 10 ngày làm việc.
Điều 4. Hiệu lực thi hành
Thông tư này có hiệu lực kể từ ngày 01 tháng 3 năm 2027.`;

const REVISED_CIRCULAR = DRAFT_CIRCULAR.replace('2. Bản chụp hợp đồng xuất khẩu.\n3.', '2.').replace(
  'trong thời hạn 10 ngày làm việc',
  'trong thời hạn 06 ngày làm việc',
);

const DRAFT_PROCEDURE = `QUYẾT ĐỊNH ban hành Quy trình tiếp nhận, giải quyết vướng mắc của doanh nghiệp tại Cục Hải quan thành phố Hải Phòng
Điều 1. Tiếp nhận vướng mắc
Vướng mắc được tiếp nhận qua cổng thông tin, thư điện tử, điện thoại và trực tiếp.
Điều 2. Thời hạn trả lời
Vướng mắc thuộc thẩm quyền được trả lời trong 05 ngày làm việc.
Điều 3. Công khai kết quả
Kết quả giải quyết được công khai trên cổng thông tin của Cục.`;

const DRAFT_WAREHOUSE = `THÔNG TƯ quy định về kho ngoại quan
Điều 1. Phạm vi điều chỉnh
Thông tư này quy định điều kiện, thủ tục công nhận kho ngoại quan.
Điều 2. Điều kiện công nhận
Kho có diện tích tối thiểu 5.000 m2, có hệ thống camera kết nối với cơ quan hải quan.`;

type Phase = 'draft' | 'open' | 'closed' | 'published';

export async function seedConsultations(db: Kysely<Database>, options: { unitIds: Map<string, string>; now: Date }) {
  const rng = new Rng('consultations');
  const today = vietnamDay(options.now);
  const gd = options.unitIds.get('00')!;
  const haiPhong = options.unitIds.get('03')!;
  const firms = await db.selectFrom('enterprises').select(['id']).orderBy('tax_code').limit(900).execute();
  const memberships = await db
    .selectFrom('association_members')
    .select(['association_id', 'enterprise_id'])
    .orderBy('association_id')
    .limit(5000)
    .execute();
  const associations = [...new Set(memberships.map((m) => m.association_id))].slice(0, 6);
  const membersOf = (a: string) => memberships.filter((m) => m.association_id === a).map((m) => m.enterprise_id);

  async function consultation(values: {
    owner: string;
    title: string;
    summary: string;
    docType: string;
    text: string;
    topics: string[];
    phase: Phase;
    opensDay: string;
    closesDay: string;
    dueDay: string | null;
    extensions?: { at: string; from: string; to: string; reason: string }[];
    publishedAt?: Date;
  }) {
    const created = vietnamInstant(addDays(values.opensDay, -2), '09:00');
    const { id } = await db
      .insertInto('consultations')
      .values({
        owner_unit_id: values.owner,
        title: values.title,
        summary: values.summary,
        doc_type: values.docType,
        phase: values.phase,
        opens_at: vietnamInstant(values.opensDay, '08:00'),
        closes_at: vietnamInstant(values.closesDay, '17:00'),
        response_due_on: values.dueDay,
        topics: values.topics,
        questions: JSON.stringify([{ key: 'q1', text: 'Doanh nghiệp có đồng ý với thời điểm có hiệu lực không?' }]),
        extensions: JSON.stringify(values.extensions ?? []),
        response_summary:
          values.phase === 'published'
            ? 'Cơ quan chủ trì đã tiếp thu phần lớn ý kiến về hồ sơ và thời hạn giải quyết.'
            : '',
        published_at: values.publishedAt ?? null,
        grouped_at: values.phase === 'published' ? (values.publishedAt ?? null) : null,
        search_text: foldText(`${values.title} ${values.summary}`),
        created_by: null,
        created_at: created,
        updated_at: created,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const articles = splitArticles(values.text)!;
    await db
      .insertInto('consultation_articles')
      .values(
        articles.map((a) => ({ consultation_id: id, version: 1, number: a.number, heading: a.heading, body: a.body })),
      )
      .execute();
    return { id, articles };
  }

  /** Comments: `count` from firms (texts with near-duplicate groups), one position per association. */
  async function comments(id: string, articles: number[], count: number, opensDay: string, seed: string) {
    const texts = labelledComments(count, seed, 0.35, 25);
    const rows: Insertable<ConsultationCommentsTable>[] = texts.map((c, i) => {
      const at = vietnamInstant(
        addDays(opensDay, (i * 7) % 12),
        `${String(8 + (i % 9)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`,
      );
      return {
        consultation_id: id,
        article_number: articles[c.label % articles.length]!,
        clause: rng.chance(0.3) ? `Khoản ${rng.int(1, 3)}` : null,
        body: c.text,
        proposed_wording: rng.chance(0.15) ? `${c.text.split(',')[0]}.` : null,
        kind: 'enterprise',
        enterprise_id: firms[(i * 37) % firms.length]!.id,
        association_id: null,
        author_user_id: null,
        anonymous: rng.chance(0.15),
        represented_count: null,
        created_at: at,
        updated_at: at,
      };
    });
    for (const [index, a] of associations.entries()) {
      const members = membersOf(a);
      const at = vietnamInstant(addDays(opensDay, 5), '10:00');
      rows.push({
        consultation_id: id,
        article_number: articles[index % articles.length]!,
        clause: null,
        body: `Hiệp hội tổng hợp ý kiến hội viên: ${baseComment(rng)}`,
        proposed_wording: null,
        kind: 'association',
        enterprise_id: null,
        association_id: a,
        author_user_id: null,
        anonymous: false,
        represented_count: Math.max(members.length, 10 + index * 7),
        created_at: at,
        updated_at: at,
        cosigner_ids: members.slice(0, 3),
      });
    }
    const ids: { id: string; article_number: number | null; body: string }[] = [];
    for (let i = 0; i < rows.length; i += 500)
      ids.push(
        ...(await db
          .insertInto('consultation_comments')
          .values(rows.slice(i, i + 500))
          .returning(['id', 'article_number', 'body'])
          .execute()),
      );
    return ids;
  }

  await consultation({
    owner: gd,
    title: 'Dự thảo Thông tư quy định về kho ngoại quan',
    summary: 'Dự thảo đang được Tổng cục hoàn thiện trước khi lấy ý kiến.',
    docType: 'circular',
    text: DRAFT_WAREHOUSE,
    topics: ['procedures'],
    phase: 'draft',
    opensDay: addDays(today, 10),
    closesDay: addDays(today, 40),
    dueDay: null,
  });

  const open = await consultation({
    owner: gd,
    title: 'Dự thảo Nghị định sửa đổi, bổ sung Nghị định 08/2015/NĐ-CP về thủ tục hải quan',
    summary: 'Sửa đổi hồ sơ hải quan, thời hạn nộp hồ sơ, kiểm tra thực tế và khai bổ sung.',
    docType: 'decree',
    text: DRAFT_DECREE,
    topics: ['procedures', 'inspection'],
    phase: 'open',
    opensDay: addDays(today, -10),
    closesDay: addDays(today, 20),
    dueDay: addDays(today, 45),
    extensions: [
      {
        at: vietnamInstant(addDays(today, -2), '10:00').toISOString(),
        from: vietnamInstant(addDays(today, 5), '17:00').toISOString(),
        to: vietnamInstant(addDays(today, 20), '17:00').toISOString(),
        reason: 'Theo đề nghị của VCCI và các hiệp hội, gia hạn để doanh nghiệp có thêm thời gian nghiên cứu.',
      },
    ],
  });
  await comments(open.id, [2, 3, 4, 5], 30, addDays(today, -10), 'open-decree');

  const local = await consultation({
    owner: haiPhong,
    title: 'Dự thảo Quy trình tiếp nhận, giải quyết vướng mắc của doanh nghiệp tại Cục Hải quan Hải Phòng',
    summary: 'Cục Hải quan Hải Phòng lấy ý kiến doanh nghiệp về quy trình của Cục.',
    docType: 'decision',
    text: DRAFT_PROCEDURE,
    topics: ['procedures'],
    phase: 'open',
    opensDay: addDays(today, -3),
    closesDay: addDays(today, 12),
    dueDay: addDays(today, 30),
  });
  await comments(local.id, [1, 2, 3], 8, addDays(today, -3), 'open-procedure');

  const closed = await consultation({
    owner: gd,
    title: 'Dự thảo Nghị định quy định về kiểm tra chuyên ngành hàng hóa xuất khẩu, nhập khẩu',
    summary: 'Kiểm tra chuyên ngành tại cửa khẩu: hồ sơ, thời hạn, kết nối Cơ chế một cửa quốc gia.',
    docType: 'decree',
    text: DRAFT_DECREE.replace(
      'NGHỊ ĐỊNH sửa đổi, bổ sung một số điều của Nghị định số 08/2015/NĐ-CP',
      'NGHỊ ĐỊNH về kiểm tra chuyên ngành',
    ),
    topics: ['inspection', 'commodity_policy'],
    phase: 'closed',
    opensDay: addDays(today, -45),
    closesDay: addDays(today, -5),
    dueDay: addDays(today, 25),
  });
  const closedComments = await comments(closed.id, [1, 2, 3, 4, 5, 6], 420, addDays(today, -45), 'closed-decree');

  const publishedAt = vietnamInstant(addDays(today, -20), '15:00');
  const answered = await consultation({
    owner: gd,
    title: 'Dự thảo Thông tư quy định về hoàn thuế nhập khẩu nguyên liệu sản xuất xuất khẩu',
    summary: 'Hồ sơ hoàn thuế và thời hạn giải quyết.',
    docType: 'circular',
    text: DRAFT_CIRCULAR,
    topics: ['tax_refund', 'processing_export'],
    phase: 'published',
    opensDay: addDays(today, -80),
    closesDay: addDays(today, -40),
    dueDay: addDays(today, -15),
    publishedAt,
  });
  const answeredComments = await comments(answered.id, [1, 2, 3, 4], 60, addDays(today, -80), 'answered-circular');
  const groups = groupNearDuplicates(
    answeredComments.map((c) => ({ id: c.id, articleNumber: c.article_number, text: c.body })),
  );
  const reasons = {
    accepted: 'Tiếp thu: đã bỏ yêu cầu bản chụp hợp đồng và rút ngắn thời hạn giải quyết.',
    partly: 'Tiếp thu một phần: rút thời hạn xuống 06 ngày làm việc thay vì 05 ngày như đề xuất.',
    not_accepted: 'Không tiếp thu: nội dung này thuộc phạm vi Luật Quản lý thuế, không thuộc Thông tư.',
    noted: 'Ghi nhận để hướng dẫn trong văn bản khác.',
  } as const;
  const dispositionOf = (article: number | null): keyof typeof reasons =>
    article === 2 ? 'accepted' : article === 3 ? 'partly' : article === 1 ? 'noted' : 'not_accepted';
  for (const c of answeredComments) {
    const d = dispositionOf(c.article_number);
    await db
      .updateTable('consultation_comments')
      .set({ group_id: groups.get(c.id) ?? c.id, disposition: d, reason: reasons[d], disposed_at: publishedAt })
      .where('id', '=', c.id)
      .execute();
  }
  await db
    .insertInto('consultation_articles')
    .values(
      splitArticles(REVISED_CIRCULAR)!.map((a) => ({
        consultation_id: answered.id,
        version: 2,
        number: a.number,
        heading: a.heading,
        body: a.body,
      })),
    )
    .execute();
  const changeLinks = answeredComments
    .filter((c) => c.article_number === 2 || c.article_number === 3)
    .map((c) => ({ consultation_id: answered.id, article_number: c.article_number!, comment_id: c.id }));
  if (changeLinks.length) await db.insertInto('consultation_change_links').values(changeLinks).execute();
  // The library's circular (if the demo library has one on tax refunds) came out of this consultation.
  const doc = await db
    .selectFrom('legal_documents')
    .select('id')
    .where('doc_type', '=', 'circular')
    .where('search_text', 'like', '%hoan thue%')
    .limit(1)
    .executeTakeFirst();
  if (doc)
    await db.updateTable('consultations').set({ legal_document_id: doc.id }).where('id', '=', answered.id).execute();

  return {
    consultations: 5,
    comments: 30 + 8 + closedComments.length + answeredComments.length + associations.length * 2,
    closedComments: closedComments.length,
  };
}
