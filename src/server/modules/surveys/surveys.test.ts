import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SurveyBody, SurveyDetail, SurveyResults } from '../../../contracts/surveys.ts';
import { createEnterprise, createOrg, createUser, TEST_PASSWORD, type OrgCodes } from '../../../../test/factories.ts';
import { as, signIn, startTestPlatform, type Session, type TestPlatform } from '../../../../test/platform.ts';

// One platform for the file. Businesses 0–11 are managed by 03NK; each declared
// at 03NK (and the even ones also at 03CE) in November 2026; business 0 is a broker.
const START = new Date('2026-11-23T03:00:00Z');
let platform: TestPlatform;
let org: Record<OrgCodes, string>;
const firms: { id: string; tax_code: string }[] = [];
const s: Record<string, Session> = {};

beforeAll(async () => {
  platform = await startTestPlatform({ now: START });
  const db = platform.deps.db;
  org = await createOrg(db);
  let number = 0;
  for (let i = 0; i < 12; i++) {
    const firm = await createEnterprise(db, { managingUnitId: org['03NK'], isBroker: i === 0 });
    firms.push(firm);
    await createUser(db, { email: `dn${i}@test.vn`, role: 'enterprise_user', enterpriseId: firm.id });
    const offices = i % 2 === 0 ? [org['03NK01'], org['03CE'], org['03CE']] : [org['03NK']];
    for (const office of offices) {
      const at = new Date(`2026-11-${String(3 + (number % 20)).padStart(2, '0')}T02:00:00Z`);
      await db
        .insertInto('declarations')
        .values({
          number: `30${String(800_000_000 + number++)}`,
          type_code: 'B11',
          enterprise_id: firm.id,
          office_unit_id: office,
          channel: 'green',
          registered_at: at,
          cleared_at: at,
          rating_token: `survey-test-${number}`,
          updated_at: at,
        })
        .execute();
    }
  }
  // Association A has businesses 3–5 as members, B has business 6.
  const [assocA, assocB] = await db
    .insertInto('associations')
    .values([
      { code: 'HHA', name_vi: 'Hiệp hội A', name_en: 'Association A' },
      { code: 'HHB', name_vi: 'Hiệp hội B', name_en: 'Association B' },
    ])
    .returning('id')
    .execute();
  await db
    .insertInto('association_members')
    .values([
      ...[3, 4, 5].map((i) => ({ association_id: assocA!.id, enterprise_id: firms[i]!.id })),
      { association_id: assocB!.id, enterprise_id: firms[6]!.id },
    ])
    .execute();
  await createUser(db, { email: 'hh@a.vn', role: 'association_rep', associationId: assocA!.id });
  await createUser(db, { email: 'hh@b.vn', role: 'association_rep', associationId: assocB!.id });
  await createUser(db, { email: 'leader@03.vn', role: 'department_leader', unitId: org['03'] });
  await createUser(db, { email: 'leader@20.vn', role: 'department_leader', unitId: org['20'] });
  await createUser(db, { email: 'officer@03nk.vn', role: 'officer', unitId: org['03NK01'] });
  for (const email of [
    'leader@03.vn',
    'leader@20.vn',
    'officer@03nk.vn',
    'dn0@test.vn',
    'dn1@test.vn',
    'dn2@test.vn',
    'hh@a.vn',
    'hh@b.vn',
  ])
    s[email] = await signIn(platform, email, TEST_PASSWORD);
});
afterAll(async () => {
  await platform.close();
});

