// Runs a real program in a pseudo-terminal and reads the screen through a terminal emulator,
// so end-to-end tests see what a person would: the parsed screen, not the byte stream.
// Synchronisation is always on the screen or the exit, never on sleeps.
import {execFile} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import type {IPty} from '@lydell/node-pty';
import xterm from '@xterm/headless';

// CommonJS package: its named export is invisible to ESM.
const {Terminal} = xterm;
type XTerm = InstanceType<typeof Terminal>;

/** The bytes a real xterm sends for each key (normal cursor-key mode; `press` adapts to application mode). */
export const keys = {
	up: '\u001B[A',
	down: '\u001B[B',
	right: '\u001B[C',
	left: '\u001B[D',
	home: '\u001B[H',
	end: '\u001B[F',
	pageUp: '\u001B[5~',
	pageDown: '\u001B[6~',
	insert: '\u001B[2~',
	delete: '\u001B[3~',
	shiftTab: '\u001B[Z',
	enter: '\r',
	escape: '\u001B',
	backspace: '\u007F',
	tab: '\t',
	space: ' ',
	ctrlC: '\u0003',
	ctrlD: '\u0004',
	ctrlL: '\u000C',
	ctrlZ: '\u001A',
} as const;

export type PtyOptions = {
	command: string;
	args?: readonly string[];
	cols?: number;
	rows?: number;
	cwd?: string;
	/** Merged over the defaults; `undefined` removes a variable. */
	env?: Readonly<Record<string, string | undefined>>;
	/** HOME and XDG base directories; a fresh temporary directory (removed by closeAll) when omitted. */
	home?: string;
	/** Default for waitFor and exited, in milliseconds. */
	timeout?: number;
};

/** The keys xterm sends as SS3 (ESC O x) rather than CSI once a program sets DECCKM. */
const cursorKeys = new Set<string>([keys.up, keys.down, keys.right, keys.left, keys.home, keys.end]);

export type ScreenPredicate = string | RegExp | ((screen: string, session: PtySession) => boolean);
export type WaitOptions = {timeout?: number; description?: string};
export type ExitStatus = {exitCode: number; signal: NodeJS.Signals | undefined};
export type TtyModes = {icanon: boolean; echo: boolean; isig: boolean; iexten: boolean; ixon: boolean; opost: boolean};

export type PtySession = {
	readonly pid: number;
	/** The directory HOME and XDG_{STATE,CONFIG,CACHE,DATA}_HOME point into (unless the test set them). */
	readonly home: string;
	/** Resolves with the screen once the predicate holds; rejects on timeout or exit, with the screen in the message. */
	waitFor(predicate: ScreenPredicate, options?: WaitOptions): Promise<string>;
	/** Sends keys as a terminal would; cursor keys follow the application cursor-key mode the program set. */
	press(...keys: string[]): void;
	/** Sends bytes as they are. */
	write(data: string): void;
	resize(cols: number, rows: number): void;
	/** Resolves once everything the program wrote so far is on the screen. */
	settled(): Promise<void>;
	/** The visible rows, right-trimmed, joined by `\n`. */
	screen(): string;
	/** One visible row; negative counts from the bottom. */
	row(index: number): string;
	/** Everything the program wrote (from `from`, an earlier `raw().length`); may be ahead of the screen. */
	raw(from?: number): string;
	cursor(): {x: number; y: number};
	cursorHidden(): boolean;
	altScreen(): boolean;
	/** The terminal modes the program set (cursor keys, bracketed paste, mouse, synchronized output...). */
	modes(): XTerm['modes'];
	/** The pty's termios flags while the program runs (undefined when stty can't read them). */
	ttyModes(): Promise<TtyModes | undefined>;
	kill(signal?: NodeJS.Signals): void;
	exited(timeout?: number): Promise<ExitStatus>;
	readonly exitStatus: ExitStatus | undefined;
};

type Waiter = {test: () => boolean; done: (error?: Error) => void};

