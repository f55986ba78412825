// npm run bench -- <name> [--size N] [--seconds N]
const benches: Record<string, () => Promise<{ run: () => Promise<void> }>> = {
  healthz: async () => ({ run: (await import('./healthz.ts')).runHealthzBench }),
  dashboards: async () => ({ run: (await import('./dashboards.ts')).runDashboardBench }),
  assessments: async () => ({ run: (await import('./assessments.ts')).runAssessmentBench }),
  questions: async () => ({ run: (await import('./questions.ts')).runQuestionsBench }),
  support: async () => ({ run: (await import('./support.ts')).runSupportBench }),
  surveys: async () => ({ run: (await import('./surveys.ts')).runSurveysBench }),
  contest: async () => ({ run: (await import('./contests.ts')).runContestsBench }),
  library: async () => ({ run: (await import('./library.ts')).runLibraryBench }),
  relevance: async () => ({ run: (await import('./relevance.ts')).runRelevanceBench }),
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
