// The command line as a user meets it: the real binary, stdout a pipe, exit codes and the
// exact shape of what each review command prints (help, print, search, outline, check).
import fs from 'node:fs';
import path from 'node:path';
import stringWidth from 'string-width';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {describeRun, linesOf, runLectern, runShell, stackFrame, tempDir, type RunResult} from './cli-helpers.js';
import {sgr} from '../support/sgr.js';
import {defined} from '../support/defined.js';

const ESC = '\u001B';
const commands = ['present', 'study', 'print', 'search', 'outline', 'check', 'convert'];
const version = (JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {version: string}).version;

// Each fixture word lives where one test needs it, so a result's place in the list says why.
const fixtures: Readonly<Record<string, string>> = {
	// `zephyr`: in the body of slide 1, the notes of slide 2, the title of slide 3.
	'rank.md':
		'# Opening words\n\nThe zephyr blows through the body text.\n\n---\n\n# Middle slide\n\nNothing to see.\n\n<!-- notes: a zephyr hides in the notes -->\n\n---\n\n# Zephyr in the title\n\nPlain body.\n',
	// `crimson` and `falcon`: adjacent on slide 1, apart and reversed on slide 2, alone on slide 3.
	'words.md':
		'# First\n\nA crimson falcon rises.\n\n---\n\n# Second\n\nThe falcon turned crimson at dusk.\n\n---\n\n# Third\n\nOnly a falcon here.\n',
	'intl.md':
		'# Mémoire virtuelle\n\nLa mémoire est partagée entre les machines.\n\n---\n\n# Hyperviseur\n\nThe VMM traps every privileged instruction.\n',
	'wide.md': `# Wide diagram\n\n\`\`\`text\n+${'-'.repeat(150)}+\n\`\`\`\n\n<!-- notes: too wide for any terminal we check -->\n`,
	'cjk.md':
		'# 日本語のタイトルはとても長いです日本語のタイトルはとても長いです\n\n本文も日本語で書かれています。本文も日本語で書かれています。 👩‍👩‍👧 🇫🇷\n\n| 列 | 説明 |\n|---|---|\n| 日本語日本語日本語日本語 | 説明説明説明説明説明説明説明説明説明説明 |\n\n<!-- notes: ノートも日本語で書かれていますノートも日本語で書かれています -->\n',
	'tree/top.md': '# Top\n\nA quokka at the top.\n',
	'tree/sub/deep/bottom.md': '# Bottom\n\nA quokka deep down.\n',
	'tree/sub/plain.txt': 'a quokka in a text file is not a deck\n',
	'tree/sub/none.md': '# None\n\nNothing here.\n',
	// A folder whose first deck (by name) cannot be read: outline goes on to the next one, as search and check do.
	'mixed/a-broken.md': '---\ntitle: [unclosed\n---\n# Broken\n',
	'mixed/b-good.md': '# Good one\n\nText.\n',
};

let fixtureDir: string;
let removeFixtures: () => void;
const fixture = (name: string) => path.join(fixtureDir, name);

beforeAll(() => {
	({dir: fixtureDir, remove: removeFixtures} = tempDir('lectern-cli-'));
	for (const [name, content] of Object.entries(fixtures)) {
		fs.mkdirSync(path.dirname(fixture(name)), {recursive: true});
		fs.writeFileSync(fixture(name), content);
	}
});

afterAll(() => removeFixtures());

/** A one-line error: given status, nothing on stdout, one `lectern:` line, no stack, no raw controls. */
function expectOneLineError(result: RunResult, args: readonly string[], status = 2): string {
	const where = describeRun(args, result);
	expect(result.timedOut, where).toBe(false);
	expect(result.status, where).toBe(status);
	expect(result.stdout, where).toBe('');
	const lines = linesOf(result.stderr);
	expect(lines, where).toHaveLength(1);
	expect(lines[0], where).toMatch(/^lectern: /);
	expect(result.stderr, where).not.toMatch(stackFrame);
	expect(lines[0], where).not.toMatch(/\p{Cc}/u);
	return defined(lines[0]);
}

async function run(args: readonly string[], env?: Readonly<Record<string, string | undefined>>): Promise<RunResult> {
	const result = await runLectern(args, env === undefined ? {} : {env});
	expect(result.timedOut, describeRun(args, result)).toBe(false);
	return result;
}

