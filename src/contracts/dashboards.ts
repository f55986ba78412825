import { z } from 'zod';
import { CHANNELS, SUBJECT_KINDS } from './assessments.ts';

export const dashboardQuery = z.object({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  channel: z.enum(CHANNELS).optional(),
  typeCode: z.string().regex(/^[A-Z]\d{2}$/, 'msg:type_code_format').optional(),
  subjectKind: z.enum(SUBJECT_KINDS).optional(),
  /** One processing stage by name: only the ratings of that stage. */
  stage: z.string().trim().min(2).max(100).optional(),
  granularity: z.enum(['week', 'month']).default('month'),
});
export type DashboardQuery = z.infer<typeof dashboardQuery>;

const figures = z.object({
  count: z.number(),
  meanStars: z.number().nullable(),
  distribution: z.object({ '1': z.number(), '2': z.number(), '3': z.number(), '4': z.number(), '5': z.number() }).nullable(),
  satisfiedShare: z.number().nullable(),
  flags: z.object({ inconvenience: z.number(), harassment: z.number(), negativity: z.number(), delay: z.number(), error: z.number() }).nullable(),
  withheld: z.boolean(),
});

const unitRef = z.object({ id: z.uuid(), code: z.string(), kind: z.string(), nameVi: z.string(), nameEn: z.string() });
/** The units from the widest one the caller may open down to this one (breadcrumbs). */
const unitPath = z.array(unitRef);

export const unitDashboardResponse = z.object({
  unit: unitRef,
  parentId: z.uuid().nullable(),
  path: unitPath,
  from: z.string(),
  to: z.string(),
  minimumCount: z.number(),
  figures,
  trend: z.array(z.object({ period: z.string(), count: z.number(), meanStars: z.number().nullable(), satisfiedShare: z.number().nullable() })),
  children: z.array(z.object({ unit: unitRef, figures, score: z.number().nullable() })),
  officers: z.array(z.object({ id: z.uuid(), code: z.string(), fullName: z.string(), figures, score: z.number().nullable() })),
  /** The processing stages rated at this unit in the period, to filter by. */
  stages: z.array(z.string()),
});
export type UnitDashboard = z.infer<typeof unitDashboardResponse>;

export const officerDashboardResponse = z.object({
  officer: z.object({ id: z.uuid(), code: z.string(), fullName: z.string(), unitId: z.uuid() }),
  path: unitPath,
  from: z.string(),
  to: z.string(),
  minimumCount: z.number(),
  figures,
  trend: z.array(z.object({ period: z.string(), count: z.number(), meanStars: z.number().nullable(), satisfiedShare: z.number().nullable() })),
  comments: z.array(z.object({ month: z.string(), stars: z.number(), reason: z.string(), flags: z.array(z.string()) })),
});
export type OfficerDashboard = z.infer<typeof officerDashboardResponse>;
export type DashboardFigures = z.infer<typeof figures>;
export type UnitRef = z.infer<typeof unitRef>;

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export const dashboardExportQuery = dashboardQuery.extend({ format: z.enum(EXPORT_FORMATS).default('csv') });
export type DashboardExportQuery = z.infer<typeof dashboardExportQuery>;

export const monthlyReportQuery = z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'msg:month_format').optional() });

const reportRow = z.object({ current: figures, previous: figures, score: z.number().nullable() });

export const monthlyReportResponse = z.object({
  unit: unitRef,
  path: unitPath,
  month: z.string(),
  previousMonth: z.string(),
  minimumCount: z.number(),
  current: figures,
  previous: figures,
  children: z.array(reportRow.extend({ unit: unitRef })),
  officers: z.array(reportRow.extend({ id: z.uuid(), code: z.string(), fullName: z.string() })),
  /** Flag cases opened in the month about this unit or anything under it; null when withheld. */
  cases: z
    .object({ opened: z.number(), open: z.number(), inReview: z.number(), resolved: z.number(), substantiated: z.number(), overdue: z.number() })
    .nullable(),
  generatedAt: z.string(),
});
export type MonthlyReport = z.infer<typeof monthlyReportResponse>;
