// Drafting the monthly newsletter: a job (or an officer) gathers the month's new
// documents, the question-bank answers published in it and the coming events;
// an officer then reviews the introduction and drops items before sending.
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { draftBody, reviewBody } from '../../../contracts/documents.ts';
import { addMonths, vietnamMonth, vietnamMonthRange } from '../../../contracts/vietnam-time.ts';
import type { Database, NewsletterItem } from '../../db/schema.ts';
import { writeAudit, type AuditContext } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError, forbidden, invalidField, notFound } from '../../lib/errors.ts';
import { getUnitAncestry } from '../../lib/org.ts';
import { canOrganize, organizerScopeOf } from '../../lib/scope.ts';
import { formatWhen, KIND_NAMES } from '../events/mail.ts';
import { newsletterView, requireNewsletter, requireOrganizer } from './newsletter-access.ts';
import * as repo from './newsletter-repository.ts';
import { findRootUnitId } from './repository.ts';

const TOPIC_VI: Record<string, string> = {
  procedures: 'Thủ tục hải quan',
  hs_classification: 'Phân loại mã HS',
  valuation: 'Trị giá hải quan',
  origin: 'Xuất xứ (C/O)',
  tax_refund: 'Hoàn thuế, không thu thuế',
  tax_exemption: 'Miễn thuế',
  processing_export: 'Gia công, sản xuất xuất khẩu',
  inspection: 'Kiểm tra chuyên ngành',
  commodity_policy: 'Chính sách mặt hàng',
  e_commerce: 'Thương mại điện tử, chuyển phát nhanh',
  it_systems: 'Hệ thống CNTT (VNACCS)',
};

/** The subscription topic a question-bank category belongs to. */
const QUESTION_TOPIC: Record<string, string> = {
  hs_code: 'hs_classification',
  tax_refund: 'tax_refund',
  tax_exemption: 'tax_exemption',
  commodity_policy: 'commodity_policy',
  procedures: 'procedures',
  processing_export: 'processing_export',
  origin: 'origin',
  it_ecustoms: 'it_systems',
};

/** Events starting up to this long after the month are announced. */
const EVENTS_AHEAD_MS = 45 * 86_400_000;

export function createNewsletterDrafts(deps: { db: Kysely<Database>; clock: Clock; publicBase: string }) {
  const { db, clock } = deps;

  /** Drafts a month's newsletter; returns null when it exists already. Used by the job and by officers. */
  async function draft(
    month: string,
    unitId: string | null,
    context: AuditContext = { actor: null },
  ): Promise<string | null> {
    const { start, end } = vietnamMonthRange(month);
    return db.transaction().execute(async (tx) => {
      if (await repo.findNewsletterId(tx, month, unitId)) return null;
      const documents = await repo.findDocumentsOfMonth(tx, {
        start,
        end,
        firstDay: start.toISOString().slice(0, 10),
        nextMonthDay: end.toISOString().slice(0, 10),
      });
      const events = await repo.findComingEvents(tx, end, new Date(end.getTime() + EVENTS_AHEAD_MS));
      const questions = await repo.findAnswersPublished(tx, { start, end }, 20);
      const items: NewsletterItem[] = [
        ...documents.map((d) => ({
          kind: 'document' as const,
          id: d.id,
          title: `${d.number} — ${d.title}`,
          detail: `${d.issuer}${d.effective_on ? `; hiệu lực từ ${d.effective_on.split('-').reverse().join('/')}` : ''}. ${d.summary_vi.slice(0, 300)} (${d.topics.map((t) => TOPIC_VI[t] ?? t).join(', ')})`,
          topics: d.topics,
        })),
        ...questions.map((q) => ({
          kind: 'question' as const,
          id: q.id,
          title: q.title_vi,
          detail: `${q.body_vi.slice(0, 240)}${q.body_vi.length > 240 ? '…' : ''} ${deps.publicBase}/hoi-dap/${q.id}`,
          topics: [QUESTION_TOPIC[q.category] ?? 'procedures'],
        })),
        ...events.map((e) => ({
          kind: 'event' as const,
          id: e.id,
          title: `${KIND_NAMES[e.kind].vi}: ${e.title}`,
          detail: `${formatWhen(e.starts_at, e.ends_at, 'vi')} — ${e.place ?? ''} (${e.name_vi})`,
          topics: [],
        })),
      ];
      const [y, m] = month.split('-');
      const id = await repo.insertNewsletter(tx, {
        month,
        unitId,
        introVi: `Kính gửi Quý doanh nghiệp, Cầu Nối xin gửi các văn bản pháp luật mới, hỏi đáp mới và sự kiện sắp tới của cơ quan hải quan trong tháng ${Number(m)}/${y}.`,
        items,
      });
      await writeAudit(tx, context, {
        action: 'newsletter.drafted',
        entityType: 'newsletter',
        entityId: id,
        unitId,
        details: { month, items: items.length },
      });
      return id;
    });
  }

  /** An officer drafts for one of their units (by default the first they organize for; the General Department's when national). */
  async function createDraft(context: AuditContext, input: z.infer<typeof draftBody>) {
    const actor = requireOrganizer(context.actor);
    const scope = organizerScopeOf(actor);
    const unitId = input.unitId ?? (Array.isArray(scope) ? scope[0]! : await findRootUnitId(db));
    if (unitId) {
      const ancestry = await getUnitAncestry(db, unitId);
      if (ancestry.length === 0) throw invalidField('unitId', 'not_found');
      if (!canOrganize(actor, ancestry)) throw forbidden();
    }
    const id = await draft(input.month, unitId, context);
    if (!id) throw new AppError('conflict', 'newsletter_exists');
    return newsletterView(db, id);
  }

  /** The job: on the first days of a month, the previous month's draft appears. */
  async function draftPreviousMonth(): Promise<string | null> {
    return draft(addMonths(vietnamMonth(clock.now()), -1), await findRootUnitId(db));
  }

  async function review(context: AuditContext, id: string, input: z.infer<typeof reviewBody>) {
    await requireNewsletter(db, context.actor, id);
    return db.transaction().execute(async (tx) => {
      const row = await repo.lockNewsletter(tx, id);
      if (!row) throw notFound();
      if (row.status !== 'draft') throw new AppError('conflict', 'newsletter_sent');
      const items = row.items.filter((i) => !input.removeItemIds.includes(i.id));
      await repo.updateNewsletter(tx, id, { intro_vi: input.introVi, items: JSON.stringify(items) });
      await writeAudit(tx, context, {
        action: 'newsletter.reviewed',
        entityType: 'newsletter',
        entityId: id,
        details: { removed: input.removeItemIds.length },
      });
      return newsletterView(tx, id);
    });
  }

  return { createDraft, draftPreviousMonth, review };
}
