// Frozen: the support desk's inbound e-mail (every mail received, once per
// Message-ID, with what became of it) and the editable service levels, seeded
// from the targets the code used until now.
import { sql, type Kysely } from 'kysely';

const CATEGORIES = ['hs_code', 'tax_refund', 'tax_exemption', 'commodity_policy', 'procedures', 'processing_export', 'origin', 'it_ecustoms', 'other'];
const POLICY = ['hs_code', 'tax_exemption', 'commodity_policy', 'origin'];
const PRIORITIES = ['normal', 'high', 'urgent'];
const WORKING_DAY = 8 * 60;

/** The constants of support/policy.ts as of this migration (copied, never imported). */
function seedLevel(category: string, priority: string): [string, number, number] {
  if (priority === 'urgent') return ['24x7', 60, 24 * 60];
  if (category === 'it_ecustoms') return ['24x7', priority === 'high' ? 60 : 240, priority === 'high' ? 8 * 60 : 48 * 60];
  const days = priority === 'high' ? 2 : POLICY.includes(category) ? 10 : 5;
  return ['working', priority === 'high' ? 2 * 60 : WORKING_DAY, days * WORKING_DAY];
}

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table support_inbound_mails (
      id uuid primary key default gen_random_uuid(),
      message_id text not null unique,
      from_address text not null,
      from_name text not null default '',
      subject text not null default '',
      text_body text not null default '',
      received_at timestamptz not null,
      status text not null check (status in ('opened', 'continued', 'unmatched', 'opened_by_officer', 'dismissed')),
      reason text,
      request_id uuid references support_requests(id),
      sender_user_id uuid references users(id),
      attachments jsonb not null default '[]'::jsonb,
      handled_by_user_id uuid references users(id),
      handled_at timestamptz
    );
    create index support_inbound_mails_status_idx on support_inbound_mails (status, received_at desc);

    create table support_service_levels (
      category text not null,
      priority text not null check (priority in ('normal', 'high', 'urgent')),
      calendar text not null check (calendar in ('24x7', 'working')),
      first_response_minutes integer not null check (first_response_minutes > 0),
      resolution_minutes integer not null check (resolution_minutes >= first_response_minutes),
      updated_by_user_id uuid references users(id),
      updated_at timestamptz not null default now(),
      primary key (category, priority)
    );
  `.execute(db);
  const rows = CATEGORIES.flatMap((category) =>
    PRIORITIES.map((priority) => {
      const [calendar, first, resolution] = seedLevel(category, priority);
      return { category, priority, calendar, first_response_minutes: first, resolution_minutes: resolution };
    }),
  );
  await db.insertInto('support_service_levels').values(rows).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table support_service_levels; drop table support_inbound_mails;`.execute(db);
}
