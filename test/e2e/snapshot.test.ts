// The npm bin (bin/lectern) starts Node from the start-up snapshot made at install time when the
// Node on PATH made it, and otherwise runs bin/lectern.js as before: both ways must behave the
// same, and a snapshot that does not match must never be handed to Node (which would refuse it
// with an error instead of starting).
import {execFileSync, spawnSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {cleanEnv, repoRoot, tempDir} from './cli-helpers.js';
import {closeAll, startPty, type PtySession} from './pty.js';

afterEach(closeAll);

const launcher = path.join(repoRoot, 'bin', 'lectern');

/** The running program's own command line (the launcher execs Node in its place). */
function commandLine(session: PtySession): string[] {
	return fs.readFileSync(`/proc/${session.pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
}

async function presentGuide(bin: string, env: Readonly<Record<string, string | undefined>> = {}): Promise<PtySession> {
	const t = await startPty({command: bin, args: ['present', 'decks/guide.md', '--no-watch'], cwd: repoRoot, cols: 100, rows: 30, env});
	await t.waitFor(/(^|\s)1\/28(\s|$)/);
	return t;
}

async function pressesAndQuits(t: PtySession): Promise<void> {
	t.press('l');
	await t.waitFor(/(^|\s)2\/28(\s|$)/);
	t.press('q');
	expect(await t.exited()).toEqual({exitCode: 0, signal: undefined});
	expect(t.altScreen()).toBe(false);
	expect(t.cursorHidden()).toBe(false);
}

/** A copy of the package (bin, dist, decks; node_modules linked) whose snapshot a test may spoil. */
function packageCopy(): {root: string; remove: () => void} {
	const {dir, remove} = tempDir('lectern-snapshot-');
	for (const part of ['bin', 'dist', 'decks', 'package.json']) {
		fs.cpSync(path.join(repoRoot, part), path.join(dir, part), {recursive: true});
	}

	fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'));
	return {root: dir, remove};
}

describe('the start-up snapshot', () => {
	it('is made by the build, for the Node that runs the tests', () => {
		expect(fs.existsSync(path.join(repoRoot, 'dist', 'snapshot.blob')), 'dist/snapshot.blob (scripts/snapshot/make.mjs)').toBe(true);
		expect(fs.realpathSync(fs.readFileSync(path.join(repoRoot, 'dist', 'snapshot.node'), 'utf8').trim())).toBe(
			fs.realpathSync(process.execPath),
		);
	});

	it('starts the presenter, which reads keys, quits and restores the terminal', async () => {
		const t = await presentGuide(launcher);
		expect(commandLine(t)).toContain('--snapshot-blob');
		await pressesAndQuits(t);
	});

	it('SIGTERM ends the presenter started from it and restores the screen', async () => {
		const t = await presentGuide(launcher);
		expect(commandLine(t)).toContain('--snapshot-blob');
		t.kill('SIGTERM');
		await t.exited(10_000);
		expect(t.altScreen()).toBe(false);
		expect(t.cursorHidden()).toBe(false);
	});

	it("sets malloc's threshold for its own run only: what the run starts (ssh here) gets the user's environment", async () => {
		const {dir, remove} = tempDir('lectern-child-env-');
		try {
			const seen = path.join(dir, 'env');
			const parent = path.join(dir, 'parent');
			// Stands in for ssh: notes its environment and the command line of the run that started it,
			// and ends (the follower says the connection closed).
			const standIn = path.join(dir, 'fake-ssh');
			fs.writeFileSync(standIn, `#!/bin/sh\nenv > "${seen}"\ntr '\\0' ' ' < /proc/$PPID/cmdline > "${parent}"\n`, {mode: 0o755});
			const childEnv = async (env: Record<string, string>) => {
				const t = await startPty({
					command: launcher,
					args: ['follow', '--ssh', 'host.example', 'talk'],
					cwd: repoRoot,
					env: {LECTERN_SSH: standIn, ...env},
				});
				expect((await t.exited()).exitCode).toBe(2);
				expect(fs.readFileSync(parent, 'utf8')).toContain('--snapshot-blob');
				return fs.readFileSync(seen, 'utf8').split('\n');
			};

			const unset = await childEnv({});
			expect(
				unset.filter(line => /^(MALLOC_MMAP_THRESHOLD_|MALLOC_TOP_PAD_|LECTERN_MMAP_THRESHOLD_SET|LECTERN_TOP_PAD_SET)=/.test(line)),
			).toEqual([]);
			// The user's own setting is theirs to pass on.
			const own = await childEnv({MALLOC_MMAP_THRESHOLD_: '2097152'});
			expect(
				own.filter(line => /^(MALLOC_MMAP_THRESHOLD_|MALLOC_TOP_PAD_|LECTERN_MMAP_THRESHOLD_SET|LECTERN_TOP_PAD_SET)=/.test(line)),
			).toEqual(['MALLOC_MMAP_THRESHOLD_=2097152']);
			const ownPad = await childEnv({MALLOC_TOP_PAD_: '65536'});
			expect(
				ownPad.filter(line => /^(MALLOC_MMAP_THRESHOLD_|MALLOC_TOP_PAD_|LECTERN_MMAP_THRESHOLD_SET|LECTERN_TOP_PAD_SET)=/.test(line)),
			).toEqual(['MALLOC_TOP_PAD_=65536']);
		} finally {
			remove();
		}
	});

	it("keeps the code cache of every builtin of Node's that a presenter's run compiles (scripts/snapshot/make.mjs)", async () => {
		const {dir, remove} = tempDir('lectern-code-cache-');
		try {
			// Node's debug lines go to stderr: to a file, not over the screen.
			const log = path.join(dir, 'stderr');
			const t = await startPty({
				command: '/bin/sh',
				args: ['-c', `exec "$0" "$@" 2>"${log}"`, launcher, 'present', 'decks/guide.md'],
				cwd: repoRoot,
				cols: 100,
				rows: 30,
				env: {NODE_DEBUG_NATIVE: 'CODE_CACHE'},
			});
			await t.waitFor(/(^|\s)1\/28(\s|$)/);
			expect(commandLine(t)).toContain('--snapshot-blob');
			t.press('/');
			t.press('k');
			t.press('\u001B');
			await pressesAndQuits(t);
			const compiled = fs
				.readFileSync(log, 'utf8')
				.split('\n')
				.filter(line => line.startsWith('Compiling '));
			expect(compiled.filter(line => line.includes(' with code cache')).length).toBeGreaterThan(0);
			expect(compiled.filter(line => !line.includes(' with code cache'))).toEqual([]);
		} finally {
			remove();
		}
	});

	it('gives the same output as the start without it', () => {
		for (const args of [
			['--version'],
			['print', 'decks/guide.md', '--width', '80'],
			['print', 'decks/virtualization.md'],
			['search', 'speaker notes', 'decks/guide.md'],
			['nosuch.md'],
		]) {
			const run = (env: Record<string, string>) => spawnSync(launcher, args, {cwd: repoRoot, env: cleanEnv(env), encoding: 'utf8'});
			const from = run({});
			const without = run({LECTERN_NO_SNAPSHOT: '1'});
			expect({status: from.status, stdout: from.stdout, stderr: from.stderr}, args.join(' ')).toEqual({
				status: without.status,
				stdout: without.stdout,
				stderr: without.stderr,
			});
		}
	});
});

