// The denial matrix's requests for platform measures and the annual plan.
import type { CellRequest, Ctx } from './denial-matrix-requests.ts';
import type { Side } from './denial-matrix-world.ts';

type Build = (ctx: Ctx) => CellRequest | Promise<CellRequest>;
type Variants = Record<string, Build>;

const one = (build: Build): Variants => ({ '-': build });
const sides = (build: (side: Side, ctx: Ctx) => CellRequest | Promise<CellRequest>): Variants => ({
  in: (ctx) => build('in', ctx),
  out: (ctx) => build('out', ctx),
});

export const PLAN_REQUESTS: Record<string, Variants> = {
  'GET /api/measures': one(() => ({ url: '/api/measures' })),
  'GET /api/measures/{code}/records': sides((side, { w }) => ({
    url: `/api/measures/agreements_in_force/records?unitId=${side === 'in' ? w.org['03NK01'] : w.org['20BB01']}&from=2026-01-01&to=2026-12-31`,
  })),
};
