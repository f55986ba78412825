// The monthly information email, in three parts: drafting and review
// (newsletter-draft.ts), what each copy says (newsletter-render.ts) and sending
// with unsubscribing (newsletter-send.ts); reading issues is here.
import type { Kysely } from 'kysely';
import type { NewsletterView } from '../../../contracts/documents.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../lib/actor.ts';
import type { Clock } from '../../lib/clock.ts';
import { resolveScopeUnitIds } from '../../lib/org.ts';
import { organizerScopeOf } from '../../lib/scope.ts';
import { newsletterView, requireNewsletter, requireOrganizer } from './newsletter-access.ts';
import { createNewsletterDrafts } from './newsletter-draft.ts';
import * as repo from './newsletter-repository.ts';
import { createNewsletterSending } from './newsletter-send.ts';

export function createNewsletterService(deps: { db: Kysely<Database>; clock: Clock; publicBase: string }) {
  const { db } = deps;

  async function listNewsletters(actor: Actor | null) {
    requireOrganizer(actor);
    const unitIds = await resolveScopeUnitIds(db, organizerScopeOf(actor));
    const views: NewsletterView[] = [];
    for (const id of await repo.findNewsletterIds(db, unitIds, 24)) views.push(await newsletterView(db, id));
    return views;
  }

  async function getNewsletter(actor: Actor | null, id: string) {
    await requireNewsletter(db, actor, id);
    return newsletterView(db, id);
  }

  return { ...createNewsletterDrafts(deps), ...createNewsletterSending(deps), listNewsletters, getNewsletter };
}
