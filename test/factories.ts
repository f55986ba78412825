// Small, explicit test data: a slice of the organization, parties and users.
import type { Kysely } from 'kysely';
import type { Role } from '../src/contracts/common.ts';
import type { Database } from '../src/server/db/schema.ts';
import { hashPassword } from '../src/server/lib/crypto.ts';

export const TEST_PASSWORD = 'MatKhau2026';
let passwordHash: Promise<string> | null = null;

export type OrgCodes = '00' | '03' | '20' | '03NK' | '03CE' | '20BB' | '03NK01' | '03NK02' | '03CE01' | '20BB01';

/** General Department → Hai Phong (03NK with two teams, 03CE) and Quang Ninh (20BB). */
export async function createOrg(db: Kysely<Database>): Promise<Record<OrgCodes, string>> {
  const ids = {} as Record<OrgCodes, string>;
  const add = async (
    code: OrgCodes,
    kind: 'general_department' | 'department' | 'branch' | 'team',
    nameVi: string,
    parent: OrgCodes | null,
  ) => {
    const row = await db
      .insertInto('units')
      .values({
        code,
        kind,
        name_vi: nameVi,
        name_en: nameVi,
        parent_id: parent ? ids[parent] : null,
        updated_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids[code] = row.id;
  };
  await add('00', 'general_department', 'Tổng cục Hải quan', null);
  await add('03', 'department', 'Cục Hải quan thành phố Hải Phòng', '00');
  await add('20', 'department', 'Cục Hải quan tỉnh Quảng Ninh', '00');
  await add('03NK', 'branch', 'Chi cục Hải quan KCX và KCN Hải Phòng', '03');
  await add('03CE', 'branch', 'Chi cục Hải quan cửa khẩu cảng Hải Phòng khu vực III', '03');
  await add('20BB', 'branch', 'Chi cục Hải quan cửa khẩu Móng Cái', '20');
  await add('03NK01', 'team', 'Đội Thủ tục hàng hóa XNK 1', '03NK');
  await add('03NK02', 'team', 'Đội Thủ tục hàng hóa XNK 2', '03NK');
  await add('03CE01', 'team', 'Đội Thủ tục hàng hóa XNK', '03CE');
  await add('20BB01', 'team', 'Đội Thủ tục hàng hóa XNK', '20BB');
  return ids;
}

/** A valid tax code from a 9-digit seed (adds the check digit; skips seeds whose digit would be 10). */
export function validTaxCode(seed: number): string {
  for (let n = seed; ; n++) {
    const nine = String(n).padStart(9, '0').slice(-9);
    const weights = [31, 29, 23, 19, 17, 13, 7, 5, 3];
    const sum = weights.reduce((total, w, i) => total + w * Number(nine[i]), 0);
    const check = 10 - (sum % 11);
    if (check < 10) return nine + String(check);
  }
}

let enterpriseSeed = 100_000_000;
export async function createEnterprise(
  db: Kysely<Database>,
  values: { name?: string; isBroker?: boolean; managingUnitId?: string | null } = {},
) {
  const taxCode = validTaxCode(enterpriseSeed++ * 7);
  return db
    .insertInto('enterprises')
    .values({
      tax_code: taxCode,
      name: values.name ?? `Công ty TNHH Thử nghiệm ${taxCode}`,
      is_broker: values.isBroker ?? false,
      managing_unit_id: values.managingUnitId ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

let officerSeed = 1;
export async function createOfficer(db: Kysely<Database>, unitId: string, fullName = 'Nguyễn Văn An') {
  return db
    .insertInto('officers')
    .values({ code: `CB${String(officerSeed++).padStart(5, '0')}`, full_name: fullName, unit_id: unitId })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function createUser(
  db: Kysely<Database>,
  values: {
    email: string;
    role: Role;
    unitId?: string | null;
    enterpriseId?: string | null;
    associationId?: string | null;
    officerId?: string | null;
    fullName?: string;
    active?: boolean;
  },
) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const user = await db
    .insertInto('users')
    .values({
      email: values.email,
      password_hash: await passwordHash,
      full_name: values.fullName ?? values.email.split('@')[0]!,
      enterprise_id: values.enterpriseId ?? null,
      association_id: values.associationId ?? null,
      officer_id: values.officerId ?? null,
      active: values.active ?? true,
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('user_roles')
    .values({ user_id: user.id, role: values.role, unit_id: values.unitId ?? null })
    .execute();
  return user;
}
