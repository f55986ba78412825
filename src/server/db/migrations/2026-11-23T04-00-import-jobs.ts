// Frozen: declaration imports from CSV or Excel, with their progress and per-row errors.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table import_jobs (
      id uuid primary key default gen_random_uuid(),
      kind text not null,
      file_name text not null,
      created_by uuid not null references users(id),
      status text not null default 'running' check (status in ('running', 'done', 'failed')),
      total integer not null default 0,
      processed integer not null default 0,
      succeeded integer not null default 0,
      errors jsonb not null default '[]'::jsonb,
      created_at timestamptz not null default now(),
      finished_at timestamptz
    );
    create index import_jobs_creator_idx on import_jobs (created_by, created_at desc);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table import_jobs`.execute(db);
}
