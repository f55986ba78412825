// The only way index rows leave the server: fields listed one by one. A result's
// stored inputs (the respondents' answers) never leave.
import { methodSchema, type MethodVersionView, type ResultView, type UnitResult } from '../../../contracts/cdci.ts';
import type { MethodRow } from './repository.ts';

export function toMethodView(row: MethodRow): MethodVersionView {
  return {
    id: row.id,
    departmentId: row.department_id,
    departmentName: row.department_name,
    year: row.year,
    version: row.version,
    status: row.status,
    surveyId: row.survey_id,
    method: methodSchema.parse(row.method),
    createdAt: row.created_at.toISOString(),
    publishedAt: row.published_at?.toISOString() ?? null,
  };
}

export function toResultView(
  row: { id: string; method_id: string; computed_at: Date; published: boolean; result: unknown },
  codes: Record<string, string>,
): ResultView {
  const result = row.result as { units: UnitResult[]; seed: number; draws: { bootstrap: number; sensitivity: number } };
  return {
    id: row.id,
    methodId: row.method_id,
    computedAt: row.computed_at.toISOString(),
    published: row.published,
    seed: result.seed,
    draws: result.draws,
    units: result.units,
    codes,
  };
}
