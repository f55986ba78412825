// Consultations, the businesses' side: comment on the draft or an article
// (with proposed wording and answers to the questions), edit or withdraw until
// the close, choose to be shown as "a business"; associations gather their
// members' views privately and submit one consolidated position; in-app notices.
import type { Kysely } from 'kysely';
import type { CommentBody, PublicComment } from '../../../contracts/consultations.ts';
import { mayCommentOnDrafts } from '../../../contracts/roles.ts';
import type { Database } from '../../db/schema.ts';
import { type Actor, isUser, type UserActor } from '../../lib/actor.ts';
import { writeAudit, type AuditContext } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { forbidden, invalidField, notFound, unauthorized } from '../../lib/errors.ts';
import { articlesOf, conflict, getVisible } from './access.ts';
import { toPublicComment } from './mapper.ts';
import { acceptsComments, type CommenterFacts, inAudience } from './policy.ts';
import * as repo from './repository.ts';

/** Who the actor comments as: its association (a representative) or its enterprise; null for anyone else. */
export async function commenterFacts(db: Kysely<Database>, actor: Actor | null): Promise<CommenterFacts | null> {
  if (!isUser(actor) || !mayCommentOnDrafts(actor)) return null;
  if (actor.roles.some((r) => r.role === 'association_rep') && actor.associationId)
    return { kind: 'association', enterpriseId: null, associationId: actor.associationId, memberOf: [] };
  if (actor.enterpriseId)
    return {
      kind: 'enterprise',
      enterpriseId: actor.enterpriseId,
      associationId: null,
      memberOf: await repo.findMemberships(db, actor.enterpriseId),
    };
  return null;
}

