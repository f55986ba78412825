// Queries for the monthly newsletter (Kysely and SQL only): the issues, what a
// month's draft is made of, who receives it, each copy's delivery (by the key
// newsletter-send.ts queued it under) and unsubscribing.
import { sql, type Kysely, type Updateable } from 'kysely';
import type { Database, NewsletterItem, NewslettersTable } from '../../db/schema.ts';
import type { Locale } from '../../lib/locale.ts';
import { uuidList } from '../../db/uuid-list.ts';

/** The key of one recipient's copy in mail_deliveries. */
export const newsletterDeliveryKey = (newsletterId: string, email: string) => `newsletter:${newsletterId}:${email}`;
/** The same key, as SQL over a newsletter_recipients row aliased `r`. */
const recipientDeliveryKey = sql<string>`'newsletter:' || r.newsletter_id::text || ':' || r.email`;

/** The unit and status (access checks). */
export async function findNewsletterHead(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('newsletters')
    .select(['id', 'unit_id', 'month', 'status', 'sent_at'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The issue with its unit, and where its copies stand. */
export async function findNewsletterForView(db: Kysely<Database>, id: string) {
  const row = await db
    .selectFrom('newsletters as n')
    .leftJoin('units as u', 'u.id', 'n.unit_id')
    .selectAll('n')
    .select(['u.code as unit_code', 'u.name_vi as unit_name'])
    .where('n.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  // Through this recipients (each copy by its unique key), not a scan of every mail ever queued.
  const counts = await db
    .selectFrom('newsletter_recipients as r')
    .innerJoin('mail_deliveries as d', (join) => join.on('d.key', '=', recipientDeliveryKey))
    .select([
      sql<string>`count(*) filter (where d.status in ('pending', 'sending'))`.as('pending'),
      sql<string>`count(*) filter (where d.status = 'sent')`.as('sent'),
      sql<string>`count(*) filter (where d.status in ('failed', 'uncertain'))`.as('failed'),
    ])
    .where('r.newsletter_id', '=', id)
    .executeTakeFirstOrThrow();
  return {
    row,
    delivery: { pending: Number(counts.pending), sent: Number(counts.sent), failed: Number(counts.failed) },
  };
}
export type NewsletterViewData = NonNullable<Awaited<ReturnType<typeof findNewsletterForView>>>;

export async function findNewsletterId(
  db: Kysely<Database>,
  month: string,
  unitId: string | null,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('newsletters')
    .select('id')
    .where('month', '=', month)
    .where('unit_id', unitId === null ? 'is' : '=', unitId)
    .executeTakeFirst();
  return row?.id;
}

/** The latest issues of the given units (null: all), newest first. */
export async function findNewsletterIds(
  db: Kysely<Database>,
  unitIds: string[] | null,
  limit: number,
): Promise<string[]> {
  let query = db.selectFrom('newsletters').select('id');
  if (unitIds) query = query.where('unit_id', '=', sql<string>`any(${uuidList(unitIds)}::uuid[])`);
  return (await query.orderBy('month', 'desc').orderBy('created_at', 'desc').limit(limit).execute()).map((r) => r.id);
}

export async function lockNewsletter(db: Kysely<Database>, id: string) {
  return db.selectFrom('newsletters').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function insertNewsletter(
  db: Kysely<Database>,
  values: { month: string; unitId: string | null; introVi: string; items: NewsletterItem[] },
): Promise<string> {
  const row = await db
    .insertInto('newsletters')
    .values({
      month: values.month,
      unit_id: values.unitId,
      intro_vi: values.introVi,
      items: JSON.stringify(values.items),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateNewsletter(
  db: Kysely<Database>,
  id: string,
  values: Updateable<NewslettersTable>,
): Promise<void> {
  await db.updateTable('newsletters').set(values).where('id', '=', id).execute();
}

// ---- What a month's draft is made of

/** Documents recorded or issued in [start, end). */
export async function findDocumentsOfMonth(
  db: Kysely<Database>,
  range: { start: Date; end: Date; firstDay: string; nextMonthDay: string },
) {
  return db
    .selectFrom('legal_documents')
    .select(['id', 'number', 'title', 'issuer', 'effective_on', 'topics', 'summary_vi'])
    .where((eb) =>
      eb.or([
        eb.and([eb('created_at', '>=', range.start), eb('created_at', '<', range.end)]),
        eb.and([eb('issued_on', '>=', range.firstDay), eb('issued_on', '<', range.nextMonthDay)]),
      ]),
    )
    .orderBy('issued_on')
    .execute();
}

/** Published events open to all, starting in [from, until). */
export async function findComingEvents(db: Kysely<Database>, from: Date, until: Date) {
  return db
    .selectFrom('events as e')
    .innerJoin('units as u', 'u.id', 'e.organizer_unit_id')
    .select(['e.id', 'e.kind', 'e.title', 'e.starts_at', 'e.ends_at', 'e.place', 'u.name_vi'])
    .where('e.status', '=', 'published')
    .where('e.audience', '=', 'all')
    .where('e.starts_at', '>=', from)
    .where('e.starts_at', '<', until)
    .orderBy('e.starts_at')
    .execute();
}

/** Question-bank entries published in [start, end), the first `limit`. */
export async function findAnswersPublished(db: Kysely<Database>, range: { start: Date; end: Date }, limit: number) {
  return db
    .selectFrom('qa_entries')
    .select(['id', 'title_vi', 'body_vi', 'category'])
    .where('status', '=', 'published')
    .where('published_at', '>=', range.start)
    .where('published_at', '<', range.end)
    .orderBy('published_at')
    .limit(limit)
    .execute();
}

// ---- Who receives an issue

export interface Subscriber {
  email: string;
  locale: Locale;
  topics: string[];
}

/**
 * Active subscriptions with their users' addresses: direct ones (an enterprise's,
 * an association representative's) and every member enterprise's users of a
 * subscribed association. `managedBy`: only businesses managed by these units (null: all).
 */
export async function findSubscribers(db: Kysely<Database>, managedBy: string[] | null): Promise<Subscriber[]> {
  const units = managedBy ? uuidList(managedBy) : null;
  const managed = (column: 'u.enterprise_id' | 'm.enterprise_id') =>
    sql<boolean>`exists (select 1 from enterprises e where e.id = ${sql.ref(column)} and e.managing_unit_id = any(${units}::uuid[]))`;
  let direct = db
    .selectFrom('topic_subscriptions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['u.email', 'u.locale', 's.topics'])
    .where('s.active', '=', true)
    .where('u.active', '=', true);
  if (units)
    direct = direct.where((eb) =>
      eb.or([
        eb.and([eb('s.kind', '=', 'enterprise'), managed('u.enterprise_id')]),
        eb.and([
          eb('s.kind', '=', 'association'),
          sql<boolean>`exists (select 1 from association_members am join enterprises e on e.id = am.enterprise_id where am.association_id = s.association_id and e.managing_unit_id = any(${units}::uuid[]))`,
        ]),
      ]),
    );
  let members = db
    .selectFrom('topic_subscriptions as s')
    .innerJoin('association_members as m', 'm.association_id', 's.association_id')
    .innerJoin('users as u', 'u.enterprise_id', 'm.enterprise_id')
    .select(['u.email', 'u.locale', 's.topics'])
    .where('s.kind', '=', 'association')
    .where('s.active', '=', true)
    .where('u.active', '=', true);
  if (units) members = members.where(managed('m.enterprise_id'));
  return [...(await direct.execute()), ...(await members.execute())];
}

export async function findOptedOutEmails(db: Kysely<Database>): Promise<Set<string>> {
  return new Set((await db.selectFrom('newsletter_optouts').select('email').execute()).map((o) => o.email));
}

export async function insertRecipient(
  db: Kysely<Database>,
  values: { newsletterId: string; email: string; token: string; skipped?: 'unsubscribed' },
): Promise<void> {
  await db
    .insertInto('newsletter_recipients')
    .values({
      newsletter_id: values.newsletterId,
      email: values.email,
      token: values.token,
      ...(values.skipped && { skipped: values.skipped }),
    })
    .execute();
}

// ---- Unsubscribing

export async function findRecipientByToken(db: Kysely<Database>, token: string) {
  return db
    .selectFrom('newsletter_recipients')
    .select(['email', 'newsletter_id'])
    .where('token', '=', token)
    .executeTakeFirst();
}

export async function isOptedOut(db: Kysely<Database>, email: string): Promise<boolean> {
  return (
    (await db.selectFrom('newsletter_optouts').select('email').where('email', '=', email).executeTakeFirst()) !==
    undefined
  );
}

/** The address gets no more newsletters: opted out, the copy marked, its enterprise subscriptions turned off. */
export async function optOut(db: Kysely<Database>, email: string, token: string, at: Date): Promise<void> {
  await db
    .insertInto('newsletter_optouts')
    .values({ email, at })
    .onConflict((oc) => oc.column('email').doNothing())
    .execute();
  await db
    .updateTable('newsletter_recipients')
    .set({ unsubscribed_at: at })
    .where('token', '=', token)
    .where('unsubscribed_at', 'is', null)
    .execute();
  await db
    .updateTable('topic_subscriptions')
    .set({ active: false, updated_at: at })
    .where('kind', '=', 'enterprise')
    .where('user_id', 'in', db.selectFrom('users').select('id').where('email', '=', email))
    .execute();
}

// ---- The delivery log of a send

export type DeliveryStatusRow = 'pending' | 'sending' | 'sent' | 'failed' | 'uncertain' | 'skipped';

export interface DeliveryLogRow {
  email: string;
  status: DeliveryStatusRow;
  error: string | null;
  attempts: number;
  sent_at: Date | null;
  unsubscribed_at: Date | null;
}

const STATUS = sql`case when r.skipped is not null then 'skipped' else coalesce(d.status, 'pending') end`;

/** Copies per status over the whole send (one pass; the planner may hash-join). */
export async function countDeliveries(db: Kysely<Database>, newsletterId: string) {
  const result = await sql<{ status: DeliveryStatusRow; n: number }>`
    select ${STATUS} as status, count(*)::int as n
    from newsletter_recipients r
    left join mail_deliveries d on d.key = ${recipientDeliveryKey}
    where r.newsletter_id = ${newsletterId}
    group by 1`.execute(db);
  return result.rows;
}

/**
 * One row per recipient, in address order; each copy found by the key it was
 * queued under (a unique-index lookup), so the first page of a large send reads only that page.
 */
export async function findDeliveryLog(
  db: Kysely<Database>,
  newsletterId: string,
  status: DeliveryStatusRow | undefined,
  page: { limit: number; offset: number },
): Promise<DeliveryLogRow[]> {
  const filter = status ? sql`and ${STATUS} = ${status}` : sql``;
  const result = await sql<DeliveryLogRow>`
    select r.email, r.unsubscribed_at, ${STATUS} as status, d.error, coalesce(d.attempts, 0)::int as attempts, d.sent_at
    from newsletter_recipients r
    left join lateral (
      select m.status, m.error, m.attempts, m.sent_at from mail_deliveries m where m.key = ${recipientDeliveryKey}
    ) d on true
    where r.newsletter_id = ${newsletterId} ${filter}
    order by r.email
    limit ${page.limit} offset ${page.offset}`.execute(db);
  return result.rows;
}

/** Puts the failed copies of a send back in the queue (fresh attempts); returns how many. */
export async function requeueFailedCopies(db: Kysely<Database>, newsletterId: string): Promise<number> {
  const rows = await db
    .updateTable('mail_deliveries')
    .set({ status: 'pending', attempts: 0, error: null, claimed_at: null })
    .where('status', '=', 'failed')
    .where(
      'key',
      'in',
      db
        .selectFrom('newsletter_recipients as r')
        .select(recipientDeliveryKey.as('key'))
        .where('r.newsletter_id', '=', newsletterId)
        .where('r.skipped', 'is', null),
    )
    .returning('id')
    .execute();
  return rows.length;
}