describe('without a usable snapshot the bin starts as before', () => {
	it('LECTERN_NO_SNAPSHOT=1', async () => {
		const t = await presentGuide(launcher, {LECTERN_NO_SNAPSHOT: '1'});
		expect(commandLine(t)).not.toContain('--snapshot-blob');
		await pressesAndQuits(t);
	});

	it('NODE_OPTIONS set (its V8 flags would not match the snapshot)', async () => {
		const t = await presentGuide(launcher, {NODE_OPTIONS: '--max-old-space-size=512'});
		expect(commandLine(t)).not.toContain('--snapshot-blob');
		await pressesAndQuits(t);
	});

	it.for([
		['no snapshot', (root: string) => fs.rmSync(path.join(root, 'dist', 'snapshot.blob'))],
		['made by another Node', (root: string) => fs.writeFileSync(path.join(root, 'dist', 'snapshot.node'), '/bin/sh\n')],
		['older than the Node on PATH', (root: string) => fs.utimesSync(path.join(root, 'dist', 'snapshot.node'), 0, 0)],
	] as const)('%s', async ([, spoil]) => {
		const copy = packageCopy();
		try {
			spoil(copy.root);
			// Through a symlink, as npm installs bins.
			const link = path.join(copy.root, 'lectern-link');
			fs.symlinkSync(path.join('bin', 'lectern'), link);
			const t = await presentGuide(link);
			expect(commandLine(t)).not.toContain('--snapshot-blob');
			await pressesAndQuits(t);
		} finally {
			copy.remove();
		}
	});

	it('an intact copy through a symlink does use it', async () => {
		const copy = packageCopy();
		try {
			const link = path.join(copy.root, 'lectern-link');
			fs.symlinkSync(path.join('bin', 'lectern'), link);
			expect(execFileSync(link, ['--version'], {env: cleanEnv(), encoding: 'utf8'}).trim()).toMatch(/^\d+\.\d+\.\d+$/);
			const t = await presentGuide(link);
			expect(commandLine(t)).toContain('--snapshot-blob');
			await pressesAndQuits(t);
		} finally {
			copy.remove();
		}
	});
});
