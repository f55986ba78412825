// An association passes an open survey on to its members. It sees the open
// surveys that invite some of its members, and forwards each once; the mail goes
// to the members invited and not yet answered, each with its own new link. The
// association is never told which members are invited, how many were reached,
// or who answered: its view is the same before and after any member answers.
import type { Kysely } from 'kysely';
import { SURVEY_FORWARDER_ROLES } from '../../../contracts/roles.ts';
import type { AssociationSurvey, ForwardBody } from '../../../contracts/surveys.ts';
import { vietnamDay } from '../../../contracts/vietnam-time.ts';
import type { Database } from '../../db/schema.ts';
import { hasRole, isUser, type Actor, type UserActor } from '../../lib/actor.ts';
import { writeAudit, type AuditContext } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { randomToken, sha256 } from '../../lib/crypto.ts';
import { queueDeliveries, type Delivery } from '../../lib/deliveries.ts';
import { AppError, forbidden, notFound, unauthorized } from '../../lib/errors.ts';
import { forwardMail } from './mail.ts';
import * as repo from './repository.ts';

type Forwarder = UserActor & { associationId: string };

function requireForwarder(actor: Actor | null): Forwarder {
  if (!isUser(actor)) throw unauthorized();
  if (!hasRole(actor, ...SURVEY_FORWARDER_ROLES) || !actor.associationId) throw forbidden();
  return actor as Forwarder;
}

const toAssociationSurvey = (row: Awaited<ReturnType<typeof repo.findSurveysForAssociation>>[number]) =>
  ({
    id: row.id,
    ownerUnitName: row.owner_unit_name,
    title: { vi: row.title_vi, en: row.title_en },
    closesOn: row.closes_on,
    forwardedAt: row.forwarded_at ? new Date(row.forwarded_at).toISOString() : null,
  }) satisfies AssociationSurvey;

export function createForwardingService(deps: { db: Kysely<Database>; clock: Clock; publicBase: string }) {
  const { db, clock } = deps;

  async function list(actor: Actor | null): Promise<AssociationSurvey[]> {
    const forwarder = requireForwarder(actor);
    return (await repo.findSurveysForAssociation(db, forwarder.associationId)).map(toAssociationSurvey);
  }

  async function forward(context: AuditContext, id: string, body: ForwardBody): Promise<AssociationSurvey> {
    const forwarder = requireForwarder(context.actor);
    const listed = (await repo.findSurveysForAssociation(db, forwarder.associationId)).find((s) => s.id === id);
    if (!listed) {
      // A closed survey that invited members is a conflict; any other is not this association's to see.
      const survey = await repo.findSurvey(db, id);
      if (survey?.status === 'closed') throw new AppError('conflict', 'survey_not_open');
      throw notFound();
    }
    const survey = (await repo.findSurvey(db, id))!;
    const association = await repo.findAssociationName(db, forwarder.associationId);
    if (!association) throw notFound();
    await db.transaction().execute(async (tx) => {
      const now = clock.now();
      const recorded = await repo.insertForward(tx, {
        survey_id: id,
        association_id: forwarder.associationId,
        forwarded_by: forwarder.userId,
        forwarded_at: now,
        message: body.message,
      });
      if (!recorded) throw new AppError('conflict', 'survey_already_forwarded');
      const recipients = await repo.findUnansweredMemberRecipients(tx, id, forwarder.associationId);
      const tokens = new Map(
        [...new Set(recipients.map((r) => r.id))].map((invitationId) => [invitationId, randomToken()]),
      );
      await repo.insertTokens(
        tx,
        [...tokens].map(([invitationId, token]) => ({ token_hash: sha256(token), invitation_id: invitationId })),
      );
      const deliveries: Delivery[] = recipients.map((r) => ({
        key: `survey:${id}:forward:${forwarder.associationId}:${r.id}:${r.email}`,
        to: r.email,
        ...forwardMail(survey, association, body.message, `${deps.publicBase}/khao-sat/${tokens.get(r.id)!}`, r.locale),
        sealed: true,
      }));
      await queueDeliveries(tx, deliveries);
      await writeAudit(tx, context, {
        action: 'survey.forwarded',
        entityType: 'survey',
        entityId: id,
        unitId: survey.owner_unit_id,
        details: { associationId: forwarder.associationId, day: vietnamDay(now) },
      });
    });
    const updated = (await repo.findSurveysForAssociation(db, forwarder.associationId)).find((s) => s.id === id)!;
    return toAssociationSurvey(updated);
  }

  return { list, forward };
}
