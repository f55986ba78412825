// The tables that leave through disclosure control, and where their rows come
// from: each row is one rated thing at a leaf of the unit tree (a unit itself, or
// an officer at a unit), with the business behind it, the item it belongs to
// (a declaration, a support request) and the counts it adds.
import { sql, type RawBuilder } from 'kysely';

export const DISCLOSURE_TABLES = ['service_ratings', 'support_answers'] as const;
export type DisclosureTable = (typeof DISCLOSURE_TABLES)[number];

export interface TableSource {
  /** Additive counts a cell holds, each summed over its rows. */
  counts: readonly string[];
  /**
   * Rows of [start, end): unit_id uuid, officer_id uuid (null unless an officer is
   * rated), business text, item text, and one numeric column per count.
   */
  rows(start: Date, end: Date): RawBuilder<unknown>;
  /** Over an item's summed rows within a cell: does the item count as satisfied? */
  satisfied: RawBuilder<unknown>;
  /** Free texts written in [start, end): unit_id, officer_id, business, text, at. */
  texts(start: Date, end: Date): RawBuilder<unknown>;
  /** The first instant with rows, to know where releases start. */
  firstAt: RawBuilder<unknown>;
}

const FLAGS = ['inconvenience', 'harassment', 'negativity', 'delay', 'error'] as const;

const serviceRatings: TableSource = {
  counts: ['ratings', 'stars_sum', 's1', 's2', 's3', 's4', 's5', ...FLAGS.map((flag) => `f_${flag}`)],
  rows: (start, end) => sql`
    select r.unit_id, case when r.subject_kind = 'officer' then r.officer_id end as officer_id,
      a.enterprise_id::text as business, a.declaration_id::text as item,
      1 as ratings, r.stars as stars_sum,
      (r.stars = 1)::int as s1, (r.stars = 2)::int as s2, (r.stars = 3)::int as s3, (r.stars = 4)::int as s4, (r.stars = 5)::int as s5,
      ${sql.join(FLAGS.map((flag) => sql`(${flag} = any(r.flags))::int as ${sql.ref(`f_${flag}`)}`))}
    from assessments a join assessment_ratings r on r.assessment_id = a.id
    where a.created_at >= ${start} and a.created_at < ${end}`,
  // A declaration is satisfied with a cell when its ratings there average 4 stars or more.
  satisfied: sql`sum(stars_sum) >= 4 * sum(ratings)`,
  texts: (start, end) => sql`
    select r.unit_id, case when r.subject_kind = 'officer' then r.officer_id end as officer_id, a.enterprise_id::text as business, r.reason as text, a.created_at as at
    from assessments a join assessment_ratings r on r.assessment_id = a.id
    where a.created_at >= ${start} and a.created_at < ${end} and r.reason is not null and r.reason <> ''
    union all
    select d.office_unit_id, null, a.enterprise_id::text, a.comment, a.created_at
    from assessments a join declarations d on d.id = a.declaration_id
    where a.created_at >= ${start} and a.created_at < ${end} and a.comment is not null and a.comment <> ''`,
  firstAt: sql`(select min(created_at) from assessments)`,
};

// A request without a business (a person at the counter) is protected as its own requester.
const requester = sql`coalesce(s.enterprise_id::text, 'mail:' || lower(s.requester_email), 'request:' || s.id::text)`;

const supportAnswers: TableSource = {
  counts: ['rated', 'helpful', 'fast'],
  rows: (start, end) => sql`
    select s.team_unit_id as unit_id, null::uuid as officer_id, ${requester} as business, s.id::text as item,
      1 as rated, coalesce(s.rating_helpful, false)::int as helpful, coalesce(s.rating_fast, false)::int as fast
    from support_requests s
    where s.rated_at >= ${start} and s.rated_at < ${end}`,
  satisfied: sql`sum(helpful) > 0`,
  texts: (start, end) => sql`
    select s.team_unit_id as unit_id, null::uuid as officer_id, ${requester} as business, s.rating_comment as text, s.rated_at as at
    from support_requests s
    where s.rated_at >= ${start} and s.rated_at < ${end} and s.rating_comment is not null and s.rating_comment <> ''`,
  firstAt: sql`(select min(rated_at) from support_requests)`,
};

export const TABLE_SOURCES: Record<DisclosureTable, TableSource> = {
  service_ratings: serviceRatings,
  support_answers: supportAnswers,
};
