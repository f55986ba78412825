// Contest queries. The right choice of a question is read here and leaves the
// server only through mapper functions that the service calls after its time.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Db = Kysely<Database>;

export async function findUnit(db: Db, id: string) {
  return db.selectFrom('units').select(['id', 'kind', 'status']).where('id', '=', id).executeTakeFirst();
}

function contestsWithCounts(db: Db) {
  return db
    .selectFrom('contests as c')
    .innerJoin('units as u', 'u.id', 'c.owner_unit_id')
    .selectAll('c')
    .select('u.name_vi as owner_unit_name')
    .select((eb) =>
      eb
        .selectFrom('contest_registrations as r')
        .whereRef('r.contest_id', '=', 'c.id')
        .select((e) => e.fn.countAll<string>().as('n'))
        .as('registrations'),
    );
}
export type ContestRow = NonNullable<Awaited<ReturnType<typeof findContest>>>;

export async function findContest(db: Db, id: string) {
  return contestsWithCounts(db).where('c.id', '=', id).executeTakeFirst();
}

/** Contests of these units (null: every unit), newest first. */
export async function findContests(db: Db, unitIds: readonly string[] | null) {
  let query = contestsWithCounts(db).orderBy('c.created_at', 'desc');
  if (unitIds)
    query = unitIds.length ? query.where('c.owner_unit_id', 'in', unitIds) : query.where(sql<boolean>`false`);
  return query.limit(200).execute();
}

export async function findVisibleContests(db: Db) {
  return contestsWithCounts(db).where('c.status', '!=', 'draft').orderBy('c.created_at', 'desc').limit(200).execute();
}

