// The organization tree (General Department -> Departments -> Branches ->
// Teams) and the officers of every team.
import { randomUUID } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import type { Database, OfficersTable, UnitsTable } from '../../src/server/db/schema.ts';
import { BatchWriter } from './batch.ts';
import { DEPARTMENTS, GENERAL_DEPARTMENT, type BranchSpec, type DepartmentSpec } from './departments.ts';
import { getLocality, zoneNameEn, type Locality } from './localities.ts';
import { personName } from './names.ts';
import { Rng, stripDiacritics } from './random.ts';

/** The organization as it stood before the 2025 reorganization. */
const VALID_FROM = new Date('2015-01-01T00:00:00+07:00');

const TEAM_TYPES: [string, string][] = [
  ['Đội Thủ tục hàng hóa xuất nhập khẩu', 'Import–Export Procedures Team'],
  ['Đội Kiểm soát', 'Enforcement Team'],
  ['Đội Kiểm tra sau thông quan', 'Post-Clearance Audit Team'],
  ['Đội Nghiệp vụ', 'Operations Team'],
  ['Đội Tổng hợp', 'General Affairs Team'],
];
// Large branches at national scale also have these.
const EXTRA_TEAMS: [string, string][] = [
  ['Đội Giám sát hải quan', 'Customs Supervision Team'],
  ['Đội Quản lý rủi ro', 'Risk Management Team'],
];
const AUDIT_TEAMS: [string, string][] = [
  ['Đội Kiểm tra sau thông quan số 1', 'Post-Clearance Audit Team 1'],
  ['Đội Kiểm tra sau thông quan số 2', 'Post-Clearance Audit Team 2'],
  ['Đội Kiểm tra sau thông quan số 3', 'Post-Clearance Audit Team 3'],
  ['Đội Tổng hợp', 'General Affairs Team'],
];

export interface SeededOfficer {
  id: string;
  code: string;
  fullName: string;
  title: string;
}

export interface SeededBranch {
  id: string;
  spec: BranchSpec;
  locality: Locality;
}

export interface SeededDepartment {
  id: string;
  spec: DepartmentSpec;
  branches: SeededBranch[];
}

export interface SeededOrganization {
  generalDepartmentId: string;
  departments: SeededDepartment[];
  unitIds: Map<string, string>;
  /** Officers by team code. */
  teamOfficers: Map<string, SeededOfficer[]>;
  counts: { units: number; branches: number; teams: number; officers: number };
}

/** Branches grow with scale: a post-clearance audit branch, then zone branches. */
export function branchesFor(department: DepartmentSpec, scale: number): BranchSpec[] {
  const extra = scale >= 100 ? 4 : scale >= 10 ? 2 : 0;
  const branches = department.branches.slice();
  if (extra === 0) return branches;
  const codes = new Set(branches.map((branch) => branch.code));
  const names = new Set(branches.map((branch) => branch.nameVi));
  const candidates: Omit<BranchSpec, 'code'>[] = [
    { nameVi: 'Chi cục Kiểm tra sau thông quan', nameEn: 'Post-Clearance Audit Branch', weight: 0.5, locality: null },
  ];
  const primary = department.localities[0] ?? '';
  for (const zone of getLocality(primary).zones) {
    candidates.push({
      nameVi: `Chi cục Hải quan ${zone.name}`,
      nameEn: `${zoneNameEn(zone.name, stripDiacritics)} Customs Branch`,
      weight: 1.5,
      locality: primary,
    });
  }
  candidates.push(
    {
      nameVi: 'Chi cục Hải quan quản lý hàng đầu tư – gia công',
      nameEn: 'Investment and Processing Goods Customs Branch',
      weight: 1,
      locality: null,
    },
    {
      nameVi: 'Chi cục Hải quan chuyển phát nhanh',
      nameEn: 'Express Consignment Customs Branch',
      weight: 1,
      locality: null,
    },
  );
  const suffixes = ['KS', 'ZA', 'ZB', 'ZC', 'ZD', 'ZE'];
  for (const candidate of candidates) {
    if (branches.length - department.branches.length >= extra) break;
    if (
      names.has(candidate.nameVi) ||
      department.branches.some((branch) => candidate.nameVi.includes(branch.nameVi.replace('Chi cục Hải quan ', '')))
    )
      continue;
    const suffix = suffixes.find((value) => !codes.has(`${department.code}${value}`));
    if (!suffix) break;
    const code = `${department.code}${suffix}`;
    codes.add(code);
    names.add(candidate.nameVi);
    branches.push({ ...candidate, code });
  }
  return branches;
}

