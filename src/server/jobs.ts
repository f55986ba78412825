// Periodic work: roll-ups, escalations, session clean-up. Each task guards
// itself in the database (advisory or row locks), so every process may run them.
import type { AppDeps } from './lib/deps.ts';
import { publicUrl } from './config.ts';
import { deleteExpiredSessions } from './modules/auth/repository.ts';
import { createCaseService } from './modules/cases/service.ts';
import { flushRollups } from './modules/dashboards/rollups.ts';
import { createQuestionService } from './modules/questions/service.ts';
import { createHandlingService } from './modules/support/handling.ts';

interface Task {
  name: string;
  everyMs: number;
  run: () => Promise<unknown>;
}

export function startJobs(deps: AppDeps, log: (message: string, error?: unknown) => void): () => Promise<void> {
  const cases = createCaseService({ ...deps, publicBase: publicUrl(deps.config) });
  const support = createHandlingService({ ...deps, publicBase: publicUrl(deps.config), questions: createQuestionService(deps) });
  const tasks: Task[] = [
    { name: 'roll-ups', everyMs: 1_000, run: () => flushRollups(deps.db) },
    { name: 'case escalation', everyMs: 60_000, run: () => cases.escalateOverdue() },
    { name: 'support escalation', everyMs: 60_000, run: () => support.escalateBreaches() },
    { name: 'session clean-up', everyMs: 3_600_000, run: () => deleteExpiredSessions(deps.db, deps.clock.now()) },
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
