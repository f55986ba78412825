// The denial matrix's requests for contests: a contest of Hải Phòng (03, in) or
// Quảng Ninh (20, out) in each state, E1's registration and attempts, a live
// final for the hall, and a review task. Allowed cells that change something get
// a throw-away contest.
import type { CellRequest, Ctx } from './denial-matrix-requests.ts';
import type { Side, World } from './denial-matrix-world.ts';

type Build = (ctx: Ctx) => CellRequest | Promise<CellRequest>;
type Variants = Record<string, Build>;
type State = 'draft' | 'ready' | 'open' | 'finished';

const one = (build: Build): Variants => ({ '-': build });
const sides = (build: (side: Side, ctx: Ctx) => CellRequest | Promise<CellRequest>): Variants => ({
  in: (ctx) => build('in', ctx),
  out: (ctx) => build('out', ctx),
});

const contestBody = (w: World, side: Side) => ({
  ownerUnitId: side === 'in' ? w.org['03'] : w.org['20'],
  title: { vi: 'Tìm hiểu pháp luật hải quan', en: 'Understanding Customs Laws' },
  eligibility: 'all',
  teamMax: 3,
});
const questionBody = {
  topic: 'procedures',
  difficulty: 1,
  text: { vi: 'Tờ khai hải quan được sửa trước khi thông quan?', en: '' },
  choices: ['Được', 'Không được'],
  correct: 0,
};
const roundBody = (w: World, live: boolean) => ({
  kind: live ? 'final' : 'online',
  name: live ? 'Chung kết' : 'Vòng 1',
  opensAt: new Date(w.now().getTime() - 86_400_000).toISOString(),
  closesAt: w.future(30),
  live,
  questionCount: 1,
  secondsPerQuestion: 30,
});

/** A contest of the side's department, brought to a state by the General Department. */
async function contest(w: World, side: Side, state: State): Promise<{ id: string; online: string; final: string }> {
  const { id } = await w.must<{ id: string }>('gd', 'POST', '/api/contests', contestBody(w, side));
  await w.must('gd', 'POST', `/api/contests/${id}/questions`, questionBody);
  const online = '00000000-0000-4000-8000-000000000000';
  if (state === 'draft') return { id, online, final: online };
  await w.must('gd', 'POST', `/api/contests/${id}/rounds`, roundBody(w, false));
  const detail = await w.must<{ rounds: { id: string; live: boolean }[] }>(
    'gd',
    'POST',
    `/api/contests/${id}/rounds`,
    roundBody(w, true),
  );
  const rounds = { online: detail.rounds.find((r) => !r.live)!.id, final: detail.rounds.find((r) => r.live)!.id };
  if (state === 'ready') return { id, ...rounds };
  await w.must('gd', 'POST', `/api/contests/${id}/open`);
  if (state === 'finished') await w.must('gd', 'POST', `/api/contests/${id}/finish`);
  return { id, ...rounds };
}

/** E1 registered to an open contest, its online attempt started (and, if asked, finished). */
async function played(w: World, finish: boolean) {
  const c = await contest(w, 'in', 'open');
  await w.must('ent', 'POST', `/api/contests/${c.id}/registrations`, {});
  const served = await w.must<{ attemptId: string; question: { id: string } }>(
    'ent',
    'POST',
    `/api/contest-rounds/${c.online}/attempt`,
  );
  if (finish) {
    await w.must('ent', 'POST', `/api/contest-attempts/${served.attemptId}/answers`, {
      questionId: served.question.id,
      choice: 0,
    });
    await w.must('ent', 'GET', `/api/contest-attempts/${served.attemptId}/question`);
  }
  return { ...c, attempt: served.attemptId, questionId: served.question.id };
}

const shared = new WeakMap<World, Promise<Awaited<ReturnType<typeof build>>>>();
async function build(w: World) {
  const draft = { in: await contest(w, 'in', 'draft'), out: await contest(w, 'out', 'draft') };
  const open = { in: await contest(w, 'in', 'open'), out: await contest(w, 'out', 'open') };
  const finished = await played(w, true);
  await w.must('gd', 'POST', `/api/contests/${finished.id}/finish`);
  await w.must('gd', 'POST', `/api/contests/${finished.id}/publish`);
  const running = await played(w, false);
  return { draft, open, finished, running };
}
function rows(w: World) {
  let found = shared.get(w);
  if (!found) {
    found = build(w);
    shared.set(w, found);
  }
  return found;
}