const live = new Set<Session>();
let spawnPty: typeof import('@lydell/node-pty').spawn | undefined;

/** Variables from the test runner's environment that would change what the program draws. */
const dropped = [
	'COLUMNS',
	'LINES',
	'NO_COLOR',
	'FORCE_COLOR',
	'COLORTERM',
	'LC_ALL',
	'LC_CTYPE',
	'NODE_ENV',
	'CI',
	'CONTINUOUS_INTEGRATION',
	'LECTERN_TIMING',
	'LECTERN_TRACE',
	'NODE_OPTIONS',
];

export async function startPty(options: PtyOptions): Promise<PtySession> {
	const spawn = await loadPty();
	const cols = options.cols ?? 80;
	const rows = options.rows ?? 24;
	const ownsHome = options.home === undefined;
	const home = options.home ?? fs.mkdtempSync(path.join(os.tmpdir(), 'lectern-e2e-'));
	const env = buildEnv(home, options.env ?? {});
	const pty = spawn(options.command, [...(options.args ?? [])], {
		name: env['TERM'] ?? 'xterm-256color',
		cols,
		rows,
		cwd: options.cwd ?? process.cwd(),
		env,
	});
	const session = new Session(
		pty,
		new Terminal({cols, rows, allowProposedApi: true, scrollback: 1000}),
		home,
		ownsHome,
		options.timeout ?? 10_000,
	);
	live.add(session);
	return session;
}

/** Kills every program still running and frees its terminal; call it from `afterEach`. */
export async function closeAll(): Promise<void> {
	const sessions = [...live];
	live.clear();
	await Promise.all(sessions.map(async session => session.close()));
}

// A last resort when a test file ends without closeAll: leave no orphans behind.
process.once('exit', () => {
	for (const session of live) killGroup(session.pid, 'SIGKILL');
});

async function loadPty() {
	if (spawnPty) return spawnPty;
	try {
		({spawn: spawnPty} = await import('@lydell/node-pty'));
		return spawnPty;
	} catch (error) {
		const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
		throw new Error(
			`End-to-end tests need @lydell/node-pty (a prebuilt pseudo-terminal addon), which failed to load: ${reason}. Run \`npm install\` without --omit=optional, on the platform the tests run on.`,
			{cause: error},
		);
	}
}

/** The environment a test's program runs in: ours, fixed terminal and locale, XDG dirs under `home`. */
export function buildEnv(home: string, overrides: Readonly<Record<string, string | undefined>>): Record<string, string> {
	const env: Record<string, string | undefined> = {...process.env};
	for (const name of dropped) delete env[name];
	Object.assign(
		env,
		{
			TERM: 'xterm-256color',
			LANG: 'C.UTF-8',
			HOME: home,
			XDG_STATE_HOME: path.join(home, 'state'),
			XDG_CONFIG_HOME: path.join(home, 'config'),
			XDG_CACHE_HOME: path.join(home, 'cache'),
			XDG_DATA_HOME: path.join(home, 'data'),
		},
		overrides,
	);
	const result: Record<string, string> = {};
	for (const [name, value] of Object.entries(env)) {
		if (value !== undefined) result[name] = value;
	}
	return result;
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
	// The program leads its own session (node-pty calls setsid), so its group is ours to end.
	try {
		process.kill(-pid, signal);
	} catch {
		try {
			process.kill(pid, signal);
		} catch {
			// Already gone.
		}
	}
}

class Session implements PtySession {
	readonly pid: number;
	exitStatus: ExitStatus | undefined;
	// Set at once on exit, while exitStatus waits for the parser: no writes to a closed pty.
	private ended = false;
	private output = '';
	private readonly waiters = new Set<Waiter>();
	private readonly exit: Promise<ExitStatus>;
	private readonly pty: IPty;
	private readonly term: XTerm;
	readonly home: string;
	private readonly ownsHome: boolean;
	private readonly timeout: number;

