// CI's closing lines: every test that passed only when run again is named (so a flaky test is
// seen and fixed, not hidden by the retry), then one plain `N passed, N failed, N skipped`.
import type {Reporter, TestCase, TestModule} from 'vitest/node';

export default class CiReporter implements Reporter {
	private readonly retried: string[] = [];
	private passed = 0;
	private failed = 0;
	private skipped = 0;

	onTestCaseResult(testCase: TestCase): void {
		const {state} = testCase.result();
		if (state === 'passed') {
			this.passed++;
		} else if (state === 'failed') {
			this.failed++;
		} else {
			this.skipped++;
		}

		const {retryCount} = testCase.diagnostic() ?? {retryCount: 0};
		if (retryCount > 0) {
			this.retried.push(
				`${testCase.module.relativeModuleId} > ${testCase.fullName} (${state} after ${retryCount} retr${retryCount === 1 ? 'y' : 'ies'})`,
			);
		}
	}

	onTestRunEnd(_modules: readonly TestModule[]): void {
		if (this.retried.length > 0) {
			console.log(`\nTests that needed a retry (${this.retried.length}):`);
			for (const line of this.retried) {
				console.log(`  retried: ${line}`);
			}
		}

		console.log(`\n${this.passed} passed, ${this.failed} failed, ${this.skipped} skipped`);
	}
}
