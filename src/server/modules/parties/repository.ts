import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

export interface EnterpriseFilter {
  q?: string | undefined;
  /** Limit to these ids (a party's own view); undefined means the whole directory. */
  ids?: string[] | undefined;
  limit: number;
  offset: number;
}

function enterpriseQuery(db: Kysely<Database>, filter: EnterpriseFilter) {
  let query = db.selectFrom('enterprises');
  if (filter.ids)
    query = query.where(
      'id',
      '=',
      sql<string>`any(${sql.val(filter.ids.length ? filter.ids : ['00000000-0000-0000-0000-000000000000'])}::uuid[])`,
    );
  if (filter.q) {
    const like = `%${filter.q.toLowerCase()}%`;
    query = query.where((eb) =>
      eb.or([eb(sql`lower(name)`, 'like', like), eb('tax_code', 'like', `${filter.q!.replace(/\D/g, '') || '#'}%`)]),
    );
  }
  return query;
}

export async function findEnterprises(db: Kysely<Database>, filter: EnterpriseFilter) {
  const [items, total] = await Promise.all([
    enterpriseQuery(db, filter).selectAll().orderBy('name').limit(filter.limit).offset(filter.offset).execute(),
    enterpriseQuery(db, filter)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export function findEnterpriseById(db: Kysely<Database>, id: string) {
  return db.selectFrom('enterprises').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findEnterpriseByTaxCode(db: Kysely<Database>, taxCode: string) {
  return db.selectFrom('enterprises').selectAll().where('tax_code', '=', taxCode).executeTakeFirst();
}

export function insertEnterprise(
  db: Kysely<Database>,
  values: {
    taxCode: string;
    name: string;
    nameEn: string | null;
    address: string | null;
    province: string | null;
    isBroker: boolean;
    managingUnitId: string | null;
  },
) {
  return db
    .insertInto('enterprises')
    .values({
      tax_code: values.taxCode,
      name: values.name,
      name_en: values.nameEn,
      address: values.address,
      province: values.province,
      is_broker: values.isBroker,
      managing_unit_id: values.managingUnitId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findBrokerClientIds(db: Kysely<Database>, brokerId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('broker_clients')
    .select('enterprise_id')
    .where('broker_id', '=', brokerId)
    .execute();
  return rows.map((row) => row.enterprise_id);
}

export async function findAssociationMemberIds(db: Kysely<Database>, associationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('association_members')
    .select('enterprise_id')
    .where('association_id', '=', associationId)
    .execute();
  return rows.map((row) => row.enterprise_id);
}

export function findAssociations(db: Kysely<Database>) {
  return db
    .selectFrom('associations as a')
    .leftJoin('association_members as m', 'm.association_id', 'a.id')
    .select([
      'a.id',
      'a.code',
      'a.name_vi',
      'a.name_en',
      (eb) => eb.fn.count<number>('m.enterprise_id').as('member_count'),
    ])
    .groupBy(['a.id', 'a.code', 'a.name_vi', 'a.name_en'])
    .orderBy('a.name_vi')
    .execute();
}

export async function findOfficers(
  db: Kysely<Database>,
  filter: { unitIds: string[] | null; q?: string | undefined; limit: number; offset: number },
) {
  let query = db.selectFrom('officers');
  if (filter.unitIds)
    query = query.where(
      'unit_id',
      '=',
      sql<string>`any(${sql.val(filter.unitIds.length ? filter.unitIds : ['00000000-0000-0000-0000-000000000000'])}::uuid[])`,
    );
  if (filter.q) {
    const like = `%${filter.q.toLowerCase()}%`;
    query = query.where((eb) => eb.or([eb(sql`lower(full_name)`, 'like', like), eb(sql`lower(code)`, 'like', like)]));
  }
  const [items, total] = await Promise.all([
    query.selectAll().orderBy('code').limit(filter.limit).offset(filter.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export async function findUnitKind(db: Kysely<Database>, id: string) {
  return db.selectFrom('units').select('kind').where('id', '=', id).executeTakeFirst();
}