	constructor(pty: IPty, term: XTerm, home: string, ownsHome: boolean, timeout: number) {
		this.pty = pty;
		this.term = term;
		this.home = home;
		this.ownsHome = ownsHome;
		this.timeout = timeout;
		this.pid = pty.pid;
		pty.onData(data => {
			this.output += data;
			term.write(data, () => this.poll());
		});
		// The emulator answers queries (cursor position, device attributes) as a real terminal would.
		term.onData(reply => {
			if (!this.ended) pty.write(reply);
		});
		this.exit = new Promise(resolve => {
			pty.onExit(({exitCode, signal}) => {
				this.ended = true;
				const status = {exitCode, signal: signalName(signal)};
				// Output can still be in the parser; the final screen is what tests assert on.
				term.write('', () => {
					this.exitStatus = status;
					this.poll();
					const message = `the program exited (${describeExit(status)}) before the screen matched`;
					for (const waiter of this.waiters) waiter.done(new Error(message));
					resolve(status);
				});
			});
		});
	}

	async waitFor(predicate: ScreenPredicate, options: WaitOptions = {}): Promise<string> {
		const test = toTest(predicate, this);
		const description = options.description ?? describePredicate(predicate);
		const timeout = options.timeout ?? this.timeout;
		// Created now so the stack points at the test line, not at a timer.
		const trace = new Error('waitFor');
		return new Promise((resolve, reject) => {
			const waiter: Waiter = {
				test,
				done: error => {
					clearTimeout(timer);
					this.waiters.delete(waiter);
					if (error) reject(withTrace(`${error.message}: ${description}\n${this.dump()}`, trace));
					else resolve(this.screen());
				},
			};
			const timer = setTimeout(() => waiter.done(new Error(`timed out after ${timeout} ms waiting for the screen`)), timeout);
			this.waiters.add(waiter);
			this.poll();
			if (this.exitStatus && this.waiters.has(waiter)) waiter.done(new Error(`the program had exited (${describeExit(this.exitStatus)})`));
		});
	}

	press(...sequence: string[]): void {
		const application = this.term.modes.applicationCursorKeysMode;
		for (const key of sequence) {
			// xterm sends SS3 instead of CSI for cursor keys once a program sets DECCKM.
			this.write(application && cursorKeys.has(key) ? `\u001BO${key.slice(2)}` : key);
		}
	}

	write(data: string): void {
		if (!this.ended) this.pty.write(data);
	}

	resize(cols: number, rows: number): void {
		this.term.resize(cols, rows);
		if (!this.ended) this.pty.resize(cols, rows);
		this.poll();
	}

	async settled(): Promise<void> {
		return new Promise(resolve => {
			this.term.write('', resolve);
		});
	}

	screen(): string {
		return Array.from({length: this.term.rows}, (_, index) => this.row(index)).join('\n');
	}

	row(index: number): string {
		const buffer = this.term.buffer.active;
		const y = index < 0 ? this.term.rows + index : index;
		return buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '';
	}

	raw(from = 0): string {
		return this.output.slice(from);
	}

	cursor(): {x: number; y: number} {
		const buffer = this.term.buffer.active;
		return {x: buffer.cursorX, y: buffer.cursorY};
	}

	cursorHidden(): boolean {
		// Not in xterm's public API; the core keeps it. Fall back to the last DECTCEM the program sent.
		const core = (this.term as unknown as {_core?: {coreService?: {isCursorHidden?: unknown}}})._core;
		const hidden = core?.coreService?.isCursorHidden;
		if (typeof hidden === 'boolean') return hidden;
		return this.output.lastIndexOf('\u001B[?25l') > this.output.lastIndexOf('\u001B[?25h');
	}

	altScreen(): boolean {
		return this.term.buffer.active.type === 'alternate';
	}

	modes(): XTerm['modes'] {
		return this.term.modes;
	}