const flat = (text: string) => text.replaceAll(/\s+/g, ' ');

describe.concurrent('help, version and usage errors', () => {
	it('--help lists every command and exits 0', async ({expect}) => {
		const result = await run(['--help']);
		expect(result.status).toBe(0);
		for (const command of commands) expect(result.stdout).toMatch(new RegExp(`^\\s+lectern ${command}\\b`, 'm'));
		expect(result.stderr).toBe('');
	});

	it('--version prints the package version', async ({expect}) => {
		const result = await run(['--version']);
		expect(result.status).toBe(0);
		expect(result.stdout.trim()).toBe(version);
	});

	it('an unknown option is one line on stderr and exit 2', async ({expect}) => {
		const line = expectOneLineError(await run(['--bogus']), ['--bogus']);
		expect(line).toContain('bogus');
	});

	it('a command without its required argument is a usage error', async () => {
		expectOneLineError(await run(['search']), ['search']);
		expectOneLineError(await run(['print']), ['print']);
	});

	it('presenting without a terminal says what to run instead', async ({expect}) => {
		const line = expectOneLineError(await run(['present', 'decks/guide.md']), ['present']);
		expect(line).toContain('lectern print');
	});
});

describe.concurrent('print', () => {
	it('writes every slide with a numbered separator, notes included, and no escapes when piped', async ({expect}) => {
		const result = await run(['print', 'decks/guide.md']);
		expect(result.status).toBe(0);
		expect(result.stderr).toBe('');
		expect(result.stdout).not.toContain(ESC);
		const separators = linesOf(result.stdout).filter(line => /^── \d+\/\d+/.test(line));
		expect(
			separators.map(line =>
				defined(/^── (\d+)\/(\d+)/.exec(line))
					.slice(1, 3)
					.join('/'),
			),
		).toEqual(Array.from({length: 28}, (_, i) => `${i + 1}/28`));
		expect(separators[0]).toMatch(/^── 1\/28 · Lectern ─+$/);
		expect(flat(result.stdout)).toContain('Welcome! You are reading the speaker notes.');
	});

	it("opens with the deck's title, author and date from the front matter", async ({expect}) => {
		const result = await run(['print', 'decks/guide.md', '--slides', '2']);
		expect(result.status).toBe(0);
		expect(linesOf(result.stdout).slice(0, 4)).toEqual([
			'Lectern — a guide',
			'The Lectern developers · 2026-11-25',
			'',
			expect.stringMatching(/^── 2\/\d+ /),
		]);
	});

	it('takes its colours from the front matter theme: light or dark, auto from COLORFGBG', async ({expect}) => {
		const deck = fixture('themed.md');
		const title = async (theme: string, env: Record<string, string> = {}) => {
			fs.writeFileSync(deck, `---\ntitle: Themed\ntheme: ${theme}\n---\n\n# Slide\n`);
			return linesOf((await run(['print', deck], {FORCE_COLOR: '1', ...env})).stdout)[0];
		};

		expect(await title('dark', {COLORFGBG: '0;15'})).toBe(`${ESC}[36mThemed${ESC}[39m`);
		expect(await title('light')).toBe(`${ESC}[34mThemed${ESC}[39m`);
		expect(await title('auto', {COLORFGBG: '0;15'})).toBe(`${ESC}[34mThemed${ESC}[39m`);
		expect(await title('auto', {COLORFGBG: '15;0'})).toBe(`${ESC}[36mThemed${ESC}[39m`);
	});

	it('--no-notes leaves the speaker notes out', async ({expect}) => {
		const result = await run(['print', 'decks/guide.md', '--no-notes']);
		expect(result.status).toBe(0);
		expect(flat(result.stdout)).not.toContain('You are reading the speaker notes');
		expect(flat(result.stdout)).toContain('A terminal lecture presenter');
	});

	it.for([
		['decks/guide.md', 60],
		['decks/virtualization.md', 60],
		['decks/virtualization.md', 40],
		['cjk.md', 30],
	] as const)('%s --width %i: no line is wider, and clipping adds no escapes', async ([deck, width], {expect}) => {
		const file = deck.startsWith('decks/') ? deck : fixture(deck);
		const result = await run(['print', file, '--width', String(width)]);
		expect(result.status).toBe(0);
		expect(result.stdout).not.toContain(ESC);
		const over = linesOf(result.stdout).filter(line => stringWidth(line) > width);
		expect(over).toEqual([]);
	});

	it('colours only when forced, and NO_COLOR wins over FORCE_COLOR', async ({expect}) => {
		const forced = await run(['print', 'decks/guide.md'], {FORCE_COLOR: '3'});
		expect(forced.status).toBe(0);
		expect(forced.stdout).toMatch(sgr);
		const noColor = await run(['print', 'decks/guide.md'], {FORCE_COLOR: '3', NO_COLOR: '1'});
		expect(noColor.status).toBe(0);
		expect(noColor.stdout).not.toContain(ESC);
		expect(noColor.stdout).toBe((await run(['print', 'decks/guide.md'])).stdout);
	});

	it('highlights code in colour as the presenter does, and leaves it plain when piped', async ({expect}) => {
		const {dir, remove} = tempDir('lectern-print-code-');
		try {
			const deck = path.join(dir, 'code.md');
			fs.writeFileSync(deck, '## T\n\n```python\ndef f(x):\n    return "s"\n```\n');
			const forced = await run(['print', deck], {FORCE_COLOR: '3'});
			// The keyword and the string each get a colour of their own.
			const styled = new RegExp(`${sgr.source}def${sgr.source} f\\(x\\):\\n +${sgr.source}return${sgr.source} ${sgr.source}"s"`);
			expect(forced.stdout).toMatch(styled);
			expect((await run(['print', deck])).stdout).toContain('  def f(x):\n      return "s"');
		} finally {
			remove();
		}
	});

	it('uses ASCII rules when the locale is not UTF-8', async ({expect}) => {
		const result = await run(['print', 'decks/guide.md'], {LANG: 'C'});
		expect(result.status).toBe(0);
		expect(linesOf(result.stdout).slice(1, 4)).toEqual([
			'The Lectern developers - 2026-11-25',
			'',
			expect.stringMatching(/^-- 1\/\d+ - Lectern -+$/),
		]);
	});

	it('writes a large deck completely into a pipe', async ({expect}) => {
		// A shell pipe holds 64 KiB; leaving before it drains would cut the deck short.
		const [direct, piped] = await Promise.all([
			run(['print', 'decks/virtualization.md']),
			runShell('lectern print decks/virtualization.md | cat'),
		]);
		expect(piped.timedOut).toBe(false);
		expect(piped.status).toBe(0);
		expect(Buffer.byteLength(direct.stdout)).toBeGreaterThan(64 * 1024);
		expect(direct.stdout).toMatch(/^── (\d+)\/\1 /m);
		expect(Buffer.byteLength(piped.stdout)).toBe(Buffer.byteLength(direct.stdout));
		expect(piped.stdout).toBe(direct.stdout);
	});

	it('a missing deck is one line and exit 2', async () => {
		expectOneLineError(await run(['print', fixture('nope.md')]), ['print', 'nope.md']);
	});

	// /dev/full fails every write, an empty one too: a command with nothing to say must not write at all.
	it.skipIf(!fs.existsSync('/dev/full'))(
		'stdout that fails every write: nothing to write is no error, output is one line and exit 1',
		async ({expect}) => {
			const [clean, printed] = await Promise.all([
				runShell('lectern check decks/guide.md > /dev/full'),
				runShell('lectern print decks/guide.md > /dev/full'),
			]);
			expect(clean.status, clean.stderr).toBe(0);
			expect(clean.stderr).toBe('');
			expect(printed.status).toBe(1);
			expect(linesOf(printed.stderr)).toEqual([expect.stringMatching(/^lectern: .*ENOSPC/)]);
		},
	);
});

