// Runs the built binary (`node bin/lectern.js …`) without a terminal, from the repository root,
// and captures what it wrote. Every run has a deadline: a hang ends in SIGKILL and `timedOut`,
// so a test fails on it instead of waiting forever.
import {spawn} from 'node:child_process';
import {isUtf8} from 'node:buffer';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterAll} from 'vitest';
import {buildEnv} from './pty.js';
import {defined} from '../support/defined.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** LECTERN_E2E_BIN points the tests at another build (a private copy while dist/ is being rebuilt). */
export const lecternBin = process.env['LECTERN_E2E_BIN'] ?? path.join(repoRoot, 'bin', 'lectern.js');

export type Env = Readonly<Record<string, string | undefined>>;

export type RunOptions = Readonly<{
	/** Merged over a clean environment; `undefined` removes a variable. */
	env?: Env;
	/** Options for node itself, before the script (e.g. `--max-old-space-size=512`). */
	nodeArgs?: readonly string[];
	/** Milliseconds before the run is killed and reported as timed out. */
	timeout?: number;
	cwd?: string;
	/** Written to stdin, which is then closed (stdin is /dev/null otherwise). */
	input?: string;
	/** Called with each stdout chunk and the child, e.g. to close the pipe early. */
	onStdout?: (chunk: Buffer, child: ReturnType<typeof spawn>) => void;
}>;

export type RunResult = Readonly<{
	status: number | null;
	signal: NodeJS.Signals | null;
	/** stdout decoded as UTF-8, so UTF-8-encoded C1 controls show as the code points they are. */
	stdout: string;
	stderr: string;
	stdoutIsUtf8: boolean;
	timedOut: boolean;
}>;

let sharedHome: string | undefined;

/** A HOME for the runs of this test file, so saved state (bookmarks) never comes from the user's. */
function home(): string {
	if (sharedHome === undefined) {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lectern-cli-home-'));
		sharedHome = dir;
	}

	return sharedHome;
}

// Registered by each test file that imports these helpers (modules are isolated per file).
afterAll(() => {
	if (sharedHome !== undefined) fs.rmSync(sharedHome, {recursive: true, force: true});
	sharedHome = undefined;
});

export function cleanEnv(overrides: Env = {}): Record<string, string> {
	return buildEnv(home(), overrides);
}

// Concurrent tests share a small machine: a few programs at a time, however many tests wait.
const slots = 3;
let running = 0;
const queue: Array<() => void> = [];

/** Runs `task` once fewer than `slots` tasks of this file are running. */
export async function withSlot<T>(task: () => Promise<T>): Promise<T> {
	if (running >= slots) await new Promise<void>(resolve => queue.push(resolve));
	running++;
	try {
		return await task();
	} finally {
		running--;
		queue.shift()?.();
	}
}

/** `node [nodeArgs] bin/lectern.js ...args` with stdout and stderr as pipes. */
export async function runLectern(args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
	return withSlot(async () => spawnCommand(process.execPath, [...(options.nodeArgs ?? []), lecternBin, ...args], options));
}

/**
 * Runs a shell script in which `lectern` runs the binary, for what only a shell gives: a real
 * pipe (Node's own child pipes are socket pairs, with much larger buffers), `| head`, redirections.
 */
export async function runShell(script: string, options: RunOptions = {}): Promise<RunResult> {
	const prelude = 'lectern() { "$LECTERN_E2E_NODE" "$LECTERN_E2E_SCRIPT" "$@"; }\n';
	const env = {LECTERN_E2E_NODE: process.execPath, LECTERN_E2E_SCRIPT: lecternBin, ...options.env};
	return withSlot(async () => spawnCommand('/bin/sh', ['-c', prelude + script], {...options, env}));
}

async function spawnCommand(command: string, args: readonly string[], options: RunOptions): Promise<RunResult> {
	const child = spawn(command, args, {
		cwd: options.cwd ?? repoRoot,
		env: cleanEnv(options.env),
		stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
	});
	const {stdout, stderr} = child as unknown as {stdout: NodeJS.ReadableStream; stderr: NodeJS.ReadableStream};
	const out: Buffer[] = [];
	const err: Buffer[] = [];
	let timedOut = false;
	const timer = setTimeout(() => {
		timedOut = true;
		child.kill('SIGKILL');
	}, options.timeout ?? 20_000);
	stdout.on('data', (chunk: Buffer) => {
		out.push(chunk);
		options.onStdout?.(chunk, child);
	});
	stderr.on('data', (chunk: Buffer) => err.push(chunk));
	// A pipe the test closed on purpose reports an error on our side; the exit is what matters.
	stdout.on('error', () => {});
	if (options.input !== undefined) {
		child.stdin?.on('error', () => {});
		child.stdin?.end(options.input);
	}

	const [status, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
		child.once('error', reject);
		child.once('close', (code, sig) => resolve([code, sig]));
	}).finally(() => clearTimeout(timer));
	const stdoutBytes = Buffer.concat(out);
	return {
		status,
		signal,
		stdout: stdoutBytes.toString('utf8'),
		stderr: Buffer.concat(err).toString('utf8'),
		stdoutIsUtf8: isUtf8(stdoutBytes),
		timedOut,
	};
}

/** Runs `task` over `items`, at most `limit` at a time, keeping the order of results. */
export async function inParallel<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
	const results: R[] = new Array<R>(items.length);
	let next = 0;
	const worker = async () => {
		while (next < items.length) {
			const index = next++;
			results[index] = await task(defined(items[index]));
		}
	};

	await Promise.all(Array.from({length: Math.min(limit, items.length)}, worker));
	return results;
}

/** The lines of a stream's text, without the empty piece after a final newline. */
export function linesOf(text: string): string[] {
	const lines = text.split('\n');
	if (lines.at(-1) === '') lines.pop();
	return lines;
}

/** A V8 stack frame as Node prints it (`    at fn (file:1:2)`). */
export const stackFrame = /^\s+at\s/m;

/** A short, printable description of a run for assertion messages. */
export function describeRun(args: readonly string[], result: RunResult): string {
	const cut = (text: string) => JSON.stringify(text.length > 400 ? `${text.slice(0, 400)}…` : text);
	return `lectern ${args.map(arg => JSON.stringify(arg)).join(' ')} → status ${result.status}, signal ${result.signal}, timedOut ${result.timedOut}\nstderr: ${cut(result.stderr)}\nstdout: ${cut(result.stdout)}`;
}

/** Makes a temporary directory and returns it with a cleanup function. */
export function tempDir(prefix: string): {dir: string; remove: () => void} {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
	return {dir, remove: () => fs.rmSync(dir, {recursive: true, force: true})};
}
