// The newsletter delivery log: every recipient of a send with where their copy
// stands (queued, being sent, sent, failed with the error, uncertain, or
// skipped because they had unsubscribed), counts for the progress bar, a CSV
// export, and a retry of failed copies. A retry only moves "failed" copies back
// to the queue: a sent copy is never touched, and the per-newsletter-and-address
// key of mail_deliveries means nothing can be queued twice.
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DeliveryLogView, DeliveryStatus, deliveryQuery } from '../../../contracts/documents.ts';
import type { Database } from '../../db/schema.ts';
import { isUser, type Actor } from '../../lib/actor.ts';
import { writeAudit, type AuditContext } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { forbidden, unauthorized } from '../../lib/errors.ts';
import { writeTable } from '../../lib/tabular.ts';
import { toDeliveryLogRow } from './mapper.ts';
import { requireNewsletterAccess } from './newsletter-access.ts';
import * as repo from './newsletter-repository.ts';
import { findUnitRef } from './repository.ts';
import { mayOrganize } from '../../../contracts/roles.ts';

const STATUS_VI: Record<DeliveryStatus, string> = {
  pending: 'Đang chờ gửi',
  sending: 'Đang gửi',
  sent: 'Đã gửi',
  failed: 'Lỗi',
  uncertain: 'Không chắc chắn',
  skipped: 'Bỏ qua (đã hủy đăng ký)',
};

export function createDeliveryLogService(deps: { db: Kysely<Database>; clock: Clock }) {
  const { db, clock } = deps;

  async function load(tx: Kysely<Database>, actor: Actor | null, id: string) {
    if (!isUser(actor)) throw unauthorized();
    if (!mayOrganize(actor)) throw forbidden();
    return requireNewsletterAccess(tx, actor, id);
  }

  async function getDeliveryLog(
    actor: Actor | null,
    id: string,
    query: z.infer<typeof deliveryQuery>,
  ): Promise<DeliveryLogView> {
    const newsletter = await load(db, actor, id);
    const unit = newsletter.unit_id ? await findUnitRef(db, newsletter.unit_id) : undefined;
    const grouped = await repo.countDeliveries(db, id);
    const counts = { total: 0, pending: 0, sending: 0, sent: 0, failed: 0, uncertain: 0, skipped: 0 };
    for (const g of grouped) {
      counts[g.status] = g.n;
      counts.total += g.n;
    }
    const matched = query.status ? counts[query.status] : counts.total;
    const rows = await repo.findDeliveryLog(db, id, query.status, query);
    return {
      newsletter: {
        id,
        month: newsletter.month,
        status: newsletter.status,
        sentAt: newsletter.sent_at?.toISOString() ?? null,
        unit: unit ? { id: unit.id, code: unit.code, name: unit.name_vi } : null,
      },
      counts,
      running: counts.pending + counts.sending > 0,
      matched,
      rows: rows.map(toDeliveryLogRow),
    };
  }

  async function exportDeliveryLog(actor: Actor | null, id: string, query: { status?: DeliveryStatus | undefined }) {
    const newsletter = await load(db, actor, id);
    const rows = await repo.findDeliveryLog(db, id, query.status, { limit: 200_000, offset: 0 });
    const header = [
      'Email',
      'Trạng thái',
      'Mã trạng thái',
      'Lỗi',
      'Số lần gửi',
      'Gửi lúc (UTC)',
      'Hủy đăng ký lúc (UTC)',
    ];
    const lines = rows.map((r) => [
      r.email,
      STATUS_VI[r.status],
      r.status,
      r.error ?? '',
      r.attempts,
      r.sent_at ? new Date(r.sent_at) : null,
      r.unsubscribed_at ? new Date(r.unsubscribed_at) : null,
    ]);
    return writeTable(
      [{ name: 'Nhật ký gửi', rows: [header, ...lines], headerRows: [0] }],
      'csv',
      `nhat-ky-gui-ban-tin-${newsletter.month}${query.status ? `-${query.status}` : ''}`,
      clock.now(),
    );
  }

  /** Puts failed copies back in the queue (fresh attempts). Sent, queued and uncertain copies are left alone. */
  async function retryFailed(context: AuditContext, id: string): Promise<{ retried: number }> {
    return db.transaction().execute(async (tx) => {
      const newsletter = await load(tx, context.actor, id);
      const retried = await repo.requeueFailedCopies(tx, id);
      if (retried > 0)
        await writeAudit(tx, context, {
          action: 'newsletter.retried',
          entityType: 'newsletter',
          entityId: id,
          unitId: newsletter.unit_id,
          details: { month: newsletter.month, retried },
        });
      return { retried };
    });
  }

  return { getDeliveryLog, exportDeliveryLog, retryFailed };
}
