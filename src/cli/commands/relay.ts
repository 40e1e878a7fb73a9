// `lectern relay NAME`: copies a talk's messages to standard output, for a follower on another
// machine (`lectern follow --ssh HOST NAME` runs it through ssh). It passes the bytes on as
// they are: the follower checks every message, as it would from a socket.
import {createConnection} from 'node:net';
import {LecternError, exitCodes} from '../errors.js';
import {findTalk} from './talks.js';

export async function runRelay(args: Readonly<{talk: string}>): Promise<number> {
	if (process.stdout.isTTY) {
		throw new LecternError(
			"relay writes a talk's messages for lectern follow --ssh, not for a terminal; to watch the talk here, run: lectern follow " +
				args.talk,
			{code: exitCodes.usage},
		);
	}

	const place = await findTalk(args.talk);
	return new Promise(resolve => {
		const socket = createConnection(place.socket);
		socket.on('error', error => {
			process.stderr.write(`lectern: ${args.talk}: the talk went away (${(error as NodeJS.ErrnoException).code ?? error.message})\n`);
			resolve(exitCodes.problems);
		});
		socket.pipe(process.stdout);
		socket.on('end', () => {
			resolve(exitCodes.ok);
		});
		// The follower hung up (ssh closed our stdout): nothing left to do.
		process.stdout.on('error', () => {
			socket.destroy();
			resolve(exitCodes.ok);
		});
	});
}
