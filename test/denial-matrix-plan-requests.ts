// The denial matrix's requests for platform measures and the annual plan: a
// published national plan, Hai Phong's (03) adoption with a branch-level count
// and a manual target assigned to 03NK, and 03NK's report awaiting review.
// Allowed cells that change a state get their own plan or report.
import type { CellRequest, Ctx } from './denial-matrix-requests.ts';
import type { Side, World } from './denial-matrix-world.ts';

/** Years no other plan uses (a unit has one plan a year). */
let lastYear = 2030;
const freshYear = () => ++lastYear;

type Build = (ctx: Ctx) => CellRequest | Promise<CellRequest>;
type Variants = Record<string, Build>;

const one = (build: Build): Variants => ({ '-': build });
const sides = (build: (side: Side, ctx: Ctx) => CellRequest | Promise<CellRequest>): Variants => ({
  in: (ctx) => build('in', ctx),
  out: (ctx) => build('out', ctx),
});

const target = (over: object = {}) => ({
  content: 'cooperation',
  goal: 'Mở rộng quan hệ đối tác',
  title: 'Ký thỏa thuận hợp tác',
  measure: 'agreements_signed',
  value: 2,
  deadline: '2026-12-31',
  level: 'branch',
  ...over,
});

interface PlanWorld {
  national: string;
  department: string;
  countTarget: string;
  branchManual: string;
  report: string;
  activity: string;
}

/** A published national plan of a year no other plan uses, with one branch-level target. */
async function publishedNational(w: World, year: number): Promise<{ id: string; targets_: { id: string }[] }> {
  const plan = await w.must<{ id: string }>('gd', 'POST', '/api/plans', { year, title: `Kế hoạch ${String(year)}` });
  await w.must('gd', 'POST', `/api/plans/${plan.id}/targets`, target({ deadline: `${String(year)}-12-31` }));
  return w.must('gd', 'POST', `/api/plans/${plan.id}/publish`);
}

const worlds = new WeakMap<World, Promise<PlanWorld>>();
function planWorld(w: World): Promise<PlanWorld> {
  let found = worlds.get(w);
  if (!found) {
    found = (async () => {
      const national = await w.must<{ id: string }>('gd', 'POST', '/api/plans', { year: 2026, title: 'Kế hoạch 2026' });
      await w.must('gd', 'POST', `/api/plans/${national.id}/targets`, target());
      await w.must('gd', 'POST', `/api/plans/${national.id}/targets`, target({ measure: 'manual', title: 'Tập huấn' }));
      await w.must('gd', 'POST', `/api/plans/${national.id}/publish`);
      const department = await w.must<{ id: string; targets_: { id: string; measure: string }[] }>(
        'dl',
        'POST',
        `/api/plans/${national.id}/adoptions`,
        { unitId: w.org['03'], targets: [] },
      );
      const [count, manual] = ['agreements_signed', 'manual'].map((m) =>
        department.targets_.find((t) => t.measure === m)!,
      );
      await w.must('dl', 'POST', `/api/plan-targets/${count!.id}/assignments`, {
        assignments: [{ unitId: w.org['03NK'], value: 2 }],
      });
      await w.must('dl', 'POST', `/api/plan-targets/${manual!.id}/assignments`, {
        assignments: [{ unitId: w.org['03NK'], value: 2 }],
      });
      const list = await w.must<{ own: { id: string } }>('bl', 'GET', '/api/plans?year=2026');
      const branch = await w.must<{ targets_: { id: string; measure: string }[] }>(
        'bl',
        'GET',
        `/api/plans/${list.own.id}`,
      );
      const branchManual = branch.targets_.find((t) => t.measure === 'manual')!.id;
      const activity = await w.must<{ activities: { id: string }[] }>(
        'dl',
        'POST',
        `/api/plans/${department.id}/activities`,
        {
          content: 'consultation',
          title: 'Hội nghị đối thoại',
          ownerName: 'Phòng Nghiệp vụ',
          startsOn: '2026-05-20',
          endsOn: '2026-05-20',
        },
      );
      return {
        national: national.id,
        department: department.id,
        countTarget: count!.id,
        branchManual,
        report: await report(w, branchManual),
        activity: activity.activities[0]!.id,
      };
    })();
    worlds.set(w, found);
  }
  return found;
}

