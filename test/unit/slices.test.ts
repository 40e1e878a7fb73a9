import {describe, expect, it, vi} from 'vitest';
import {runInSlices, runSlice, typingSliceMs} from '../../src/slices.js';

function* counting(to: number): Generator<number, string> {
	for (let i = 1; i <= to; i++) yield i;
	return 'done';
}

describe('work in slices', () => {
	it('runSlice takes at least one step, and stops at the end of the work', () => {
		const steps = counting(3);
		expect(runSlice(steps, 0)).toEqual({done: false, value: 1});
		expect(runSlice(steps, 1000)).toEqual({done: true, value: 'done'});
	});

	it('runInSlices finishes in the first slice when it can', () => {
		let result: string | undefined;
		runInSlices(counting(10), 1000, value => {
			result = value;
		});
		expect(result).toBe('done');
	});

	it('runInSlices goes on a turn of the event loop later, saying so after each slice, until done', async () => {
		let paused = 0;
		let turns = 0;
		const ticking = setInterval(() => turns++, 0);
		const result = await new Promise<string>(resolve => {
			// A slice of 0 ms is one step: 5 steps, 5 slices.
			runInSlices(counting(4), 0, resolve, () => paused++);
		});
		clearInterval(ticking);
		expect(result).toBe('done');
		expect(paused).toBe(4);
	});

	it('what runInSlices returns stops it', async () => {
		let result: string | undefined;
		let paused = 0;
		const stop = runInSlices(
			counting(100),
			0,
			value => {
				result = value;
			},
			() => paused++,
		);
		stop();
		await new Promise(resolve => setTimeout(resolve, 20));
		expect(result).toBeUndefined();
		expect(paused).toBe(1);
	});
});

describe('slices while someone types', () => {
	it('a slice of typingSliceMs leaves a key typed meanwhile most of the 10 ms aim', () => {
		// A fake clock on which every step of work costs 1 ms: the slice that a key arrives in
		// holds it for as many steps as the slice runs. With 8 ms slices, the bar's first letters
		// typed while the index was still being built answered in 10-31 ms.
		let clock = 0;
		const now = vi.spyOn(performance, 'now').mockImplementation(() => clock);
		let steps = 0;
		const work = (function* () {
			for (;;) {
				clock += 1;
				steps++;
				yield;
			}
		})();
		try {
			runSlice(work, typingSliceMs);
		} finally {
			now.mockRestore();
		}
		expect(steps).toBeLessThanOrEqual(3);
	});
});
