// One record source per measure (SQL only): each yields the rows a measure counts,
// as (unit_id, id, label, on_day, num, den, amount, href). A value is the
// aggregate of its source's rows over a unit's subtree, and the records listed
// for it are the same rows: recomputing gives the same number.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { MeasureCode } from '../../../contracts/measures.ts';
import { VIETNAM_TIME_ZONE } from '../../../contracts/vietnam-time.ts';
import type { Database } from '../../db/schema.ts';
import type { Aggregation } from './catalogue.ts';

export interface SourceWindow {
  /** Vietnam days, both included. */
  from: string;
  to: string;
  /** The instants [start, end) of those days. */
  start: Date;
  end: Date;
  /** Now: what has not happened yet is not counted. */
  now: Date;
  /** min(to, today) as a Vietnam day. */
  asOf: string;
}

const day = (column: RawBuilder<unknown>) =>
  sql<string>`to_char(${column} at time zone ${VIETNAM_TIME_ZONE}, 'YYYY-MM-DD')`;
const rootUnit = sql`(select id from units where parent_id is null order by created_at limit 1)`;
/** The customs unit of a user (the first unit-scoped grant), else the root. */
const unitOfUser = (userColumn: RawBuilder<unknown>) =>
  sql`coalesce((select ur.unit_id from user_roles ur where ur.user_id = ${userColumn} and ur.unit_id is not null order by ur.granted_at, ur.unit_id limit 1), ${rootUnit})`;

type Source = (w: SourceWindow) => RawBuilder<unknown>;

const SOURCES: Record<Exclude<MeasureCode, 'service_satisfaction_share'>, Source> = {
  agreements_in_force: (w) => sql`
    select a.unit_id, a.id::text as id, a.number || ' — ' || a.title as label, to_char(a.signed_on, 'YYYY-MM-DD') as on_day,
      1::float8 as num, 1::float8 as den, null::float8 as amount, '/app/agreements' as href
    from agreements a
    where a.status in ('signed', 'in_force', 'expired') and a.signed_on <= ${w.asOf}::date
      and (a.expires_on is null or a.expires_on >= ${w.asOf}::date)`,
  agreements_signed: (w) => sql`
    select a.unit_id, a.id::text as id, a.number || ' — ' || a.title as label, to_char(a.signed_on, 'YYYY-MM-DD') as on_day,
      1::float8 as num, 1::float8 as den, null::float8 as amount, '/app/agreements' as href
    from agreements a
    where a.status <> 'draft' and a.signed_on >= ${w.from}::date and a.signed_on <= ${w.to}::date`,
  dialogues_held: (w) => sql`
    select e.organizer_unit_id as unit_id, e.id::text as id, e.title as label, ${day(sql`e.starts_at`)} as on_day,
      1::float8 as num, 1::float8 as den, null::float8 as amount, '/app/events/' || e.id as href
    from events e
    where e.status <> 'cancelled' and e.starts_at >= ${w.start} and e.starts_at < ${w.end} and e.ends_at <= ${w.now}`,
  dialogue_items_answered_share: (w) => sql`
    select e.organizer_unit_id as unit_id, q.id::text as id, left(q.text, 160) as label, ${day(sql`e.starts_at`)} as on_day,
      (case when q.answered_at is not null then 1 else 0 end)::float8 as num, 1::float8 as den, null::float8 as amount,
      '/app/events/' || e.id as href
    from event_questions q join events e on e.id = q.event_id
    where e.status <> 'cancelled' and e.starts_at >= ${w.start} and e.starts_at < ${w.end} and e.ends_at <= ${w.now}`,
  support_requests_received: (w) => sql`
    select r.team_unit_id as unit_id, r.id::text as id, r.number || ' — ' || r.subject as label, ${day(sql`r.created_at`)} as on_day,
      1::float8 as num, 1::float8 as den, null::float8 as amount, '/app/ho-tro/' || r.id as href
    from support_requests r
    where r.status <> 'merged' and r.created_at >= ${w.start} and r.created_at < ${w.end}`,
  support_resolved_on_time_share: (w) => sql`
    select r.team_unit_id as unit_id, r.id::text as id, r.number || ' — ' || r.subject as label, ${day(sql`r.created_at`)} as on_day,
      (case when r.resolved_at is not null and r.resolved_at <= r.resolution_due then 1 else 0 end)::float8 as num,
      1::float8 as den, null::float8 as amount, '/app/ho-tro/' || r.id as href
    from support_requests r
    where r.status <> 'merged' and r.created_at >= ${w.start} and r.created_at < ${w.end}
      and (r.resolved_at is not null or r.resolution_due < ${w.now})`,
  support_first_response_median_hours: (w) => sql`
    select r.team_unit_id as unit_id, r.id::text as id, r.number || ' — ' || r.subject as label, ${day(sql`r.created_at`)} as on_day,
      null::float8 as num, null::float8 as den,
      (extract(epoch from (r.first_responded_at - r.created_at)) / 3600)::float8 as amount, '/app/ho-tro/' || r.id as href
    from support_requests r
    where r.status <> 'merged' and r.created_at >= ${w.start} and r.created_at < ${w.end} and r.first_responded_at is not null`,
  qa_entries_published: (w) => sql`
    select ${unitOfUser(sql`q.author_user_id`)} as unit_id, q.id::text as id, q.title_vi as label, ${day(sql`q.published_at`)} as on_day,
      1::float8 as num, 1::float8 as den, null::float8 as amount, '/app/hoi-dap/' || q.id as href
    from qa_entries q
    where q.published_at >= ${w.start} and q.published_at < ${w.end}`,
  qa_entries_reviewed: (w) => sql`
    select ${unitOfUser(sql`q.reviewed_by_user_id`)} as unit_id, q.id::text as id, q.title_vi as label, ${day(sql`q.last_reviewed_at`)} as on_day,
      1::float8 as num, 1::float8 as den, null::float8 as amount, '/app/hoi-dap/' || q.id as href
    from qa_entries q
    where q.last_reviewed_at >= ${w.start} and q.last_reviewed_at < ${w.end}`,
  newsletters_sent: (w) => sql`
    select coalesce(n.unit_id, ${rootUnit}) as unit_id, n.id::text as id, 'Bản tin ' || n.month as label, ${day(sql`n.sent_at`)} as on_day,
      1::float8 as num, 1::float8 as den, n.recipients::float8 as amount, '/app/newsletters/' || n.id || '/deliveries' as href
    from newsletters n
    where n.status = 'sent' and n.sent_at >= ${w.start} and n.sent_at < ${w.end}`,
  newsletter_reach: (w) => sql`
    select coalesce(n.unit_id, ${rootUnit}) as unit_id, n.id::text as id, 'Bản tin ' || n.month as label, ${day(sql`n.sent_at`)} as on_day,
      n.recipients::float8 as num, 1::float8 as den, n.recipients::float8 as amount, '/app/newsletters/' || n.id || '/deliveries' as href
    from newsletters n
    where n.status = 'sent' and n.sent_at >= ${w.start} and n.sent_at < ${w.end}`,
  survey_response_rate: (w) => sql`
    select s.owner_unit_id as unit_id, s.id::text as id, s.title_vi as label, to_char(min(i.invited_on), 'YYYY-MM-DD') as on_day,
      (count(*) filter (where i.answered))::float8 as num, count(*)::float8 as den, null::float8 as amount,
      '/app/khao-sat/' || s.id as href
    from surveys s join survey_invitations i on i.survey_id = s.id
    where i.invited_on >= ${w.from}::date and i.invited_on <= ${w.to}::date
    group by s.id, s.owner_unit_id, s.title_vi`,
  flags_handled_on_time_share: (w) => sql`
    select c.handler_unit_id as unit_id, c.id::text as id, c.number as label, ${day(sql`c.due_at`)} as on_day,
      (case when c.resolved_at is not null and c.resolved_at <= c.due_at then 1 else 0 end)::float8 as num,
      1::float8 as den, null::float8 as amount, '/app/phan-anh/' || c.id as href
    from flag_cases c
    where c.due_at >= ${w.start} and c.due_at < ${w.end} and c.due_at <= ${w.now}`,
};

