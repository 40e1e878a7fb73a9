// Shared helpers for the end-to-end tests: start the built binary in a pseudo-terminal from the
// repository root, and ask the binary itself for facts about a deck (slide counts, search hits),
// so the tests follow the decks instead of hard-coding them.
import {execFileSync, spawnSync} from 'node:child_process';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {expect} from 'vitest';
import {startPty, type PtyOptions, type PtySession} from './pty.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const binary = path.join(repoRoot, 'bin', 'lectern.js');

export type LecternOptions = Omit<PtyOptions, 'command' | 'args'>;

/** Runs `node bin/lectern.js ...args` in a pseudo-terminal (100x30 unless told). */
export async function startLectern(args: readonly string[], options: LecternOptions = {}): Promise<PtySession> {
	return startPty({command: process.execPath, args: [binary, ...args], cwd: repoRoot, cols: 100, rows: 30, ...options});
}

export type RunResult = {status: number | null; stdout: string; stderr: string};

/** Runs the binary without a terminal (stdin, stdout and stderr are pipes). */
export function runLectern(args: readonly string[], env: Readonly<Record<string, string | undefined>> = {}, input = ''): RunResult {
	const result = spawnSync(process.execPath, [binary, ...args], {
		cwd: repoRoot,
		env: cleanEnv(env),
		input,
		encoding: 'utf8',
		timeout: 20_000,
	});
	return {status: result.status, stdout: result.stdout, stderr: result.stderr};
}

function cleanEnv(overrides: Readonly<Record<string, string | undefined>>): Record<string, string> {
	const env: Record<string, string | undefined> = {...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...overrides};
	const result: Record<string, string> = {};
	for (const [name, value] of Object.entries(env)) {
		if (value !== undefined) result[name] = value;
	}

	return result;
}

export type OutlineSlide = {slide: number; title: string; isSection: boolean; line: number; bookmarked: boolean; section: string | null};

/** `lectern outline <deck> --json`: the deck's slides as the binary sees them. */
export function outline(deck: string, env: Readonly<Record<string, string | undefined>> = {}): {title: string; slides: OutlineSlide[]} {
	const text = execFileSync(process.execPath, [binary, 'outline', deck, '--json'], {cwd: repoRoot, env: cleanEnv(env), encoding: 'utf8'});
	return JSON.parse(text) as {title: string; slides: OutlineSlide[]};
}

/** The status bar: the screen's last row. */
export function statusBar(session: PtySession): string {
	return session.row(-1);
}

/** A predicate: the status bar shows `k/n` (as a whole position, not a part of a longer number). */
export function atSlide(slide: number, count: number): (screen: string, session: PtySession) => boolean {
	const position = new RegExp(`(^|\\s)${slide}/${count}(\\s|$)`);
	return (_, session) => position.test(statusBar(session));
}

/**
 * The screen as a person sees it, to compare two screens drawn at different times: the running
 * clock and the pace blanked, and spaces at the ends of rows (written or not, they look the same) dropped.
 */
export function comparable(screen: string): string {
	// The pace against the deck's plan (front matter duration) moves with the clock too.
	return screen
		.replaceAll(/\d{2}:\d{2}:\d{2}/g, '--:--:--')
		.replaceAll(/ (?:\d+:\d{2}(?::\d{2})? (?:left|over) )?(?:\+?\d+ min (?:ahead|behind)|on time)(?= *$)/gm, ' <pace>')
		.split('\n')
		.map(row => row.trimEnd())
		.join('\n');
}

/**
 * Runs a shell script in a pseudo-terminal from the repository root, where `lectern` is a
 * function running the built binary. Lets a test look at the terminal after the program is gone
 * (the shell still holds the pty) or give the program a pipe for one of its streams.
 */
export async function startShell(script: string, args: readonly string[] = [], options: LecternOptions = {}): Promise<PtySession> {
	const prelude = 'lectern() { "$LECTERN_E2E_NODE" "$LECTERN_E2E_BIN" "$@"; }\n';
	return startPty({
		command: '/bin/sh',
		args: ['-c', prelude + script, 'sh', ...args],
		cwd: repoRoot,
		cols: 100,
		rows: 30,
		...options,
		env: {LECTERN_E2E_NODE: process.execPath, LECTERN_E2E_BIN: binary, ...options.env},
	});
}

const enterAltScreen = '\u001B[?1049h';

/** After the last time the program entered the alternate screen, it left it and showed the cursor. */
export function expectRestored(t: PtySession): void {
	const raw = t.raw();
	const entered = raw.lastIndexOf(enterAltScreen);
	expect(entered, 'the presenter entered the alternate screen').toBeGreaterThanOrEqual(0);
	const after = raw.slice(entered);
	expect(after).toContain('\u001B[?25h');
	expect(after).toContain('\u001B[?1049l');
	expect(raw.lastIndexOf('\u001B[?25h')).toBeGreaterThan(raw.lastIndexOf('\u001B[?25l'));
	expect(t.altScreen()).toBe(false);
	expect(t.cursorHidden()).toBe(false);
}
