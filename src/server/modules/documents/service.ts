// The legal document library, topic subscriptions and announcements.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { AnnouncementView, DocumentFileView, DocumentView, Topic, announcementBody, announcementQuery, documentBody, documentListQuery, subscriptionBody } from '../../../contracts/documents.ts';
import type { Database } from '../../db/schema.ts';
import { type Actor, hasRole, isUser, speaksForEnterprise } from '../../lib/actor.ts';
import { writeAudit, type AuditContext } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError, forbidden, invalidField, notFound, unauthorized } from '../../lib/errors.ts';
import { getUnitAncestry, getUnitPaths } from '../../lib/org.ts';
import { canOrganize, organizerScopeOf } from '../../lib/scope.ts';
import { foldedLike, foldText } from '../../lib/search-text.ts';
import { mayOrganize } from '../../../contracts/roles.ts';
import { vietnamDay } from '../../../contracts/vietnam-time.ts';

export function documentQuery(db: Kysely<Database>) {
  return db
    .selectFrom('legal_documents as d')
    .leftJoin('legal_documents as r', 'r.id', 'd.replaced_by_id')
    .leftJoin('units as u', 'u.id', 'd.unit_id')
    .selectAll('d')
    .select(['r.number as replaced_by_number', 'u.code as unit_code', 'u.name_vi as unit_name']);
}
export type DocumentRow = NonNullable<Awaited<ReturnType<ReturnType<typeof documentQuery>['executeTakeFirst']>>>;

type FileRow = { id: string; document_id: string; version: number; file_name: string; content_type: string; size_bytes: number; sha256: string; uploaded_at: Date; replaced_at: Date | null };

export function toFileView(row: FileRow): DocumentFileView {
  return {
    id: row.id,
    version: row.version,
    name: row.file_name,
    contentType: row.content_type,
    size: row.size_bytes,
    sha256: row.sha256,
    uploadedAt: row.uploaded_at.toISOString(),
    current: row.replaced_at === null,
    url: `/api/documents/${row.document_id}/files/${row.id}`,
  };
}

function toDocument(row: DocumentRow, files: FileRow[], canManage: boolean): DocumentView {
  return {
    id: row.id,
    number: row.number,
    docType: row.doc_type,
    issuer: row.issuer,
    title: row.title,
    issuedOn: row.issued_on,
    effectiveOn: row.effective_on,
    summaryVi: row.summary_vi,
    summaryEn: row.summary_en,
    topics: row.topics as Topic[],
    status: row.status,
    replacedBy: row.replaced_by_id ? { id: row.replaced_by_id, number: row.replaced_by_number ?? '' } : null,
    fileUrl: row.file_url,
    unit: row.unit_id ? { id: row.unit_id, code: row.unit_code ?? '', name: row.unit_name ?? '' } : null,
    files: files.filter((f) => f.document_id === row.id).map(toFileView),
    canManage,
  };
}

/** The General Department: the unit of national records. */
export async function getRootUnitId(db: Kysely<Database>): Promise<string | null> {
  return (await db.selectFrom('units').select('id').where('parent_id', 'is', null).orderBy('code').executeTakeFirst())?.id ?? null;
}