const call = (who: string | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  platform.app.inject({ method, url, headers: who ? as(s[who]!) : {}, ...(payload && { payload }) });

const text = (vi: string) => ({ vi, en: vi });
const options = (...keys: string[]) => keys.map((key) => ({ key, label: text(key) }));

function form(title: string): SurveyBody {
  return {
    ownerUnitId: org['03'],
    title: text(title),
    description: { vi: '', en: '' },
    closesOn: null,
    definition: {
      sections: [
        {
          key: 'chung',
          title: text('Chung'),
          questions: [
            {
              key: 'used_online',
              type: 'single',
              text: text('Dùng dịch vụ công trực tuyến?'),
              required: true,
              options: options('yes', 'no'),
            },
            {
              key: 'online_rating',
              type: 'scale',
              text: text('Đánh giá dịch vụ trực tuyến'),
              required: true,
              scaleMax: 5,
              showIf: { question: 'used_online', anyOf: ['yes'] },
            },
            {
              key: 'topics',
              type: 'multiple',
              text: text('Chủ đề quan tâm'),
              options: options('tax', 'origin', 'ecus'),
            },
            {
              key: 'clarity',
              type: 'matrix',
              text: text('Mức rõ ràng'),
              options: options('rules', 'fees'),
              scaleMax: 5,
            },
            { key: 'staff', type: 'number', text: text('Số nhân viên'), min: 1, max: 100_000 },
            { key: 'order', type: 'ranking', text: text('Xếp hạng'), options: options('speed', 'cost', 'clarity') },
            { key: 'comment', type: 'long_text', text: text('Góp ý') },
          ],
        },
        {
          key: 'chi_cuc',
          title: text('Chi cục'),
          questions: [
            {
              key: 'branch_time',
              type: 'scale',
              text: text('Thời gian thông quan'),
              required: true,
              scaleMax: 10,
              perBranch: true,
              indicator: { component: 'time_costs', direction: 'higher_better' },
            },
          ],
        },
      ],
    },
  } as SurveyBody;
}

async function createSurvey(title: string): Promise<SurveyDetail> {
  const response = await call('leader@03.vn', 'POST', '/api/surveys', form(title));
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

/** The links mailed for a survey, per business email. */
async function links(surveyId: string): Promise<Map<string, string>> {
  const rows = await platform.deps.db
    .selectFrom('mail_deliveries')
    .select(['to_address', 'text_body', 'sealed'])
    .where('key', 'like', `survey:${surveyId}:invite:%`)
    .execute();
  expect(rows.every((r) => r.sealed)).toBe(true);
  return new Map(rows.map((r) => [r.to_address, /\/khao-sat\/([A-Za-z0-9_-]+)/.exec(r.text_body)![1]!]));
}

/** A survey of all twelve businesses, open; its links. */
async function openSurvey(title: string) {
  const survey = await createSurvey(title);
  const listed = ['tax_code', ...firms.map((f) => f.tax_code)].join('\n');
  expect(
    (await call('leader@03.vn', 'POST', `/api/surveys/${survey.id}/targeting`, { mode: 'list', csv: listed }))
      .statusCode,
  ).toBe(200);
  const opened = await call('leader@03.vn', 'POST', `/api/surveys/${survey.id}/open`);
  expect(opened.statusCode, opened.body).toBe(200);
  return { survey, links: await links(survey.id) };
}

function answerOf(i: number, branches: { id: string }[]) {
  return {
    used_online: i % 3 === 0 ? 'no' : 'yes',
    ...(i % 3 !== 0 && { online_rating: 1 + (i % 5) }),
    topics: i % 2 ? ['tax'] : ['tax', 'ecus'],
    clarity: { rules: 4, fees: 2 + (i % 3) },
    staff: 10 * (i + 1),
    order: ['speed', 'cost', 'clarity'],
    comment: `Ý kiến số ${i}`,
    branch_time: Object.fromEntries(branches.map((b, j) => [b.id, 5 + ((i + j) % 5)])),
  };
}

describe('building a survey', () => {
  it('checks the form, naming the field: conditions on later questions, duplicate keys, missing choices', async () => {
    const body = form('Khảo sát lỗi');
    const questions = body.definition.sections[0]!.questions;
    questions[1]!.showIf = { question: 'topics', anyOf: ['nope'] };
    questions[2]!.key = 'used_online';
    questions[0]!.options = options('only');
    const response = await call('leader@03.vn', 'POST', '/api/surveys', body);
    expect(response.statusCode).toBe(400);
    const fields = (response.json() as { error: { details: { field: string }[] } }).error.details.map((d) => d.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'definition.sections.0.questions.0.options',
        'definition.sections.0.questions.1.showIf',
        'definition.sections.0.questions.2.key',
      ]),
    );
  });

  it('lets only owners of the unit build; others get 403 or 404', async () => {
    expect((await call('officer@03nk.vn', 'POST', '/api/surveys', form('Không được'))).statusCode).toBe(403);
    expect((await call('leader@20.vn', 'POST', '/api/surveys', form('Không được'))).statusCode).toBe(403);
    const survey = await createSurvey('Khảo sát riêng');
    expect((await call('leader@20.vn', 'GET', `/api/surveys/${survey.id}`)).statusCode).toBe(404);
    expect((await call('dn0@test.vn', 'GET', `/api/surveys/${survey.id}`)).statusCode).toBe(404);
  });

  it('draws a stratified sample from declarations: strata by branch and volume, each business once', async () => {
    const survey = await createSurvey('Khảo sát mẫu');
    const response = await call('leader@03.vn', 'POST', `/api/surveys/${survey.id}/targeting`, {
      mode: 'sample',
      branchIds: [org['03NK'], org['03CE']],
      from: '2026-11-01',
      to: '2026-11-30',
      byVolume: true,
      perStratum: 2,
    });
    expect(response.statusCode, response.body).toBe(200);
    const participation = (await call('leader@03.vn', 'GET', `/api/surveys/${survey.id}/participation`)).json() as {
      strata: { stratum: string; invited: number }[];
    };
    // Even businesses declared most at 03CE (2 of 3), odd ones only at 03NK.
    expect(participation.strata.map((x) => [x.stratum, x.invited]).sort()).toEqual([
      ['03CE · large', 2],
      ['03CE · small', 2],
      ['03NK · large', 2],
      ['03NK · small', 2],
    ]);
  });
});

