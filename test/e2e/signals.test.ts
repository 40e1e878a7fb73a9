// Every way out leaves the terminal as it was: signals, Ctrl-C, a hang-up, a reader that
// stops early. The presenter runs in a pseudo-terminal; for the tty modes it runs under a
// shell that keeps the terminal open after it is gone, so the modes it left can be read.
import fs from 'node:fs';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {describeRun, lecternBin, linesOf, repoRoot, runLectern, runShell, stackFrame, tempDir} from './cli-helpers.js';
import {expectRestored} from './helpers.js';
import {closeAll, keys, startPty, type PtySession} from './pty.js';
import {defined} from '../support/defined.js';

afterEach(closeAll);

async function presentGuide(): Promise<PtySession> {
	const t = await startPty({
		command: process.execPath,
		args: [lecternBin, 'present', 'decks/guide.md', '--no-watch'],
		cwd: repoRoot,
		cols: 100,
		rows: 30,
	});
	await t.waitFor(/(^|\s)1\/28(\s|$)/);
	return t;
}

/** The presenter under a shell that reports its exit and then keeps the terminal open. */
async function presentUnderShell(): Promise<{t: PtySession; lectern: number}> {
	const script = '"$0" "$1" present decks/guide.md --no-watch; echo "lectern exited $?"; exec sleep 600';
	const t = await startPty({command: '/bin/sh', args: ['-c', script, process.execPath, lecternBin], cwd: repoRoot, cols: 100, rows: 30});
	await t.waitFor(/(^|\s)1\/28(\s|$)/);
	const children = fs.readFileSync(`/proc/${t.pid}/task/${t.pid}/children`, 'utf8').trim().split(/\s+/).map(Number);
	expect(children).toHaveLength(1);
	return {t, lectern: defined(children[0])};
}

describe('signals while presenting', () => {
	it.for(['SIGTERM', 'SIGINT'] as const)(
		'%s: the process ends and the terminal is restored, tty modes included',
		async (signal, {expect}) => {
			const {t, lectern} = await presentUnderShell();
			const raw = await t.ttyModes();
			// Only when the harness can read the modes: then the presenter must have changed them.
			if (raw !== undefined) expect(raw).toMatchObject({icanon: false, echo: false});
			process.kill(lectern, signal);
			await t.waitFor(/lectern exited \d+/);
			expect(() => process.kill(lectern, 0)).toThrow();
			expectRestored(t);
			const modes = await t.ttyModes();
			if (modes !== undefined) expect(modes).toMatchObject({icanon: true, echo: true, isig: true});
		},
	);

	it('SIGHUP: the process ends promptly', async () => {
		const t = await presentGuide();
		t.kill('SIGHUP');
		const status = await t.exited(10_000);
		expect(status.signal === 'SIGHUP' || status.exitCode !== 0).toBe(true);
	});

	it('the terminal going away (the pty master closed) ends the process', async () => {
		const t = await presentGuide();
		// The harness keeps its pty private; closing it is what a closed terminal window does.
		const pty = (t as unknown as {pty?: {destroy?: () => void}}).pty;
		expect(typeof pty?.destroy, 'the harness pty can be closed').toBe('function');
		defined(pty).destroy?.();
		await t.exited(10_000);
		expect(() => process.kill(t.pid, 0)).toThrow();
	});

	it('SIGTERM without a shell: the process ends and restores the screen', async () => {
		const t = await presentGuide();
		t.kill('SIGTERM');
		await t.exited(10_000);
		expectRestored(t);
	});

	it('the Ctrl-C key quits with exit 0 and restores the terminal', async () => {
		const t = await presentGuide();
		t.press(keys.ctrlC);
		expect(await t.exited()).toEqual({exitCode: 0, signal: undefined});
		expectRestored(t);
	});

	it('q under a shell leaves cooked mode behind', async () => {
		const {t} = await presentUnderShell();
		t.press('q');
		await t.waitFor('lectern exited 0');
		expectRestored(t);
		const modes = await t.ttyModes();
		if (modes !== undefined) expect(modes).toMatchObject({icanon: true, echo: true, isig: true});
	});
});