/** Views with their files and whether the actor may manage each (one query per concern, not per row). */
export async function documentViews(db: Kysely<Database>, actor: Actor | null, rows: DocumentRow[]): Promise<DocumentView[]> {
  if (rows.length === 0) return [];
  const files = await db
    .selectFrom('legal_document_files')
    .select(['id', 'document_id', 'version', 'file_name', 'content_type', 'size_bytes', 'sha256', 'uploaded_at', 'replaced_at'])
    .where(
      'document_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('document_id')
    .orderBy('version', 'desc')
    .execute();
  const paths = mayOrganize(actor) ? await getUnitPaths(db, rows.flatMap((r) => (r.unit_id ? [r.unit_id] : []))) : new Map<string, { id: string }[]>();
  return rows.map((row) => toDocument(row, files, canOrganize(actor, row.unit_id ? (paths.get(row.unit_id) ?? []).map((u) => u.id) : [])));
}

export function createDocumentService(deps: { db: Kysely<Database>; clock: Clock }) {
  const { db, clock } = deps;

  /** Public: anyone may read the library. */
  async function listDocuments(actor: Actor | null, query: z.infer<typeof documentListQuery>) {
    let q = documentQuery(db);
    if (query.q) q = q.where('d.search_text', 'like', foldedLike(query.q));
    if (query.topic) q = q.where(sql<boolean>`${query.topic} = any(d.topics)`);
    if (query.docType) q = q.where('d.doc_type', '=', query.docType);
    if (query.status) q = q.where('d.status', '=', query.status);
    const rows = await q.orderBy('d.issued_on', 'desc').orderBy('d.number').limit(query.limit).offset(query.offset).execute();
    return documentViews(db, actor, rows);
  }

  async function getDocument(actor: Actor | null, id: string) {
    const row = await documentQuery(db).where('d.id', '=', id).executeTakeFirst();
    if (!row) throw notFound();
    return (await documentViews(db, actor, [row]))[0]!;
  }

  async function createDocument(context: AuditContext, input: z.infer<typeof documentBody>) {
    const actor = context.actor;
    if (!isUser(actor)) throw unauthorized();
    if (!mayOrganize(actor)) throw forbidden();
    const scope = organizerScopeOf(actor);
    const unitId = input.unitId ?? (scope !== 'all' && scope !== 'none' ? scope[0]! : await getRootUnitId(db));
    if (unitId) {
      const ancestry = await getUnitAncestry(db, unitId);
      if (ancestry.length === 0) throw invalidField('unitId', 'not_found');
      if (!canOrganize(actor, ancestry)) throw forbidden();
    }
    return db.transaction().execute(async (tx) => {
      if (await tx.selectFrom('legal_documents').select('id').where('number', '=', input.number).executeTakeFirst()) throw invalidField('number', 'document_number_taken');
      let replacedBy: string | null = null;
      if (input.replacedByNumber) {
        const other = await tx.selectFrom('legal_documents').select('id').where('number', '=', input.replacedByNumber).executeTakeFirst();
        if (!other) throw invalidField('replacedByNumber', 'not_found');
        replacedBy = other.id;
      }
      const row = await tx
        .insertInto('legal_documents')
        .values({
          number: input.number,
          doc_type: input.docType,
          issuer: input.issuer,
          title: input.title,
          issued_on: input.issuedOn,
          effective_on: input.effectiveOn,
          summary_vi: input.summaryVi,
          summary_en: input.summaryEn,
          topics: input.topics,
          status: input.status,
          replaced_by_id: replacedBy,
          file_url: input.fileUrl,
          unit_id: unitId,
          search_text: foldText(`${input.number} ${input.title} ${input.issuer} ${input.summaryVi} ${input.summaryEn}`),
          created_by: actor.userId,
          created_at: clock.now(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await writeAudit(tx, context, { action: 'document.created', entityType: 'legal_document', entityId: row.id, unitId, details: { number: input.number, topics: input.topics } });
      return (await documentViews(tx, actor, [(await documentQuery(tx).where('d.id', '=', row.id).executeTakeFirst())!]))[0]!;
    });
  }

  async function getSubscription(actor: Actor | null) {
    if (!isUser(actor)) throw unauthorized();
    const kind: 'enterprise' | 'association' | null = speaksForEnterprise(actor) ? 'enterprise' : hasRole(actor, 'association_rep') && actor.associationId ? 'association' : null;
    if (!kind) throw forbidden();
    const row = await db.selectFrom('topic_subscriptions').select(['topics', 'active']).where('user_id', '=', actor.userId).executeTakeFirst();
    const members =
      kind === 'association' ? Number((await db.selectFrom('association_members').select((eb) => eb.fn.countAll<string>().as('n')).where('association_id', '=', actor.associationId!).executeTakeFirstOrThrow()).n) : null;
    return { kind: kind, topics: (row?.topics ?? []) as Topic[], active: row?.active ?? false, members };
  }

  /** A business subscribes for itself; an association representative for the association's members. */
  async function setSubscription(context: AuditContext, input: z.infer<typeof subscriptionBody>) {
    const actor = context.actor;
    if (!isUser(actor)) throw unauthorized();
    const kind: 'enterprise' | 'association' | null = speaksForEnterprise(actor) ? 'enterprise' : hasRole(actor, 'association_rep') && actor.associationId ? 'association' : null;
    if (!kind) throw forbidden();
    const topics = [...new Set(input.topics)];
    await db.transaction().execute(async (tx) => {
      await tx
        .insertInto('topic_subscriptions')
        .values({ kind, user_id: actor.userId, enterprise_id: kind === 'enterprise' ? actor.enterpriseId : null, association_id: kind === 'association' ? actor.associationId : null, topics, active: topics.length > 0, updated_at: clock.now() })
        .onConflict((oc) => oc.column('user_id').doUpdateSet({ topics, active: topics.length > 0, updated_at: clock.now() }))
        .execute();
      // Subscribing again lifts an earlier one-click unsubscribe of this address.
      if (topics.length > 0) await tx.deleteFrom('newsletter_optouts').where('email', '=', actor.email).execute();
      await writeAudit(tx, context, { action: 'subscription.updated', entityType: 'topic_subscription', entityId: actor.userId, details: { kind, topics } });
    });
    return getSubscription(actor);
  }

  async function createAnnouncement(context: AuditContext, input: z.infer<typeof announcementBody>) {
    const actor = context.actor;
    if (!isUser(actor)) throw unauthorized();
    const ancestry = await getUnitAncestry(db, input.unitId);
    if (ancestry.length === 0) throw invalidField('unitId', 'not_found');
    if (!canOrganize(actor, ancestry)) throw forbidden();
    const today = vietnamDay(clock.now());
    if (input.expiresOn && input.expiresOn < today) throw invalidField('expiresOn', 'event_in_past');
    return db.transaction().execute(async (tx) => {
      const row = await tx.insertInto('announcements').values({ unit_id: input.unitId, title: input.title, body: input.body, expires_on: input.expiresOn, published_at: clock.now(), created_by: actor.userId }).returning('id').executeTakeFirstOrThrow();
      await writeAudit(tx, context, { action: 'announcement.published', entityType: 'announcement', entityId: row.id, unitId: input.unitId, details: { title: input.title } });
      return (await findAnnouncements(tx, { id: row.id }))[0]!;
    });
  }

  async function findAnnouncements(tx: Kysely<Database>, filter: { unit?: string | undefined; id?: string }): Promise<AnnouncementView[]> {
    const today = vietnamDay(clock.now());
    let q = tx
      .selectFrom('announcements as a')
      .innerJoin('units as u', 'u.id', 'a.unit_id')
      .select(['a.id', 'a.title', 'a.body', 'a.published_at', 'a.expires_on', 'u.code', 'u.name_vi'])
      .where((eb) => eb.or([eb('a.expires_on', 'is', null), eb('a.expires_on', '>=', today)]));
    if (filter.id) q = q.where('a.id', '=', filter.id);
    if (filter.unit) {
      const unit = await tx.selectFrom('units').select('id').where('code', '=', filter.unit).executeTakeFirst();
      if (!unit) throw new AppError('not_found');
      // A unit's businesses also read what the units above it announce.
      q = q.where('a.unit_id', 'in', await getUnitAncestry(tx, unit.id));
    }
    const rows = await q.orderBy('a.published_at', 'desc').limit(20).execute();
    return rows.map((r) => ({ id: r.id, unit: { code: r.code, name: r.name_vi }, title: r.title, body: r.body, publishedAt: r.published_at.toISOString(), expiresOn: r.expires_on }));
  }

  const listAnnouncements = (query: z.infer<typeof announcementQuery>) => findAnnouncements(db, query);

  return { listDocuments, getDocument, createDocument, getSubscription, setSubscription, createAnnouncement, listAnnouncements };
}
