// The annual partnership development plan: the national plan with its five
// contents, targets per level, adoption by departments, branch targets,
// activities, reported values and their review, and progress.
import { z } from 'zod';
import { uuid } from './common.ts';
import { measureCode, measureDefinition, PLAN_CONTENTS } from './measures.ts';

export { PLAN_CONTENTS };
export const PLAN_LEVELS = ['general_department', 'department', 'branch', 'team'] as const;
export type PlanLevel = (typeof PLAN_LEVELS)[number];
export const PLAN_STATUSES = ['draft', 'published', 'adopted'] as const;
export const TARGET_STATUSES = ['achieved', 'on_track', 'at_risk', 'missed', 'no_data'] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];
export const ACTIVITY_STATUSES = ['planned', 'in_progress', 'done', 'cancelled'] as const;
/** A target the platform cannot measure: its owner reports it with evidence. */
export const MANUAL_MEASURE = 'manual' as const;

const isoDate = z.iso.date();
const text = (max: number) => z.string().trim().min(1).max(max);

export const planCreateBody = z.object({
  year: z.number().int().min(2020).max(2100),
  title: text(300),
});
export type PlanCreateBody = z.infer<typeof planCreateBody>;

export const targetBody = z.object({
  content: z.enum(PLAN_CONTENTS),
  goal: text(300),
  title: text(300),
  /** A platform measure, or 'manual' (reported with evidence). */
  measure: z.union([measureCode, z.literal(MANUAL_MEASURE)]),
  /** Counts: a whole number; shares: a percentage 0–100; hours: more than 0. */
  value: z.number().min(0).max(1_000_000),
  deadline: isoDate,
  level: z.enum(PLAN_LEVELS),
  ownerName: z.string().trim().max(200).default(''),
});
export type TargetBody = z.infer<typeof targetBody>;

export const adoptBody = z.object({
  unitId: uuid,
  targets: z
    .array(z.object({ sourceTargetId: uuid, value: z.number().min(0).max(1_000_000) }))
    .max(200)
    .default([]),
});
export type AdoptBody = z.infer<typeof adoptBody>;

export const assignBody = z.object({
  assignments: z
    .array(z.object({ unitId: uuid, value: z.number().min(0).max(1_000_000) }))
    .min(1)
    .max(500),
});
export type AssignBody = z.infer<typeof assignBody>;

export const activityBody = z
  .object({
    content: z.enum(PLAN_CONTENTS),
    title: text(300),
    ownerName: text(200),
    startsOn: isoDate,
    endsOn: isoDate,
    status: z.enum(ACTIVITY_STATUSES).default('planned'),
  })
  .refine((a) => a.endsOn >= a.startsOn, { path: ['endsOn'], message: 'msg:period_order' });
export type ActivityBody = z.infer<typeof activityBody>;

export const activityStatusBody = z.object({ status: z.enum(ACTIVITY_STATUSES) });

export const reportBody = z.object({
  value: z.number().min(0).max(1_000_000),
  evidence: text(4000),
  evidenceUrl: z.url().max(1000).nullable().default(null),
});
export type ReportBody = z.infer<typeof reportBody>;

export const reviewBody = z.object({
  decision: z.enum(['accepted', 'rejected']),
  comment: z.string().trim().max(2000).default(''),
});
export type ReviewBody = z.infer<typeof reviewBody>;

export const planListQuery = z.object({ year: z.coerce.number().int().min(2020).max(2100).optional() }).strict();

const unitRef = z.object({ id: uuid, code: z.string(), name: z.string(), kind: z.enum(PLAN_LEVELS) });
export type PlanUnitRef = z.infer<typeof unitRef>;

export const targetProgress = z.object({
  value: z.number().nullable(),
  expected: z.number().nullable(),
  projected: z.number().nullable(),
  /** Value over target, 0–1 and beyond (for lower-is-better: target over value). */
  progress: z.number().nullable(),
  status: z.enum(TARGET_STATUSES),
  computedAt: z.string().nullable(),
});
export type TargetProgress = z.infer<typeof targetProgress>;

export const planReport = z.object({
  id: uuid,
  targetId: uuid,
  value: z.number(),
  evidence: z.string(),
  evidenceUrl: z.string().nullable(),
  reportedAt: z.string(),
  reportedBy: z.string().nullable(),
  reviewStatus: z.enum(['pending', 'accepted', 'rejected']),
  reviewComment: z.string().nullable(),
  reviewedAt: z.string().nullable(),
});
export type PlanReport = z.infer<typeof planReport>;

export const planTarget = z.object({
  id: uuid,
  planId: uuid,
  unitId: uuid,
  content: z.enum(PLAN_CONTENTS),
  goal: z.string(),
  title: z.string(),
  measure: z.string(),
  measureDefinition: measureDefinition.nullable(),
  value: z.number(),
  deadline: z.string(),
  level: z.enum(PLAN_LEVELS),
  sourceTargetId: uuid.nullable(),
  ownerName: z.string(),
  /** Measured on the plan's own unit; otherwise carried out by the units below (assigned). */
  measured: z.boolean(),
  progress: targetProgress,
  /** Targets assigned from this one to the units below, with their progress. */
  assigned: z.array(z.object({ targetId: uuid, unit: unitRef, value: z.number(), progress: targetProgress })),
  reports: z.array(planReport),
});
export type PlanTarget = z.infer<typeof planTarget>;

export const planActivity = z.object({
  id: uuid,
  content: z.enum(PLAN_CONTENTS),
  title: z.string(),
  ownerName: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  status: z.enum(ACTIVITY_STATUSES),
});
export type PlanActivity = z.infer<typeof planActivity>;

export const statusCounts = z.object({
  achieved: z.number(),
  on_track: z.number(),
  at_risk: z.number(),
  missed: z.number(),
  no_data: z.number(),
});
export type StatusCounts = z.infer<typeof statusCounts>;

export const planSummary = z.object({
  id: uuid,
  year: z.number(),
  title: z.string(),
  status: z.enum(PLAN_STATUSES),
  unit: unitRef,
  parentPlanId: uuid.nullable(),
  publishedAt: z.string().nullable(),
  adoptedAt: z.string().nullable(),
  targets: z.number(),
  counts: statusCounts,
});
export type PlanSummary = z.infer<typeof planSummary>;

export const planAlert = z.object({
  id: uuid,
  targetId: uuid,
  targetTitle: z.string(),
  unit: unitRef,
  status: z.enum(TARGET_STATUSES),
  value: z.number().nullable(),
  expected: z.number().nullable(),
  createdAt: z.string(),
});

export const planDetail = planSummary.extend({
  path: z.array(unitRef),
  canEdit: z.boolean(),
  canReview: z.boolean(),
  targets_: z.array(planTarget),
  activities: z.array(planActivity),
  /** The plans of the units directly below, with their status counts (roll-up and drill-down). */
  children: z.array(planSummary),
  /** Units directly below without a plan yet (for assigning). */
  childUnits: z.array(unitRef),
  alerts: z.array(planAlert),
});
export type PlanDetail = z.infer<typeof planDetail>;

export const planList = z.object({
  year: z.number(),
  national: planSummary.nullable(),
  /** The caller's own unit's plan for the year, or the unit it may adopt for. */
  own: planSummary.nullable(),
  ownUnit: unitRef.nullable(),
  canCreateNational: z.boolean(),
  plans: z.array(planSummary),
});
export type PlanList = z.infer<typeof planList>;
