// The only way plan rows leave the server: fields listed one by one.
import type { MeasureCode } from '../../../contracts/measures.ts';
import type {
  PlanActivity,
  PlanReport,
  PlanSummary,
  PlanUnitRef,
  StatusCounts,
  TargetProgress,
} from '../../../contracts/plan.ts';
import { MANUAL_MEASURE } from '../../../contracts/plan.ts';
import type { Locale } from '../../lib/locale.ts';
import { catalogueEntry, toDefinition } from '../measures/catalogue.ts';
import type * as repo from './repository.ts';

export const toUnitRef = (
  u: { id: string; code: string; name_vi: string; name_en: string; kind: PlanUnitRef['kind'] },
  locale: Locale,
): PlanUnitRef => ({
  id: u.id,
  code: u.code,
  name: locale === 'en' && u.name_en ? u.name_en : u.name_vi,
  kind: u.kind,
});

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toCounts(counts: Record<string, number> | null): StatusCounts {
  const c = counts ?? {};
  return {
    achieved: c['achieved'] ?? 0,
    on_track: c['on_track'] ?? 0,
    at_risk: c['at_risk'] ?? 0,
    missed: c['missed'] ?? 0,
    no_data: c['no_data'] ?? 0,
  };
}

export const toPlanSummary = (row: repo.PlanSummaryRow, locale: Locale): PlanSummary => ({
  id: row.id,
  year: row.year,
  title: row.title,
  status: row.status,
  unit: toUnitRef({ ...row, id: row.unit_id }, locale),
  parentPlanId: row.parent_plan_id,
  publishedAt: iso(row.published_at),
  adoptedAt: iso(row.adopted_at),
  targets: row.targets,
  counts: toCounts(row.counts),
});

export const toProgress = (
  row:
    | {
        value: number | null;
        expected: number | null;
        projected: number | null;
        progress: number | null;
        status: TargetProgress['status'];
        computed_at: Date;
      }
    | undefined,
): TargetProgress =>
  row
    ? {
        value: row.value,
        expected: row.expected,
        projected: row.projected,
        progress: row.progress,
        status: row.status,
        computedAt: row.computed_at.toISOString(),
      }
    : { value: null, expected: null, projected: null, progress: null, status: 'no_data', computedAt: null };

export const measureOf = (row: { measure_code: string | null }) => row.measure_code ?? MANUAL_MEASURE;

export const definitionOf = (row: { measure_code: string | null }) =>
  row.measure_code ? toDefinition(catalogueEntry(row.measure_code as MeasureCode)) : null;

export const toReport = (row: Awaited<ReturnType<typeof repo.findReports>>[number]): PlanReport => ({
  id: row.id,
  targetId: row.target_id,
  value: row.value,
  evidence: row.evidence,
  evidenceUrl: row.evidence_url,
  reportedAt: row.reported_at.toISOString(),
  reportedBy: row.reporter,
  reviewStatus: row.review_status,
  reviewComment: row.review_comment,
  reviewedAt: iso(row.reviewed_at),
});

export const toActivity = (row: Awaited<ReturnType<typeof repo.findActivities>>[number]): PlanActivity => ({
  id: row.id,
  content: row.content as PlanActivity['content'],
  title: row.title,
  ownerName: row.owner_name,
  startsOn: row.starts_on,
  endsOn: row.ends_on,
  status: row.status,
});
