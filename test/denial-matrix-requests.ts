// How each cell of the denial matrix is asked: for every operation and variant,
// the URL (with ids of real rows) and a valid body, so that a 400 never hides a
// missing authorization check. An allowed cell that changes something gets a
// throw-away row; a refused cell gets a shared row in a state where the
// operation would succeed if the check were missing.
import type { Caller } from './denial-matrix.ts';
import { isUserCaller, next, PDF, type Side, type Upload, type World } from './denial-matrix-world.ts';
import { TEST_PASSWORD } from './factories.ts';
import { signIn, as } from './platform.ts';
import { randomToken, sha256 } from '../src/server/lib/crypto.ts';
import { CDCI_REQUESTS } from './denial-matrix-cdci-requests.ts';
import { CONSULTATION_REQUESTS } from './denial-matrix-consultation-requests.ts';
import { SURVEY_REQUESTS } from './denial-matrix-survey-requests.ts';
import { PLAN_REQUESTS } from './denial-matrix-plan-requests.ts';
import { SCREEN_REQUESTS } from './denial-matrix-screen-requests.ts';
import { CONTEST_REQUESTS } from './denial-matrix-contest-requests.ts';

export interface Ctx {
  w: World;
  caller: Caller;
  /** The table allows this cell (so a write gets a throw-away row). */
  allowed: boolean;
}

export interface CellRequest {
  url: string;
  payload?: object;
  upload?: Upload;
  /** Replaces the caller's headers (a fresh session for signing out). */
  headers?: Record<string, string>;
  /** A cookie sent besides the caller's own (a rating-access grant). */
  cookie?: string;
  /** Rows outside the caller's reach (name → id) that an allowed answer must not contain. */
  hidden?: Record<string, string>;
  /** Rows within reach that an allowed answer must contain (so that the check above is not vacuous). */
  shown?: Record<string, string>;
}

type Build = (ctx: Ctx) => CellRequest | Promise<CellRequest>;
type Variants = Record<string, Build>;

const one = (build: Build): Variants => ({ '-': build });
const sides = (build: (side: Side, ctx: Ctx) => CellRequest | Promise<CellRequest>): Variants => ({
  in: (ctx) => build('in', ctx),
  out: (ctx) => build('out', ctx),
});
const pdf = (fileName: string): Upload => ({ fileName, contentType: 'application/pdf', bytes: PDF });

const caseVariants = (suffix: string, payload?: (ctx: Ctx) => object, fresh = false): Variants =>
  Object.fromEntries(
    ['tl', 'bl', 'dl', 'ins', 'tl-out', 'ins-out'].map((variant) => [
      variant,
      async (ctx: Ctx) => {
        const side: Side = variant.endsWith('-out') ? 'out' : 'in';
        const set = fresh && ctx.allowed ? await ctx.w.caseSet(side) : ctx.w.rows.cases[side];
        return { url: `/api/cases/${set.cases[variant]!.id}${suffix}`, ...(payload && { payload: payload(ctx) }) };
      },
    ]),
  );

/** A staff action on a support request: a throw-away request for allowed cells when the action changes its state. */
const staffAction = (
  suffix: string,
  payload: (ctx: Ctx, side: Side) => object | Promise<object> | undefined,
  fresh: boolean,
) =>
  sides(async (side, ctx) => {
    const id = fresh && ctx.allowed ? await ctx.w.supportRequest(side) : ctx.w.rows.requests[side];
    const body = await payload(ctx, side);
    return { url: `/api/support/requests/${id}${suffix}`, ...(body && { payload: body }) };
  });

/** Which rows of a list (name → id) the caller sees; the national roles see them all unless told otherwise. */
function scoped(
  caller: Caller,
  rows: Record<string, string>,
  visible: Partial<Record<Caller, string[]>>,
  nationalSeeAll = true,
): Pick<CellRequest, 'hidden' | 'shown'> {
  const mine = nationalSeeAll && (caller === 'gd' || caller === 'adm') ? Object.keys(rows) : (visible[caller] ?? []);
  const entries = Object.entries(rows);
  return {
    shown: Object.fromEntries(entries.filter(([name]) => mine.includes(name))),
    hidden: Object.fromEntries(entries.filter(([name]) => !mine.includes(name))),
  };
}

