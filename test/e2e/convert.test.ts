// `lectern convert` as a user meets it: the real binary, exit codes, -o, --check, bad input,
// and what reaches a terminal.
import fs from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {describeRun, linesOf, runLectern, stackFrame, tempDir, type RunResult} from './cli-helpers.js';
import {startLectern} from './helpers.js';
import {closeAll} from './pty.js';

const lecture = 'test/fixtures/rst/original-slides.rst';
const small = 'Deck\n====\n\n:Author: Ada\n\nPart\n====\n\nSlide\n-----\n\n- mémoire *virtuelle*\n\n.. note::\n\n   Notes en français.\n';

let dir: string;
let remove: () => void;
const file = (name: string) => path.join(dir, name);

beforeAll(() => {
	({dir, remove} = tempDir('lectern-convert-'));
	fs.writeFileSync(file('small.rst'), small);
	fs.writeFileSync(file('unknown.rst'), 'Slide\n-----\n\n.. toctree::\n\n   intro\n');
	fs.writeFileSync(file('escape.rst'), 'Slide\n-----\n\nBell \u0007 and \u001B[31mred\u001B[0m text.\n');
	fs.writeFileSync(file('bad.rst'), Buffer.from([0x53, 0x6c, 0x69, 0x64, 0x65, 0x0a, 0xff, 0xfe, 0x0a]));
	fs.writeFileSync(file('empty.rst'), '\n  \n');
	fs.writeFileSync(file('large.rst'), 'word '.repeat(240_000));
	fs.writeFileSync(file('self.rst'), small);
	fs.symlinkSync(file('self.rst'), file('self-link.md'));
});

afterAll(async () => {
	await closeAll();
	remove();
});

async function run(args: readonly string[]): Promise<RunResult> {
	const result = await runLectern(args);
	expect(result.timedOut, describeRun(args, result)).toBe(false);
	expect(result.stderr, describeRun(args, result)).not.toMatch(stackFrame);
	return result;
}

function expectOneLineError(result: RunResult, pattern: RegExp): void {
	expect(result.status).toBe(2);
	const lines = linesOf(result.stderr);
	expect(lines).toHaveLength(1);
	expect(lines[0]).toMatch(/^lectern: /);
	expect(lines[0]).toMatch(pattern);
}

