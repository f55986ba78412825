// The world the denial matrix runs in: an organization, one account per role
// (with the scopes the table's header names), two integration clients, and the
// rows each operation needs, in and out of the scoped callers' units. Factories
// make throw-away rows for the cells that are allowed to change something.
import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import type { Role } from '../src/contracts/common.ts';
import { randomToken, sha256 } from '../src/server/lib/crypto.ts';
import { RATING_ACCESS_COOKIE } from '../src/server/modules/assessments/access.ts';
import type { Caller } from './denial-matrix.ts';
import {
  createEnterprise,
  createOfficer,
  createOrg,
  createUser,
  TEST_PASSWORD,
  validTaxCode,
  type OrgCodes,
} from './factories.ts';
import { as, signIn, type Session, type TestPlatform } from './platform.ts';

export const MATRIX_API_KEY = 'denial-matrix-all-scopes-0123456789abcdef';
const NO_SCOPE_KEY = 'denial-matrix-no-scopes-0123456789abcdef';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type Side = 'in' | 'out';
type UserCaller = Exclude<Caller, 'anon' | 'api' | 'api0'>;

const ROLE_OF: Record<UserCaller, { role: Role; unit: OrgCodes | null }> = {
  ent: { role: 'enterprise_user', unit: null },
  brk: { role: 'broker', unit: null },
  asc: { role: 'association_rep', unit: null },
  off: { role: 'officer', unit: '03NK01' },
  tl: { role: 'team_lead', unit: '03NK01' },
  bl: { role: 'branch_leader', unit: '03NK' },
  dl: { role: 'department_leader', unit: '03' },
  ins: { role: 'inspector', unit: '03' },
  gd: { role: 'gd_staff', unit: null },
  adm: { role: 'admin', unit: null },
};
export const USER_CALLERS = Object.keys(ROLE_OF) as UserCaller[];
export const isUserCaller = (caller: Caller): caller is UserCaller => caller in ROLE_OF;

export interface Upload {
  fileName: string;
  contentType: string;
  bytes: Buffer;
}

export const PDF = Buffer.from('%PDF-1.4\n% Cầu Nối denial matrix\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

export function multipart(file: Upload): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----denial-matrix';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.fileName}"\r\nContent-Type: ${file.contentType}\r\n\r\n`,
    ),
    file.bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

let serial = 0;
/** A number unique in this run (declaration numbers, codes, months). */
export const next = (): number => ++serial;

export type World = Awaited<ReturnType<typeof buildWorld>>;

