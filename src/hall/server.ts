// The leader's side of a talk: a Unix socket server that sends each follower the talk's
// hello, the deck once, then positions. A follower never slows the leader: writes never
// block, a position waits while a follower's socket is not drained (only the latest is kept),
// and a follower stuck that way for too long is dropped (it may reconnect). The positions go
// out after the leader's own frame, once per turn of the event loop however many changes
// it held, as one encoded buffer handed to every socket.
import {chmodSync, chownSync, lstatSync, unlinkSync} from 'node:fs';
import {createConnection, createServer, type Server, type Socket} from 'node:net';
import {join} from 'node:path';
import type {Deck} from '../deck/types.js';
import {LecternError, exitCodes} from '../cli/errors.js';
import {ensureTalkDir, groupId, groupTalkDir, privateTalkDir} from './places.js';
import {encodeDeck, encodeMessage, type TalkPosition} from './protocol.js';
import {shareDeckSteps} from './shared-deck.js';
import {runInSlices} from '../slices.js';
import {lastOf} from '../deck/checked.js';
import {hallTrace} from './trace.js';

export type TalkOptions = Readonly<{
	name: string;
	/** Open the talk to this Unix group (socket 0660); otherwise only this user (0600). */
	group?: string;
	shareNotes: boolean;
	/** How long a follower may leave its socket undrained before it is dropped. */
	stallMs?: number;
	/** The talk's clock now: a follower joining long after the last key gets it fresh. */
	clock?: () => TalkPosition['clock'];
}>;

export type Talk = Readonly<{
	socket: string;
	followers: () => number;
	/** Called whenever the number of followers changes. */
	onFollowers: (listener: (count: number) => void) => void;
	/** The talk moved (or its deck changed): followers hear it, coalesced per follower. */
	update: (deck: Deck, position: TalkPosition) => void;
	/** Tell followers the talk has ended, and close. */
	close: () => void;
}>;

/** How long one slice of making the deck to send may hold the leader's event loop. */
const shareSliceMs = 8;

/** Bytes a follower may send (it has nothing to say) before it is dropped. */
const maxInboundBytes = 64 * 1024;

type Follower = {
	socket: Socket;
	/** The deck this follower has (or has queued), and whether a newer position waits for a drain. */
	deck: Deck | undefined;
	positionWaiting: boolean;
	stallTimer: NodeJS.Timeout | undefined;
	inbound: number;
};

