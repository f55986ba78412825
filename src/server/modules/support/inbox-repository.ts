// Queries for mail to the support desk (Kysely only): each mail stored once by
// its Message-ID, what became of it, the officers' inbox, and the account a
// sender's address belongs to.
import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Database, SupportInboundMailsTable } from '../../db/schema.ts';

export async function findInboundByMessageId(db: Kysely<Database>, messageId: string) {
  return db
    .selectFrom('support_inbound_mails')
    .select(['status', 'request_id'])
    .where('message_id', '=', messageId)
    .executeTakeFirst();
}

/** Stores a mail; undefined when a mail with its Message-ID is stored already. */
export async function insertInbound(
  db: Kysely<Database>,
  values: Insertable<SupportInboundMailsTable>,
): Promise<string | undefined> {
  const row = await db
    .insertInto('support_inbound_mails')
    .values(values)
    .onConflict((oc) => oc.column('message_id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export async function updateInbound(
  db: Kysely<Database>,
  id: string,
  values: Updateable<SupportInboundMailsTable>,
): Promise<void> {
  await db.updateTable('support_inbound_mails').set(values).where('id', '=', id).execute();
}

const columns = [
  'm.id',
  'm.from_address',
  'm.from_name',
  'm.subject',
  'm.text_body',
  'm.received_at',
  'm.status',
  'm.reason',
  'm.request_id',
  'm.attachments',
  'r.number',
] as const;

const inboxQuery = (db: Kysely<Database>) =>
  db.selectFrom('support_inbound_mails as m').leftJoin('support_requests as r', 'r.id', 'm.request_id').select(columns);
export type InboxRow = NonNullable<Awaited<ReturnType<ReturnType<typeof inboxQuery>['executeTakeFirst']>>>;

/** One page of the inbox in a status, newest first, and how many there are. */
export async function listInbox(
  db: Kysely<Database>,
  filter: { status: InboxRow['status']; limit: number; offset: number },
): Promise<{ rows: InboxRow[]; total: number }> {
  const rows = await inboxQuery(db)
    .where('m.status', '=', filter.status)
    .orderBy('m.received_at', 'desc')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  const total = await db
    .selectFrom('support_inbound_mails')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('status', '=', filter.status)
    .executeTakeFirstOrThrow();
  return { rows, total: Number(total.n) };
}

/** A stored mail (locked first when `forUpdate`). */
export async function findInboxMail(
  db: Kysely<Database>,
  id: string,
  forUpdate = false,
): Promise<InboxRow | undefined> {
  if (forUpdate)
    await db.selectFrom('support_inbound_mails').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
  return inboxQuery(db).where('m.id', '=', id).executeTakeFirst();
}

/** The active account an address belongs to (compared without case), with its role grants. */
export async function findAccountByEmail(db: Kysely<Database>, email: string) {
  const user = await db
    .selectFrom('users')
    .select(['id', 'email', 'full_name', 'locale', 'enterprise_id', 'association_id', 'officer_id'])
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email))
    .where('active', '=', true)
    .executeTakeFirst();
  if (!user) return undefined;
  const roles = await db
    .selectFrom('user_roles as r')
    .leftJoin('units as u', 'u.id', 'r.unit_id')
    .select(['r.role', 'r.unit_id', 'u.code'])
    .where('r.user_id', '=', user.id)
    .execute();
  return { user, roles };
}