	async ttyModes(): Promise<TtyModes | undefined> {
		const device = (this.pty as unknown as {_pty?: unknown})._pty;
		if (typeof device !== 'string' || this.ended) return undefined;
		return new Promise(resolve => {
			execFile('stty', ['-a', '-F', device], {timeout: 5000}, (error, stdout) => {
				if (error) return resolve(undefined);
				const flags = new Set(stdout.split(/[\s;]+/));
				const on = (flag: string) => flags.has(flag) && !flags.has(`-${flag}`);
				resolve({icanon: on('icanon'), echo: on('echo'), isig: on('isig'), iexten: on('iexten'), ixon: on('ixon'), opost: on('opost')});
			});
		});
	}

	kill(signal: NodeJS.Signals = 'SIGTERM'): void {
		if (!this.ended) this.pty.kill(signal);
	}

	async exited(timeout = this.timeout): Promise<ExitStatus> {
		const trace = new Error('exited');
		let timer: NodeJS.Timeout | undefined;
		const expired = new Promise<never>((_, reject) => {
			timer = setTimeout(
				() => reject(withTrace(`timed out after ${timeout} ms waiting for the program to exit\n${this.dump()}`, trace)),
				timeout,
			);
		});
		try {
			return await Promise.race([this.exit, expired]);
		} finally {
			clearTimeout(timer);
		}
	}

	async close(): Promise<void> {
		if (!this.ended) killGroup(this.pid, 'SIGKILL');
		await Promise.race([this.exit, new Promise(resolve => setTimeout(resolve, 5000).unref())]);
		for (const waiter of this.waiters) waiter.done(new Error('the session was closed'));
		this.term.dispose();
		if (this.ownsHome) fs.rmSync(this.home, {recursive: true, force: true});
	}

	private poll(): void {
		for (const waiter of this.waiters) {
			let matched: boolean;
			try {
				matched = waiter.test();
			} catch (error) {
				waiter.done(error instanceof Error ? error : new Error(String(error)));
				continue;
			}
			if (matched) waiter.done();
		}
	}

	private dump(): string {
		const buffer = this.term.buffer.active;
		const state = [`${this.term.cols}x${this.term.rows}`, `${buffer.type} buffer`, this.cursorHidden() ? 'cursor hidden' : 'cursor shown'];
		if (this.exitStatus) state.push(`exited: ${describeExit(this.exitStatus)}`);
		const rows = Array.from({length: this.term.rows}, (_, index) => `${String(index).padStart(3)}|${this.row(index)}`);
		const tail = JSON.stringify(this.output.slice(-600));
		return `--- screen (${state.join(', ')}) ---\n${rows.join('\n')}\n--- last output bytes ---\n${tail}`;
	}
}

function toTest(predicate: ScreenPredicate, session: PtySession): () => boolean {
	if (typeof predicate === 'string') return () => session.screen().includes(predicate);
	if (predicate instanceof RegExp) return () => predicate.test(session.screen());
	return () => predicate(session.screen(), session);
}

function describePredicate(predicate: ScreenPredicate): string {
	if (typeof predicate === 'string') return `screen to include ${JSON.stringify(predicate)}`;
	if (predicate instanceof RegExp) return `screen to match ${String(predicate)}`;
	const source = predicate.toString().replaceAll(/\s+/g, ' ');
	return source.length > 160 ? `${source.slice(0, 160)}…` : source;
}

function describeExit(status: ExitStatus): string {
	return status.signal ? `signal ${status.signal}` : `code ${status.exitCode}`;
}

function signalName(signal: number | undefined): NodeJS.Signals | undefined {
	if (!signal) return undefined;
	const entry = Object.entries(os.constants.signals).find(([, number]) => number === signal);
	return entry?.[0] as NodeJS.Signals | undefined;
}

const harnessFile = fileURLToPath(import.meta.url);

/** An error whose stack starts at the test's call, so the runner points at the test line. */
function withTrace(message: string, trace: Error): Error {
	const error = new Error(message);
	const frames = trace.stack
		?.split('\n')
		.slice(1)
		.filter(line => !line.includes(harnessFile))
		.join('\n');
	if (frames) error.stack = `Error: ${message}\n${frames}`;
	return error;
}
