// The "Understanding Customs Laws" contest of Hải Phòng Customs (department 03):
// a finished 2026 contest drawn from the question bank (an online round taken by
// a few hundred participants recorded from the paper-and-web contest, and a live
// final of the best ten), its results published with the review tasks its
// most-missed questions handed to the bank; and a 2027 contest whose online round
// is open now for the demo business to take. Sets, shuffles and statistics go
// through the module's own rules (drawSet, questionStatistics).
import type { Kysely } from 'kysely';
import type { Database } from '../../src/server/db/schema.ts';
import { drawSet, questionStatistics } from '../../src/server/modules/contests/policy.ts';
import { Rng } from './random.ts';

const DAY = 86_400_000;
const PARTICIPANTS = 320;
const FINALISTS = 10;

interface Entry {
  id: string;
  category: string;
  title_vi: string;
  body_vi: string;
  legal_basis: unknown;
}

const firstSentence = (text: string) => {
  const sentence = text.split(/(?<=[.!?])\s/)[0] ?? text;
  return sentence.length > 160 ? `${sentence.slice(0, 157)}…` : sentence;
};
const legalText = (items: unknown) =>
  Array.isArray(items)
    ? items
        .map((i: { document?: string; article?: string }) => [i.article, i.document].filter(Boolean).join(', '))
        .join('; ')
    : '';

async function insertQuestions(db: Kysely<Database>, contestId: string, entries: Entry[], rng: Rng, now: Date) {
  const rows = entries.map((entry, index) => {
    const others = entries.filter((e) => e.id !== entry.id && e.body_vi !== entry.body_vi);
    const wrong = [0, 1, 2].map((k) => firstSentence(others[(index * 7 + k * 11) % others.length]!.body_vi));
    const choices = [firstSentence(entry.body_vi), ...wrong];
    const correct = rng.int(0, 3);
    [choices[0], choices[correct]] = [choices[correct]!, choices[0]!];
    return {
      contest_id: contestId,
      topic: entry.category,
      difficulty: (index % 3) + 1,
      text_vi: entry.title_vi,
      text_en: '',
      choices: JSON.stringify(choices),
      correct,
      explanation: '',
      legal_basis: legalText(entry.legal_basis),
      source_entry_id: entry.id,
      source_document_id: null,
      created_at: now,
    };
  });
  return db
    .insertInto('contest_questions')
    .values(rows)
    .returning(['id', 'topic', 'difficulty', 'correct', 'choices', 'source_entry_id'])
    .execute();
}

