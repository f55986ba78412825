// The demo departments in memory: the unit tree (for chains and roll-up paths),
// the branches that process declarations with their teams and officers, each
// with a quality bias (so rankings say something), and the enterprises they
// manage with their habits (how busy, how often they rate, how generous).
import type { Kysely } from 'kysely';
import type { Database, UnitKind } from '../../src/server/db/schema.ts';
import type { UnitLink } from '../../src/server/lib/org.ts';
import type { SeededOrganization } from './organization.ts';
import { Rng } from './random.ts';

/** Share of the volume: the demo departments, then a thinner spread so the country view compares several. */
const DEPARTMENT_SHARES: [string[], number][] = [
  [['03'], 0.6],
  [['20'], 0.3],
  [['01', '02', '34', '43'], 0.1],
];

// ---------------------------------------------------------------- organization in memory

export interface UnitNode {
  id: string;
  code: string;
  kind: UnitKind;
  parentId: string | null;
}

export class OrgIndex {
  private readonly byId = new Map<string, UnitNode>();
  private readonly chains = new Map<string, UnitLink[]>();

  constructor(units: UnitNode[]) {
    for (const unit of units) {
      this.byId.set(unit.id, unit);
    }
  }

  unit(id: string): UnitNode {
    const unit = this.byId.get(id);
    if (!unit) throw new Error(`Unknown unit ${id}`);
    return unit;
  }

  /** The unit and its parents up to the root (leaf first), as routeFlag wants it. */
  chain(id: string): UnitLink[] {
    let chain = this.chains.get(id);
    if (!chain) {
      chain = [];
      for (
        let unit: UnitNode | undefined = this.unit(id);
        unit;
        unit = unit.parentId ? this.byId.get(unit.parentId) : undefined
      ) {
        chain.push({ id: unit.id, kind: unit.kind, parent_id: unit.parentId });
      }
      this.chains.set(id, chain);
    }
    return chain;
  }

  path(id: string): string[] {
    return this.chain(id).map((link) => link.id);
  }
}

// ---------------------------------------------------------------- branches, teams, officers, enterprises

export interface OfficerModel {
  id: string;
  code: string;
  teamId: string;
  bias: number;
}

export interface TeamModel {
  id: string;
  code: string;
  role: 'procedures' | 'control' | 'operations' | 'general' | 'supervision' | 'other';
  bias: number;
  officers: OfficerModel[];
  load: number[];
}

export interface Party {
  id: string;
  /** Share of its declarations it rates, its share of imports, and how generous it is. */
  propensity: number;
  importShare: number;
  leniency: number;
  activity: number;
  brokers: string[];
}

export interface Office {
  id: string;
  code: string;
  zone: boolean;
  bias: number;
  teams: TeamModel[];
  parties: Party[];
  cumulative: number[];
  /** Expected declarations a year. */
  volume: number;
}

const TEAM_ROLES: [string, TeamModel['role']][] = [
  ['Đội Thủ tục hàng hóa xuất nhập khẩu', 'procedures'],
  ['Đội Kiểm soát', 'control'],
  ['Đội Nghiệp vụ', 'operations'],
  ['Đội Tổng hợp', 'general'],
  ['Đội Giám sát hải quan', 'supervision'],
];

/** Officers differ: most a little, a few a lot, so rankings say something. */
function officerBias(code: string): number {
  const rng = new Rng(`quality:${code}`);
  const roll = rng.next();
  if (roll < 0.04) return -0.9 + 0.2 * rng.normal();
  if (roll < 0.12) return 0.5 + 0.15 * rng.normal();
  return 0.22 * rng.normal();
}

function partyOf(row: { id: string; tax_code: string }, brokers: string[]): Party {
  const rng = new Rng(`party:${row.tax_code}`);
  const roll = rng.next();
  return {
    id: row.id,
    propensity: roll < 0.6 ? 0.92 : roll < 0.9 ? 0.6 : 0.2,
    importShare: 0.25 + 0.6 * rng.next(),
    leniency: 0.2 * rng.normal(),
    activity: Math.min(40, Math.exp(1.1 * rng.normal())),
    brokers,
  };
}

export interface SeedContext {
  org: OrgIndex;
  offices: Office[];
  demoEnterprise: Party;
  demoBrokerId: string;
  /** Demo users by `${role}:${unitId}` (unit '-' for none). */
  users: Map<string, { id: string; officerId: string | null }>;
}

