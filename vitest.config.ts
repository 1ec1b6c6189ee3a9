import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

// The prepared test databases are named after the run, so two runs on one machine do not share them.
process.env.VITEST_RUN_ID ??= String(process.pid);

/** Files that take longest though their source is short: started first, so that neither is left to run alone at the end. */
const LONGEST = ['test/access-matrix.test.ts', 'test/bad-input.test.ts'];

/**
 * Vitest starts the files that took longest in the previous run first, and without one (a clean clone, as in CI) the
 * largest files first. The routes of the two files above are in test/access-routes.ts, so they would start last.
 */
class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const isLong = (file: TestSpecification) => LONGEST.some((path) => file.moduleId.endsWith(path));
    return [...sorted.filter(isLong), ...sorted.filter((file) => !isLong(file))];
  }
}

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // Each test file gets its own copy of a prepared database; two workers fit the 2-core machines. The files share
    // their worker's loaded modules (isolate: false): loading the server anew for each file cost a fifth of the run.
    pool: 'forks',
    maxWorkers: 2,
    isolate: false,
    sequence: { sequencer: LongestFirst },
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
