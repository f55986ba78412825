import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEASURE_CODES, yearPeriod, type MeasureValue } from '../../../contracts/measures.ts';
import { createEnterprise, createOrg, createUser, TEST_PASSWORD, type OrgCodes } from '../../../../test/factories.ts';
import { as, signIn, startTestPlatform, type Session, type TestPlatform } from '../../../../test/platform.ts';
import { createMeasureService, type MeasureService } from './service.ts';

// The clock: 23 November 2026, 10:00 in Vietnam.
let platform: TestPlatform;
let org: Record<OrgCodes, string>;
let measures: MeasureService;
let dataDir: string;
const s: Record<string, Session> = {};
const YEAR = yearPeriod(2026);

const at = (iso: string) => new Date(iso);

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'caunoi-measures-'));
  platform = await startTestPlatform({ env: { DATA_DIR: dataDir } });
  const db = platform.deps.db;
  org = await createOrg(db);
  measures = createMeasureService({ db, clock: platform.clock });
  const author = await createUser(db, { email: 'author@03nk.vn', role: 'officer', unitId: org['03NK01'] });
  await createUser(db, { email: 'leader@03nk.vn', role: 'branch_leader', unitId: org['03NK'] });
  await createUser(db, { email: 'leader@03.vn', role: 'department_leader', unitId: org['03'] });
  await createUser(db, { email: 'gd@test.vn', role: 'gd_staff' });
  for (const email of ['author@03nk.vn', 'leader@03nk.vn', 'leader@03.vn', 'gd@test.vn'])
    s[email] = await signIn(platform, email, TEST_PASSWORD);

  const firm = await createEnterprise(db, { managingUnitId: org['03NK'] });
  const agreement = (
    unit: OrgCodes,
    n: number,
    status: 'draft' | 'in_force' | 'terminated',
    signedOn: string | null,
  ) => ({
    number: `${String(n)}/TTHT`,
    kind: 'cooperation' as const,
    unit_id: org[unit],
    enterprise_id: firm.id,
    title: `Thỏa thuận ${String(n)}`,
    signed_on: signedOn,
    expires_on: null,
    status,
    updated_at: new Date(),
  });
  await db
    .insertInto('agreements')
    .values([
      agreement('03NK', 1, 'in_force', '2026-03-01'),
      agreement('03NK', 2, 'in_force', '2025-05-01'),
      agreement('03CE', 3, 'in_force', '2026-10-10'),
      agreement('03', 4, 'in_force', '2026-12-20'), // signed after today: not yet in force, but in the year
      agreement('20BB', 5, 'in_force', '2026-02-02'),
      agreement('03NK', 6, 'draft', null),
      agreement('03NK', 7, 'terminated', '2026-01-15'),
    ])
    .execute();

  const request = (team: OrgCodes, n: number, created: string, responded: string | null, resolved: string | null) => ({
    number: `HT-${String(n)}`,
    subject: `Vướng mắc ${String(n)}`,
    body: 'Nội dung',
    category: 'hs_code',
    priority: 'normal',
    channel: 'web',
    calendar: '24x7' as const,
    requester_name: 'Doanh nghiệp',
    branch_unit_id: org['03NK'],
    team_unit_id: org[team],
    handler_unit_id: org[team],
    handler_role: 'officer',
    created_at: at(created),
    updated_at: at(created),
    first_response_due: new Date(at(created).getTime() + 8 * 3600_000),
    resolution_due: new Date(at(created).getTime() + 48 * 3600_000),
    first_responded_at: responded ? at(responded) : null,
    resolved_at: resolved ? at(resolved) : null,
    status: resolved ? ('resolved' as const) : ('open' as const),
  });
  await db
    .insertInto('support_requests')
    .values([
      request('03NK01', 1, '2026-05-01T01:00:00Z', '2026-05-01T03:00:00Z', '2026-05-02T01:00:00Z'), // on time, 2 h
      request('03NK01', 2, '2026-06-01T01:00:00Z', '2026-06-01T05:00:00Z', '2026-06-10T01:00:00Z'), // late, 4 h
      request('03NK02', 3, '2026-07-01T01:00:00Z', '2026-07-01T11:00:00Z', null), // open and overdue, 10 h
      request('03NK02', 4, '2026-11-23T01:00:00Z', null, null), // open, not yet due: not judged
      request('03NK01', 5, '2025-12-01T01:00:00Z', '2025-12-01T02:00:00Z', '2025-12-01T03:00:00Z'), // last year
    ])
    .execute();

  const event = async (
    unit: OrgCodes,
    title: string,
    starts: string,
    status: 'published' | 'cancelled' = 'published',
  ) =>
    (
      await db
        .insertInto('events')
        .values({
          kind: 'quarterly_dialogue',
          title,
          organizer_unit_id: org[unit],
          starts_at: at(starts),
          ends_at: new Date(at(starts).getTime() + 3 * 3600_000),
          audience: 'all',
          status,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const held = await event('03', 'Đối thoại quý I', '2026-03-20T02:00:00Z');
  await event('03NK', 'Cà phê doanh nhân', '2026-09-28T01:00:00Z');
  await event('03NK', 'Đối thoại bị hủy', '2026-04-01T01:00:00Z', 'cancelled');
  await event('03NK', 'Đối thoại tháng 12', '2026-12-15T01:00:00Z'); // not held yet
  await db
    .insertInto('event_questions')
    .values([
      { event_id: held, text: 'Hoàn thuế chậm', answer: 'Đã xử lý', answered_at: at('2026-04-01T00:00:00Z') },
      { event_id: held, text: 'Kiểm tra chuyên ngành', answer: null, answered_at: null },
      { event_id: held, text: 'Mã HS', answer: 'Đã trả lời', answered_at: at('2026-03-21T00:00:00Z') },
    ])
    .execute();

  await db
    .insertInto('newsletters')
    .values([
      {
        month: '2026-09',
        status: 'sent',
        intro_vi: '',
        items: JSON.stringify([]),
        recipients: 120,
        sent_at: at('2026-09-05T02:00:00Z'),
        unit_id: null,
      },
      {
        month: '2026-10',
        status: 'sent',
        intro_vi: '',
        items: JSON.stringify([]),
        recipients: 30,
        sent_at: at('2026-10-05T02:00:00Z'),
        unit_id: org['03'],
      },
      {
        month: '2026-11',
        status: 'draft',
        intro_vi: '',
        items: JSON.stringify([]),
        recipients: 0,
        sent_at: null,
        unit_id: org['03'],
      },
    ])
    .execute();

  const qa = (n: number, published: string | null) => ({
    category: 'hs_code',
    tags: [],
    status: 'published' as const,
    title_vi: `Câu hỏi ${String(n)}`,
    body_vi: 'Trả lời',
    title_en: '',
    body_en: '',
    legal_basis: JSON.stringify([]),
    search_title: '',
    search_text: '',
    author_user_id: author.id,
    published_at: published ? at(published) : null,
    updated_at: new Date(),
  });
  await db
    .insertInto('qa_entries')
    .values([qa(1, '2026-02-01T00:00:00Z'), qa(2, '2026-08-01T00:00:00Z'), qa(3, null)])
    .execute();

  // One released month of service ratings, as the disclosure gate stored it.
  await db
    .insertInto('disclosure_releases')
    .values({
      table_name: 'service_ratings',
      month: '2026-10-01',
      released_at: at('2026-11-07T17:00:00Z'),
      shown: 1,
      withheld: 0,
    })
    .execute();
  await db
    .insertInto('disclosure_cells')
    .values({
      table_name: 'service_ratings',
      month: '2026-10-01',
      node: `unit:${org['03']}`,
      parent: `unit:${org['00']}`,
      kind: 'unit',
      unit_id: org['03'],
      officer_id: null,
      businesses: 12,
      items: 40,
      counts: JSON.stringify({ satisfied_items: 36 }),
    })
    .execute();
});

afterAll(async () => {
  await platform.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const valueOf = (values: MeasureValue[], code: string, unit: OrgCodes) =>
  values.find((v) => v.code === code && v.unitId === org[unit])?.value;

describe('platform measures', () => {
  it('lists every measure with a definition in both languages', () => {
    const list = measures.listMeasures();
    expect(list.map((m) => m.code)).toEqual([...MEASURE_CODES]);
    for (const m of list) expect(m.definition.vi.length > 20 && m.definition.en.length > 20).toBe(true);
  });

  it('counts each unit with its sub-units, within the period and up to now', async () => {
    const values = await measures.measureValues(
      ['agreements_in_force', 'agreements_signed', 'dialogues_held', 'newsletters_sent', 'newsletter_reach'],
      [org['00'], org['03'], org['03NK'], org['20']],
      YEAR,
    );
    expect(valueOf(values, 'agreements_in_force', '03NK')).toBe(2);
    expect(valueOf(values, 'agreements_in_force', '03')).toBe(3);
    expect(valueOf(values, 'agreements_in_force', '00')).toBe(4);
    expect(valueOf(values, 'agreements_signed', '03')).toBe(4); // 1, 3, 4 and the terminated 7
    expect(valueOf(values, 'agreements_signed', '20')).toBe(1);
    expect(valueOf(values, 'dialogues_held', '03')).toBe(2);
    expect(valueOf(values, 'dialogues_held', '03NK')).toBe(1);
    expect(valueOf(values, 'newsletters_sent', '00')).toBe(2);
    expect(valueOf(values, 'newsletters_sent', '03')).toBe(1);
    expect(valueOf(values, 'newsletter_reach', '00')).toBe(150);
    expect(valueOf(values, 'newsletters_sent', '20')).toBe(0);
  });

  it('computes shares and medians over what can be judged', async () => {
    const values = await measures.measureValues(
      [
        'support_requests_received',
        'support_resolved_on_time_share',
        'support_first_response_median_hours',
        'dialogue_items_answered_share',
        'qa_entries_published',
        'survey_response_rate',
        'flags_handled_on_time_share',
      ],
      [org['03NK'], org['03NK02'], org['20']],
      YEAR,
    );
    expect(valueOf(values, 'support_requests_received', '03NK')).toBe(4);
    expect(valueOf(values, 'support_resolved_on_time_share', '03NK')).toBeCloseTo(1 / 3, 3);
    expect(valueOf(values, 'support_first_response_median_hours', '03NK')).toBe(4);
    expect(valueOf(values, 'support_first_response_median_hours', '03NK02')).toBe(10);
    expect(valueOf(values, 'support_resolved_on_time_share', '20')).toBeNull();
    expect(valueOf(values, 'qa_entries_published', '03NK')).toBe(2);
    expect(valueOf(values, 'survey_response_rate', '03NK')).toBeNull();
    expect(valueOf(values, 'flags_handled_on_time_share', '03NK')).toBeNull();
    const items = await measures.measureValues(['dialogue_items_answered_share'], [org['03']], YEAR);
    expect(items[0]).toMatchObject({ value: 0.6667, numerator: 2, denominator: 3 });
  });

  it('takes satisfaction from the disclosure gate only: released months in the period, published cells', async () => {
    const year = await measures.measureValues(['service_satisfaction_share'], [org['03'], org['03NK']], YEAR);
    expect(year[0]).toMatchObject({ value: 0.9, numerator: 36, denominator: 40 });
    expect(year[1]!.value).toBeNull(); // nothing published for the branch
    const spring = await measures.measureValues(['service_satisfaction_share'], [org['03']], {
      from: '2026-01-01',
      to: '2026-06-30',
    });
    expect(spring[0]!.value).toBeNull();
  });

  it('lists the records behind a value, and they add up to it', async () => {
    const onTime = await measures.measureRecords('support_resolved_on_time_share', org['03NK'], YEAR);
    expect(onTime.total).toBe(3);
    expect(onTime.records.filter((r) => r.met).length / onTime.total).toBeCloseTo(onTime.value.value!, 3);
    expect(onTime.records.map((r) => r.href)).toContain(onTime.records[0]!.href);
    expect(onTime.records[0]!.href).toMatch(/^\/app\/ho-tro\//);
    const agreements = await measures.measureRecords('agreements_in_force', org['03'], YEAR);
    expect(agreements.total).toBe(agreements.value.value);
    const satisfaction = await measures.measureRecords('service_satisfaction_share', org['03'], YEAR);
    expect(satisfaction.records).toEqual([
      expect.objectContaining({ id: '2026-10', amount: 40, href: `/app/ket-qua/don-vi/${org['03']}?period=2026-10` }),
    ]);
    // Recomputing gives the same number.
    const again = await measures.measureRecords('support_resolved_on_time_share', org['03NK'], YEAR);
    expect(again.value).toEqual(onTime.value);
  });
});

describe('the measures API', () => {
  const get = (who: string | null, url: string) =>
    platform.app.inject({ method: 'GET', url, ...(who && { headers: as(s[who]!) }) });
  const records = (unit: OrgCodes, code = 'agreements_in_force', from = '2026-01-01', to = '2026-12-31') =>
    `/api/measures/${code}/records?unitId=${org[unit]}&from=${from}&to=${to}`;

  it('answers leaders within their scope only', async () => {
    expect((await get(null, '/api/measures')).statusCode).toBe(401);
    expect((await get('author@03nk.vn', '/api/measures')).statusCode).toBe(403);
    expect((await get('leader@03nk.vn', '/api/measures')).statusCode).toBe(200);
    const own = await get('leader@03nk.vn', records('03NK'));
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ total: 2, value: { value: 2 } });
    expect((await get('leader@03nk.vn', records('03'))).statusCode).toBe(403);
    expect((await get('leader@03.vn', records('03NK'))).statusCode).toBe(200);
    expect((await get('gd@test.vn', records('20'))).statusCode).toBe(200);
  });

  it('names the bad field', async () => {
    const unknown = await get('gd@test.vn', records('03', 'training_sessions'));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details[0].field).toBe('params.code');
    const order = await get('gd@test.vn', records('03', 'agreements_in_force', '2026-12-31', '2026-01-01'));
    expect(order.statusCode).toBe(400);
    expect(order.json().error.details[0].field).toBe('querystring.to');
    const date = await get('gd@test.vn', records('03', 'agreements_in_force', '2026-13-01'));
    expect(date.json().error.details[0].field).toBe('querystring.from');
  });
});