export async function startTalk(options: TalkOptions, initial: {deck: Deck; position: TalkPosition}): Promise<Talk> {
	const gid = options.group === undefined ? undefined : groupId(options.group);
	const dir = options.group === undefined ? privateTalkDir() : groupTalkDir(options.group);
	ensureTalkDir(dir, gid === undefined ? 0o700 : 0o750, gid);
	const socketPath = join(dir, `${options.name}.sock`);
	await replaceStaleSocket(socketPath, options.name);

	let deck = initial.deck;
	let position = initial.position;
	const encode = (message: Parameters<typeof encodeMessage>[0]) => Buffer.from(encodeMessage(message));
	let positionLine = encode({type: 'position', ...position});
	let closed = false;
	// The current deck as sent, once made: it is made in slices (the leader is a presenter that
	// must answer `q`), when the first follower needs it; followers waiting for it get it, and
	// then the position, when it is ready.
	let deckLine: Buffer | undefined;
	let making: {deck: Deck; stop: () => void} | undefined;
	const deckLineOf = (current: Deck): Buffer | undefined => {
		if (deckLine || making?.deck === current) {
			return deckLine;
		}

		making?.stop();
		let now = true;
		const job = {deck: current, stop: () => {}};
		making = job;
		job.stop = runInSlices(shareDeckSteps(current, options.shareNotes), shareSliceMs, shared => {
			making = undefined;
			if (current !== deck || closed) {
				return;
			}

			deckLine = Buffer.from(encodeDeck(shared).join(''));
			if (!now) {
				for (const follower of followers) {
					if (follower.deck !== deck) flush(follower);
				}
			}
		});
		now = false;
		return deckLine;
	};

	const followers = new Set<Follower>();
	const listeners: Array<(count: number) => void> = [];
	const stallMs = options.stallMs ?? 10_000;
	const announce = () => {
		for (const listener of listeners) {
			listener(followers.size);
		}
	};

	const drop = (follower: Follower) => {
		clearTimeout(follower.stallTimer);
		follower.socket.destroy();
		if (followers.delete(follower)) {
			announce();
		}
	};

	/** Send what this follower lacks: the current deck, then the latest position. */
	const flush = (follower: Follower) => {
		if (follower.socket.writableNeedDrain) {
			follower.positionWaiting = true;
			follower.stallTimer ??= setTimeout(() => {
				drop(follower);
			}, stallMs);
			return;
		}

		clearTimeout(follower.stallTimer);
		follower.stallTimer = undefined;
		follower.positionWaiting = false;
		if (follower.deck !== deck) {
			const line = deckLineOf(deck);
			if (!line) {
				// Sent with the position once the deck is made (a position must not come before its deck).
				return;
			}

			follower.deck = deck;
			follower.socket.write(line);
		}

		follower.socket.write(positionLine);
	};

	const server: Server = createServer(socket => {
		const follower: Follower = {socket, deck: undefined, positionWaiting: false, stallTimer: undefined, inbound: 0};
		followers.add(follower);
		socket.on('error', () => {
			drop(follower);
		});
		socket.on('close', () => {
			drop(follower);
		});
		// Nothing a follower sends means anything; a follower that talks a lot is dropped.
		socket.on('data', chunk => {
			follower.inbound += chunk.length;
			if (follower.inbound > maxInboundBytes) {
				drop(follower);
			}
		});
		socket.on('drain', () => {
			if (follower.positionWaiting) {
				flush(follower);
			}
		});
		// The talk as it is now (a position may be waiting for the end of this turn).
		position = options.clock ? {...position, clock: options.clock()} : position;
		positionLine = encode({type: 'position', ...position});

		socket.write(
			encodeMessage({
				type: 'hello',
				talk: options.name,
				title: deck.meta.title ?? '',
				slide: position.slide,
				count: deck.count,
				followers: followers.size,
			}),
		);
		flush(follower);
		announce();
	});

	await listen(server, socketPath, gid);
	// However the leader ends (an uncaught error exits at once), its socket goes with it.
	const removeSocket = () => {
		try {
			unlinkSync(socketPath);
		} catch {}
	};

	process.once('exit', removeSocket);
	// The fan-out waits for the end of this turn: the leader's frame is on its terminal first,
	// and a burst of changes in one turn sends only the last.
	let fanOut: NodeJS.Immediate | undefined;
	let framed: number | undefined;
	const sendPositions = () => {
		fanOut = undefined;
		const painted = framed;
		framed = undefined;
		if (closed) {
			return;
		}

		const started = hallTrace && {at: hallTrace.now(), cpu: process.cpuUsage()};
		positionLine = encode({type: 'position', ...position});
		for (const follower of followers) {
			flush(follower);
		}

		if (hallTrace && started) {
			const cpu = process.cpuUsage(started.cpu);
			hallTrace.log({
				event: 'fan-out',
				slide: position.slide,
				step: position.step,
				followers: followers.size,
				painted,
				start: started.at,
				cpuMs: (cpu.user + cpu.system) / 1000,
			});
		}
	};

	return {
		socket: socketPath,
		followers: () => followers.size,
		onFollowers(listener) {
			listeners.push(listener);
		},
		update(nextDeck, nextPosition) {
			if (closed) {
				return;
			}

			if (nextDeck !== deck) {
				deck = nextDeck;
				deckLine = undefined;
				making?.stop();
				making = undefined;
			}

			position = nextPosition;
			// Called in the commit that painted the leader's frame: its bytes are with the kernel.
			framed ??= hallTrace?.now();
			fanOut ??= setImmediate(sendPositions);
		},
		close() {
			if (closed) {
				return;
			}

			closed = true;
			clearImmediate(fanOut);
			making?.stop();
			const end = encode({type: 'end'});
			for (const follower of followers) {
				clearTimeout(follower.stallTimer);
				follower.socket.end(end);
				// A follower that does not read cannot keep the leader from leaving.
				follower.socket.unref();
			}

			server.close();
			server.unref();
			process.off('exit', removeSocket);
			removeSocket();
		},
	};
}

async function listen(server: Server, socketPath: string, gid: number | undefined): Promise<void> {
	// The socket is created with the process's umask: make it private from the start.
	const previous = process.umask(0o177);
	try {
		await new Promise<void>((resolve, reject) => {
			server.once('error', reject);
			server.listen(socketPath, () => {
				server.off('error', reject);
				resolve();
			});
		});
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		throw code === 'EADDRINUSE'
			? alreadyRunning(socketPath)
			: new LecternError(`cannot open the talk's socket (${code ?? 'error'})`, {file: socketPath});
	} finally {
		process.umask(previous);
	}

	if (gid !== undefined) {
		chownSync(socketPath, -1, gid);
		chmodSync(socketPath, 0o660);
	}
}

function alreadyRunning(socketPath: string): LecternError {
	const name = lastOf(socketPath.split('/')).replace(/\.sock$/, '');
	return new LecternError(`a talk named "${name}" is already running; name this one with --share NAME`, {code: exitCodes.usage});
}

/** A socket file nobody answers on is left by a leader that crashed: remove it. A live one is an error. */
async function replaceStaleSocket(socketPath: string, name: string): Promise<void> {
	let isSocket = false;
	try {
		isSocket = lstatSync(socketPath).isSocket();
	} catch {
		return;
	}

	if (!isSocket) {
		throw new LecternError(`a file that is not a talk's socket is in the way of the talk "${name}"`, {
			file: socketPath,
			code: exitCodes.usage,
		});
	}

	const alive = await new Promise<boolean>(resolve => {
		const probe = createConnection(socketPath);
		probe.once('connect', () => {
			probe.destroy();
			resolve(true);
		});
		probe.once('error', () => {
			resolve(false);
		});
	});
	if (alive) {
		throw alreadyRunning(socketPath);
	}

	try {
		unlinkSync(socketPath);
	} catch {}
}
