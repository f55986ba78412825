// The question bank: public search and reading, officers' editing with
// versions and a review step, feedback, reports and the export for associations.
import type { Kysely } from 'kysely';
import {
  searchForm,
  type EntryInput,
  type OfficerEntry,
  type PublicEntry,
  type QaCategory,
  type QaStatus,
  type SearchResponse,
} from '../../../contracts/questions.ts';
import type { Database } from '../../db/schema.ts';
import { isUser, type Actor } from '../../lib/actor.ts';
import { writeAudit, type AuditContext } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError, forbidden, notFound, unauthorized } from '../../lib/errors.ts';
import { checkTransition } from './policy.ts';
import { renderBankPdf } from './pdf.ts';
import { toOfficerEntry, toOfficerListItem, toPublic, toSearchHit } from './mapper.ts';
import * as repo from './repository.ts';
import * as engine from './search-repository.ts';
import { markedWords } from './query.ts';
import { createSynonymCache, type SynonymCache } from './synonym-cache.ts';
import { searchByRelevance } from './relevance.ts';
import { mayExportQuestionBank, mayWriteAnswers } from '../../../contracts/roles.ts';

const MAX_WORDS = 8;

/** The folded words of a query (at most 8, longest first kept) and the folded phrase. */
export function parseQuery(q: string | undefined): { words: string[]; phrase: string } {
  const phrase = searchForm(q ?? '').slice(0, 120);
  const words = [...new Set(phrase.split(' ').filter((word) => /[\p{L}\p{N}]/u.test(word)))].slice(0, MAX_WORDS);
  return { words, phrase };
}

// The text starts with the title: search counts on every title word being a text word too.
function searchColumns(input: EntryInput) {
  return {
    search_title: searchForm(`${input.titleVi} ${input.titleEn}`),
    search_text: searchForm(
      `${input.titleVi} ${input.titleEn} ${input.tags.join(' ')} ${input.bodyVi} ${input.bodyEn} ${input.legalBasis.map((l) => l.document).join(' ')}`,
    ),
  };
}

/** Row values for a new draft; also used by the support desk and the demo data. */
export function draftValues(input: EntryInput, authorUserId: string | null, now: Date) {
  return {
    category: input.category,
    tags: input.tags,
    title_vi: input.titleVi,
    body_vi: input.bodyVi,
    title_en: input.titleEn,
    body_en: input.bodyEn,
    legal_basis: JSON.stringify(input.legalBasis),
    ...searchColumns(input),
    author_user_id: authorUserId,
    created_at: now,
    updated_at: now,
  };
}

