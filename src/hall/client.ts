// A follower's connection to a talk: a Unix socket, or the output of `ssh HOST lectern relay
// NAME`. Lines are split with a size cap, each is checked by the protocol module, and the
// first problem ends the connection with its one-line reason.
import {spawn} from 'node:child_process';
import {createConnection} from 'node:net';
import type {Readable} from 'node:stream';
import type {Deck} from '../deck/types.js';
import {deckFromShared} from './shared-deck.js';
import {FloodGuard, LineSplitter, parseMessage, type Limits, type TalkInfo, type TalkPosition} from './protocol.js';

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

/** Read a talk's messages from `stream`; `name` names the rebuilt deck. */
export function readTalk(stream: Readable, name: string, limits: Limits, events: TalkEvents, stop: () => void): Connection {
	const splitter = new LineSplitter(limits.maxLineChars);
	const guard = new FloodGuard();
	let done = false;
	let haveDeck = false;
	const finish = (report: () => void) => {
		if (!done) {
			done = true;
			stop();
			report();
		}
	};

	stream.setEncoding('utf8');
	stream.on('data', (chunk: string) => {
		if (done) {
			return;
		}

		const {lines, error} = splitter.push(chunk);
		for (const line of lines) {
			if (done) {
				return;
			}

			if (line === '') {
				continue;
			}

			const parsed = parseMessage(line, limits);
			if ('error' in parsed) {
				finish(() => {
					events.problem(parsed.error);
				});
				return;
			}

			const {message} = parsed;
			const flood = guard.note(message.type, performance.now());
			if (flood) {
				finish(() => {
					events.problem(flood);
				});
				return;
			}

			switch (message.type) {
				case 'hello': {
					events.hello?.(message);
					break;
				}

				case 'deck': {
					haveDeck = true;
					events.deck(deckFromShared(message.deck, name));
					break;
				}

				case 'position': {
					if (!haveDeck) {
						finish(() => {
							events.problem('the talk sent a position before its deck');
						});
						return;
					}

					events.position(message);
					break;
				}

				case 'end': {
					finish(events.ended);
					return;
				}
			}
		}

		if (error) {
			finish(() => {
				events.problem(error);
			});
		}
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
