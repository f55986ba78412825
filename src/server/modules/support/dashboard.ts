// Support dashboard over the caller's scope: open requests by unit and age,
// service-level attainment, median times, volume, satisfaction; CSV export.
import { sql, type Kysely } from 'kysely';
import type { QaCategory } from '../../../contracts/questions.ts';
import type { SupportChannel, SupportDashboard } from '../../../contracts/support.ts';
import type { Database } from '../../db/schema.ts';
import { isUser, type Actor } from '../../lib/actor.ts';
import type { Clock } from '../../lib/clock.ts';
import { forbidden, unauthorized } from '../../lib/errors.ts';
import { unitScopeOf } from '../../lib/scope.ts';
import { findRootUnitId } from '../dashboards/repository.ts';
import { createDisclosureReader } from '../disclosure/reader.ts';
import { staffUnitIds } from './access.ts';
import { isSupportStaff, STAFF_ROLES } from '../../../contracts/roles.ts';
import { addDays, vietnamDay, vietnamDaysRange } from '../../../contracts/vietnam-time.ts';

const DAY = 86_400_000;
const pct = (value: number | null) => (value === null || Number.isNaN(value) ? null : Math.round(Number(value) * 1000) / 10);

export function createSupportDashboard(deps: { db: Kysely<Database>; clock: Clock }) {
  const { db, clock } = deps;
  const gate = createDisclosureReader(deps);

  async function scopeFilter(actor: Actor | null) {
    if (!isUser(actor)) throw unauthorized();
    if (!isSupportStaff(actor)) throw forbidden();
    const ids = await staffUnitIds(db, actor);
    if (ids === null) return sql`true`;
    if (ids.length === 0) return sql`false`;
    return sql`(r.team_unit_id = any(${sql.val(ids)}::uuid[]) or r.handler_unit_id = any(${sql.val(ids)}::uuid[]))`;
  }

  function range(input: { from?: string | undefined; to?: string | undefined }) {
    const to = input.to ?? vietnamDay(clock.now());
    const from = input.from ?? addDays(to, -89);
    return { from, to, ...vietnamDaysRange(from, to) };
  }

  async function dashboard(actor: Actor | null, input: { from?: string | undefined; to?: string | undefined }): Promise<SupportDashboard> {
    const scope = await scopeFilter(actor);
    const { from, to, start, end } = range(input);
    const now = clock.now();
    const open = await sql<{ code: string; name: string; lt1d: number; d1to3: number; d3to7: number; gt7d: number }>`
      select u.code, u.name_vi as name,
        count(*) filter (where r.created_at > ${new Date(now.getTime() - DAY)})::int as lt1d,
        count(*) filter (where r.created_at <= ${new Date(now.getTime() - DAY)} and r.created_at > ${new Date(now.getTime() - 3 * DAY)})::int as d1to3,
        count(*) filter (where r.created_at <= ${new Date(now.getTime() - 3 * DAY)} and r.created_at > ${new Date(now.getTime() - 7 * DAY)})::int as d3to7,
        count(*) filter (where r.created_at <= ${new Date(now.getTime() - 7 * DAY)})::int as gt7d
      from support_requests r join units u on u.id = r.team_unit_id
      where r.status in ('open', 'in_progress', 'waiting') and ${scope}
      group by u.code, u.name_vi order by count(*) desc, u.code limit 50`.execute(db);
    const inRange = sql`r.created_at >= ${start} and r.created_at < ${end} and r.status <> 'merged' and ${scope}`;
    const sla = await sql<{ resolved: number; fr_on_time: number | null; res_on_time: number | null; median_fr: number | null; median_res: number | null }>`
      select count(*) filter (where r.resolved_at is not null)::int as resolved,
        avg(case when r.first_responded_at is null then null when r.first_responded_at <= r.first_response_due then 1.0 else 0.0 end) as fr_on_time,
        avg(case when r.resolved_at is null then null when r.resolved_at <= r.resolution_due then 1.0 else 0.0 end) as res_on_time,
        percentile_cont(0.5) within group (order by extract(epoch from (r.first_responded_at - r.created_at)) / 60) as median_fr,
        percentile_cont(0.5) within group (order by extract(epoch from (r.resolved_at - r.created_at)) / 60) as median_res
      from support_requests r where ${inRange}`.execute(db);
    const byCategory = await sql<{ category: string; count: number }>`select r.category, count(*)::int as count from support_requests r where ${inRange} group by r.category order by count desc`.execute(db);
    const byChannel = await sql<{ channel: string; count: number }>`select r.channel, count(*)::int as count from support_requests r where ${inRange} group by r.channel order by count desc`.execute(db);
    const s = sla.rows[0]!;
    const round = (value: number | null) => (value === null ? null : Math.round(Number(value)));
    return {
      from,
      to,
      openByUnit: open.rows.map((r) => ({ unitCode: r.code, unitName: r.name, lt1d: r.lt1d, d1to3: r.d1to3, d3to7: r.d3to7, gt7d: r.gt7d })),
      sla: { resolved: s.resolved, firstResponseOnTime: pct(s.fr_on_time), resolvedOnTime: pct(s.res_on_time), medianFirstResponseMinutes: round(s.median_fr), medianResolutionMinutes: round(s.median_res) },
      byCategory: byCategory.rows.map((r) => ({ category: r.category as QaCategory, count: r.count })),
      byChannel: byChannel.rows.map((r) => ({ channel: r.channel as SupportChannel, count: r.count })),
      satisfaction: await answerSatisfaction(actor),
    };
  }

  /** The answers' ratings over the caller's scope, from the released months of the disclosure gate. */
  async function answerSatisfaction(actor: Actor | null): Promise<SupportDashboard['satisfaction']> {
    const scope = unitScopeOf(actor, STAFF_ROLES);
    const roots = scope === 'all' ? [await findRootUnitId(db)].filter((id): id is string => Boolean(id)) : scope === 'none' ? [] : scope;
    const period = await gate.resolvePeriod('support_answers', undefined);
    const months = period?.months ?? [];
    const cells = [...(await gate.cells('support_answers', roots.map((id) => `unit:${id}`), months)).values()].flat();
    if (cells.length === 0) return { period: period?.key ?? null, published: false, monthsShown: 0, rated: null, helpful: null, fast: null };
    const sum = (key: string) => cells.reduce((total, cell) => total + (cell.counts[key] ?? 0), 0);
    const rated = sum('rated');
    return { period: period?.key ?? null, published: true, monthsShown: new Set(cells.map((c) => c.month)).size, rated, helpful: pct(sum('helpful') / rated), fast: pct(sum('fast') / rated) };
  }

  /** One row per request, without the business's rating of the answer (never shown per request to customs). */
  async function exportCsv(actor: Actor | null, input: { from?: string | undefined; to?: string | undefined }): Promise<string> {
    const scope = await scopeFilter(actor);
    const { start, end } = range(input);
    const rows = await sql<Record<string, unknown>>`
      select r.number, r.created_at, r.category, r.priority, r.channel, r.status, u.code as team, e.tax_code, r.first_response_due, r.first_responded_at,
        r.resolution_due, r.resolved_at, r.escalation_level
      from support_requests r join units u on u.id = r.team_unit_id left join enterprises e on e.id = r.enterprise_id
      where r.created_at >= ${start} and r.created_at < ${end} and ${scope}
      order by r.created_at limit 100000`.execute(db);
    const header = ['so_yeu_cau', 'ngay_tao', 'linh_vuc', 'muc_do', 'kenh', 'trang_thai', 'doi', 'mst', 'han_phan_hoi', 'phan_hoi_luc', 'han_giai_quyet', 'giai_quyet_luc', 'cap_chuyen'];
    const cell = (value: unknown) => {
      const text = value instanceof Date ? value.toISOString() : typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
      // Quote, and neutralise spreadsheet formulas.
      const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
      return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
    };
    const keys = ['number', 'created_at', 'category', 'priority', 'channel', 'status', 'team', 'tax_code', 'first_response_due', 'first_responded_at', 'resolution_due', 'resolved_at', 'escalation_level'];
    return `\ufeff${header.join(',')}\n${rows.rows.map((row) => keys.map((k) => cell(row[k])).join(',')).join('\n')}\n`;
  }

  return { dashboard, exportCsv };
}
