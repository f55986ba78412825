// Who reaches a newsletter, and how an issue is shown: an officer reaches only
// the issues of the units they organize for (others look absent; national
// issues: the General Department's staff).
import type { Kysely } from 'kysely';
import type { NewsletterView } from '../../../contracts/documents.ts';
import { mayOrganize } from '../../../contracts/roles.ts';
import type { Database } from '../../db/schema.ts';
import { isUser, type Actor, type UserActor } from '../../lib/actor.ts';
import { forbidden, notFound, unauthorized } from '../../lib/errors.ts';
import { getUnitAncestry } from '../../lib/org.ts';
import { canOrganize } from '../../lib/scope.ts';
import { toNewsletterView } from './mapper.ts';
import * as repo from './newsletter-repository.ts';

/** Throws not_found unless the actor organizes for the newsletter's unit (national issues: the General Department's staff). */
export async function requireNewsletterAccess(tx: Kysely<Database>, actor: Actor | null, id: string) {
  const row = await repo.findNewsletterHead(tx, id);
  if (!row) throw notFound();
  if (!canOrganize(actor, row.unit_id ? await getUnitAncestry(tx, row.unit_id) : [])) throw notFound();
  return row;
}

/** A signed-in organizer. */
export function requireOrganizer(actor: Actor | null): UserActor {
  if (!isUser(actor)) throw unauthorized();
  if (!mayOrganize(actor)) throw forbidden();
  return actor;
}

/** An organizer who reaches this issue. */
export async function requireNewsletter(tx: Kysely<Database>, actor: Actor | null, id: string): Promise<UserActor> {
  const organizer = requireOrganizer(actor);
  await requireNewsletterAccess(tx, organizer, id);
  return organizer;
}

export async function newsletterView(tx: Kysely<Database>, id: string): Promise<NewsletterView> {
  const data = await repo.findNewsletterForView(tx, id);
  if (!data) throw notFound();
  return toNewsletterView(data);
}
