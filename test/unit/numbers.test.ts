import {describe, expect, it} from 'vitest';
import {LecternError} from '../../src/cli/errors.js';
import {integerIn, maxSizeOption, parseInteger, parseSlideList, slideOption, widthOption} from '../../src/cli/numbers.js';
import {quickPresentArgs} from '../../src/cli/quick-present.js';

function usageError(run: () => unknown): string {
	try {
		run();
	} catch (error) {
		expect(error).toBeInstanceOf(LecternError);
		expect((error as LecternError).code).toBe(2);
		return (error as LecternError).message;
	}

	throw new Error('expected a usage error');
}

describe('numeric options', () => {
	it.each(['abc', '1.5', '1e9', 'Infinity', '-5', '0', '100000', '', ' ', '0x10', 'NaN', '20abc'])(
		'--width %j is refused with the range',
		value => {
			expect(usageError(() => parseInteger(widthOption, value))).toBe(
				`--width ${value === '' ? '""' : value}: expected a width in columns, a whole number from 20 to 1000`,
			);
		},
	);

	it('takes whole numbers in range, as strings or numbers', () => {
		expect(parseInteger(widthOption, '20')).toBe(20);
		expect(parseInteger(widthOption, 1000)).toBe(1000);
		expect(parseInteger(slideOption, '007')).toBe(7);
		expect(parseInteger(maxSizeOption, '1')).toBe(1);
		expect(integerIn(maxSizeOption, 'abc')).toBeUndefined();
		expect(integerIn(maxSizeOption, '2048')).toBeUndefined();
		expect(integerIn(slideOption, undefined)).toBeUndefined();
	});

	it('the quick path takes only valid numbers and leaves the rest to yargs (which reports them)', () => {
		expect(quickPresentArgs(['deck.md', '--slide', '3'])?.slide).toBe(3);
		expect(quickPresentArgs(['deck.md', '--max-size=20'])?.maxSize).toBe(20);
		for (const bad of ['abc', '1.5', '0', '1e3']) expect(quickPresentArgs(['deck.md', '--slide', bad])).toBeUndefined();
		expect(quickPresentArgs(['deck.md', '--max-size', 'abc'])).toBeUndefined();
	});
});

describe('--slides', () => {
	it.each([
		['3', [2]],
		['3-7', [2, 3, 4, 5, 6]],
		['8-', [7, 8, 9]],
		['-2', [0, 1]],
		['1,4-6', [0, 3, 4, 5]],
		['5,1,5,2-3', [0, 1, 2, 4]],
		[' 2 - 3 ', [1, 2]],
	])('%s', (list, indexes) => {
		expect(parseSlideList(list, 10)).toEqual(indexes);
	});

	it.each([
		['x', 'expected slide numbers and ranges such as 3, 3-7, 3- or 1,4-6'],
		['', 'expected slide numbers and ranges such as 3, 3-7, 3- or 1,4-6'],
		['-', 'expected slide numbers and ranges such as 3, 3-7, 3- or 1,4-6'],
		['1,,2', 'expected slide numbers and ranges such as 3, 3-7, 3- or 1,4-6'],
		['7-3', '7-3 is not a range from a slide to a later one (slides count from 1)'],
		['0', '0 is not a range from a slide to a later one (slides count from 1)'],
		['11', 'the deck has 10 slides'],
		['3-99', 'the deck has 10 slides'],
	])('%j is refused', (list, message) => {
		expect(usageError(() => parseSlideList(list, 10))).toBe(`--slides ${list === '' ? '""' : list}: ${message}`);
	});
});
