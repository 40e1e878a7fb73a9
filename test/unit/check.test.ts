import {execFile} from 'node:child_process';
import {copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {promisify} from 'node:util';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {formatProblem, parseSize, runCheck, type CheckArgs} from '../../src/cli/commands/check.js';
import {LecternError} from '../../src/cli/errors.js';

const run = promisify(execFile);
const fixture = (name: string) => `test/fixtures/check/${name}.md`;

/** Run `check` in this process, capturing what it writes. */
async function check(decks: readonly string[], options: Partial<CheckArgs> = {}): Promise<{code: number; stdout: string; stderr: string}> {
	let stdout = '';
	let stderr = '';
	vi.spyOn(process.stdout, 'write').mockImplementation(chunk => {
		stdout += String(chunk);
		return true;
	});
	vi.spyOn(process.stderr, 'write').mockImplementation(chunk => {
		stderr += String(chunk);
		return true;
	});
	try {
		const code = await runCheck({decks, size: ['100x30'], json: false, ascii: false, maxSize: 10, ...options});
		return {code, stdout, stderr};
	} finally {
		vi.restoreAllMocks();
	}
}

afterEach(() => {
	vi.restoreAllMocks();
});

describe('lectern check', () => {
	it('lists problems in the order of the file, as a linter does', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'lectern-check-order-'));
		try {
			const deck = join(dir, 'order.md');
			const wide = `+${'-'.repeat(110)}+`;
			writeFileSync(deck, ['# A', '', '```text', wide, '```', '', '---', '', '## B', '', '```quiz', 'broken', '```', ''].join('\n'));
			const lines = (await check([deck])).stdout.trim().split('\n');
			const numbers = lines.map(line => Number(/^[^:]+:(\d+):/.exec(line)?.[1]));
			expect(lines.length).toBeGreaterThanOrEqual(4);
			expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
		} finally {
			rmSync(dir, {recursive: true, force: true});
		}
	});

	it('reports an unknown language of a fence inside a list item or a quote, once per block', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'lectern-check-nested-'));
		try {
			const deck = join(dir, 'nested.md');
			const lines = [
				'## Nested',
				'',
				'- item',
				'  ```klingon',
				'  a',
				'  ```',
				'- other',
				'  ```klingon',
				'  b',
				'  ```',
				'',
				'> ```vulcan',
				'> c',
				'> ```',
				'',
			];
			writeFileSync(deck, [...lines, '<!-- notes: n -->', ''].join('\n'));
			const out = (await check([deck])).stdout.trim().split('\n');
			expect(out).toEqual([
				`${deck}:3: slide 1 "Nested": warning: unknown fence language "klingon" (shown without highlighting)`,
				`${deck}:12: slide 1 "Nested": warning: unknown fence language "vulcan" (shown without highlighting)`,
			]);
		} finally {
			rmSync(dir, {recursive: true, force: true});
		}
	});

	it('reports every known problem of a deck, one exact line each, and exits 1', async () => {
		const result = await check([fixture('problems')]);
		expect(result.stderr).toBe('');
		// The unclosed notes comment is reported once, in the parser's words, not also as an
		// unclosed HTML comment by the scanner.
		expect(result.stdout.split('\n')).toEqual([
			'test/fixtures/check/problems.md:7: slide 1 "Wide diagram": diagram is 122 columns wide, the slide area has 96 (clipped) (at 100x30)',
			'test/fixtures/check/problems.md:15: slide 2 "Tall slide": content is 32 rows tall, the slide area has 22 (at 100x30)',
			'test/fixtures/check/problems.md:51: slide 3 "": the slide is empty',
			'test/fixtures/check/problems.md:54: slide 4 "No notes here": warning: no speaker notes',
			'test/fixtures/check/problems.md:62: slide 5 "Unknown language": warning: unknown fence language "klingon" (shown without highlighting)',
			'test/fixtures/check/problems.md:74: slide 6 "Unterminated notes": speaker notes are never closed (missing --> or :::)',
			'',
		]);
		expect(result.code).toBe(1);
	});

	it('checks at every size asked, the notes pane where it would start open', async () => {
		const result = await check([fixture('problems')], {size: ['100x30', '80x24', '200x50']});
		const sized = result.stdout.split('\n').filter(line => line.includes('(at '));
		expect(sized).toEqual([
			'test/fixtures/check/problems.md:7: slide 1 "Wide diagram": diagram is 122 columns wide, the slide area has 96 (clipped) (at 100x30)',
			'test/fixtures/check/problems.md:7: slide 1 "Wide diagram": diagram is 122 columns wide, the slide area has 76 (clipped) (at 80x24)',
			'test/fixtures/check/problems.md:15: slide 2 "Tall slide": content is 32 rows tall, the slide area has 22 (at 100x30)',
			'test/fixtures/check/problems.md:15: slide 2 "Tall slide": content is 32 rows tall, the slide area has 23 (at 80x24)',
		]);
		expect(result.code).toBe(1);
	});

	it('reports an unterminated fence at its line', async () => {
		const result = await check([fixture('unclosed-fence')]);
		expect(result.stdout).toBe('test/fixtures/check/unclosed-fence.md:5: slide 1 "Open fence": code fence ``` is never closed\n');
		expect(result.code).toBe(1);
	});

	it('a clean deck: no output, exit 0', async () => {
		expect(await check([fixture('clean')], {size: ['100x30', '80x24', '40x10']})).toEqual({code: 0, stdout: '', stderr: ''});
	});

	it('the bundled decks are clean at 100x30 and 80x24', async () => {
		expect(await check(['decks/virtualization.md', 'decks/guide.md'], {size: ['100x30', '80x24']})).toEqual({
			code: 0,
			stdout: '',
			stderr: '',
		});
	});

	it('a missing file: one line on stderr, exit 2, the other decks still checked', async () => {
		const result = await check(['test/fixtures/check/missing.md', fixture('clean')]);
		expect(result).toEqual({code: 2, stdout: '', stderr: 'lectern: test/fixtures/check/missing.md: no such file: check the path\n'});
	});

	it('invalid front matter: one line naming the file and line, exit 2', async () => {
		const result = await check([fixture('bad-front-matter')]);
		expect(result.stderr).toBe(
			'lectern: test/fixtures/check/bad-front-matter.md:2: front matter is not valid YAML: Nested mappings are not allowed in compact mappings\n',
		);
		expect(result.code).toBe(2);
	});

	it('--json writes the problems as a JSON array', async () => {
		const result = await check([fixture('unclosed-fence'), fixture('clean')], {json: true});
		expect(JSON.parse(result.stdout)).toEqual([
			{
				file: 'test/fixtures/check/unclosed-fence.md',
				line: 5,
				slide: 1,
				title: 'Open fence',
				severity: 'error',
				message: 'code fence ``` is never closed',
			},
		]);
		expect(result.code).toBe(1);
		expect(JSON.parse((await check([fixture('clean')], {json: true})).stdout)).toEqual([]);
	});

	it('--size below the minimum the presenter draws at is a usage error that names the minimum', async () => {
		await expect(check([fixture('clean')], {size: ['20x5']})).rejects.toThrow('--size 20x5: below the 40x10 the presenter needs at least');
		await expect(check([fixture('clean')], {size: ['100x30', '39x30']})).rejects.toThrow(
			'--size 39x30: below the 40x10 the presenter needs at least',
		);
		expect(parseSize('40x10')).toEqual({width: 40, height: 10});
	});

	it('warnings alone exit 0, like a linter; --strict makes them fail', async () => {
		const result = await check([fixture('warnings')]);
		expect(result.stdout).toBe('test/fixtures/check/warnings.md:1: slide 1 "Borrowed slide": warning: no speaker notes\n');
		expect(result.code).toBe(0);
		expect((await check([fixture('warnings')], {strict: true})).code).toBe(1);
		expect((await check([fixture('clean')], {strict: true})).code).toBe(0);
		expect((await check([fixture('warnings'), fixture('unclosed-fence')])).code).toBe(1);
	});

	it('checks every *.md in a directory, as search does', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'lectern-check-'));
		try {
			mkdirSync(join(dir, 'part'));
			copyFileSync(fixture('warnings'), join(dir, 'part', 'a.md'));
			copyFileSync(fixture('unclosed-fence'), join(dir, 'b.md'));
			writeFileSync(join(dir, 'notes.txt'), 'not a deck');
			const result = await check([dir]);
			expect(result.stderr).toBe('');
			expect(
				result.stdout
					.split('\n')
					.filter(Boolean)
					.map(line => line.slice(dir.length + 1).split(':')[0]),
			).toEqual(['b.md', 'part/a.md']);
			expect(result.code).toBe(1);
		} finally {
			rmSync(dir, {recursive: true, force: true});
		}
	});

	it('a malformed --size is a usage error', async () => {
		await expect(check([fixture('clean')], {size: ['wide']})).rejects.toThrow(LecternError);
		expect(() => parseSize('100 x 30')).toThrow('--size 100 x 30: expected WIDTHxHEIGHT, such as 100x30');
		expect(parseSize(' 120X40 ')).toEqual({width: 120, height: 40});
	});
});

