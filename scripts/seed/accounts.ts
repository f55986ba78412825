// One demo account for every role, all in Hai Phong around the EPZ and IZ
// branch 03NK, so the demo tells one story: the importer Hải An and its broker
// Cảng Xanh deal with team 03NK01, whose officers are rated, escalated to the
// branch and department, checked by the inspector, seen by the General Department.
import { randomUUID } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import type { Database, UserRolesTable, UsersTable } from '../../src/server/db/schema.ts';
import type { Role } from '../../src/contracts/common.ts';
import type { DemoParties } from './enterprises.ts';
import type { SeededOrganization } from './organization.ts';

export const DEMO_EMAIL_DOMAIN = 'demo.caunoi.vn';

export interface DemoAccount {
  email: string;
  fullName: string;
  role: Role;
  unitCode: string | null;
  phone: string | null;
  enterpriseId: string | null;
  associationId: string | null;
  officerId: string | null;
}

export interface DemoContext {
  org: SeededOrganization;
  parties: DemoParties;
  vcciHaiPhongId: string;
}

export function demoAccounts({ org, parties, vcciHaiPhongId }: DemoContext): DemoAccount[] {
  const team = org.teamOfficers.get('03NK01') ?? [];
  const lead = team.find((officer) => officer.title === 'Đội trưởng');
  const officer = team.find((candidate) => candidate.title === 'Công chức');
  if (!lead || !officer) throw new Error('Team 03NK01 needs a team lead and an officer');
  const account = (
    local: string,
    fullName: string,
    role: Role,
    unitCode: string | null,
    extra: Partial<DemoAccount> = {},
  ): DemoAccount => ({
    email: `${local}@${DEMO_EMAIL_DOMAIN}`,
    fullName,
    role,
    unitCode,
    phone: null,
    enterpriseId: null,
    associationId: null,
    officerId: null,
    ...extra,
  });
  return [
    account('admin', 'Nguyễn Quang Huy', 'admin', null),
    account('tongcuc', 'Trần Thị Thu Hà', 'gd_staff', null),
    account('lanhdaocuc.haiphong', 'Phạm Quốc Hưng', 'department_leader', '03'),
    account('thanhtra.haiphong', 'Lê Minh Tuấn', 'inspector', '03'),
    account('lanhdao.03nk', 'Vũ Thị Hồng Nhung', 'branch_leader', '03NK'),
    account('doitruong.03nk', lead.fullName, 'team_lead', '03NK01', { officerId: lead.id }),
    account('congchuc.03nk', officer.fullName, 'officer', '03NK01', { officerId: officer.id }),
    account('doanhnghiep', 'Đỗ Thị Ngọc Anh', 'enterprise_user', null, {
      enterpriseId: parties.enterpriseId,
      phone: '0904 218 356',
    }),
    account('dailyhq', 'Bùi Đức Thắng', 'broker', null, { enterpriseId: parties.brokerId, phone: '0983 502 617' }),
    account('hiephoi', 'Hoàng Thị Lan Phương', 'association_rep', null, {
      associationId: vcciHaiPhongId,
      phone: '0225 3842 115',
    }),
  ];
}

export async function seedDemoAccounts(
  db: Kysely<Database>,
  context: DemoContext,
  passwordHash: string,
): Promise<DemoAccount[]> {
  const accounts = demoAccounts(context);
  const users: Insertable<UsersTable>[] = [];
  const roles: Insertable<UserRolesTable>[] = [];
  for (const account of accounts) {
    const id = randomUUID();
    users.push({
      id,
      email: account.email,
      password_hash: passwordHash,
      full_name: account.fullName,
      phone: account.phone,
      locale: 'vi',
      enterprise_id: account.enterpriseId,
      association_id: account.associationId,
      officer_id: account.officerId,
      last_sign_in_at: null,
    });
    let unitId: string | null = null;
    if (account.unitCode) {
      unitId = context.org.unitIds.get(account.unitCode) ?? null;
      if (!unitId) throw new Error(`Unit ${account.unitCode} is missing`);
    }
    roles.push({ user_id: id, role: account.role, unit_id: unitId });
  }
  await db.insertInto('users').values(users).execute();
  await db.insertInto('user_roles').values(roles).execute();
  return accounts;
}
