// The business's assessment of one declaration: validated against who took
// part, stored with its ratings, queued for the roll-ups, and every flag opened
// as a case, all in one transaction.
import type { Kysely } from 'kysely';
import { EDIT_WINDOW_DAYS, type AssessmentInput, type FlagKind } from '../../../contracts/assessments.ts';
import type { Database } from '../../db/schema.ts';
import { isUser, requireScope, type Actor } from '../../lib/actor.ts';
import type { AuditContext } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { randomToken } from '../../lib/crypto.ts';
import { AppError, invalidField, notFound } from '../../lib/errors.ts';
import { createBatcher } from '../../lib/batcher.ts';
import { getUnitPaths, type UnitLink } from '../../lib/org.ts';
import { endOfVietnamDay, vietnamDay } from '../../../contracts/vietnam-time.ts';
import * as declarations from '../declarations/repository.ts';
import { linkReader } from './access.ts';
import { participantsOf, type Participant } from './participants.ts';
import { canRateAsUser, routeFlag } from './policy.ts';
import { toAssessmentView } from './mapper.ts';
import * as repo from './repository.ts';

/**
 * How a rating is reached: by the integration API, by the link (with the grant
 * a verified one-time code gave this browser, if any), or by the business
 * signed in to the app.
 */
export type RatingAccess =
  | { via: 'api'; number: string }
  | { via: 'link'; token: string; grant?: string | undefined }
  | { via: 'app'; number: string };

/** Who reads a sent rating: the business signed in, or a browser holding a verified code's grant. Nobody else. */
export type RatingReader = 'business' | 'code';