export function createCommentingService(deps: { db: Kysely<Database>; clock: Clock }) {
  const { db, clock } = deps;

  async function checkArticle(id: string, articleNumber: number | null) {
    if (articleNumber === null) return;
    const { draft } = await articlesOf(db, id);
    if (!draft.some((a) => a.number === articleNumber))
      throw invalidField('articleNumber', 'consultation_article_unknown');
  }

  async function openFor(actor: Actor | null, id: string) {
    if (!isUser(actor)) throw unauthorized();
    const row = await getVisible(db, actor, id);
    const facts = await commenterFacts(db, actor);
    if (!facts || !inAudience(row, facts)) throw forbidden();
    if (!acceptsComments(row, clock.now())) throw conflict('consultation_not_open');
    return { row, facts };
  }

  async function checkCosigners(facts: CommenterFacts, body: CommentBody) {
    if (facts.kind !== 'association') {
      if (body.representedCount !== null || body.cosignerIds.length > 0)
        throw invalidField('representedCount', 'consultation_association_only');
      return;
    }
    if (body.anonymous) throw invalidField('anonymous', 'consultation_anonymous_business_only');
    const ids = [...new Set(body.cosignerIds)];
    const members = await repo.findAssociationMembers(db, facts.associationId!, ids);
    if (members.length !== ids.length) throw invalidField('cosignerIds', 'consultation_cosigner_not_member');
    if (body.representedCount !== null && body.representedCount < ids.length)
      throw invalidField('representedCount', 'consultation_represented_below_cosigners');
  }

  function checkAnswers(row: repo.ConsultationRow, answers: Record<string, string>) {
    const keys = new Set(row.questions.map((q) => q.key));
    for (const key of Object.keys(answers))
      if (!keys.has(key)) throw invalidField(`answers.${key}`, 'consultation_question_unknown');
  }

  async function listComments(actor: Actor | null, id: string, article?: number): Promise<PublicComment[]> {
    await getVisible(db, actor, id);
    const rows = await repo.findComments(
      db,
      id,
      article === undefined ? {} : { article: article === 0 ? null : article },
    );
    const visible = rows.filter((r) => r.status === 'active');
    const names = await repo.findEnterpriseNames(db, [...new Set(visible.flatMap((r) => r.cosigner_ids))]);
    const facts = await commenterFacts(db, actor);
    return visible.map((r) =>
      toPublicComment(r, {
        mine: isMine(facts, r),
        cosigners: r.cosigner_ids.map((e) => names.get(e) ?? ''),
      }),
    );
  }

  const isMine = (facts: CommenterFacts | null, r: repo.CommentRow) =>
    !!facts &&
    (facts.kind === 'association'
      ? r.kind === 'association' && r.association_id === facts.associationId
      : r.kind === 'enterprise' && r.enterprise_id === facts.enterpriseId);

  async function addComment(context: AuditContext, id: string, body: CommentBody) {
    const { row, facts } = await openFor(context.actor, id);
    await checkArticle(id, body.articleNumber);
    await checkCosigners(facts, body);
    checkAnswers(row, body.answers);
    const actor = context.actor as UserActor;
    const now = clock.now();
    const commentId = await db.transaction().execute(async (tx) => {
      const commentId = await repo.insertComment(tx, {
        consultation_id: id,
        article_number: body.articleNumber,
        clause: body.clause,
        body: body.body,
        proposed_wording: body.proposedWording,
        answers: JSON.stringify(body.answers),
        kind: facts.kind,
        enterprise_id: facts.enterpriseId,
        association_id: facts.associationId,
        author_user_id: actor.userId,
        anonymous: facts.kind === 'enterprise' && body.anonymous,
        represented_count:
          facts.kind === 'association' ? (body.representedCount ?? Math.max(1, body.cosignerIds.length)) : null,
        cosigner_ids: [...new Set(body.cosignerIds)],
        created_at: now,
        updated_at: now,
      });
      // The entry names the comment, never the enterprise: an anonymous commenter stays so in the log's details.
      await writeAudit(tx, context, {
        action: 'consultation.comment_added',
        entityType: 'consultation_comment',
        entityId: commentId,
      });
      return commentId;
    });
    return getMine(actor, commentId);
  }

  async function ownComment(actor: Actor | null, commentId: string) {
    if (!isUser(actor)) throw unauthorized();
    const comment = await repo.findComment(db, commentId);
    if (!comment) throw notFound();
    const facts = await commenterFacts(db, actor);
    if (!isMine(facts, comment)) throw forbidden();
    return { comment, facts: facts! };
  }

  async function getMine(actor: Actor | null, commentId: string): Promise<PublicComment> {
    const { comment } = await ownComment(actor, commentId);
    const names = await repo.findEnterpriseNames(db, comment.cosigner_ids);
    return toPublicComment(comment, { mine: true, cosigners: comment.cosigner_ids.map((e) => names.get(e) ?? '') });
  }

  async function updateComment(context: AuditContext, commentId: string, body: CommentBody) {
    const { comment, facts } = await ownComment(context.actor, commentId);
    const row = await getVisible(db, context.actor, comment.consultation_id);
    if (!acceptsComments(row, clock.now()) || comment.status !== 'active') throw conflict('consultation_not_open');
    await checkArticle(row.id, body.articleNumber);
    await checkCosigners(facts, body);
    checkAnswers(row, body.answers);
    await db.transaction().execute(async (tx) => {
      await repo.updateComment(tx, commentId, {
        article_number: body.articleNumber,
        clause: body.clause,
        body: body.body,
        proposed_wording: body.proposedWording,
        answers: body.answers,
        anonymous: facts.kind === 'enterprise' && body.anonymous,
        ...(facts.kind === 'association' && {
          represented_count: body.representedCount ?? Math.max(1, body.cosignerIds.length),
          cosigner_ids: [...new Set(body.cosignerIds)],
        }),
        group_id: null,
        updated_at: clock.now(),
      });
      await writeAudit(tx, context, {
        action: 'consultation.comment_edited',
        entityType: 'consultation_comment',
        entityId: commentId,
      });
    });
    return getMine(context.actor, commentId);
  }

  async function withdrawComment(context: AuditContext, commentId: string) {
    const { comment } = await ownComment(context.actor, commentId);
    const row = await getVisible(db, context.actor, comment.consultation_id);
    if (!acceptsComments(row, clock.now()) || comment.status !== 'active') throw conflict('consultation_not_open');
    await db.transaction().execute(async (tx) => {
      await repo.updateComment(tx, commentId, { status: 'withdrawn', updated_at: clock.now() });
      await writeAudit(tx, context, {
        action: 'consultation.comment_withdrawn',
        entityType: 'consultation_comment',
        entityId: commentId,
      });
    });
    return { ok: true as const };
  }

  /** The association's space: readable by its members and its representative only. */
  async function spaceOf(actor: Actor | null, id: string, associationId: string) {
    if (!isUser(actor)) throw unauthorized();
    const row = await getVisible(db, actor, id);
    const facts = await commenterFacts(db, actor);
    const isRep = facts?.kind === 'association' && facts.associationId === associationId;
    const isMember = facts?.kind === 'enterprise' && facts.memberOf.includes(associationId);
    if (!isRep && !isMember) throw forbidden();
    return { row, facts: facts, isRep };
  }

  async function associationSpace(actor: Actor | null, id: string, associationId: string) {
    const { isRep } = await spaceOf(actor, id, associationId);
    const views = await repo.findMemberViews(db, id, associationId);
    const contributors = [...new Set(views.map((v) => v.enterprise_id))];
    return {
      views: views.map((v) => ({
        id: v.id,
        articleNumber: v.article_number,
        body: v.body,
        enterpriseName: v.enterprise_name,
        enterpriseId: v.enterprise_id,
        createdAt: v.created_at.toISOString(),
      })),
      /** Members who gave a view: the representative's choice of co-signers. */
      contributors: (await repo.findAssociationMembers(db, associationId, contributors)).map((m) => ({
        id: m.id,
        name: m.name,
      })),
      isRepresentative: isRep,
    };
  }

  async function addMemberView(
    context: AuditContext,
    id: string,
    associationId: string,
    body: { articleNumber: number | null; body: string },
  ) {
    const { row, facts } = await spaceOf(context.actor, id, associationId);
    if (facts.kind !== 'enterprise') throw forbidden();
    if (!acceptsComments(row, clock.now())) throw conflict('consultation_not_open');
    await checkArticle(id, body.articleNumber);
    await repo.insertMemberView(db, {
      consultation_id: id,
      association_id: associationId,
      enterprise_id: facts.enterpriseId!,
      author_user_id: (context.actor as UserActor).userId,
      article_number: body.articleNumber,
      body: body.body,
      created_at: clock.now(),
    });
    return associationSpace(context.actor, id, associationId);
  }

  async function myNotices(actor: Actor | null) {
    if (!isUser(actor)) throw unauthorized();
    return (await repo.findNotices(db, actor.userId)).map((n) => ({
      id: n.id,
      consultationId: n.consultation_id,
      title: n.title,
      commentId: n.comment_id,
      disposition: n.disposition,
      createdAt: n.created_at.toISOString(),
      read: n.read_at !== null,
    }));
  }

  return {
    listComments,
    addComment,
    updateComment,
    withdrawComment,
    getMine,
    associationSpace,
    addMemberView,
    myNotices,
  };
}
