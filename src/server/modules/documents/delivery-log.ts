// The newsletter delivery log: every recipient of a send with where their copy
// stands (queued, being sent, sent, failed with the error, uncertain, or
// skipped because they had unsubscribed), counts for the progress bar, a CSV
// export, and a retry of failed copies. A retry only moves "failed" copies back
// to the queue: a sent copy is never touched, and the per-newsletter-and-address
// key of mail_deliveries means nothing can be queued twice.
import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import type { DeliveryLogView, DeliveryStatus, deliveryQuery } from '../../../contracts/documents.ts';
import type { Database } from '../../db/schema.ts';
import { isUser, type Actor } from '../../lib/actor.ts';
import { writeAudit, type AuditContext } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { forbidden, unauthorized } from '../../lib/errors.ts';
import { requireNewsletterAccess } from './newsletter.ts';
import { mayOrganize } from '../../../contracts/roles.ts';

const STATUS_VI: Record<DeliveryStatus, string> = { pending: 'Đang chờ gửi', sending: 'Đang gửi', sent: 'Đã gửi', failed: 'Lỗi', uncertain: 'Không chắc chắn', skipped: 'Bỏ qua (đã hủy đăng ký)' };

interface LogRow {
  email: string;
  status: DeliveryStatus;
  error: string | null;
  attempts: number;
  sent_at: Date | null;
  unsubscribed_at: Date | null;
}

const STATUS = sql`case when r.skipped is not null then 'skipped' else coalesce(d.status, 'pending') end`;

/** Counts per status over the whole send (one pass; the planner may hash-join). */
function countRows(newsletterId: string) {
  return sql<{ status: DeliveryStatus; n: number }>`
    select ${STATUS} as status, count(*)::int as n
    from newsletter_recipients r
    left join mail_deliveries d on d.key = 'newsletter:' || r.newsletter_id::text || ':' || r.email
    where r.newsletter_id = ${newsletterId}
    group by 1`;
}

/**
 * One row per recipient, in address order; each copy found by the key newsletter.send queued it
 * under (a unique-index lookup), so the first page of a large send reads only that page.
 */
function logRows(newsletterId: string, status: DeliveryStatus | undefined, page: { limit: number; offset: number }) {
  const filter = status ? sql`and ${STATUS} = ${status}` : sql``;
  return sql<LogRow>`
    select r.email, r.unsubscribed_at, ${STATUS} as status, d.error, coalesce(d.attempts, 0)::int as attempts, d.sent_at
    from newsletter_recipients r
    left join lateral (
      select m.status, m.error, m.attempts, m.sent_at from mail_deliveries m where m.key = 'newsletter:' || r.newsletter_id::text || ':' || r.email
    ) d on true
    where r.newsletter_id = ${newsletterId} ${filter}
    order by r.email
    limit ${page.limit} offset ${page.offset}`;
}

export function createDeliveryLogService(deps: { db: Kysely<Database>; clock: Clock }) {
  const { db } = deps;

  async function load(tx: Kysely<Database>, actor: Actor | null, id: string) {
    if (!isUser(actor)) throw unauthorized();
    if (!mayOrganize(actor)) throw forbidden();
    return requireNewsletterAccess(tx, actor, id);
  }

  async function getDeliveryLog(actor: Actor | null, id: string, query: z.infer<typeof deliveryQuery>): Promise<DeliveryLogView> {
    const newsletter = await load(db, actor, id);
    const unit = newsletter.unit_id ? await db.selectFrom('units').select(['id', 'code', 'name_vi']).where('id', '=', newsletter.unit_id).executeTakeFirst() : undefined;
    const grouped = await countRows(id).execute(db);
    const counts = { total: 0, pending: 0, sending: 0, sent: 0, failed: 0, uncertain: 0, skipped: 0 };
    for (const g of grouped.rows) {
      counts[g.status] = g.n;
      counts.total += g.n;
    }
    const matched = query.status ? counts[query.status] : counts.total;
    const rows = await logRows(id, query.status, query).execute(db);
    return {
      newsletter: { id, month: newsletter.month, status: newsletter.status, sentAt: newsletter.sent_at?.toISOString() ?? null, unit: unit ? { id: unit.id, code: unit.code, name: unit.name_vi } : null },
      counts,
      running: counts.pending + counts.sending > 0,
      matched,
      rows: rows.rows.map((r) => ({ email: r.email, status: r.status, error: r.error, attempts: r.attempts, sentAt: r.sent_at ? new Date(r.sent_at).toISOString() : null, unsubscribedAt: r.unsubscribed_at ? new Date(r.unsubscribed_at).toISOString() : null })),
    };
  }

  async function exportDeliveryLog(actor: Actor | null, id: string, query: { status?: DeliveryStatus | undefined }) {
    const newsletter = await load(db, actor, id);
    const rows = await logRows(id, query.status, { limit: 200_000, offset: 0 }).execute(db);
    const cell = (v: string) => (/[",\n\r]/.test(v) || /^[=+\-@\t]/.test(v) ? `"${(/^[=+\-@\t]/.test(v) ? `'${v}` : v).replace(/"/g, '""')}"` : v);
    const when = (d: Date | null) => (d ? new Date(d).toISOString() : '');
    const header = ['Email', 'Trạng thái', 'Mã trạng thái', 'Lỗi', 'Số lần gửi', 'Gửi lúc (UTC)', 'Hủy đăng ký lúc (UTC)'];
    const lines = rows.rows.map((r) => [r.email, STATUS_VI[r.status], r.status, r.error ?? '', String(r.attempts), when(r.sent_at), when(r.unsubscribed_at)]);
    const text = '\uFEFF' + [header, ...lines].map((line) => line.map(cell).join(',')).join('\r\n') + '\r\n';
    return { body: Buffer.from(text, 'utf8'), name: `nhat-ky-gui-ban-tin-${newsletter.month}${query.status ? `-${query.status}` : ''}.csv` };
  }

  /** Puts failed copies back in the queue (fresh attempts). Sent, queued and uncertain copies are left alone. */
  async function retryFailed(context: AuditContext, id: string): Promise<{ retried: number }> {
    return db.transaction().execute(async (tx) => {
      const newsletter = await load(tx, context.actor, id);
      const retried = await tx
        .updateTable('mail_deliveries')
        .set({ status: 'pending', attempts: 0, error: null, claimed_at: null })
        .where('status', '=', 'failed')
        .where('key', 'in', tx.selectFrom('newsletter_recipients').select(sql<string>`'newsletter:' || newsletter_id::text || ':' || email`.as('key')).where('newsletter_id', '=', id).where('skipped', 'is', null))
        .returning('id')
        .execute();
      if (retried.length > 0) await writeAudit(tx, context, { action: 'newsletter.retried', entityType: 'newsletter', entityId: id, unitId: newsletter.unit_id, details: { month: newsletter.month, retried: retried.length } });
      return { retried: retried.length };
    });
  }

  return { getDeliveryLog, exportDeliveryLog, retryFailed };
}
