import { defineConfig } from 'vitest/config';

// Browser journeys: one platform (embedded database, demo data) for all files,
// driven one journey at a time by Debian's Chromium.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // A page may take seconds to settle on a loaded machine (CI, benchmarks beside it);
    // the default second of expect.poll made journeys fail for time, not behaviour.
    expect: { poll: { timeout: 15_000 } },
  },
});
