// A batch command over a huge deck, run under the bin's --no-opt, does its work in a second Node
// without it (src/cli/optimised-rerun.ts): same output and exit code as in one process, and a
// signal to the first ends the second (nothing left running, nothing half-written).
import {type ChildProcess, spawn} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {describeRun, lecternBin, linesOf, repoRoot, runLectern, runShell, tempDir} from './cli-helpers.js';
import {defined} from '../support/defined.js';

let dir: string;
let removeDir: () => void;
let huge: string;
beforeAll(() => {
	({dir, remove: removeDir} = tempDir('lectern-rerun-'));
	huge = path.join(dir, 'huge.md');
	// 30,000 slides without notes (check warns on each): 60,000 headings and rules, over the threshold.
	fs.writeFileSync(huge, Array.from({length: 30_000}, (_, i) => `# Slide ${i + 1}\n\ntext ${i}\n`).join('\n---\n\n'));
});
afterAll(() => removeDir());

const slow = {timeout: 120_000};

/** Processes (pid and arguments) whose command line names `file`. */
function processesNaming(file: string): Array<{pid: number; args: string[]}> {
	const found: Array<{pid: number; args: string[]}> = [];
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const args = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
			if (args.includes(file)) found.push({pid: Number(entry), args});
		} catch {
			// Gone meanwhile.
		}
	}

	return found;
}

/**
 * The second run of `first` (a process naming `file`): once it runs its own command line. Between
 * fork and exec a child still shows its parent's, --no-opt included.
 */
function secondRun(file: string, first: ChildProcess): {pid: number; args: string[]} | undefined {
	const found = processesNaming(file);
	const firstArgs = found.find(each => each.pid === first.pid)?.args.join('\0');
	return found.find(each => each.pid !== first.pid && each.args.join('\0') !== firstArgs);
}

async function until<T>(probe: () => T | undefined, what: string, timeout = 20_000): Promise<T> {
	const end = Date.now() + timeout;
	for (;;) {
		const value = probe();
		if (value !== undefined) return value;
		if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
		await new Promise(resolve => setTimeout(resolve, 10));
	}
}

describe('a huge deck under --no-opt', () => {
	for (const args of [
		['print', '--width', '60'],
		['check', '--strict', '--size', '80x24'],
		['outline', '--json'],
		['export', '-o', '-'],
	]) {
		it(`${args[0]}: the same output and exit code as one optimised process`, slow, async () => {
			const command = [defined(args[0]), huge, ...args.slice(1)];
			const [optimised, rerun] = await Promise.all([
				runLectern(command, {timeout: 100_000}),
				runLectern(command, {nodeArgs: ['--no-opt'], timeout: 100_000}),
			]);
			const what = describeRun(command, rerun);
			expect(rerun.timedOut, what).toBe(false);
			expect(rerun.status, what).toBe(optimised.status);
			expect(rerun.stderr, what).toBe(optimised.stderr);
			expect(rerun.stdout === optimised.stdout, what).toBe(true);
			expect(rerun.stdout.length, what).toBeGreaterThan(1000);
		});
	}

	// The first Node writes nothing itself: the second's error is the only line.
	it.skipIf(!fs.existsSync('/dev/full'))('stdout that fails every write: one error line, exit 1', slow, async () => {
		const script = `"$LECTERN_E2E_NODE" --no-opt "$LECTERN_E2E_SCRIPT" print '${huge}' > /dev/full`;
		const result = await runShell(script, {timeout: 100_000});
		expect(result.status, result.stderr).toBe(1);
		expect(linesOf(result.stderr)).toEqual([expect.stringMatching(/^lectern: .*ENOSPC/)]);
	});

	it('runs the work in a Node without --no-opt, which a SIGTERM to the first ends too', slow, async () => {
		const first = spawn(process.execPath, ['--no-opt', lecternBin, 'check', huge, '--size', '80x24', '--size', '100x30'], {
			cwd: repoRoot,
			stdio: 'ignore',
		});
		const exited = new Promise<NodeJS.Signals | null>(resolve => first.on('exit', (_code, signal) => resolve(signal)));
		const second = await until(() => secondRun(huge, first), 'the second run');
		expect(second.args).not.toContain('--no-opt');
		expect(second.args).toContain('check');
		first.kill('SIGTERM');
		expect(await exited).toBe('SIGTERM');
		await until(() => (processesNaming(huge).length === 0 ? true : undefined), 'the second run to end', 5_000);
	});

	it('counts the decks in a folder given to check (searched as check searches it)', slow, async () => {
		const folder = path.join(dir, 'folder');
		fs.mkdirSync(path.join(folder, 'inner'), {recursive: true});
		fs.copyFileSync(huge, path.join(folder, 'inner', 'huge.md'));
		const first = spawn(process.execPath, ['--no-opt', lecternBin, 'check', folder, '--size', '80x24'], {cwd: repoRoot, stdio: 'ignore'});
		const exited = new Promise<number | null>(resolve => first.on('exit', code => resolve(code)));
		const second = await until(() => secondRun(folder, first), 'the second run');
		expect(second.args).not.toContain('--no-opt');
		expect(await exited).toBe(0);
	});
});
