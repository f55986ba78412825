import { defineConfig } from 'vitest/config';
import { webStrings } from './scripts/vite/i18n-split.ts';

export default defineConfig({
  // Web modules ask for their strings through a virtual module (scripts/vite/i18n-split.ts).
  plugins: [webStrings()],
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'scripts/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: true,
  },
});
