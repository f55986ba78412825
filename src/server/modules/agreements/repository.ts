// Kysely queries for agreements and targets.
import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { AgreementsTable, Database } from '../../db/schema.ts';
import { foldedLike } from '../../lib/search-text.ts';
import { uuidList } from '../../db/uuid-list.ts';
import { COUNTED_STATUSES } from './policy.ts';

export function agreementQuery(db: Kysely<Database>) {
  return db
    .selectFrom('agreements as a')
    .innerJoin('units as u', 'u.id', 'a.unit_id')
    .leftJoin('enterprises as n', 'n.id', 'a.enterprise_id')
    .leftJoin('associations as s', 's.id', 'a.association_id')
    .selectAll('a')
    .select([
      'u.code as unit_code',
      'u.name_vi as unit_name',
      'u.kind as unit_kind',
      'n.name as enterprise_name',
      'n.tax_code',
      's.name_vi as association_name',
    ]);
}
export type AgreementRow = NonNullable<Awaited<ReturnType<ReturnType<typeof agreementQuery>['executeTakeFirst']>>>;

export interface AgreementFilter {
  year?: number | undefined;
  unitId?: string | undefined;
  status?: string | undefined;
  kind?: string | undefined;
  q?: string | undefined;
}

/** Scope: unit ids (null = all), or a party of the caller. */
export function findAgreements(
  db: Kysely<Database>,
  filter: AgreementFilter,
  scope: { unitIds: string[] | null; enterpriseId?: string | null; associationId?: string | null },
  page: { limit: number; offset: number },
) {
  let query = agreementQuery(db);
  if (scope.enterpriseId !== undefined || scope.associationId !== undefined) {
    query = query.where((eb) =>
      eb.or([
        eb('a.enterprise_id', '=', scope.enterpriseId ?? null),
        eb('a.association_id', '=', scope.associationId ?? null),
      ]),
    );
    query = query.where('a.status', '!=', 'draft');
  } else if (scope.unitIds) query = query.where('a.unit_id', '=', sql<string>`any(${uuidList(scope.unitIds)}::uuid[])`);
  if (filter.year) query = query.where(sql<number>`extract(year from a.signed_on)`, '=', filter.year);
  if (filter.unitId) query = query.where('a.unit_id', '=', filter.unitId);
  if (filter.status) query = query.where('a.status', '=', filter.status as never);
  if (filter.kind) query = query.where('a.kind', '=', filter.kind as never);
  if (filter.q) query = query.where('a.search_text', 'like', foldedLike(filter.q));
  return query
    .orderBy('u.code')
    .orderBy('a.signed_on', 'desc')
    .orderBy('a.number')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

/** Per unit: the year's target and the agreements signed that year. */
export async function findProgress(db: Kysely<Database>, year: number, unitIds: string[] | null) {
  const inScope = unitIds ? sql`and u.id = any(${uuidList(unitIds)}::uuid[])` : sql``;
  const result = await sql<{
    id: string;
    code: string;
    name_vi: string;
    kind: string;
    target_min: number | null;
    target_max: number | null;
    signed: number;
    in_force: number;
  }>`
    with counts as (
      select unit_id, count(*)::int as signed, count(*) filter (where status = 'in_force')::int as in_force
      from agreements
      where extract(year from signed_on) = ${year} and status = any(${sql.val(COUNTED_STATUSES)}::text[])
      group by unit_id
    )
    select u.id, u.code, u.name_vi, u.kind, t.target_min, t.target_max, coalesce(c.signed, 0)::int as signed, coalesce(c.in_force, 0)::int as in_force
    from units u
    left join agreement_targets t on t.unit_id = u.id and t.year = ${year}
    left join counts c on c.unit_id = u.id
    where (t.unit_id is not null or c.unit_id is not null) ${inScope}
    order by u.code`.execute(db);
  return result.rows;
}

export function findAgreement(db: Kysely<Database>, id: string): Promise<AgreementRow | undefined> {
  return agreementQuery(db).where('a.id', '=', id).executeTakeFirst();
}

export async function findUnit(db: Kysely<Database>, id: string) {
  return db.selectFrom('units').select(['id', 'kind']).where('id', '=', id).executeTakeFirst();
}

export async function findEnterpriseByTaxCode(db: Kysely<Database>, taxCode: string) {
  return db.selectFrom('enterprises').select(['id', 'name']).where('tax_code', '=', taxCode).executeTakeFirst();
}

export async function findAssociation(db: Kysely<Database>, id: string) {
  return db.selectFrom('associations').select(['id', 'name_vi']).where('id', '=', id).executeTakeFirst();
}

/** A unit's agreements are numbered uniquely. */
export async function numberTaken(db: Kysely<Database>, unitId: string, number: string): Promise<boolean> {
  return (
    (await db
      .selectFrom('agreements')
      .select('id')
      .where('unit_id', '=', unitId)
      .where('number', '=', number)
      .executeTakeFirst()) !== undefined
  );
}

export async function insertAgreement(db: Kysely<Database>, values: Insertable<AgreementsTable>): Promise<string> {
  return (await db.insertInto('agreements').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateAgreement(
  db: Kysely<Database>,
  id: string,
  values: Updateable<AgreementsTable>,
): Promise<void> {
  await db.updateTable('agreements').set(values).where('id', '=', id).execute();
}

export async function saveTarget(
  db: Kysely<Database>,
  values: { unitId: string; year: number; targetMin: number; targetMax: number | null; at: Date },
): Promise<void> {
  await db
    .insertInto('agreement_targets')
    .values({
      unit_id: values.unitId,
      year: values.year,
      target_min: values.targetMin,
      target_max: values.targetMax,
      updated_at: values.at,
    })
    .onConflict((oc) =>
      oc
        .columns(['unit_id', 'year'])
        .doUpdateSet({ target_min: values.targetMin, target_max: values.targetMax, updated_at: values.at }),
    )
    .execute();
}

/** Agreements in force past their end (`today`, a Vietnam day) expire; returns them. */
export async function expireAgreements(db: Kysely<Database>, today: string, at: Date) {
  return db
    .updateTable('agreements')
    .set({ status: 'expired', updated_at: at })
    .where('status', '=', 'in_force')
    .where('expires_on', '<', today)
    .returning(['id', 'unit_id'])
    .execute();
}

/** Agreements in force ending by `horizon` not yet reminded, locked (others' are skipped). */
export async function findRenewalsDue(db: Kysely<Database>, horizon: string, limit: number): Promise<AgreementRow[]> {
  return agreementQuery(db)
    .where('a.status', '=', 'in_force')
    .where('a.expires_on', '<=', horizon)
    .where('a.renewal_reminded_at', 'is', null)
    .forUpdate('a')
    .skipLocked()
    .limit(limit)
    .execute();
}

/** Active branch and department leaders holding their role at one of these units (renewal reminders). */
export async function findLeadersAt(db: Kysely<Database>, unitIds: string[]) {
  if (unitIds.length === 0) return [];
  return db
    .selectFrom('users as u')
    .innerJoin('user_roles as r', 'r.user_id', 'u.id')
    .select(['u.id', 'u.email'])
    .where('u.active', '=', true)
    .where('r.role', 'in', ['branch_leader', 'department_leader'])
    .where('r.unit_id', 'in', unitIds)
    .execute();
}
