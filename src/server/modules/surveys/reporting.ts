// Survey results, their export and their publication. Results exist only once a
// survey is closed: while it is open, the owner (who sees who has answered)
// could otherwise watch the figures move as one business answers. Everything
// leaves through buildResults (results.ts), which applies the shared
// suppression rule; the export withholds the same cells.
import type { Kysely } from 'kysely';
import type {
  PublishedSurvey,
  ResultsQuery,
  SurveyDefinition,
  SurveyQuestion,
  SurveyResults,
} from '../../../contracts/surveys.ts';
import { SURVEY_MIN_CELL, surveyResults } from '../../../contracts/surveys.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../lib/actor.ts';
import { writeAudit, type AuditContext } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError, invalidField, notFound } from '../../lib/errors.ts';
import type { Locale } from '../../lib/locale.ts';
import { writeTable, type DownloadFile, type TableCell, type TableFormat } from '../../lib/tabular.ts';
import { vietnamDay } from '../../../contracts/vietnam-time.ts';
import { draftOf, toPublishedSurvey } from './mapper.ts';
import { questionsOf } from './policy.ts';
import * as repo from './repository.ts';
import { ANY_BRANCH, RESPONDENTS_ITEM, branchTable, buildResults, nodeOf, stratumTable } from './results.ts';
import { getOwnedSurvey } from './service.ts';

