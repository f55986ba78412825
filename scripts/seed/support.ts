// Demo support desk: category routes for the EPZ and IZ branch 03NK, canned
// answers, and ~300 past requests over six months in Hai Phong and Quang Ninh
// (web, phone, e-mail, in person, writing), most answered and resolved, many
// rated; a few still open so the queue and the dashboard have something to show.
import type { Insertable, Kysely } from 'kysely';
import { QA_CATEGORIES, type QaCategory } from '../../src/contracts/questions.ts';
import { CHANNELS, PRIORITIES, type Priority } from '../../src/contracts/support.ts';
import type { Database, SupportRequestsTable } from '../../src/server/db/schema.ts';
import { addServiceMinutes } from '../../src/server/modules/support/calendar.ts';
import { serviceLevel } from '../../src/server/modules/support/policy.ts';
import { personName } from './names.ts';
import type { SeededOrganization } from './organization.ts';
import { demoQuestionEntries } from './questions.ts';
import { Rng } from './random.ts';
import { seedInboundMail } from './support-inbound.ts';

const CANNED = [
  {
    category: null,
    title: 'Đề nghị bổ sung thông tin',
    body: 'Để có cơ sở trả lời, đề nghị Quý doanh nghiệp cung cấp số tờ khai, mô tả chi tiết hàng hóa và tài liệu liên quan (hợp đồng, hóa đơn, tài liệu kỹ thuật).',
  },
  {
    category: 'tax_refund',
    title: 'Hồ sơ hoàn thuế',
    body: 'Hồ sơ hoàn thuế gồm công văn đề nghị hoàn thuế theo mẫu, chứng từ thanh toán qua ngân hàng, hợp đồng và tờ khai liên quan (Điều 33 Nghị định 134/2016/NĐ-CP, sửa đổi bởi Nghị định 18/2021/NĐ-CP).',
  },
  {
    category: 'hs_code',
    title: 'Xác định trước mã số',
    body: 'Doanh nghiệp có thể đề nghị xác định trước mã số theo Điều 7 Nghị định 08/2015/NĐ-CP (sửa đổi bởi Nghị định 59/2018/NĐ-CP), nộp hồ sơ ít nhất 60 ngày trước khi nhập khẩu.',
  },
  {
    category: 'origin',
    title: 'Nộp bổ sung C/O',
    body: 'Trường hợp chưa có C/O tại thời điểm làm thủ tục, doanh nghiệp khai thuế suất thông thường/ưu đãi và nộp bổ sung C/O trong thời hạn để được hoàn số thuế chênh lệch (Thông tư 33/2023/TT-BTC).',
  },
  {
    category: 'it_ecustoms',
    title: 'Lỗi hệ thống VNACCS',
    body: 'Đề nghị doanh nghiệp gửi ảnh chụp màn hình thông báo lỗi, số tờ khai và mã lỗi; bộ phận CNTT sẽ kiểm tra và phản hồi ngay.',
  },
  {
    category: 'processing_export',
    title: 'Báo cáo quyết toán',
    body: 'Báo cáo quyết toán nộp chậm nhất ngày thứ 90 kể từ ngày kết thúc năm tài chính (Điều 60 Thông tư 38/2015/TT-BTC, sửa đổi bởi Thông tư 39/2018/TT-BTC).',
  },
];

const CATEGORY_WEIGHTS = [18, 20, 10, 10, 16, 12, 8, 4, 2];
const CHANNEL_WEIGHTS = [55, 20, 10, 8, 7];

