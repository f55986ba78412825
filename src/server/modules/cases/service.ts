// Flag cases: verified by the level above the flagged subject, concluded with
// a finding, escalated when overdue, reported back to the business.
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { CaseView, findingBody } from '../../../contracts/cases.ts';
import type { Database } from '../../db/schema.ts';
import { isUser, type Actor } from '../../lib/actor.ts';
import { SYSTEM_CONTEXT, writeAudit, type AuditContext } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError, forbidden, invalidField, notFound, unauthorized } from '../../lib/errors.ts';
import { queueDeliveries } from '../../lib/deliveries.ts';
import { getUnitAncestries, getUnitAncestry, resolveScopeUnitIds } from '../../lib/org.ts';
import { unitScopeOf } from '../../lib/scope.ts';
import { endOfVietnamDay, vietnamDay } from '../../../contracts/vietnam-time.ts';
import { linkReader } from '../assessments/access.ts';
import { escalationOf } from '../assessments/policy.ts';
import { countRatingActivity } from '../assessments/repository.ts';
import { findDeclarationByToken } from '../declarations/repository.ts';
import { canHandleCase, canSeeRaterIdentity } from './policy.ts';
import { toCaseView } from './mapper.ts';
import * as repo from './repository.ts';
import { outcomeMail } from './mail.ts';
import { CASE_HANDLER_ROLES } from '../../../contracts/roles.ts';
import type { Role } from '../../../contracts/common.ts';

const ESCALATION_DAYS = 3;

