// What a computation reads, gathered once and stored with its result: the
// department's branches, each branch's respondents' answers per survey indicator
// (no business, no time: the answer rows hold neither), platform measures, the
// Department's scores, and earlier years' values for multi-year bounds.
import type { Kysely } from 'kysely';
import type { CdciMethod, ResultView } from '../../../contracts/cdci.ts';
import type { Database } from '../../db/schema.ts';
import * as repo from './repository.ts';
import { questionsOf } from '../surveys/policy.ts';
import type { SurveyDefinition } from '../../../contracts/surveys.ts';
import type { CdciData } from './compute.ts';
import type { PlatformSource } from './platform.ts';

/** The stored form of CdciData (JSON: NaN as null). */
export interface StoredInputs {
  units: { code: string; name: string; respondents: number; unitCode: string }[];
  answers: Record<string, Record<string, (number | null)[]>>;
  values: Record<string, Record<string, number>>;
  history: Record<string, number[]>;
}

export function toData(inputs: StoredInputs): CdciData {
  return {
    units: inputs.units,
    answers: new Map(
      Object.entries(inputs.answers).map(([unit, byIndicator]) => [
        unit,
        Object.fromEntries(
          Object.entries(byIndicator).map(([code, values]) => [code, Float64Array.from(values, (v) => v ?? NaN)]),
        ),
      ]),
    ),
    values: inputs.values,
    history: inputs.history,
  };
}

type AnswerRow = { answers: unknown };

/**
 * Each respondent's value for each survey indicator and branch: a question's answer, or for a group the
 * mean of the respondent's answers to the group's questions on a 1–5 scale (higher-worse ones reversed).
 */
export function surveyAnswersByBranch(
  method: CdciMethod,
  definition: SurveyDefinition,
  rows: readonly AnswerRow[],
  branchIds: readonly string[],
): { answers: Record<string, Record<string, (number | null)[]>>; respondents: Record<string, number> } {
  const questions = questionsOf(definition)
    .map(({ question }) => question)
    .filter((q) => q.perBranch && q.type === 'scale');
  const indicators = method.components.flatMap((component) =>
    component.indicators.flatMap((indicator) => {
      if (indicator.source.kind !== 'survey') return [];
      const { question, group } = indicator.source;
      const members = questions.filter((q) => (question ? q.key === question : q.indicator?.component === group));
      return [{ code: indicator.code, members, single: question !== null }];
    }),
  );
  const answers: Record<string, Record<string, (number | null)[]>> = {};
  const respondents: Record<string, number> = {};
  for (const branch of branchIds) {
    answers[branch] = Object.fromEntries(indicators.map((indicator) => [indicator.code, []]));
    respondents[branch] = 0;
  }
  for (const row of rows) {
    const given = (row.answers ?? {}) as Record<string, unknown>;
    for (const branch of branchIds) {
      const values = indicators.map((indicator) => {
        const scores = indicator.members.flatMap((q) => {
          const value = (given[q.key] as Record<string, unknown> | undefined)?.[branch];
          if (typeof value !== 'number') return [];
          if (indicator.single) return [value];
          const onFive = 1 + (4 * (value - 1)) / (q.scaleMax - 1);
          return [q.indicator?.direction === 'higher_worse' ? 6 - onFive : onFive];
        });
        return scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null;
      });
      if (values.every((v) => v === null)) continue;
      respondents[branch]! += 1;
      indicators.forEach((indicator, i) => answers[branch]![indicator.code]!.push(values[i]!));
    }
  }
  return { answers, respondents };
}

/** Platform measure values of the branches for the year (by indicator code and branch id). */
export async function platformValues(
  method: CdciMethod,
  platform: PlatformSource,
  branchIds: readonly string[],
  year: number,
): Promise<Record<string, Record<string, number>>> {
  const out: Record<string, Record<string, number>> = {};
  for (const component of method.components)
    for (const indicator of component.indicators) {
      if (indicator.source.kind !== 'platform') continue;
      const values = await platform.values(indicator.source.measure, branchIds, year);
      out[indicator.code] = Object.fromEntries([...values].filter(([, v]) => v !== null) as [string, number][]);
    }
  return out;
}

/** Everything a computation of the method version reads, gathered once (stored with its result). */
export async function gatherInputs(
  db: Kysely<Database>,
  platform: PlatformSource,
  row: repo.MethodRow,
  method: CdciMethod,
): Promise<StoredInputs> {
  const branches = await repo.findBranches(db, row.department_id);
  const ids = branches.map((b) => b.id);
  const survey = row.survey_id ? await repo.findSurveyDefinition(db, row.survey_id) : null;
  const { answers, respondents } = survey
    ? surveyAnswersByBranch(
        method,
        survey.definition as SurveyDefinition,
        await repo.findSurveyAnswers(db, survey.id),
        ids,
      )
    : { answers: {}, respondents: {} as Record<string, number> };
  const values = await platformValues(method, platform, ids, row.year);
  for (const score of await repo.findDepartmentScores(db, row.id))
    (values[score.indicator] ??= {})[score.unit_id] = score.value;
  const years = new Set(
    method.components.flatMap((c) => c.indicators.flatMap((i) => (i.bounds.kind === 'years' ? i.bounds.years : []))),
  );
  const history: Record<string, number[]> = {};
  if (years.size)
    for (const earlier of await repo.findPublishedResultsOfDepartment(db, row.department_id)) {
      if (!years.has(earlier.year)) continue;
      for (const unit of (earlier.result as ResultView).units)
        for (const [code, cell] of Object.entries(unit.indicators))
          if (cell.raw !== null && !cell.imputed) (history[code] ??= []).push(cell.raw);
    }
  return {
    units: branches.map((b) => ({
      code: b.id,
      name: b.name_vi,
      respondents: respondents[b.id] ?? 0,
      unitCode: b.code,
    })),
    answers,
    values,
    history,
  };
}
