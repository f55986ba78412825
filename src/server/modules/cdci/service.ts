// The index, staff side: method versions (save, import, export), the Department's
// scores, computation with uncertainty, publication, recomputation, sandbox.
import { isDeepStrictEqual } from 'node:util';
import type { Kysely } from 'kysely';
import { SURVEY_MIN_CELL, type SurveyDefinition } from '../../../contracts/surveys.ts';
import {
  methodSchema,
  type MethodBody,
  type MethodVersionView,
  type ResultView,
  type SandboxBody,
  type SandboxResult,
} from '../../../contracts/cdci.ts';
import { mayDefineIndex } from '../../../contracts/roles.ts';
import type { Database } from '../../db/schema.ts';
import { isUser, type Actor, type UserActor } from '../../lib/actor.ts';
import { writeAudit, type AuditContext } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError, forbidden, invalidField, notFound, unauthorized, type ErrorDetail } from '../../lib/errors.ts';
import { getUnitAncestry } from '../../lib/org.ts';
import { readTable } from '../../lib/tabular.ts';
import { CDCI_METHOD_ROLES } from '../../../contracts/roles.ts';
import { scopeCovers, unitScopeOf } from '../../lib/scope.ts';
import { hasSurvey } from './compute.ts';
import { DataSetError, parseDataSet, parseDepartmentScores } from './dataset.ts';
import { gatherInputs, toData, type StoredInputs } from './inputs.ts';
import { toMethodView, toResultView } from './mapper.ts';
import type { PlatformSource } from './platform.ts';
import * as repo from './repository.ts';
import { computeWithUncertainty } from './uncertainty.ts';

export interface CdciDeps {
  db: Kysely<Database>;
  clock: Clock;
  platform: PlatformSource;
}

const conflict = (key: 'cdci_published' | 'cdci_result_stale') => new AppError('conflict', key);

export function rowErrors(error: DataSetError): AppError {
  const details: ErrorDetail[] = error.errors.map((e) => ({ field: `csv.${e.row}.${e.field}`, message: e.message }));
  return new AppError('validation_failed', 'validation_failed', details);
}

async function rowsOf(csv: string): Promise<string[][]> {
  const rows = await readTable('data.csv', Buffer.from(csv, 'utf8'));
  if (!rows) throw invalidField('csv', 'cdci_unreadable');
  return rows;
}

