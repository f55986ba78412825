// Frozen: the branch competitiveness index (CDCI).
// - cdci_methods: a department's method for a year, versioned (a new version per
//   change); a published version is frozen (the application refuses changes).
// - cdci_department_scores: the Department's own score of each branch for an
//   indicator of a method version.
// - cdci_results: one computation of a method version: the inputs it read (the
//   branches, the respondents' answers per indicator without any business, the
//   platform and Department values) and what it produced, with its seed, so a
//   published result can be recomputed and compared; at most one published per method.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table cdci_methods (
      id uuid primary key default gen_random_uuid(),
      department_id uuid not null references units(id),
      year integer not null,
      version integer not null,
      status text not null default 'draft' check (status in ('draft', 'published')),
      survey_id uuid references surveys(id),
      method jsonb not null,
      created_by uuid references users(id),
      created_at timestamptz not null,
      published_at timestamptz,
      unique (department_id, year, version)
    );

    create table cdci_department_scores (
      method_id uuid not null references cdci_methods(id) on delete cascade,
      unit_id uuid not null references units(id),
      indicator text not null,
      value double precision not null,
      primary key (method_id, unit_id, indicator)
    );

    create table cdci_results (
      id uuid primary key default gen_random_uuid(),
      method_id uuid not null references cdci_methods(id) on delete cascade,
      computed_at timestamptz not null,
      computed_by uuid references users(id),
      seed integer not null,
      inputs jsonb not null,
      result jsonb not null,
      published boolean not null default false
    );
    create index cdci_results_method_idx on cdci_results (method_id, computed_at desc);
    create unique index cdci_results_published_idx on cdci_results (method_id) where published;
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table cdci_results;
    drop table cdci_department_scores;
    drop table cdci_methods;
  `.execute(db);
}
