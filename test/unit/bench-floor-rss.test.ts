// The bench's exact reading of the bare-Node floor's peak RSS (bench/lib/floor-rss.mjs): the
// floor lives about 60 ms, too short for ptybench's 20 ms samples. No timing is asserted.
import {describe, expect, it} from 'vitest';
import {exactPeakRss, withExactRss} from '../../bench/lib/floor-rss.mjs';

const size = {cols: 100, rows: 30};

describe('the floor peak RSS', () => {
	it("reads a short-lived process's peak at its exit, above what a fresh Node has at start", () => {
		// A process that holds 64 MiB for a moment and exits at once: sampling would miss it.
		const argv = [process.execPath, '-e', 'const b = Buffer.alloc(64 * 1048576, 1); process.stdout.write(String(b[7]))'];
		const r = exactPeakRss({python: 'python3', argv, size, runs: 2, env: process.env});
		expect(r.error).toBeUndefined();
		expect(r.kib).toHaveLength(2);
		for (const kib of r.kib ?? []) expect(kib).toBeGreaterThan(64 * 1024);
	});

	it('gives a one-line error for a command that fails', () => {
		const r = exactPeakRss({python: 'python3', argv: [process.execPath, '-e', 'process.exit(3)'], size, runs: 1, env: process.env});
		expect(r.kib).toBeUndefined();
		expect(r.error).toMatch(/ended with status/);
	});

	it('raises the sampled figure to the exact one, never lowers it', () => {
		const sampled = {runs: 5, rssMiB: 28};
		expect(withExactRss(sampled, [42_000, 42_496])).toMatchObject({rssMiB: 41.5, rssSampledMiB: 28});
		expect(withExactRss({runs: 1, rssMiB: 50}, [42_496]).rssMiB).toBe(50);
		expect(withExactRss(sampled, [])).toBe(sampled);
	});
});
