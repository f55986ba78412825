// The denial matrix's requests for waiting-room screens: a screen of 03NK (in)
// and of 20BB (out) set up by the General Department, processing steps through
// the integration API, and a business following its declaration.
import type { CellRequest, Ctx } from './denial-matrix-requests.ts';
import type { Side, World } from './denial-matrix-world.ts';

type Build = (ctx: Ctx) => CellRequest | Promise<CellRequest>;
type Variants = Record<string, Build>;

const one = (build: Build): Variants => ({ '-': build });
const sides = (build: (side: Side, ctx: Ctx) => CellRequest | Promise<CellRequest>): Variants => ({
  in: (ctx) => build('in', ctx),
  out: (ctx) => build('out', ctx),
});

export const screenBody = (side: Side) => ({
  officeCode: side === 'in' ? '03NK' : '20BB',
  name: 'Phòng chờ',
  stages: ['registered', 'cleared'],
  rotation: ['board'],
  language: 'vi',
  numberDigits: 4,
});

interface Created {
  id: string;
  credentials: { key: string; pairingCode: string };
}
const screen = (w: World, side: Side) => w.must<Created>('gd', 'POST', '/api/screens', screenBody(side));

const shared = new WeakMap<World, Promise<Record<Side, Created>>>();
function rows(w: World) {
  let found = shared.get(w);
  if (!found) {
    found = (async () => ({ in: await screen(w, 'in'), out: await screen(w, 'out') }))();
    shared.set(w, found);
  }
  return found;
}

const managed = (suffix: string, fresh: boolean, payload?: (side: Side) => object) =>
  sides(async (side, { w, allowed }) => {
    const id = fresh && allowed ? (await screen(w, side)).id : (await rows(w))[side].id;
    return { url: `/api/screens/${id}${suffix}`, ...(payload && { payload: payload(side) }) };
  });

export const SCREEN_REQUESTS: Record<string, Variants> = {
  'PUT /api/v1/declarations/{number}/progress/{stage}': one(({ w }) => ({
    url: `/api/v1/declarations/${w.rows.unrated.in.number}/progress/registered`,
    payload: { at: '2026-11-20T02:00:00Z', counter: 'Quầy 1' },
  })),
  'GET /api/screens': one(async ({ w, caller }) => {
    const { in: inside, out } = await rows(w);
    const all = { in: inside.id, out: out.id };
    const visible = caller === 'gd' ? ['in', 'out'] : ['in'];
    return {
      url: '/api/screens',
      shown: Object.fromEntries(Object.entries(all).filter(([k]) => visible.includes(k))),
      hidden: Object.fromEntries(Object.entries(all).filter(([k]) => !visible.includes(k))),
    };
  }),
  'POST /api/screens': sides((side) => ({ url: '/api/screens', payload: screenBody(side) })),
  'GET /api/screens/{id}': managed('', false),
  'PUT /api/screens/{id}': managed('', false, screenBody),
  'POST /api/screens/{id}/key': managed('/key', true),
  'DELETE /api/screens/{id}': managed('', true),
  'POST /api/screen-pairing': one(async ({ w }) => ({
    url: '/api/screen-pairing',
    payload: { code: (await screen(w, 'in')).credentials.pairingCode },
  })),
  'GET /api/screen-boards/{key}': one(async ({ w }) => ({
    url: `/api/screen-boards/${(await rows(w)).in.credentials.key}`,
  })),
  'GET /api/screen-boards/{key}/stream': one(async ({ w }) => ({
    url: `/api/screen-boards/${(await rows(w)).in.credentials.key}/stream?after=0&once=true`,
  })),
  'GET /api/follow/{token}': one(({ w }) => ({ url: `/api/follow/${w.rows.unrated.in.token}` })),
  'GET /api/my/following': one(() => ({ url: '/api/my/following' })),
};
