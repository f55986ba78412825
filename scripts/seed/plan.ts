// The 2026 partnership development plan: the General Department's national plan
// (five contents, targets for departments and branches), published in January,
// adopted by the demo departments (Hải Phòng 03, Quảng Ninh 20) with some values
// raised and branch targets assigned; a manual target reported and accepted.
// Progress is then computed from the demo data already there, as the hourly job would.
import type { Kysely } from 'kysely';
import type { Database } from '../../src/server/db/schema.ts';
import { fixedClock } from '../../src/server/lib/clock.ts';
import { createPlanProgress } from '../../src/server/modules/plan/progress.ts';

type Level = 'general_department' | 'department' | 'branch';
interface Seed {
  content: 'information' | 'support' | 'consultation' | 'cooperation' | 'supervision';
  goal: string;
  title: string;
  measure: string | null;
  value: number;
  level: Level;
}

const YEAR = 2026;
const NATIONAL: Seed[] = [
  {
    content: 'information',
    goal: 'Thông tin pháp luật đến doanh nghiệp nhanh, đầy đủ',
    title: 'Gửi bản tin điện tử hằng tháng',
    measure: 'newsletters_sent',
    value: 10,
    level: 'department',
  },
  {
    content: 'information',
    goal: 'Thông tin pháp luật đến doanh nghiệp nhanh, đầy đủ',
    title: 'Công bố câu hỏi – trả lời mới',
    measure: 'qa_entries_published',
    value: 20,
    level: 'general_department',
  },
  {
    content: 'support',
    goal: 'Mọi vướng mắc được giải quyết đúng hạn',
    title: 'Giải quyết yêu cầu hỗ trợ đúng hạn',
    measure: 'support_resolved_on_time_share',
    value: 90,
    level: 'department',
  },
  {
    content: 'support',
    goal: 'Mọi vướng mắc được giải quyết đúng hạn',
    title: 'Phản hồi đầu tiên trong vòng 8 giờ (trung vị)',
    measure: 'support_first_response_median_hours',
    value: 8,
    level: 'branch',
  },
  {
    content: 'consultation',
    goal: 'Lắng nghe doanh nghiệp',
    title: 'Tổ chức hội nghị, đối thoại với doanh nghiệp',
    measure: 'dialogues_held',
    value: 4,
    level: 'department',
  },
  {
    content: 'consultation',
    goal: 'Lắng nghe doanh nghiệp',
    title: 'Trả lời kiến nghị tại đối thoại',
    measure: 'dialogue_items_answered_share',
    value: 95,
    level: 'department',
  },
  {
    content: 'cooperation',
    goal: 'Mở rộng quan hệ đối tác',
    title: 'Ký thỏa thuận hợp tác với doanh nghiệp',
    measure: 'agreements_signed',
    value: 2,
    level: 'branch',
  },
  {
    content: 'cooperation',
    goal: 'Mở rộng quan hệ đối tác',
    title: 'Thỏa thuận hợp tác còn hiệu lực',
    measure: 'agreements_in_force',
    value: 5,
    level: 'department',
  },
  {
    content: 'supervision',
    goal: 'Doanh nghiệp giám sát chất lượng phục vụ',
    title: 'Tỷ lệ tờ khai hài lòng',
    measure: 'service_satisfaction_share',
    value: 85,
    level: 'department',
  },
  {
    content: 'supervision',
    goal: 'Doanh nghiệp giám sát chất lượng phục vụ',
    title: 'Xử lý phản ánh đúng hạn',
    measure: 'flags_handled_on_time_share',
    value: 95,
    level: 'branch',
  },
  {
    content: 'information',
    goal: 'Nâng cao năng lực công chức',
    title: 'Tập huấn công chức về quan hệ đối tác',
    measure: null,
    value: 2,
    level: 'branch',
  },
];

