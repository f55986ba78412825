// Periodic work: results releases, escalations, session clean-up. Each task guards
// itself in the database (advisory or row locks), so every process may run them.
import type { AppDeps } from './lib/deps.ts';
import { publicUrl } from './config.ts';
import { deleteExpiredSessions, deleteOldSignInLinks, deleteStaleCounters } from './modules/auth/repository.ts';
import { THROTTLE_WINDOW_MS } from './modules/auth/policy.ts';
import { writeRatingAuditSummaries } from './modules/assessments/audit-summary.ts';
import { createCaseService } from './modules/cases/service.ts';
import { createDisclosureRelease } from './modules/disclosure/release.ts';
import { flushDeliveries } from './lib/deliveries.ts';
import { createEventService } from './modules/events/service.ts';
import { createAgreementService } from './modules/agreements/service.ts';
import { createNewsletterService } from './modules/documents/newsletter.ts';
import { createQuestionService } from './modules/questions/service.ts';
import { createHandlingService } from './modules/support/handling.ts';
import { createPlanProgress } from './modules/plan/progress.ts';
import { vietnamDay } from '../contracts/vietnam-time.ts';

interface Task {
  name: string;
  everyMs: number;
  run: () => Promise<unknown>;
}

/** Expired sessions, sign-in counters whose window has passed, sign-in links a day past their expiry. */
async function cleanUpSignIn(deps: AppDeps): Promise<void> {
  const now = deps.clock.now();
  await deleteExpiredSessions(deps.db, now);
  await deleteStaleCounters(deps.db, new Date(now.getTime() - THROTTLE_WINDOW_MS));
  await deleteOldSignInLinks(deps.db, new Date(now.getTime() - 24 * 3_600_000));
}

export function startJobs(deps: AppDeps, log: (message: string, error?: unknown) => void): () => Promise<void> {
  const cases = createCaseService({ ...deps, publicBase: publicUrl(deps.config) });
  const events = createEventService({
    db: deps.db,
    clock: deps.clock,
    publicBase: publicUrl(deps.config),
    mailFrom: deps.config.MAIL_FROM,
  });
  const agreements = createAgreementService({
    db: deps.db,
    clock: deps.clock,
    dataDir: deps.config.DATA_DIR,
    publicBase: publicUrl(deps.config),
  });
  const newsletters = createNewsletterService({ db: deps.db, clock: deps.clock, publicBase: publicUrl(deps.config) });
  const support = createHandlingService({
    ...deps,
    publicBase: publicUrl(deps.config),
    questions: createQuestionService(deps),
  });
  const releases = createDisclosureRelease(deps);
  const planProgress = createPlanProgress({ db: deps.db, clock: deps.clock, publicBase: publicUrl(deps.config) });
  const tasks: Task[] = [
    // Results of a closed month appear at once, at the release time, for everyone.
    { name: 'results release', everyMs: 60_000, run: () => releases.releaseDue() },
    { name: 'case escalation', everyMs: 60_000, run: () => cases.escalateOverdue() },
    { name: 'rating audit summaries', everyMs: 600_000, run: () => writeRatingAuditSummaries(deps) },
    { name: 'support escalation', everyMs: 60_000, run: () => support.escalateBreaches() },
    { name: 'session clean-up', everyMs: 3_600_000, run: () => cleanUpSignIn(deps) },
    { name: 'event invitations and reminders', everyMs: 300_000, run: () => events.queueDueMail() },
    { name: 'mail deliveries', everyMs: 5_000, run: () => flushDeliveries(deps) },
    { name: 'agreement renewals', everyMs: 3_600_000, run: () => agreements.remindRenewals() },
    // The year's plan progress from the platform's data; alerts when a target falls behind.
    {
      name: 'plan progress',
      everyMs: 3_600_000,
      run: () => planProgress.refreshYear(Number(vietnamDay(deps.clock.now()).slice(0, 4))),
    },
    { name: 'monthly newsletter draft', everyMs: 3_600_000, run: () => newsletters.draftPreviousMonth() },
  ];
  let stopped = false;
  const running = new Set<Promise<unknown>>();
  const timers = tasks.map((task) => {
    let busy = false;
    return setInterval(() => {
      if (busy || stopped) return;
      busy = true;
      const work = task
        .run()
        .catch((error: unknown) => log(`job ${task.name} failed`, error))
        .finally(() => {
          busy = false;
          running.delete(work);
        });
      running.add(work);
    }, task.everyMs);
  });
  return async () => {
    stopped = true;
    for (const timer of timers) clearInterval(timer);
    await Promise.allSettled([...running]);
  };
}
