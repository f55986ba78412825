// Consultations, the drafting unit's side: open a consultation on a draft (text
// split into articles), open it (topic subscribers are told), extend it with a
// public reason, close it, group near-duplicate comments, give dispositions,
// write the revised text and link each change to the comments behind it, and
// publish the response (commenters told by mail and in the app). Every phase
// change, extension, disposition and publication is audited.
import type { Kysely } from 'kysely';
import {
  type ConsultationBody,
  type ConsultationDetail,
  type ConsultationSummary,
  type GroupedView,
  listQuery,
  REVIEW_GROUPS_PER_PAGE,
  REVIEW_SHOWN_PER_GROUP,
  splitArticles,
} from '../../../contracts/consultations.ts';
import { mayDraftConsultations } from '../../../contracts/roles.ts';
import { vietnamDay } from '../../../contracts/vietnam-time.ts';
import type { z } from 'zod';
import type { Database } from '../../db/schema.ts';
import { type Actor, isUser, type UserActor } from '../../lib/actor.ts';
import { writeAudit, type AuditContext } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { queueDeliveries } from '../../lib/deliveries.ts';
import { AppError, forbidden, invalidField, unauthorized } from '../../lib/errors.ts';
import { getUnitAncestry, resolveScopeUnitIds } from '../../lib/org.ts';
import { canOrganize, organizerScopeOf } from '../../lib/scope.ts';
import { foldedLike, foldText } from '../../lib/search-text.ts';
import { articlesOf, conflict, fromVietnamLocal, getManaged, getVisible, isManager } from './access.ts';
import { commenterFacts } from './commenting.ts';
import { openedMail, publishedMail } from './mail.ts';
import { type Extension, toDetail, toReviewComment, toSummary } from './mapper.ts';
import { acceptsComments, groupNearDuplicates, inAudience, phaseAt, responseLate } from './policy.ts';
import * as repo from './repository.ts';

export interface ConsultationDeps {
  db: Kysely<Database>;
  clock: Clock;
  publicBase: string;
}