export async function seedPlan(
  db: Kysely<Database>,
  options: { unitIds: Map<string, string>; now: Date; publicBase?: string },
): Promise<{ plans: number; targets: number }> {
  const root = await db
    .selectFrom('units')
    .select('id')
    .where('parent_id', 'is', null)
    .orderBy('created_at')
    .executeTakeFirst();
  if (!root) return { plans: 0, targets: 0 };
  const publishedAt = new Date(`${String(YEAR)}-01-15T02:00:00Z`);
  const deadline = `${String(YEAR)}-12-31`;
  const national = await db
    .insertInto('plans')
    .values({
      unit_id: root.id,
      year: YEAR,
      parent_plan_id: null,
      status: 'published',
      title: `Kế hoạch phát triển quan hệ đối tác Hải quan – Doanh nghiệp năm ${String(YEAR)}`,
      published_at: publishedAt,
      created_at: publishedAt,
      updated_at: publishedAt,
    })
    .returning(['id', 'title'])
    .executeTakeFirstOrThrow();
  const nationalTargets = await db
    .insertInto('plan_targets')
    .values(
      NATIONAL.map((s) => ({
        plan_id: national.id,
        unit_id: root.id,
        content: s.content,
        goal: s.goal,
        title: s.title,
        measure_code: s.measure,
        target_value: s.value,
        deadline,
        level: s.level,
        source_target_id: null,
        created_at: publishedAt,
        updated_at: publishedAt,
      })),
    )
    .returning(['id', 'level', 'target_value', 'measure_code'])
    .execute();
  let plans = 1;
  let targets = nationalTargets.length;
  const adoptedAt = new Date(`${String(YEAR)}-02-01T02:00:00Z`);
  for (const code of ['03', '20']) {
    const departmentId = options.unitIds.get(code);
    if (!departmentId) continue;
    const department = await db
      .insertInto('plans')
      .values({
        unit_id: departmentId,
        year: YEAR,
        parent_plan_id: national.id,
        status: 'adopted',
        title: national.title,
        adopted_at: adoptedAt,
        created_at: adoptedAt,
        updated_at: adoptedAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    plans++;
    // Hải Phòng raises its agreements target (Binh Duong-style: 2–5 at department level, more per branch).
    const own = await db
      .insertInto('plan_targets')
      .values(
        NATIONAL.map((s, i) => ({
          plan_id: department.id,
          unit_id: departmentId,
          content: s.content,
          goal: s.goal,
          title: s.title,
          measure_code: s.measure,
          target_value: code === '03' && s.measure === 'agreements_signed' ? 3 : s.value,
          deadline,
          level: s.level,
          source_target_id: nationalTargets[i]!.id,
          created_at: adoptedAt,
          updated_at: adoptedAt,
        })).filter((row) => row.level !== 'general_department'),
      )
      .returning(['id', 'level', 'target_value', 'measure_code', 'content', 'goal', 'title'])
      .execute();
    targets += own.length;
    await db
      .insertInto('plan_activities')
      .values([
        {
          plan_id: department.id,
          content: 'consultation',
          title: 'Hội nghị đối thoại doanh nghiệp',
          owner_name: 'Phòng Nghiệp vụ',
          starts_on: `${String(YEAR)}-05-20`,
          ends_on: `${String(YEAR)}-05-20`,
          status: 'done',
          created_at: adoptedAt,
          updated_at: adoptedAt,
        },
        {
          plan_id: department.id,
          content: 'consultation',
          title: 'Mười buổi cà phê doanh nhân',
          owner_name: 'Các Chi cục',
          starts_on: `${String(YEAR)}-02-23`,
          ends_on: `${String(YEAR)}-12-28`,
          status: 'in_progress',
          created_at: adoptedAt,
          updated_at: adoptedAt,
        },
      ])
      .execute();
    const branches = await db
      .selectFrom('units')
      .select(['id', 'code'])
      .where('parent_id', '=', departmentId)
      .where('kind', '=', 'branch')
      .where('status', '=', 'active')
      .orderBy('code')
      .limit(8)
      .execute();
    for (const branch of branches) {
      const plan = await db
        .insertInto('plans')
        .values({
          unit_id: branch.id,
          year: YEAR,
          parent_plan_id: department.id,
          status: 'adopted',
          title: national.title,
          adopted_at: adoptedAt,
          created_at: adoptedAt,
          updated_at: adoptedAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      plans++;
      const assigned = await db
        .insertInto('plan_targets')
        .values(
          own
            .filter((t) => t.level === 'branch')
            .map((t) => ({
              plan_id: plan.id,
              unit_id: branch.id,
              content: t.content,
              goal: t.goal,
              title: t.title,
              measure_code: t.measure_code,
              target_value: t.target_value,
              deadline,
              level: 'branch' as const,
              source_target_id: t.id,
              created_at: adoptedAt,
              updated_at: adoptedAt,
            })),
        )
        .returning(['id', 'measure_code'])
        .execute();
      targets += assigned.length;
      const manual = assigned.find((t) => t.measure_code === null);
      if (manual && branch.code.endsWith('NK'))
        await db
          .insertInto('plan_reports')
          .values({
            target_id: manual.id,
            value: 2,
            evidence: 'Hai buổi tập huấn cho công chức: 14/4 và 10/10 (biên bản, danh sách tham dự)',
            evidence_url: null,
            reported_by: null,
            reported_at: new Date(`${String(YEAR)}-10-12T03:00:00Z`),
            review_status: 'accepted',
            review_comment: 'Đủ minh chứng',
            reviewed_at: new Date(`${String(YEAR)}-10-14T03:00:00Z`),
          })
          .execute();
    }
  }
  const progress = createPlanProgress({
    db,
    clock: fixedClock(options.now),
    publicBase: options.publicBase ?? 'http://localhost:3000',
  });
  await progress.refreshYear(YEAR);
  // The demo starts quiet: alerts and their mail are for changes after it.
  await db.deleteFrom('plan_alerts').execute();
  await db.deleteFrom('mail_deliveries').where('key', 'like', 'plan-alert:%').execute();
  return { plans, targets };
}
