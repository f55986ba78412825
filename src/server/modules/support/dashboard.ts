// Support dashboard over the caller's scope: open requests by unit and age,
// service-level attainment, median times, volume, satisfaction; CSV export.
import type { Kysely } from 'kysely';
import type { QaCategory } from '../../../contracts/questions.ts';
import type { SupportChannel, SupportDashboard } from '../../../contracts/support.ts';
import type { Database } from '../../db/schema.ts';
import { isUser, type Actor } from '../../lib/actor.ts';
import type { Clock } from '../../lib/clock.ts';
import { forbidden, unauthorized } from '../../lib/errors.ts';
import { unitScopeOf } from '../../lib/scope.ts';
import { writeTable, type DownloadFile, type TableCell } from '../../lib/tabular.ts';
import { findRootUnitId } from '../dashboards/repository.ts';
import { createDisclosureReader } from '../disclosure/reader.ts';
import { staffUnitIds } from './access.ts';
import * as repo from './dashboard-repository.ts';
import type { DashboardScope } from './dashboard-repository.ts';
import { isSupportStaff, STAFF_ROLES } from '../../../contracts/roles.ts';
import { addDays, vietnamDay, vietnamDaysRange } from '../../../contracts/vietnam-time.ts';

const pct = (value: number | null) =>
  value === null || Number.isNaN(value) ? null : Math.round(Number(value) * 1000) / 10;

export function createSupportDashboard(deps: { db: Kysely<Database>; clock: Clock }) {
  const { db, clock } = deps;
  const gate = createDisclosureReader(deps);

  /** The units whose requests the caller's dashboard counts (null: all). */
  async function scopeOf(actor: Actor | null): Promise<DashboardScope> {
    if (!isUser(actor)) throw unauthorized();
    if (!isSupportStaff(actor)) throw forbidden();
    return staffUnitIds(db, actor);
  }

  function range(input: { from?: string | undefined; to?: string | undefined }) {
    const to = input.to ?? vietnamDay(clock.now());
    const from = input.from ?? addDays(to, -89);
    return { from, to, ...vietnamDaysRange(from, to) };
  }

  async function dashboard(
    actor: Actor | null,
    input: { from?: string | undefined; to?: string | undefined },
  ): Promise<SupportDashboard> {
    const scope = await scopeOf(actor);
    const { from, to, start, end } = range(input);
    const open = await repo.openByUnit(db, scope, clock.now());
    const s = await repo.serviceLevelFigures(db, scope, { start, end });
    const byCategory = await repo.countByCategory(db, scope, { start, end });
    const byChannel = await repo.countByChannel(db, scope, { start, end });
    const round = (value: number | null) => (value === null ? null : Math.round(Number(value)));
    return {
      from,
      to,
      openByUnit: open.map((r) => ({
        unitCode: r.code,
        unitName: r.name,
        lt1d: r.lt1d,
        d1to3: r.d1to3,
        d3to7: r.d3to7,
        gt7d: r.gt7d,
      })),
      sla: {
        resolved: s.resolved,
        firstResponseOnTime: pct(s.fr_on_time),
        resolvedOnTime: pct(s.res_on_time),
        medianFirstResponseMinutes: round(s.median_fr),
        medianResolutionMinutes: round(s.median_res),
      },
      byCategory: byCategory.map((r) => ({ category: r.category as QaCategory, count: r.count })),
      byChannel: byChannel.map((r) => ({ channel: r.channel as SupportChannel, count: r.count })),
      satisfaction: await answerSatisfaction(actor),
    };
  }

  /** The answers' ratings over the caller's scope, from the released months of the disclosure gate. */
  async function answerSatisfaction(actor: Actor | null): Promise<SupportDashboard['satisfaction']> {
    const scope = unitScopeOf(actor, STAFF_ROLES);
    const roots =
      scope === 'all'
        ? [await findRootUnitId(db)].filter((id): id is string => Boolean(id))
        : scope === 'none'
          ? []
          : scope;
    const period = await gate.resolvePeriod('support_answers', undefined);
    const months = period?.months ?? [];
    const cells = [
      ...(
        await gate.cells(
          'support_answers',
          roots.map((id) => `unit:${id}`),
          months,
        )
      ).values(),
    ].flat();
    if (cells.length === 0)
      return { period: period?.key ?? null, published: false, monthsShown: 0, rated: null, helpful: null, fast: null };
    const sum = (key: string) => cells.reduce((total, cell) => total + (cell.counts[key] ?? 0), 0);
    const rated = sum('rated');
    return {
      period: period?.key ?? null,
      published: true,
      monthsShown: new Set(cells.map((c) => c.month)).size,
      rated,
      helpful: pct(sum('helpful') / rated),
      fast: pct(sum('fast') / rated),
    };
  }

  /** One row per request, without the business's rating of the answer (never shown per request to customs). */
  async function exportCsv(
    actor: Actor | null,
    input: { from?: string | undefined; to?: string | undefined },
  ): Promise<DownloadFile> {
    const scope = await scopeOf(actor);
    const rows = await repo.findExportRows(db, scope, range(input));
    const header = [
      'so_yeu_cau',
      'ngay_tao',
      'linh_vuc',
      'muc_do',
      'kenh',
      'trang_thai',
      'doi',
      'mst',
      'han_phan_hoi',
      'phan_hoi_luc',
      'han_giai_quyet',
      'giai_quyet_luc',
      'cap_chuyen',
    ];
    const keys = [
      'number',
      'created_at',
      'category',
      'priority',
      'channel',
      'status',
      'team',
      'tax_code',
      'first_response_due',
      'first_responded_at',
      'resolution_due',
      'resolved_at',
      'escalation_level',
    ];
    const cell = (value: unknown): TableCell =>
      value instanceof Date || typeof value === 'string' || typeof value === 'number' ? value : null;
    const lines = rows.map((row) => keys.map((key) => cell(row[key])));
    return writeTable([{ name: 'Yêu cầu hỗ trợ', rows: [header, ...lines] }], 'csv', 'yeu-cau-ho-tro', clock.now());
  }

  return { dashboard, exportCsv };
}
