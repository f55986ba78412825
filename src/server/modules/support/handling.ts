// Handling actions on a request: assignment, following, transfer and escalation
// (by hand with a reason, or by the breach job), merging duplicates, canned
// answers, and turning a resolved request into a question-bank draft.
import type { Kysely } from 'kysely';
import type { QaCategory } from '../../../contracts/questions.ts';
import type { RequestDetail } from '../../../contracts/support.ts';
import type { Database } from '../../db/schema.ts';
import { isUser, type Actor, type UserActor } from '../../lib/actor.ts';
import { writeAudit, type AuditContext } from '../../lib/audit.ts';
import { AppError, forbidden, invalidField, unauthorized } from '../../lib/errors.ts';
import type { MailMessage } from '../../lib/mailer.ts';
import { getUnitAncestry, getUnitChain } from '../../lib/org.ts';
import type { QuestionService } from '../questions/service.ts';
import { loadRequest, reloadDetail } from './access.ts';
import { addServiceMinutes } from './calendar.ts';
import { queueRequestMail, staffMail } from './mail.ts';
import { escalationGraceMinutes, nextLevel } from './policy.ts';
import * as repo from './repository.ts';
import { mailSender, type SupportDeps } from './service.ts';
import { isSupportLead, isSupportStaff, STAFF_ROLES } from '../../../contracts/roles.ts';