describe.concurrent('a deck named -', () => {
	// yargs made a lone - an empty name (print: "lectern: : no such file") or dropped it from a
	// list (outline and search then read the bundled decks).
	it.for<{args: string[]}>([
		{args: ['-']},
		{args: ['study', '-']},
		{args: ['print', '-']},
		{args: ['print', '--', '-']},
		{args: ['export', '-']},
		{args: ['convert', '-']},
		{args: ['check', '-']},
		{args: ['outline', '-']},
		{args: ['outline', 'decks/guide.md', '-']},
		{args: ['search', 'memory', '-']},
		{args: ['search', '--max-size', '2', 'memory', '-']},
	])('$args is one line saying decks are files, and exit 2', async ({args}, {expect}) => {
		const line = expectOneLineError(await run(args), args);
		expect(line).toBe('lectern: -: a deck is read from a file, not from standard input: give its path (a file named - is ./-)');
	});

	it('- is still an option value (export -o -, --output -) and a search query', async ({expect}) => {
		for (const args of [
			['export', 'decks/guide.md', '-o', '-'],
			['export', 'decks/guide.md', '--output', '-'],
		]) {
			const result = await run(args);
			expect(result.status, describeRun(args, result)).toBe(0);
			expect(result.stdout).toContain('<!doctype html>');
		}

		const query = await run(['search', '-', 'decks/guide.md']);
		expect(query.stderr).not.toContain('standard input');
	});
});

