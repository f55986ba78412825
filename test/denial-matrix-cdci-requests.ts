// The denial matrix's requests for the branch competitiveness index: a draft and
// a published method of Hải Phòng (in) and of Quảng Ninh (out), made by the
// General Department. Allowed cells that change something get their own method.
import type { CellRequest, Ctx } from './denial-matrix-requests.ts';
import type { Side, World } from './denial-matrix-world.ts';

type Build = (ctx: Ctx) => CellRequest | Promise<CellRequest>;
type Variants = Record<string, Build>;

const one = (build: Build): Variants => ({ '-': build });
const sides = (build: (side: Side, ctx: Ctx) => CellRequest | Promise<CellRequest>): Variants => ({
  in: (ctx) => build('in', ctx),
  out: (ctx) => build('out', ctx),
});

const methodDocument = {
  name: { vi: 'Chỉ số thử', en: 'Test index' },
  minRespondents: 5,
  uncertainty: { bootstrap: 0, sensitivity: 10, seed: 1, weightNoise: 0.25 },
  components: [
    {
      code: 'lead',
      name: { vi: 'Lãnh đạo', en: 'Leadership' },
      weight: 100,
      indicators: [{ code: 'd_lead', name: { vi: 'Cục chấm', en: 'Scored' }, source: { kind: 'department' } }],
    },
  ],
};
/** A year never published, for saves that must not collide with a frozen one. */
const DRAFT_YEAR = 2039;
let year = 2040;
export const cdciBody = (w: World, side: Side, forYear = DRAFT_YEAR) => ({
  departmentId: side === 'in' ? w.org['03'] : w.org['20'],
  year: forYear,
  surveyId: null,
  method: methodDocument,
});

async function method(w: World, side: Side, publish: boolean) {
  const { id } = await w.must<{ id: string }>('gd', 'POST', '/api/cdci/methods', cdciBody(w, side, year++));
  const result = await w.must<{ id: string }>('gd', 'POST', `/api/cdci/methods/${id}/compute`);
  if (publish) await w.must('gd', 'POST', `/api/cdci/methods/${id}/publish`, { resultId: result.id });
  return { id, resultId: result.id };
}

const shared = new WeakMap<
  World,
  Promise<Record<'draft' | 'published', Record<Side, { id: string; resultId: string }>>>
>();
function rows(w: World) {
  let found = shared.get(w);
  if (!found) {
    found = (async () => ({
      draft: { in: await method(w, 'in', false), out: await method(w, 'out', false) },
      published: { in: await method(w, 'in', true), out: await method(w, 'out', true) },
    }))();
    shared.set(w, found);
  }
  return found;
}

const draft = (suffix: string, fresh: boolean, payload?: (ids: { resultId: string }) => object) =>
  sides(async (side, { w, allowed }) => {
    const ids = fresh && allowed ? await method(w, side, false) : (await rows(w)).draft[side];
    return { url: `/api/cdci/methods/${ids.id}${suffix}`, ...(payload && { payload: payload(ids) }) };
  });
const published = (suffix: string) =>
  one(async ({ w }) => ({ url: `/api/public/cdci/${(await rows(w)).published.in.id}${suffix}` }));

export const CDCI_REQUESTS: Record<string, Variants> = {
  'GET /api/cdci/methods': one(() => ({ url: '/api/cdci/methods' })),
  'POST /api/cdci/methods': sides((side, { w }) => ({ url: '/api/cdci/methods', payload: cdciBody(w, side) })),
  'GET /api/cdci/methods/{id}': draft('', false),
  'GET /api/cdci/methods/{id}/document': draft('/document', false),
  'PUT /api/cdci/methods/{id}/department-scores': draft('/department-scores', false, () => ({
    csv: 'unit,indicator,value\n',
  })),
  'POST /api/cdci/methods/{id}/compute': draft('/compute', false),
  'GET /api/cdci/methods/{id}/result': draft('/result', false),
  'POST /api/cdci/methods/{id}/publish': draft('/publish', true, (ids) => ({ resultId: ids.resultId })),
  'POST /api/cdci/results/{id}/verify': sides(async (side, { w }) => ({
    url: `/api/cdci/results/${(await rows(w)).draft[side].resultId}/verify`,
  })),
  'POST /api/cdci/sandbox': one(() => ({
    url: '/api/cdci/sandbox',
    payload: {
      csv: 'unit,d_lead\nA,1\nB,2\n',
      methods: [
        {
          ...methodDocument,
          components: [
            {
              ...methodDocument.components[0]!,
              indicators: [{ ...methodDocument.components[0]!.indicators[0]!, source: { kind: 'data' } }],
            },
          ],
        },
      ],
    },
  })),
  'GET /api/cdci/branches/{id}': sides(async (side, { w }) => {
    await rows(w);
    return { url: `/api/cdci/branches/${side === 'in' ? w.org['03NK'] : w.org['20BB']}` };
  }),
  'GET /api/public/cdci': one(async ({ w }) => (await rows(w), { url: '/api/public/cdci' })),
  'GET /api/public/cdci/{id}': published(''),
  'GET /api/public/cdci/{id}/download': published('/download?format=csv'),
  'GET /api/public/cdci/{id}/method': published('/method'),
};
