// Platform measures per organization unit (sub-units included) and period. The
// interface other modules use — the annual plan, the competitiveness index — is
// the three functions returned here; nothing else of this module is shared.
//
//   listMeasures()                           the catalogue, with definitions in vi and en
//   measureValues(codes, unitIds, period)    one value per (code, unit), rolled up over the unit's subtree
//   measureRecords(code, unitId, period)     the value and the records it counts (links to their pages)
//
// Figures drawn from ratings (service satisfaction) come through the disclosure
// gate only: released months within the period, published cells only.
import type { Kysely } from 'kysely';
import {
  MEASURE_RECORDS_LIMIT,
  type MeasureCode,
  type MeasureDefinition,
  type MeasurePeriod,
  type MeasureRecord,
  type MeasureRecords,
  type MeasureValue,
} from '../../../contracts/measures.ts';
import { lastDayOfMonth, vietnamDay, vietnamDaysRange } from '../../../contracts/vietnam-time.ts';
import type { Database } from '../../db/schema.ts';
import type { Clock } from '../../lib/clock.ts';
import { createDisclosureReader, type CellRow } from '../disclosure/reader.ts';
import { CATALOGUE, catalogueEntry, toDefinition, type CatalogueEntry } from './catalogue.ts';
import * as repo from './repository.ts';

const SATISFACTION_TABLE = 'service_ratings';
const round = (value: number | null) => (value === null ? null : Math.round(value * 10_000) / 10_000);

export interface MeasureDeps {
  db: Kysely<Database>;
  clock: Clock;
}

export function createMeasureService(deps: MeasureDeps) {
  const { db, clock } = deps;
  const gate = createDisclosureReader(deps);

  function windowOf(period: MeasurePeriod): repo.SourceWindow {
    const now = clock.now();
    const today = vietnamDay(now);
    const { start, end } = vietnamDaysRange(period.from, period.to);
    return { from: period.from, to: period.to, start, end, now, asOf: today < period.to ? today : period.to };
  }

  /** Released months lying wholly within the period. */
  async function releasedMonthsIn(period: MeasurePeriod): Promise<string[]> {
    return (await gate.releasedMonths(SATISFACTION_TABLE)).filter(
      (month) => `${month}-01` >= period.from && lastDayOfMonth(month) <= period.to,
    );
  }

  const satisfactionOf = (code: MeasureCode, unitId: string, cells: readonly CellRow[]): MeasureValue => {
    const den = cells.reduce((sum, cell) => sum + cell.items, 0);
    const num = cells.reduce((sum, cell) => sum + (cell.counts['satisfied_items'] ?? 0), 0);
    return {
      code,
      unitId,
      value: den > 0 ? round(num / den) : null,
      numerator: den > 0 ? num : null,
      denominator: den,
    };
  };

  async function satisfactionValues(unitIds: readonly string[], period: MeasurePeriod): Promise<MeasureValue[]> {
    const months = await releasedMonthsIn(period);
    const cells = await gate.cells(
      SATISFACTION_TABLE,
      unitIds.map((id) => `unit:${id}`),
      months,
    );
    return unitIds.map((id) => satisfactionOf('service_satisfaction_share', id, cells.get(`unit:${id}`) ?? []));
  }

  async function sourcedValues(
    entry: CatalogueEntry & { code: repo.SourcedCode },
    unitIds: readonly string[],
    window: repo.SourceWindow,
  ): Promise<MeasureValue[]> {
    const rows = new Map(
      (await repo.aggregateByRoot(db, entry.code, entry.aggregation, unitIds, window)).map((r) => [r.root, r]),
    );
    const empty = entry.aggregation === 'count' || entry.aggregation === 'sum';
    return unitIds.map((unitId) => {
      const row = rows.get(unitId);
      if (!row) return { code: entry.code, unitId, value: empty ? 0 : null, numerator: null, denominator: 0 };
      return { code: entry.code, unitId, value: round(row.value), numerator: row.num, denominator: row.den };
    });
  }

  /** One value per code and unit (in the order asked), each over the unit and everything under it. */
  async function measureValues(
    codes: readonly MeasureCode[],
    unitIds: readonly string[],
    period: MeasurePeriod,
  ): Promise<MeasureValue[]> {
    const units = [...new Set(unitIds)];
    const window = windowOf(period);
    const out: MeasureValue[] = [];
    for (const code of new Set(codes)) {
      const entry = catalogueEntry(code);
      if (code === 'service_satisfaction_share') out.push(...(await satisfactionValues(units, period)));
      else if (repo.isSourced(code)) out.push(...(await sourcedValues({ ...entry, code }, units, window)));
    }
    return out;
  }

  const recordOf = (entry: CatalogueEntry, row: repo.SourceRow): MeasureRecord => ({
    id: row.id,
    label: row.label,
    on: row.on_day,
    met: entry.aggregation === 'share' ? row.num === 1 : null,
    amount:
      entry.aggregation === 'ratio'
        ? row.den
          ? round((row.num ?? 0) / row.den)
          : null
        : entry.aggregation === 'median'
          ? round(row.amount)
          : entry.aggregation === 'sum'
            ? row.num
            : row.amount,
    href: row.href,
  });

  /** The value of one measure for one unit, with the records it counts (at most MEASURE_RECORDS_LIMIT listed). */
  async function measureRecords(code: MeasureCode, unitId: string, period: MeasurePeriod): Promise<MeasureRecords> {
    const entry = catalogueEntry(code);
    const [value] = await measureValues([code], [unitId], period);
    const base = {
      code,
      unitId,
      period: { from: period.from, to: period.to },
      value: value!,
      definition: toDefinition(entry),
    };
    if (code === 'service_satisfaction_share') {
      const months = await releasedMonthsIn(period);
      const cells = (await gate.cells(SATISFACTION_TABLE, [`unit:${unitId}`], months)).get(`unit:${unitId}`) ?? [];
      const records = cells
        .map((cell) => ({
          id: cell.month,
          label: cell.month,
          on: `${cell.month}-01`,
          met: null,
          amount: cell.items,
          href: `/app/ket-qua/don-vi/${unitId}?period=${cell.month}`,
        }))
        .sort((a, b) => b.id.localeCompare(a.id));
      return { ...base, total: records.length, records };
    }
    if (!repo.isSourced(code)) return { ...base, total: 0, records: [] };
    const { total, rows } = await repo.findSourceRows(db, code, unitId, windowOf(period), MEASURE_RECORDS_LIMIT);
    return { ...base, total, records: rows.map((row) => recordOf(entry, row)) };
  }

  return {
    listMeasures: (): MeasureDefinition[] => CATALOGUE.map(toDefinition),
    measureValues,
    measureRecords,
  };
}

export type MeasureService = ReturnType<typeof createMeasureService>;