export function createCdciService(deps: CdciDeps) {
  const { db, clock, platform } = deps;

  async function requireDefiner(actor: Actor | null, departmentId: string): Promise<UserActor> {
    if (!isUser(actor)) throw unauthorized();
    if (!mayDefineIndex(actor)) throw forbidden();
    if (!scopeCovers(unitScopeOf(actor, CDCI_METHOD_ROLES), await getUnitAncestry(db, departmentId))) throw forbidden();
    return actor;
  }

  async function getOwnedMethod(actor: Actor | null, id: string): Promise<repo.MethodRow> {
    if (!isUser(actor)) throw unauthorized();
    const row = await repo.findMethod(db, id);
    if (!row) throw notFound();
    try {
      await requireDefiner(actor, row.department_id);
    } catch {
      throw notFound();
    }
    return row;
  }

  /** Checks what the schema cannot: the department, the survey's questions, the platform's measures. */
  async function checkReferences(body: MethodBody): Promise<void> {
    const unit = await repo.findUnit(db, body.departmentId);
    if (!unit || unit.kind !== 'department') throw invalidField('departmentId', 'cdci_not_department');
    const method = body.method;
    if (hasSurvey(method) && method.minRespondents < SURVEY_MIN_CELL)
      throw invalidField('method.minRespondents', 'cdci_min_respondents');
    const survey = body.surveyId ? await repo.findSurveyDefinition(db, body.surveyId) : null;
    if (body.surveyId && !survey) throw invalidField('surveyId', 'not_found');
    const questions = survey
      ? (survey.definition as SurveyDefinition).sections.flatMap((section) => section.questions)
      : [];
    const measures = new Set(platform.listMeasures().map((m) => m.code));
    const errors: ErrorDetail[] = [];
    method.components.forEach((component, c) =>
      component.indicators.forEach((indicator, i) => {
        const path = `method.components.${c}.indicators.${i}.source`;
        const source = indicator.source;
        if (source.kind === 'survey') {
          if (!survey) errors.push({ field: 'surveyId', message: 'cdci_survey_needed' });
          else if (
            source.question &&
            !questions.some((q) => q.key === source.question && q.perBranch && q.type === 'scale')
          )
            errors.push({ field: `${path}.question`, message: 'cdci_unknown_question' });
          else if (source.group && !questions.some((q) => q.indicator?.component === source.group && q.perBranch))
            errors.push({ field: `${path}.group`, message: 'cdci_unknown_question' });
        }
        if (source.kind === 'platform' && !measures.has(source.measure))
          errors.push({ field: `${path}.measure`, message: 'cdci_unknown_measure' });
        if (source.kind === 'data') errors.push({ field: `${path}.kind`, message: 'cdci_data_only_in_sandbox' });
      }),
    );
    if (errors.length) throw new AppError('validation_failed', 'validation_failed', errors.slice(0, 50));
  }

  async function listMethods(actor: Actor | null): Promise<MethodVersionView[]> {
    if (!isUser(actor)) throw unauthorized();
    if (!mayDefineIndex(actor)) throw forbidden();
    const scope = unitScopeOf(actor, CDCI_METHOD_ROLES);
    const rows = await repo.findMethods(db, null);
    const visible: repo.MethodRow[] = [];
    for (const row of rows)
      if (scope === 'all' || scopeCovers(scope, await getUnitAncestry(db, row.department_id))) visible.push(row);
    return visible.map(toMethodView);
  }

  /** Saves a new version (an import is the same: the exported document posted back). */
  async function saveMethod(context: AuditContext, body: MethodBody): Promise<MethodVersionView> {
    const actor = await requireDefiner(context.actor, body.departmentId);
    await checkReferences(body);
    const id = await db.transaction().execute(async (tx) => {
      if (await repo.hasPublished(tx, body.departmentId, body.year)) throw conflict('cdci_published');
      const version = await repo.nextVersion(tx, body.departmentId, body.year);
      const id = await repo.insertMethod(tx, {
        department_id: body.departmentId,
        year: body.year,
        version,
        survey_id: body.surveyId,
        method: body.method,
        created_by: actor.userId,
        created_at: clock.now(),
      });
      await writeAudit(tx, context, {
        action: 'cdci.method_saved',
        entityType: 'cdci_method',
        entityId: id,
        unitId: body.departmentId,
        details: { year: body.year, version },
      });
      return id;
    });
    return toMethodView((await repo.findMethod(db, id))!);
  }

  async function getMethod(actor: Actor | null, id: string): Promise<MethodVersionView> {
    return toMethodView(await getOwnedMethod(actor, id));
  }

  /** The method as a document to import elsewhere (or later). */
  async function exportMethod(actor: Actor | null, id: string): Promise<MethodBody> {
    const row = await getOwnedMethod(actor, id);
    return {
      departmentId: row.department_id,
      year: row.year,
      surveyId: row.survey_id,
      method: methodSchema.parse(row.method),
    };
  }

  /** The Department's scores, all or nothing: every row is checked before any is stored. */
  async function uploadScores(context: AuditContext, id: string, csv: string): Promise<{ rows: number }> {
    const row = await getOwnedMethod(context.actor, id);
    if (row.status === 'published') throw conflict('cdci_published');
    const method = methodSchema.parse(row.method);
    const branches = await repo.findBranches(db, row.department_id);
    const indicators = method.components.flatMap((c) =>
      c.indicators.filter((i) => i.source.kind === 'department').map((i) => i.code),
    );
    let parsed;
    try {
      parsed = parseDepartmentScores(
        await rowsOf(csv),
        branches.map((b) => b.code),
        indicators,
      );
    } catch (error) {
      if (error instanceof DataSetError) throw rowErrors(error);
      throw error;
    }
    const idOf = new Map(branches.map((b) => [b.code, b.id]));
    await db.transaction().execute(async (tx) => {
      await repo.replaceDepartmentScores(
        tx,
        id,
        parsed.map((p) => ({ unit_id: idOf.get(p.unit)!, indicator: p.indicator, value: p.value })),
      );
      await writeAudit(tx, context, {
        action: 'cdci.scores_uploaded',
        entityType: 'cdci_method',
        entityId: id,
        unitId: row.department_id,
        details: { rows: parsed.length },
      });
    });
    return { rows: parsed.length };
  }

  async function compute(context: AuditContext, id: string): Promise<ResultView> {
    const row = await getOwnedMethod(context.actor, id);
    if (row.status === 'published') throw conflict('cdci_published');
    const method = methodSchema.parse(row.method);
    const inputs = await gatherInputs(db, platform, row, method);
    const result = computeWithUncertainty(method, toData(inputs));
    const resultId = await db.transaction().execute(async (tx) => {
      const resultId = await repo.insertResult(tx, {
        method_id: id,
        computed_at: clock.now(),
        computed_by: isUser(context.actor) ? context.actor.userId : null,
        seed: result.seed,
        inputs,
        result,
      });
      await writeAudit(tx, context, {
        action: 'cdci.computed',
        entityType: 'cdci_result',
        entityId: resultId,
        unitId: row.department_id,
        details: { methodId: id, seed: result.seed, branches: inputs.units.length },
      });
      return resultId;
    });
    return toResultView((await repo.findResult(db, resultId))!, codesOf(inputs));
  }

  const codesOf = (inputs: StoredInputs) => Object.fromEntries(inputs.units.map((u) => [u.code, u.unitCode]));

  async function latestResult(actor: Actor | null, id: string): Promise<ResultView | null> {
    await getOwnedMethod(actor, id);
    const found = await repo.findLatestResult(db, id);
    if (!found) return null;
    const full = (await repo.findResult(db, found.id))!;
    return toResultView(full, codesOf(full.inputs as StoredInputs));
  }

  async function publish(context: AuditContext, id: string, resultId: string): Promise<MethodVersionView> {
    const row = await getOwnedMethod(context.actor, id);
    if (row.status === 'published') throw conflict('cdci_published');
    const latest = await repo.findLatestResult(db, id);
    if (!latest || latest.id !== resultId) throw conflict('cdci_result_stale');
    await db.transaction().execute(async (tx) => {
      if (!(await repo.publish(tx, id, resultId, clock.now()))) throw conflict('cdci_published');
      await writeAudit(tx, context, {
        action: 'cdci.published',
        entityType: 'cdci_method',
        entityId: id,
        unitId: row.department_id,
        details: { resultId, year: row.year, version: row.version },
      });
    });
    return toMethodView((await repo.findMethod(db, id))!);
  }

  /** Recomputes a stored result from the inputs it read, with its method and seed. */
  async function verify(context: AuditContext, resultId: string): Promise<{ same: boolean; differences: string[] }> {
    const stored = await repo.findResult(db, resultId);
    if (!stored) throw notFound();
    const row = await getOwnedMethod(context.actor, stored.method_id);
    const again = computeWithUncertainty(methodSchema.parse(row.method), toData(stored.inputs as StoredInputs));
    const before = stored.result as typeof again;
    // Stored as jsonb (keys reordered): compare values, after the same JSON round trip.
    const fresh = JSON.parse(JSON.stringify(again)) as typeof again;
    const differences = fresh.units.flatMap((unit, u) => (isDeepStrictEqual(unit, before.units[u]) ? [] : [unit.unit]));
    await writeAudit(db, context, {
      action: 'cdci.verified',
      entityType: 'cdci_result',
      entityId: resultId,
      unitId: row.department_id,
      details: { same: differences.length === 0 },
    });
    return { same: differences.length === 0, differences };
  }

  /** Methods tried over an uploaded data set; nothing is stored. */
  async function sandbox(actor: Actor | null, body: SandboxBody): Promise<SandboxResult> {
    if (!isUser(actor)) throw unauthorized();
    if (!mayDefineIndex(actor)) throw forbidden();
    const rows = await rowsOf(body.csv);
    const methods = body.methods.map((m) => methodSchema.parse(m));
    return {
      results: methods.map((method, m) => {
        try {
          return computeWithUncertainty(method, parseDataSet(rows, method));
        } catch (error) {
          if (!(error instanceof DataSetError)) throw error;
          const wrapped = rowErrors(error);
          wrapped.details.forEach((d) => (d.field = `methods.${m}.${d.field}`));
          throw wrapped;
        }
      }),
    };
  }

  return {
    listMethods,
    saveMethod,
    getMethod,
    exportMethod,
    uploadScores,
    compute,
    latestResult,
    publish,
    verify,
    sandbox,
  };
}