describe.concurrent('numbers on the command line', () => {
	it.for<[string[], string]>([
		[['decks/guide.md', '--slide', 'abc'], '--slide abc: expected a slide number, a whole number from 1 to 10000000'],
		[['decks/guide.md', '--slide', '1.5'], '--slide 1.5: expected a slide number'],
		[['study', 'decks/guide.md', '--slide=0'], '--slide 0: expected a slide number'],
		[['decks/guide.md', '--max-size', 'abc'], '--max-size abc: expected a size in MiB, a whole number from 1 to 1024'],
		[['search', 'x', '--max-size', '-1'], '--max-size -1: expected a size in MiB'],
		[['outline', '--max-size', '1e3'], '--max-size 1e3: expected a size in MiB'],
		[['print', 'decks/guide.md', '--width', '1e9'], '--width 1e9: expected a width in columns, a whole number from 20 to 1000'],
		[['print', 'decks/guide.md', '--width', 'Infinity'], '--width Infinity: expected a width in columns'],
		[['print', 'decks/guide.md', '--width', 'abc'], '--width abc: expected a width in columns'],
		[['print', 'decks/guide.md', '--width', '0'], '--width 0: expected a width in columns'],
		[['print', 'decks/guide.md', '--width=-5'], '--width -5: expected a width in columns'],
		[['print', 'decks/guide.md', '--width', '100000'], '--width 100000: expected a width in columns'],
	])('%j is one usage line and exit 2', async ([args, message], {expect}) => {
		const line = expectOneLineError(await run(args), args);
		expect(line).toContain(`lectern: ${message}`);
	});

	it('print deck.md:N prints slide N alone', async ({expect}) => {
		const result = await run(['print', 'decks/guide.md:5']);
		expect(result.status).toBe(0);
		const separators = linesOf(result.stdout).filter(line => /^── \d+\/\d+/.test(line));
		expect(separators).toHaveLength(1);
		expect(separators[0]).toMatch(/^── 5\/\d+ /);
		expectOneLineError(await run(['print', 'decks/guide.md:999']), ['print', 'decks/guide.md:999']);
	});

	it.for<[string, number[]]>([
		['3-7', [3, 4, 5, 6, 7]],
		['3', [3]],
		['25-', [25, 26, 27, 28]],
		['1,4-6', [1, 4, 5, 6]],
	])('print --slides %s prints those slides, in deck order', async ([list, numbers], {expect}) => {
		const result = await run(['print', 'decks/guide.md', '--slides', list]);
		expect(result.status).toBe(0);
		const printed = linesOf(result.stdout)
			.flatMap(line => /^── (\d+)\/28 /.exec(line)?.[1] ?? [])
			.map(Number);
		expect(printed).toEqual(numbers);
	});

	it('print --slides past the end, backwards or with deck.md:N is a usage error', async ({expect}) => {
		expect(expectOneLineError(await run(['print', 'decks/guide.md', '--slides', '20-99']), ['--slides', '20-99'])).toContain(
			'the deck has 28 slides',
		);
		expectOneLineError(await run(['print', 'decks/guide.md', '--slides', '7-3']), ['--slides', '7-3']);
		expectOneLineError(await run(['print', 'decks/guide.md:2', '--slides', '3']), ['deck.md:2', '--slides']);
	});
});

const headingLine = /^(.+):(\d+) {2}(\S.*)$/;

