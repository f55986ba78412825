// Who may see and manage a consultation: the drafting unit (organizers of the
// owner unit or above) manages it; everyone reads it once it is no longer a draft.
import type { Kysely } from 'kysely';
import type { Article } from '../../../contracts/consultations.ts';
import { mayDraftConsultations } from '../../../contracts/roles.ts';
import { vietnamInstant } from '../../../contracts/vietnam-time.ts';
import type { Database } from '../../db/schema.ts';
import { type Actor, isUser } from '../../lib/actor.ts';
import { AppError, notFound, unauthorized } from '../../lib/errors.ts';
import type { MessageKey } from '../../lib/messages.ts';
import { getUnitAncestry } from '../../lib/org.ts';
import { canOrganize } from '../../lib/scope.ts';
import * as repo from './repository.ts';

export async function isManager(db: Kysely<Database>, actor: Actor | null, row: repo.ConsultationRow) {
  return (
    isUser(actor) && mayDraftConsultations(actor) && canOrganize(actor, await getUnitAncestry(db, row.owner_unit_id))
  );
}

/** The consultation if the actor manages it: 401 unsigned, 404 otherwise (a draft's existence is not told). */
export async function getManaged(db: Kysely<Database>, actor: Actor | null, id: string) {
  if (!isUser(actor)) throw unauthorized();
  const row = await repo.findConsultation(db, id);
  if (!row || !(await isManager(db, actor, row))) throw notFound();
  return row;
}

/** The consultation if the actor may read it: anyone once opened, the drafting unit while a draft. */
export async function getVisible(db: Kysely<Database>, actor: Actor | null, id: string) {
  const row = await repo.findConsultation(db, id);
  if (!row) throw notFound();
  if (row.phase === 'draft' && !(await isManager(db, actor, row))) throw notFound();
  return row;
}

export async function articlesOf(db: Kysely<Database>, id: string): Promise<{ draft: Article[]; revised: Article[] }> {
  const rows = await repo.findArticles(db, id);
  const pick = (version: number) =>
    rows.filter((r) => r.version === version).map((r) => ({ number: r.number, heading: r.heading, body: r.body }));
  return { draft: pick(1), revised: pick(2) };
}

export const conflict = (key: MessageKey) => new AppError('conflict', key);

/** "2026-12-20T17:00" read as Vietnam time. */
export const fromVietnamLocal = (local: string): Date => vietnamInstant(local.slice(0, 10), local.slice(11, 16));
