// Synonyms of the question-bank search: editors (those who write answers) list,
// add, change and remove groups; every change is audited with its old and new
// expressions. Searches read them when they run, so nothing is re-indexed.
import type { Kysely } from 'kysely';
import { searchForm, type SynonymGroupView, type SynonymInput } from '../../../contracts/questions.ts';
import { mayWriteAnswers } from '../../../contracts/roles.ts';
import type { Database } from '../../db/schema.ts';
import { isUser, type Actor } from '../../lib/actor.ts';
import { writeAudit, type AuditContext } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { forbidden, notFound, unauthorized } from '../../lib/errors.ts';
import { toSynonymGroup } from './mapper.ts';
import * as repo from './synonym-repository.ts';
import type { SynonymCache } from './synonym-cache.ts';

/** The expressions as editors wrote them, trimmed, inner spaces collapsed, folded duplicates dropped. */
export function cleanTerms(terms: string[]): string[] {
  const seen = new Set<string>();
  return terms
    .map((term) => term.trim().replace(/\s+/g, ' '))
    .filter((term) => {
      const key = searchForm(term);
      if (!key || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

export function createSynonymService(deps: { db: Kysely<Database>; clock: Clock; synonyms?: SynonymCache }) {
  const { db, clock } = deps;
  /** Searches in this process see a change at once. */
  const changed = () => deps.synonyms?.forget();

  function requireEditor(actor: Actor | null): string {
    if (!isUser(actor)) throw unauthorized();
    if (!mayWriteAnswers(actor)) throw forbidden();
    return actor.userId;
  }

  async function list(actor: Actor | null): Promise<SynonymGroupView[]> {
    requireEditor(actor);
    return (await repo.listSynonyms(db)).map(toSynonymGroup);
  }

  async function create(context: AuditContext, input: SynonymInput): Promise<SynonymGroupView> {
    const userId = requireEditor(context.actor);
    return db
      .transaction()
      .execute(async (tx) => {
        const row = await repo.insertSynonym(tx, cleanTerms(input.terms), userId, clock.now());
        await writeAudit(tx, context, {
          action: 'question.synonyms_created',
          entityType: 'qa_synonym',
          entityId: row.id,
          details: { terms: row.terms },
        });
        return toSynonymGroup(row);
      })
      .finally(changed);
  }

  async function update(context: AuditContext, id: string, input: SynonymInput): Promise<SynonymGroupView> {
    const userId = requireEditor(context.actor);
    return db
      .transaction()
      .execute(async (tx) => {
        const current = await repo.findSynonym(tx, id);
        if (!current) throw notFound();
        const row = await repo.updateSynonym(tx, id, cleanTerms(input.terms), userId, clock.now());
        await writeAudit(tx, context, {
          action: 'question.synonyms_updated',
          entityType: 'qa_synonym',
          entityId: id,
          details: { from: current.terms, to: row.terms },
        });
        return toSynonymGroup(row);
      })
      .finally(changed);
  }

  async function remove(context: AuditContext, id: string): Promise<void> {
    requireEditor(context.actor);
    await db
      .transaction()
      .execute(async (tx) => {
        const current = await repo.findSynonym(tx, id);
        if (!current) throw notFound();
        await repo.deleteSynonym(tx, id);
        await writeAudit(tx, context, {
          action: 'question.synonyms_deleted',
          entityType: 'qa_synonym',
          entityId: id,
          details: { terms: current.terms },
        });
      })
      .finally(changed);
  }

  return { list, create, update, remove };
}