export async function buildWorld(platform: TestPlatform) {
  const db = platform.deps.db;
  const now = () => platform.clock.now();
  const org = await createOrg(db);

  // Parties: E1 (03NK, client of broker B1, member of A1), E2 (20BB), E3 (a third business that asks questions).
  const e1 = await createEnterprise(db, { name: 'Công ty TNHH Linh kiện Hải An', managingUnitId: org['03NK'] });
  const e2 = await createEnterprise(db, { name: 'Công ty CP Thương mại Móng Cái', managingUnitId: org['20BB'] });
  const e3 = await createEnterprise(db, { name: 'Công ty TNHH Cơ khí Đồ Sơn', managingUnitId: org['03NK'] });
  const b1 = await createEnterprise(db, { name: 'Công ty Đại lý Hải quan Bến Cảng', isBroker: true });
  await db.insertInto('broker_clients').values({ broker_id: b1.id, enterprise_id: e1.id }).execute();
  const a1 = await db
    .insertInto('associations')
    .values({ code: 'HHDN-HP', name_vi: 'Hiệp hội Doanh nghiệp Hải Phòng', name_en: 'Hai Phong Business Association' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('association_members').values({ association_id: a1.id, enterprise_id: e1.id }).execute();
  const o1 = await createOfficer(db, org['03NK01'], 'Nguyễn Văn An');
  const o2 = await createOfficer(db, org['03NK02'], 'Trần Thị Bích');
  const o3 = await createOfficer(db, org['20BB01'], 'Lê Văn Cường');

  const users = {} as Record<UserCaller, { id: string; email: string }>;
  for (const caller of USER_CALLERS) {
    const { role, unit } = ROLE_OF[caller];
    const email = `${caller}@matrix.test`;
    const party =
      caller === 'ent'
        ? { enterpriseId: e1.id }
        : caller === 'brk'
          ? { enterpriseId: b1.id }
          : caller === 'asc'
            ? { associationId: a1.id }
            : {};
    const user = await createUser(db, {
      email,
      role,
      unitId: unit ? org[unit] : null,
      ...party,
      ...(caller === 'off' && { officerId: o1.id }),
    });
    users[caller] = { id: user.id, email };
  }
  await createUser(db, { email: 'ketoan@mongcai.test', role: 'enterprise_user', enterpriseId: e2.id });
  const signInUser = await createUser(db, { email: 'dang-nhap@matrix.test', role: 'officer', unitId: org['03NK01'] });
  const target = await createUser(db, { email: 'tai-khoan@matrix.test', role: 'officer', unitId: org['03NK02'] });
  const sessions = {} as Record<UserCaller, Session>;
  for (const caller of USER_CALLERS) sessions[caller] = await signIn(platform, users[caller].email, TEST_PASSWORD);
  const e2Session = await signIn(platform, 'ketoan@mongcai.test', TEST_PASSWORD);
  await db
    .insertInto('api_clients')
    .values({
      name: 'Phần mềm không phạm vi',
      key_prefix: NO_SCOPE_KEY.slice(0, 8),
      key_hash: sha256(NO_SCOPE_KEY),
      scopes: [],
      created_by: null,
    })
    .execute();

  function headers(caller: Caller): Record<string, string> {
    if (caller === 'anon') return {};
    if (caller === 'api') return { authorization: `Bearer ${MATRIX_API_KEY}` };
    if (caller === 'api0') return { authorization: `Bearer ${NO_SCOPE_KEY}` };
    return as(sessions[caller]);
  }

  type Who = Caller | 'e2';
  const headersOf = (who: Who) => (who === 'e2' ? as(e2Session) : headers(who));

  /** A setup request that must succeed; its JSON answer. */
  async function must<T = any>(who: Who, method: Method, url: string, payload?: object, upload?: Upload): Promise<T> {
    const form = upload ? multipart(upload) : null;
    const response: LightMyRequestResponse = await platform.app.inject({
      method,
      url,
      headers: { ...headersOf(who), ...form?.headers },
      ...(form ? { payload: form.payload } : payload !== undefined && { payload }),
    });
    if (response.statusCode >= 300)
      throw new Error(`setup: ${who} ${method} ${url} → ${response.statusCode} ${response.body.slice(0, 300)}`);
    return (response.headers['content-type']?.toString().includes('json') ? response.json() : response.body) as T;
  }

  const future = (days: number) => new Date(now().getTime() + days * 86_400_000).toISOString();

  // ---- Declarations, ratings, flag cases -------------------------------------------------
  function declarationBody(side: Side) {
    const at = { registeredAt: '2026-11-20T01:30:00Z', clearedAt: '2026-11-20T08:00:00Z', status: 'cleared' };
    if (side === 'in') {
      return {
        typeCode: 'A11',
        enterprise: { taxCode: e1.tax_code, name: e1.name },
        declarant: { taxCode: b1.tax_code, name: b1.name },
        officeCode: '03NK',
        channel: 'yellow',
        ...at,
        steps: [
          {
            stage: 'Tiếp nhận',
            teamCode: '03NK01',
            officerCode: o1.code,
            startedAt: '2026-11-20T01:30:00Z',
            finishedAt: '2026-11-20T02:00:00Z',
          },
          {
            stage: 'Kiểm tra hồ sơ',
            teamCode: '03NK02',
            officerCode: o2.code,
            startedAt: '2026-11-20T02:00:00Z',
            finishedAt: '2026-11-20T07:00:00Z',
          },
        ],
      };
    }
    return {
      typeCode: 'A12',
      enterprise: { taxCode: e2.tax_code, name: e2.name },
      officeCode: '20BB',
      channel: 'green',
      ...at,
      steps: [
        {
          stage: 'Tiếp nhận',
          teamCode: '20BB01',
          officerCode: o3.code,
          startedAt: '2026-11-20T01:30:00Z',
          finishedAt: '2026-11-20T02:00:00Z',
        },
      ],
    };
  }
  const newNumber = () => `1070${String(next()).padStart(8, '0')}`;
  async function declaration(side: Side): Promise<{ number: string; token: string }> {
    const number = newNumber();
    await must('api', 'PUT', `/api/v1/declarations/${number}`, declarationBody(side));
    const row = await db
      .selectFrom('declarations')
      .select('rating_token')
      .where('number', '=', number)
      .executeTakeFirstOrThrow();
    return { number, token: row.rating_token };
  }
  const plainRating = (side: Side) => ({
    subjects: [{ kind: 'branch', ref: side === 'in' ? '03NK' : '20BB', stars: 4 }],
  });
  async function ratedDeclaration(side: Side) {
    const d = await declaration(side);
    await must('anon', 'POST', `/api/rate/${d.token}`, plainRating(side));
    return d;
  }
  /** One rating that opens a case per handler: in → tl, bl, dl, ins; out → tl-out, ins-out. */
  async function caseSet(
    side: Side,
  ): Promise<{ token: string; cases: Record<string, { id: string; number: string }> }> {
    const d = await declaration(side);
    const subjects =
      side === 'in'
        ? [
            { kind: 'officer', ref: o1.code, stars: 1, flags: ['delay'] },
            { kind: 'team', ref: '03NK01', stars: 1, flags: ['delay'] },
            { kind: 'branch', ref: '03NK', stars: 1, flags: ['delay'] },
            { kind: 'officer', ref: o2.code, stars: 1, flags: ['harassment'] },
          ]
        : [
            { kind: 'officer', ref: o3.code, stars: 1, flags: ['delay'] },
            { kind: 'branch', ref: '20BB', stars: 1, flags: ['harassment'] },
          ];
    await must('anon', 'POST', `/api/rate/${d.token}`, { subjects });
    const rows = await db
      .selectFrom('flag_cases as c')
      .innerJoin('assessments as a', 'a.id', 'c.assessment_id')
      .innerJoin('declarations as d', 'd.id', 'a.declaration_id')
      .select(['c.id', 'c.number', 'c.handler_role'])
      .where('d.number', '=', d.number)
      .execute();
    const name: Record<string, string> =
      side === 'in'
        ? { team_lead: 'tl', branch_leader: 'bl', department_leader: 'dl', inspector: 'ins' }
        : { team_lead: 'tl-out', inspector: 'ins-out' };
    const cases = Object.fromEntries(
      rows.map((r) => [name[r.handler_role] ?? r.handler_role, { id: r.id, number: r.number }]),
    );
    if (Object.keys(cases).length !== Object.keys(name).length)
      throw new Error(`setup: case set ${side} opened ${JSON.stringify(rows)}`);
    return { token: d.token, cases };
  }
  const finding = { substantiated: false, measure: 'Đã xác minh, không có vi phạm' };

  // ---- The one-time code mailed to a business, and the grant it gives a browser ------------
  const declarationId = async (token: string) =>
    (await db.selectFrom('declarations').select('id').where('rating_token', '=', token).executeTakeFirstOrThrow()).id;
  /** A live code for the declaration behind the link (as if read from the mail), replacing any open one. */
  async function ratingCode(token: string): Promise<string> {
    const id = await declarationId(token);
    const code = String(100_000 + (next() % 900_000));
    const codeId = randomUUID();
    await db
      .updateTable('rating_access_codes')
      .set({ expires_at: now() })
      .where('declaration_id', '=', id)
      .where('used_at', 'is', null)
      .execute();
    await db
      .insertInto('rating_access_codes')
      .values({
        id: codeId,
        declaration_id: id,
        code_hash: sha256(`${codeId}:${code}`),
        created_at: now(),
        expires_at: new Date(now().getTime() + 600_000),
      })
      .execute();
    return code;
  }
  /** The cookie a verified code gives a browser for this declaration. */
  async function ratingGrant(token: string): Promise<string> {
    const grant = randomToken(32);
    await db
      .insertInto('rating_access_grants')
      .values({
        token_hash: sha256(grant),
        declaration_id: await declarationId(token),
        expires_at: new Date(now().getTime() + 600_000),
      })
      .execute();
    return `${RATING_ACCESS_COOKIE}=${grant}`;
  }

  // ---- Events, follow-ups, dialogue requests --------------------------------------------
  async function event(side: Side, options: { started?: boolean } = {}): Promise<string> {
    const body = {
      kind: 'conference',
      title: `Hội nghị đối thoại doanh nghiệp ${next()}`,
      organizerUnitId: side === 'in' ? org['03NK'] : org['20BB'],
      place: 'Hội trường Chi cục',
      startsAt: future(10),
      endsAt: future(10.2),
      audience: side === 'in' ? 'all' : 'branch',
      ...(side === 'out' && { audienceUnitId: org['20BB'] }),
    };
    const { id } = await must<{ id: string }>('gd', 'POST', '/api/events', body);
    if (options.started) {
      await db
        .updateTable('events')
        .set({ starts_at: new Date(now().getTime() - 3_600_000), ends_at: new Date(now().getTime() + 5 * 3_600_000) })
        .where('id', '=', id)
        .execute();
    }
    return id;
  }
  async function registration(eventId: string): Promise<string> {
    const enterprise = await createEnterprise(db, { managingUnitId: org['03NK'] });
    const row = await db
      .insertInto('event_registrations')
      .values({
        event_id: eventId,
        enterprise_id: enterprise.id,
        user_id: users.ent.id,
        attendee_name: 'Phạm Thị Dung',
        token: randomToken(18),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }
  async function followUp(eventId: string, side: Side): Promise<string> {
    const row = await db
      .insertInto('event_questions')
      .values({
        event_id: eventId,
        enterprise_id: e3.id,
        text: 'Thời gian hoàn thuế có thể rút ngắn không?',
        raised_at_event: true,
        owner_unit_id: side === 'in' ? org['03NK'] : org['20BB'],
        due_at: new Date(future(10)),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }
  async function dialogue(side: Side, proposed = false): Promise<string> {
    const body = {
      unitId: side === 'in' ? org['03NK'] : org['20BB'],
      subject: 'Đối thoại về thủ tục gia công',
      description: 'Doanh nghiệp đề nghị đối thoại về thủ tục gia công xuất khẩu.',
    };
    const { id } = await must<{ id: string }>(side === 'in' ? 'ent' : 'e2', 'POST', '/api/dialogue-requests', body);
    if (proposed)
      await must('gd', 'POST', `/api/dialogue-requests/${id}/decision`, {
        decision: 'propose',
        proposedAt: future(7),
        place: 'Phòng họp số 2',
      });
    return id;
  }

  // ---- Agreements, documents, newsletters, questions --------------------------------------
  async function agreement(kind: 'in' | 'assoc' | 'out'): Promise<string> {
    const base = {
      number: `TT-${next()}/2026`,
      title: 'Thỏa thuận hợp tác Hải quan – Doanh nghiệp',
      signedOn: '2026-01-15',
      status: 'signed',
    };
    const body =
      kind === 'assoc'
        ? { ...base, kind: 'coordination', unitId: org['03NK'], associationId: a1.id }
        : {
            ...base,
            kind: 'cooperation',
            unitId: kind === 'in' ? org['03NK'] : org['20BB'],
            enterpriseTaxCode: kind === 'in' ? e1.tax_code : e2.tax_code,
          };
    return (await must<{ id: string }>('gd', 'POST', '/api/agreements', body)).id;
  }
  const documentBody = (side: Side) => ({
    number: `${next()}/2026/TT-BTC`,
    docType: 'circular',
    issuer: 'Bộ Tài chính',
    title: 'Thông tư sửa đổi thủ tục hải quan',
    issuedOn: '2026-10-01',
    summaryVi: 'Sửa đổi, bổ sung một số điều về thủ tục hải quan đối với hàng gia công.',
    topics: ['procedures'],
    unitId: side === 'in' ? org['03NK'] : org['20BB'],
  });
  async function newsletter(side: Side, documentId: string): Promise<string> {
    const row = await db
      .insertInto('newsletters')
      .values({
        month: `2024-${String((next() % 12) + 1).padStart(2, '0')}`,
        unit_id: side === 'in' ? org['03NK'] : org['20BB'],
        intro_vi: 'Kính gửi Quý doanh nghiệp, bản tin tháng này.',
        items: JSON.stringify([
          {
            kind: 'document',
            id: documentId,
            title: 'Thông tư mới',
            detail: 'Thủ tục hải quan',
            topics: ['procedures'],
          },
        ]),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }
  const entryBody = () => ({
    category: 'procedures',
    titleVi: `Thủ tục nhập khẩu máy móc đã qua sử dụng ${next()}`,
    bodyVi: 'Doanh nghiệp cần chuẩn bị hồ sơ theo quy định tại Thông tư 38.',
  });
  const draftEntry = async () =>
    (await must<{ id: string }>('off', 'POST', '/api/question-bank/entries', entryBody())).id;
  const synonymBody = () => ({ terms: [`cách nói ${next()}`, `cách nói khác ${next()}`] });
  const synonymGroup = async () =>
    (await must<{ id: string }>('off', 'POST', '/api/question-bank/synonyms', synonymBody())).id;

  // ---- Support ---------------------------------------------------------------------------
  const supportBody = {
    subject: 'Hoàn thuế nguyên liệu nhập SXXK',
    body: 'Công ty xin hỏi hồ sơ hoàn thuế nguyên liệu gồm những gì?',
    category: 'tax_refund',
  };
  async function supportRequest(side: Side, options: { answered?: boolean; resolved?: boolean } = {}): Promise<string> {
    const { id } = await must<{ id: string }>(
      side === 'in' ? 'ent' : 'e2',
      'POST',
      '/api/support/requests',
      supportBody,
    );
    if (options.answered || options.resolved)
      await must('gd', 'POST', `/api/support/requests/${id}/messages`, {
        body: 'Hồ sơ gồm văn bản đề nghị và chứng từ nhập khẩu.',
      });
    if (options.resolved) await must('gd', 'POST', `/api/support/requests/${id}/status`, { status: 'resolved' });
    return id;
  }
  async function inboundMail(): Promise<string> {
    const n = next();
    const row = await db
      .insertInto('support_inbound_mails')
      .values({
        message_id: `<m${n}@matrix.test>`,
        from_address: `khach${n}@gmail.com`,
        from_name: 'Ông Tùng',
        subject: 'Thủ tục nhập khẩu máy móc',
        text_body: 'Tôi muốn hỏi thủ tục nhập khẩu máy móc đã qua sử dụng.',
        received_at: now(),
        status: 'unmatched',
        reason: 'unknown_sender',
        request_id: null,
        sender_user_id: null,
        attachments: JSON.stringify([]),
        handled_by_user_id: null,
        handled_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  // ---- Shared rows, built once ----------------------------------------------------------
  const unrated = { in: await declaration('in'), out: await declaration('out') };
  const rated = { in: await ratedDeclaration('in'), out: await ratedDeclaration('out') };
  const apiRated = await declaration('in');
  await must('api', 'POST', `/api/v1/declarations/${apiRated.number}/assessments`, plainRating('in'));
  const cases = { in: await caseSet('in'), out: await caseSet('out') };
  const resolvedCases = await caseSet('in');
  await must('ins', 'POST', `/api/cases/${resolvedCases.cases.ins!.id}/finding`, finding);

  const events = { in: await event('in', { started: true }), out: await event('out', { started: true }) };
  const eventQuestion = {
    in: (
      await db
        .insertInto('event_questions')
        .values({ event_id: events.in, enterprise_id: e3.id, text: 'Có thể kéo dài thời gian lưu kho không?' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id,
    out: (
      await db
        .insertInto('event_questions')
        .values({ event_id: events.out, enterprise_id: e2.id, text: 'Có thể kéo dài thời gian lưu kho không?' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id,
  };
  const followUps = { in: await followUp(events.in, 'in'), out: await followUp(events.out, 'out') };
  const dialogues = { in: await dialogue('in'), out: await dialogue('out') };
  const proposals = { in: await dialogue('in', true), out: await dialogue('out', true) };

  const agreements = { in: await agreement('in'), assoc: await agreement('assoc'), out: await agreement('out') };
  await must('gd', 'POST', `/api/agreements/${agreements.in}/document`, undefined, {
    fileName: 'thoa-thuan.pdf',
    contentType: 'application/pdf',
    bytes: PDF,
  });
  await must('gd', 'POST', `/api/agreements/${agreements.out}/document`, undefined, {
    fileName: 'thoa-thuan.pdf',
    contentType: 'application/pdf',
    bytes: PDF,
  });

  const documents = {
    in: (await must<{ id: string }>('gd', 'POST', '/api/documents', documentBody('in'))).id,
    out: (await must<{ id: string }>('gd', 'POST', '/api/documents', documentBody('out'))).id,
  };
  const uploaded = await must<{ files: { id: string }[] }>(
    'gd',
    'POST',
    `/api/documents/${documents.in}/file`,
    undefined,
    { fileName: 'thong-tu.pdf', contentType: 'application/pdf', bytes: PDF },
  );
  const documentFileId = uploaded.files[0]!.id;
  const newsletters = { in: await newsletter('in', documents.in), out: await newsletter('out', documents.out) };
  const unsubscribeToken = randomToken(18);
  await db
    .insertInto('newsletter_recipients')
    .values({
      newsletter_id: newsletters.in,
      email: 'nhan-tin@matrix.test',
      token: unsubscribeToken,
      unsubscribed_at: null,
      skipped: null,
    })
    .execute();

  const entry = await draftEntry();
  const synonym = await synonymGroup();
  const published = await draftEntry();
  await must('tl', 'POST', `/api/question-bank/entries/${published}/transition`, { to: 'reviewed' });
  await must('tl', 'POST', `/api/question-bank/entries/${published}/transition`, { to: 'published' });

  const requests = {
    in: await supportRequest('in', { answered: true }),
    out: await supportRequest('out', { answered: true }),
  };
  const otherRequests = { in: await supportRequest('in'), out: await supportRequest('out') };
  const resolvedRequests = {
    in: await supportRequest('in', { resolved: true }),
    out: await supportRequest('out', { resolved: true }),
  };
  const attachments = {
    in: (
      await must<{ id: string }>('ent', 'POST', `/api/support/requests/${requests.in}/attachments`, undefined, {
        fileName: 'to-khai.pdf',
        contentType: 'application/pdf',
        bytes: PDF,
      })
    ).id,
    out: (
      await must<{ id: string }>('e2', 'POST', `/api/support/requests/${requests.out}/attachments`, undefined, {
        fileName: 'to-khai.pdf',
        contentType: 'application/pdf',
        bytes: PDF,
      })
    ).id,
  };
  const inbound = await inboundMail();

  const importJob = (
    await db
      .insertInto('import_jobs')
      .values({
        kind: 'declarations',
        file_name: 'to-khai.csv',
        created_by: users.bl.id,
        status: 'done',
        errors: JSON.stringify([]),
        finished_at: now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const apiKey = (
    await must<{ id: string }>('adm', 'POST', '/api/admin/api-keys', {
      name: 'Phần mềm dùng chung',
      scopes: ['units:read'],
    })
  ).id;
  const mergePair = async () => {
    const make = async () =>
      (
        await must<{ id: string }>('adm', 'POST', '/api/units', {
          code: `MX${next()}`,
          kind: 'team',
          nameVi: 'Đội thử nghiệm',
          nameEn: 'Test team',
          parentId: org['03CE'],
        })
      ).id;
    return { source: await make(), into: await make() };
  };
  const units = { renamed: (await mergePair()).source, merge: await mergePair() };

  return {
    platform,
    db,
    org,
    now,
    future,
    parties: { e1, e2, b1, a1: a1.id },
    officers: { o1, o2, o3 },
    users,
    target: target.id,
    signInUser: signInUser.id,
    headers,
    must,
    declarationBody,
    newNumber,
    declaration,
    ratedDeclaration,
    plainRating,
    caseSet,
    finding,
    ratingCode,
    ratingGrant,
    event,
    registration,
    followUp,
    dialogue,
    agreement,
    documentBody,
    newsletter,
    entryBody,
    draftEntry,
    synonymBody,
    synonymGroup,
    supportBody,
    supportRequest,
    inboundMail,
    mergePair,
    rows: {
      unrated,
      rated,
      apiRated,
      cases,
      resolvedCases,
      events,
      eventQuestion,
      followUps,
      dialogues,
      proposals,
      agreements,
      documents,
      documentFileId,
      newsletters,
      unsubscribeToken,
      entry,
      synonym,
      published,
      requests,
      otherRequests,
      resolvedRequests,
      attachments,
      inbound,
      importJob,
      apiKey,
      units,
    },
    taxCode: () => validTaxCode(400_000_000 + next() * 13),
  };
}
