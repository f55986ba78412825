// The monthly information email: a job drafts it from the month's new
// documents, new question-bank answers and the coming events; an officer reviews and sends it. Each
// recipient gets the items in their topics, a one-click unsubscribe link
// (RFC 8058), and at most one copy: deliveries are keyed per newsletter and address.
import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import type { NewsletterView, draftBody, reviewBody } from '../../../contracts/documents.ts';
import type { Database, NewsletterItem } from '../../db/schema.ts';
import { isUser, type Actor } from '../../lib/actor.ts';
import { writeAudit, type AuditContext } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { queueDeliveries, type Delivery } from '../../lib/deliveries.ts';
import { AppError, forbidden, invalidField, notFound, unauthorized } from '../../lib/errors.ts';
import type { Locale } from '../../lib/locale.ts';
import { getSubtreeIds, getUnitAncestry, resolveScopeUnitIds } from '../../lib/org.ts';
import { canOrganize, organizerScopeOf } from '../../lib/scope.ts';
import { formatWhen, KIND_NAMES } from '../events/mail.ts';
import { uuidList } from '../events/repository.ts';
import { getRootUnitId } from './service.ts';
import { mayOrganize } from '../../../contracts/roles.ts';
import { addMonths, vietnamMonth, vietnamMonthRange } from '../../../contracts/vietnam-time.ts';

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

export function newsletterMail(input: { month: string; intro: string; items: NewsletterItem[]; locale: Locale; unsubscribeUrl: string }) {
  const [y, m] = input.month.split('-');
  const docs = input.items.filter((i) => i.kind === 'document');
  const events = input.items.filter((i) => i.kind === 'event');
  const questions = input.items.filter((i) => i.kind === 'question');
  const lines = [
    input.intro,
    '',
    ...(docs.length ? ['VĂN BẢN MỚI', ...docs.map((d) => `• ${d.title}\n  ${d.detail}`), ''] : []),
    ...(questions.length ? ['HỎI ĐÁP MỚI', ...questions.map((q) => `• ${q.title}\n  ${q.detail}`), ''] : []),
    ...(events.length ? ['SỰ KIỆN SẮP TỚI', ...events.map((e) => `• ${e.title}\n  ${e.detail}`), ''] : []),
    '—',
    'Quý doanh nghiệp nhận thư này vì đã đăng ký nhận tin theo chủ đề trên Cầu Nối.',
    `Hủy đăng ký nhận tin: ${input.unsubscribeUrl}`,
    'Cầu Nối — Hải quan Việt Nam',
  ];
  return { subject: input.locale === 'en' ? `Customs information for businesses, ${m}/${y}` : `Bản tin hải quan tháng ${Number(m)}/${y}`, text: lines.join('\n') };
}

/** Throws not_found unless the actor organizes for the newsletter's unit (national issues: the General Department's staff). */
export async function requireNewsletterAccess(tx: Kysely<Database>, actor: Actor | null, id: string) {
  const row = await tx.selectFrom('newsletters').select(['id', 'unit_id', 'month', 'status', 'sent_at']).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  if (!canOrganize(actor, row.unit_id ? await getUnitAncestry(tx, row.unit_id) : [])) throw notFound();
  return row;
}

