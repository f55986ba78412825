// The audit of the rating side. A per-event entry ("assessment submitted",
// "case opened" at 10:42:17, next to the business user's own sign-in at
// 10:41:50) ties a rating and its flags to the rater by its id, order and time.
// So submissions, amendments, cases opened, handling ratings and access codes
// are only counted as they happen (rating_audit_pending: no id, time or actor),
// and once a Vietnam day has closed this job writes one entry per office and
// day, by the system: how many of each, and the cases opened, unordered, with
// no actor. Who rated stays in the assessment row, which only the audited
// identity reveal of a flag case reads.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { SYSTEM_CONTEXT, writeAudit } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { vietnamDay } from '../../../contracts/vietnam-time.ts';
import * as repo from './repository.ts';

/** A day is summarised this long after it closes, so a submission committing at midnight is still counted in it. */
const GRACE_MS = 15 * 60_000;

export const RATING_SUMMARY_ACTION = 'assessment.daily_summary';

export interface RatingDaySummary {
  day: string;
  office: string;
  submitted: number;
  submittedVia: { link: number; app: number; api: number };
  amended: number;
  casesOpened: string[];
  handlingRated: number;
  accessCodesSent: number;
  accessCodesVerified: number;
}

/** Writes the summaries of every closed day still pending; safe to run from several processes. Returns how many were written. */
export async function writeRatingAuditSummaries(deps: { db: Kysely<Database>; clock: Clock }): Promise<number> {
  const now = deps.clock.now();
  const firstOpenDay = vietnamDay(new Date(now.getTime() - GRACE_MS));
  return deps.db.transaction().execute(async (tx) => {
    const taken = await repo.takeRatingActivity(tx, firstOpenDay);
    const summaries = new Map<string, RatingDaySummary & { unitId: string }>();
    for (const event of taken) {
      const key = `${event.day}:${event.office_unit_id}`;
      let summary = summaries.get(key);
      if (!summary) {
        summary = {
          day: event.day,
          office: event.office_code,
          unitId: event.office_unit_id,
          submitted: 0,
          submittedVia: { link: 0, app: 0, api: 0 },
          amended: 0,
          casesOpened: [],
          handlingRated: 0,
          accessCodesSent: 0,
          accessCodesVerified: 0,
        };
        summaries.set(key, summary);
      }
      if (event.kind === 'submitted') {
        summary.submitted++;
        if (event.via) summary.submittedVia[event.via]++;
      } else if (event.kind === 'amended') summary.amended++;
      else if (event.kind === 'case_opened' && event.case_number) summary.casesOpened.push(event.case_number);
      else if (event.kind === 'handling_rated') summary.handlingRated++;
      else if (event.kind === 'code_sent') summary.accessCodesSent++;
      else if (event.kind === 'code_verified') summary.accessCodesVerified++;
    }
    const ordered = [...summaries.values()].sort(
      (a, b) => a.day.localeCompare(b.day) || a.office.localeCompare(b.office),
    );
    for (const { unitId, ...summary } of ordered) {
      summary.casesOpened.sort(); // random numbers: sorted, they say nothing of the order cases were opened in
      await writeAudit(tx, SYSTEM_CONTEXT, {
        action: RATING_SUMMARY_ACTION,
        entityType: 'unit_day',
        entityId: `${summary.office}:${summary.day}`,
        unitId,
        details: { ...summary },
      });
    }
    await repo.deleteExpiredAccess(tx, now);
    return ordered.length;
  });
}