describe('formatProblem', () => {
	it('file:line: slide N "title": severity, message, size', () => {
		expect(formatProblem({file: 'd.md', line: 3, slide: 2, title: 'T', severity: 'error', message: 'm', size: '80x24'})).toBe(
			'd.md:3: slide 2 "T": m (at 80x24)',
		);
		expect(formatProblem({file: 'd.md', line: 3, slide: 2, title: 'T', severity: 'warning', message: 'm'})).toBe(
			'd.md:3: slide 2 "T": warning: m',
		);
	});

	it('never prints a control character from a file name or title', () => {
		expect(formatProblem({file: 'e\u001B]0;x\u0007.md', line: 1, slide: 1, title: 'a\nb\u009B', severity: 'error', message: 'm'})).toBe(
			'e␛]0;x␇.md:1: slide 1 "a␤b<U+009B>": m',
		);
	});
});

describe.skipIf(!existsSync('dist'))('the built binary', () => {
	it('lectern check decks/virtualization.md decks/guide.md --size 100x30 --size 80x24: exit 0, no output', async () => {
		const result = await run(process.execPath, [
			'bin/lectern.js',
			'check',
			'decks/virtualization.md',
			'decks/guide.md',
			'--size',
			'100x30',
			'--size',
			'80x24',
		]);
		expect(result).toEqual({stdout: '', stderr: ''});
	});

	it('problems: exit 1', async () => {
		const failure = await run(process.execPath, ['bin/lectern.js', 'check', fixture('unclosed-fence')]).catch(
			(error: unknown) => error as {code: number; stdout: string; stderr: string},
		);
		expect(failure).toMatchObject({
			code: 1,
			stdout: 'test/fixtures/check/unclosed-fence.md:5: slide 1 "Open fence": code fence ``` is never closed\n',
			stderr: '',
		});
	});

	it('a missing file and a too-small --size: exit 2, one line on stderr', async () => {
		const missing = await run(process.execPath, ['bin/lectern.js', 'check', 'test/fixtures/check/missing.md']).catch(
			(error: unknown) => error as {code: number; stdout: string; stderr: string},
		);
		expect(missing).toMatchObject({code: 2, stdout: '', stderr: 'lectern: test/fixtures/check/missing.md: no such file: check the path\n'});
		const small = await run(process.execPath, ['bin/lectern.js', 'check', fixture('clean'), '--size', '20x5']).catch(
			(error: unknown) => error as {code: number; stdout: string; stderr: string},
		);
		expect(small).toMatchObject({code: 2, stdout: '', stderr: 'lectern: --size 20x5: below the 40x10 the presenter needs at least\n'});
	});

	it('check --help shows the decks as required, without a default', async () => {
		const help = await run(process.execPath, ['bin/lectern.js', 'check', '--help']);
		const decks = help.stdout.split('\n').find(line => /^\s+decks\b/.test(line));
		expect(decks).toMatch(/\[required\]/);
		expect(help.stdout).not.toContain('[default: []]');
		expect(help.stdout).toContain('--strict');
	});
});

