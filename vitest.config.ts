import { defineConfig } from 'vitest/config';

// The prepared test databases are named after the run, so two runs on one machine do not share them.
process.env.VITEST_RUN_ID ??= String(process.pid);

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // Each test file gets its own copy of a prepared database; two workers fit the 2-core machines.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
