// The denial matrix's requests for surveys: a survey in each state, owned in and
// out of the scoped callers' units, and E1's (in) or E2's (out) invitation.
// Allowed cells that change something get a throw-away survey.
import type { CellRequest, Ctx } from './denial-matrix-requests.ts';
import type { Side, World } from './denial-matrix-world.ts';

type Build = (ctx: Ctx) => CellRequest | Promise<CellRequest>;
type Variants = Record<string, Build>;
type State = 'draft' | 'targeted' | 'open' | 'closed';

const one = (build: Build): Variants => ({ '-': build });
const sides = (build: (side: Side, ctx: Ctx) => CellRequest | Promise<CellRequest>): Variants => ({
  in: (ctx) => build('in', ctx),
  out: (ctx) => build('out', ctx),
});

export const surveyBody = (w: World, side: Side) => ({
  ownerUnitId: side === 'in' ? w.org['03NK'] : w.org['20'],
  title: { vi: 'Khảo sát mức độ hài lòng', en: 'Satisfaction survey' },
  definition: {
    sections: [
      {
        key: 'chung',
        title: { vi: 'Chung', en: 'General' },
        questions: [
          {
            key: 'hai_long',
            type: 'single',
            text: { vi: 'Doanh nghiệp có hài lòng không?', en: 'Are you satisfied?' },
            required: true,
            options: [
              { key: 'co', label: { vi: 'Có', en: 'Yes' } },
              { key: 'khong', label: { vi: 'Không', en: 'No' } },
            ],
          },
        ],
      },
    ],
  },
});
const answers = { answers: { hai_long: 'co' } };

/** A survey of the side's business (E1 in, E2 out), brought to a state by the General Department. */
async function survey(w: World, side: Side, state: State): Promise<string> {
  const { id } = await w.must<{ id: string }>('gd', 'POST', '/api/surveys', surveyBody(w, side));
  if (state === 'draft') return id;
  const business = side === 'in' ? w.parties.e1 : w.parties.e2;
  await w.must('gd', 'POST', `/api/surveys/${id}/targeting`, { mode: 'list', csv: business.tax_code });
  if (state === 'targeted') return id;
  await w.must('gd', 'POST', `/api/surveys/${id}/open`);
  if (state === 'closed') await w.must('gd', 'POST', `/api/surveys/${id}/close`);
  return id;
}

/** The invitation of E1 (in) or E2 (out) to an open survey, and its mailed link. */
async function invitation(w: World, side: Side): Promise<{ id: string; token: string }> {
  const surveyId = await survey(w, side, 'open');
  const row = await w.db
    .selectFrom('survey_invitations')
    .select('id')
    .where('survey_id', '=', surveyId)
    .executeTakeFirstOrThrow();
  const mail = await w.db
    .selectFrom('mail_deliveries')
    .select('text_body')
    .where('key', 'like', `survey:${surveyId}:invite:%`)
    .executeTakeFirstOrThrow();
  return { id: row.id, token: /\/khao-sat\/([A-Za-z0-9_-]+)/.exec(mail.text_body)![1]! };
}

const shared = new WeakMap<World, Promise<Record<string, Record<Side, string>>>>();
/** Rows built once per world: a survey per state and side, a published one, E1's and E2's invitations. */
function rows(w: World) {
  let found = shared.get(w);
  if (!found) {
    found = (async () => {
      const result: Record<string, Record<Side, string>> = {};
      for (const state of ['draft', 'targeted', 'open', 'closed'] as const)
        result[state] = { in: await survey(w, 'in', state), out: await survey(w, 'out', state) };
      await w.must('gd', 'POST', `/api/surveys/${result.closed!.in}/publish`);
      const inv = { in: await invitation(w, 'in'), out: await invitation(w, 'out') };
      result.invitation = { in: inv.in.id, out: inv.out.id };
      result.token = { in: inv.in.token, out: inv.out.token };
      return result;
    })();
    shared.set(w, found);
  }
  return found;
}

/** An owner's operation on a survey in a state: allowed cells get their own when it changes the state. */
const owned = (suffix: string, state: State, fresh: boolean, payload?: (w: World, side: Side) => object) =>
  sides(async (side, { w, allowed }) => {
    const id = fresh && allowed ? await survey(w, side, state) : (await rows(w))[state]![side];
    return { url: `/api/surveys/${id}${suffix}`, ...(payload && { payload: payload(w, side) }) };
  });

export const SURVEY_REQUESTS: Record<string, Variants> = {
  'GET /api/surveys': one(() => ({ url: '/api/surveys' })),
  'POST /api/surveys': sides((side, { w }) => ({ url: '/api/surveys', payload: surveyBody(w, side) })),
  'GET /api/surveys/{id}': owned('', 'draft', false),
  'PUT /api/surveys/{id}': owned('', 'draft', false, surveyBody),
  'POST /api/surveys/{id}/targeting': owned('/targeting', 'draft', false, (w, side) => ({
    mode: 'list',
    csv: (side === 'in' ? w.parties.e1 : w.parties.e2).tax_code,
  })),
  'POST /api/surveys/{id}/open': owned('/open', 'targeted', true),
  'POST /api/surveys/{id}/remind': owned('/remind', 'open', false),
  'POST /api/surveys/{id}/close': owned('/close', 'open', true),
  'GET /api/surveys/{id}/participation': owned('/participation', 'open', false),
  'GET /api/surveys/{id}/results': owned('/results', 'closed', false),
  'GET /api/surveys/{id}/export': owned('/export', 'closed', false),
  'POST /api/surveys/{id}/publish': owned('/publish', 'closed', false),
  'GET /api/public/surveys': one(() => ({ url: '/api/public/surveys' })),
  'GET /api/association/surveys': one(() => ({ url: '/api/association/surveys' })),
  'POST /api/association/surveys/{id}/forward': sides(async (side, { w, allowed }) => {
    const id = allowed ? await survey(w, side, 'open') : (await rows(w)).open![side];
    return { url: `/api/association/surveys/${id}/forward`, payload: { message: '' } };
  }),
  'GET /api/public/surveys/{id}/results': one(async ({ w }) => ({
    url: `/api/public/surveys/${(await rows(w)).closed!.in}/results`,
  })),
  'GET /api/my/surveys': one(() => ({ url: '/api/my/surveys' })),
  'GET /api/my/surveys/{id}': sides(async (side, { w }) => ({
    url: `/api/my/surveys/${(await rows(w)).invitation![side]}`,
  })),
  'PUT /api/my/surveys/{id}/draft': sides(async (side, { w }) => ({
    url: `/api/my/surveys/${(await rows(w)).invitation![side]}/draft`,
    payload: answers,
  })),
  'POST /api/my/surveys/{id}/answer': sides(async (side, { w, allowed }) => ({
    url: `/api/my/surveys/${allowed ? (await invitation(w, side)).id : (await rows(w)).invitation![side]}/answer`,
    payload: answers,
  })),
  'GET /api/survey-links/{token}': one(async ({ w }) => ({ url: `/api/survey-links/${(await rows(w)).token!.in}` })),
  'PUT /api/survey-links/{token}/draft': one(async ({ w }) => ({
    url: `/api/survey-links/${(await rows(w)).token!.in}/draft`,
    payload: answers,
  })),
  'POST /api/survey-links/{token}/answer': one(async ({ w, allowed }) => ({
    url: `/api/survey-links/${allowed ? (await invitation(w, 'in')).token : (await rows(w)).token!.in}/answer`,
    payload: answers,
  })),
};
