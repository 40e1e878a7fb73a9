// `lectern search QUERY [PATH…] [--json] [-l] [--no-notes] [--max-size N]`, read without loading
// yargs: a cold search is mostly start-up, and yargs was the largest part of it that search does
// not need (issue 18: a search within 1.5x of `lectern --version`). Anything this does not
// recognise goes to yargs, which also gives the errors and the help.
import type {SearchArgs} from './commands/search.js';
import {integerIn, maxSizeOption} from './numbers.js';
import {presentDefaults} from './quick-present.js';
import {itemAt} from '../deck/checked.js';

const switches: Readonly<Record<string, Partial<SearchArgs>>> = {
	'--notes': {notes: true},
	'--no-notes': {notes: false},
	'--json': {json: true},
	'-l': {l: true},
	'--files-with-matches': {l: true},
};

/** What searching does when an option is not given; main.ts gives yargs the same defaults. */
export const searchDefaults = {notes: true, json: false, l: false} as const;

export function quickSearchArgs(argv: readonly string[]): SearchArgs | undefined {
	if (argv[0] !== 'search') {
		return undefined;
	}

	let args: Omit<SearchArgs, 'query'> = {...searchDefaults, maxSize: presentDefaults.maxSize};
	const positionals: string[] = [];
	for (let i = 1; i < argv.length; i++) {
		const arg = itemAt(argv, i);
		if (switches[arg]) {
			args = {...args, ...switches[arg]};
		} else if (arg === '--max-size') {
			// A value out of range goes to yargs, which says what is wrong with it.
			const value = integerIn(maxSizeOption, argv[++i]);
			if (value === undefined) {
				return undefined;
			}

			args = {...args, maxSize: value};
		} else if (!arg.startsWith('-')) {
			positionals.push(arg);
		} else {
			return undefined;
		}
	}

	const [query, ...paths] = positionals;
	return query === undefined ? undefined : {...args, query, paths: paths.length > 0 ? paths : undefined};
}