describe('answering', () => {
  it('invites by sealed mail and in the app; answers once by link, with a partial save; freezes the form', async () => {
    const { survey, links: mailed } = await openSurvey('Khảo sát trả lời');
    expect(mailed.size).toBe(12);
    const token = mailed.get('dn2@test.vn')!;
    const mine = (await call('dn2@test.vn', 'GET', '/api/my/surveys')).json() as { surveyId: string }[];
    expect(mine.map((m) => m.surveyId)).toContain(survey.id);

    const page = await call(null, 'GET', `/api/survey-links/${token}`);
    expect(page.statusCode).toBe(200);
    const branches = (page.json() as { branches: { id: string; code: string }[] }).branches;
    expect(branches.map((b) => b.code)).toEqual(['03CE', '03NK']);

    // Another business cannot use the link.
    expect((await call('dn1@test.vn', 'GET', `/api/survey-links/${token}`)).statusCode).toBe(403);

    const draft = await call(null, 'PUT', `/api/survey-links/${token}/draft`, {
      answers: { used_online: 'yes', online_rating: 9, nope: 1 },
    });
    expect(draft.statusCode).toBe(200);
    expect(draft.json()).toMatchObject({
      saved: ['used_online'],
      errors: [
        { field: 'answers.nope', message: 'Không có câu hỏi này trong phiếu' },
        { field: 'answers.online_rating' },
      ],
    });
    expect(((await call(null, 'GET', `/api/survey-links/${token}`)).json() as { draft: object }).draft).toEqual({
      used_online: 'yes',
    });

    const missing = await call(null, 'POST', `/api/survey-links/${token}/answer`, { answers: { used_online: 'yes' } });
    expect(missing.statusCode).toBe(400);
    const fields = (missing.json() as { error: { details: { field: string }[] } }).error.details.map((d) => d.field);
    expect(fields).toEqual([
      'answers.online_rating',
      `answers.branch_time.${branches[0]!.id}`,
      `answers.branch_time.${branches[1]!.id}`,
    ]);

    const hidden = await call(null, 'POST', `/api/survey-links/${token}/answer`, {
      answers: { ...answerOf(0, branches), online_rating: 3 },
    });
    expect(hidden.statusCode).toBe(400);
    expect(hidden.body).toContain('answers.online_rating');

    const sent = await call(null, 'POST', `/api/survey-links/${token}/answer`, { answers: answerOf(1, branches) });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json()).toEqual({ received: true });
    const replay = await call(null, 'POST', `/api/survey-links/${token}/answer`, { answers: answerOf(1, branches) });
    expect(replay.statusCode).toBe(409);
    const signedIn = (await call('dn2@test.vn', 'GET', '/api/my/surveys')).json() as {
      surveyId: string;
      invitationId: string;
      answered: boolean;
    }[];
    const invitation = signedIn.find((m) => m.surveyId === survey.id)!;
    expect(invitation.answered).toBe(true);
    expect(
      (
        await call('dn2@test.vn', 'POST', `/api/my/surveys/${invitation.invitationId}/answer`, {
          answers: answerOf(1, branches),
        })
      ).statusCode,
    ).toBe(409);

    const edit = await call('leader@03.vn', 'PUT', `/api/surveys/${survey.id}`, form('Sửa sau khi có trả lời'));
    expect(edit.statusCode).toBe(409);
  });

  it('counts one answer under two simultaneous submissions (link and account)', async () => {
    const { survey, links: mailed } = await openSurvey('Khảo sát đồng thời');
    const mine = (await call('dn1@test.vn', 'GET', '/api/my/surveys')).json() as {
      surveyId: string;
      invitationId: string;
    }[];
    const invitationId = mine.find((m) => m.surveyId === survey.id)!.invitationId;
    const form = (await call('dn1@test.vn', 'GET', `/api/my/surveys/${invitationId}`)).json() as {
      branches: { id: string }[];
    };
    const body = { answers: answerOf(2, form.branches) };
    const results = await Promise.all([
      call(null, 'POST', `/api/survey-links/${mailed.get('dn1@test.vn')!}/answer`, body),
      call('dn1@test.vn', 'POST', `/api/my/surveys/${invitationId}/answer`, body),
      call(null, 'POST', `/api/survey-links/${mailed.get('dn1@test.vn')!}/answer`, body),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    const stored = await platform.deps.db
      .selectFrom('survey_responses')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('survey_id', '=', survey.id)
      .executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(1);
  });

  it('stores nothing that links an answer to its business: rows, counts, texts, audit log', async () => {
    const { survey, links: mailed } = await openSurvey('Khảo sát ẩn danh');
    const db = platform.deps.db;
    const auditBefore = await db.selectFrom('audit_log').select('id').execute();
    const firm = firms[4]!;
    const token = mailed.get('dn4@test.vn')!;
    const form = (await call(null, 'GET', `/api/survey-links/${token}`)).json() as { branches: { id: string }[] };
    expect(
      (await call(null, 'POST', `/api/survey-links/${token}/answer`, { answers: answerOf(4, form.branches) }))
        .statusCode,
    ).toBe(201);
    const invitation = await db
      .selectFrom('survey_invitations')
      .selectAll()
      .where('survey_id', '=', survey.id)
      .where('enterprise_id', '=', firm.id)
      .executeTakeFirstOrThrow();
    expect(invitation).toMatchObject({ answered: true, answered_on: '2026-11-23', draft: null });
    const tokens = await db
      .selectFrom('survey_invitation_tokens')
      .select('token_hash')
      .where('invitation_id', '=', invitation.id)
      .execute();
    const secrets = [firm.id, firm.tax_code, invitation.id, token, ...tokens.map((t) => t.token_hash)];
    const stored = JSON.stringify([
      await db.selectFrom('survey_responses').selectAll().where('survey_id', '=', survey.id).execute(),
      await db.selectFrom('survey_counts').selectAll().where('survey_id', '=', survey.id).execute(),
      await db.selectFrom('survey_texts').selectAll().where('survey_id', '=', survey.id).execute(),
    ]);
    for (const secret of secrets) expect(stored).not.toContain(secret);
    const response = await db
      .selectFrom('survey_responses')
      .selectAll()
      .where('survey_id', '=', survey.id)
      .executeTakeFirstOrThrow();
    expect(Object.keys(response).sort()).toEqual(['answers', 'business_type', 'id', 'stratum', 'survey_id', 'version']);
    // No audit entry for an answer.
    const auditAfter = await db.selectFrom('audit_log').select('id').execute();
    expect(auditAfter.length).toBe(auditBefore.length);
    // Closing rewrites answers and marks together: their row versions no longer pair them.
    expect((await call('leader@03.vn', 'POST', `/api/surveys/${survey.id}/close`)).statusCode).toBe(200);
    const { rows } = await sql<{ xmin: string }>`
      select xmin::text from survey_responses where survey_id = ${survey.id}
      union all select xmin::text from survey_invitations where survey_id = ${survey.id}`.execute(db);
    expect(new Set(rows.map((r) => r.xmin)).size).toBe(1);
  });

  it('refuses a closed survey (409) and an unknown link (404)', async () => {
    const { survey, links: mailed } = await openSurvey('Khảo sát đóng');
    expect((await call('leader@03.vn', 'POST', `/api/surveys/${survey.id}/close`)).statusCode).toBe(200);
    const closed = await call(null, 'POST', `/api/survey-links/${mailed.get('dn5@test.vn')!}/answer`, {
      answers: answerOf(5, []),
    });
    expect(closed.statusCode).toBe(409);
    expect((await call(null, 'GET', `/api/survey-links/${'x'.repeat(43)}`)).statusCode).toBe(404);
  });
});

describe('an association forwarding a survey', () => {
  it('passes an open survey to its members not yet answered, once, without learning who answered', async () => {
    const { survey, links: mailed } = await openSurvey('Khảo sát hiệp hội');
    const listOf = async (who: string) =>
      (await call(who, 'GET', '/api/association/surveys')).json() as {
        items: { id: string; forwardedAt: string | null }[];
      };
    const before = await listOf('hh@a.vn');
    expect(before.items.find((x) => x.id === survey.id)).toMatchObject({ forwardedAt: null });
    // Business 4 answers: the association's view does not change.
    const form4 = (await call(null, 'GET', `/api/survey-links/${mailed.get('dn4@test.vn')!}`)).json() as {
      branches: { id: string }[];
    };
    const sent = await call(null, 'POST', `/api/survey-links/${mailed.get('dn4@test.vn')!}/answer`, {
      answers: answerOf(4, form4.branches),
    });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(await listOf('hh@a.vn')).toEqual(before);

    // Only an association forwards.
    expect((await call('dn1@test.vn', 'POST', `/api/association/surveys/${survey.id}/forward`, {})).statusCode).toBe(
      403,
    );
    expect((await call('leader@03.vn', 'GET', '/api/association/surveys')).statusCode).toBe(403);
    expect((await call(null, 'GET', '/api/association/surveys')).statusCode).toBe(401);
    const tooLong = await call('hh@a.vn', 'POST', `/api/association/surveys/${survey.id}/forward`, {
      message: 'x'.repeat(1001),
    });
    expect(tooLong.statusCode).toBe(400);
    expect(JSON.stringify(tooLong.json())).toContain('message');

    const forwarded = await call('hh@a.vn', 'POST', `/api/association/surveys/${survey.id}/forward`, {
      message: 'Đề nghị hội viên tham gia',
    });
    expect(forwarded.statusCode, forwarded.body).toBe(200);
    expect((forwarded.json() as { forwardedAt: string | null }).forwardedAt).not.toBeNull();
    expect(JSON.stringify(forwarded.json())).not.toMatch(/dn\d|reached|members/);
    expect((await call('hh@a.vn', 'POST', `/api/association/surveys/${survey.id}/forward`, {})).statusCode).toBe(409);

    // The mail went, sealed, to members 3 and 5 (4 had answered), each with a new link of its own that works.
    const mail = await platform.deps.db
      .selectFrom('mail_deliveries')
      .select(['to_address', 'text_body', 'sealed'])
      .where('key', 'like', `survey:${survey.id}:forward:%`)
      .execute();
    expect(mail.map((m) => m.to_address).sort()).toEqual(['dn3@test.vn', 'dn5@test.vn']);
    expect(mail.every((m) => m.sealed && m.text_body.includes('Hiệp hội A'))).toBe(true);
    const link = /\/khao-sat\/([A-Za-z0-9_-]+)/.exec(mail.find((m) => m.to_address === 'dn3@test.vn')!.text_body)![1]!;
    expect(link).not.toBe(mailed.get('dn3@test.vn'));
    expect((await call(null, 'GET', `/api/survey-links/${link}`)).statusCode).toBe(200);

    const audit = await platform.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', survey.id)
      .where('action', '=', 'survey.forwarded')
      .execute();
    expect(audit).toHaveLength(1);

    // Once closed, it leaves the list and cannot be forwarded.
    expect((await call('leader@03.vn', 'POST', `/api/surveys/${survey.id}/close`)).statusCode).toBe(200);
    expect((await listOf('hh@b.vn')).items.map((x) => x.id)).not.toContain(survey.id);
    expect((await call('hh@b.vn', 'POST', `/api/association/surveys/${survey.id}/forward`, {})).statusCode).toBe(409);
  });
});

describe('results', () => {
  it('are withheld while open, then shown with small cells withheld; exported one row per answer; published; audited', async () => {
    const { survey, links: mailed } = await openSurvey('Khảo sát kết quả');
    expect((await call('leader@03.vn', 'GET', `/api/surveys/${survey.id}/results`)).statusCode).toBe(409);
    for (let i = 0; i < 9; i++) {
      const token = mailed.get(`dn${i}@test.vn`)!;
      const form = (await call(null, 'GET', `/api/survey-links/${token}`)).json() as { branches: { id: string }[] };
      const sent = await call(null, 'POST', `/api/survey-links/${token}/answer`, {
        answers: answerOf(i, form.branches),
      });
      expect(sent.statusCode, sent.body).toBe(201);
    }
    const reminded = await call('leader@03.vn', 'POST', `/api/surveys/${survey.id}/remind`);
    expect(reminded.statusCode).toBe(200);
    const remindMail = await platform.deps.db
      .selectFrom('mail_deliveries')
      .select('to_address')
      .where('key', 'like', `survey:${survey.id}:remind:%`)
      .execute();
    expect(remindMail.map((m) => m.to_address).sort()).toEqual(['dn10@test.vn', 'dn11@test.vn', 'dn9@test.vn']);
    expect((await call('leader@03.vn', 'POST', `/api/surveys/${survey.id}/close`)).statusCode).toBe(200);

    const results = (await call('leader@03.vn', 'GET', `/api/surveys/${survey.id}/results`)).json() as SurveyResults;
    expect(results.respondents).toBe(9);
    const q = (key: string) => results.questions.find((x) => x.key === key)!;
    // 6 of 9 used online services: the conditional question counts those 6.
    expect(q('used_online').cells[0]).toMatchObject({ n: 9, withheld: false });
    expect(q('online_rating').cells[0]).toMatchObject({ n: 6, withheld: false });
    expect(q('clarity').cells.map((c) => [c.item, c.mean])).toEqual([
      ['rules', 4],
      ['fees', 3],
    ]);
    expect(q('comment').texts).toHaveLength(9);
    // Per-branch: 03NK rated by all 9, 03CE by the 5 even ones.
    const perBranch = q('branch_time').cells;
    expect(perBranch.map((c) => [c.label?.slice(0, 4) ?? null, c.n])).toEqual([
      [null, 14],
      ['03CE', 5],
      ['03NK', 9],
    ]);
    // The broker stratum × type cell (1 business) is withheld, with its sibling.
    const list = (
      await call('leader@03.vn', 'GET', `/api/surveys/${survey.id}/results?stratum=list&businessType=broker`)
    ).json() as SurveyResults;
    expect(list.respondents).toBeNull();
    expect(list.questions[0]!.cells[0]).toMatchObject({ withheld: true, n: null, options: [] });
    const enterprises = (
      await call('leader@03.vn', 'GET', `/api/surveys/${survey.id}/results?stratum=list&businessType=enterprise`)
    ).json() as SurveyResults;
    expect(enterprises.respondents).toBeNull();
    expect(
      (await call('leader@03.vn', 'GET', `/api/surveys/${survey.id}/results?businessType=broker`)).statusCode,
    ).toBe(400);
    // Each view is computed once and stored: a second read is the same JSON (the free-text sample included),
    // and a made-up stratum is answered (withheld) but not kept.
    const second = await call('leader@03.vn', 'GET', `/api/surveys/${survey.id}/results`);
    expect(second.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(second.json()).toEqual(results);
    expect((await call('leader@03.vn', 'GET', `/api/surveys/${survey.id}/results?stratum=nowhere`)).statusCode).toBe(
      200,
    );
    const views = await platform.deps.db
      .selectFrom('survey_result_views')
      .select('view_key')
      .where('survey_id', '=', survey.id)
      .orderBy('view_key')
      .execute();
    expect(views.map((v) => JSON.parse(v.view_key) as unknown)).toEqual([
      ['list', 'broker'],
      ['list', 'enterprise'],
      [null, null],
    ]);

    const csv = await call('leader@03.vn', 'GET', `/api/surveys/${survey.id}/export?format=csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-disposition']).toContain('attachment');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(10);
    const header = lines[0]!.split(',');
    expect(header.slice(0, 5)).toEqual(['#', 'stratum', 'business_type', 'used_online', 'online_rating']);
    // Every row has every column; the business type is withheld (the broker is alone).
    for (const line of lines.slice(1)) {
      const cells = line.split(',');
      expect(cells).toHaveLength(header.length);
      expect(cells[2]).toBe('');
    }
    // Those who do not use online services have an empty rating, not a shifted row.
    const noOnline = lines.slice(1).filter((line) => line.split(',')[3] === 'no');
    expect(noOnline).toHaveLength(3);
    for (const line of noOnline) expect(line.split(',')[4]).toBe('');
    const xlsx = await call('leader@03.vn', 'GET', `/api/surveys/${survey.id}/export?format=xlsx`);
    expect(xlsx.statusCode).toBe(200);

    expect((await call(null, 'GET', `/api/public/surveys/${survey.id}/results`)).statusCode).toBe(404);
    const listed = async () =>
      ((await call(null, 'GET', '/api/public/surveys')).json() as { items: { id: string; respondents: number }[] })
        .items;
    expect((await listed()).map((s) => s.id)).not.toContain(survey.id);
    expect((await call('leader@03.vn', 'POST', `/api/surveys/${survey.id}/publish`)).statusCode).toBe(200);
    expect((await listed()).find((s) => s.id === survey.id)).toMatchObject({ respondents: 9 });
    const published = await call(null, 'GET', `/api/public/surveys/${survey.id}/results`);
    expect(published.statusCode).toBe(200);
    expect((published.json() as SurveyResults).respondents).toBe(9);

    const audit = await platform.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', survey.id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'survey.created',
      'survey.targeted',
      'survey.opened',
      'survey.reminded',
      'survey.closed',
      'survey.exported',
      'survey.exported',
      'survey.published',
    ]);
  });
});
