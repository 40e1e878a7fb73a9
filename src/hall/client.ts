// A follower's connection to a talk: a Unix socket, or the output of `ssh HOST lectern relay
// NAME`. Lines are split with a size cap, each is checked by the protocol module, and the
// first problem ends the connection with its one-line reason.
import {spawn} from 'node:child_process';
import {createConnection} from 'node:net';
import type {Readable} from 'node:stream';
import type {Deck} from '../deck/types.js';
import {deckFromSharedSteps} from './shared-deck.js';
import {runInSlices} from '../slices.js';
import {DeckAssembler, FloodGuard, LineSplitter, parseMessage, type Limits, type TalkInfo, type TalkPosition} from './protocol.js';

export type TalkEvents = Readonly<{
	hello?: (info: TalkInfo) => void;
	deck: (deck: Deck) => void;
	position: (position: TalkPosition) => void;
	/** The leader said the talk is over. */
	ended: () => void;
	/** The talk sent something it must not: the connection is closed. */
	problem: (message: string) => void;
	/** The connection went away without an end (the leader crashed, or dropped this follower). */
	lost: (reason: string) => void;
}>;

export type Connection = Readonly<{close: () => void}>;

/** Where a follower's talk comes from: a socket on this machine, or a relay over ssh. */
export type TalkSource = Readonly<{kind: 'socket'; path: string; name: string}> | Readonly<{kind: 'ssh'; host: string; name: string}>;

/** How long one slice of taking a deck may hold a follower's event loop. */
const deckSliceMs = 8;

/**
 * Read a talk's messages from `stream`; `name` names the rebuilt deck. A large deck comes in
 * parts (each a bounded parse) and is rebuilt in slices: meanwhile the stream is paused and the
 * lines after it wait, so a position is never taken before its deck and keys are answered.
 */
export function readTalk(stream: Readable, name: string, limits: Limits, events: TalkEvents, stop: () => void): Connection {
	const splitter = new LineSplitter(limits.maxLineChars);
	const guard = new FloodGuard();
	const assembler = new DeckAssembler(limits.maxDeckChars);
	const queue: string[] = [];
	let building: (() => void) | undefined;
	let done = false;
	let haveDeck = false;
	const finish = (report: () => void) => {
		if (!done) {
			done = true;
			building?.();
			stop();
			report();
		}
	};

	const problem = (message: string) => {
		finish(() => {
			events.problem(message);
		});
	};

	/** One line; false when the lines after it must wait (a deck is being rebuilt, or the end). */
	const take = (line: string): boolean => {
		const parsed = parseMessage(line, limits);
		if ('error' in parsed) {
			problem(parsed.error);
			return false;
		}

		const {message} = parsed;
		const flood = guard.note(message.type, performance.now());
		if (flood) {
			problem(flood);
			return false;
		}

		switch (message.type) {
			case 'hello': {
				events.hello?.(message);
				return true;
			}

			case 'deck':
			case 'slides': {
				const taken = assembler.take(message);
				if ('error' in taken) {
					problem(taken.error);
					return false;
				}

				const {deck} = taken;
				if (!deck) {
					return true;
				}

				let now = true;
				let rebuilt: Deck | undefined;
				const stopBuilding = runInSlices(deckFromSharedSteps(deck, name), deckSliceMs, result => {
					building = undefined;
					haveDeck = true;
					if (now) {
						rebuilt = result;
						return;
					}

					events.deck(result);
					drain();
				});
				now = false;
				if (rebuilt) {
					events.deck(rebuilt);
					return true;
				}

				building = stopBuilding;
				return false;
			}

			case 'position': {
				if (!haveDeck || assembler.waiting) {
					problem('the talk sent a position before its deck');
					return false;
				}

				events.position(message);
				return true;
			}

			case 'end': {
				finish(events.ended);
				return false;
			}
		}
	};

	const drain = () => {
		while (!done && !building && queue.length > 0) {
			const line = queue.shift() as string;
			if (line !== '') take(line);
		}

		if (!done && !building && stream.isPaused()) stream.resume();
	};

	stream.setEncoding('utf8');
	stream.on('data', (chunk: string) => {
		if (done) {
			return;
		}

		const {lines, error} = splitter.push(chunk);
		for (const line of lines) queue.push(line);
		if (error) {
			// What came before the over-long line is still read; then the connection ends.
			drain();
			problem(error);
			return;
		}

		drain();
		if (building) stream.pause();
	});
	stream.on('error', (error: NodeJS.ErrnoException) => {
		finish(() => {
			events.lost(error.code ?? error.message);
		});
	});
	stream.on('end', () => {
		finish(() => {
			events.lost('the connection closed');
		});
	});
	stream.on('close', () => {
		finish(() => {
			events.lost('the connection closed');
		});
	});
	return {
		close() {
			done = true;
			building?.();
			stop();
		},
	};
}

/** The ssh command (LECTERN_SSH may name another, e.g. a test's stand-in), split on spaces. */
export function sshCommand(env: NodeJS.ProcessEnv = process.env): string[] {
	const words = (env['LECTERN_SSH'] ?? 'ssh').trim().split(/\s+/).filter(Boolean);
	return words.length > 0 ? words : ['ssh'];
}

/** Connect to a talk's source; `stderr` collects what a relay says (its one-line error). */
export function openTalk(source: TalkSource, limits: Limits, events: TalkEvents, stderr?: (text: string) => void): Connection {
	if (source.kind === 'socket') {
		const socket = createConnection(source.path);
		return readTalk(socket, source.name, limits, events, () => {
			socket.destroy();
		});
	}

	const [command = 'ssh', ...prefix] = sshCommand();
	// No stdin for ssh: the keyboard is the follower's. -T: no terminal on the server. The
	// name was checked (letters, digits, . _ -), so the remote shell reads it as one word.
	const child = spawn(command, [...prefix, '-T', source.host, 'lectern', 'relay', source.name], {
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	child.stderr.setEncoding('utf8');
	child.stderr.on('data', (text: string) => {
		stderr?.(text);
	});
	child.on('error', error => {
		child.stdout.destroy(error);
	});
	return readTalk(child.stdout, source.name, limits, events, () => {
		child.kill();
	});
}
