// Platform measures: figures the platform computes per organization unit (its
// sub-units included) and period, each with its definition and the records it
// counts. Shared by the annual plan, the competitiveness index and the web app.
import { z } from 'zod';
import { uuid } from './common.ts';

export const MEASURE_KINDS = ['count', 'share', 'median_hours'] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];

/** The five contents of the annual partnership plan a measure serves. */
export const PLAN_CONTENTS = ['information', 'support', 'consultation', 'cooperation', 'supervision'] as const;
export type PlanContent = (typeof PLAN_CONTENTS)[number];

export const MEASURE_CODES = [
  'agreements_in_force',
  'agreements_signed',
  'dialogues_held',
  'dialogue_items_answered_share',
  'support_requests_received',
  'support_resolved_on_time_share',
  'support_first_response_median_hours',
  'qa_entries_published',
  'qa_entries_reviewed',
  'newsletters_sent',
  'newsletter_reach',
  'survey_response_rate',
  'service_satisfaction_share',
  'flags_handled_on_time_share',
] as const;
export type MeasureCode = (typeof MEASURE_CODES)[number];
export const measureCode = z.enum(MEASURE_CODES);

const localized = z.object({ vi: z.string(), en: z.string() });

export const measureDefinition = z.object({
  code: measureCode,
  kind: z.enum(MEASURE_KINDS),
  content: z.enum(PLAN_CONTENTS),
  name: localized,
  definition: localized,
  /** true: more is better (a target is a floor); false: less is better (a ceiling). */
  higherIsBetter: z.boolean(),
  /** Grows through the year (counts): a target's pace is proportional to time; otherwise a level to hold. */
  cumulative: z.boolean(),
  /** Drawn from ratings: comes through disclosure control (released months, published cells only). */
  disclosureControlled: z.boolean(),
});
export type MeasureDefinition = z.infer<typeof measureDefinition>;

const day = z.iso.date();

/** Vietnam days, both included. */
export const measurePeriod = z
  .object({ from: day, to: day })
  .refine((p) => p.from <= p.to, { message: 'msg:period_order', path: ['to'] });
export type MeasurePeriod = z.infer<typeof measurePeriod>;

export const measureValue = z.object({
  code: measureCode,
  unitId: uuid,
  /** null: nothing to measure yet (no record, or nothing published). */
  value: z.number().nullable(),
  /** Shares: the counted records that met the condition, and all counted. Counts: the count twice. */
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
});
export type MeasureValue = z.infer<typeof measureValue>;

export const measureRecord = z.object({
  id: z.string(),
  label: z.string(),
  /** The day the record counts on ('YYYY-MM-DD'). */
  on: z.string().nullable(),
  /** For shares: whether this record met the condition. */
  met: z.boolean().nullable(),
  /** Hours (median measures), recipients (reach) or declarations (satisfaction months). */
  amount: z.number().nullable(),
  /** The app page of the record. */
  href: z.string(),
});
export type MeasureRecord = z.infer<typeof measureRecord>;

export const MEASURE_RECORDS_LIMIT = 500;

export const measureRecords = z.object({
  code: measureCode,
  unitId: uuid,
  period: z.object({ from: z.string(), to: z.string() }),
  value: measureValue,
  definition: measureDefinition,
  /** All records counted; at most MEASURE_RECORDS_LIMIT are listed. */
  total: z.number().int(),
  records: z.array(measureRecord),
});
export type MeasureRecords = z.infer<typeof measureRecords>;

export const measureRecordsQuery = z
  .object({ unitId: uuid, from: day, to: day })
  .strict()
  .refine((p) => p.from <= p.to, { message: 'msg:period_order', path: ['to'] });

/** A calendar year as a measure period. */
export const yearPeriod = (year: number): MeasurePeriod => ({
  from: `${String(year)}-01-01`,
  to: `${String(year)}-12-31`,
});