export function createConsultationService(deps: ConsultationDeps) {
  const { db, clock } = deps;
  const late = (row: repo.ConsultationRow) => responseLate(row, vietnamDay(clock.now()), vietnamDay);

  async function checkOwnerUnit(actor: UserActor, unitId: string) {
    const unit = await repo.findUnit(db, unitId);
    if (!unit) throw invalidField('ownerUnitId', 'not_found');
    if (!canOrganize(actor, await getUnitAncestry(db, unit.id))) throw forbidden();
    if (unit.kind === 'team' || unit.status !== 'active') throw invalidField('ownerUnitId', 'survey_owner_unit_kind');
  }

  function checkBody(body: ConsultationBody) {
    const articles = splitArticles(body.draftText);
    if (!articles) throw invalidField('draftText', 'consultation_no_articles');
    const opensAt = fromVietnamLocal(body.opensAt);
    const closesAt = fromVietnamLocal(body.closesAt);
    if (closesAt <= opensAt) throw invalidField('closesAt', 'consultation_close_before_open');
    if (body.audience === 'list' && body.audienceAssociationIds.length + body.audienceEnterpriseIds.length === 0)
      throw invalidField('audience', 'consultation_audience_empty');
    if (body.responseDueOn && body.responseDueOn < body.closesAt.slice(0, 10))
      throw invalidField('responseDueOn', 'consultation_due_before_close');
    return { articles, opensAt, closesAt };
  }

  const columns = (body: ConsultationBody, checked: ReturnType<typeof checkBody>) => ({
    owner_unit_id: body.ownerUnitId,
    title: body.title,
    summary: body.summary,
    doc_type: body.docType,
    opens_at: checked.opensAt,
    closes_at: checked.closesAt,
    response_due_on: body.responseDueOn,
    audience: body.audience,
    audience_association_ids: body.audience === 'list' ? body.audienceAssociationIds : [],
    audience_enterprise_ids: body.audience === 'list' ? body.audienceEnterpriseIds : [],
    topics: body.topics,
    questions: body.questions,
    search_text: foldText(`${body.title} ${body.summary}`),
    updated_at: clock.now(),
  });

  async function detail(actor: Actor | null, row: repo.ConsultationRow): Promise<ConsultationDetail> {
    const [{ draft, revised }, ownerUnitName, counts, manager] = await Promise.all([
      articlesOf(db, row.id),
      repo.findUnitName(db, row.owner_unit_id),
      repo.countByArticle(db, row.id),
      isManager(db, actor, row),
    ]);
    const facts = await commenterFacts(db, actor);
    const mayComment = !!facts && acceptsComments(row, clock.now()) && inAudience(row, facts);
    return toDetail(row, {
      phase: phaseAt(row, clock.now()),
      commentCount: counts.reduce((sum, c) => sum + Number(c.total), 0),
      late: late(row),
      ownerUnitName,
      articles: draft,
      revisedArticles: revised,
      mayManage: manager,
      mayComment,
      myAssociationId: facts?.kind === 'association' ? facts.associationId : (facts?.memberOf[0] ?? null),
    });
  }

  async function getConsultation(actor: Actor | null, id: string) {
    return detail(actor, await getVisible(db, actor, id));
  }

  async function listPublic(query: z.infer<typeof listQuery>): Promise<ConsultationSummary[]> {
    const rows = await repo.findConsultations(db, {
      phases: ['open', 'closed', 'published'],
      ...(query.topic && { topic: query.topic }),
      ...(query.q && { folded: foldedLike(query.q) }),
      ...(query.documentId && { documentId: query.documentId }),
    });
    const now = clock.now();
    return rows
      .map((r) => toSummary(r, { phase: phaseAt(r, now), commentCount: Number(r.comment_count ?? 0), late: late(r) }))
      .filter((s) => !query.phase || s.phase === query.phase);
  }

  async function listManaged(actor: Actor | null): Promise<ConsultationSummary[]> {
    if (!isUser(actor)) throw unauthorized();
    if (!mayDraftConsultations(actor)) throw forbidden();
    const unitIds = await resolveScopeUnitIds(db, organizerScopeOf(actor));
    const rows = await repo.findConsultations(db, { unitIds });
    return rows.map((r) =>
      toSummary(r, { phase: phaseAt(r, clock.now()), commentCount: Number(r.comment_count ?? 0), late: late(r) }),
    );
  }

  async function createConsultation(context: AuditContext, body: ConsultationBody) {
    const actor = context.actor;
    if (!isUser(actor)) throw unauthorized();
    if (!mayDraftConsultations(actor)) throw forbidden();
    await checkOwnerUnit(actor, body.ownerUnitId);
    const checked = checkBody(body);
    const id = await db.transaction().execute(async (tx) => {
      const id = await repo.insertConsultation(
        tx,
        { ...columns(body, checked), created_by: actor.userId, created_at: clock.now() },
        checked.articles,
      );
      await writeAudit(tx, context, {
        action: 'consultation.created',
        entityType: 'consultation',
        entityId: id,
        unitId: body.ownerUnitId,
        details: { articles: checked.articles.length },
      });
      return id;
    });
    return getConsultation(actor, id);
  }

  async function updateConsultation(context: AuditContext, id: string, body: ConsultationBody) {
    const row = await getManaged(db, context.actor, id);
    if (row.phase !== 'draft') throw conflict('consultation_not_draft');
    await checkOwnerUnit(context.actor as UserActor, body.ownerUnitId);
    const checked = checkBody(body);
    await db.transaction().execute(async (tx) => {
      await repo.updateConsultation(tx, id, columns(body, checked));
      await repo.replaceArticles(tx, id, 1, checked.articles);
    });
    return getConsultation(context.actor, id);
  }

  async function phaseChange(
    tx: Kysely<Database>,
    context: AuditContext,
    row: repo.ConsultationRow,
    phase: 'open' | 'closed',
    details = {},
  ) {
    await writeAudit(tx, context, {
      action: `consultation.${phase === 'open' ? 'opened' : 'closed'}`,
      entityType: 'consultation',
      entityId: row.id,
      unitId: row.owner_unit_id,
      details,
    });
  }

  async function openConsultation(context: AuditContext, id: string) {
    const row = await getManaged(db, context.actor, id);
    if (row.phase !== 'draft') throw conflict('consultation_not_draft');
    if (row.closes_at <= clock.now()) throw invalidField('closesAt', 'consultation_close_in_past');
    const link = `${deps.publicBase}/gop-y/${id}`;
    const subscribers = await repo.findTopicSubscribers(db, row.topics);
    await db.transaction().execute(async (tx) => {
      await repo.updateConsultation(tx, id, { phase: 'open', updated_at: clock.now() });
      await phaseChange(tx, context, row, 'open', { subscribersTold: subscribers.length });
      await queueDeliveries(
        tx,
        subscribers.map((s) => {
          const mail = openedMail(row, link, s.locale);
          return { key: `consultation-open:${id}:${s.id}`, to: s.email, subject: mail.subject, text: mail.text };
        }),
      );
    });
    return getConsultation(context.actor, id);
  }

  async function closeConsultation(context: AuditContext, id: string) {
    const row = await getManaged(db, context.actor, id);
    if (phaseAt(row, clock.now()) !== 'open') throw conflict('consultation_not_open');
    const now = clock.now();
    await db.transaction().execute(async (tx) => {
      await repo.updateConsultation(tx, id, {
        phase: 'closed',
        closes_at: now < row.closes_at ? now : row.closes_at,
        updated_at: now,
      });
      await phaseChange(tx, context, row, 'closed');
    });
    return getConsultation(context.actor, id);
  }

  async function extendConsultation(context: AuditContext, id: string, body: { closesAt: string; reason: string }) {
    const row = await getManaged(db, context.actor, id);
    const phase = phaseAt(row, clock.now());
    if (phase !== 'open' && phase !== 'closed') throw conflict('consultation_not_open');
    const closesAt = fromVietnamLocal(body.closesAt);
    if (closesAt <= row.closes_at || closesAt <= clock.now())
      throw invalidField('closesAt', 'consultation_extend_later');
    const extension: Extension = {
      at: clock.now().toISOString(),
      from: row.closes_at.toISOString(),
      to: closesAt.toISOString(),
      reason: body.reason,
    };
    await db.transaction().execute(async (tx) => {
      await repo.updateConsultation(tx, id, {
        phase: 'open',
        closes_at: closesAt,
        extensions: [...row.extensions, extension],
        updated_at: clock.now(),
      });
      await writeAudit(tx, context, {
        action: 'consultation.extended',
        entityType: 'consultation',
        entityId: id,
        unitId: row.owner_unit_id,
        details: { ...extension },
      });
    });
    return getConsultation(context.actor, id);
  }

  async function groupComments(context: AuditContext, id: string) {
    const row = await getManaged(db, context.actor, id);
    if (row.phase === 'draft' || row.phase === 'published') throw conflict('consultation_not_closed');
    const input = await repo.findGroupingInput(db, id);
    const groups = groupNearDuplicates(
      input.map((c) => ({ id: c.id, articleNumber: c.article_number, text: `${c.body} ${c.proposed_wording ?? ''}` })),
    );
    await db.transaction().execute(async (tx) => {
      await repo.writeGroups(tx, id, groups);
      await repo.updateConsultation(tx, id, { grouped_at: clock.now() });
    });
    return { comments: input.length, groups: new Set(groups.values()).size };
  }

  async function groupedView(
    actor: Actor | null,
    id: string,
    query: {
      article?: number | undefined;
      kind?: 'enterprise' | 'association' | undefined;
      associationId?: string | undefined;
      status?: 'pending' | 'answered' | undefined;
      offset?: number | undefined;
    },
  ): Promise<GroupedView> {
    const row = await getManaged(db, actor, id);
    const counts = await repo.countByArticle(db, id);
    const articles = counts.map((c) => ({
      articleNumber: c.article_number,
      total: Number(c.total),
      pending: Number(c.pending),
    }));
    const first = articles.find((a) => a.pending > 0) ?? articles[0];
    const selected = query.article ?? (first ? (first.articleNumber ?? 0) : null);
    const comments =
      selected === null
        ? []
        : await repo.findComments(db, id, {
            article: selected === 0 ? null : selected,
            activeOnly: true,
            ...(query.kind && { kind: query.kind }),
            ...(query.associationId && { associationId: query.associationId }),
            ...(query.status && { status: query.status }),
          });
    const byGroup = new Map<string, repo.CommentRow[]>();
    for (const c of comments) {
      const key = c.group_id ?? c.id;
      const members = byGroup.get(key);
      if (members) members.push(c);
      else byGroup.set(key, [c]);
    }
    const ordered = [...byGroup.entries()].sort((a, b) => b[1].length - a[1].length);
    const offset = query.offset ?? 0;
    const page = ordered.slice(offset, offset + REVIEW_GROUPS_PER_PAGE);
    const shown = page.flatMap(([, members]) => members.slice(0, REVIEW_SHOWN_PER_GROUP));
    const cosignerNames = await repo.findEnterpriseNames(db, [...new Set(shown.flatMap((c) => c.cosigner_ids))]);
    return {
      total: articles.reduce((s, a) => s + a.total, 0),
      pending: articles.reduce((s, a) => s + a.pending, 0),
      groupedAt: row.grouped_at?.toISOString() ?? null,
      articles,
      selected,
      groupCount: ordered.length,
      offset,
      groups: page.map(([groupId, members]) => ({
        groupId,
        articleNumber: members[0]!.article_number,
        size: members.length,
        pending: members.filter((m) => !m.disposition).length,
        commentIds: members.map((m) => m.id),
        comments: members.slice(0, REVIEW_SHOWN_PER_GROUP).map((c) =>
          toReviewComment(
            c,
            c.cosigner_ids.map((e) => cosignerNames.get(e) ?? ''),
          ),
        ),
      })),
    };
  }

  async function setDisposition(
    context: AuditContext,
    id: string,
    body: { commentIds: string[]; disposition: 'accepted' | 'partly' | 'not_accepted' | 'noted'; reason: string },
  ) {
    const row = await getManaged(db, context.actor, id);
    if (phaseAt(row, clock.now()) !== 'closed') throw conflict('consultation_not_closed');
    const ids = [...new Set(body.commentIds)];
    const actor = context.actor as UserActor;
    const updated = await db.transaction().execute(async (tx) => {
      const n = await repo.setDispositions(tx, id, ids, {
        disposition: body.disposition,
        reason: body.reason,
        disposed_by: actor.userId,
        disposed_at: clock.now(),
      });
      if (n !== ids.length) throw invalidField('commentIds', 'consultation_comment_unknown');
      await writeAudit(tx, context, {
        action: 'consultation.disposition',
        entityType: 'consultation',
        entityId: id,
        unitId: row.owner_unit_id,
        details: { disposition: body.disposition, comments: ids.length, commentIds: ids.slice(0, 50) },
      });
      return n;
    });
    return { updated, pending: await repo.countPending(db, id) };
  }

  async function setRevision(context: AuditContext, id: string, revisedText: string) {
    const row = await getManaged(db, context.actor, id);
    if (phaseAt(row, clock.now()) !== 'closed') throw conflict('consultation_not_closed');
    const articles = splitArticles(revisedText);
    if (!articles) throw invalidField('revisedText', 'consultation_no_articles');
    await db.transaction().execute(async (tx) => {
      await repo.replaceArticles(tx, id, 2, articles);
      await writeAudit(tx, context, {
        action: 'consultation.revised',
        entityType: 'consultation',
        entityId: id,
        unitId: row.owner_unit_id,
        details: { articles: articles.length },
      });
    });
    return getConsultation(context.actor, id);
  }

  async function linkChanges(context: AuditContext, id: string, body: { articleNumber: number; commentIds: string[] }) {
    const row = await getManaged(db, context.actor, id);
    if (row.phase === 'published') throw conflict('consultation_published');
    const ids = [...new Set(body.commentIds)];
    if ((await repo.countCommentsIn(db, id, ids)) !== ids.length)
      throw invalidField('commentIds', 'consultation_comment_unknown');
    await db.transaction().execute(async (tx) => {
      await repo.replaceChangeLinks(tx, id, body.articleNumber, ids);
      await writeAudit(tx, context, {
        action: 'consultation.change_linked',
        entityType: 'consultation',
        entityId: id,
        unitId: row.owner_unit_id,
        details: { article: body.articleNumber, comments: ids.length },
      });
    });
    return { ok: true as const };
  }

  async function publishResponse(context: AuditContext, id: string, responseSummary: string) {
    const row = await getManaged(db, context.actor, id);
    if (phaseAt(row, clock.now()) !== 'closed') throw conflict('consultation_not_closed');
    const pending = await repo.countPending(db, id);
    if (pending > 0)
      throw new AppError('conflict', 'consultation_pending_dispositions', [
        { field: 'dispositions', message: `${pending}` },
      ]);
    const commenters = await repo.findCommenterUsers(db, id);
    const now = clock.now();
    await db.transaction().execute(async (tx) => {
      await repo.updateConsultation(tx, id, {
        phase: 'published',
        published_at: now,
        response_summary: responseSummary,
        updated_at: now,
      });
      await repo.insertNotices(
        tx,
        commenters.map((c) => ({ user_id: c.user_id, consultation_id: id, comment_id: c.comment_id, created_at: now })),
      );
      await queueDeliveries(
        tx,
        commenters.map((c) => {
          const mail = publishedMail(row, `${deps.publicBase}/gop-y/${id}/bao-cao#y-kien-${c.comment_id}`, c.locale);
          // The mail of an anonymous commenter would tie its address to the comment: it never enters the outbox.
          return {
            key: `consultation-response:${c.comment_id}`,
            to: c.email,
            subject: mail.subject,
            text: mail.text,
            sealed: c.anonymous,
          };
        }),
      );
      await writeAudit(tx, context, {
        action: 'consultation.published',
        entityType: 'consultation',
        entityId: id,
        unitId: row.owner_unit_id,
        details: { commentersTold: commenters.length },
      });
    });
    return getConsultation(context.actor, id);
  }

  async function linkDocument(context: AuditContext, id: string, legalDocumentId: string | null) {
    const row = await getManaged(db, context.actor, id);
    if (legalDocumentId && !(await repo.findLegalDocument(db, legalDocumentId)))
      throw invalidField('legalDocumentId', 'not_found');
    await db.transaction().execute(async (tx) => {
      await repo.updateConsultation(tx, id, { legal_document_id: legalDocumentId, updated_at: clock.now() });
      await writeAudit(tx, context, {
        action: 'consultation.document_linked',
        entityType: 'consultation',
        entityId: id,
        unitId: row.owner_unit_id,
        details: { legalDocumentId },
      });
    });
    return getConsultation(context.actor, id);
  }

  /** Only a drafting unit reads DOCX drafts here (the split itself is in the route's file reader). */
  function mayReadDrafts(actor: Actor | null): void {
    if (!isUser(actor)) throw unauthorized();
    if (!mayDraftConsultations(actor)) throw forbidden();
  }

  return {
    mayReadDrafts,
    getConsultation,
    listPublic,
    listManaged,
    createConsultation,
    updateConsultation,
    openConsultation,
    closeConsultation,
    extendConsultation,
    groupComments,
    groupedView,
    setDisposition,
    setRevision,
    linkChanges,
    publishResponse,
    linkDocument,
  };
}
