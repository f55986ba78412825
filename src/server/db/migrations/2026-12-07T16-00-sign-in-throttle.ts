// Frozen: sign-in throttling counted atomically, and one-time sign-in links.
// `sign_in_attempts` was read (count) before failures were written, so
// concurrent attempts all passed the check; it is replaced by one counter row
// per key (an account, an address), taken with one insert … on conflict do
// update … returning per attempt, before the password is verified. A link
// lets an account's owner continue to sign in with the password while others'
// failures hold the account or the address over its limit; only its hash is kept.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    drop table sign_in_attempts;

    create table sign_in_counters (
      key text primary key,
      window_start timestamptz not null,
      max_attempts integer not null check (max_attempts > 0),
      attempts integer not null check (attempts >= 0),
      granted boolean not null,
      refused integer not null default 0 check (refused >= 0)
    );
    create index sign_in_counters_window_idx on sign_in_counters (window_start);

    create table sign_in_links (
      token_hash text primary key,
      user_id uuid not null references users(id) on delete cascade,
      created_at timestamptz not null,
      expires_at timestamptz not null,
      used_at timestamptz,
      attempts integer not null default 0 check (attempts >= 0),
      ip text
    );
    create index sign_in_links_user_idx on sign_in_links (user_id);
    create index sign_in_links_expires_idx on sign_in_links (expires_at);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table sign_in_links;
    drop table sign_in_counters;
    create table sign_in_attempts (
      id bigserial primary key,
      key text not null,
      succeeded boolean not null,
      at timestamptz not null default now()
    );
    create index sign_in_attempts_key_idx on sign_in_attempts (key, at);
  `.execute(db);
}