export async function loadContext(
  db: Kysely<Database>,
  seeded: SeededOrganization,
  demo: { enterpriseId: string; brokerId: string },
): Promise<SeedContext> {
  const units = await db.selectFrom('units').select(['id', 'code', 'kind', 'parent_id', 'name_vi']).execute();
  const org = new OrgIndex(units.map((u) => ({ id: u.id, code: u.code, kind: u.kind, parentId: u.parent_id })));
  const chosen = DEPARTMENT_SHARES.flatMap(([codes, share]) => {
    const departments = codes
      .map((code) => seeded.departments.find((d) => d.spec.code === code))
      .filter((d) => d !== undefined);
    const weight = departments.reduce((sum, d) => sum + d.spec.weight, 0);
    return departments.map((department) => ({ department, share: (share * department.spec.weight) / weight }));
  });
  const branchIds = chosen.flatMap(({ department }) => department.branches.map((b) => b.id));
  const enterprises = await db
    .selectFrom('enterprises')
    .select(['id', 'tax_code', 'managing_unit_id', 'is_broker'])
    .where('managing_unit_id', 'in', branchIds)
    .orderBy('tax_code')
    .execute();
  const links = await db
    .selectFrom('broker_clients as c')
    .innerJoin('enterprises as b', 'b.id', 'c.broker_id')
    .innerJoin('enterprises as e', 'e.id', 'c.enterprise_id')
    .select(['c.broker_id', 'c.enterprise_id'])
    .where('e.managing_unit_id', 'in', branchIds)
    .orderBy('b.tax_code')
    .execute();
  const brokersOf = new Map<string, string[]>();
  for (const link of links)
    brokersOf.set(link.enterprise_id, [...(brokersOf.get(link.enterprise_id) ?? []), link.broker_id]);
  const partyById = new Map(
    enterprises.filter((e) => !e.is_broker).map((e) => [e.id, partyOf(e, brokersOf.get(e.id) ?? [])]),
  );
  const demoEnterprise = partyById.get(demo.enterpriseId);
  if (!demoEnterprise) throw new Error('The demo enterprise is missing');
  partyById.delete(demo.enterpriseId); // its declarations are the demo story's

  const offices: Office[] = [];
  for (const { department, share } of chosen) {
    const branches = department.branches.filter((b) => b.spec.nameVi !== 'Chi cục Kiểm tra sau thông quan');
    const weight = branches.reduce((sum, b) => sum + b.spec.weight, 0);
    const departmentParties = enterprises
      .filter((e) => branches.some((b) => b.id === e.managing_unit_id))
      .map((e) => partyById.get(e.id));
    for (const branch of branches) {
      const own = enterprises.filter((e) => e.managing_unit_id === branch.id).map((e) => partyById.get(e.id));
      let parties = own.filter((p) => p !== undefined);
      if (parties.length === 0) parties = departmentParties.filter((p) => p !== undefined);
      if (parties.length === 0) continue;
      const teams: TeamModel[] = [];
      for (const unit of units) {
        if (unit.kind !== 'team' || unit.parent_id !== branch.id) continue;
        const officers = (seeded.teamOfficers.get(unit.code) ?? []).map((o) => ({
          id: o.id,
          code: o.code,
          teamId: unit.id,
          bias: officerBias(o.code),
        }));
        if (officers.length === 0) continue;
        const role = TEAM_ROLES.find(([name]) => name === unit.name_vi)?.[1] ?? 'other';
        // Team leads handle fewer declarations than their officers.
        const load = (seeded.teamOfficers.get(unit.code) ?? []).map((o) =>
          o.title === 'Đội trưởng' ? 0.4 : o.title === 'Phó Đội trưởng' ? 0.8 : 1.2,
        );
        teams.push({
          id: unit.id,
          code: unit.code,
          role,
          bias: 0.12 * new Rng(`quality:${unit.code}`).normal(),
          officers,
          load,
        });
      }
      if (!teams.some((t) => t.role === 'procedures')) continue;
      teams.sort((a, b) => a.code.localeCompare(b.code));
      let total = 0;
      const cumulative = parties.map((p) => (total += p.activity));
      offices.push({
        id: branch.id,
        code: branch.spec.code,
        zone: /Khu (công nghiệp|chế xuất|công nghệ cao)|đầu tư – gia công/.test(branch.spec.nameVi),
        bias: 0.25 * new Rng(`quality:${branch.spec.code}`).normal(),
        teams,
        parties,
        cumulative,
        volume: (share * branch.spec.weight) / weight,
      });
    }
  }

  const roles = await db
    .selectFrom('users as u')
    .innerJoin('user_roles as r', 'r.user_id', 'u.id')
    .select(['u.id', 'u.officer_id', 'r.role', 'r.unit_id'])
    .execute();
  const users = new Map(roles.map((r) => [`${r.role}:${r.unit_id ?? '-'}`, { id: r.id, officerId: r.officer_id }]));
  return { org, offices, demoEnterprise, demoBrokerId: demo.brokerId, users };
}

/** An enterprise of the branch, the busy ones more often (binary search over cumulative activity). */
export function pickParty(office: Office, rng: Rng): Party {
  const roll = rng.next() * (office.cumulative[office.cumulative.length - 1] ?? 0);
  let low = 0;
  let high = office.cumulative.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((office.cumulative[mid] ?? 0) > roll) high = mid;
    else low = mid + 1;
  }
  return office.parties[low] ?? office.parties[0]!;
}

export function pickOfficer(team: TeamModel, rng: Rng): OfficerModel {
  return rng.weighted(team.officers, team.load);
}
