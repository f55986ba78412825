// A business answers: from its invitation link (the token is checked, never
// logged) or from its account. The invitation proves who may answer; the stored
// answer does not lead back to it:
// - the answer row holds a random id, the stratum and the business type (result
//   filters), the form version and the answers; no business, invitation, token
//   or time. Nothing returns its id, and no log or audit entry is written;
// - the invitation keeps only "answered" and the Vietnam day (a day, not a time);
// - both are written in one transaction (neither can be lost), and closing the
//   survey writes every answer and every mark again in one transaction, so that
//   even the rows' transaction ids stop pairing them;
// - the unfinished draft belongs to the invitation (it is the business's until
//   sent) and is deleted by the submission.
// One answer per business: the invitation turns "answered" in one conditional
// update; a concurrent or replayed submission waits for its row lock and then
// finds it answered (409).
import type { Kysely } from 'kysely';
import { isUser, speaksForEnterprise } from '../../lib/actor.ts';
import type { Actor } from '../../lib/actor.ts';
import type { AnswerForm, AnswerMap, AnswersBody, SurveyDefinition } from '../../../contracts/surveys.ts';
import { vietnamDay } from '../../../contracts/vietnam-time.ts';
import type { Database } from '../../db/schema.ts';
import type { Clock } from '../../lib/clock.ts';
import { sha256 } from '../../lib/crypto.ts';
import { AppError, notFound, unauthorized } from '../../lib/errors.ts';
import type { Locale } from '../../lib/locale.ts';
import { translate } from '../../lib/messages.ts';
import { draftOf, toMyInvitation } from './mapper.ts';
import { checkAnswers, countItemsOf, textsOf } from './policy.ts';
import * as repo from './repository.ts';
import { RESPONDENTS_ITEM } from './results.ts';

export type InvitationRef = { token: string } | { invitationId: string };

export function createAnsweringService(deps: { db: Kysely<Database>; clock: Clock }) {
  const { db, clock } = deps;

  /** The invitation behind a link (any holder but another business), or one of the signed-in business's own. */
  async function resolve(actor: Actor | null, ref: InvitationRef): Promise<repo.InvitationRow> {
    if ('token' in ref) {
      const invitation = await repo.findInvitationByToken(db, sha256(ref.token));
      if (!invitation) throw notFound();
      if (speaksForEnterprise(actor) && actor.enterpriseId !== invitation.enterprise_id)
        throw new AppError('forbidden', 'survey_token_other_business');
      return invitation;
    }
    if (!isUser(actor)) throw unauthorized();
    if (!speaksForEnterprise(actor)) throw notFound();
    const invitation = await repo.findInvitation(db, ref.invitationId);
    if (!invitation || invitation.enterprise_id !== actor.enterpriseId) throw notFound();
    return invitation;
  }

  async function surveyOf(invitation: repo.InvitationRow) {
    const survey = await repo.findSurvey(db, invitation.survey_id);
    if (!survey || survey.status === 'draft') throw notFound();
    return survey;
  }

  async function myInvitations(actor: Actor | null) {
    if (!isUser(actor)) throw unauthorized();
    if (!speaksForEnterprise(actor)) return [];
    return (await repo.findInvitationsOfEnterprise(db, actor.enterpriseId)).map(toMyInvitation);
  }

  async function getForm(actor: Actor | null, ref: InvitationRef): Promise<AnswerForm> {
    const invitation = await resolve(actor, ref);
    const survey = await surveyOf(invitation);
    const branches = await repo.findBranches(db, invitation.branch_ids);
    const order = new Map(invitation.branch_ids.map((id, i) => [id, i]));
    return {
      surveyId: survey.id,
      invitationId: 'invitationId' in ref ? invitation.id : null,
      title: { vi: survey.title_vi, en: survey.title_en },
      description: { vi: survey.description_vi, en: survey.description_en },
      status: survey.status,
      answered: invitation.answered,
      closesOn: survey.closes_on,
      branches: branches
        .sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0))
        .map((b) => ({ id: b.id, code: b.code, name: b.name_vi })),
      definition: survey.definition as SurveyDefinition,
      draft: invitation.answered ? {} : draftOf(invitation.draft),
    };
  }

  function checkOpen(survey: repo.SurveyRow, invitation: repo.InvitationRow) {
    if (survey.status !== 'open') throw new AppError('conflict', 'survey_not_open');
    if (invitation.answered) throw new AppError('conflict', 'survey_already_answered');
  }

  /** Keeps what is valid of an unfinished answer and names the rest. */
  async function saveDraft(actor: Actor | null, ref: InvitationRef, body: AnswersBody, locale: Locale) {
    const invitation = await resolve(actor, ref);
    const survey = await surveyOf(invitation);
    checkOpen(survey, invitation);
    const { valid, errors } = checkAnswers(
      survey.definition as SurveyDefinition,
      body.answers,
      invitation.branch_ids,
      false,
    );
    if (!(await repo.saveDraft(db, invitation.id, JSON.stringify(valid))))
      throw new AppError('conflict', 'survey_already_answered');
    return {
      saved: Object.keys(valid),
      errors: errors.map((e) => ({ field: e.field, message: translate(e.message, locale) })),
    };
  }

  async function submit(actor: Actor | null, ref: InvitationRef, body: AnswersBody): Promise<{ received: true }> {
    const invitation = await resolve(actor, ref);
    const survey = await surveyOf(invitation);
    checkOpen(survey, invitation);
    const definition = survey.definition as SurveyDefinition;
    const { valid, errors } = checkAnswers(definition, body.answers, invitation.branch_ids, true);
    if (errors.length > 0) throw new AppError('validation_failed', 'validation_failed', errors);
    const businessType = invitation.is_broker ? 'broker' : 'enterprise';
    const counted = [
      { item: RESPONDENTS_ITEM, branch: '', value: '', total: 0 },
      ...countItemsOf(definition, valid),
    ].map((c) => ({
      item: c.item,
      branch_id: c.branch,
      stratum: invitation.stratum,
      business_type: businessType,
      value: c.value,
      total: c.total,
    }));
    await db.transaction().execute(async (tx) => {
      if (!(await repo.freezeForAnswer(tx, survey.id, survey.version)))
        throw new AppError('conflict', 'survey_not_open');
      if (!(await repo.markAnswered(tx, invitation.id, vietnamDay(clock.now()))))
        throw new AppError('conflict', 'survey_already_answered');
      await repo.insertResponse(tx, {
        survey_id: survey.id,
        version: survey.version,
        stratum: invitation.stratum,
        business_type: businessType,
        answers: JSON.stringify(valid satisfies AnswerMap),
      });
      await repo.addCounts(tx, survey.id, counted);
      await repo.insertTexts(tx, survey.id, textsOf(definition, valid));
    });
    return { received: true };
  }

  return { myInvitations, getForm, saveDraft, submit };
}