describe.concurrent('lectern convert', () => {
	it('writes the deck to -o atomically, prints a summary, exits 0', async ({expect}) => {
		const result = await run(['convert', file('small.rst'), '-o', file('small.md')]);
		expect(result.status).toBe(0);
		expect(result.stderr).toBe('');
		expect(result.stdout).toBe(
			`converted ${file('small.rst')} → ${file('small.md')}: 3 slides (1 section slide), 1 with notes, 0 figures to redraw, 0 warnings\n`,
		);
		const deck = fs.readFileSync(file('small.md'), 'utf8');
		expect(deck).toBe(
			'---\ntitle: Deck\nauthor: Ada\n---\n\n## Deck\n\nAuthor: Ada\n\n---\n\n# Part\n\n---\n\n## Slide\n\n- mémoire *virtuelle*\n\n::: notes\nNotes en français.\n:::\n',
		);
		// Only this file's temp names: the tests run at once in one folder, and --check's below may be
		// writing lecture.md through its own temp file meanwhile (seen in a full suite).
		expect(fs.readdirSync(dir).filter(name => name.startsWith('.small.md.') && name.endsWith('.tmp'))).toEqual([]);
		const outline = await run(['outline', file('small.md')]);
		expect(outline.stdout).toContain('Part');
	});

	it('without -o writes the deck to stdout and the summary to stderr', async ({expect}) => {
		const result = await run(['convert', file('small.rst')]);
		expect(result.status).toBe(0);
		expect(result.stdout).toContain('## Slide\n\n- mémoire *virtuelle*\n');
		expect(result.stderr).toMatch(/^converted .*small\.rst → stdout: 3 slides/);
	});

	it("--check prints check's report of the result after the summary; figures are warnings", async ({expect}) => {
		const out = file('lecture.md');
		const result = await run(['convert', lecture, '-o', out, '--check']);
		expect(result.status, describeRun([], result)).toBe(0);
		const lines = linesOf(result.stdout);
		expect(lines[0]).toMatch(
			/^converted .* → .*lecture\.md: \d+ slides \(10 section slides\), \d+ with notes, 29 figures to redraw, 0 warnings$/,
		);
		expect(lines[1]).toMatch(/^check at 100x30: 0 errors, \d+ warnings$/);
		expect(lines.filter(line => line.includes('warning: figure to redraw (ibm370.jpg)'))).toHaveLength(1);
		expect(lines.slice(2).every(line => line.startsWith(`${out}:`))).toBe(true);
		const check = await run(['check', out]);
		expect(check.stdout).not.toMatch(/": (?!warning)/);
	});

	it('what it cannot convert is kept as text, with a warning naming the line, and exit 1', async ({expect}) => {
		const result = await run(['convert', file('unknown.rst'), '-o', file('unknown.md')]);
		expect(result.status).toBe(1);
		expect(linesOf(result.stderr)).toEqual([
			`lectern: ${file('unknown.rst')}:4: warning: directive "toctree::" is not converted: kept as a text block`,
		]);
		expect(fs.readFileSync(file('unknown.md'), 'utf8')).toContain('```text\n.. toctree::\n\n   intro\n```');
	});

	it.for(['self.rst', 'self-link.md', './self.rst'])(
		'refuses to overwrite its input, by any path (%s), and leaves it untouched',
		async (output, {expect}) => {
			const input = file('self.rst');
			expectOneLineError(await run(['convert', input, '-o', path.join(dir, output)]), /-o is the input file/);
			expect(fs.readFileSync(input, 'utf8')).toBe(small);
		},
	);

	it.for([
		[['convert', 'missing.rst'], /no such file/],
		[['convert', 'bad.rst', '-o', 'bad.md'], /not valid UTF-8 \(bad byte at offset 6\)/],
		[['convert', 'empty.rst'], /is empty/],
		[['convert', lecture, '--max-size', '0.01'], /--max-size 0\.01: expected a size in MiB, a whole number from 1 to 1024/],
		[['convert', 'large.rst', '--max-size', '1'], /is 1\.\d MiB, over the 1\.0 MiB limit/],
		[['convert', 'small.rst', '-o', 'no-such-dir/x.md'], /folder does not exist: nothing was written/],
		[['convert', 'small.rst', '-o', '.'], /is a directory/],
		[['convert'], /Not enough non-option arguments/],
	] as const)('bad input or output is one line and exit 2: %s', async ([args, pattern], {expect}) => {
		const inDir = args.map((arg, index) =>
			index === 0 || arg.startsWith('-') || arg.startsWith('test/') || /^\d/.test(arg) ? arg : file(arg),
		);
		expectOneLineError(await run(inDir), pattern);
		expect(fs.existsSync(file('bad.md'))).toBe(false);
	});

	it('keeps the text exact in a file or a pipe, and shows control bytes as stand-ins on a terminal', async ({expect}) => {
		const piped = await run(['convert', file('escape.rst')]);
		expect(piped.stdout).toContain('Bell \u0007 and \u001B\\[31mred\u001B\\[0m text.');
		// The tests of this block run at once, so the session is closed after all of them
		// (afterAll): an afterEach(closeAll), run when another test ended, killed it if it was
		// still running (a failure seen once in a full suite, not in 400 runs of this file).
		const session = await startLectern(['convert', file('escape.rst')], {cols: 100, rows: 20});
		await session.exited();
		expect(session.raw()).not.toMatch(/[\p{Cc}]\[3/u);
		expect(session.screen()).toContain('Bell ␇ and ␛\\[31mred␛\\[0m text.');
	});
});