type JsonHit = {
	deck: string;
	slide: number;
	location: string;
	title: string;
	section: string | null;
	snippets: Array<{field: string; text: string; ranges: Array<[number, number]>}>;
};
const jsonHits = (result: RunResult) => linesOf(result.stdout).map(line => JSON.parse(line) as JsonHit);
const slidesOf = (result: RunResult) =>
	linesOf(result.stdout)
		.filter(line => !line.startsWith(' '))
		.map(line => Number(headingLine.exec(line)?.[2]));
const fold = (text: string) =>
	text
		.normalize('NFKD')
		.replaceAll(/\p{Mn}/gu, '')
		.toLowerCase();

describe.concurrent('search', () => {
	it('prints grep-like heading lines with Section › Title, then indented snippets', async ({expect}) => {
		const result = await run(['search', 'shadow page', 'decks/virtualization.md']);
		expect(result.status).toBe(0);
		expect(result.stderr).toBe('');
		expect(result.stdout).not.toContain(ESC);
		const lines = linesOf(result.stdout);
		expect(lines.length).toBeGreaterThan(1);
		expect(lines[0]).toMatch(/^decks\/virtualization\.md:\d+ {2}\S.* › \S.*$/);
		const outline = JSON.parse((await run(['outline', 'decks/virtualization.md', '--json'])).stdout) as {
			slides: Array<{slide: number; title: string; section: string | null}>;
		};
		for (const line of lines) {
			if (line.startsWith(' ')) {
				expect(line).toMatch(/^ {4}\S/);
				continue;
			}

			const [, deck, slide, crumbs] = headingLine.exec(line) ?? [];
			expect(deck, line).toBe('decks/virtualization.md');
			const entry = defined(outline.slides[Number(slide) - 1]);
			expect(crumbs).toBe([entry.section, entry.title].filter(Boolean).join(' › '));
		}
	});

	it('ranks title matches before body, body before notes', async ({expect}) => {
		const result = await run(['search', 'zephyr', fixture('rank.md')]);
		expect(result.status).toBe(0);
		expect(slidesOf(result)).toEqual([3, 1, 2]);
		expect(result.stdout).toMatch(/^ {4}notes: .*zephyr/m);
	});

	it('--no-notes leaves out matches found only in the notes', async ({expect}) => {
		const result = await run(['search', 'zephyr', fixture('rank.md'), '--no-notes']);
		expect(result.status).toBe(0);
		expect(slidesOf(result)).toEqual([3, 1]);
	});

	it('ANDs words in any order; a "quoted phrase" must be adjacent', async ({expect}) => {
		const words = await run(['search', 'falcon crimson', fixture('words.md')]);
		expect(words.status).toBe(0);
		expect(slidesOf(words).sort()).toEqual([1, 2]);
		const phrase = await run(['search', '"crimson falcon"', fixture('words.md')]);
		expect(phrase.status).toBe(0);
		expect(slidesOf(phrase)).toEqual([1]);
	});

	it('ignores accents and width forms, and maps ranges back onto the original text', async ({expect}) => {
		const accents = await run(['search', 'memoire', fixture('intl.md'), '--json']);
		expect(accents.status).toBe(0);
		const [hit] = jsonHits(accents);
		expect(hit?.slide).toBe(1);
		const matched = defined(hit).snippets.flatMap(snippet => snippet.ranges.map(([start, end]) => snippet.text.slice(start, end)));
		expect(matched.length).toBeGreaterThan(0);
		for (const text of matched) expect(fold(text)).toBe('memoire');
		expect(matched.some(text => text.includes('é'))).toBe(true);
		const fullwidth = await run(['search', 'ＶＭＭ', fixture('intl.md')]);
		expect(fullwidth.status).toBe(0);
		expect(slidesOf(fullwidth)).toEqual([2]);
	});

	it('--json writes one object per slide with its location and match ranges', async ({expect}) => {
		const file = fixture('rank.md');
		const result = await run(['search', 'zephyr', file, '--json']);
		expect(result.status).toBe(0);
		const hits = jsonHits(result);
		expect(hits.map(hit => hit.slide)).toEqual([3, 1, 2]);
		for (const hit of hits) {
			expect(hit).toMatchObject({deck: file, location: `${file}:${hit.slide}`});
			expect(typeof hit.title).toBe('string');
			expect(hit.snippets.length).toBeGreaterThan(0);
			for (const snippet of hit.snippets) {
				expect(['title', 'body', 'notes']).toContain(snippet.field);
				for (const [start, end] of snippet.ranges) {
					expect(0 <= start && start < end && end <= snippet.text.length).toBe(true);
					expect(snippet.text.slice(start, end).toLowerCase()).toBe('zephyr');
				}
			}
		}

		expect(defined(hits[2]).snippets.map(snippet => snippet.field)).toContain('notes');
	});

	it('searches a directory recursively for *.md only; -l lists the matching decks', async ({expect}) => {
		const tree = fixture('tree');
		const result = await run(['search', 'quokka', tree]);
		expect(result.status).toBe(0);
		const decks = linesOf(result.stdout)
			.filter(line => !line.startsWith(' '))
			.map(line => headingLine.exec(line)?.[1]);
		expect(decks.sort()).toEqual([path.join(tree, 'sub/deep/bottom.md'), path.join(tree, 'top.md')]);
		const listed = await run(['search', 'quokka', tree, '-l']);
		expect(listed.status).toBe(0);
		expect(linesOf(listed.stdout).sort()).toEqual([path.join(tree, 'sub/deep/bottom.md'), path.join(tree, 'top.md')]);
		// With --json, -l still lists decks (not slides): one JSON object per deck, with its matching slides.
		const listedJson = await run(['search', 'quokka', tree, '-l', '--json']);
		expect(listedJson.status).toBe(0);
		const objects = linesOf(listedJson.stdout).map(line => JSON.parse(line) as {deck: string; slides: number[]});
		expect(objects.map(object => object.deck).sort()).toEqual([path.join(tree, 'sub/deep/bottom.md'), path.join(tree, 'top.md')]);
		for (const object of objects) {
			expect(object.slides.length).toBeGreaterThan(0);
			expect(object.slides).toEqual([...object.slides].sort((a, b) => a - b));
		}
	});

	it('with no path, searches the bundled decks', async ({expect}) => {
		const result = await run(['search', 'the', '-l']);
		expect(result.status).toBe(0);
		const listed = linesOf(result.stdout);
		expect(listed.some(line => /(^|\/)decks\/guide\.md$/.test(line))).toBe(true);
		expect(listed.some(line => /(^|\/)decks\/virtualization\.md$/.test(line))).toBe(true);
		const hits = await run(['search', 'shadow page']);
		expect(hits.status).toBe(0);
		expect(linesOf(hits.stdout)[0]).toMatch(/(^|\/)decks\/virtualization\.md:\d+ {2}/);
	});

	it('exits 1 with nothing on stdout when nothing matches', async ({expect}) => {
		const result = await run(['search', 'xylophonequartz', 'decks/guide.md']);
		expect(result.status).toBe(1);
		expect(result.stdout).toBe('');
		expect(result.stderr).toBe('');
	});

	it('an empty query is a usage error, not "nothing found"', async ({expect}) => {
		for (const query of ['', '   ', '""']) {
			const line = expectOneLineError(await run(['search', query, 'decks/guide.md']), ['search', query]);
			expect(line).toBe('lectern: the query is empty: give words to find, such as lectern search "page table"');
		}
	});

	it('exits 2 with one line for a missing path, and still searches the others', async ({expect}) => {
		const missing = fixture('missing.md');
		const line = expectOneLineError(await run(['search', 'zephyr', missing]), ['search', 'zephyr', 'missing.md']);
		expect(line).toContain(missing);
		const mixed = await run(['search', 'zephyr', missing, fixture('rank.md')]);
		expect(mixed.status).toBe(2);
		expect(linesOf(mixed.stderr)).toHaveLength(1);
		expect(slidesOf(mixed)).toEqual([3, 1, 2]);
	});

	it('colours matches only when forced', async ({expect}) => {
		const forced = await run(['search', 'zephyr', fixture('rank.md')], {FORCE_COLOR: '1'});
		expect(forced.stdout).toMatch(sgr);
		const plain = await run(['search', 'zephyr', fixture('rank.md')], {FORCE_COLOR: '1', NO_COLOR: '1'});
		expect(plain.stdout).not.toContain(ESC);
	});
});