export function createCaseService(deps: { db: Kysely<Database>; clock: Clock; publicBase: string }) {
  const { db, clock } = deps;

  async function toView(
    tx: Kysely<Database>,
    row: repo.CaseRow,
    actor: Actor | null,
    ancestry: string[],
  ): Promise<CaseView> {
    return toCaseView(row, await repo.findEvents(tx, row.id), {
      canRevealIdentity: canSeeRaterIdentity(actor, row, ancestry),
      now: clock.now(),
    });
  }

  async function loadForHandler(tx: Kysely<Database>, actor: Actor | null, id: string) {
    if (!isUser(actor)) throw unauthorized(); // sign in first; only then does a case outside one's remit not exist
    const row = await repo.findCase(tx, id);
    if (!row) throw notFound();
    const ancestry = await getUnitAncestry(tx, row.handler_unit_id);
    if (!canHandleCase(actor, row, ancestry)) throw notFound(); // a case outside one's remit does not exist for them
    return { row, ancestry };
  }

  async function listCases(actor: Actor | null, query: { status?: string | undefined; limit: number; offset: number }) {
    if (!isUser(actor)) throw unauthorized();
    const roles = actor.roles.map((r) => r.role).filter((r) => (CASE_HANDLER_ROLES as readonly Role[]).includes(r));
    if (roles.length === 0) throw forbidden();
    const handlerRoles = roles.includes('gd_staff') ? [...CASE_HANDLER_ROLES] : roles;
    const unitIds = await resolveScopeUnitIds(db, unitScopeOf(actor, roles));
    const rows = await repo.findCases(db, {
      handlerUnitIds: unitIds,
      roles: handlerRoles,
      excludeOfficerId: actor.officerId,
      ...query,
    });
    const views: CaseView[] = [];
    const ancestries = await getUnitAncestries(
      db,
      rows.map((row) => row.handler_unit_id),
    );
    for (const row of rows) views.push(await toView(db, row, actor, ancestries.get(row.handler_unit_id) ?? []));
    return views;
  }

  async function getCase(actor: Actor | null, id: string) {
    const { row, ancestry } = await loadForHandler(db, actor, id);
    return toView(db, row, actor, ancestry);
  }

  async function revealIdentity(context: AuditContext, id: string) {
    const row = await repo.findCase(db, id);
    if (!row) throw notFound();
    const ancestry = await getUnitAncestry(db, row.handler_unit_id);
    if (!canSeeRaterIdentity(context.actor, row, ancestry)) throw forbidden();
    return db.transaction().execute(async (tx) => {
      const identity = await repo.findIdentity(tx, row.assessment_id);
      await writeAudit(tx, context, {
        action: 'case.identity_viewed',
        entityType: 'flag_case',
        entityId: id,
        unitId: row.handler_unit_id,
        details: { number: row.number },
      });
      await repo.addEvent(tx, id, 'identity_viewed', clock.now(), isUser(context.actor) ? context.actor.userId : null);
      return {
        declarationNumber: identity.number,
        enterprise: { taxCode: identity.tax_code, name: identity.name },
        declarant: identity.declarant_tax_code
          ? { taxCode: identity.declarant_tax_code, name: identity.declarant_name ?? '' }
          : null,
      };
    });
  }

  async function startReview(context: AuditContext, id: string) {
    return db.transaction().execute(async (tx) => {
      const { row, ancestry } = await loadForHandler(tx, context.actor, id);
      if (row.status === 'resolved') throw new AppError('conflict', 'case_resolved');
      if (row.status === 'open') {
        await repo.setCaseStatus(tx, id, 'in_review');
        await repo.addEvent(tx, id, 'review_started', clock.now(), isUser(context.actor) ? context.actor.userId : null);
        await writeAudit(tx, context, {
          action: 'case.review_started',
          entityType: 'flag_case',
          entityId: id,
          unitId: row.handler_unit_id,
        });
      }
      return toView(tx, (await repo.findCase(tx, id))!, context.actor, ancestry);
    });
  }

  async function recordFinding(context: AuditContext, id: string, input: z.infer<typeof findingBody>) {
    if (!isUser(context.actor)) throw unauthorized();
    const actorId = context.actor.userId;
    return db.transaction().execute(async (tx) => {
      const { row, ancestry } = await loadForHandler(tx, context.actor, id);
      if (row.status === 'resolved') throw new AppError('conflict', 'case_resolved');
      if (input.substantiated && !input.responsibleUnitId && !input.responsibleOfficerId)
        throw invalidField('responsibleUnitId', 'responsible_required');
      if (input.responsibleUnitId && !(await repo.unitExists(tx, input.responsibleUnitId)))
        throw invalidField('responsibleUnitId', 'not_found');
      if (input.responsibleOfficerId && !(await repo.officerExists(tx, input.responsibleOfficerId)))
        throw invalidField('responsibleOfficerId', 'not_found');
      const now = clock.now();
      await repo.resolveCase(tx, id, { ...input, resolvedBy: actorId, now });
      await repo.addEvent(tx, id, 'finding_recorded', now, actorId, { substantiated: input.substantiated });
      await writeAudit(tx, context, {
        action: 'case.finding_recorded',
        entityType: 'flag_case',
        entityId: id,
        unitId: row.handler_unit_id,
        details: {
          number: row.number,
          substantiated: input.substantiated,
          responsibleUnitId: input.responsibleUnitId,
          responsibleOfficerId: input.responsibleOfficerId,
          measure: input.measure,
        },
      });
      // The business is told the outcome by sealed mail, queued with the finding: it names the business, so it never enters the outbox.
      const identity = await repo.findIdentity(tx, row.assessment_id);
      const recipients = await repo.findEnterpriseEmails(tx, identity.enterprise_id);
      await queueDeliveries(
        tx,
        recipients.map((recipient) => ({
          key: `case-outcome:${id}:${recipient.email}`,
          sealed: true,
          ...outcomeMail({
            to: recipient.email,
            locale: recipient.locale,
            caseNumber: row.number,
            declarationNumber: identity.number,
            substantiated: input.substantiated,
            measure: input.measure,
            link: `${deps.publicBase}/danh-gia/${identity.rating_token}`,
          }),
        })),
      );
      return toView(tx, (await repo.findCase(tx, id))!, context.actor, ancestry);
    });
  }

  /**
   * The business rates how its flag was handled, from its declaration link:
   * only the business (signed in, or with a verified code's grant), like any
   * read of its rating. Counted toward the office's daily audit summary; the
   * value is not repeated in the case's events.
   */
  async function rateHandling(
    context: AuditContext,
    access: { token: string; grant?: string | undefined },
    caseNumber: string,
    input: { stars: number; comment?: string | undefined },
  ) {
    return db.transaction().execute(async (tx) => {
      const declaration = await findDeclarationByToken(tx, access.token);
      if (!declaration) throw new AppError('not_found', 'invalid_rating_link');
      const now = clock.now();
      if (!(await linkReader(tx, now, context.actor, declaration, access.grant)))
        throw new AppError('unauthorized', 'rating_access_required');
      const kase = await repo.findCaseOfDeclaration(tx, declaration.id, caseNumber);
      if (!kase) throw notFound();
      if (kase.status !== 'resolved') throw new AppError('conflict', 'validation_failed');
      await repo.setHandlingRating(tx, kase.id, input.stars, input.comment ?? null);
      await repo.addEvent(tx, kase.id, 'handling_rated', now, null);
      await countRatingActivity(tx, [
        { day: vietnamDay(now), officeUnitId: declaration.office_unit_id, kind: 'handling_rated' },
      ]);
      return { ok: true as const };
    });
  }

  /** Moves every overdue case one level up. Safe to run from several processes. */
  async function escalateOverdue(): Promise<number> {
    return db.transaction().execute(async (tx) => {
      const now = clock.now();
      const overdue = await repo.findOverdue(tx, now, 500);
      let moved = 0;
      for (const kase of overdue) {
        const next = escalationOf({
          unitKind: kase.handler_kind,
          parentId: kase.parent_id,
          parentKind: kase.parent_kind,
        });
        if (!next) continue;
        // Due, like a new case, at the end of a Vietnam day.
        await repo.escalateCase(tx, kase.id, {
          unitId: next.unitId,
          role: next.role,
          level: kase.escalation_level + 1,
          dueAt: endOfVietnamDay(vietnamDay(new Date(now.getTime() + ESCALATION_DAYS * 86_400_000))),
        });
        await repo.addEvent(tx, kase.id, 'escalated', now, null, {
          from: kase.handler_unit_id,
          to: next.unitId,
          role: next.role,
        });
        await writeAudit(tx, SYSTEM_CONTEXT, {
          action: 'case.escalated',
          entityType: 'flag_case',
          entityId: kase.id,
          unitId: next.unitId,
          details: { number: kase.number, fromRole: kase.handler_role, toRole: next.role },
        });
        moved++;
      }
      return moved;
    });
  }

  return { listCases, getCase, revealIdentity, startReview, recordFinding, rateHandling, escalateOverdue };
}