export function createHandlingService(deps: SupportDeps & { questions: QuestionService }) {
  const { db, clock } = deps;
  const sendNow = mailSender(deps);
  const link = (id: string) => `${deps.publicBase}/app/ho-tro/${id}`;

  async function loadStaff(tx: Kysely<Database>, actor: Actor | null, id: string) {
    const { row, staff } = await loadRequest(tx, actor, id, true);
    if (!staff) throw forbidden();
    return row;
  }

  const userId = (context: AuditContext) => (context.actor as UserActor).userId;
  const reload = (tx: Kysely<Database>, id: string, actor: Actor | null) =>
    reloadDetail(tx, id, true, actor, clock.now());

  async function assign(context: AuditContext, id: string, assigneeId: string | null): Promise<RequestDetail> {
    return db.transaction().execute(async (tx) => {
      const row = await loadStaff(tx, context.actor, id);
      const self = userId(context);
      if (
        !isSupportLead(context.actor) &&
        assigneeId !== self &&
        !(assigneeId === null && row.assignee_user_id === self)
      )
        throw forbidden();
      if (assigneeId) {
        const grants = await repo.findRoleGrants(tx, assigneeId);
        const teamAncestry = await getUnitAncestry(tx, row.team_unit_id);
        const fits = grants.some(
          (g) =>
            (STAFF_ROLES as readonly string[]).includes(g.role) &&
            (g.unit_id === null || teamAncestry.includes(g.unit_id)),
        );
        if (!fits) throw invalidField('userId', 'unknown_assignee');
        await repo.addFollower(tx, id, assigneeId);
      }
      const now = clock.now();
      await repo.updateRequest(tx, id, {
        assignee_user_id: assigneeId,
        status: row.status === 'open' && assigneeId ? 'in_progress' : row.status,
        updated_at: now,
      });
      await repo.addEvent(tx, id, now, 'assigned', self, { to: assigneeId });
      await writeAudit(tx, context, {
        action: 'support.assigned',
        entityType: 'support_request',
        entityId: id,
        unitId: row.team_unit_id,
        details: { number: row.number, assigneeUserId: assigneeId },
      });
      return reload(tx, id, context.actor);
    });
  }

  async function follow(context: AuditContext, id: string, on: boolean): Promise<RequestDetail> {
    return db.transaction().execute(async (tx) => {
      await loadStaff(tx, context.actor, id);
      if (on) await repo.addFollower(tx, id, userId(context));
      else await repo.removeFollower(tx, id, userId(context));
      return reload(tx, id, context.actor);
    });
  }

  async function transfer(context: AuditContext, id: string, teamId: string, reason: string): Promise<RequestDetail> {
    return db.transaction().execute(async (tx) => {
      const row = await loadStaff(tx, context.actor, id);
      if (row.status === 'merged' || row.status === 'resolved') throw new AppError('conflict', 'request_closed');
      const unit = await repo.findUnit(tx, teamId);
      if (!unit || unit.kind !== 'team' || unit.status !== 'active' || !unit.parent_id)
        throw invalidField('teamId', 'unknown_unit');
      const now = clock.now();
      await repo.updateRequest(tx, id, {
        team_unit_id: teamId,
        handler_unit_id: teamId,
        branch_unit_id: unit.parent_id,
        handler_role: 'officer',
        escalation_level: 0,
        assignee_user_id: null,
        updated_at: now,
      });
      await repo.addMessage(tx, {
        requestId: id,
        kind: 'system',
        fromBusiness: false,
        authorUserId: null,
        authorName: 'Cầu Nối',
        body: `Chuyển đến ${unit.name_vi} (${unit.code})`,
        at: now,
      });
      await repo.addEvent(tx, id, now, 'transferred', userId(context), { from: row.team_unit_id, to: teamId, reason });
      await writeAudit(tx, context, {
        action: 'support.transferred',
        entityType: 'support_request',
        entityId: id,
        unitId: teamId,
        details: { number: row.number, from: row.team_unit_id, to: teamId, reason },
      });
      return reload(tx, id, context.actor);
    });
  }

  /** One level up the ladder; queues the notices to the next level and returns their keys, or null at the top. */
  async function moveUp(
    tx: Kysely<Database>,
    row: repo.RequestRow,
    now: Date,
    actorUserId: string | null,
    reason: string,
  ) {
    const chain = await getUnitChain(tx, row.team_unit_id);
    const next = nextLevel(row.escalation_level, row.category as QaCategory, {
      teamId: row.team_unit_id,
      departmentId: chain.find((u) => u.kind === 'department')?.id ?? null,
      generalDepartmentId: chain.find((u) => u.kind === 'general_department')?.id ?? null,
    });
    if (!next) return null;
    await repo.updateRequest(tx, row.id, {
      handler_unit_id: next.unitId,
      handler_role: next.role,
      escalation_level: next.level,
      escalation_due_at: addServiceMinutes(now, escalationGraceMinutes(row.calendar), row.calendar),
      updated_at: now,
    });
    const eventId = await repo.addEvent(tx, row.id, now, actorUserId ? 'escalated' : 'escalated_breach', actorUserId, {
      level: next.level,
      role: next.role,
      reason,
    });
    const notices: MailMessage[] = (await repo.usersWithRoleAt(tx, next.unitId, next.role)).map((u) =>
      staffMail(u.email, row.number, row.subject, `Yêu cầu chuyển lên cấp ${next.level}`, link(row.id)),
    );
    return { next, keys: await queueRequestMail(tx, row.id, eventId, notices) };
  }

  async function escalate(context: AuditContext, id: string, reason: string): Promise<RequestDetail> {
    const result = await db.transaction().execute(async (tx) => {
      const row = await loadStaff(tx, context.actor, id);
      if (row.status === 'merged' || row.status === 'resolved') throw new AppError('conflict', 'request_closed');
      const moved = await moveUp(tx, row, clock.now(), userId(context), reason);
      if (!moved) throw new AppError('conflict', 'top_level');
      await writeAudit(tx, context, {
        action: 'support.escalated',
        entityType: 'support_request',
        entityId: id,
        unitId: moved.next.unitId,
        details: { number: row.number, level: moved.next.level, reason },
      });
      return { view: await reload(tx, id, context.actor), keys: moved.keys };
    });
    await sendNow(result.keys);
    return result.view;
  }

  /** The periodic job: every request past its deadline moves one level up. Safe from several processes (skip locked). */
  async function escalateBreaches(): Promise<number> {
    const result = await db.transaction().execute(async (tx) => {
      const now = clock.now();
      const due = await repo.findEscalationsDue(tx, now, 200);
      const keys: string[] = [];
      let moved = 0;
      for (const row of due) {
        const step = await moveUp(
          tx,
          row,
          now,
          null,
          row.first_responded_at ? 'resolution_breach' : 'first_response_breach',
        );
        if (!step) {
          await repo.updateRequest(tx, row.id, { escalation_due_at: null });
          continue;
        }
        await writeAudit(
          tx,
          { actor: null },
          {
            action: 'support.escalated',
            entityType: 'support_request',
            entityId: row.id,
            unitId: step.next.unitId,
            details: { number: row.number, level: step.next.level, breach: true },
          },
        );
        keys.push(...step.keys);
        moved++;
      }
      return { moved, keys };
    });
    await sendNow(result.keys);
    return result.moved;
  }

  async function merge(context: AuditContext, id: string, intoId: string): Promise<RequestDetail> {
    if (id === intoId) throw invalidField('intoId', 'merge_self');
    return db.transaction().execute(async (tx) => {
      const source = await loadStaff(tx, context.actor, id);
      const target = await loadStaff(tx, context.actor, intoId).catch(() => {
        throw invalidField('intoId', 'not_found');
      });
      if (source.status === 'merged' || target.status === 'merged') throw new AppError('conflict', 'request_closed');
      const now = clock.now();
      await repo.updateRequest(tx, id, {
        status: 'merged',
        merged_into_id: intoId,
        paused_at: null,
        escalation_due_at: null,
        updated_at: now,
      });
      await repo.addMessage(tx, {
        requestId: id,
        kind: 'system',
        fromBusiness: false,
        authorUserId: null,
        authorName: 'Cầu Nối',
        body: `Gộp vào yêu cầu ${target.number}`,
        at: now,
      });
      await repo.addMessage(tx, {
        requestId: intoId,
        kind: 'internal',
        fromBusiness: false,
        authorUserId: null,
        authorName: 'Cầu Nối',
        body: `Yêu cầu trùng ${source.number} đã được gộp vào đây: ${source.subject}\n\n${source.body}`,
        at: now,
      });
      await repo.addEvent(tx, id, now, 'merged', userId(context), { into: intoId });
      await writeAudit(tx, context, {
        action: 'support.merged',
        entityType: 'support_request',
        entityId: id,
        unitId: source.team_unit_id,
        details: { number: source.number, into: target.number },
      });
      return reload(tx, id, context.actor);
    });
  }

  /** A resolved request becomes a draft entry: the question and the answers the business received. */
  async function draftEntry(context: AuditContext, id: string): Promise<{ entryId: string }> {
    return db.transaction().execute(async (tx) => {
      const row = await loadStaff(tx, context.actor, id);
      const existing = await repo.findDraftEntryId(tx, id);
      if (existing) return { entryId: existing };
      const answers = await repo.findPublicAnswers(tx, id);
      if (answers.length === 0) throw new AppError('conflict', 'answer_required');
      const title = row.subject.length >= 10 ? row.subject : `Hỏi: ${row.subject}`;
      const entry = await deps.questions.insertDraft(
        tx,
        context,
        {
          category: row.category as QaCategory,
          tags: [],
          titleVi: title.slice(0, 300),
          bodyVi: answers
            .map((a) => a.body)
            .join('\n\n')
            .slice(0, 20_000),
          titleEn: '',
          bodyEn: '',
          legalBasis: [],
        },
        id,
      );
      await repo.addEvent(tx, id, clock.now(), 'draft_entry_created', userId(context), { entryId: entry.id });
      return { entryId: entry.id };
    });
  }

  async function listCanned(actor: Actor | null) {
    if (!isUser(actor)) throw unauthorized();
    if (!isSupportStaff(actor)) throw forbidden();
    const rows = await repo.findCannedAnswers(db);
    return rows.map((r) => ({ id: r.id, title: r.title, body: r.body, category: r.category as QaCategory | null }));
  }

  async function createCanned(
    context: AuditContext,
    input: { title: string; body: string; category: QaCategory | null },
  ) {
    if (!isUser(context.actor)) throw unauthorized();
    if (!isSupportLead(context.actor)) throw forbidden();
    return db.transaction().execute(async (tx) => {
      const row = await repo.insertCannedAnswer(tx, { ...input, createdByUserId: userId(context) });
      await writeAudit(tx, context, {
        action: 'support.canned_created',
        entityType: 'support_canned_answer',
        entityId: row.id,
      });
      return { id: row.id, title: row.title, body: row.body, category: row.category as QaCategory | null };
    });
  }

  /** Teams a request can be transferred to: any active team (the owning team may sit at another branch). */
  async function listTeams(actor: Actor | null) {
    if (!isSupportStaff(actor)) throw isUser(actor) ? forbidden() : unauthorized();
    const teams = await repo.findActiveTeams(db);
    return teams.map((t) => ({ id: t.id, code: t.code, name: t.name_vi }));
  }

  return {
    assign,
    follow,
    transfer,
    escalate,
    escalateBreaches,
    merge,
    draftEntry,
    listCanned,
    createCanned,
    listTeams,
  };
}
