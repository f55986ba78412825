// The branch competitiveness index of Quảng Ninh (department 20) over three
// years, so trends and bands mean something: 2024 and 2025 published from
// earlier (synthetic) survey waves, 2026 computed from the seeded CDCI survey,
// the platform's measures and the Department's own scores, then published.
// Every number goes through the module's computation with its seed.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  DEMO_SURVEY_GROUPS,
  forSurveyGroups,
  QUANG_NINH_COMPONENTS,
  quangNinhMethod,
} from '../../src/contracts/cdci-example.ts';
import type { Database } from '../../src/server/db/schema.ts';
import { gatherInputs, toData, type StoredInputs } from '../../src/server/modules/cdci/inputs.ts';
import { measuresPlatform } from '../../src/server/modules/cdci/platform.ts';
import * as repo from '../../src/server/modules/cdci/repository.ts';
import { computeWithUncertainty } from '../../src/server/modules/cdci/uncertainty.ts';
import { createMeasureService } from '../../src/server/modules/measures/service.ts';
import { Rng } from './random.ts';

export function demoMethod(year: number) {
  return quangNinhMethod({
    name: { vi: `Chỉ số năng lực cạnh tranh các Chi cục (DDCI) Quảng Ninh ${year}`, en: `Quảng Ninh DDCI ${year}` },
    components: forSurveyGroups({ name: { vi: 'x', en: '' }, components: QUANG_NINH_COMPONENTS }, DEMO_SURVEY_GROUPS)
      .components,
    // The survey of a province this size gathers a few dozen answers: the platform's minimum cell of 5 is the bar.
    minRespondents: 5,
    uncertainty: { bootstrap: 1000, sensitivity: 1000, weightNoise: 0.25, seed: year },
  });
}

async function store(
  db: Kysely<Database>,
  departmentId: string,
  year: number,
  surveyId: string | null,
  inputs: StoredInputs,
  at: Date,
) {
  const method = demoMethod(year);
  const methodId = await repo.insertMethod(db, {
    department_id: departmentId,
    year,
    version: 1,
    survey_id: surveyId,
    method,
    created_by: null,
    created_at: at,
  });
  const result = computeWithUncertainty(method, toData(inputs));
  const resultId = await repo.insertResult(db, {
    method_id: methodId,
    computed_at: at,
    computed_by: null,
    seed: result.seed,
    inputs,
    result,
  });
  await repo.publish(db, methodId, resultId, at);
  return { methodId, scored: result.units.filter((u) => u.scored).length };
}

export async function seedCdci(
  db: Kysely<Database>,
  options: { unitIds: Map<string, string>; now: Date; surveyId: string },
): Promise<{ years: number; branches: number }> {
  const departmentId = options.unitIds.get('20')!;
  const branches = await repo.findBranches(db, departmentId);
  const rng = new Rng('cdci');
  const year = options.now.getUTCFullYear();
  const quality = new Map(branches.map((b) => [b.id, 3.3 + rng.next() * 1.2]));
  const method = demoMethod(year);
  const indicators = method.components.flatMap((c) => c.indicators);
  // Earlier waves: respondents' answers (on 1–5) and platform and Department figures, improving a little each year.
  for (const [k, earlier] of [year - 2, year - 1].entries()) {
    const inputs: StoredInputs = { units: [], answers: {}, values: {}, history: {} };
    for (const branch of branches) {
      const n = 12 + Math.floor(rng.next() * 40);
      const centre = quality.get(branch.id)! + 0.1 * k;
      inputs.units.push({ code: branch.id, name: branch.name_vi, respondents: n, unitCode: branch.code });
      inputs.answers[branch.id] = {};
      for (const indicator of indicators) {
        if (indicator.source.kind === 'survey')
          inputs.answers[branch.id]![indicator.code] = Array.from({ length: n }, () =>
            Math.max(1, Math.min(5, Math.round(centre + rng.normal() * 0.9))),
          );
        else if (indicator.source.kind === 'department')
          (inputs.values[indicator.code] ??= {})[branch.id] = Math.round(80 + (centre - 3) * 8 + rng.next() * 6);
        else
          (inputs.values[indicator.code] ??= {})[branch.id] = Math.min(1, 0.6 + (centre - 3) * 0.15 + rng.next() * 0.1);
      }
    }
    await store(db, departmentId, earlier, null, inputs, new Date(Date.UTC(earlier + 1, 0, 20)));
  }
  // This year: the Department's scores, then everything gathered as a computation would.
  const methodRow = {
    id: randomUUID(), // not stored yet: no Department scores under it, they are added below
    department_id: departmentId,
    department_name: '',
    year,
    version: 1,
    status: 'draft' as const,
    survey_id: options.surveyId,
    method,
    created_at: options.now,
    published_at: null,
  };
  const platform = measuresPlatform(createMeasureService({ db, clock: { now: () => options.now } }));
  const inputs = await gatherInputs(db, platform, methodRow, method);
  for (const branch of branches)
    for (const indicator of indicators)
      if (indicator.source.kind === 'department')
        (inputs.values[indicator.code] ??= {})[branch.id] = Math.round(
          82 + (quality.get(branch.id)! - 3) * 8 + rng.next() * 6,
        );
  const { scored } = await store(db, departmentId, year, options.surveyId, inputs, options.now);
  return { years: 3, branches: scored };
}
