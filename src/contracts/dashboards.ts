import { z } from 'zod';
import { CHANNELS, SUBJECT_KINDS } from './assessments.ts';

export const dashboardQuery = z.object({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  channel: z.enum(CHANNELS).optional(),
  typeCode: z.string().regex(/^[A-Z]\d{2}$/, 'msg:type_code_format').optional(),
  subjectKind: z.enum(SUBJECT_KINDS).optional(),
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

export const unitDashboardResponse = z.object({
  unit: unitRef,
  parentId: z.uuid().nullable(),
  from: z.string(),
  to: z.string(),
  minimumCount: z.number(),
  figures,
  trend: z.array(z.object({ period: z.string(), count: z.number(), meanStars: z.number().nullable(), satisfiedShare: z.number().nullable() })),
  children: z.array(z.object({ unit: unitRef, figures, score: z.number().nullable() })),
  officers: z.array(z.object({ id: z.uuid(), code: z.string(), fullName: z.string(), figures, score: z.number().nullable() })),
});
export type UnitDashboard = z.infer<typeof unitDashboardResponse>;

export const officerDashboardResponse = z.object({
  officer: z.object({ id: z.uuid(), code: z.string(), fullName: z.string(), unitId: z.uuid() }),
  from: z.string(),
  to: z.string(),
  minimumCount: z.number(),
  figures,
  trend: z.array(z.object({ period: z.string(), count: z.number(), meanStars: z.number().nullable(), satisfiedShare: z.number().nullable() })),
  comments: z.array(z.object({ month: z.string(), stars: z.number(), reason: z.string(), flags: z.array(z.string()) })),
});
