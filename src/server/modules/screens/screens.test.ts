// Waiting-room screens on a real database: processing steps through the
// integration API, a branch's screens, the board a screen key reads, the live
// stream across two app instances, and a business following its declaration.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfficers, declarationBody } from '../../../../test/assessment-fixtures.ts';
import { createEnterprise, createOrg, createUser, TEST_PASSWORD, type OrgCodes } from '../../../../test/factories.ts';
import { as, signIn, startTestPlatform, type Session, type TestPlatform } from '../../../../test/platform.ts';
import type { BoardView, ScreenBody } from '../../../contracts/screens.ts';
import { parseConfig } from '../../config.ts';
import { createPlatform, type Platform } from '../../platform.ts';

const KEY = 'screens-tests-bootstrap-key-0123456789';
const api = { authorization: `Bearer ${KEY}` };
const NOW = new Date('2026-11-20T03:00:00Z');
let platform: TestPlatform;
let org: Record<OrgCodes, string>;
let officers: Awaited<ReturnType<typeof createOfficers>>;
const s: Record<string, Session> = {};

beforeAll(async () => {
  platform = await startTestPlatform({ now: NOW, env: { CAUNOI_BOOTSTRAP_API_KEY: KEY } });
  const db = platform.deps.db;
  org = await createOrg(db);
  officers = await createOfficers(db, org);
  await createUser(db, { email: 'leader@03nk.vn', role: 'branch_leader', unitId: org['03NK'] });
  await createUser(db, { email: 'leader@20.vn', role: 'department_leader', unitId: org['20'] });
  await createUser(db, { email: 'officer@03nk.vn', role: 'officer', unitId: org['03NK01'] });
  await createUser(db, { email: 'admin@test.vn', role: 'admin' });
  for (const email of ['leader@03nk.vn', 'leader@20.vn', 'officer@03nk.vn', 'admin@test.vn'])
    s[email] = await signIn(platform, email, TEST_PASSWORD);
});
afterAll(async () => platform.close());

