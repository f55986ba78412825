// The support dashboard's figures over a scope of units (Kysely and SQL only).
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

/** Unit ids whose requests count (by owning team or current handler); null: all. */
export type DashboardScope = string[] | null;

const DAY = 86_400_000;

function inScope(scope: DashboardScope) {
  if (scope === null) return sql`true`;
  if (scope.length === 0) return sql`false`;
  return sql`(r.team_unit_id = any(${sql.val(scope)}::uuid[]) or r.handler_unit_id = any(${sql.val(scope)}::uuid[]))`;
}

/** Open requests per owning team by age (under a day, 1–3, 3–7, over 7 days), the 50 largest. */
export async function openByUnit(db: Kysely<Database>, scope: DashboardScope, now: Date) {
  const ago = (days: number) => new Date(now.getTime() - days * DAY);
  const result = await sql<{ code: string; name: string; lt1d: number; d1to3: number; d3to7: number; gt7d: number }>`
    select u.code, u.name_vi as name,
      count(*) filter (where r.created_at > ${ago(1)})::int as lt1d,
      count(*) filter (where r.created_at <= ${ago(1)} and r.created_at > ${ago(3)})::int as d1to3,
      count(*) filter (where r.created_at <= ${ago(3)} and r.created_at > ${ago(7)})::int as d3to7,
      count(*) filter (where r.created_at <= ${ago(7)})::int as gt7d
    from support_requests r join units u on u.id = r.team_unit_id
    where r.status in ('open', 'in_progress', 'waiting') and ${inScope(scope)}
    group by u.code, u.name_vi order by count(*) desc, u.code limit 50`.execute(db);
  return result.rows;
}

const opened = (scope: DashboardScope, range: { start: Date; end: Date }) =>
  sql`r.created_at >= ${range.start} and r.created_at < ${range.end} and r.status <> 'merged' and ${inScope(scope)}`;

/** Requests opened in the range: how many resolved, the share on time, median minutes to first response and to resolution. */
export async function serviceLevelFigures(
  db: Kysely<Database>,
  scope: DashboardScope,
  range: { start: Date; end: Date },
) {
  const result = await sql<{
    resolved: number;
    fr_on_time: number | null;
    res_on_time: number | null;
    median_fr: number | null;
    median_res: number | null;
  }>`
    select count(*) filter (where r.resolved_at is not null)::int as resolved,
      avg(case when r.first_responded_at is null then null when r.first_responded_at <= r.first_response_due then 1.0 else 0.0 end) as fr_on_time,
      avg(case when r.resolved_at is null then null when r.resolved_at <= r.resolution_due then 1.0 else 0.0 end) as res_on_time,
      percentile_cont(0.5) within group (order by extract(epoch from (r.first_responded_at - r.created_at)) / 60) as median_fr,
      percentile_cont(0.5) within group (order by extract(epoch from (r.resolved_at - r.created_at)) / 60) as median_res
    from support_requests r where ${opened(scope, range)}`.execute(db);
  return result.rows[0]!;
}

export async function countByCategory(db: Kysely<Database>, scope: DashboardScope, range: { start: Date; end: Date }) {
  return (
    await sql<{
      category: string;
      count: number;
    }>`select r.category, count(*)::int as count from support_requests r where ${opened(scope, range)} group by r.category order by count desc`.execute(
      db,
    )
  ).rows;
}

export async function countByChannel(db: Kysely<Database>, scope: DashboardScope, range: { start: Date; end: Date }) {
  return (
    await sql<{
      channel: string;
      count: number;
    }>`select r.channel, count(*)::int as count from support_requests r where ${opened(scope, range)} group by r.channel order by count desc`.execute(
      db,
    )
  ).rows;
}

/** One row per request opened in the range (merged ones included), without the business's rating of the answer. */
export async function findExportRows(db: Kysely<Database>, scope: DashboardScope, range: { start: Date; end: Date }) {
  const result = await sql<Record<string, unknown>>`
    select r.number, r.created_at, r.category, r.priority, r.channel, r.status, u.code as team, e.tax_code, r.first_response_due, r.first_responded_at,
      r.resolution_due, r.resolved_at, r.escalation_level
    from support_requests r join units u on u.id = r.team_unit_id left join enterprises e on e.id = r.enterprise_id
    where r.created_at >= ${range.start} and r.created_at < ${range.end} and ${inScope(scope)}
    order by r.created_at limit 100000`.execute(db);
  return result.rows;
}
