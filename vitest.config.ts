import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
		// The end-to-end tests run the bundle: rebuild it first when src/ is newer.
		globalSetup: ['test/global-setup.ts'],
		// e2e tests spawn the real binary in a pseudo-terminal; two cores, so keep it modest.
		maxWorkers: 2,
		testTimeout: 30_000,
		// In CI a test that fails is run once more, and vitest reports it as flaky if it then
		// passes: the end-to-end tests share two cores with real terminals and processes.
		retry: process.env['CI'] ? 1 : 0,
		hookTimeout: 30_000,
	},
});
