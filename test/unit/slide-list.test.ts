import {describe, expect, it} from 'vitest';
import {allSlides} from '../../src/nav/slide-list.js';

describe('allSlides: every slide as a list, without an array', () => {
	it('answers as the array 0..count-1 would', () => {
		const count = 7;
		const array = Array.from({length: count}, (_, i) => i);
		const list = allSlides(count);
		expect(list.length).toBe(count);
		for (const index of [-1, 0, 3, 6, 7, 2.5]) {
			expect(list.at(index), `at ${index}`).toBe(index < 0 ? undefined : array[index]);
			expect(list.indexOf(index), `indexOf ${index}`).toBe(array.indexOf(index));
		}

		for (const [start, end] of [
			[0, 3],
			[2, 100],
			[6, 7],
			[7, 9],
			[0, 0],
		] as const) {
			expect(list.slice(start, end), `slice ${start} ${end}`).toEqual(array.slice(start, end));
		}
	});

	it('costs nothing for millions of slides', () => {
		const list = allSlides(5_000_000);
		expect(list.at(4_999_999)).toBe(4_999_999);
		expect(list.slice(4_999_998, 5_000_010)).toEqual([4_999_998, 4_999_999]);
	});
});