export const REQUESTS: Record<string, Variants> = {
  'GET /healthz': one(() => ({ url: '/healthz' })),
  'GET /readyz': one(() => ({ url: '/readyz' })),
  'POST /api/auth/sign-in': one(() => ({
    url: '/api/auth/sign-in',
    payload: { email: 'dang-nhap@matrix.test', password: TEST_PASSWORD },
  })),
  'POST /api/auth/sign-in/link': one(async ({ w }) => {
    const token = randomToken(32);
    await w.db
      .insertInto('sign_in_links')
      .values({
        token_hash: sha256(token),
        user_id: w.signInUser,
        created_at: w.now(),
        expires_at: new Date(w.now().getTime() + 600_000),
        used_at: null,
        ip: null,
      })
      .execute();
    return { url: '/api/auth/sign-in/link', payload: { token, password: TEST_PASSWORD } };
  }),
  // Signing out ends the session it is sent with: a fresh one, so the caller's own stays for the other cells.
  'POST /api/auth/sign-out': one(async ({ w, caller }) => ({
    url: '/api/auth/sign-out',
    ...(isUserCaller(caller) && { headers: as(await signIn(w.platform, w.users[caller].email, TEST_PASSWORD)) }),
  })),
  'POST /api/auth/locale': one(() => ({ url: '/api/auth/locale', payload: { locale: 'vi' } })),
  'GET /api/auth/demo-accounts': one(() => ({ url: '/api/auth/demo-accounts' })),
  'GET /api/auth/me': one(() => ({ url: '/api/auth/me' })),
  // The same password again: the account stays usable; other sessions of the account end (none is kept elsewhere).
  'POST /api/auth/password': one(() => ({
    url: '/api/auth/password',
    payload: { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD },
  })),

  'GET /api/units/': one(() => ({ url: '/api/units' })),
  'GET /api/units/{id}': one(({ w }) => ({ url: `/api/units/${w.org['03NK']}` })),
  'POST /api/units/': one(({ w }) => ({
    url: '/api/units',
    payload: {
      code: `MU${next()}`,
      kind: 'team',
      nameVi: 'Đội thủ tục mới',
      nameEn: 'New team',
      parentId: w.org['03CE'],
    },
  })),
  'PATCH /api/units/{id}': one(({ w }) => ({
    url: `/api/units/${w.rows.units.renamed}`,
    payload: { nameVi: `Đội thử nghiệm ${next()}` },
  })),
  'POST /api/units/{id}/merge': one(async ({ w, allowed }) => {
    const pair = allowed ? await w.mergePair() : w.rows.units.merge;
    return { url: `/api/units/${pair.source}/merge`, payload: { intoId: pair.into } };
  }),
  'GET /api/units/{id}/history': one(({ w }) => ({ url: `/api/units/${w.org['03NK']}/history` })),

  'GET /api/enterprises': one(({ w, caller }) => ({
    url: '/api/enterprises?limit=200',
    ...(['ent', 'brk', 'asc'].includes(caller) &&
      scoped(
        caller,
        { E1: w.parties.e1.id, E2: w.parties.e2.id, B1: w.parties.b1.id },
        { ent: ['E1'], brk: ['E1', 'B1'], asc: ['E1'] },
      )),
  })),
  'GET /api/enterprises/{id}': sides((side, { w }) => ({
    url: `/api/enterprises/${side === 'in' ? w.parties.e1.id : w.parties.e2.id}`,
  })),
  'POST /api/enterprises': one(({ w }) => ({
    url: '/api/enterprises',
    payload: { taxCode: w.taxCode(), name: 'Công ty TNHH Mới Thành Lập' },
  })),
  'GET /api/associations': one(() => ({ url: '/api/associations' })),
  'GET /api/officers': sides((side, { w, caller }) => ({
    url: side === 'in' ? '/api/officers?limit=200' : `/api/officers?unitId=${w.org['20BB01']}`,
    ...(side === 'in' &&
      scoped(
        caller,
        { O1: w.officers.o1.id, O2: w.officers.o2.id, O3: w.officers.o3.id },
        { off: ['O1'], tl: ['O1'], bl: ['O1', 'O2'], dl: ['O1', 'O2'], ins: ['O1', 'O2'] },
      )),
  })),

  'GET /api/accounts/': one(() => ({ url: '/api/accounts' })),
  'POST /api/accounts/': one(({ w }) => ({
    url: '/api/accounts',
    payload: {
      email: `moi${next()}@matrix.test`,
      fullName: 'Cán bộ Mới',
      password: TEST_PASSWORD,
      roles: [{ role: 'officer', unitId: w.org['03NK02'] }],
    },
  })),
  'GET /api/accounts/{id}': one(({ w }) => ({ url: `/api/accounts/${w.target}` })),
  'PATCH /api/accounts/{id}': one(({ w }) => ({
    url: `/api/accounts/${w.target}`,
    payload: { fullName: `Cán bộ Đổi Tên ${next()}` },
  })),
  'POST /api/accounts/{id}/password': one(({ w }) => ({
    url: `/api/accounts/${w.target}/password`,
    payload: { password: TEST_PASSWORD },
  })),
  'GET /api/admin/api-keys': one(() => ({ url: '/api/admin/api-keys' })),
  'POST /api/admin/api-keys': one(() => ({
    url: '/api/admin/api-keys',
    payload: { name: 'Phần mềm khai báo', scopes: ['units:read'] },
  })),
  'POST /api/admin/api-keys/{id}/revoke': one(async ({ w, allowed }) => {
    const id = allowed
      ? (
          await w.must<{ id: string }>('adm', 'POST', '/api/admin/api-keys', {
            name: 'Khóa bỏ đi',
            scopes: ['units:read'],
          })
        ).id
      : w.rows.apiKey;
    return { url: `/api/admin/api-keys/${id}/revoke` };
  }),
  'GET /api/admin/audit': one(() => ({ url: '/api/admin/audit' })),
  'GET /api/admin/outbox': one(() => ({ url: '/api/admin/outbox' })),

  'GET /api/v1/units': one(() => ({ url: '/api/v1/units' })),
  'GET /api/v1/units/{code}/satisfaction': one(() => ({ url: '/api/v1/units/03NK/satisfaction' })),
  'PUT /api/v1/declarations/{number}': one(({ w }) => ({
    url: `/api/v1/declarations/${w.newNumber()}`,
    payload: w.declarationBody('in'),
  })),
  'GET /api/v1/declarations/{number}': one(({ w }) => ({ url: `/api/v1/declarations/${w.rows.unrated.in.number}` })),
  'POST /api/v1/declarations/{number}/assessments': one(async ({ w }) => ({
    url: `/api/v1/declarations/${(await w.declaration('in')).number}/assessments`,
    payload: w.plainRating('in'),
  })),
  'PATCH /api/v1/declarations/{number}/assessments': one(({ w }) => ({
    url: `/api/v1/declarations/${w.rows.apiRated.number}/assessments`,
    payload: w.plainRating('in'),
  })),

  'GET /api/rate/{token}': {
    unrated: ({ w }) => ({ url: `/api/rate/${w.rows.unrated.in.token}` }),
    // The sent rating (its edit window is part of it) is the business's alone.
    rated: ({ w, caller }) => ({
      url: `/api/rate/${w.rows.rated.in.token}`,
      ...scoped(
        caller,
        { 'the sent rating': '"editableUntil"' },
        { ent: ['the sent rating'], brk: ['the sent rating'] },
        false,
      ),
    }),
    'rated-code': async ({ w }) => ({
      url: `/api/rate/${w.rows.rated.in.token}`,
      cookie: await w.ratingGrant(w.rows.rated.in.token),
      shown: { 'the sent rating': '"editableUntil"' },
    }),
  },
  'POST /api/rate/{token}': {
    unrated: async ({ w }) => ({ url: `/api/rate/${(await w.declaration('in')).token}`, payload: w.plainRating('in') }),
    rated: ({ w }) => ({ url: `/api/rate/${w.rows.rated.in.token}`, payload: w.plainRating('in') }),
  },
  'PATCH /api/rate/{token}': {
    rated: ({ w }) => ({
      url: `/api/rate/${w.rows.rated.in.token}`,
      payload: { subjects: [{ kind: 'branch', ref: '03NK', stars: 5 }] },
    }),
    'rated-code': async ({ w }) => ({
      url: `/api/rate/${w.rows.rated.in.token}`,
      cookie: await w.ratingGrant(w.rows.rated.in.token),
      payload: { subjects: [{ kind: 'branch', ref: '03NK', stars: 5 }] },
    }),
  },
  'POST /api/rate/{token}/cases/{number}/feedback': {
    rated: ({ w }) => ({
      url: `/api/rate/${w.rows.resolvedCases.token}/cases/${w.rows.resolvedCases.cases.ins!.number}/feedback`,
      payload: { stars: 4 },
    }),
    'rated-code': async ({ w }) => ({
      url: `/api/rate/${w.rows.resolvedCases.token}/cases/${w.rows.resolvedCases.cases.ins!.number}/feedback`,
      cookie: await w.ratingGrant(w.rows.resolvedCases.token),
      payload: { stars: 4 },
    }),
  },
  // The answer is the same whoever asks and whatever happens; the code goes only to the business's addresses.
  'POST /api/rate/{token}/code': { rated: ({ w }) => ({ url: `/api/rate/${w.rows.rated.in.token}/code` }) },
  // Whoever holds the code that was mailed (a fresh one for each cell) is let in for this declaration.
  'POST /api/rate/{token}/access': {
    rated: async ({ w }) => ({
      url: `/api/rate/${w.rows.rated.in.token}/access`,
      payload: { code: await w.ratingCode(w.rows.rated.in.token) },
    }),
  },

  'GET /api/my/declarations': one(({ w, caller }) => ({
    url: '/api/my/declarations?limit=200',
    ...scoped(
      caller,
      { 'E1 declaration': w.rows.unrated.in.number, 'E2 declaration': w.rows.unrated.out.number },
      { ent: ['E1 declaration'], brk: ['E1 declaration'] },
    ),
  })),
  'GET /api/my/declarations/{number}': sides((side, { w }) => ({
    url: `/api/my/declarations/${w.rows.unrated[side].number}`,
  })),
  'POST /api/my/declarations/{number}/assessment': sides(async (side, { w, allowed }) => ({
    url: `/api/my/declarations/${(allowed ? await w.declaration(side) : w.rows.unrated[side]).number}/assessment`,
    payload: w.plainRating(side),
  })),
  'PATCH /api/my/declarations/{number}/assessment': sides((side, { w }) => ({
    url: `/api/my/declarations/${w.rows.rated[side].number}/assessment`,
    payload: { subjects: [{ kind: 'branch', ref: side === 'in' ? '03NK' : '20BB', stars: 3 }] },
  })),

  'GET /api/dashboards/periods': one(() => ({ url: '/api/dashboards/periods' })),
  'GET /api/dashboards/units': one(() => ({ url: '/api/dashboards/units' })),
  'GET /api/dashboards/units/{id}': sides((side, { w }) => ({
    url: `/api/dashboards/units/${w.org[side === 'in' ? '03NK01' : '20BB01']}`,
  })),
  'GET /api/dashboards/units/{id}/report': sides((side, { w }) => ({
    url: `/api/dashboards/units/${w.org[side === 'in' ? '03NK01' : '20BB01']}/report`,
  })),
  'GET /api/dashboards/units/{id}/export': sides((side, { w }) => ({
    url: `/api/dashboards/units/${w.org[side === 'in' ? '03NK01' : '20BB01']}/export`,
  })),
  'GET /api/dashboards/officers/{id}': {
    own: ({ w }) => ({ url: `/api/dashboards/officers/${w.officers.o1.id}` }),
    peer: ({ w }) => ({ url: `/api/dashboards/officers/${w.officers.o2.id}` }),
    out: ({ w }) => ({ url: `/api/dashboards/officers/${w.officers.o3.id}` }),
  },
  'GET /api/dashboards/officers/{id}/export': {
    own: ({ w }) => ({ url: `/api/dashboards/officers/${w.officers.o1.id}/export` }),
    peer: ({ w }) => ({ url: `/api/dashboards/officers/${w.officers.o2.id}/export` }),
    out: ({ w }) => ({ url: `/api/dashboards/officers/${w.officers.o3.id}/export` }),
  },

  'GET /api/cases': one(({ w, caller }) => {
    const all = { ...w.rows.cases.in.cases, ...w.rows.cases.out.cases };
    const rows = Object.fromEntries(Object.entries(all).map(([handler, kase]) => [`case for ${handler}`, kase.id]));
    return {
      url: '/api/cases?limit=200',
      ...scoped(caller, rows, { tl: ['case for tl'], bl: ['case for bl'], dl: ['case for dl'], ins: ['case for ins'] }),
    };
  }),
  'GET /api/cases/{id}': caseVariants(''),
  'POST /api/cases/{id}/review': caseVariants('/review'),
  'POST /api/cases/{id}/finding': caseVariants('/finding', ({ w }) => w.finding, true),
  'POST /api/cases/{id}/identity': caseVariants('/identity'),

  'POST /api/declarations/imports': one(({ w }) => ({
    url: '/api/declarations/imports',
    upload: {
      fileName: 'to-khai.csv',
      contentType: 'text/csv',
      bytes: Buffer.from(
        `so_to_khai,ma_loai_hinh,mst_doanh_nghiep,ten_doanh_nghiep,ma_chi_cuc,luong,ngay_dang_ky,cac_buoc\n${w.newNumber()},A11,${w.parties.e1.tax_code},${w.parties.e1.name},03NK,xanh,2026-11-21,Tiếp nhận:03NK01\n`,
      ),
    },
  })),
  'GET /api/declarations/imports/{id}': one(({ w }) => ({ url: `/api/declarations/imports/${w.rows.importJob}` })),

  'GET /api/events': one(({ w, caller }) => ({
    url: '/api/events?when=all',
    ...scoped(
      caller,
      { 'in event': w.rows.events.in, 'out event': w.rows.events.out },
      { ent: ['in event'], brk: ['in event'], bl: ['in event'], dl: ['in event'] },
    ),
  })),
  'POST /api/events': sides((side, { w }) => ({
    url: '/api/events',
    payload: {
      kind: 'conference',
      title: 'Hội nghị đối thoại cuối năm',
      organizerUnitId: w.org[side === 'in' ? '03NK' : '20BB'],
      place: 'Hội trường',
      startsAt: w.future(20),
      endsAt: w.future(20.2),
      audience: 'all',
    },
  })),
  'POST /api/events/series': sides((side, { w }) => ({
    url: '/api/events/series',
    payload: {
      title: 'Cà phê doanh nhân',
      organizerUnitId: w.org[side === 'in' ? '03NK' : '20BB'],
      place: 'Phòng họp',
      audience: 'all',
      fromMonth: '2027-01',
      months: 1,
      startTime: '08:30',
      durationMinutes: 90,
    },
  })),
  'GET /api/events/stats': one(() => ({ url: '/api/events/stats' })),
  'GET /api/events/{id}': sides((side, { w }) => ({ url: `/api/events/${w.rows.events[side]}` })),
  'POST /api/events/{id}/cancel': sides(async (side, { w, allowed }) => ({
    url: `/api/events/${allowed ? await w.event(side) : w.rows.events[side]}/cancel`,
  })),
  'POST /api/events/{id}/registrations': sides((side, { w }) => ({
    url: `/api/events/${w.rows.events[side]}/registrations`,
    payload: { attendeeName: 'Phạm Thị Dung' },
  })),
  'POST /api/events/{id}/questions': sides((side, { w }) => ({
    url: `/api/events/${w.rows.events[side]}/questions`,
    payload: { text: 'Xin hỏi về thời hạn nộp hồ sơ hoàn thuế?' },
  })),
  'POST /api/events/{id}/check-in': sides(async (side, { w }) => ({
    url: `/api/events/${w.rows.events[side]}/check-in`,
    payload: { registrationId: await w.registration(w.rows.events[side]) },
  })),
  'POST /api/events/{id}/minutes': sides(async (side, { w, allowed }) => ({
    url: `/api/events/${allowed ? await w.event(side, { started: true }) : w.rows.events[side]}/minutes`,
    payload: { minutes: 'Biên bản: doanh nghiệp nêu ba vướng mắc, đơn vị trả lời trong 15 ngày.' },
  })),
  'POST /api/event-questions/{id}/votes': sides((side, { w }) => ({
    url: `/api/event-questions/${w.rows.eventQuestion[side]}/votes`,
  })),
  'GET /api/follow-ups': one(({ w, caller }) => ({
    url: '/api/follow-ups?limit=200',
    ...scoped(
      caller,
      { 'in follow-up': w.rows.followUps.in, 'out follow-up': w.rows.followUps.out },
      { bl: ['in follow-up'], dl: ['in follow-up'] },
    ),
  })),
  'PATCH /api/follow-ups/{id}': sides((side, { w }) => ({
    url: `/api/follow-ups/${w.rows.followUps[side]}`,
    payload: { dueAt: w.future(20) },
  })),
  'POST /api/follow-ups/{id}/answer': sides(async (side, { w, allowed }) => ({
    url: `/api/follow-ups/${allowed ? await w.followUp(w.rows.events[side], side) : w.rows.followUps[side]}/answer`,
    payload: { answer: 'Đơn vị đã rút ngắn thời gian xử lý hồ sơ.' },
  })),
  'POST /api/follow-ups/{id}/link': sides((side, { w }) => ({
    url: `/api/follow-ups/${w.rows.followUps[side]}/link`,
    payload: { kind: 'question_bank', ref: null },
  })),
  'GET /api/dialogue-requests': one(({ w, caller }) => ({
    url: '/api/dialogue-requests',
    ...scoped(
      caller,
      { 'E1 request': w.rows.dialogues.in, 'E2 request': w.rows.dialogues.out },
      { ent: ['E1 request'], bl: ['E1 request'], dl: ['E1 request'] },
    ),
  })),
  'POST /api/dialogue-requests': one(({ w }) => ({
    url: '/api/dialogue-requests',
    payload: {
      unitId: w.org['03NK'],
      subject: 'Đối thoại về kiểm tra chuyên ngành',
      description: 'Doanh nghiệp đề nghị đối thoại về thủ tục kiểm tra chuyên ngành.',
    },
  })),
  'POST /api/dialogue-requests/{id}/decision': sides(async (side, { w, allowed }) => ({
    url: `/api/dialogue-requests/${allowed ? await w.dialogue(side) : w.rows.dialogues[side]}/decision`,
    payload: { decision: 'decline', reason: 'Nội dung đã được trả lời bằng văn bản.' },
  })),
  'POST /api/dialogue-requests/{id}/accept-proposal': sides(async (side, { w, allowed }) => ({
    url: `/api/dialogue-requests/${allowed ? await w.dialogue(side, true) : w.rows.proposals[side]}/accept-proposal`,
  })),

  'GET /api/agreements': one(({ w, caller }) => ({
    url: '/api/agreements',
    ...scoped(
      caller,
      {
        'E1 agreement': w.rows.agreements.in,
        'A1 agreement': w.rows.agreements.assoc,
        'E2 agreement': w.rows.agreements.out,
      },
      {
        ent: ['E1 agreement'],
        asc: ['A1 agreement'],
        bl: ['E1 agreement', 'A1 agreement'],
        dl: ['E1 agreement', 'A1 agreement'],
      },
    ),
  })),
  'POST /api/agreements': sides((side, { w }) => ({
    url: '/api/agreements',
    payload: {
      number: `TT-${next()}/2026`,
      kind: 'cooperation',
      unitId: w.org[side === 'in' ? '03NK' : '20BB'],
      enterpriseTaxCode: (side === 'in' ? w.parties.e1 : w.parties.e2).tax_code,
      title: 'Thỏa thuận hợp tác mới',
    },
  })),
  'GET /api/agreements/progress': one(() => ({ url: '/api/agreements/progress?year=2026' })),
  'PUT /api/agreements/targets': sides((side, { w }) => ({
    url: '/api/agreements/targets',
    payload: { unitId: w.org[side === 'in' ? '03NK' : '20BB'], year: 2026, targetMin: 5 },
  })),
  'GET /api/agreements/export': one(() => ({ url: '/api/agreements/export' })),
  'GET /api/agreements/{id}': {
    in: ({ w }) => ({ url: `/api/agreements/${w.rows.agreements.in}` }),
    assoc: ({ w }) => ({ url: `/api/agreements/${w.rows.agreements.assoc}` }),
    out: ({ w }) => ({ url: `/api/agreements/${w.rows.agreements.out}` }),
  },
  'POST /api/agreements/{id}/status': sides(async (side, { w, allowed }) => ({
    url: `/api/agreements/${allowed ? await w.agreement(side) : w.rows.agreements[side]}/status`,
    payload: { status: 'terminated', reason: 'Hai bên thống nhất chấm dứt thỏa thuận.' },
  })),
  'POST /api/agreements/{id}/document': sides((side, { w }) => ({
    url: `/api/agreements/${w.rows.agreements[side]}/document`,
    upload: pdf('thoa-thuan-ky.pdf'),
  })),
  'GET /api/agreements/{id}/document': sides((side, { w }) => ({
    url: `/api/agreements/${w.rows.agreements[side]}/document`,
  })),

  'GET /api/documents': one(() => ({ url: '/api/documents' })),
  'GET /api/documents/{id}': one(({ w }) => ({ url: `/api/documents/${w.rows.documents.in}` })),
  'GET /api/documents/{id}/file': one(({ w }) => ({ url: `/api/documents/${w.rows.documents.in}/file` })),
  'GET /api/documents/{id}/files/{fileId}': one(({ w }) => ({
    url: `/api/documents/${w.rows.documents.in}/files/${w.rows.documentFileId}`,
  })),
  'POST /api/documents': sides((side, { w }) => ({ url: '/api/documents', payload: w.documentBody(side) })),
  'POST /api/documents/{id}/file': sides((side, { w }) => ({
    url: `/api/documents/${w.rows.documents[side]}/file`,
    upload: pdf('van-ban.pdf'),
  })),
  'GET /api/announcements': one(() => ({ url: '/api/announcements' })),
  'POST /api/announcements': sides((side, { w }) => ({
    url: '/api/announcements',
    payload: {
      unitId: w.org[side === 'in' ? '03NK' : '20BB'],
      title: 'Thông báo lịch làm việc',
      body: 'Chi cục làm việc cả sáng thứ Bảy trong tháng 12.',
    },
  })),
  'GET /api/subscriptions/me': one(() => ({ url: '/api/subscriptions/me' })),
  'PUT /api/subscriptions/me': one(() => ({ url: '/api/subscriptions/me', payload: { topics: ['procedures'] } })),
  'GET /api/newsletters': one(({ w, caller }) => ({
    url: '/api/newsletters',
    ...scoped(
      caller,
      { 'in newsletter': w.rows.newsletters.in, 'out newsletter': w.rows.newsletters.out },
      { bl: ['in newsletter'], dl: ['in newsletter'] },
    ),
  })),
  'POST /api/newsletters': sides((side, { w }) => ({
    url: '/api/newsletters',
    payload: {
      month: `2025-${String((next() % 12) + 1).padStart(2, '0')}`,
      unitId: w.org[side === 'in' ? '03NK' : '20BB'],
    },
  })),
  'GET /api/newsletters/{id}': sides((side, { w }) => ({ url: `/api/newsletters/${w.rows.newsletters[side]}` })),
  'POST /api/newsletters/{id}/review': sides((side, { w }) => ({
    url: `/api/newsletters/${w.rows.newsletters[side]}/review`,
    payload: { introVi: 'Kính gửi Quý doanh nghiệp, bản tin đã duyệt.' },
  })),
  'POST /api/newsletters/{id}/send': sides(async (side, { w, allowed }) => ({
    url: `/api/newsletters/${allowed ? await w.newsletter(side, w.rows.documents[side]) : w.rows.newsletters[side]}/send`,
  })),
  'GET /api/newsletters/{id}/deliveries': sides((side, { w }) => ({
    url: `/api/newsletters/${w.rows.newsletters[side]}/deliveries`,
  })),
  'GET /api/newsletters/{id}/deliveries.csv': sides((side, { w }) => ({
    url: `/api/newsletters/${w.rows.newsletters[side]}/deliveries.csv`,
  })),
  'POST /api/newsletters/{id}/retry': sides((side, { w }) => ({
    url: `/api/newsletters/${w.rows.newsletters[side]}/retry`,
  })),
  'GET /api/newsletter/unsubscribe/{token}': one(({ w }) => ({
    url: `/api/newsletter/unsubscribe/${w.rows.unsubscribeToken}`,
  })),
  'POST /api/newsletter/unsubscribe/{token}': one(({ w }) => ({
    url: `/api/newsletter/unsubscribe/${w.rows.unsubscribeToken}`,
  })),

  'GET /api/questions': one(() => ({ url: '/api/questions?q=thu%20tuc' })),
  'GET /api/questions/suggest': one(() => ({ url: '/api/questions/suggest?q=thu' })),
  'GET /api/questions/categories': one(() => ({ url: '/api/questions/categories' })),
  'GET /api/questions/{id}': one(({ w }) => ({ url: `/api/questions/${w.rows.published}` })),
  'POST /api/questions/{id}/feedback': one(({ w }) => ({
    url: `/api/questions/${w.rows.published}/feedback`,
    payload: { helpful: true },
  })),
  'GET /api/question-bank/entries': one(() => ({ url: '/api/question-bank/entries' })),
  'POST /api/question-bank/entries': one(({ w }) => ({ url: '/api/question-bank/entries', payload: w.entryBody() })),
  'GET /api/question-bank/entries/{id}': one(({ w }) => ({ url: `/api/question-bank/entries/${w.rows.entry}` })),
  'PUT /api/question-bank/entries/{id}': one(({ w }) => ({
    url: `/api/question-bank/entries/${w.rows.entry}`,
    payload: w.entryBody(),
  })),
  // Reviewing takes someone other than the last editor: allowed cells review a fresh draft written by the officer.
  'POST /api/question-bank/entries/{id}/transition': one(async ({ w, allowed }) => ({
    url: `/api/question-bank/entries/${allowed ? await w.draftEntry() : w.rows.entry}/transition`,
    payload: { to: 'reviewed' },
  })),
  'GET /api/question-bank/report': one(() => ({ url: '/api/question-bank/report' })),
  'GET /api/question-bank/synonyms': one(() => ({ url: '/api/question-bank/synonyms' })),
  'POST /api/question-bank/synonyms': one(({ w }) => ({
    url: '/api/question-bank/synonyms',
    payload: w.synonymBody(),
  })),
  'PUT /api/question-bank/synonyms/{id}': one(async ({ w, allowed }) => ({
    url: `/api/question-bank/synonyms/${allowed ? await w.synonymGroup() : w.rows.synonym}`,
    payload: w.synonymBody(),
  })),
  'DELETE /api/question-bank/synonyms/{id}': one(async ({ w, allowed }) => ({
    url: `/api/question-bank/synonyms/${allowed ? await w.synonymGroup() : w.rows.synonym}`,
  })),
  'GET /api/question-bank/export.xlsx': one(() => ({ url: '/api/question-bank/export.xlsx' })),
  'GET /api/question-bank/export.pdf': one(() => ({ url: '/api/question-bank/export.pdf' })),

  'GET /api/support/requests': one(({ w, caller }) => ({
    url: '/api/support/requests?limit=200',
    ...scoped(
      caller,
      { 'E1 request': w.rows.requests.in, 'E2 request': w.rows.requests.out },
      { ent: ['E1 request'], off: ['E1 request'], tl: ['E1 request'], bl: ['E1 request'], dl: ['E1 request'] },
    ),
  })),
  // Staff log a request received another way (channel and requester); a business opens its own.
  'POST /api/support/requests': one(({ w, caller }) => ({
    url: '/api/support/requests',
    payload: {
      ...w.supportBody,
      branchId: w.org['03NK'],
      ...(['off', 'tl', 'bl', 'dl', 'gd'].includes(caller) && { channel: 'phone', requesterName: 'Ông Tùng' }),
    },
  })),
  'GET /api/support/requests.csv': one(() => ({ url: '/api/support/requests.csv' })),
  'GET /api/support/requests/{id}': sides((side, { w }) => ({ url: `/api/support/requests/${w.rows.requests[side]}` })),
  'POST /api/support/requests/{id}/messages': staffAction(
    '/messages',
    () => ({ body: 'Xin bổ sung thông tin về lô hàng.' }),
    false,
  ),
  'POST /api/support/requests/{id}/attachments': sides((side, { w }) => ({
    url: `/api/support/requests/${w.rows.requests[side]}/attachments`,
    upload: pdf('bo-sung.pdf'),
  })),
  'GET /api/support/requests/{id}/attachments/{attachmentId}': sides((side, { w }) => ({
    url: `/api/support/requests/${w.rows.requests[side]}/attachments/${w.rows.attachments[side]}`,
  })),
  'POST /api/support/requests/{id}/rating': sides(async (side, { w, allowed }) => ({
    url: `/api/support/requests/${allowed ? await w.supportRequest(side, { resolved: true }) : w.rows.resolvedRequests[side]}/rating`,
    payload: { helpful: true, fast: true },
  })),
  'POST /api/support/requests/{id}/reopen': sides(async (side, { w, allowed }) => ({
    url: `/api/support/requests/${allowed ? await w.supportRequest(side, { resolved: true }) : w.rows.resolvedRequests[side]}/reopen`,
    payload: { reason: 'Câu trả lời chưa đủ cho trường hợp của công ty.' },
  })),
  'POST /api/support/requests/{id}/status': staffAction('/status', () => ({ status: 'in_progress' }), false),
  'POST /api/support/requests/{id}/assign': staffAction(
    '/assign',
    ({ w, caller }) => ({ userId: isUserCaller(caller) ? w.users[caller].id : w.users.off.id }),
    true,
  ),
  'POST /api/support/requests/{id}/follow': staffAction('/follow', () => undefined, false),
  'DELETE /api/support/requests/{id}/follow': staffAction('/follow', () => undefined, false),
  'POST /api/support/requests/{id}/transfer': staffAction(
    '/transfer',
    ({ w }, side) => ({ teamId: w.org[side === 'in' ? '03NK02' : '20BB01'], reason: 'Thuộc lĩnh vực của đội khác.' }),
    true,
  ),
  'POST /api/support/requests/{id}/escalate': staffAction(
    '/escalate',
    () => ({ reason: 'Cần cấp trên cho ý kiến.' }),
    true,
  ),
  'POST /api/support/requests/{id}/merge': staffAction(
    '/merge',
    async ({ w, allowed }, side) => ({ intoId: allowed ? await w.supportRequest(side) : w.rows.otherRequests[side] }),
    true,
  ),
  'POST /api/support/requests/{id}/draft-entry': staffAction('/draft-entry', () => undefined, false),
  'GET /api/support/canned-answers': one(() => ({ url: '/api/support/canned-answers' })),
  'POST /api/support/canned-answers': one(() => ({
    url: '/api/support/canned-answers',
    payload: { title: 'Hồ sơ hoàn thuế', body: 'Hồ sơ gồm văn bản đề nghị và chứng từ.', category: null },
  })),
  'GET /api/support/teams': one(() => ({ url: '/api/support/teams' })),
  'GET /api/support/dashboard': one(() => ({ url: '/api/support/dashboard' })),
  'GET /api/support/inbound': one(() => ({ url: '/api/support/inbound' })),
  'GET /api/support/inbound/{id}': one(({ w }) => ({ url: `/api/support/inbound/${w.rows.inbound}` })),
  'POST /api/support/inbound/{id}/open-request': one(async ({ w, allowed }) => ({
    url: `/api/support/inbound/${allowed ? await w.inboundMail() : w.rows.inbound}/open-request`,
    payload: { category: 'procedures', requesterName: 'Ông Tùng', branchId: w.org['03NK'] },
  })),
  'POST /api/support/inbound/{id}/dismiss': one(async ({ w, allowed }) => ({
    url: `/api/support/inbound/${allowed ? await w.inboundMail() : w.rows.inbound}/dismiss`,
    payload: { reason: 'Thư quảng cáo, không phải câu hỏi.' },
  })),
  'GET /api/support/service-levels': one(() => ({ url: '/api/support/service-levels' })),
  // A different target each time, so that "nothing to change" never answers instead of the check.
  'PUT /api/support/service-levels/{category}/{priority}': one(() => {
    const n = next();
    return {
      url: '/api/support/service-levels/tax_refund/normal',
      payload: { calendar: 'working', firstResponseMinutes: 400 + n, resolutionMinutes: 2400 + n },
    };
  }),
  ...SURVEY_REQUESTS,
  ...CDCI_REQUESTS,
  ...PLAN_REQUESTS,
  ...SCREEN_REQUESTS,
  ...CONSULTATION_REQUESTS,
  ...CONTEST_REQUESTS,
};