export function createQuestionService(deps: { db: Kysely<Database>; clock: Clock; synonyms?: SynonymCache }) {
  const { db, clock } = deps;
  const synonymCache = deps.synonyms ?? createSynonymCache(deps);

  async function search(input: {
    q?: string | undefined;
    category?: QaCategory | undefined;
    tag?: string | undefined;
    limit: number;
    offset: number;
  }): Promise<SearchResponse> {
    const { words, phrase } = parseQuery(input.q);
    const need = input.offset + input.limit;
    if (words.length === 0) {
      const found = await engine.browseIds(db, { ...input, need, count: true });
      const rows = await repo.entriesByIds(db, found.ids);
      return {
        total: found.total,
        totalExact: found.totalExact,
        fuzzy: false,
        corrected: null,
        approximate: false,
        searchId: null,
        items: rows.map((row) => toSearchHit(row, [])),
      };
    }
    const synonyms = await synonymCache.groups();
    const base = { synonyms, category: input.category, tag: input.tag, need };
    let found = await searchByRelevance(db, { ...base, q: input.q ?? '' });
    let corrected: string | null = null;
    // A word no entry holds (nor starts): correct it from the known words, and search again.
    if (found.unknown.length > 0 && phrase.length >= 3) {
      const fixed = await engine.correctWords(db, found.parsed.phrase.split(' '), found.unknown);
      const fixedPhrase = fixed.join(' ');
      if (fixedPhrase !== found.parsed.phrase) {
        const retry = await searchByRelevance(db, { ...base, q: fixedPhrase });
        // A correction is taken when it finds entries holding every word: a guess that still needs approximate results is not one.
        if (retry.total > 0 && !retry.approximate) {
          found = retry;
          corrected = fixedPhrase;
        }
      }
    }
    const searchId =
      phrase && input.offset === 0 ? await repo.logSearch(db, input.q ?? '', phrase, found.total, clock.now()) : null;
    const marks = markedWords(found.parsed.terms);
    return {
      total: found.total,
      totalExact: found.totalExact,
      fuzzy: corrected !== null,
      corrected,
      approximate: found.approximate,
      searchId,
      items: found.entries.slice(input.offset).map((entry) => toSearchHit(entry.row, marks)),
    };
  }

  /** Titles holding every typed word (the last one as typed so far), best first; typos corrected when nothing matches. */
  async function suggest(q: string | undefined) {
    const { words, phrase } = parseQuery(q);
    if (phrase.length < 2) return [];
    const filter = { titleOnly: true, need: 8, count: false };
    let found = await engine.rankedIds(db, { ...filter, words });
    if (found.ids.length === 0 && phrase.length >= 4) {
      const fixed = await engine.correctWords(db, words, found.unknown);
      if (fixed.join(' ') !== words.join(' ')) found = await engine.rankedIds(db, { ...filter, words: fixed });
    }
    const rows = await repo.entriesByIds(db, found.ids);
    return rows.map((row) => ({ id: row.id, number: row.number, title: row.title_vi }));
  }

  /** A published entry, its view counted; `searchId`: opened from that search's results. */
  async function getPublished(id: string, searchId?: number): Promise<PublicEntry> {
    const row = await repo.viewPublished(db, id);
    if (!row) throw notFound();
    if (searchId !== undefined) await repo.markSearchOpened(db, searchId, clock.now());
    return toPublic(row);
  }

  async function recordFeedback(id: string, helpful: boolean) {
    const row = await repo.addFeedback(db, id, helpful);
    if (!row) throw notFound();
    return { helpfulYes: row.helpful_yes, helpfulNo: row.helpful_no };
  }

  const categories = async () =>
    (await repo.categoryCounts(db)).map((row) => ({ category: row.category as QaCategory, count: row.count }));

  function requireWriter(actor: Actor | null): string {
    if (!isUser(actor)) throw unauthorized();
    if (!mayWriteAnswers(actor)) throw forbidden();
    return actor.userId;
  }

  async function toOfficer(tx: Kysely<Database>, row: repo.EntryRow): Promise<OfficerEntry> {
    const versions = await repo.findVersions(tx, row.id);
    const names = await repo.userNames(tx, [
      row.author_user_id,
      row.reviewed_by_user_id,
      ...versions.map((v) => v.actor_user_id),
    ]);
    return toOfficerEntry(row, versions, names);
  }

  async function listForOfficers(
    actor: Actor | null,
    input: {
      q?: string | undefined;
      status?: QaStatus | undefined;
      category?: QaCategory | undefined;
      limit: number;
      offset: number;
    },
  ) {
    requireWriter(actor);
    const { rows, total } = await repo.findOfficerList(db, {
      words: parseQuery(input.q).words,
      status: input.status,
      category: input.category,
      limit: input.limit,
      offset: input.offset,
    });
    return {
      total,
      items: rows.map(toOfficerListItem),
    };
  }

  async function getForOfficers(actor: Actor | null, id: string) {
    requireWriter(actor);
    const row = await repo.findEntry(db, id);
    if (!row) throw notFound();
    return toOfficer(db, row);
  }

  /** Inside a caller's transaction (the support desk turns a resolved request into a draft). */
  async function insertDraft(
    tx: Kysely<Database>,
    context: AuditContext,
    input: EntryInput,
    sourceRequestId: string | null,
  ) {
    const authorId = isUser(context.actor) ? context.actor.userId : null;
    const row = await repo.insertEntry(tx, {
      ...draftValues(input, authorId, clock.now()),
      source_request_id: sourceRequestId,
    });
    await repo.addVersion(tx, row, authorId, null, clock.now());
    await writeAudit(tx, context, {
      action: 'question.created',
      entityType: 'qa_entry',
      entityId: row.id,
      details: { number: row.number, sourceRequestId },
    });
    return row;
  }

  async function createEntry(context: AuditContext, input: EntryInput) {
    requireWriter(context.actor);
    return db.transaction().execute(async (tx) => toOfficer(tx, await insertDraft(tx, context, input, null)));
  }

  async function updateEntry(context: AuditContext, id: string, input: EntryInput) {
    const userId = requireWriter(context.actor);
    return db.transaction().execute(async (tx) => {
      const current = await repo.findEntryForUpdate(tx, id);
      if (!current) throw notFound();
      if (current.status !== 'draft' && current.status !== 'reviewed')
        throw new AppError('conflict', 'entry_not_editable');
      const { created_at: _created, author_user_id: _author, ...values } = draftValues(input, userId, clock.now());
      const row = await repo.updateEntry(tx, id, {
        ...values,
        author_user_id: userId,
        status: 'draft',
        version: current.version + 1,
        reviewed_by_user_id: null,
      });
      await repo.addVersion(tx, row, userId, null, clock.now());
      await writeAudit(tx, context, {
        action: 'question.updated',
        entityType: 'qa_entry',
        entityId: id,
        details: { number: row.number, version: row.version },
      });
      return toOfficer(tx, row);
    });
  }

  async function transition(context: AuditContext, id: string, to: QaStatus, note: string | undefined) {
    if (!isUser(context.actor)) throw unauthorized();
    const userId = context.actor.userId;
    return db.transaction().execute(async (tx) => {
      const current = await repo.findEntryForUpdate(tx, id);
      if (!current) throw notFound();
      const denial = checkTransition(context.actor, current.status, to, current.author_user_id);
      if (denial === 'forbidden') throw forbidden();
      if (denial) throw new AppError(denial === 'four_eyes' ? 'forbidden' : 'conflict', denial);
      const now = clock.now();
      const row = await repo.updateEntry(tx, id, {
        status: to,
        updated_at: now,
        ...(to === 'reviewed' && { reviewed_by_user_id: userId, last_reviewed_at: now }),
        ...(to === 'published' && {
          published_at: current.published_at ?? now,
          last_reviewed_at: current.last_reviewed_at ?? now,
        }),
      });
      await repo.addVersion(tx, row, userId, note ?? null, now);
      await writeAudit(tx, context, {
        action: `question.${to}`,
        entityType: 'qa_entry',
        entityId: id,
        details: { number: row.number, from: current.status, to, version: row.version },
      });
      return toOfficer(tx, row);
    });
  }

  async function report(actor: Actor | null) {
    requireWriter(actor);
    const since = new Date(clock.now().getTime() - 90 * 86_400_000);
    const [viewed, empty, unopened] = [
      await repo.mostViewed(db, 20),
      await repo.emptySearches(db, since, 30),
      await repo.unopenedSearches(db, since, 30),
    ];
    const searches = (rows: typeof empty) =>
      rows.map((row) => ({ query: row.query, count: row.count, lastAt: new Date(row.last_at).toISOString() }));
    return {
      mostViewed: viewed.map((row) => ({
        id: row.id,
        number: row.number,
        titleVi: row.title_vi,
        views: row.views,
        helpfulYes: row.helpful_yes,
        helpfulNo: row.helpful_no,
      })),
      emptySearches: searches(empty),
      unopenedSearches: searches(unopened),
    };
  }

  async function exportRows(context: AuditContext) {
    if (!isUser(context.actor)) throw unauthorized();
    if (!mayExportQuestionBank(context.actor)) throw forbidden();
    const rows = await repo.findPublishedForExport(db);
    await writeAudit(db, context, {
      action: 'question.exported',
      entityType: 'qa_entry',
      details: { count: rows.length },
    });
    return rows.map(toPublic);
  }

  /** The bank as a streamed PDF (same readers as the Excel download). */
  async function exportPdf(context: AuditContext, options: { compress?: boolean } = {}) {
    if (!isUser(context.actor)) throw unauthorized();
    if (!mayExportQuestionBank(context.actor)) throw forbidden();
    const count = await repo.countPublished(db);
    await writeAudit(db, context, {
      action: 'question.exported',
      entityType: 'qa_entry',
      details: { count, format: 'pdf' },
    });
    return renderBankPdf({
      generatedAt: clock.now(),
      count,
      ...(options.compress !== undefined && { compress: options.compress }),
      batches: async function* (category) {
        for await (const rows of repo.publishedBatches(db, category)) {
          yield rows.map((row) => ({
            number: row.number,
            category: row.category as QaCategory,
            titleVi: row.title_vi,
            bodyVi: row.body_vi,
            legalBasis: row.legal_basis.map((l) => ({
              document: l.document,
              article: l.article ?? '',
              effectiveDate: l.effectiveDate ?? null,
            })),
            lastReviewedAt: row.last_reviewed_at,
          }));
        }
      },
    });
  }

  return {
    search,
    suggest,
    getPublished,
    recordFeedback,
    categories,
    listForOfficers,
    getForOfficers,
    createEntry,
    updateEntry,
    transition,
    insertDraft,
    report,
    exportRows,
    exportPdf,
  };
}

export type QuestionService = ReturnType<typeof createQuestionService>;
