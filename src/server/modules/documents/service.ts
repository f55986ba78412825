// The legal document library, topic subscriptions and announcements.
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type {
  AnnouncementView,
  DocumentView,
  Topic,
  announcementBody,
  announcementQuery,
  documentBody,
  documentListQuery,
  subscriptionBody,
} from '../../../contracts/documents.ts';
import type { Database } from '../../db/schema.ts';
import { type Actor, hasRole, isUser, speaksForEnterprise } from '../../lib/actor.ts';
import { writeAudit, type AuditContext } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError, forbidden, invalidField, notFound, unauthorized } from '../../lib/errors.ts';
import { getUnitAncestry, getUnitPaths } from '../../lib/org.ts';
import { canOrganize, organizerScopeOf } from '../../lib/scope.ts';
import { foldText } from '../../lib/search-text.ts';
import { mayOrganize } from '../../../contracts/roles.ts';
import { vietnamDay } from '../../../contracts/vietnam-time.ts';
import { toAnnouncementView, toDocument } from './mapper.ts';
import * as repo from './repository.ts';

/** Views with their files and whether the actor may manage each (one query per concern, not per row). */
export async function documentViews(
  db: Kysely<Database>,
  actor: Actor | null,
  rows: repo.DocumentRow[],
): Promise<DocumentView[]> {
  if (rows.length === 0) return [];
  const files = await repo.findFiles(
    db,
    rows.map((r) => r.id),
  );
  const paths = mayOrganize(actor)
    ? await getUnitPaths(
        db,
        rows.flatMap((r) => (r.unit_id ? [r.unit_id] : [])),
      )
    : new Map<string, { id: string }[]>();
  return rows.map((row) =>
    toDocument(row, files, canOrganize(actor, row.unit_id ? (paths.get(row.unit_id) ?? []).map((u) => u.id) : [])),
  );
}

export function createDocumentService(deps: { db: Kysely<Database>; clock: Clock }) {
  const { db, clock } = deps;

  /** Public: anyone may read the library. */
  async function listDocuments(actor: Actor | null, query: z.infer<typeof documentListQuery>) {
    return documentViews(db, actor, await repo.findDocuments(db, query));
  }

  async function getDocument(actor: Actor | null, id: string) {
    const row = await repo.findDocument(db, id);
    if (!row) throw notFound();
    return (await documentViews(db, actor, [row]))[0]!;
  }

  async function createDocument(context: AuditContext, input: z.infer<typeof documentBody>) {
    const actor = context.actor;
    if (!isUser(actor)) throw unauthorized();
    if (!mayOrganize(actor)) throw forbidden();
    const scope = organizerScopeOf(actor);
    const unitId = input.unitId ?? (scope !== 'all' && scope !== 'none' ? scope[0]! : await repo.findRootUnitId(db));
    if (unitId) {
      const ancestry = await getUnitAncestry(db, unitId);
      if (ancestry.length === 0) throw invalidField('unitId', 'not_found');
      if (!canOrganize(actor, ancestry)) throw forbidden();
    }
    return db.transaction().execute(async (tx) => {
      if (await repo.findDocumentIdByNumber(tx, input.number)) throw invalidField('number', 'document_number_taken');
      let replacedBy: string | null = null;
      if (input.replacedByNumber) {
        const other = await repo.findDocumentIdByNumber(tx, input.replacedByNumber);
        if (!other) throw invalidField('replacedByNumber', 'not_found');
        replacedBy = other;
      }
      const id = await repo.insertDocument(tx, {
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
      });
      await writeAudit(tx, context, {
        action: 'document.created',
        entityType: 'legal_document',
        entityId: id,
        unitId,
        details: { number: input.number, topics: input.topics },
      });
      return (await documentViews(tx, actor, [(await repo.findDocument(tx, id))!]))[0]!;
    });
  }

  async function getSubscription(actor: Actor | null) {
    if (!isUser(actor)) throw unauthorized();
    const kind: 'enterprise' | 'association' | null = speaksForEnterprise(actor)
      ? 'enterprise'
      : hasRole(actor, 'association_rep') && actor.associationId
        ? 'association'
        : null;
    if (!kind) throw forbidden();
    const row = await repo.findSubscription(db, actor.userId);
    const members = kind === 'association' ? await repo.countAssociationMembers(db, actor.associationId!) : null;
    return { kind: kind, topics: (row?.topics ?? []) as Topic[], active: row?.active ?? false, members };
  }

  /** A business subscribes for itself; an association representative for the association's members. */
  async function setSubscription(context: AuditContext, input: z.infer<typeof subscriptionBody>) {
    const actor = context.actor;
    if (!isUser(actor)) throw unauthorized();
    const kind: 'enterprise' | 'association' | null = speaksForEnterprise(actor)
      ? 'enterprise'
      : hasRole(actor, 'association_rep') && actor.associationId
        ? 'association'
        : null;
    if (!kind) throw forbidden();
    const topics = [...new Set(input.topics)];
    await db.transaction().execute(async (tx) => {
      await repo.saveSubscription(tx, {
        kind,
        userId: actor.userId,
        enterpriseId: kind === 'enterprise' ? actor.enterpriseId : null,
        associationId: kind === 'association' ? actor.associationId : null,
        topics,
        at: clock.now(),
      });
      // Subscribing again lifts an earlier one-click unsubscribe of this address.
      if (topics.length > 0) await repo.removeOptout(tx, actor.email);
      await writeAudit(tx, context, {
        action: 'subscription.updated',
        entityType: 'topic_subscription',
        entityId: actor.userId,
        details: { kind, topics },
      });
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
      const id = await repo.insertAnnouncement(tx, {
        unitId: input.unitId,
        title: input.title,
        body: input.body,
        expiresOn: input.expiresOn,
        at: clock.now(),
        createdBy: actor.userId,
      });
      await writeAudit(tx, context, {
        action: 'announcement.published',
        entityType: 'announcement',
        entityId: id,
        unitId: input.unitId,
        details: { title: input.title },
      });
      return (await findAnnouncements(tx, { id }))[0]!;
    });
  }

  async function findAnnouncements(
    tx: Kysely<Database>,
    filter: { unit?: string | undefined; id?: string },
  ): Promise<AnnouncementView[]> {
    let unitIds: string[] | undefined;
    if (filter.unit) {
      const unitId = await repo.findUnitIdByCode(tx, filter.unit);
      if (!unitId) throw new AppError('not_found');
      // A unit's businesses also read what the units above it announce.
      unitIds = await getUnitAncestry(tx, unitId);
    }
    const rows = await repo.findAnnouncements(tx, { today: vietnamDay(clock.now()), id: filter.id, unitIds });
    return rows.map(toAnnouncementView);
  }

  const listAnnouncements = (query: z.infer<typeof announcementQuery>) => findAnnouncements(db, query);

  return {
    listDocuments,
    getDocument,
    createDocument,
    getSubscription,
    setSubscription,
    createAnnouncement,
    listAnnouncements,
  };
}
