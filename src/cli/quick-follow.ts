// `lectern follow [NAME | SOCKET] [--clock] [--ascii] [--ssh HOST] [--max-size N]`, read without
// loading yargs: yargs is a follower's largest module after the layout (about 8 MiB of memory,
// in each of a hall's hundreds of followers). Anything this does not recognise goes to yargs,
// which also gives the errors and the help.
import type {FollowArgs} from './commands/follow.js';
import {integerIn, maxSizeOption} from './numbers.js';
import {presentDefaults} from './quick-present.js';
import {itemAt} from '../deck/checked.js';

export function quickFollowArgs(argv: readonly string[]): FollowArgs | undefined {
	if (argv[0] !== 'follow') {
		return undefined;
	}

	let args: FollowArgs = {clock: false, ascii: false, maxSize: presentDefaults.maxSize};
	for (let i = 1; i < argv.length; i++) {
		const arg = itemAt(argv, i);
		if (arg === '--clock' || arg === '--ascii') {
			args = {...args, [arg.slice(2)]: true};
		} else if (arg === '--max-size') {
			// A value out of range goes to yargs, which says what is wrong with it.
			const value = integerIn(maxSizeOption, argv[++i]);
			if (value === undefined) {
				return undefined;
			}

			args = {...args, maxSize: value};
		} else if (arg === '--ssh' && args.ssh === undefined && i + 1 < argv.length) {
			args = {...args, ssh: argv[++i]};
		} else if (!arg.startsWith('-') && args.talk === undefined) {
			args = {...args, talk: arg};
		} else {
			return undefined;
		}
	}

	return args;
}