/** 3–5 teams; from scale 10 one more, from 100 two more (appended, so codes of the others hold). */
function teamsFor(branch: BranchSpec, scale: number): [string, string][] {
  if (branch.nameVi === 'Chi cục Kiểm tra sau thông quan') return AUDIT_TEAMS;
  const extra = EXTRA_TEAMS.slice(0, scale >= 100 ? 2 : scale >= 10 ? 1 : 0);
  if (branch.code === '03NK') return [...TEAM_TYPES, ...extra]; // the demo branch has every team
  const rng = new Rng(`teams:${branch.code}`);
  const others = rng.sample(TEAM_TYPES.slice(1), rng.int(2, 4));
  return [...TEAM_TYPES.filter((type, index) => index === 0 || others.includes(type)), ...extra];
}

function officersFor(teamCode: string): { code: string; fullName: string; title: string }[] {
  const rng = new Rng(`officers:${teamCode}`);
  const count = rng.int(3, 8);
  const officers = [];
  for (let index = 0; index < count; index += 1) {
    const title =
      index === 0 ? 'Đội trưởng' : index === 1 || (index === 2 && count >= 6) ? 'Phó Đội trưởng' : 'Công chức';
    officers.push({
      code: `CB${teamCode}${String(index + 1).padStart(2, '0')}`,
      fullName: personName(rng).fullName,
      title,
    });
  }
  return officers;
}

export async function seedOrganization(db: Kysely<Database>, scale: number): Promise<SeededOrganization> {
  const units = new BatchWriter<Insertable<UnitsTable>>((rows) => db.insertInto('units').values(rows).execute());
  const officers = new BatchWriter<Insertable<OfficersTable>>((rows) =>
    db.insertInto('officers').values(rows).execute(),
  );
  const unitIds = new Map<string, string>();
  const teamOfficers = new Map<string, SeededOfficer[]>();
  let branchCount = 0;
  let teamCount = 0;

  async function addUnit(
    code: string,
    kind: UnitsTable['kind'],
    nameVi: string,
    nameEn: string,
    parentId: string | null,
  ): Promise<string> {
    const id = randomUUID();
    unitIds.set(code, id);
    await units.push({
      id,
      code,
      kind,
      name_vi: nameVi,
      name_en: nameEn,
      parent_id: parentId,
      merged_into_id: null,
      valid_from: VALID_FROM,
      valid_to: null,
    });
    return id;
  }

  const generalDepartmentId = await addUnit(
    GENERAL_DEPARTMENT.code,
    'general_department',
    GENERAL_DEPARTMENT.nameVi,
    GENERAL_DEPARTMENT.nameEn,
    null,
  );
  const departments: SeededDepartment[] = [];
  const pendingOfficers: Insertable<OfficersTable>[] = [];

  for (const spec of DEPARTMENTS) {
    const departmentId = await addUnit(spec.code, 'department', spec.nameVi, spec.nameEn, generalDepartmentId);
    const branches: SeededBranch[] = [];
    for (const branchSpec of branchesFor(spec, scale)) {
      const branchId = await addUnit(branchSpec.code, 'branch', branchSpec.nameVi, branchSpec.nameEn, departmentId);
      branchCount += 1;
      branches.push({
        id: branchId,
        spec: branchSpec,
        locality: getLocality(branchSpec.locality ?? spec.localities[0] ?? ''),
      });
      const teams = teamsFor(branchSpec, scale);
      for (const [index, [nameVi, nameEn]] of teams.entries()) {
        const teamCode = `${branchSpec.code}${String(index + 1).padStart(2, '0')}`;
        const teamId = await addUnit(teamCode, 'team', nameVi, nameEn, branchId);
        teamCount += 1;
        const seeded: SeededOfficer[] = [];
        for (const officer of officersFor(teamCode)) {
          const id = randomUUID();
          seeded.push({ id, ...officer });
          pendingOfficers.push({
            id,
            code: officer.code,
            full_name: officer.fullName,
            title: officer.title,
            unit_id: teamId,
          });
        }
        teamOfficers.set(teamCode, seeded);
      }
    }
    departments.push({ id: departmentId, spec, branches });
  }
  await units.flush();
  // Officers after every unit they belong to is written.
  for (const officer of pendingOfficers) await officers.push(officer);
  await officers.flush();

  return {
    generalDepartmentId,
    departments,
    unitIds,
    teamOfficers,
    counts: { units: units.written, branches: branchCount, teams: teamCount, officers: officers.written },
  };
}
