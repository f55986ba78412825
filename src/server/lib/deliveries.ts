// Mail that must go out once: each message is queued under a unique key (so
// queuing twice is harmless), claimed in its own committed step before it is
// handed to the mailer, and marked sent after. A process that dies between the
// two leaves the row "sending"; it is then marked "uncertain" and never
// resent on its own, so a restart cannot send anything twice. This is the only
// way mail leaves: a use case queues its messages inside the transaction that
// causes them, and may ask for them to be sent right after it commits (sendQueued).
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Clock } from './clock.ts';
import type { MailAttachment, Mailer } from './mailer.ts';

export interface Delivery {
  key: string;
  to: string;
  subject: string;
  text: string;
  headers?: Record<string, string>;
  attachments?: MailAttachment[];
  /** Never copied to the outbox; subject and text wiped once it has gone (see MailMessage.sealed). */
  sealed?: boolean;
}

const MAX_ATTEMPTS = 3;
const STALE_MS = 10 * 60_000;

/** Queues messages; keys already queued are skipped. Returns how many were new. */
export async function queueDeliveries(db: Kysely<Database>, deliveries: Delivery[]): Promise<number> {
  let queued = 0;
  for (let i = 0; i < deliveries.length; i += 500) {
    const chunk = deliveries.slice(i, i + 500);
    const rows = await db
      .insertInto('mail_deliveries')
      .values(
        chunk.map((d) => ({
          key: d.key,
          to_address: d.to,
          subject: d.subject,
          text_body: d.text,
          headers: JSON.stringify(d.headers ?? {}),
          attachments: JSON.stringify(d.attachments ?? []),
          sealed: d.sealed ?? false,
        })),
      )
      .onConflict((oc) => oc.column('key').doNothing())
      .returning('id')
      .execute();
    queued += rows.length;
  }
  return queued;
}

export interface DeliveryDeps {
  db: Kysely<Database>;
  mailer: Mailer;
  clock: Clock;
}

type Claimed = Awaited<ReturnType<typeof claim>>;

/** Takes pending messages (the given keys only, when given) in their own committed step: status "sending". */
async function claim(deps: DeliveryDeps, limit: number, keys?: readonly string[]) {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (tx) => {
    let pending = tx.selectFrom('mail_deliveries').select('id').where('status', '=', 'pending');
    if (keys) pending = pending.where('key', 'in', keys);
    const ids = await pending.orderBy('created_at').orderBy('id').limit(limit).forUpdate().skipLocked().execute();
    if (ids.length === 0) return [];
    return tx
      .updateTable('mail_deliveries')
      .set({ status: 'sending', claimed_at: now, attempts: sql<number>`attempts + 1` })
      .where(
        'id',
        'in',
        ids.map((r) => r.id),
      )
      .returningAll()
      .execute();
  });
}

/** Hands claimed messages to the mailer, one by one, and records what became of each. */
async function sendClaimed(deps: DeliveryDeps, claimed: Claimed): Promise<{ sent: number; failed: number }> {
  const { db, mailer, clock } = deps;
  let sent = 0;
  let failed = 0;
  // A sealed message keeps nothing readable once it has gone, or will never go.
  const wiped = (row: { sealed: boolean }) => (row.sealed ? { subject: '', text_body: '' } : {});
  for (const row of claimed) {
    try {
      await mailer.send({
        to: row.to_address,
        subject: row.subject,
        text: row.text_body,
        headers: row.headers,
        attachments: row.attachments,
        ...(row.sealed && { sealed: true }),
      });
      await db
        .updateTable('mail_deliveries')
        .set({ status: 'sent', sent_at: clock.now(), error: null, ...wiped(row) })
        .where('id', '=', row.id)
        .execute();
      sent++;
    } catch (error) {
      const reason = (error instanceof Error ? error.message : String(error)).slice(0, 500);
      const final = row.attempts >= MAX_ATTEMPTS;
      await db
        .updateTable('mail_deliveries')
        .set({ status: final ? 'failed' : 'pending', error: reason, ...(final ? wiped(row) : {}) })
        .where('id', '=', row.id)
        .execute();
      failed++;
    }
  }
  return { sent, failed };
}

/** Sends up to `limit` queued messages. Safe to run from several processes. */
export async function flushDeliveries(deps: DeliveryDeps, limit = 50): Promise<{ sent: number; failed: number }> {
  const now = deps.clock.now();
  await deps.db
    .updateTable('mail_deliveries')
    .set({
      status: 'uncertain',
      subject: sql<string>`case when sealed then '' else subject end`,
      text_body: sql<string>`case when sealed then '' else text_body end`,
    })
    .where('status', '=', 'sending')
    .where('claimed_at', '<', new Date(now.getTime() - STALE_MS))
    .execute();
  return sendClaimed(deps, await claim(deps, limit));
}

/**
 * Sends these queued messages now, once the transaction that queued them has
 * committed, rather than at the mail job's next run. A message that fails (or
 * that another process took first) stays with the queue and its retries; this
 * never throws, so a mail problem never turns a committed change into an error.
 */
export async function sendQueued(deps: DeliveryDeps, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  try {
    await sendClaimed(deps, await claim(deps, keys.length, keys));
  } catch {
    // Still queued (or "sending", then "uncertain"): the mail job and the outbox say what became of it.
  }
}

/** Sends everything queued (tests, and the end of an officer's "send"). */
export async function drainDeliveries(deps: DeliveryDeps): Promise<number> {
  let total = 0;
  for (;;) {
    const { sent, failed } = await flushDeliveries(deps);
    total += sent;
    if (sent + failed === 0) return total;
    if (sent === 0) return total;
  }
}