export function createAssessmentService(deps: { db: Kysely<Database>; clock: Clock }) {
  const { db, clock } = deps;
  // Unflagged submissions (nearly all) share round trips under load: one read of
  // the declarations, one statement (one commit) storing the assessments.
  const declarationReads = createBatcher<string, declarations.RatingDeclaration | undefined>(async (numbers) => {
    const rows = await declarations.findDeclarationsForRating(db, [...new Set(numbers)]);
    const byNumber = new Map(rows.map((row) => [row.number, row]));
    return numbers.map((n) => byNumber.get(n));
  });
  const assessmentWrites = createBatcher<repo.NewAssessment, repo.CreatedAssessment | undefined>((items) =>
    repo.insertNewAssessments(db, items, { details: false }),
  );

  async function resolveDeclaration(tx: Kysely<Database>, actor: Actor | null, access: RatingAccess, batched = false) {
    if (access.via === 'api') requireScope(actor, 'assessments:write');
    const view =
      batched && access.via !== 'link'
        ? await declarationReads.run(access.number)
        : await declarations.findDeclarationForRating(
            tx,
            access.via === 'link' ? { token: access.token } : { number: access.number },
          );
    if (!view) throw access.via === 'link' ? new AppError('not_found', 'invalid_rating_link') : notFound();
    if (access.via === 'app' && !canRateAsUser(actor, view)) {
      if (!isUser(actor)) throw new AppError('unauthorized');
      throw notFound(); // others' declarations do not exist for this user
    }
    return { row: view, view, participants: participantsOf(view, view.steps) };
  }

  /**
   * Who may read or amend the rating behind a link: the business signed in, or
   * a browser holding the grant of a code mailed to the business. The link
   * alone shows the declaration and lets the first rating through, nothing more.
   */
  async function readerOf(
    tx: Kysely<Database>,
    actor: Actor | null,
    declaration: declarations.RatingDeclaration,
    access: RatingAccess,
  ): Promise<RatingReader | null> {
    if (access.via === 'app') return 'business'; // resolveDeclaration let only the business through
    if (access.via === 'api') return null;
    return linkReader(tx, clock.now(), actor, declaration, access.grant);
  }

  function matchSubjects(input: AssessmentInput, participants: Participant[]) {
    const seen = new Set<string>();
    return input.subjects.map((subject, index) => {
      const participant = participants.find(
        (p) => p.kind === subject.kind && p.ref.toLowerCase() === subject.ref.toLowerCase(),
      );
      if (!participant) throw invalidField(`subjects.${index}.ref`, 'subject_not_in_declaration');
      const key = `${participant.kind}:${participant.ref}`;
      if (seen.has(key)) throw invalidField(`subjects.${index}.ref`, 'duplicate_subject');
      seen.add(key);
      return {
        participant,
        rating: {
          subjectKind: participant.kind,
          subjectRef: participant.ref,
          unitId: participant.unitId,
          officerId: participant.officerId,
          stars: subject.stars,
          reason: subject.reason?.length ? subject.reason : null,
          flags: [...new Set(subject.flags ?? [])],
        } satisfies repo.RatingValues,
      };
    });
  }

  function chainsFor(tx: Kysely<Database>, unitIds: string[]) {
    return getUnitPaths(tx, unitIds);
  }

  /**
   * A case per newly flagged subject, due at the end of a Vietnam day (so no
   * deadline, and no escalation, tells the minute the rating arrived). Counted
   * toward the office's daily audit summary, never audited on its own.
   */
  async function openCases(
    tx: Kysely<Database>,
    officeUnitId: string,
    assessmentId: number,
    inserted: {
      id: number;
      subject_kind: repo.RatingValues['subjectKind'];
      unit_id: string;
      officer_id: string | null;
      flags: string[];
    }[],
    chains: Map<string, UnitLink[]>,
    existing: { subject_kind: string; subject_unit_id: string; subject_officer_id: string | null }[],
  ) {
    const now = clock.now();
    const opened: repo.RatingActivity[] = [];
    for (const rating of inserted) {
      if (rating.flags.length === 0) continue;
      if (
        existing.some(
          (c) =>
            c.subject_kind === rating.subject_kind &&
            c.subject_unit_id === rating.unit_id &&
            c.subject_officer_id === rating.officer_id,
        )
      )
        continue;
      const route = routeFlag(rating.flags as FlagKind[], rating.subject_kind, chains.get(rating.unit_id) ?? []);
      if (!route) continue;
      const number = `PA${vietnamDay(now).slice(0, 7).replace('-', '')}-${randomToken(4)
        .toUpperCase()
        .replace(/[^A-Z0-9]/g, 'X')}`;
      await repo.insertFlagCase(tx, {
        number,
        assessmentId,
        ratingId: rating.id,
        kinds: rating.flags,
        subjectKind: rating.subject_kind,
        unitId: rating.unit_id,
        officerId: rating.officer_id,
        handlerUnitId: route.unitId,
        handlerRole: route.role,
        openedAt: now,
        dueAt: endOfVietnamDay(vietnamDay(new Date(now.getTime() + route.days * 86_400_000))),
      });
      opened.push({ day: vietnamDay(now), officeUnitId, kind: 'case_opened', caseNumber: number });
    }
    await repo.countRatingActivity(tx, opened);
  }

  /**
   * Two round trips when nothing is flagged, shared with the submissions made at
   * the same time: read the declarations and their participants, then one
   * statement that stores the assessments, their ratings, their roll-up queue
   * rows and their counts toward the daily audit summary atomically. Flags open cases (routed in code), so a
   * flagged submission runs alone in a transaction instead.
   */
  async function submitAssessment(context: AuditContext, access: RatingAccess, input: AssessmentInput) {
    const flagged = input.subjects.some((s) => s.flags?.length);
    const work = async (tx: Kysely<Database>) => {
      const { row, view, participants } = await resolveDeclaration(tx, context.actor, access, !flagged);
      const matched = matchSubjects(input, participants);
      if (row.assessment_id !== null) throw new AppError('already_assessed');
      const now = clock.now();
      const ratings = matched.map((m) => m.rating);
      const values: repo.NewAssessment = {
        declarationId: row.id,
        enterpriseId: row.enterprise_id,
        userId: isUser(context.actor) ? context.actor.userId : null,
        apiClientId: context.actor?.kind === 'api' ? context.actor.clientId : null,
        via: access.via,
        comment: input.comment?.length ? input.comment : null,
        now,
        editableUntil: new Date(now.getTime() + EDIT_WINDOW_DAYS * 86_400_000),
        day: vietnamDay(now),
        channel: view.channel,
        typeCode: view.type_code,
        ratings,
        officeUnitId: row.office_unit_id,
      };
      const created = flagged ? await repo.insertNewAssessment(tx, values) : await assessmentWrites.run(values);
      if (!created) throw new AppError('already_assessed');
      if (!flagged) return toAssessmentView(row.number, created, ratings, participants, []);
      await openCases(tx, row.office_unit_id, created.id, created.ratings, created.chains, []);
      return toAssessmentView(
        row.number,
        created,
        ratings,
        participants,
        await repo.findCasesForAssessment(tx, created.id),
      );
    };
    return flagged ? db.transaction().execute(work) : work(db);
  }

  async function amendAssessment(context: AuditContext, access: RatingAccess, input: AssessmentInput) {
    return db.transaction().execute(async (tx) => {
      const { row, participants } = await resolveDeclaration(tx, context.actor, access);
      if (access.via === 'link' && !(await readerOf(tx, context.actor, row, access)))
        throw new AppError('unauthorized', 'rating_access_required');
      const existing = await repo.lockAssessmentByDeclaration(tx, row.id);
      if (!existing) throw new AppError('not_found', 'not_assessed');
      // An integration client amends what it sent, never what the business sent by other means.
      if (context.actor?.kind === 'api' && existing.submitted_api_client_id !== context.actor.clientId)
        throw new AppError('forbidden', 'amend_own_assessment_only');
      const now = clock.now();
      if (now.getTime() > existing.editable_until.getTime()) throw new AppError('edit_window_closed');
      const matched = matchSubjects(input, participants);
      const before = await repo.findRatings(tx, existing.id);
      const ratings = matched.map((m) => m.rating);
      const chains = await chainsFor(tx, [...before.map((r) => r.unit_id), ...ratings.map((r) => r.unitId)]);
      await repo.deleteRatings(tx, existing.id);
      const inserted = await repo.insertRatings(tx, existing.id, ratings);
      await repo.relinkCases(tx, existing.id, inserted);
      await repo.updateAssessment(tx, existing.id, { comment: input.comment?.length ? input.comment : null, now });
      await openCases(
        tx,
        row.office_unit_id,
        existing.id,
        inserted,
        chains,
        await repo.findCasesForAssessment(tx, existing.id),
      );
      await repo.countRatingActivity(tx, [
        { day: vietnamDay(now), officeUnitId: row.office_unit_id, kind: 'amended', via: access.via },
      ]);
      return requireView(tx, row.id, participants);
    });
  }

  async function requireView(tx: Kysely<Database>, declarationId: number, participants: Participant[]) {
    const view = await getView(tx, declarationId, participants);
    if (!view) throw new AppError('not_found', 'not_assessed');
    return view;
  }

  async function getView(tx: Kysely<Database>, declarationId: number, participants: Participant[]) {
    const assessment = await repo.findAssessmentByDeclaration(tx, declarationId);
    if (!assessment) return null;
    const [ratings, cases, number] = await Promise.all([
      repo.findRatings(tx, assessment.id),
      repo.findCasesForAssessment(tx, assessment.id),
      repo.findDeclarationNumber(tx, declarationId),
    ]);
    const values = ratings.map((r) => ({
      subjectKind: r.subject_kind,
      subjectRef: r.subject_ref,
      unitId: r.unit_id,
      officerId: r.officer_id,
      stars: r.stars,
      reason: r.reason,
      flags: r.flags,
    }));
    return toAssessmentView(number, assessment, values, participants, cases);
  }

  /**
   * What the rating page shows: the declaration, its participants, whether it
   * was rated, and what was sent only to the business (signed in, or with a
   * verified code). Records nothing.
   */
  async function getRatingPage(actor: Actor | null, access: RatingAccess) {
    const { row, view, participants } = await resolveDeclaration(db, actor, access);
    const reader = await readerOf(db, actor, row, access);
    return {
      declaration: {
        number: view.number,
        typeCode: view.type_code,
        channel: view.channel,
        officeName: view.office_name_vi,
        officeNameEn: view.office_name_en,
        registeredAt: view.registered_at.toISOString(),
        enterpriseName: view.enterprise_name,
      },
      participants: participants.map(({ kind, ref, label }) => ({ kind, ref, label })),
      assessed: row.assessment_id !== null,
      viewer: reader ?? ('link' as const),
      assessment: reader ? await getView(db, row.id, participants) : null,
    };
  }

  return { submitAssessment, amendAssessment, getRatingPage };
}
