// Platform data behind the index: measures the platform keeps per unit and year.
// The measures catalogue (modules/measures) answers; the index never computes a
// measure itself.
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

/** No platform data (a sandbox, or before the catalogue is there): every platform indicator is missing. */
export const NO_PLATFORM: PlatformSource = {
  listMeasures: () => [],
  values: (_measure, unitIds) => Promise.resolve(new Map(unitIds.map((id) => [id, null]))),
};
