// The published index: the public page per year and department, its downloads
// (results as CSV or Excel, the method as JSON), and a branch leader's view with
// the aggregated evidence behind it (through disclosure control, never a business).
import type { Kysely } from 'kysely';
import {
  methodSchema,
  type BranchView,
  type PublishedIndexSummary,
  type PublishedIndexView,
  type ResultView,
} from '../../../contracts/cdci.ts';
import { CDCI_BRANCH_ROLES } from '../../../contracts/roles.ts';
import type { Database } from '../../db/schema.ts';
import { isUser, type Actor } from '../../lib/actor.ts';
import type { Clock } from '../../lib/clock.ts';
import { forbidden, notFound, unauthorized } from '../../lib/errors.ts';
import { getUnitAncestry } from '../../lib/org.ts';
import { scopeCovers, unitScopeOf } from '../../lib/scope.ts';
import { writeTable, type TableFormat } from '../../lib/tabular.ts';
import { createDisclosureReader } from '../disclosure/reader.ts';
import { median } from './compute.ts';
import type { StoredInputs } from './inputs.ts';
import { toMethodView, toResultView } from './mapper.ts';
import * as repo from './repository.ts';

export function createCdciPublication(deps: { db: Kysely<Database>; clock: Clock }) {
  const { db, clock } = deps;
  const gate = createDisclosureReader({ db, clock });

  async function listPublished(departmentId?: string): Promise<PublishedIndexSummary[]> {
    return (await repo.findPublishedMethods(db, departmentId)).map((row) => ({
      methodId: row.id,
      departmentId: row.department_id,
      departmentName: row.department_name,
      year: row.year,
    }));
  }

  async function getPublished(methodId: string): Promise<PublishedIndexView> {
    const row = await repo.findMethod(db, methodId);
    const found = row?.status === 'published' ? await repo.findPublishedResult(db, methodId) : undefined;
    if (!row || !found) throw notFound();
    const full = (await repo.findResult(db, found.id))!;
    const inputs = full.inputs as StoredInputs;
    const result = toResultView(full, Object.fromEntries(inputs.units.map((u) => [u.code, u.unitCode])));
    const method = methodSchema.parse(row.method);
    const scored = result.units.filter((u) => u.scored);
    const medians: Record<string, number> = {};
    for (const component of method.components) {
      const values = scored.flatMap((u) =>
        u.components[component.code] == null ? [] : [u.components[component.code]!],
      );
      if (values.length) medians[component.code] = median(values);
    }
    const composites = scored.flatMap((u) => (u.composite === null ? [] : [u.composite]));
    if (composites.length) medians.composite = median(composites);
    const history = await repo.findPublishedResultsOfDepartment(db, row.department_id);
    const trend: PublishedIndexView['trend'] = {};
    for (const unit of result.units)
      trend[unit.unit] = history.map((h) => ({
        year: h.year,
        composite: (h.result as ResultView).units.find((u) => u.unit === unit.unit)?.composite ?? null,
      }));
    const years = (await repo.findPublishedMethods(db, row.department_id)).map((m) => ({
      year: m.year,
      methodId: m.id,
    }));
    return { method: toMethodView(row), result, medians, trend, years };
  }

  async function downloadResults(methodId: string, format: TableFormat) {
    const view = await getPublished(methodId);
    const method = view.method.method;
    const header = [
      'Mã chi cục / Branch code',
      'Chi cục / Branch',
      'Số doanh nghiệp trả lời / Respondents',
      'Xếp hạng / Rank',
      'Điểm / Score (100)',
      'Khoảng tin cậy 5% / CI 5%',
      'Khoảng tin cậy 95% / CI 95%',
      'Hạng trung vị / Median rank',
      'Hạng tốt nhất (5%) / Best rank',
      'Hạng kém nhất (95%) / Worst rank',
      'Nhóm ngang nhau / Tied group',
      ...method.components.map((c) => `${c.name.vi} / ${c.name.en || c.code} (1–10)`),
    ];
    const round = (x: number | null | undefined) => (x == null ? null : Math.round(x * 100) / 100);
    const rows = [...view.result.units]
      .sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9))
      .map((u) => [
        view.result.codes[u.unit] ?? u.unit,
        u.name,
        u.respondents,
        u.scored ? u.rank : 'Không xếp hạng / Not scored',
        round(u.composite),
        round(u.ci?.[0]),
        round(u.ci?.[1]),
        u.medianRank,
        u.rankRange?.[0] ?? null,
        u.rankRange?.[1] ?? null,
        u.group,
        ...method.components.map((c) => round(u.components[c.code])),
      ]);
    return writeTable(
      [{ name: `CDCI ${view.method.year}`, rows: [header, ...rows], headerRows: [0] }],
      format,
      `cdci-${view.method.year}-${view.method.departmentName}`,
      clock.now(),
    );
  }

  async function methodDocument(methodId: string) {
    const view = await getPublished(methodId);
    return {
      departmentId: view.method.departmentId,
      year: view.method.year,
      surveyId: view.method.surveyId,
      method: view.method.method,
    };
  }

  /** A branch's own profile: the published index of its department, with the released evidence of its ratings. */
  async function branchView(actor: Actor | null, branchId: string, methodId?: string): Promise<BranchView> {
    if (!isUser(actor)) throw unauthorized();
    const ancestry = await getUnitAncestry(db, branchId);
    if (!ancestry.length || !scopeCovers(unitScopeOf(actor, CDCI_BRANCH_ROLES), ancestry)) throw forbidden();
    const unit = await repo.findUnit(db, branchId);
    if (!unit?.parent_id) throw notFound();
    const published = await repo.findPublishedMethods(db, unit.parent_id);
    const chosen = methodId ? published.find((m) => m.id === methodId) : published[0];
    if (!chosen) throw notFound();
    const index = await getPublished(chosen.id);
    const mine = index.result.units.find((u) => u.unit === branchId);
    if (!mine) throw notFound();
    const cells = Object.entries(mine.indicators)
      .filter(([, cell]) => cell.score !== null)
      .sort((a, b) => b[1].score! - a[1].score!);
    const months = (await gate.releasedMonths('service_ratings')).filter((m) => m.startsWith(`${chosen.year}-`));
    const node = `unit:${branchId}`;
    const byNode = await gate.cells('service_ratings', [node], months);
    const shown = new Map((byNode.get(node) ?? []).map((row) => [row.month, row]));
    const evidence = months.map((month) => {
      const row = shown.get(month);
      if (!row) return { month, businesses: null, satisfiedShare: null };
      const satisfied = Number(row.counts.satisfied_items ?? 0);
      return {
        month,
        businesses: row.businesses,
        satisfiedShare: row.items > 0 ? Math.round((1000 * satisfied) / row.items) / 10 : null,
      };
    });
    return {
      index,
      unit: branchId,
      strongest: cells.slice(0, 3).map(([code]) => code),
      weakest: cells
        .slice(-3)
        .reverse()
        .map(([code]) => code),
      evidence,
    };
  }

  return { listPublished, getPublished, downloadResults, methodDocument, branchView };
}