export async function seedContests(db: Kysely<Database>, options: { unitIds: Map<string, string>; now: Date }) {
  const rng = new Rng('contests');
  const owner = options.unitIds.get('03')!;
  const entries = (await db
    .selectFrom('qa_entries')
    .select(['id', 'category', 'title_vi', 'body_vi', 'legal_basis'])
    .where('status', '=', 'published')
    .orderBy('number')
    .limit(60)
    .execute()) as Entry[];
  if (entries.length < 40) return { participants: 0, reviewTasks: 0 };
  const firms = await db
    .selectFrom('enterprises')
    .select(['id', 'name'])
    .where('is_broker', '=', false)
    .orderBy('tax_code')
    .limit(PARTICIPANTS)
    .execute();
  const contestAt = new Date(options.now.getTime() - 40 * DAY);

  // ---- The finished 2026 contest ---------------------------------------------------------
  const finished = await db
    .insertInto('contests')
    .values({
      owner_unit_id: owner,
      title_vi: 'Cuộc thi "Tìm hiểu pháp luật hải quan" năm 2026',
      title_en: 'Understanding Customs Laws contest 2026',
      rules:
        'Vòng sơ khảo trực tuyến: 10 câu hỏi rút ngẫu nhiên từ ngân hàng câu hỏi, mỗi câu 20 giây, mỗi thí sinh làm một lần. Mười thí sinh cao điểm nhất vào chung kết trực tiếp tại hội trường.',
      prizes: 'Một giải Nhất, hai giải Nhì, ba giải Ba và giấy chứng nhận cho mọi thí sinh hoàn thành vòng sơ khảo.',
      eligibility: 'all',
      team_max: 3,
      status: 'finished',
      results_published: true,
      created_by: null,
      created_at: contestAt,
      updated_at: options.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const questions = await insertQuestions(db, finished.id, entries.slice(0, 30), rng, contestAt);
  // Three questions whose bank answer reads ambiguously: most pick the same wrong choice.
  const confusing = new Set(questions.filter((_, i) => i % 10 === 4).map((q) => q.id));
  const online = await db
    .insertInto('contest_rounds')
    .values({
      contest_id: finished.id,
      kind: 'online',
      name: 'Vòng sơ khảo trực tuyến',
      opens_at: contestAt,
      closes_at: new Date(contestAt.getTime() + 14 * DAY),
      live: false,
      question_count: 10,
      seconds_per_question: 20,
      topics: [],
      difficulties: [],
      fixed_question_ids: [],
      created_at: contestAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const finalAt = new Date(contestAt.getTime() + 20 * DAY);
  const finalSet = drawSet(questions, 10, 2026);
  const final = await db
    .insertInto('contest_rounds')
    .values({
      contest_id: finished.id,
      kind: 'final',
      name: 'Chung kết trực tiếp',
      opens_at: finalAt,
      closes_at: new Date(finalAt.getTime() + 3 * 3_600_000),
      live: true,
      question_count: 10,
      seconds_per_question: 15,
      topics: [],
      difficulties: [],
      fixed_question_ids: finalSet,
      live_index: 10,
      live_started_at: new Date(finalAt.getTime() + 3_600_000),
      created_at: contestAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const registrations = await db
    .insertInto('contest_registrations')
    .values(
      firms.map((firm, i) => ({
        contest_id: finished.id,
        user_id: null,
        enterprise_id: firm.id,
        display_name: `Thí sinh ${String(i + 1).padStart(3, '0')}`,
        team_name: i % 9 === 0 ? `Đội ${firm.name.replace(/^Công ty (TNHH|CP|Cổ phần)\s*/i, '').slice(0, 40)}` : null,
        members: i % 9 === 0 ? [`Thí sinh ${String(i + 1).padStart(3, '0')}`, 'Thành viên 2', 'Thành viên 3'] : [],
        registered_at: new Date(contestAt.getTime() + rng.int(0, 6) * DAY),
      })),
    )
    .returning('id')
    .execute();
  const byId = new Map(questions.map((q) => [q.id, q]));

  /** Every person's attempt at a round, inserted in a few statements. */
  async function play(
    roundId: string,
    people: { id: string; ability: number }[],
    sets: (seed: number) => string[],
    seconds: number,
    start: Date,
  ) {
    const attempts = people.map((person) => {
      const seed = rng.int(1, 2 ** 30);
      const ids = sets(seed);
      const answers = ids.map((questionId, position) => {
        const q = byId.get(questionId)!;
        const hard = confusing.has(questionId) ? 2.2 : q.difficulty * 0.6 - 0.6;
        const right = rng.next() < 1 / (1 + Math.exp(-(person.ability - hard)));
        const wrongChoice =
          confusing.has(questionId) && rng.next() < 0.8 ? (q.correct + 1) % 4 : (q.correct + rng.int(1, 3)) % 4;
        return {
          question_id: questionId,
          position,
          served_at: new Date(start.getTime() + position * seconds * 1000),
          choice: right ? q.correct : wrongChoice,
          correct: right,
          elapsed_ms: rng.int(2500, seconds * 1000 - 500),
        };
      });
      return { person, seed, ids, answers, correct: answers.filter((a) => a.correct).length };
    });
    const inserted = await db
      .insertInto('contest_attempts')
      .values(
        attempts.map((a) => ({
          round_id: roundId,
          registration_id: a.person.id,
          seed: a.seed,
          question_ids: a.ids,
          started_at: start,
          finished_at: new Date(start.getTime() + a.ids.length * seconds * 1000),
          correct: a.correct,
          answered: a.ids.length,
          time_ms: a.answers.reduce((sum, x) => sum + x.elapsed_ms, 0),
        })),
      )
      .returning(['id', 'registration_id'])
      .execute();
    const attemptOf = new Map(inserted.map((row) => [row.registration_id, row.id]));
    const rows = attempts.flatMap((a) => a.answers.map((x) => ({ ...x, attempt_id: attemptOf.get(a.person.id)! })));
    for (let k = 0; k < rows.length; k += 1000)
      await db
        .insertInto('contest_answers')
        .values(rows.slice(k, k + 1000))
        .execute();
    return attempts.map((a) => ({ id: a.person.id, correct: a.correct }));
  }

  const people = registrations.map((r) => ({ id: r.id, ability: rng.normal() * 1.1 + 0.6 }));
  const scores = await play(
    online.id,
    people,
    (seed) => drawSet(questions, 10, seed),
    20,
    new Date(contestAt.getTime() + DAY),
  );
  const ability = new Map(people.map((p) => [p.id, p.ability]));
  const finalists = [...scores]
    .sort((a, b) => b.correct - a.correct)
    .slice(0, FINALISTS)
    .map((s) => ({ id: s.id, ability: ability.get(s.id)! + 0.3 }));
  await play(final.id, finalists, () => finalSet, 15, new Date(finalAt.getTime() + 3_600_000));

  // Publishing: the most-missed bank questions become review tasks, as the module does.
  const stats = questionStatistics(
    (
      await db
        .selectFrom('contest_answers as x')
        .innerJoin('contest_attempts as a', 'a.id', 'x.attempt_id')
        .select(['x.attempt_id', 'x.question_id', 'x.choice', 'x.correct'])
        .where('a.round_id', '=', online.id)
        .execute()
    ).map((a) => ({
      attemptId: a.attempt_id,
      questionId: a.question_id,
      choice: a.choice,
      correct: a.correct === true,
    })),
  );
  const tasks = stats.flatMap((s) => {
    const q = questions.find((x) => x.id === s.questionId)!;
    const choices = q.choices;
    if (!q.source_entry_id || s.shareCorrect === null || s.shareCorrect >= 0.5 || s.answers < 5) return [];
    return [
      {
        entry_id: q.source_entry_id,
        contest_id: finished.id,
        question_id: q.id,
        share_correct: s.shareCorrect,
        answers: s.answers,
        wrong_choice: s.mostPickedWrong ? (choices[s.mostPickedWrong.choice] ?? null) : null,
        created_at: finalAt,
      },
    ];
  });
  if (tasks.length) await db.insertInto('qa_review_tasks').values(tasks).execute();

  // ---- The 2027 contest, its online round open now --------------------------------------
  const openedAt = new Date(options.now.getTime() - 2 * DAY);
  const open = await db
    .insertInto('contests')
    .values({
      owner_unit_id: owner,
      title_vi: 'Cuộc thi "Tìm hiểu pháp luật hải quan" năm 2027',
      title_en: 'Understanding Customs Laws contest 2027',
      rules:
        'Vòng trực tuyến: 5 câu hỏi, mỗi câu 30 giây, một lần làm bài. Chung kết trực tiếp tại hội trường Cục Hải quan Hải Phòng.',
      prizes: 'Giải Nhất, Nhì, Ba cho cá nhân và đội; giấy chứng nhận cho mọi thí sinh.',
      eligibility: 'all',
      team_max: 3,
      status: 'open',
      results_published: false,
      created_by: null,
      created_at: openedAt,
      updated_at: openedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const openQuestions = await insertQuestions(db, open.id, entries.slice(30, 50), rng, openedAt);
  await db
    .insertInto('contest_rounds')
    .values([
      {
        contest_id: open.id,
        kind: 'online',
        name: 'Vòng trực tuyến',
        opens_at: openedAt,
        closes_at: new Date(options.now.getTime() + 400 * DAY),
        live: false,
        question_count: 5,
        seconds_per_question: 30,
        topics: [],
        difficulties: [],
        fixed_question_ids: [],
        created_at: openedAt,
      },
      {
        contest_id: open.id,
        kind: 'final',
        name: 'Chung kết trực tiếp',
        opens_at: openedAt,
        closes_at: new Date(options.now.getTime() + 400 * DAY),
        live: true,
        question_count: 5,
        seconds_per_question: 20,
        topics: [],
        difficulties: [],
        fixed_question_ids: drawSet(openQuestions, 5, 2027),
        created_at: openedAt,
      },
    ])
    .execute();
  return { participants: registrations.length, finalists: finalists.length, reviewTasks: tasks.length };
}
