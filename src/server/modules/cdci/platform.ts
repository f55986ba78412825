// Platform data behind the index: measures the platform keeps per unit and year.
// The measures catalogue (modules/measures) answers; the index never computes a
// measure itself.
import { MEASURE_CODES, type MeasureCode } from '../../../contracts/measures.ts';
import type { MeasureService } from '../measures/service.ts';
export interface PlatformMeasure {
  code: string;
  name: { vi: string; en: string };
  higherIsBetter: boolean;
}

export interface PlatformSource {
  listMeasures(): PlatformMeasure[];
  /** Each branch's value for the calendar year (null: none, or withheld by disclosure control). */
  values(measure: string, unitIds: readonly string[], year: number): Promise<Map<string, number | null>>;
}

/** The measures catalogue (modules/measures) as the index's platform source: values over the calendar year. */
export function measuresPlatform(measures: MeasureService): PlatformSource {
  const known = new Set<string>(MEASURE_CODES);
  return {
    listMeasures: () =>
      measures.listMeasures().map((m) => ({ code: m.code, name: m.name, higherIsBetter: m.higherIsBetter })),
    async values(measure, unitIds, year) {
      if (!known.has(measure)) return new Map(unitIds.map((id) => [id, null]));
      const values = await measures.measureValues([measure as MeasureCode], unitIds, {
        from: `${year}-01-01`,
        to: `${year}-12-31`,
      });
      return new Map(unitIds.map((id) => [id, values.find((v) => v.unitId === id)?.value ?? null]));
    },
  };
}