export function createSurveyReporting(deps: { db: Kysely<Database>; clock: Clock }) {
  const { db, clock } = deps;

  /**
   * A closed survey never changes, so each view is computed once and stored: the
   * first reader pays for the suppression trees, every later one reads a row.
   * Only views of strata the survey has are stored (a made-up stratum is
   * answered, withheld, but not kept).
   */
  async function read(survey: repo.SurveyRow, filter: ResultsQuery): Promise<string> {
    if (filter.businessType && !filter.stratum) throw invalidField('querystring.businessType', 'survey_filter_nested');
    const viewKey = JSON.stringify([filter.stratum ?? null, filter.businessType ?? null]);
    const stored = await repo.findResultView(db, survey.id, viewKey);
    if (stored !== undefined) return stored;
    const results = await compute(survey, filter);
    const json = JSON.stringify(surveyResults.parse(results));
    if (!filter.stratum || results.strata.includes(filter.stratum))
      await repo.insertResultView(db, survey.id, viewKey, json);
    return json;
  }

  async function compute(survey: repo.SurveyRow, filter: ResultsQuery): Promise<SurveyResults> {
    const rows = await repo.findCounts(db, survey.id);
    const branchIds = [...new Set(rows.map((r) => r.branch_id).filter((b) => b !== '' && b !== ANY_BRANCH))];
    const branches = new Map((await repo.findBranches(db, branchIds)).map((b) => [b.id, `${b.code} ${b.name_vi}`]));
    const texts = new Map<string, string[]>();
    for (const text of await repo.findTexts(db, survey.id))
      texts.set(text.item, [...(texts.get(text.item) ?? []), text.body]);
    return buildResults({
      surveyId: survey.id,
      title: { vi: survey.title_vi, en: survey.title_en },
      definition: survey.definition as SurveyDefinition,
      rows,
      filter,
      branches,
      texts,
    });
  }

  /** The results as JSON text (SurveyResults), sent as stored. */
  async function results(actor: Actor | null, id: string, filter: ResultsQuery): Promise<string> {
    const survey = await getOwnedSurvey(db, actor, id);
    if (survey.status !== 'closed') throw new AppError('conflict', 'survey_not_closed');
    return read(survey, filter);
  }

  async function publicResults(id: string, filter: ResultsQuery): Promise<string> {
    const survey = await repo.findSurvey(db, id);
    if (!survey?.published) throw notFound();
    return read(survey, filter);
  }

  async function publishedSurveys(limit: number): Promise<PublishedSurvey[]> {
    return (await repo.findPublishedSurveys(db, limit)).map(toPublishedSurvey);
  }

  async function publish(context: AuditContext, id: string) {
    const survey = await getOwnedSurvey(db, context.actor, id);
    if (survey.status !== 'closed') throw new AppError('conflict', 'survey_not_closed');
    await db.transaction().execute(async (tx) => {
      await repo.setPublished(tx, id, clock.now());
      await writeAudit(tx, context, {
        action: 'survey.published',
        entityType: 'survey',
        entityId: id,
        unitId: survey.owner_unit_id,
      });
    });
    return { ok: true as const };
  }

  /**
   * One row per answer in a random order, one column per question (a matrix row,
   * a branch of a per-branch question each have theirs); a question the answer
   * did not show stays empty. Withheld like the results: the stratum (and the
   * business type) of a group under 5 is left out, so is a branch under 5 raters
   * and free text written by fewer than 5.
   */
  async function exportAnswers(context: AuditContext, id: string, format: TableFormat): Promise<DownloadFile> {
    const survey = await getOwnedSurvey(db, context.actor, id);
    if (survey.status !== 'closed') throw new AppError('conflict', 'survey_not_closed');
    const locale: Locale = context.actor?.kind === 'user' ? context.actor.locale : 'vi';
    const definition = survey.definition as SurveyDefinition;
    const counts = await repo.findCounts(db, id);
    const byItem = (item: string) => counts.filter((r) => r.item === item);
    const respondents = stratumTable(byItem(RESPONDENTS_ITEM));
    const label = (q: SurveyQuestion, key: string) =>
      q.options.find((o) => o.key === key)?.label[locale] || q.options.find((o) => o.key === key)?.label.vi || key;

    interface Column {
      header: string;
      cell: (answers: Record<string, unknown>) => TableCell;
    }
    const columns: Column[] = [];
    for (const { question: q } of questionsOf(definition)) {
      const isText = q.type === 'short_text' || q.type === 'long_text';
      const format = (value: unknown): TableCell => {
        if (value === undefined || value === null) return null;
        if (q.type === 'single') return label(q, value as string);
        if (q.type === 'multiple') return (value as string[]).map((k) => label(q, k)).join('; ');
        if (q.type === 'ranking') return (value as string[]).map((k) => label(q, k)).join(' > ');
        return value as TableCell;
      };
      if (q.type === 'matrix') {
        for (const row of q.options)
          columns.push({
            header: `${q.key}.${row.key}`,
            cell: (a) => (a[q.key] as Record<string, number> | undefined)?.[row.key] ?? null,
          });
        continue;
      }
      if (q.perBranch) {
        const item = q.type === 'ranking' ? `${q.key}.${q.options[0]?.key}` : q.key;
        const table = branchTable(byItem(item));
        const ids = [...new Set(byItem(item).map((r) => r.branch_id))].filter((b) => b !== ANY_BRANCH).sort();
        const names = new Map((await repo.findBranches(db, ids)).map((b) => [b.id, b.code]));
        const writers = byItem(q.key).find((r) => r.branch_id === ANY_BRANCH && r.value === '')?.count ?? 0;
        const textOk = !isText || writers >= SURVEY_MIN_CELL;
        for (const branchId of ids) {
          const shown = !table.withheld.has(`R:${branchId}`) && textOk;
          columns.push({
            header: `${q.key} [${names.get(branchId) ?? branchId}]`,
            cell: (a) => (shown ? format((a[q.key] as Record<string, unknown> | undefined)?.[branchId]) : null),
          });
        }
        continue;
      }
      const textOk =
        !isText || byItem(q.key).reduce((n, r) => n + (r.value === '' ? r.count : 0), 0) >= SURVEY_MIN_CELL;
      columns.push({ header: q.key, cell: (a) => (textOk ? format(a[q.key]) : null) });
    }

    const answers = await repo.findResponses(db, id);
    const rows: TableCell[][] = [['#', 'stratum', 'business_type', ...columns.map((c) => c.header)]];
    answers.forEach((response, index) => {
      const stratumShown = !respondents.withheld.has(nodeOf(response.stratum));
      const typeShown = stratumShown && !respondents.withheld.has(nodeOf(response.stratum, response.business_type));
      const values = draftOf(response.answers) as Record<string, unknown>;
      // Empty cells as '' (not null), so that a row ending in unasked questions keeps its width in CSV.
      rows.push(
        [
          index + 1,
          stratumShown ? response.stratum : null,
          typeShown ? response.business_type : null,
          ...columns.map((c) => c.cell(values)),
        ].map((cell) => cell ?? ''),
      );
    });
    const now = clock.now();
    const file = await writeTable(
      [{ name: 'answers', rows, headerRows: [0] }],
      format,
      `khao-sat-${vietnamDay(now)}`,
      now,
    );
    await writeAudit(db, context, {
      action: 'survey.exported',
      entityType: 'survey',
      entityId: id,
      unitId: survey.owner_unit_id,
      details: { format, rows: answers.length },
    });
    return file;
  }

  return { results, publicResults, publishedSurveys, publish, exportAnswers };
}