/** A review task on a bank entry, inserted as publishing would. */
async function reviewTask(w: World): Promise<string> {
  const c = await contest(w, 'in', 'draft');
  const entryId = await w.draftEntry();
  const question = await w.db
    .selectFrom('contest_questions')
    .select('id')
    .where('contest_id', '=', c.id)
    .executeTakeFirstOrThrow();
  const row = await w.db
    .insertInto('qa_review_tasks')
    .values({
      entry_id: entryId,
      contest_id: c.id,
      question_id: question.id,
      share_correct: 0.2,
      answers: 40,
      wrong_choice: 'Không được',
      created_at: w.now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const managed = (suffix: string, state: State, fresh: boolean, payload?: (w: World) => object) =>
  sides(async (side, { w, allowed }) => {
    const r = await rows(w);
    const id =
      fresh && allowed ? (await contest(w, side, state)).id : state === 'draft' ? r.draft[side].id : r.open[side].id;
    return { url: `/api/contests/${id}${suffix}`, ...(payload && { payload: payload(w) }) };
  });

export const CONTEST_REQUESTS: Record<string, Variants> = {
  'GET /api/contests': one(() => ({ url: '/api/contests' })),
  'POST /api/contests': sides((side, { w }) => ({ url: '/api/contests', payload: contestBody(w, side) })),
  'GET /api/contests/{id}': sides(async (side, { w }) => ({ url: `/api/contests/${(await rows(w)).open[side].id}` })),
  'POST /api/contests/{id}/questions': managed('/questions', 'draft', false, () => questionBody),
  'POST /api/contests/{id}/rounds': managed('/rounds', 'draft', false, (w) => roundBody(w, false)),
  'POST /api/contests/{id}/open': managed('/open', 'ready', true),
  'POST /api/contests/{id}/finish': managed('/finish', 'open', true),
  'POST /api/contests/{id}/publish': managed('/publish', 'finished', true),
  'GET /api/contests/{id}/statistics': managed('/statistics', 'open', false),
  'POST /api/contests/{id}/registrations': one(async ({ w, allowed }) => ({
    url: `/api/contests/${allowed ? (await contest(w, 'in', 'open')).id : (await rows(w)).open.in.id}/registrations`,
    payload: {},
  })),
  'GET /api/contests/{id}/certificate.pdf': one(async ({ w }) => ({
    url: `/api/contests/${(await rows(w)).finished.id}/certificate.pdf`,
  })),
  'POST /api/contest-rounds/{id}/attempt': one(async ({ w }) => ({
    url: `/api/contest-rounds/${(await rows(w)).running.online}/attempt`,
  })),
  'GET /api/contest-rounds/{id}/leaderboard': one(async ({ w }) => ({
    url: `/api/contest-rounds/${(await rows(w)).finished.online}/leaderboard`,
  })),
  'GET /api/contest-rounds/{id}/hall': sides(async (side, { w }) => ({
    url: `/api/contest-rounds/${(await rows(w)).open[side].final}/hall`,
  })),
  'POST /api/contest-rounds/{id}/next': sides(async (side, { w, allowed }) => ({
    url: `/api/contest-rounds/${allowed ? (await contest(w, side, 'open')).final : (await rows(w)).open[side].final}/next`,
  })),
  'GET /api/contest-attempts/{id}/question': one(async ({ w }) => ({
    url: `/api/contest-attempts/${(await rows(w)).running.attempt}/question`,
  })),
  'POST /api/contest-attempts/{id}/answers': one(async ({ w, allowed }) => {
    const run = allowed ? await played(w, false) : (await rows(w)).running;
    return { url: `/api/contest-attempts/${run.attempt}/answers`, payload: { questionId: run.questionId, choice: 1 } };
  }),
  'GET /api/contest-attempts/{id}/result': one(async ({ w }) => ({
    url: `/api/contest-attempts/${(await rows(w)).finished.attempt}/result`,
  })),
  'GET /api/qa-review-tasks': one(() => ({ url: '/api/qa-review-tasks' })),
  'POST /api/qa-review-tasks/{id}/done': one(async ({ w, allowed }) => ({
    url: `/api/qa-review-tasks/${allowed ? await reviewTask(w) : '00000000-0000-4000-8000-000000000001'}/done`,
  })),
};