async function report(w: World, targetId: string): Promise<string> {
  const plan = await w.must<{ targets_: { id: string; reports: { id: string }[] }[] }>(
    'bl',
    'POST',
    `/api/plan-targets/${targetId}/reports`,
    { value: 1, evidence: 'Biên bản tập huấn' },
  );
  return plan.targets_.find((t) => t.id === targetId)!.reports[0]!.id;
}

const department = (suffix: string, payload?: (w: World) => object) =>
  one(async ({ w }) => ({
    url: `/api/plans/${(await planWorld(w)).department}${suffix}`,
    ...(payload && { payload: payload(w) }),
  }));

export const PLAN_REQUESTS: Record<string, Variants> = {
  'GET /api/measures': one(() => ({ url: '/api/measures' })),
  'GET /api/measures/{code}/records': sides((side, { w }) => ({
    url: `/api/measures/agreements_in_force/records?unitId=${side === 'in' ? w.org['03NK01'] : w.org['20BB01']}&from=2026-01-01&to=2026-12-31`,
  })),
  'GET /api/plans': one(() => ({ url: '/api/plans?year=2026' })),
  'POST /api/plans': one(() => ({ url: '/api/plans', payload: { year: freshYear(), title: 'Kế hoạch' } })),
  'GET /api/plans/{id}': department(''),
  'GET /api/plans/{id}/export': department('/export'),
  'POST /api/plans/{id}/targets': department('/targets', () => target({ level: 'department' })),
  'POST /api/plans/{id}/activities': department('/activities', () => ({
    content: 'support',
    title: 'Cà phê doanh nhân',
    ownerName: 'Chi cục',
    startsOn: '2026-06-01',
    endsOn: '2026-06-01',
  })),
  'POST /api/plans/{id}/refresh': department('/refresh'),
  'POST /api/plans/{id}/publish': one(async ({ w, allowed }) => {
    const year = freshYear();
    const plan = await w.must<{ id: string }>('gd', 'POST', '/api/plans', { year, title: 'Dự thảo' });
    if (allowed)
      await w.must('gd', 'POST', `/api/plans/${plan.id}/targets`, target({ deadline: `${String(year)}-12-31` }));
    return { url: `/api/plans/${plan.id}/publish` };
  }),
  'POST /api/plans/{id}/adoptions': one(async ({ w, allowed }) => {
    const id = allowed ? (await publishedNational(w, freshYear())).id : (await planWorld(w)).national;
    return { url: `/api/plans/${id}/adoptions`, payload: { unitId: w.org['03'], targets: [] } };
  }),
  'POST /api/plan-targets/{id}/assignments': one(async ({ w }) => ({
    url: `/api/plan-targets/${(await planWorld(w)).countTarget}/assignments`,
    payload: { assignments: [{ unitId: w.org['03NK'], value: 3 }] },
  })),
  'POST /api/plan-targets/{id}/reports': one(async ({ w }) => ({
    url: `/api/plan-targets/${(await planWorld(w)).branchManual}/reports`,
    payload: { value: 2, evidence: 'Biên bản' },
  })),
  'POST /api/plan-reports/{id}/review': one(async ({ w, allowed }) => {
    const world = await planWorld(w);
    return {
      url: `/api/plan-reports/${allowed ? await report(w, world.branchManual) : world.report}/review`,
      payload: { decision: 'accepted' },
    };
  }),
  'PATCH /api/plan-activities/{id}': one(async ({ w }) => ({
    url: `/api/plan-activities/${(await planWorld(w)).activity}`,
    payload: { status: 'done' },
  })),
};
