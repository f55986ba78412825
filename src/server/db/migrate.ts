// Runs the frozen migrations in order. They are imported statically so the
// same list works under tsx, Vitest and a bundled build.
import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as foundation from './migrations/2026-11-23T00-00-foundation.ts';
import * as assessments from './migrations/2026-11-23T01-00-assessments.ts';
import * as rollupTotals from './migrations/2026-11-23T03-00-rollup-totals.ts';
import * as importJobs from './migrations/2026-11-23T04-00-import-jobs.ts';
import * as rollupFilterIndexes from './migrations/2026-11-23T05-00-rollup-filter-indexes.ts';
import * as events from './migrations/2026-11-23T11-00-events.ts';
import * as agreements from './migrations/2026-11-23T11-30-agreements.ts';
import * as documents from './migrations/2026-11-23T12-00-documents.ts';
import * as ratingSubjectKeys from './migrations/2026-11-23T14-30-rating-subject-keys.ts';
import * as rollupMonths from './migrations/2026-11-23T15-00-rollup-months-stages.ts';
import * as dashboardReads from './migrations/2026-11-23T16-00-dashboard-reads.ts';
import * as questionSearchStripped from './migrations/2026-11-23T16-30-question-search-stripped.ts';
import * as questionBank from './migrations/2026-11-23T10-00-question-bank.ts';
import * as supportDesk from './migrations/2026-11-23T10-30-support-desk.ts';
import * as documentFiles from './migrations/2026-11-23T14-00-document-files.ts';
import * as questionSearch from './migrations/2026-11-23T13-00-question-search.ts';
import * as supportInbound from './migrations/2026-11-23T13-30-support-inbound.ts';
import * as signInThrottle from './migrations/2026-12-07T16-00-sign-in-throttle.ts';
import * as ratingAccess from './migrations/2026-12-07T16-30-rating-access.ts';
import * as disclosure from './migrations/2026-12-07T17-00-disclosure.ts';
import * as dropRollups from './migrations/2026-12-07T17-30-drop-rollups.ts';
import * as questionRelevance from './migrations/2026-12-07T19-00-question-relevance.ts';
import * as surveys from './migrations/2026-12-07T19-30-surveys.ts';
import * as surveyResults from './migrations/2026-12-07T23-20-survey-results.ts';
import * as surveyForwards from './migrations/2026-12-07T23-25-survey-forwards.ts';
import * as plan from './migrations/2026-12-07T22-50-plan.ts';
import * as screens from './migrations/2026-12-07T23-00-screens.ts';
import * as cdci from './migrations/2026-12-07T22-40-cdci.ts';
import * as consultations from './migrations/2026-12-07T22-30-consultations.ts';
import * as contests from './migrations/2026-12-07T23-10-contests.ts';

const migrations: Record<string, Migration> = {
  '2026-11-23T00-00-foundation': foundation,
  '2026-11-23T01-00-assessments': assessments,
  '2026-11-23T03-00-rollup-totals': rollupTotals,
  '2026-11-23T04-00-import-jobs': importJobs,
  '2026-11-23T05-00-rollup-filter-indexes': rollupFilterIndexes,
  '2026-11-23T11-00-events': events,
  '2026-11-23T11-30-agreements': agreements,
  '2026-11-23T12-00-documents': documents,
  '2026-11-23T14-30-rating-subject-keys': ratingSubjectKeys,
  '2026-11-23T15-00-rollup-months-stages': rollupMonths,
  '2026-11-23T16-00-dashboard-reads': dashboardReads,
  '2026-11-23T16-30-question-search-stripped': questionSearchStripped,
  '2026-11-23T10-00-question-bank': questionBank,
  '2026-11-23T10-30-support-desk': supportDesk,
  '2026-11-23T14-00-document-files': documentFiles,
  '2026-11-23T13-00-question-search': questionSearch,
  '2026-11-23T13-30-support-inbound': supportInbound,
  '2026-12-07T16-00-sign-in-throttle': signInThrottle,
  '2026-12-07T16-30-rating-access': ratingAccess,
  '2026-12-07T17-00-disclosure': disclosure,
  '2026-12-07T17-30-drop-rollups': dropRollups,
  '2026-12-07T19-00-question-relevance': questionRelevance,
  '2026-12-07T19-30-surveys': surveys,
  '2026-12-07T23-20-survey-results': surveyResults,
  '2026-12-07T23-25-survey-forwards': surveyForwards,
  '2026-12-07T22-50-plan': plan,
  '2026-12-07T23-00-screens': screens,
  '2026-12-07T22-40-cdci': cdci,
  '2026-12-07T22-30-consultations': consultations,
  '2026-12-07T23-10-contests': contests,
};

const provider: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
};

export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(JSON.stringify(error));
  return (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName);
}