export type SourcedCode = keyof typeof SOURCES;
export const isSourced = (code: MeasureCode): code is SourcedCode => code in SOURCES;

/** Each root with the ids of its subtree (merged units stay under the unit they merged into). */
const scopeCte = (roots: readonly string[]) => sql`
  scope(root, id, depth) as (
    select id, id, 0 from units where id = any(${sql.val([...roots])}::uuid[])
    union
    select scope.root, u.id, scope.depth + 1 from units u join scope on (u.parent_id = scope.id or u.merged_into_id = scope.id)
    where scope.depth < 20
  )`;

const aggregate = (aggregation: Aggregation) => {
  switch (aggregation) {
    case 'count':
      return sql`count(*)::float8 as num, count(*)::float8 as den, count(*)::float8 as value`;
    case 'sum':
      return sql`sum(s.num)::float8 as num, count(*)::float8 as den, coalesce(sum(s.num), 0)::float8 as value`;
    case 'share':
    case 'ratio':
      return sql`sum(s.num)::float8 as num, sum(s.den)::float8 as den,
        case when sum(s.den) > 0 then (sum(s.num) / sum(s.den))::float8 end as value`;
    case 'median':
      return sql`null::float8 as num, count(*)::float8 as den,
        (percentile_cont(0.5) within group (order by s.amount))::float8 as value`;
  }
};

export interface AggregateRow {
  root: string;
  num: number | null;
  den: number | null;
  value: number | null;
}

/** The measure's value for each root over its subtree; roots without a record are absent. */
export async function aggregateByRoot(
  db: Kysely<Database>,
  code: SourcedCode,
  aggregation: Aggregation,
  roots: readonly string[],
  window: SourceWindow,
): Promise<AggregateRow[]> {
  if (roots.length === 0) return [];
  const result = await sql<AggregateRow>`
    with recursive ${scopeCte(roots)}
    select scope.root, ${aggregate(aggregation)}
    from (${SOURCES[code](window)}) s join (select distinct root, id from scope) scope on scope.id = s.unit_id
    group by scope.root`.execute(db);
  return result.rows;
}

export interface SourceRow {
  id: string;
  label: string;
  on_day: string | null;
  num: number | null;
  den: number | null;
  amount: number | null;
  href: string;
}

/** The records a measure counts for one unit's subtree (newest first), at most `limit`, and how many there are. */
export async function findSourceRows(
  db: Kysely<Database>,
  code: SourcedCode,
  root: string,
  window: SourceWindow,
  limit: number,
): Promise<{ total: number; rows: SourceRow[] }> {
  const result = await sql<SourceRow & { total: number }>`
    with recursive ${scopeCte([root])}
    select s.id, s.label, s.on_day, s.num, s.den, s.amount, s.href, (count(*) over ())::int as total
    from (${SOURCES[code](window)}) s where s.unit_id in (select id from scope)
    order by s.on_day desc nulls last, s.id limit ${limit}`.execute(db);
  return {
    total: result.rows[0]?.total ?? 0,
    rows: result.rows.map(({ total: _total, ...row }) => row),
  };
}
