import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContestDetail, HallView, ServedQuestion } from '../../../contracts/contests.ts';
import { createEnterprise, createOrg, createUser, TEST_PASSWORD, type OrgCodes } from '../../../../test/factories.ts';
import { as, signIn, startTestPlatform, type Session, type TestPlatform } from '../../../../test/platform.ts';

const START = new Date('2026-11-23T03:00:00Z');
let platform: TestPlatform;
let org: Record<OrgCodes, string>;
let entryId: string;
const s: Record<string, Session> = {};

beforeAll(async () => {
  platform = await startTestPlatform({ now: START });
  const db = platform.deps.db;
  org = await createOrg(db);
  for (let i = 0; i < 5; i++) {
    const firm = await createEnterprise(db, { managingUnitId: org['03NK'] });
    await createUser(db, {
      email: `dn${i}@test.vn`,
      role: 'enterprise_user',
      enterpriseId: firm.id,
      fullName: `Người ${i}`,
    });
  }
  await createUser(db, { email: 'leader@03.vn', role: 'department_leader', unitId: org['03'] });
  await createUser(db, { email: 'leader@20.vn', role: 'department_leader', unitId: org['20'] });
  await createUser(db, { email: 'officer@03nk.vn', role: 'officer', unitId: org['03NK01'] });
  const entry = await db
    .insertInto('qa_entries')
    .values({
      category: 'origin',
      tags: [],
      status: 'published',
      title_vi: 'C/O mẫu D nộp khi nào?',
      body_vi: 'Nộp khi làm thủ tục.',
      title_en: '',
      body_en: '',
      legal_basis: JSON.stringify([{ document: 'Thông tư 33/2023/TT-BTC', article: 'Điều 15', effectiveDate: null }]),
      search_title: 'c/o mau d',
      search_text: 'c/o mau d',
      updated_at: START,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  entryId = entry.id;
  for (const email of [
    'leader@03.vn',
    'leader@20.vn',
    'officer@03nk.vn',
    'dn0@test.vn',
    'dn1@test.vn',
    'dn2@test.vn',
    'dn3@test.vn',
    'dn4@test.vn',
  ])
    s[email] = await signIn(platform, email, TEST_PASSWORD);
});
afterAll(async () => {
  await platform.close();
});

const call = (who: string | null, method: 'GET' | 'POST', url: string, payload?: object) =>
  platform.app.inject({ method, url, headers: who ? as(s[who]!) : {}, ...(payload && { payload }) });

const question = (i: number, extra: object = {}) => ({
  topic: 'origin',
  difficulty: (i % 3) + 1,
  text: { vi: `Câu hỏi số ${i}?`, en: '' },
  choices: [`Đúng ${i}`, `Sai A ${i}`, `Sai B ${i}`, `Sai C ${i}`],
  correct: 0,
  ...extra,
});

let contest: ContestDetail;
let online: string;
let final: string;

describe('organizing', () => {
  it('creates a contest, refuses a business and a unit out of scope', async () => {
    const body = {
      ownerUnitId: org['03'],
      title: { vi: 'Tìm hiểu pháp luật hải quan', en: 'Understanding Customs Laws' },
      rules: 'Mỗi câu 20 giây',
      prizes: 'Giải nhất',
      eligibility: 'all',
      teamMax: 3,
    };
    expect((await call('dn0@test.vn', 'POST', '/api/contests', body)).statusCode).toBe(403);
    expect((await call('leader@20.vn', 'POST', '/api/contests', body)).statusCode).toBe(403);
    const created = await call('leader@03.vn', 'POST', '/api/contests', body);
    expect(created.statusCode).toBe(201);
    contest = created.json();
    expect((await call('leader@20.vn', 'GET', `/api/contests/${contest.id}`)).statusCode).toBe(404);
  });

  it('draws a question from a bank entry, keeping its source and legal basis', async () => {
    const bad = await call(
      'leader@03.vn',
      'POST',
      `/api/contests/${contest.id}/questions`,
      question(0, { correct: 5 }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('correct');
    const res = await call(
      'leader@03.vn',
      'POST',
      `/api/contests/${contest.id}/questions`,
      question(0, { sourceEntryId: entryId }),
    );
    expect(res.statusCode).toBe(200);
    const q = (res.json() as ContestDetail).questions[0]!;
    expect(q.sourceEntryId).toBe(entryId);
    expect(q.legalBasis).toBe('Điều 15, Thông tư 33/2023/TT-BTC');
    for (let i = 1; i < 8; i++)
      expect(
        (await call('leader@03.vn', 'POST', `/api/contests/${contest.id}/questions`, question(i))).statusCode,
      ).toBe(200);
  });

  it('adds an online round and a live final; a round cannot draw more than its pool', async () => {
    const round = {
      kind: 'online',
      name: 'Vòng sơ khảo',
      opensAt: '2026-11-23T00:00:00Z',
      closesAt: '2026-11-30T00:00:00Z',
      questionCount: 5,
      secondsPerQuestion: 20,
      topics: ['origin'],
    };
    const tooMany = await call('leader@03.vn', 'POST', `/api/contests/${contest.id}/rounds`, {
      ...round,
      questionCount: 9,
    });
    expect(tooMany.json().error.details[0].field).toBe('questionCount');
    await call('leader@03.vn', 'POST', `/api/contests/${contest.id}/rounds`, round);
    const res = await call('leader@03.vn', 'POST', `/api/contests/${contest.id}/rounds`, {
      ...round,
      kind: 'final',
      name: 'Chung kết',
      live: true,
      questionCount: 3,
      secondsPerQuestion: 10,
    });
    contest = res.json();
    online = contest.rounds.find((r) => r.kind === 'online')!.id;
    final = contest.rounds.find((r) => r.kind === 'final')!.id;
    expect((await call('leader@03.vn', 'POST', `/api/contests/${contest.id}/open`)).statusCode).toBe(200);
  });
});

describe('taking part', () => {
  it('registers once, audited; a team is limited in size', async () => {
    expect(
      (
        await call('dn0@test.vn', 'POST', `/api/contests/${contest.id}/registrations`, {
          teamName: 'Đội A',
          members: ['B', 'C', 'D'],
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await call('dn0@test.vn', 'POST', `/api/contests/${contest.id}/registrations`, {
          teamName: 'Đội A',
          members: ['B', 'C'],
        })
      ).statusCode,
    ).toBe(200);
    const again = await call('dn0@test.vn', 'POST', `/api/contests/${contest.id}/registrations`, {});
    expect(again.statusCode).toBe(409);
    for (const who of ['dn1@test.vn', 'dn2@test.vn'])
      expect((await call(who, 'POST', `/api/contests/${contest.id}/registrations`, {})).statusCode).toBe(200);
    const audit = await platform.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'contest.registered')
      .execute();
    expect(audit).toHaveLength(3);
    // A participant's view of the contest carries no question.
    const seen = (await call('dn1@test.vn', 'GET', `/api/contests/${contest.id}`)).json() as ContestDetail;
    expect(seen.questions).toEqual([]);
    expect((await call('dn3@test.vn', 'POST', `/api/rounds-unknown`)).statusCode).toBe(404);
    expect((await call('dn3@test.vn', 'POST', `/api/contest-rounds/${online}/attempt`)).statusCode).toBe(403);
  });

  it('serves one question at a time, shuffled, never with its answer; refuses bad answers and changes nothing', async () => {
    const start = await call('dn1@test.vn', 'POST', `/api/contest-rounds/${online}/attempt`);
    expect(start.statusCode).toBe(200);
    const served = start.json() as ServedQuestion;
    expect(served.status).toBe('question');
    expect(served.total).toBe(5);
    expect(start.body).not.toMatch(/correct|legal|explanation/i);
    // Only the served question's text is in the answer: no other question leaks.
    expect(start.body.match(/Câu hỏi số/g)).toHaveLength(1);
    const attempt = served.attemptId;
    const questions = (await call('leader@03.vn', 'GET', `/api/contests/${contest.id}`)).json() as ContestDetail;
    const other = questions.questions.find((q) => q.id !== served.question!.id)!;
    const notServed = await call('dn1@test.vn', 'POST', `/api/contest-attempts/${attempt}/answers`, {
      questionId: other.id,
      choice: 0,
    });
    expect(notServed.statusCode).toBe(409);
    expect(notServed.json().error.message).toMatch(/chưa được giao/);
    const right = served.question!.choices.findIndex((c) => c.startsWith('Đúng'));
    const ok = await call('dn1@test.vn', 'POST', `/api/contest-attempts/${attempt}/answers`, {
      questionId: served.question!.id,
      choice: right,
    });
    expect(ok.statusCode).toBe(200);
    const twice = await call('dn1@test.vn', 'POST', `/api/contest-attempts/${attempt}/answers`, {
      questionId: served.question!.id,
      choice: 1,
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toMatch(/đã trả lời/);
    // Someone else's attempt is not found.
    expect((await call('dn2@test.vn', 'GET', `/api/contest-attempts/${attempt}/question`)).statusCode).toBe(404);
    // The result waits for the end.
    expect((await call('dn1@test.vn', 'GET', `/api/contest-attempts/${attempt}/result`)).statusCode).toBe(409);
    const second = (
      await call('dn1@test.vn', 'GET', `/api/contest-attempts/${attempt}/question`)
    ).json() as ServedQuestion;
    expect(second.position).toBe(1);
    platform.clock.advance(25_000);
    const late = await call('dn1@test.vn', 'POST', `/api/contest-attempts/${attempt}/answers`, {
      questionId: second.question!.id,
      choice: 0,
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toMatch(/hết thời gian/);
    const row = await platform.deps.db
      .selectFrom('contest_attempts')
      .selectAll()
      .where('id', '=', attempt)
      .executeTakeFirstOrThrow();
    expect([row.correct, row.answered]).toEqual([1, 1]);
    // The rest run out; then the result shows the right answers with their legal basis and bank entry.
    for (let i = 2; i < 5; i++) {
      const next = (
        await call('dn1@test.vn', 'GET', `/api/contest-attempts/${attempt}/question`)
      ).json() as ServedQuestion;
      expect(next.position).toBe(i);
      platform.clock.advance(21_000);
    }
    const end = (
      await call('dn1@test.vn', 'GET', `/api/contest-attempts/${attempt}/question`)
    ).json() as ServedQuestion;
    expect(end.status).toBe('finished');
    const result = await call('dn1@test.vn', 'GET', `/api/contest-attempts/${attempt}/result`);
    expect(result.json()).toMatchObject({ correct: 1, total: 5 });
    // Starting again returns the same attempt: one attempt per round.
    expect(
      ((await call('dn1@test.vn', 'POST', `/api/contest-rounds/${online}/attempt`)).json() as ServedQuestion).attemptId,
    ).toBe(attempt);
  });

  it('runs a live final from the hall: the answer shows only after the timer, then the leaderboard', async () => {
    const attempts: Record<string, string> = {};
    for (const who of ['dn0@test.vn', 'dn1@test.vn', 'dn2@test.vn']) {
      const r = (await call(who, 'POST', `/api/contest-rounds/${final}/attempt`)).json() as ServedQuestion;
      expect(r.status).toBe('waiting');
      attempts[who] = r.attemptId;
    }
    expect((await call('dn0@test.vn', 'POST', `/api/contest-rounds/${final}/next`)).statusCode).toBe(404);
    for (let i = 0; i < 3; i++) {
      const hall = (await call('leader@03.vn', 'POST', `/api/contest-rounds/${final}/next`)).json() as HallView;
      expect(hall.phase).toBe('question');
      expect(hall.correct).toBeNull();
      expect(hall.leaderboard).toBeNull();
      expect((await call('leader@03.vn', 'POST', `/api/contest-rounds/${final}/next`)).statusCode).toBe(409);
      for (const [k, who] of ['dn0@test.vn', 'dn1@test.vn', 'dn2@test.vn'].entries()) {
        const q = await call(who, 'GET', `/api/contest-attempts/${attempts[who]}/question`);
        expect(q.body).not.toMatch(/correct/);
        const served = q.json() as ServedQuestion;
        platform.clock.advance(500);
        const res = await call(who, 'POST', `/api/contest-attempts/${attempts[who]}/answers`, {
          questionId: served.question!.id,
          choice: k === 2 ? 1 : 0,
        });
        expect(res.statusCode).toBe(200);
      }
      expect((await call('dn0@test.vn', 'GET', `/api/contest-rounds/${final}/leaderboard`)).statusCode).toBe(409);
      platform.clock.advance(10_000);
      const reveal = (await call('leader@03.vn', 'GET', `/api/contest-rounds/${final}/hall`)).json() as HallView;
      expect(reveal.phase).toBe('reveal');
      expect(reveal.correct).toBe(0);
      expect(reveal.answers).toBe(3);
      expect(reveal.leaderboard!.rows[0]!.correct).toBe(i + 1);
      const board = (await call('dn2@test.vn', 'GET', `/api/contest-rounds/${final}/leaderboard`)).json();
      expect(board.rows.map((r: { name: string }) => r.name)).toEqual(['Đội A', 'Người 1', 'Người 2']);
      expect(board.rows[0].team).toBe(true);
    }
    const end = (await call('leader@03.vn', 'POST', `/api/contest-rounds/${final}/next`)).json() as HallView;
    expect(end.phase).toBe('finished');
    expect(
      (await call('dn2@test.vn', 'GET', `/api/contest-attempts/${attempts['dn2@test.vn']}/result`)).json(),
    ).toMatchObject({ correct: 0, total: 3 });
  });
});

describe('results and learning', () => {
  it('publishes results once, audited; statistics per question; certificates audited', async () => {
    expect((await call('leader@03.vn', 'POST', `/api/contests/${contest.id}/publish`)).statusCode).toBe(409);
    expect((await call('dn0@test.vn', 'GET', `/api/contests/${contest.id}/certificate.pdf`)).statusCode).toBe(409);
    await call('leader@03.vn', 'POST', `/api/contests/${contest.id}/finish`);
    expect((await call('leader@03.vn', 'POST', `/api/contests/${contest.id}/publish`)).statusCode).toBe(200);
    expect((await call('leader@03.vn', 'POST', `/api/contests/${contest.id}/publish`)).statusCode).toBe(409);
    const stats = (await call('leader@03.vn', 'GET', `/api/contests/${contest.id}/statistics`)).json();
    expect(stats.participants).toBe(3);
    const answered = stats.questions.filter((q: { answers: number }) => q.answers > 0);
    expect(answered.length).toBeGreaterThan(0);
    expect((await call('dn0@test.vn', 'GET', `/api/contests/${contest.id}/statistics`)).statusCode).toBe(404);
    const pdf = await call('dn0@test.vn', 'GET', `/api/contests/${contest.id}/certificate.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const audit = await platform.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'in', ['contest.results_published', 'contest.certificate_issued'])
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['contest.certificate_issued', 'contest.results_published']);
  });

  it('hands a most-missed bank question to the editors as a review task', async () => {
    // A second contest where five participants all miss the bank question.
    const db = platform.deps.db;
    const c = (
      await call('leader@03.vn', 'POST', '/api/contests', {
        ownerUnitId: org['03'],
        title: { vi: 'Thi thử' },
        eligibility: 'all',
      })
    ).json() as ContestDetail;
    await call('leader@03.vn', 'POST', `/api/contests/${c.id}/questions`, question(0, { sourceEntryId: entryId }));
    const r = (
      await call('leader@03.vn', 'POST', `/api/contests/${c.id}/rounds`, {
        kind: 'online',
        name: 'Vòng 1',
        opensAt: '2026-11-01T00:00:00Z',
        closesAt: '2026-12-30T00:00:00Z',
        questionCount: 1,
        secondsPerQuestion: 30,
      })
    ).json() as ContestDetail;
    await call('leader@03.vn', 'POST', `/api/contests/${c.id}/open`);
    for (let i = 0; i < 5; i++) {
      const who = `dn${i}@test.vn`;
      await call(who, 'POST', `/api/contests/${c.id}/registrations`, {});
      const q = (await call(who, 'POST', `/api/contest-rounds/${r.rounds[0]!.id}/attempt`)).json() as ServedQuestion;
      const wrong = q.question!.choices.findIndex((x) => x.startsWith('Sai A'));
      await call(who, 'POST', `/api/contest-attempts/${q.attemptId}/answers`, {
        questionId: q.question!.id,
        choice: wrong,
      });
    }
    await call('leader@03.vn', 'POST', `/api/contests/${c.id}/finish`);
    await call('leader@03.vn', 'POST', `/api/contests/${c.id}/publish`);
    const tasks = (await call('officer@03nk.vn', 'GET', '/api/qa-review-tasks')).json();
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ entryId, shareCorrect: 0, answers: 5, wrongChoice: 'Sai A 0' });
    expect((await call('officer@03nk.vn', 'POST', `/api/qa-review-tasks/${tasks[0].id}/done`)).statusCode).toBe(200);
    expect((await call('officer@03nk.vn', 'POST', `/api/qa-review-tasks/${tasks[0].id}/done`)).statusCode).toBe(409);
    expect(await db.selectFrom('qa_review_tasks').select('status').execute()).toEqual([{ status: 'done' }]);
    expect((await call('dn0@test.vn', 'GET', '/api/qa-review-tasks')).statusCode).toBe(403);
  });
});