describe.concurrent('outline', () => {
	it('prints a numbered tree: sections flush left, their slides indented', async ({expect}) => {
		const text = await run(['outline', 'decks/guide.md']);
		const json = await run(['outline', 'decks/guide.md', '--json']);
		expect(text.status).toBe(0);
		expect(json.status).toBe(0);
		const deck = JSON.parse(json.stdout) as {
			deck: string;
			title: string;
			slides: Array<{slide: number; title: string; isSection: boolean; section: string | null}>;
		};
		expect(deck.slides).toHaveLength(28);
		expect(deck.slides.map(slide => slide.slide)).toEqual(Array.from({length: 28}, (_, i) => i + 1));
		const lines = linesOf(text.stdout);
		expect(lines[0]).toBe(`decks/guide.md · ${deck.title}`);
		expect(lines).toHaveLength(29);
		for (const slide of deck.slides) {
			const indent = slide.isSection || slide.section === null ? '' : '    ';
			expect(lines[slide.slide]).toMatch(
				new RegExp(`^.\\s*${slide.slide} {2}${indent}${slide.title.replaceAll(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
			);
		}

		expect(deck.slides.some(slide => slide.isSection)).toBe(true);
		expect(lines).toContain('   2  Getting around');
		expect(lines).toContain('   3      What Lectern is');
	});

	it('with no deck, outlines the bundled decks', async ({expect}) => {
		const result = await run(['outline']);
		expect(result.status).toBe(0);
		const headers = linesOf(result.stdout).filter(line => !line.startsWith(' '));
		expect(headers.some(line => /(^|\/)decks\/guide\.md · /.test(line))).toBe(true);
		expect(headers.some(line => /(^|\/)decks\/virtualization\.md · /.test(line))).toBe(true);
	});

	it('a missing deck is one line and exit 2', async () => {
		expectOneLineError(await run(['outline', fixture('nope.md')]), ['outline', 'nope.md']);
	});

	it('a deck it cannot read is one line on stderr and exit 2, and the other decks are still outlined', async ({expect}) => {
		for (const json of [false, true]) {
			const args = ['outline', fixture('mixed'), ...(json ? ['--json'] : [])];
			const result = await run(args);
			const where = describeRun(args, result);
			expect(result.status, where).toBe(2);
			const errors = linesOf(result.stderr);
			expect(errors, where).toHaveLength(1);
			expect(errors[0], where).toMatch(/^lectern: .*a-broken\.md:2: front matter is not valid YAML/);
			expect(result.stdout, where).toContain('b-good.md');
			expect(result.stdout, where).toContain('Good one');
			expect(result.stdout, where).not.toContain('Broken');
		}
	});
});

describe.concurrent('check', () => {
	it('the bundled decks fit at 100x30 and 80x24: exit 0, no output', async ({expect}) => {
		const result = await run(['check', 'decks/guide.md', 'decks/virtualization.md', '--size', '100x30', '--size', '80x24']);
		expect(result.status, describeRun(['check'], result)).toBe(0);
		expect(result.stdout).toBe('');
		expect(result.stderr).toBe('');
	});

	it('takes --size before the decks too: each --size takes one value', async ({expect}) => {
		const result = await run(['check', '--size', '80x24', '--size', '100x30', 'decks/guide.md']);
		expect(result.status, describeRun(['check', '--size', '80x24', 'decks/guide.md'], result)).toBe(0);
		expect(result.stderr).toBe('');
	});

	it('reports a clipped diagram with file:line and exits 1', async ({expect}) => {
		const file = fixture('wide.md');
		const result = await run(['check', file, '--size', '80x24']);
		expect(result.status).toBe(1);
		expect(result.stderr).toBe('');
		expect(result.stdout).toMatch(
			new RegExp(`^${file.replaceAll(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+: slide 1 "Wide diagram": .*clipped.* \\(at 80x24\\)$`, 'm'),
		);
		const json = await run(['check', file, '--size', '80x24', '--json']);
		expect(json.status).toBe(1);
		expect(JSON.parse(json.stdout)).toEqual(
			expect.arrayContaining([expect.objectContaining({file, slide: 1, severity: 'error', size: '80x24'})]),
		);
	});

	it('exits 2 for a deck it cannot read or a size it cannot parse', async () => {
		expectOneLineError(await run(['check', fixture('nope.md')]), ['check', 'nope.md']);
		expectOneLineError(await run(['check', 'decks/guide.md', '--size', 'big']), ['check', '--size', 'big']);
	});
});
