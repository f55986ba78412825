// Kysely queries for agreements and targets.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { foldedLike } from '../../lib/search-text.ts';
import { uuidList } from '../events/repository.ts';
import { COUNTED_STATUSES } from './policy.ts';

export function agreementQuery(db: Kysely<Database>) {
  return db
    .selectFrom('agreements as a')
    .innerJoin('units as u', 'u.id', 'a.unit_id')
    .leftJoin('enterprises as n', 'n.id', 'a.enterprise_id')
    .leftJoin('associations as s', 's.id', 'a.association_id')
    .selectAll('a')
    .select(['u.code as unit_code', 'u.name_vi as unit_name', 'u.kind as unit_kind', 'n.name as enterprise_name', 'n.tax_code', 's.name_vi as association_name']);
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
export function findAgreements(db: Kysely<Database>, filter: AgreementFilter, scope: { unitIds: string[] | null; enterpriseId?: string | null; associationId?: string | null }, page: { limit: number; offset: number }) {
  let query = agreementQuery(db);
  if (scope.enterpriseId !== undefined || scope.associationId !== undefined) {
    query = query.where((eb) => eb.or([eb('a.enterprise_id', '=', scope.enterpriseId ?? null), eb('a.association_id', '=', scope.associationId ?? null)]));
    query = query.where('a.status', '!=', 'draft');
  } else if (scope.unitIds) query = query.where('a.unit_id', '=', sql<string>`any(${uuidList(scope.unitIds)}::uuid[])`);
  if (filter.year) query = query.where(sql<number>`extract(year from a.signed_on)`, '=', filter.year);
  if (filter.unitId) query = query.where('a.unit_id', '=', filter.unitId);
  if (filter.status) query = query.where('a.status', '=', filter.status as never);
  if (filter.kind) query = query.where('a.kind', '=', filter.kind as never);
  if (filter.q) query = query.where('a.search_text', 'like', foldedLike(filter.q));
  return query.orderBy('u.code').orderBy('a.signed_on', 'desc').orderBy('a.number').limit(page.limit).offset(page.offset).execute();
}

/** Per unit: the year's target and the agreements signed that year. */
export async function findProgress(db: Kysely<Database>, year: number, unitIds: string[] | null) {
  const inScope = unitIds ? sql`and u.id = any(${uuidList(unitIds)}::uuid[])` : sql``;
  const result = await sql<{ id: string; code: string; name_vi: string; kind: string; target_min: number | null; target_max: number | null; signed: number; in_force: number }>`
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
