// The common case, `lectern [deck] [--slide N] [--no-notes] …`, read without loading yargs:
// yargs is the largest module the first frame would otherwise wait for. Anything this does
// not recognise goes to yargs, which also gives the errors and the help.
import type {PresentArgs} from './commands/present.js';
import {integerIn, maxSizeOption, slideOption} from './numbers.js';
import {itemAt} from '../deck/checked.js';

const commandNames = new Set(['present', 'study', 'print', 'search', 'outline', 'check', 'convert', 'speaker', 'follow', 'talks', 'relay']);
const switches: Readonly<Record<string, Partial<PresentArgs>>> = {
	'--notes': {notes: true},
	'--no-notes': {notes: false},
	'--watch': {watch: true},
	'--no-watch': {watch: false},
	'--ascii': {ascii: true},
};
const numbers = new Set(['--slide', '--max-size']);

/** What presenting does when an option is not given; main.ts gives yargs the same defaults. */
export const presentDefaults = {notes: true, watch: true, ascii: false, maxSize: 10} as const;

export function quickPresentArgs(argv: readonly string[]): PresentArgs | undefined {
	let args: PresentArgs = {...presentDefaults, view: 'present'};
	let deck: string | undefined;
	for (let i = 0; i < argv.length; i++) {
		const arg = itemAt(argv, i);
		const [flag, inline] =
			arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
		if (switches[flag] && inline === undefined) {
			args = {...args, ...switches[flag]};
		} else if (numbers.has(flag)) {
			// A value out of range goes to yargs, which says what is wrong with it.
			const value = integerIn(flag === '--slide' ? slideOption : maxSizeOption, inline ?? argv[++i]);
			if (value === undefined) {
				return undefined;
			}

			args = flag === '--slide' ? {...args, slide: value} : {...args, maxSize: value};
		} else if (!arg.startsWith('-') && deck === undefined && !(i === 0 && commandNames.has(arg))) {
			deck = arg;
		} else {
			return undefined;
		}
	}

	return {...args, deck};
}
