import type { FullResult, Reporter, TestCase } from '@playwright/test/reporter';

/**
 * Names the journeys that were still running when the run was cut short (its global time limit, or a stop from
 * outside), which Playwright's own summary counts only as «did not run».
 */
export default class UnfinishedReporter implements Reporter {
  private readonly running = new Map<string, TestCase>();

  onTestBegin(test: TestCase) {
    this.running.set(test.id, test);
  }

  onTestEnd(test: TestCase) {
    this.running.delete(test.id);
  }

  onEnd(result: FullResult) {
    if (result.status === 'passed' || this.running.size === 0) return;
    const names = [...this.running.values()].map(
      (test) => `  ${test.location.file.replace(/^.*\/e2e\//, 'e2e/')}:${test.location.line} › ${test.title}`,
    );
    console.error(`\nStill running when the run stopped (${result.status}):\n${names.join('\n')}`);
  }
}