describe('a reader that goes away', () => {
	it('print exits quietly when stdout is closed after the first chunk', async () => {
		const args = ['print', 'decks/virtualization.md'];
		let chunks = 0;
		const result = await runLectern(args, {
			timeout: 15_000,
			onStdout(_, child) {
				chunks++;
				child.stdout?.destroy();
			},
		});
		const what = describeRun(args, result);
		expect(chunks, what).toBeGreaterThan(0);
		expect(result.timedOut, what).toBe(false);
		expect(result.signal, what).toBeNull();
		expect(result.stderr, what).not.toMatch(stackFrame);
		// `lectern print deck.md | head` is not a fault: no "internal error", no exit 1.
		expect(result.stderr, what).toBe('');
		expect(result.status, what).toBe(0);
	});

	it('print | head -1 ends quietly', async () => {
		const {dir, remove} = tempDir('lectern-head-');
		try {
			// sh has no PIPESTATUS: the left side reports its own status and stderr in files.
			const script = '{ lectern print decks/virtualization.md 2>"$OUT/stderr"; echo $? >"$OUT/status"; } | head -1';
			const result = await runShell(script, {env: {OUT: dir}, timeout: 15_000});
			const what = describeRun(['print', '|', 'head', '-1'], result);
			expect(result.timedOut, what).toBe(false);
			// print opens with the deck's title (its front matter).
			expect(linesOf(result.stdout), what).toEqual(['System Virtualization and OS Virtual Machines']);
			expect(fs.readFileSync(path.join(dir, 'stderr'), 'utf8')).toBe('');
			expect(fs.readFileSync(path.join(dir, 'status'), 'utf8').trim()).toBe('0');
		} finally {
			remove();
		}
	});
});

/** The process state letter from /proc (`T` stopped, `S` sleeping, `R` running). */
function processState(pid: number): string {
	const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
	return defined(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0]);
}

/** Polls a condition the screen cannot show (a process state), up to a hang guard. */
async function until(condition: () => boolean, what: string, timeout = 10_000): Promise<void> {
	const end = Date.now() + timeout;
	while (!condition()) {
		if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
		await new Promise(resolve => setTimeout(resolve, 20));
	}
}

// Issue 12.10: suspend like vim and less, give the terminal back whole, and take it back on fg.
describe('Ctrl-Z and SIGTSTP', () => {
	it.for(['the Ctrl-Z key', 'SIGTSTP from outside'] as const)(
		'%s: the terminal is restored, the process stops, and SIGCONT redraws and reads keys',
		async (how, {expect}) => {
			const t = await presentGuide();
			const marker = t.raw().length;
			if (how === 'the Ctrl-Z key') t.press(keys.ctrlZ);
			else process.kill(t.pid, 'SIGTSTP');
			await until(() => processState(t.pid) === 'T', 'the process to stop');
			// What it wrote before it stopped may not be read from the pty yet (a loaded machine): the
			// emulator settles only what it was given.
			await until(() => t.raw(marker).includes('\u001B[?1049l'), 'the screen given back to reach the terminal');
			await t.settled();
			expect(t.altScreen()).toBe(false);
			expect(t.cursorHidden()).toBe(false);
			const modes = await t.ttyModes();
			if (modes !== undefined) expect(modes).toMatchObject({icanon: true, echo: true});

			process.kill(t.pid, 'SIGCONT');
			await t.waitFor(
				(_, session) =>
					session.altScreen() && /(^|\s)1\/28(\s|$)/.test(session.row(-1)) && session.screen().includes('A terminal lecture presenter'),
			);
			expect(t.cursorHidden()).toBe(true);
			const raw = await t.ttyModes();
			if (raw !== undefined) expect(raw).toMatchObject({icanon: false, echo: false});
			// One key, no Enter: raw mode is back.
			t.press('l');
			await t.waitFor(/(^|\s)2\/28(\s|$)/);
			t.press('q');
			expect(await t.exited()).toEqual({exitCode: 0, signal: undefined});
			expectRestored(t);
		},
	);

	it('under a job-control shell: Ctrl-Z gives the prompt back, fg brings the slide back and keys work', async () => {
		const t = await startPty({
			command: '/bin/bash',
			args: ['--norc', '--noprofile', '-i'],
			cwd: repoRoot,
			cols: 100,
			rows: 30,
			env: {PS1: 'prompt$ '},
		});
		await t.waitFor('prompt$');
		t.write(`'${process.execPath}' '${lecternBin}' present decks/guide.md --no-watch\r`);
		await t.waitFor((_, session) => session.altScreen() && /(^|\s)1\/28(\s|$)/.test(session.row(-1)));
		t.press(keys.ctrlZ);
		await t.waitFor((screen, session) => !session.altScreen() && /Stopped/.test(screen) && /prompt\$ $/m.test(screen));
		expect(t.cursorHidden()).toBe(false);
		t.write('fg\r');
		await t.waitFor((_, session) => session.altScreen() && /(^|\s)1\/28(\s|$)/.test(session.row(-1)));
		t.press('l');
		await t.waitFor(/(^|\s)2\/28(\s|$)/);
		t.press('q');
		await t.waitFor((screen, session) => !session.altScreen() && /prompt\$ $/m.test(screen));
		expect(t.cursorHidden()).toBe(false);
		t.write('exit\r');
		await t.exited();
	});
});
