// `lectern search …` read without yargs: the common command lines, and everything else left to
// yargs (which gives the errors and the help).
import {describe, expect, test} from 'vitest';
import {quickSearchArgs} from '../../src/cli/quick-search.js';

describe('quickSearchArgs', () => {
	test('reads a query, paths and the options with the defaults yargs gives', () => {
		expect(quickSearchArgs(['search', 'topic42 memory', 'big.md'])).toEqual({
			query: 'topic42 memory',
			paths: ['big.md'],
			notes: true,
			json: false,
			l: false,
			maxSize: 10,
		});
		expect(quickSearchArgs(['search', 'paging'])).toEqual({
			query: 'paging',
			paths: undefined,
			notes: true,
			json: false,
			l: false,
			maxSize: 10,
		});
		expect(quickSearchArgs(['search', '--json', 'tlb', 'a.md', 'decks', '--no-notes', '-l', '--max-size', '20'])).toEqual({
			query: 'tlb',
			paths: ['a.md', 'decks'],
			notes: false,
			json: true,
			l: true,
			maxSize: 20,
		});
		expect(quickSearchArgs(['search', 'tlb', '--files-with-matches'])?.l).toBe(true);
	});

	test('leaves to yargs what it does not know: other commands, no query, unknown or bad options, help', () => {
		for (const argv of [
			['deck.md'],
			['print', 'deck.md'],
			['search'],
			['search', '--json'],
			['search', 'tlb', '--dialect', 'patat', 'a.md'],
			['search', 'tlb', '--max-size', '0'],
			['search', 'tlb', '--max-size'],
			['search', 'tlb', '--max-size=5'],
			['search', '--help'],
			['search', 'tlb', '--debug'],
			['search', '-x', 'a.md'],
			['search', 'tlb', '--', '-a.md'],
		]) {
			expect(quickSearchArgs(argv), argv.join(' ')).toBeUndefined();
		}
	});
});
