// Results of the service-quality assessment, as rated parties and their leaders see
// them: only over released calendar periods, only cells of at least 5 businesses
// (see ../../shared/design/disclosure-control.md and src/server/modules/disclosure).
import { z } from 'zod';
import { periodSchema, releasedPeriod } from './periods.ts';

/** The only filter results take is the period; anything else is refused, never ignored. */
export const dashboardQuery = z.strictObject({ period: periodSchema.optional() });
export type DashboardQuery = z.infer<typeof dashboardQuery>;

const distribution = z.object({ '1': z.number(), '2': z.number(), '3': z.number(), '4': z.number(), '5': z.number() });
const flags = z.object({
  inconvenience: z.number(),
  harassment: z.number(),
  negativity: z.number(),
  delay: z.number(),
  error: z.number(),
});

export const figures = z.object({
  /** False: fewer than 5 businesses (or none), or withheld so that such a cell cannot be worked out. */
  published: z.boolean(),
  /** Months of the period whose figure is published (the figure sums those only). */
  monthsShown: z.number(),
  monthsInPeriod: z.number(),
  /** Distinct businesses that rated (a single month only: over longer periods they are not additive). */
  businesses: z.number().nullable(),
  /** Declarations rated. */
  declarations: z.number().nullable(),
  /** Share of those declarations whose ratings here average 4 stars or more. */
  satisfiedShare: z.number().nullable(),
  /** Individual ratings (a declaration may rate the branch, its team, stages and officers). */
  ratings: z.number().nullable(),
  meanStars: z.number().nullable(),
  distribution: distribution.nullable(),
  /** Flags raised in these ratings (not findings). */
  flags: flags.nullable(),
});
export type Figures = z.infer<typeof figures>;

const unitRef = z.object({ id: z.uuid(), code: z.string(), kind: z.string(), nameVi: z.string(), nameEn: z.string() });
export type UnitRef = z.infer<typeof unitRef>;

const trendPoint = z.object({
  month: z.string(),
  published: z.boolean(),
  declarations: z.number().nullable(),
  meanStars: z.number().nullable(),
  satisfiedShare: z.number().nullable(),
});
const commentBatch = z.object({ firstMonth: z.string(), month: z.string(), comments: z.array(z.string()) });

export const unitDashboardResponse = z.object({
  unit: unitRef,
  parentId: z.uuid().nullable(),
  /** The units from the widest one the caller may open down to this one (breadcrumbs). */
  path: z.array(unitRef),
  period: releasedPeriod.nullable(),
  figures,
  /** The unit's ratings of itself (not of the units and officers under it). */
  own: figures,
  trend: z.array(trendPoint),
  children: z.array(z.object({ unit: unitRef, figures, score: z.number().nullable() })),
  officers: z.array(
    z.object({ id: z.uuid(), code: z.string(), fullName: z.string(), figures, score: z.number().nullable() }),
  ),
  /** Comments on the unit itself, released in batches of at least 5 businesses, shuffled, undated. */
  comments: z.array(commentBatch),
});
export type UnitDashboard = z.infer<typeof unitDashboardResponse>;

export const officerDashboardResponse = z.object({
  officer: z.object({ id: z.uuid(), code: z.string(), fullName: z.string(), unitId: z.uuid() }),
  path: z.array(unitRef),
  period: releasedPeriod.nullable(),
  figures,
  trend: z.array(trendPoint),
  comments: z.array(commentBatch),
});
export type OfficerDashboard = z.infer<typeof officerDashboardResponse>;

const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export const dashboardExportQuery = z.strictObject({
  period: periodSchema.optional(),
  format: z.enum(EXPORT_FORMATS).default('csv'),
});
export type DashboardExportQuery = z.infer<typeof dashboardExportQuery>;

export const monthlyReportQuery = z.strictObject({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'msg:month_format')
    .optional(),
});

const reportRow = z.object({ current: figures, previous: figures, score: z.number().nullable() });

export const monthlyReportResponse = z.object({
  unit: unitRef,
  path: z.array(unitRef),
  /** Null when no month is released yet. */
  month: z.string().nullable(),
  previousMonth: z.string().nullable(),
  current: figures,
  previous: figures,
  own: figures,
  children: z.array(reportRow.extend({ unit: unitRef })),
  officers: z.array(reportRow.extend({ id: z.uuid(), code: z.string(), fullName: z.string() })),
  /** Flag cases opened in the month about this unit or anything under it; null when the month's figure is not published. */
  cases: z
    .object({
      opened: z.number(),
      open: z.number(),
      inReview: z.number(),
      resolved: z.number(),
      substantiated: z.number(),
      overdue: z.number(),
    })
    .nullable(),
  generatedAt: z.string(),
});
export type MonthlyReport = z.infer<typeof monthlyReportResponse>;
