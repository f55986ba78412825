// Sending a reviewed newsletter: everyone subscribed (directly or through an
// association) gets one copy with the items in their topics and a one-click
// unsubscribe link (RFC 8058); copies are queued in one transaction under a key
// per newsletter and address (at most one copy each) and delivered in batches by
// the mail job. Unsubscribing takes one click, no sign-in.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { writeAudit, type AuditContext } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { queueDeliveries, type Delivery } from '../../lib/deliveries.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import type { Locale } from '../../lib/locale.ts';
import { getSubtreeIds } from '../../lib/org.ts';
import { newsletterView, requireNewsletter } from './newsletter-access.ts';
import { itemsFor, newsletterMail } from './newsletter-render.ts';
import * as repo from './newsletter-repository.ts';
import { findRootUnitId } from './repository.ts';

function mask(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 2)}${'•'.repeat(Math.max(1, local.length - 2))}@${domain}`;
}

export function createNewsletterSending(deps: { db: Kysely<Database>; clock: Clock; publicBase: string }) {
  const { db, clock } = deps;

  /**
   * Everyone subscribed (directly or through an association), with the union of their topics;
   * opted-out addresses are marked. A unit's issue goes to the businesses it manages (and their
   * associations' representatives); the General Department's to all.
   */
  async function recipients(tx: Kysely<Database>, unitId: string | null) {
    const national = unitId === null || unitId === (await findRootUnitId(tx));
    const subscribers = await repo.findSubscribers(tx, national ? null : await getSubtreeIds(tx, [unitId]));
    const optouts = await repo.findOptedOutEmails(tx);
    const byEmail = new Map<string, { locale: Locale; topics: Set<string>; optedOut: boolean }>();
    for (const r of subscribers) {
      const entry = byEmail.get(r.email) ?? {
        locale: r.locale,
        topics: new Set<string>(),
        optedOut: optouts.has(r.email),
      };
      for (const t of r.topics) entry.topics.add(t);
      byEmail.set(r.email, entry);
    }
    return byEmail;
  }

  /** Approves and sends: queued in one transaction, delivered in batches by the mail job. */
  async function send(context: AuditContext, id: string) {
    const actor = await requireNewsletter(db, context.actor, id);
    return db.transaction().execute(async (tx) => {
      const row = await repo.lockNewsletter(tx, id);
      if (!row) throw notFound();
      if (row.status !== 'draft') throw new AppError('conflict', 'newsletter_sent');
      if (row.items.length === 0) throw new AppError('conflict', 'newsletter_empty');
      const deliveries: Delivery[] = [];
      let skipped = 0;
      for (const [email, who] of await recipients(tx, row.unit_id)) {
        const items = itemsFor(row.items, who.topics);
        if (!items.some((i) => i.kind === 'document')) continue;
        const token = randomBytes(18).toString('base64url');
        if (who.optedOut) {
          // Recorded, not mailed: the log shows who was left out because they unsubscribed.
          await repo.insertRecipient(tx, { newsletterId: id, email, token, skipped: 'unsubscribed' });
          skipped++;
          continue;
        }
        await repo.insertRecipient(tx, { newsletterId: id, email, token });
        const apiUrl = `${deps.publicBase}/api/newsletter/unsubscribe/${token}`;
        deliveries.push({
          key: repo.newsletterDeliveryKey(id, email),
          to: email,
          ...newsletterMail({
            month: row.month,
            intro: row.intro_vi,
            items,
            locale: who.locale,
            unsubscribeUrl: `${deps.publicBase}/huy-dang-ky/${token}`,
          }),
          headers: { 'List-Unsubscribe': `<${apiUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
        });
      }
      await queueDeliveries(tx, deliveries);
      await repo.updateNewsletter(tx, id, {
        status: 'sent',
        sent_at: clock.now(),
        sent_by: actor.userId,
        recipients: deliveries.length,
      });
      await writeAudit(tx, context, {
        action: 'newsletter.sent',
        entityType: 'newsletter',
        entityId: id,
        unitId: row.unit_id,
        details: { month: row.month, recipients: deliveries.length, skipped },
      });
      return newsletterView(tx, id);
    });
  }

  async function findToken(tx: Kysely<Database>, token: string) {
    const row = await repo.findRecipientByToken(tx, token);
    if (!row) throw new AppError('not_found', 'unsubscribe_link_invalid');
    return row;
  }

  async function unsubscribeStatus(token: string) {
    const row = await findToken(db, token);
    return { email: mask(row.email), unsubscribed: await repo.isOptedOut(db, row.email) };
  }

  /** One click, no sign-in: the address gets no more newsletters until it subscribes again. */
  async function unsubscribe(token: string) {
    return db.transaction().execute(async (tx) => {
      const row = await findToken(tx, token);
      await repo.optOut(tx, row.email, token, clock.now());
      await writeAudit(
        tx,
        { actor: null },
        {
          action: 'newsletter.unsubscribed',
          entityType: 'newsletter',
          entityId: row.newsletter_id,
          details: { email: mask(row.email) },
        },
      );
      return { email: mask(row.email), unsubscribed: true };
    });
  }

  return { send, unsubscribeStatus, unsubscribe };
}
