// npm run bench -- <name> [--size N] [--seconds N]
const benches: Record<string, () => Promise<{ run: () => Promise<void> }>> = {
  healthz: async () => ({ run: (await import('./healthz.ts')).runHealthzBench }),
  dashboards: async () => ({ run: (await import('./dashboards.ts')).runDashboardBench }),
  assessments: async () => ({ run: (await import('./assessments.ts')).runAssessmentBench }),
  questions: async () => ({ run: (await import('./questions.ts')).runQuestionsBench }),
  support: async () => ({ run: (await import('./support.ts')).runSupportBench }),
  surveys: async () => ({ run: (await import('./surveys.ts')).runSurveysBench }),
  plan: async () => ({ run: (await import('./plan.ts')).runPlanBench }),
  consultations: async () => ({ run: (await import('./consultations.ts')).runConsultationsBench }),
  contest: async () => ({ run: (await import('./contests.ts')).runContestsBench }),
  library: async () => ({ run: (await import('./library.ts')).runLibraryBench }),
  relevance: async () => ({ run: (await import('./relevance.ts')).runRelevanceBench }),
  screens: async () => ({ run: (await import('./screens.ts')).runScreensBench }),
  cdci: async () => ({ run: (await import('./cdci.ts')).runCdciBench }),
  'question-pdf': async () => ({ run: (await import('./question-pdf.ts')).runQuestionPdfBench }),
};

const benchName = process.argv[2];
const bench = benchName ? benches[benchName] : undefined;
if (!bench) {
  console.error(`Usage: npm run bench -- <${Object.keys(benches).join('|')}> [--size N] [--seconds N]`);
  process.exit(2);
}
const { run } = await bench();
await run();
process.exit(0);

export {};