export async function seedSupport(
  db: Kysely<Database>,
  org: SeededOrganization,
  demoEnterpriseId: string,
  now: Date,
): Promise<number> {
  const rng = new Rng('support:demo');
  const byCode = org.unitIds;
  const teamsOf = (branchCode: string) =>
    [...org.teamOfficers.keys()]
      .filter((code) => code.startsWith(branchCode) && code.length === branchCode.length + 2)
      .sort();
  // Routes at 03NK: classification, policy and origin to the second team when there is one.
  const nkTeams = teamsOf('03NK');
  const routes = QA_CATEGORIES.map((category) => ({
    branch_unit_id: byCode.get('03NK')!,
    category,
    team_unit_id: byCode.get(
      ['hs_code', 'commodity_policy', 'origin'].includes(category) ? (nkTeams[1] ?? nkTeams[0]!) : nkTeams[0]!,
    )!,
  }));
  await db.insertInto('support_routes').values(routes).execute();
  const lead = await db
    .selectFrom('users')
    .select('id')
    .where('email', '=', 'doitruong.03nk@demo.caunoi.vn')
    .executeTakeFirst();
  await db
    .insertInto('support_canned_answers')
    .values(CANNED.map((c) => ({ ...c, created_by_user_id: lead?.id ?? null })))
    .execute();

  const demoUser = await db
    .selectFrom('users')
    .select(['id', 'full_name', 'email'])
    .where('email', '=', 'doanhnghiep@demo.caunoi.vn')
    .executeTakeFirst();
  const officerUsers = await db
    .selectFrom('users')
    .select(['id', 'full_name'])
    .where('email', 'in', ['congchuc.03nk@demo.caunoi.vn', 'doitruong.03nk@demo.caunoi.vn'])
    .execute();
  const branches = org.departments
    .filter((d) => d.spec.code === '03' || d.spec.code === '20')
    .flatMap((d) => d.branches.map((b) => ({ id: b.id, code: b.spec.code })));
  const enterprises = await db
    .selectFrom('enterprises')
    .select(['id', 'managing_unit_id', 'name'])
    .where(
      'managing_unit_id',
      'in',
      branches.map((b) => b.id),
    )
    .limit(3000)
    .execute();
  const answers = demoQuestionEntries();
  const answerFor = (category: QaCategory) => rng.pick(answers.filter((a) => a.category === category));

  const rows: Insertable<SupportRequestsTable>[] = [];
  const messages: {
    index: number;
    kind: 'public';
    from_business: boolean;
    author_name: string;
    body: string;
    at: Date;
  }[] = [];
  const total = 300;
  for (let i = 0; i < total; i++) {
    const demo = i % 12 === 0;
    const demoParty = { id: demoEnterpriseId, managing_unit_id: byCode.get('03NK')!, name: '' };
    const enterprise = demo || enterprises.length === 0 ? demoParty : rng.pick(enterprises);
    const branch = branches.find((b) => b.id === enterprise.managing_unit_id) ?? branches[0]!;
    const teams = teamsOf(branch.code);
    const category = rng.weighted(QA_CATEGORIES, CATEGORY_WEIGHTS);
    const route =
      branch.code === '03NK'
        ? routes.find((r) => r.category === category)!.team_unit_id
        : byCode.get(teams[0] ?? branch.code)!;
    const priority: Priority = rng.weighted(PRIORITIES, [80, 17, 3]);
    const channel = rng.weighted(CHANNELS, CHANNEL_WEIGHTS);
    const created = rng.dateBetween(
      new Date(now.getTime() - 180 * 86_400_000).toISOString(),
      new Date(now.getTime() - 86_400_000).toISOString(),
    );
    const level = serviceLevel(category, priority);
    const firstDue = addServiceMinutes(created, level.firstResponseMinutes, level.calendar);
    const resolutionDue = addServiceMinutes(created, level.resolutionMinutes, level.calendar);
    const ageDays = (now.getTime() - created.getTime()) / 86_400_000;
    const answered = ageDays > 1 || rng.chance(0.5);
    const firstResponded = answered
      ? addServiceMinutes(
          created,
          Math.round(level.firstResponseMinutes * (rng.chance(0.9) ? rng.next() : 1 + rng.next())),
          level.calendar,
        )
      : null;
    const resolved =
      answered && (ageDays > 10 || rng.chance(0.6))
        ? addServiceMinutes(
            created,
            Math.round(level.resolutionMinutes * (rng.chance(0.85) ? 0.2 + 0.8 * rng.next() : 1 + rng.next())),
            level.calendar,
          )
        : null;
    const rated = resolved && rng.chance(0.7);
    const entry = answerFor(category);
    const name = demo && demoUser ? demoUser.full_name : personName(rng).fullName;
    rows.push({
      number: `HT${String(created.getUTCFullYear()).slice(2)}-${String(i + 1).padStart(6, '0')}`,
      subject: entry.titleVi.replace(/\?$/, ''),
      body: `Kính gửi Chi cục, ${entry.titleVi[0]!.toLowerCase()}${entry.titleVi.slice(1)} Công ty đề nghị được hướng dẫn cụ thể.`,
      category,
      priority,
      channel,
      status: resolved && resolved < now ? 'resolved' : firstResponded ? 'in_progress' : 'open',
      calendar: level.calendar,
      enterprise_id: enterprise.id,
      association_id: null,
      requester_user_id: demo && demoUser && channel === 'web' ? demoUser.id : null,
      requester_name: name,
      requester_email: demo && demoUser ? demoUser.email : null,
      requester_phone: channel === 'phone' ? `09${rng.int(10_000_000, 99_999_999)}` : null,
      branch_unit_id: branch.id,
      team_unit_id: route,
      handler_unit_id: route,
      handler_role: 'officer',
      escalation_level: 0,
      assignee_user_id: branch.code === '03NK' && officerUsers[0] ? officerUsers[0].id : null,
      first_response_due: firstDue,
      resolution_due: resolutionDue,
      escalation_due_at: resolved ? null : firstResponded ? resolutionDue : firstDue,
      first_responded_at: firstResponded && firstResponded < now ? firstResponded : null,
      resolved_at: resolved && resolved < now ? resolved : null,
      reopen_until: resolved && resolved < now ? new Date(resolved.getTime() + 7 * 86_400_000) : null,
      rating_helpful: rated ? rng.chance(0.88) : null,
      rating_fast: rated ? rng.chance(0.8) : null,
      rated_at: rated && resolved ? new Date(resolved.getTime() + 3_600_000) : null,
      created_at: created,
      updated_at: resolved ?? created,
    });
    if (firstResponded && firstResponded < now)
      messages.push({
        index: i,
        kind: 'public',
        from_business: false,
        author_name: officerUsers[0]?.full_name ?? 'Công chức hải quan',
        body: entry.bodyVi,
        at: firstResponded,
      });
  }
  const ids: string[] = [];
  for (let i = 0; i < rows.length; i += 100)
    ids.push(
      ...(
        await db
          .insertInto('support_requests')
          .values(rows.slice(i, i + 100))
          .returning('id')
          .execute()
      ).map((r) => r.id),
    );
  await db
    .selectNoFrom((eb) => eb.fn('setval', [eb.val('support_request_number_seq'), eb.val(total)]).as('n'))
    .execute();
  if (messages.length) {
    await db
      .insertInto('support_messages')
      .values(
        messages.map((m) => ({
          request_id: ids[m.index]!,
          kind: m.kind,
          from_business: m.from_business,
          author_user_id: officerUsers[0]?.id ?? null,
          author_name: m.author_name,
          body: m.body,
          created_at: m.at,
        })),
      )
      .execute();
  }
  await db
    .insertInto('support_events')
    .values(
      rows.map((row, i) => ({
        request_id: ids[i]!,
        at: row.created_at as Date,
        action: 'created',
        actor_user_id: null,
        details: JSON.stringify({ channel: row.channel }),
      })),
    )
    .execute();
  await seedInboundMail(db, now);
  return rows.length;
}