export async function insertContest(
  db: Db,
  values: {
    owner_unit_id: string;
    title_vi: string;
    title_en: string;
    rules: string;
    prizes: string;
    eligibility: 'all' | 'associations';
    association_ids: string[];
    team_max: number;
    created_by: string;
    now: Date;
  },
) {
  const { now, ...rest } = values;
  const row = await db
    .insertInto('contests')
    .values({ ...rest, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function setContestStatus(
  db: Db,
  id: string,
  from: 'draft' | 'open' | 'finished',
  to: 'draft' | 'open' | 'finished',
  now: Date,
) {
  const result = await db
    .updateTable('contests')
    .set({ status: to, updated_at: now })
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function publishResults(db: Db, id: string, now: Date) {
  const result = await db
    .updateTable('contests')
    .set({ results_published: true, updated_at: now })
    .where('id', '=', id)
    .where('status', '=', 'finished')
    .where('results_published', '=', false)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function findEntry(db: Db, id: string) {
  return db
    .selectFrom('qa_entries')
    .select(['id', 'number', 'category', 'title_vi', 'legal_basis', 'status'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findDocument(db: Db, id: string) {
  return db.selectFrom('legal_documents').select(['id', 'number', 'title']).where('id', '=', id).executeTakeFirst();
}

export async function insertQuestion(
  db: Db,
  values: Omit<Database['contest_questions'], 'id' | 'choices' | 'text_en' | 'explanation' | 'legal_basis'> & {
    choices: string;
    text_en: string;
    explanation: string;
    legal_basis: string;
  },
) {
  return (await db.insertInto('contest_questions').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function findQuestions(db: Db, contestId: string) {
  return db
    .selectFrom('contest_questions as q')
    .leftJoin('qa_entries as e', 'e.id', 'q.source_entry_id')
    .selectAll('q')
    .select('e.number as entry_number')
    .where('q.contest_id', '=', contestId)
    .orderBy('q.created_at')
    .orderBy('q.id')
    .execute();
}
export type QuestionRow = Awaited<ReturnType<typeof findQuestions>>[number];

export async function insertRound(
  db: Db,
  values: Omit<Database['contest_rounds'], 'id' | 'live' | 'topics' | 'difficulties' | 'fixed_question_ids'> & {
    live: boolean;
    topics: string[];
    difficulties: number[];
    fixed_question_ids: string[];
  },
) {
  return (await db.insertInto('contest_rounds').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function findRounds(db: Db, contestId: string) {
  return db.selectFrom('contest_rounds').selectAll().where('contest_id', '=', contestId).orderBy('opens_at').execute();
}
export type RoundRow = Awaited<ReturnType<typeof findRounds>>[number];

export async function findRound(db: Db, id: string) {
  return db.selectFrom('contest_rounds').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Moves a live final to its next question; false when another request moved it first. */
export async function advanceLive(db: Db, roundId: string, from: number | null, to: number, now: Date) {
  const result = await db
    .updateTable('contest_rounds')
    .set({ live_index: to, live_started_at: now })
    .where('id', '=', roundId)
    .where((eb) => (from === null ? eb('live_index', 'is', null) : eb('live_index', '=', from)))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function isAssociationMember(db: Db, enterpriseId: string, associationIds: readonly string[]) {
  if (associationIds.length === 0) return false;
  const row = await db
    .selectFrom('association_members')
    .select('enterprise_id')
    .where('enterprise_id', '=', enterpriseId)
    .where('association_id', 'in', associationIds)
    .executeTakeFirst();
  return !!row;
}

export async function findEnterpriseName(db: Db, id: string) {
  return (await db.selectFrom('enterprises').select('name').where('id', '=', id).executeTakeFirst())?.name ?? '';
}

export async function insertRegistration(
  db: Db,
  values: Omit<Database['contest_registrations'], 'id' | 'members'> & { members: string[] },
) {
  const row = await db
    .insertInto('contest_registrations')
    .values(values)
    .onConflict((oc) => oc.columns(['contest_id', 'user_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function findRegistration(db: Db, contestId: string, userId: string) {
  return db
    .selectFrom('contest_registrations')
    .selectAll()
    .where('contest_id', '=', contestId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export async function findAttemptsOf(db: Db, registrationId: string) {
  return db
    .selectFrom('contest_attempts')
    .select(['id', 'round_id', 'finished_at', 'correct'])
    .where('registration_id', '=', registrationId)
    .execute();
}

export async function insertAttempt(
  db: Db,
  values: { round_id: string; registration_id: string; seed: number; question_ids: string[]; started_at: Date },
) {
  const row = await db
    .insertInto('contest_attempts')
    .values(values)
    .onConflict((oc) => oc.columns(['round_id', 'registration_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function findAttemptByRound(db: Db, roundId: string, registrationId: string) {
  return db
    .selectFrom('contest_attempts')
    .select('id')
    .where('round_id', '=', roundId)
    .where('registration_id', '=', registrationId)
    .executeTakeFirst();
}

/** An attempt with what its checks need: its round, its registration's owner, its contest. */
export async function findAttempt(db: Db, id: string) {
  return db
    .selectFrom('contest_attempts as a')
    .innerJoin('contest_rounds as r', 'r.id', 'a.round_id')
    .innerJoin('contest_registrations as g', 'g.id', 'a.registration_id')
    .innerJoin('contests as c', 'c.id', 'r.contest_id')
    .select([
      'a.id',
      'a.seed',
      'a.question_ids',
      'a.finished_at',
      'a.correct',
      'a.time_ms',
      'a.round_id',
      'g.user_id',
      'r.contest_id',
      'r.kind',
      'r.live',
      'r.opens_at',
      'r.closes_at',
      'r.seconds_per_question',
      'r.live_index',
      'r.live_started_at',
      'c.status as contest_status',
    ])
    .where('a.id', '=', id)
    .executeTakeFirst();
}
export type AttemptRow = NonNullable<Awaited<ReturnType<typeof findAttempt>>>;

export async function findServed(db: Db, attemptId: string) {
  return db
    .selectFrom('contest_answers')
    .select(['question_id', 'position', 'served_at', 'choice', 'correct', 'elapsed_ms'])
    .where('attempt_id', '=', attemptId)
    .orderBy('position')
    .execute();
}

export async function insertServed(db: Db, attemptId: string, questionId: string, position: number, servedAt: Date) {
  await db
    .insertInto('contest_answers')
    .values({ attempt_id: attemptId, question_id: questionId, position, served_at: servedAt })
    .onConflict((oc) => oc.columns(['attempt_id', 'question_id']).doNothing())
    .execute();
}

export async function findQuestion(db: Db, id: string) {
  return db
    .selectFrom('contest_questions')
    .select(['id', 'text_vi', 'text_en', 'choices', 'correct', 'legal_basis'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/**
 * Records an answer to a served, unanswered question and adds it to the
 * attempt's totals, in one statement: two answers racing cannot both count.
 */
export async function recordAnswer(
  db: Db,
  a: { attemptId: string; questionId: string; choice: number; correct: boolean; elapsedMs: number },
) {
  const row = await db
    .updateTable('contest_answers')
    .set({ choice: a.choice, correct: a.correct, elapsed_ms: a.elapsedMs })
    .where('attempt_id', '=', a.attemptId)
    .where('question_id', '=', a.questionId)
    .where('choice', 'is', null)
    .returning('position')
    .executeTakeFirst();
  if (!row) return null;
  await db
    .updateTable('contest_attempts')
    .set((eb) => ({
      correct: eb('correct', '+', a.correct ? 1 : 0),
      answered: eb('answered', '+', 1),
      time_ms: eb('time_ms', '+', a.elapsedMs),
    }))
    .where('id', '=', a.attemptId)
    .execute();
  return row.position;
}

export async function finishAttempt(db: Db, attemptId: string, now: Date) {
  await db
    .updateTable('contest_attempts')
    .set({ finished_at: now })
    .where('id', '=', attemptId)
    .where('finished_at', 'is', null)
    .execute();
}

/** A round's leaderboard: accuracy, then speed. */
export async function findLeaderboard(db: Db, roundId: string, limit: number, fastest = false) {
  let query = db
    .selectFrom('contest_attempts as a')
    .innerJoin('contest_registrations as g', 'g.id', 'a.registration_id')
    .innerJoin('enterprises as e', 'e.id', 'g.enterprise_id')
    .select(['g.display_name', 'g.team_name', 'e.name as enterprise', 'a.correct', 'a.answered', 'a.time_ms'])
    .where('a.round_id', '=', roundId);
  if (fastest)
    query = query
      .where('a.answered', '=', sql<number>`cardinality(a.question_ids)`)
      .orderBy('a.time_ms')
      .orderBy('a.correct', 'desc');
  else query = query.orderBy('a.correct', 'desc').orderBy('a.time_ms');
  return query.orderBy('g.display_name').limit(limit).execute();
}

export async function countRound(db: Db, roundId: string, questionId: string | null) {
  const joined = await db
    .selectFrom('contest_attempts')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('round_id', '=', roundId)
    .executeTakeFirstOrThrow();
  const answered = questionId
    ? await db
        .selectFrom('contest_answers as x')
        .innerJoin('contest_attempts as a', 'a.id', 'x.attempt_id')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('a.round_id', '=', roundId)
        .where('x.question_id', '=', questionId)
        .where('x.choice', 'is not', null)
        .executeTakeFirstOrThrow()
    : { n: '0' };
  return { joined: Number(joined.n), answered: Number(answered.n) };
}

/** Every served question of a contest's attempts, for statistics. */
export async function findScoredAnswers(db: Db, contestId: string) {
  return db
    .selectFrom('contest_answers as x')
    .innerJoin('contest_attempts as a', 'a.id', 'x.attempt_id')
    .innerJoin('contest_rounds as r', 'r.id', 'a.round_id')
    .select(['x.attempt_id', 'x.question_id', 'x.choice', 'x.correct'])
    .where('r.contest_id', '=', contestId)
    .execute();
}

export async function countParticipants(db: Db, contestId: string) {
  const row = await db
    .selectFrom('contest_attempts as a')
    .innerJoin('contest_rounds as r', 'r.id', 'a.round_id')
    .select((eb) => eb.fn.count<string>('a.registration_id').distinct().as('n'))
    .where('r.contest_id', '=', contestId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertReviewTasks(
  db: Db,
  rows: {
    entry_id: string;
    contest_id: string;
    question_id: string;
    share_correct: number;
    answers: number;
    wrong_choice: string | null;
    created_at: Date;
  }[],
) {
  if (rows.length === 0) return 0;
  const result = await db
    .insertInto('qa_review_tasks')
    .values(rows)
    .onConflict((oc) => oc.column('question_id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

export async function findReviewTasks(db: Db) {
  return db
    .selectFrom('qa_review_tasks as t')
    .innerJoin('qa_entries as e', 'e.id', 't.entry_id')
    .innerJoin('contests as c', 'c.id', 't.contest_id')
    .innerJoin('contest_questions as q', 'q.id', 't.question_id')
    .select([
      't.id',
      't.entry_id',
      'e.number as entry_number',
      'e.title_vi as entry_title',
      'c.title_vi as contest_title',
      'q.text_vi as question',
      't.share_correct',
      't.answers',
      't.wrong_choice',
      't.created_at',
    ])
    .where('t.status', '=', 'open')
    .orderBy('t.share_correct')
    .orderBy('t.created_at', 'desc')
    .limit(200)
    .execute();
}

export async function closeReviewTask(db: Db, id: string, userId: string, now: Date) {
  const result = await db
    .updateTable('qa_review_tasks')
    .set({ status: 'done', done_at: now, done_by: userId })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Closes every attempt of a round (a live final that reached its end). */
export async function finishRoundAttempts(db: Db, roundId: string, now: Date) {
  await db
    .updateTable('contest_attempts')
    .set({ finished_at: now })
    .where('round_id', '=', roundId)
    .where('finished_at', 'is', null)
    .execute();
}

export async function findRegistrationForCertificate(db: Db, contestId: string, userId: string) {
  return db
    .selectFrom('contest_registrations as g')
    .innerJoin('enterprises as e', 'e.id', 'g.enterprise_id')
    .select(['g.id', 'g.display_name', 'g.team_name', 'g.members', 'e.name as enterprise'])
    .where('g.contest_id', '=', contestId)
    .where('g.user_id', '=', userId)
    .executeTakeFirst();
}

export async function findBestAttempt(db: Db, registrationId: string) {
  return db
    .selectFrom('contest_attempts as a')
    .innerJoin('contest_rounds as r', 'r.id', 'a.round_id')
    .select(['a.round_id', 'r.name', 'a.correct', 'a.time_ms', sql<number>`cardinality(a.question_ids)`.as('total')])
    .where('a.registration_id', '=', registrationId)
    .orderBy('r.opens_at', 'desc')
    .execute();
}

/** Rank of an attempt in its round (1 = first): those strictly ahead by accuracy then speed, plus one. */
export async function findRank(db: Db, roundId: string, correct: number, timeMs: number) {
  const row = await db
    .selectFrom('contest_attempts')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('round_id', '=', roundId)
    .where((eb) =>
      eb.or([eb('correct', '>', correct), eb.and([eb('correct', '=', correct), eb('time_ms', '<', timeMs)])]),
    )
    .executeTakeFirstOrThrow();
  return Number(row.n) + 1;
}