export function createNewsletterService(deps: { db: Kysely<Database>; clock: Clock; publicBase: string }) {
  const { db, clock } = deps;

  async function view(tx: Kysely<Database>, id: string): Promise<NewsletterView> {
    const row = await tx.selectFrom('newsletters as n').leftJoin('units as u', 'u.id', 'n.unit_id').selectAll('n').select(['u.code as unit_code', 'u.name_vi as unit_name']).where('n.id', '=', id).executeTakeFirst();
    if (!row) throw notFound();
    // Through this issue's recipients (each copy by its unique key), not a scan of every mail ever queued.
    const counts = await tx
      .selectFrom('newsletter_recipients as r')
      .innerJoin('mail_deliveries as d', (join) => join.on('d.key', '=', sql<string>`'newsletter:' || r.newsletter_id::text || ':' || r.email`))
      .select([sql<string>`count(*) filter (where d.status in ('pending', 'sending'))`.as('pending'), sql<string>`count(*) filter (where d.status = 'sent')`.as('sent'), sql<string>`count(*) filter (where d.status in ('failed', 'uncertain'))`.as('failed')])
      .where('r.newsletter_id', '=', id)
      .executeTakeFirstOrThrow();
    return {
      id: row.id,
      month: row.month,
      status: row.status,
      introVi: row.intro_vi,
      items: row.items,
      recipients: row.recipients,
      sentAt: row.sent_at?.toISOString() ?? null,
      delivery: { pending: Number(counts.pending), sent: Number(counts.sent), failed: Number(counts.failed) },
      unit: row.unit_id ? { id: row.unit_id, code: row.unit_code ?? '', name: row.unit_name ?? '' } : null,
    };
  }

  function requireOfficer(actor: Actor | null) {
    if (!isUser(actor)) throw unauthorized();
    if (!mayOrganize(actor)) throw forbidden();
    return actor;
  }

  /** An officer reaches only the newsletters of the units they organize for (others look absent). */
  async function requireNewsletter(tx: Kysely<Database>, actor: Actor | null, id: string) {
    requireOfficer(actor);
    await requireNewsletterAccess(tx, actor, id);
  }

  /** Drafts a month's newsletter; returns null when it exists already. Used by the job and by officers. */
  async function draft(month: string, unitId: string | null, context: AuditContext = { actor: null }): Promise<string | null> {
    const { start, end } = vietnamMonthRange(month);
    return db.transaction().execute(async (tx) => {
      const existing = await tx
        .selectFrom('newsletters')
        .select('id')
        .where('month', '=', month)
        .where('unit_id', unitId === null ? 'is' : '=', unitId)
        .executeTakeFirst();
      if (existing) return null;
      const documents = await tx
        .selectFrom('legal_documents')
        .select(['id', 'number', 'title', 'issuer', 'effective_on', 'topics', 'summary_vi'])
        .where((eb) => eb.or([eb.and([eb('created_at', '>=', start), eb('created_at', '<', end)]), eb.and([eb('issued_on', '>=', start.toISOString().slice(0, 10)), eb('issued_on', '<', end.toISOString().slice(0, 10))])]))
        .orderBy('issued_on')
        .execute();
      const events = await tx
        .selectFrom('events as e')
        .innerJoin('units as u', 'u.id', 'e.organizer_unit_id')
        .select(['e.id', 'e.kind', 'e.title', 'e.starts_at', 'e.ends_at', 'e.place', 'u.name_vi'])
        .where('e.status', '=', 'published')
        .where('e.audience', '=', 'all')
        .where('e.starts_at', '>=', end)
        .where('e.starts_at', '<', new Date(end.getTime() + 45 * 86_400_000))
        .orderBy('e.starts_at')
        .execute();
      const questions = await tx
        .selectFrom('qa_entries')
        .select(['id', 'title_vi', 'body_vi', 'category'])
        .where('status', '=', 'published')
        .where('published_at', '>=', start)
        .where('published_at', '<', end)
        .orderBy('published_at')
        .limit(20)
        .execute();
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
        ...events.map((e) => ({ kind: 'event' as const, id: e.id, title: `${KIND_NAMES[e.kind].vi}: ${e.title}`, detail: `${formatWhen(e.starts_at, e.ends_at, 'vi')} — ${e.place ?? ''} (${e.name_vi})`, topics: [] })),
      ];
      const [y, m] = month.split('-');
      const row = await tx
        .insertInto('newsletters')
        .values({ month, unit_id: unitId, intro_vi: `Kính gửi Quý doanh nghiệp, Cầu Nối xin gửi các văn bản pháp luật mới, hỏi đáp mới và sự kiện sắp tới của cơ quan hải quan trong tháng ${Number(m)}/${y}.`, items: JSON.stringify(items) })
        .returning('id')
        .executeTakeFirstOrThrow();
      await writeAudit(tx, context, { action: 'newsletter.drafted', entityType: 'newsletter', entityId: row.id, unitId, details: { month, items: items.length } });
      return row.id;
    });
  }

  /** An officer drafts for one of their units (by default the first they organize for; the General Department's when national). */
  async function createDraft(context: AuditContext, input: z.infer<typeof draftBody>) {
    const actor = requireOfficer(context.actor);
    const scope = organizerScopeOf(actor);
    const unitId = input.unitId ?? (Array.isArray(scope) ? scope[0]! : await getRootUnitId(db));
    if (unitId) {
      const ancestry = await getUnitAncestry(db, unitId);
      if (ancestry.length === 0) throw invalidField('unitId', 'not_found');
      if (!canOrganize(actor, ancestry)) throw forbidden();
    }
    const id = await draft(input.month, unitId, context);
    if (!id) throw new AppError('conflict', 'newsletter_exists');
    return view(db, id);
  }

  /** The job: on the first days of a month, the previous month's draft appears. */
  async function draftPreviousMonth(): Promise<string | null> {
    return draft(addMonths(vietnamMonth(clock.now()), -1), await getRootUnitId(db));
  }

  async function listNewsletters(actor: Actor | null) {
    requireOfficer(actor);
    const unitIds = await resolveScopeUnitIds(db, organizerScopeOf(actor));
    let query = db.selectFrom('newsletters').select('id');
    if (unitIds) query = query.where('unit_id', '=', sql<string>`any(${uuidList(unitIds)}::uuid[])`);
    const rows = await query.orderBy('month', 'desc').orderBy('created_at', 'desc').limit(24).execute();
    const views: NewsletterView[] = [];
    for (const r of rows) views.push(await view(db, r.id));
    return views;
  }

  async function getNewsletter(actor: Actor | null, id: string) {
    await requireNewsletter(db, actor, id);
    return view(db, id);
  }

  async function review(context: AuditContext, id: string, input: z.infer<typeof reviewBody>) {
    await requireNewsletter(db, context.actor, id);
    return db.transaction().execute(async (tx) => {
      const row = await tx.selectFrom('newsletters').select(['status', 'items']).where('id', '=', id).forUpdate().executeTakeFirst();
      if (!row) throw notFound();
      if (row.status !== 'draft') throw new AppError('conflict', 'newsletter_sent');
      const items = row.items.filter((i) => !input.removeItemIds.includes(i.id));
      await tx.updateTable('newsletters').set({ intro_vi: input.introVi, items: JSON.stringify(items) }).where('id', '=', id).execute();
      await writeAudit(tx, context, { action: 'newsletter.reviewed', entityType: 'newsletter', entityId: id, details: { removed: input.removeItemIds.length } });
      return view(tx, id);
    });
  }

  /**
   * Everyone subscribed (directly or through an association), with the union of their topics;
   * opted-out addresses are marked. A unit's issue goes to the businesses it manages (and their
   * associations' representatives); the General Department's to all.
   */
  async function recipients(tx: Kysely<Database>, unitId: string | null) {
    const national = unitId === null || unitId === (await getRootUnitId(tx));
    const units = national ? null : uuidList(await getSubtreeIds(tx, [unitId]));
    const managed = (column: 'u.enterprise_id' | 'm.enterprise_id') => sql<boolean>`exists (select 1 from enterprises e where e.id = ${sql.ref(column)} and e.managing_unit_id = any(${units}::uuid[]))`;
    let direct = tx
      .selectFrom('topic_subscriptions as s')
      .innerJoin('users as u', 'u.id', 's.user_id')
      .select(['u.email', 'u.locale', 's.topics'])
      .where('s.active', '=', true)
      .where('u.active', '=', true);
    if (units)
      direct = direct.where((eb) =>
        eb.or([
          eb.and([eb('s.kind', '=', 'enterprise'), managed('u.enterprise_id')]),
          eb.and([eb('s.kind', '=', 'association'), sql<boolean>`exists (select 1 from association_members am join enterprises e on e.id = am.enterprise_id where am.association_id = s.association_id and e.managing_unit_id = any(${units}::uuid[]))`]),
        ]),
      );
    let members = tx
      .selectFrom('topic_subscriptions as s')
      .innerJoin('association_members as m', 'm.association_id', 's.association_id')
      .innerJoin('users as u', 'u.enterprise_id', 'm.enterprise_id')
      .select(['u.email', 'u.locale', 's.topics'])
      .where('s.kind', '=', 'association')
      .where('s.active', '=', true)
      .where('u.active', '=', true);
    if (units) members = members.where(managed('m.enterprise_id'));
    const optouts = new Set((await tx.selectFrom('newsletter_optouts').select('email').execute()).map((o) => o.email));
    const byEmail = new Map<string, { locale: Locale; topics: Set<string>; optedOut: boolean }>();
    for (const r of [...(await direct.execute()), ...(await members.execute())]) {
      const entry = byEmail.get(r.email) ?? { locale: r.locale, topics: new Set<string>(), optedOut: optouts.has(r.email) };
      for (const t of r.topics) entry.topics.add(t);
      byEmail.set(r.email, entry);
    }
    return byEmail;
  }

  /** Approves and sends: queued in one transaction, delivered in batches by the mail job. */
  async function send(context: AuditContext, id: string) {
    const actor = requireOfficer(context.actor);
    await requireNewsletter(db, actor, id);
    return db.transaction().execute(async (tx) => {
      const row = await tx.selectFrom('newsletters').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
      if (!row) throw notFound();
      if (row.status !== 'draft') throw new AppError('conflict', 'newsletter_sent');
      if (row.items.length === 0) throw new AppError('conflict', 'newsletter_empty');
      const deliveries: Delivery[] = [];
      let skipped = 0;
      for (const [email, who] of await recipients(tx, row.unit_id)) {
        const items = row.items.filter((i) => i.kind === 'event' || i.topics.some((t) => who.topics.has(t)));
        if (!items.some((i) => i.kind === 'document')) continue;
        const token = randomBytes(18).toString('base64url');
        if (who.optedOut) {
          // Recorded, not mailed: the log shows who was left out because they unsubscribed.
          await tx.insertInto('newsletter_recipients').values({ newsletter_id: id, email, token, skipped: 'unsubscribed' }).execute();
          skipped++;
          continue;
        }
        await tx.insertInto('newsletter_recipients').values({ newsletter_id: id, email, token }).execute();
        const apiUrl = `${deps.publicBase}/api/newsletter/unsubscribe/${token}`;
        deliveries.push({
          key: `newsletter:${id}:${email}`,
          to: email,
          ...newsletterMail({ month: row.month, intro: row.intro_vi, items, locale: who.locale, unsubscribeUrl: `${deps.publicBase}/huy-dang-ky/${token}` }),
          headers: { 'List-Unsubscribe': `<${apiUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
        });
      }
      await queueDeliveries(tx, deliveries);
      await tx.updateTable('newsletters').set({ status: 'sent', sent_at: clock.now(), sent_by: actor.userId, recipients: deliveries.length }).where('id', '=', id).execute();
      await writeAudit(tx, context, { action: 'newsletter.sent', entityType: 'newsletter', entityId: id, unitId: row.unit_id, details: { month: row.month, recipients: deliveries.length, skipped } });
      return view(tx, id);
    });
  }

  async function findToken(tx: Kysely<Database>, token: string) {
    const row = await tx.selectFrom('newsletter_recipients').select(['email', 'newsletter_id']).where('token', '=', token).executeTakeFirst();
    if (!row) throw new AppError('not_found', 'unsubscribe_link_invalid');
    return row;
  }

  function mask(email: string): string {
    const [local = '', domain = ''] = email.split('@');
    return `${local.slice(0, 2)}${'•'.repeat(Math.max(1, local.length - 2))}@${domain}`;
  }

  async function unsubscribeStatus(token: string) {
    const row = await findToken(db, token);
    const optout = await db.selectFrom('newsletter_optouts').select('email').where('email', '=', row.email).executeTakeFirst();
    return { email: mask(row.email), unsubscribed: !!optout };
  }

  /** One click, no sign-in: the address gets no more newsletters until it subscribes again. */
  async function unsubscribe(token: string) {
    return db.transaction().execute(async (tx) => {
      const row = await findToken(tx, token);
      const now = clock.now();
      await tx.insertInto('newsletter_optouts').values({ email: row.email, at: now }).onConflict((oc) => oc.column('email').doNothing()).execute();
      await tx.updateTable('newsletter_recipients').set({ unsubscribed_at: now }).where('token', '=', token).where('unsubscribed_at', 'is', null).execute();
      await tx
        .updateTable('topic_subscriptions')
        .set({ active: false, updated_at: now })
        .where('kind', '=', 'enterprise')
        .where('user_id', 'in', tx.selectFrom('users').select('id').where('email', '=', row.email))
        .execute();
      await writeAudit(tx, { actor: null }, { action: 'newsletter.unsubscribed', entityType: 'newsletter', entityId: row.newsletter_id, details: { email: mask(row.email) } });
      return { email: mask(row.email), unsubscribed: true };
    });
  }

  return { createDraft, draftPreviousMonth, listNewsletters, getNewsletter, review, send, unsubscribeStatus, unsubscribe };
}