describe('lectern check names what other presenters have and Lectern drops', () => {
	const checkText = async (text: string) => {
		const dir = mkdtempSync(join(tmpdir(), 'lectern-check-dropped-'));
		try {
			writeFileSync(join(dir, 'd.md'), text);
			return (await check([join(dir, 'd.md')])).stdout;
		} finally {
			rmSync(dir, {recursive: true, force: true});
		}
	};

	it("other presenters' front-matter settings, patat's included", async () => {
		const out = await checkText(
			'---\ntitle: T\naudience: all\npaging: "%d"\nsub_title: read by the intro\npatat:\n  incrementalLists: true\n  margins: {left: 4}\n---\n# T\n\n## S\n\nx\n<!-- notes: n -->\n',
		);
		expect(out).toContain('not supported: front matter "paging" (slides), ignored');
		expect(out).toContain('not supported: front matter "patat.margins" (patat), ignored');
		// Lectern's own keys, the ones a dialect reads and the author's own metadata are not named.
		expect(out).not.toMatch(/"title"|"sub_title"|incrementalLists|"audience"/);
	});

	it('HTML tags shown as text, in blocks and inline, each once; the tags Lectern reads are not named', async () => {
		const out = await checkText(
			'## S\n\n<div>\n<b>x</b>\n</div>\n\nan <img src="a.png"> and <b>bold</b> <img src="b.png">\n<!-- notes: n -->\n',
		);
		expect(out).toContain(':3: slide 1 "S": warning: not supported: HTML <div>, shown as text');
		expect(out.match(/HTML <img>/g)).toHaveLength(1);
		expect(out).not.toContain('HTML <b>');
	});

	it("slides' pre-processing blocks: named once, not as an unknown language", async () => {
		const out = await checkText(
			'---\npaging: x\n---\n# S\n\n~~~graph-easy --as=boxart\n[ a ] -> [ b ]\n~~~\n\n/// hidden\n<!-- notes: n -->\n',
		);
		expect(out).toContain('not supported: pre-processing with "graph-easy --as=boxart", shown as code');
		expect(out).not.toContain('unknown fence language');
	});
});