const call = (who: string | null, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  platform.app.inject({ method, url, headers: who ? as(s[who]!) : {}, ...(payload && { payload }) });

let numberSeed = 0;
/** A declaration registered at 03NK (no processing step yet), from the integration API. */
async function declare(taxCode?: string): Promise<string> {
  const number = `10700000${String(1000 + numberSeed++)}`;
  const body = { ...declarationBody(officers, taxCode), registeredAt: '2026-11-20T01:00:00Z', clearedAt: undefined };
  const response = await platform.app.inject({
    method: 'PUT',
    url: `/api/v1/declarations/${number}`,
    headers: api,
    payload: body,
  });
  expect(response.statusCode).toBe(201);
  return number;
}

const step = (number: string, stage: string, payload: object = {}, headers: Record<string, string> = api) =>
  platform.app.inject({
    method: 'PUT',
    url: `/api/v1/declarations/${number}/progress/${stage}`,
    headers,
    payload: { at: '2026-11-20T02:00:00Z', ...payload },
  });

const screenBody = (overrides: Partial<ScreenBody> = {}): ScreenBody => ({
  officeCode: '03NK',
  name: 'Phòng chờ tầng 1',
  stages: ['registered', 'documents_checked', 'goods_inspected', 'awaiting_payment', 'cleared'],
  rotation: ['board', 'announcements', 'hours'],
  language: 'both',
  numberDigits: 4,
  announcements: [
    { text: { vi: 'Nghỉ trưa 11:30–13:00', en: 'Lunch break 11:30–13:00' }, from: '2026-11-01', to: '2026-11-30' },
  ],
  openingHours: { vi: 'Thứ Hai – Thứ Sáu, 7:30–17:00', en: 'Monday to Friday, 7:30–17:00' },
  ...overrides,
});

async function createScreen(overrides: Partial<ScreenBody> = {}) {
  const response = await call('leader@03nk.vn', 'POST', '/api/screens', screenBody(overrides));
  expect(response.statusCode).toBe(201);
  return response.json() as { id: string; credentials: { key: string; pairingCode: string } };
}

const board = async (key: string) => {
  const response = await platform.app.inject({ method: 'GET', url: `/api/screen-boards/${key}` });
  expect(response.statusCode).toBe(200);
  return response.json() as BoardView;
};

describe('processing steps through the integration API', () => {
  it('records a step once, idempotently, and changes it when sent with other values', async () => {
    const number = await declare();
    const first = await step(number, 'registered', { counter: 'Quầy 3', teamCode: '03NK01' });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ stage: 'registered', counter: 'Quầy 3', teamCode: '03NK01', changed: true });
    const events = async () =>
      Number(
        (
          await platform.deps.db
            .selectFrom('screen_events')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await events();
    const again = await step(number, 'registered', { counter: 'Quầy 3', teamCode: '03NK01' });
    expect(again.json()).toMatchObject({ changed: false });
    expect(await events()).toBe(before);
    const changed = await step(number, 'registered', { counter: 'Quầy 4', channel: 'red' });
    expect(changed.json()).toMatchObject({ changed: true, channel: 'red', counter: 'Quầy 4' });
    expect(await events()).toBe(before + 1);
  });

  it('refuses bad steps with the field named, and writes nothing', async () => {
    const number = await declare();
    const bad = [
      [await step(number, 'teleported'), 'stage'],
      [await step(number, 'registered', { at: 'yesterday' }), 'at'],
      [await step(number, 'registered', { at: '2026-11-19T00:00:00Z' }), 'at'],
      [await step(number, 'registered', { teamCode: '20BB01' }), 'teamCode'],
      [await step(number, 'registered', { channel: 'blue' }), 'channel'],
    ] as const;
    for (const [response, field] of bad) {
      expect(response.statusCode).toBe(400);
      expect(JSON.stringify(response.json())).toContain(field);
    }
    expect((await step('107999999999', 'registered')).statusCode).toBe(404);
    const stored = await platform.deps.db
      .selectFrom('declaration_progress as p')
      .innerJoin('declarations as d', 'd.id', 'p.declaration_id')
      .select('p.id')
      .where('d.number', '=', number)
      .execute();
    expect(stored).toHaveLength(0);
  });

  it('needs the progress scope and an API key, never a session', async () => {
    const number = await declare();
    const created = await call('admin@test.vn', 'POST', '/api/admin/api-keys', {
      name: 'Chỉ khai báo',
      scopes: ['declarations:write'],
    });
    const other = { authorization: `Bearer ${(created.json() as { key: string }).key}` };
    expect((await step(number, 'registered', {}, other)).statusCode).toBe(403);
    expect((await step(number, 'registered', {}, as(s['admin@test.vn']!))).statusCode).toBe(401);
    expect((await step(number, 'registered', {}, {} as typeof api)).statusCode).toBe(401);
  });
});

describe('screens set up by a branch', () => {
  it('creates a screen (audited), shows its key once, and lists it for the branch only', async () => {
    const created = await createScreen();
    expect(created.credentials.key).toMatch(/^scr_/);
    expect(created.credentials.pairingCode).toMatch(/^[A-Z0-9]{8}$/);
    const audit = await platform.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', created.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['screen.created']);
    const listed = (await call('leader@03nk.vn', 'GET', '/api/screens')).json() as { id: string }[];
    expect(listed.map((x) => x.id)).toContain(created.id);
    expect(JSON.stringify(listed)).not.toContain(created.credentials.key);
    expect(((await call('leader@20.vn', 'GET', '/api/screens')).json() as unknown[]).length).toBe(0);
    expect((await call('leader@20.vn', 'GET', `/api/screens/${created.id}`)).statusCode).toBe(404);
    expect((await call('officer@03nk.vn', 'GET', '/api/screens')).statusCode).toBe(403);
    expect((await call('leader@20.vn', 'POST', '/api/screens', screenBody())).statusCode).toBe(403);
    expect((await call(null, 'GET', '/api/screens')).statusCode).toBe(401);
  });

  it('refuses a screen without an office, an announcement without text or ending before it starts', async () => {
    const cases: [Partial<ScreenBody>, string][] = [
      [{ officeCode: '' }, 'officeCode'],
      [{ officeCode: '03' }, 'officeCode'],
      [
        { announcements: [{ text: { vi: '', en: '' }, from: '2026-11-01', to: '2026-11-02' }] },
        'announcements.0.text.vi',
      ],
      [
        { announcements: [{ text: { vi: 'Nghỉ', en: '' }, from: '2026-11-05', to: '2026-11-02' }] },
        'announcements.0.to',
      ],
      [{ stages: [] }, 'stages'],
      [{ numberDigits: 12 }, 'numberDigits'],
      [{ questionIds: ['00000000-0000-4000-8000-000000000000'] }, 'questionIds.0'],
    ];
    const before = await platform.deps.db.selectFrom('screens').select('id').execute();
    for (const [overrides, field] of cases) {
      const response = await call('leader@03nk.vn', 'POST', '/api/screens', screenBody(overrides));
      expect(response.statusCode, field).toBe(400);
      const details = (response.json() as { error: { details: { field: string; message: string }[] } }).error.details;
      expect(details.map((d) => d.field)).toContain(field);
    }
    const vi = await call(
      'leader@03nk.vn',
      'POST',
      '/api/screens',
      screenBody({ announcements: [{ text: { vi: 'Nghỉ', en: '' }, from: '2026-11-05', to: '2026-11-02' }] }),
    );
    expect(JSON.stringify(vi.json())).toContain('Ngày kết thúc của thông báo không được trước ngày bắt đầu');
    expect(await platform.deps.db.selectFrom('screens').select('id').execute()).toHaveLength(before.length);
  });

  it('pairs a TV with its code once; a renewed key ends the old one', async () => {
    const created = await createScreen();
    const paired = await call(null, 'POST', '/api/screen-pairing', {
      code: created.credentials.pairingCode.toLowerCase(),
    });
    expect(paired.statusCode).toBe(200);
    const key = (paired.json() as { key: string }).key;
    expect((await platform.app.inject({ method: 'GET', url: `/api/screen-boards/${key}` })).statusCode).toBe(200);
    expect(
      (await call(null, 'POST', '/api/screen-pairing', { code: created.credentials.pairingCode })).statusCode,
    ).toBe(400);
    const renewed = await call('leader@03nk.vn', 'POST', `/api/screens/${created.id}/key`);
    expect(renewed.statusCode).toBe(200);
    expect((await platform.app.inject({ method: 'GET', url: `/api/screen-boards/${key}` })).statusCode).toBe(401);
    expect((await call('leader@03nk.vn', 'DELETE', `/api/screens/${created.id}`)).statusCode).toBe(200);
    const newKey = (renewed.json() as { credentials: { key: string } }).credentials.key;
    expect((await platform.app.inject({ method: 'GET', url: `/api/screen-boards/${newKey}` })).statusCode).toBe(401);
  });
});

describe('the board a screen key reads', () => {
  it('shows masked numbers of its own office only, and no business unless a masked name was chosen', async () => {
    const hidden = await createScreen();
    const masked = await createScreen({ companyNames: 'masked', numberDigits: 5 });
    const elsewhere = await call('leader@20.vn', 'POST', '/api/screens', screenBody({ officeCode: '20BB' }));
    const otherKey = (elsewhere.json() as { credentials: { key: string } }).credentials.key;
    const number = await declare();
    await step(number, 'documents_checked', { counter: 'Quầy 2', teamCode: '03NK02' });
    const shown = await board(hidden.credentials.key);
    const row = shown.rows.find((r) => r.maskedNumber === `••••${number.slice(-4)}`);
    expect(row).toMatchObject({ stage: 'documents_checked', counter: 'Quầy 2', company: null });
    const text = JSON.stringify(shown);
    expect(text).not.toContain(number);
    expect(text).not.toContain('Hải An');
    expect(text).not.toContain(declarationBody(officers).enterprise.taxCode);
    expect(shown.announcements).toHaveLength(1);
    const withName = await board(masked.credentials.key);
    const maskedRow = withName.rows.find((r) => r.maskedNumber === `••••${number.slice(-5)}`);
    expect(maskedRow?.company).toBe('Li*** k. Đ. t.');
    expect(JSON.stringify(withName)).not.toContain('Hải An');
    expect((await board(otherKey)).rows).toHaveLength(0);
    for (const url of [`/api/screen-boards/${'x'.repeat(30)}`, `/api/screen-boards/${'x'.repeat(30)}/stream`])
      expect((await platform.app.inject({ method: 'GET', url })).statusCode).toBe(401);
  });
});

/** Reads server-sent events from a live HTTP server until `until` holds. */
async function readEvents(
  url: string,
  headers: Record<string, string>,
  until: (events: { id?: string; event: string; data: string }[]) => boolean,
) {
  const controller = new AbortController();
  const response = await fetch(url, { headers, signal: controller.signal });
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const events: { id?: string; event: string; data: string }[] = [];
  let buffer = '';
  const deadline = Date.now() + 5000;
  let pending: Promise<ReadableStreamReadResult<Uint8Array>> | null = null;
  try {
    while (!until(events) && Date.now() < deadline) {
      pending ??= reader.read();
      const result = await Promise.race([
        pending,
        new Promise<null>((resolve) => setTimeout(() => resolve(null), 200)),
      ]);
      if (result === null) continue;
      pending = null;
      if (result.done) break;
      buffer += decoder.decode(result.value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const fields = Object.fromEntries(
          block
            .split('\n')
            .filter((line) => !line.startsWith(':') && line.includes(': '))
            .map((line) => [line.slice(0, line.indexOf(': ')), line.slice(line.indexOf(': ') + 2)]),
        );
        if (fields.event) events.push({ id: fields.id, event: fields.event, data: fields.data ?? '' });
      }
    }
  } finally {
    controller.abort();
  }
  return events;
}

describe('the live stream', () => {
  let second: Platform;
  let base: string;
  beforeAll(async () => {
    // A second app on the same database: its screen hub shares nothing with the first one's but the database.
    second = await createPlatform({
      config: parseConfig({ NODE_ENV: 'test', DEMO: 'false', LOG_LEVEL: 'silent', JOBS: 'false' }),
      clock: platform.clock,
      database: platform.database,
    });
    base = await second.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => second.app.close());

  it('brings a step received by one app to a screen connected to another, and catches up after a drop', async () => {
    const screen = await createScreen();
    const key = screen.credentials.key;
    const start = await board(key);
    const number = await declare();
    const suffix = number.slice(-4);
    const live = readEvents(`${base}/api/screen-boards/${key}/stream?after=${start.lastEventId}`, {}, (events) =>
      events.some((e) => e.event === 'row' && e.data.includes(suffix) && e.data.includes('"cleared"')),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await step(number, 'registered')).statusCode).toBe(200);
    expect((await step(number, 'cleared', { at: '2026-11-20T02:30:00Z' })).statusCode).toBe(200);
    const events = await live;
    const rows = events.filter((e) => e.event === 'row' && e.data.includes(suffix));
    expect(rows.map((e) => (JSON.parse(e.data) as { stage: string }).stage)).toContain('cleared');
    expect(events.every((e) => !e.data.includes(number))).toBe(true);

    // Disconnected: two more declarations move; reconnecting with Last-Event-ID replays them.
    const lastId = rows.at(-1)!.id!;
    const missed = [await declare(), await declare()];
    for (const n of missed) await step(n, 'goods_inspected', { at: '2026-11-20T02:40:00Z' });
    const replay = await readEvents(`${base}/api/screen-boards/${key}/stream`, { 'last-event-id': lastId }, (ev) =>
      missed.every((n) => ev.some((e) => e.data.includes(n.slice(-4)))),
    );
    for (const n of missed) expect(replay.some((e) => e.event === 'row' && e.data.includes(n.slice(-4)))).toBe(true);
    // nothing the screen had already received comes again
    expect(replay.filter((e) => e.id !== undefined && Number(e.id) <= Number(lastId))).toEqual([]);
  });
});

describe('a business following its declaration', () => {
  it('follows with the rating token or signed in as the declarant, and no one else sees it', async () => {
    const firm = await createEnterprise(platform.deps.db, { managingUnitId: org['03NK'] });
    const stranger = await createEnterprise(platform.deps.db, { managingUnitId: org['03NK'] });
    await createUser(platform.deps.db, { email: 'dn@firm.vn', role: 'enterprise_user', enterpriseId: firm.id });
    await createUser(platform.deps.db, { email: 'dn@stranger.vn', role: 'enterprise_user', enterpriseId: stranger.id });
    s['dn@firm.vn'] = await signIn(platform, 'dn@firm.vn', TEST_PASSWORD);
    s['dn@stranger.vn'] = await signIn(platform, 'dn@stranger.vn', TEST_PASSWORD);
    const number = await declare(firm.tax_code);
    await step(number, 'registered');
    await step(number, 'cleared', { at: '2026-11-20T02:30:00Z' });
    const mine = await call('dn@firm.vn', 'GET', '/api/my/following?office=03NK');
    expect(mine.statusCode).toBe(200);
    const followed = (mine.json() as { declarations: { number: string; cleared: boolean; ratePath: string }[] })
      .declarations;
    expect(followed).toHaveLength(1);
    expect(followed[0]).toMatchObject({ number, cleared: true });
    const token = followed[0]!.ratePath.split('/').at(-1)!;
    const byToken = await call(null, 'GET', `/api/follow/${token}`);
    expect(byToken.json()).toMatchObject({ number, stage: 'cleared' });
    expect(JSON.stringify((await call('dn@stranger.vn', 'GET', '/api/my/following')).json())).not.toContain(number);
    expect((await call('leader@03nk.vn', 'GET', '/api/my/following')).statusCode).toBe(403);
    expect((await call(null, 'GET', '/api/my/following')).statusCode).toBe(401);
    expect((await call(null, 'GET', `/api/follow/${'A'.repeat(32)}`)).statusCode).toBe(404);
    // the rating the follower reaches is the existing one
    expect((await call(null, 'GET', `/api/rate/${token}`)).statusCode).toBe(200);
  });
});
