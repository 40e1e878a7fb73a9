// `lectern export` through the real binary: the guide's page and Markdown handout match their
// golden files (UPDATE_GOLDEN=1 rewrites them), bad input ends in one line and exit 2, and
// hostile decks (the corpus of test/support/hostile-corpus.ts and HTML-specific ones here)
// never get markup, a script, an event handler or a javascript: URL into the page.
import {spawn} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {pageScript} from '../../src/export/page-script.js';
import {pageStyle} from '../../src/export/page-style.js';
import {thisHost} from '../../src/temp-names.js';
import {hostileDecks, tinySlideDecks, type HostileDeck} from '../support/hostile-corpus.js';
import {describeRun, lecternBin, linesOf, repoRoot, runLectern, stackFrame, tempDir, type RunResult} from './cli-helpers.js';
import {defined} from '../support/defined.js';

const update = process.env['UPDATE_GOLDEN'] === '1';
const fixtures = path.join(repoRoot, 'test', 'fixtures', 'export');
const slow = {timeout: 120_000};

let dir: string;
let removeDir: () => void;
beforeAll(() => {
	({dir, remove: removeDir} = tempDir('lectern-export-'));
});
afterAll(() => removeDir());

function golden(name: string, actual: string): void {
	const file = path.join(fixtures, name);
	if (update || !fs.existsSync(file)) {
		fs.mkdirSync(fixtures, {recursive: true});
		fs.writeFileSync(file, actual);
	}

	expect(actual).toBe(fs.readFileSync(file, 'utf8'));
}

function expectOneLineError(result: RunResult, what: string): string {
	expect(result.timedOut, what).toBe(false);
	expect(result.status, what).toBe(2);
	expect(result.stdout, what).toBe('');
	expect(result.stderr, what).not.toMatch(stackFrame);
	const lines = linesOf(result.stderr);
	expect(lines, what).toHaveLength(1);
	expect(lines[0], what).toMatch(/^lectern: \P{Cc}*$/u);
	return defined(lines[0]);
}

describe('lectern export', slow, () => {
	it('writes the guide as a page and as Markdown that match their golden files', async () => {
		const html = await runLectern(['export', 'decks/guide.md', '-o', '-']);
		expect(html.status, describeRun(['export'], html)).toBe(0);
		golden('guide.html', html.stdout);
		const md = await runLectern(['export', 'decks/guide.md', '--format', 'md', '-o', '-']);
		expect(md.status, describeRun(['export', '--format', 'md'], md)).toBe(0);
		golden('guide.md', md.stdout);
	});

	it("writes the guide through the terminal's two writers too: plain print and ANSI print match their golden files", async () => {
		// The third and fourth outputs of the one layout (issue 14): runs written as plain text for a
		// pipe and as SGR-styled text for a colour terminal, both at 80 columns.
		const plain = await runLectern(['print', 'decks/guide.md', '--width', '80']);
		expect(plain.status, describeRun(['print'], plain)).toBe(0);
		golden('guide.print.txt', plain.stdout);
		const ansi = await runLectern(['print', 'decks/guide.md', '--width', '80'], {env: {FORCE_COLOR: '3'}});
		expect(ansi.status, describeRun(['print', 'FORCE_COLOR=3'], ansi)).toBe(0);
		expect(ansi.stdout).toContain('\u001B[');
		golden('guide.print.ansi.txt', ansi.stdout);
	});

	it("numbers slides as search does: a search hit deck.md:N is the page's #N", async () => {
		const [search, page] = await Promise.all([
			runLectern(['search', 'fenced div', 'decks/guide.md', '--json']),
			runLectern(['export', 'decks/guide.md', '-o', '-']),
		]);
		const hit = JSON.parse(defined(linesOf(search.stdout)[0])) as {slide: number; title: string};
		const section = page.stdout.slice(page.stdout.indexOf(`<section id="${hit.slide}"`));
		expect(section.slice(0, section.indexOf('</section>'))).toContain(`<h3>${hit.title}</h3>`);
	});

	it('writes next to the deck by default and says what it wrote', async () => {
		const deck = path.join(dir, 'talk.md');
		fs.writeFileSync(deck, '# One\n\nfirst\n\n---\n\n# Two\n\n<!-- notes: said aloud -->\n');
		const html = await runLectern(['export', deck]);
		expect(html.stdout).toBe(`exported ${deck} → ${path.join(dir, 'talk.html')}: 2 slides, 1 with notes\n`);
		expect(fs.readFileSync(path.join(dir, 'talk.html'), 'utf8')).toContain('said aloud');
		const md = await runLectern(['export', deck, '--format', 'md']);
		expect(md.status).toBe(0);
		expect(fs.readFileSync(path.join(dir, 'talk.handout.md'), 'utf8')).toContain('said aloud');
		const none = await runLectern(['export', deck, '--no-notes', '-o', '-']);
		expect(none.stdout).not.toContain('said aloud');
		const folded = await runLectern(['export', deck, '--notes', 'collapsed', '-o', '-']);
		expect(folded.stdout).toContain('<details class="notes"><summary>Notes</summary>');
	});

	it('--output - writes to stdout as -o - does (the help says "- for stdout")', async () => {
		const deck = path.join(dir, 'long-output.md');
		fs.writeFileSync(deck, '# One\n\nfirst\n');
		const [short, long] = await Promise.all([runLectern(['export', deck, '-o', '-']), runLectern(['export', deck, '--output', '-'])]);
		expect(long.status, describeRun(['export', '--output', '-'], long)).toBe(0);
		expect(long.stdout).toContain('<!doctype html>');
		expect(long.stdout).toBe(short.stdout);
	});

	it.for([
		{args: ['export', 'no-such-deck.md', '-o', '-'], message: /no-such-deck\.md/},
		{args: ['export', 'decks/'], message: /decks\/: .*director/},
		{args: ['export', 'decks/guide.md', '--format', 'pdf'], message: /--format pdf: expected one of html, md/},
		{args: ['export', 'decks/guide.md', '--notes', 'sideways'], message: /--notes sideways: expected one of open, collapsed/},
		{args: ['export', 'decks/guide.md', '-o', 'decks/guide.md'], message: /-o is the input file/},
		{args: ['export', 'decks/guide.md', '-o', 'no/such/folder/x.html'], message: /its folder does not exist: nothing was written/},
		{args: ['export', 'decks/guide.md', '--output'], message: /Not enough arguments following: output/},
	])('$args: one line, exit 2', async ({args, message}) => {
		const result = await runLectern(args);
		expect(expectOneLineError(result, describeRun(args, result))).toMatch(message);
	});
});

/** Our page's markup: every tag and attribute the writer itself makes. */
const tags = new Set(
	'html head meta title style body header h1 h2 h3 h4 h5 h6 p nav ol ul li details summary a span div input main section aside pre code strong em s u kbd mark br hr table thead tbody tr th td blockquote footer script'.split(
		' ',
	),
);
const attributes = new Set(
	'lang charset http-equiv content name class id href rel hidden type aria-label aria-live placeholder autocomplete start data-lang'.split(
		' ',
	),
);

/** Everything in a page that is not ours: unknown tags or attributes, other scripts, unsafe links, raw controls. */
function pageOffences(page: string): string[] {
	const offences: string[] = [];
	const scripts = page.split('<script>');
	if (scripts.length !== 2 || !page.includes(`<script>${pageScript}</script>`)) offences.push('a script other than ours');
	// Ours are checked as a whole above; what they hold is not markup.
	const markup = page.replace(`<script>${pageScript}</script>`, '').replace(`<style>${pageStyle}</style>`, '');
	for (const match of markup.matchAll(/<\/?([A-Za-z][\w-]*)([^>]*)>/g)) {
		const [tag, name, rest] = match as unknown as [string, string, string];
		if (!tags.has(name.toLowerCase())) offences.push(`tag ${tag}`);
		for (const attribute of rest.matchAll(/([^\s=/]+)(?:="([^"]*)")?/g)) {
			const [, key, value] = attribute as unknown as [string, string, string | undefined];
			if (!attributes.has(key.toLowerCase())) offences.push(`attribute ${key} in ${tag}`);
			if (key === 'href' && !/^(?:#\d+|https?:\/\/[^\s"<>]+|mailto:[^\s"<>]+)$/i.test(value ?? '')) offences.push(`href ${value}`);
		}
	}

	if (/javascript:/i.test(markup.replace(/>[^<]*</g, '><'))) offences.push('javascript: inside a tag');
	if (/<(?:script|iframe|img|svg|object|embed|form|link|base)\b/i.test(markup)) offences.push('a tag from the deck');
	if (/\son\w+\s*=/i.test(markup.replace(/>[^<]*</g, '><'))) offences.push('an event handler attribute');
	for (const match of page.matchAll(/[\p{Cc}--[\t\n]]/gv)) offences.push(`raw U+${defined(match[0].codePointAt(0)).toString(16)}`);
	return offences;
}

/** Decks that aim at a browser rather than a terminal; each has a canary that must show as text. */
const htmlDecks: readonly HostileDeck[] = [
	['script-block', '# Script\n\n<script>alert("CANARY-SCRIPT")</script>\n'],
	['script-inline', '# Inline\n\nbefore <script>alert(1)</script> CANARY-INLINE-SCRIPT\n'],
	['img-onerror', '# Img\n\n<img src=x onerror="alert(1)"> CANARY-IMG\n\n<div onclick="x()">CANARY-DIV</div>\n'],
	[
		'links',
		'# Links\n\n[CANARY-JS](javascript:alert(1)) [data](data:text/html,x) [vb](VBScript:x) <javascript:alert(2)>\n\n[ref][r]\n\n[r]: jaVaScRiPt:alert(3)\n',
	],
	['link-quote', '# Quote\n\n[CANARY-QUOTE](https://example.org/"onmouseover="alert(1) "title\\" onclick=\\"x")\n'],
	['image', '# Image\n\n![CANARY-IMAGE" onerror="x](javascript:alert(1))\n'],
	['fence-info', '# Fence\n\n```"><script>alert(1)</script>\nCANARY-FENCE\n```\n'],
	['entities', '# Entities\n\n&lt;script&gt;alert(1)&lt;/script&gt; &#60;img src=x onerror=alert(1)&#62; CANARY-ENTITIES\n'],
	['table-html', '# Table\n\n| a | b |\n|---|---|\n| <iframe src="https://example.org"></iframe> | CANARY-TABLE |\n'],
	['notes-html', '# Notes\n\nbody\n\n<!-- notes: <script>alert(1)</script> CANARY-NOTES -->\n'],
	[
		'front-matter',
		'---\ntitle: "</title><script>alert(1)</script>CANARY-FRONT"\nauthor: "<img src=x onerror=alert(1)>"\n---\n\n# Slide\n\ntext\n',
	],
	['heading-html', '# <span onclick="x()">CANARY-HEADING</span> <style>body{display:none}</style>\n'],
	['svg', '# Svg\n\n<svg><a xlink:href="javascript:alert(1)"><text>CANARY-SVG</text></a></svg>\n'],
	['quiz', '# Quiz\n\n```quiz\n<b onmouseover=x>CANARY-QUIZ</b>?\n- [x] <script>1</script>\n- [ ] two\n> <img src=x onerror=y>\n```\n'],
].map(([name, content]) => ({
	name: `html-${name}`,
	content: defined(content),
	canary: defined(/CANARY-[A-Z-]+/.exec(defined(content)))[0],
	expect: 'render' as const,
}));

/** A page must be text only (see pageOffences); its Markdown must hold no raw control either. */
async function expectSafeExport(file: string, canaries: readonly string[], what: string): Promise<void> {
	const args = ['export', file, '-o', '-'];
	const result = await runLectern(args, {timeout: 60_000});
	const described = `${what}: ${describeRun(args, result)}`;
	expect(result.status, described).toBe(0);
	expect(result.stderr, described).toBe('');
	expect(pageOffences(result.stdout), described).toEqual([]);
	for (const canary of canaries) expect(result.stdout, `${what}: ${canary}`).toContain(canary);
	const md = await runLectern(['export', file, '--format', 'md', '-o', '-'], {timeout: 60_000});
	expect(md.status, what).toBe(0);
	expect(md.stdout.match(/[\p{Cc}--[\t\n]]/gv) ?? [], `${what}: md`).toEqual([]);
	for (const canary of canaries) expect(md.stdout, `${what}: md ${canary}`).toContain(canary);
}

describe('hostile decks through export', slow, () => {
	// The decks of 100,000 tiny slides and more are exported one at a time, below.
	const tiny = new Set(tinySlideDecks.map(deck => deck.name));
	const corpus = hostileDecks().filter(deck => deck.name !== 'slides-100000' && !tiny.has(deck.name));
	// The one-slide payload decks are joined into one deck, as in hostile.test.ts: one export shows them all.
	const firstBadFile = corpus.findIndex(deck => deck.name === 'empty');
	const joined = corpus.slice(0, firstBadFile).filter(deck => !deck.name.startsWith('front-matter-title-'));
	const single = corpus.filter(deck => !joined.includes(deck));
	const text = (deck: HostileDeck) => (typeof deck.content === 'string' ? deck.content : '');

	it('the payload decks, joined: every payload shown as text', async () => {
		const file = path.join(dir, 'joined.md');
		fs.writeFileSync(file, `${joined.map(deck => text(deck).trimEnd()).join('\n\n---\n\n')}\n`);
		await expectSafeExport(
			file,
			joined.flatMap(deck => (deck.canary === null ? [] : [deck.canary])),
			'joined payloads',
		);
	});

	it('the decks aimed at a browser: markup, scripts, handlers and javascript: links shown as text', async () => {
		// One deck of the one-slide cases, and the front matter case on its own.
		const [withFrontMatter, slides] = [
			htmlDecks.filter(deck => text(deck).startsWith('---')),
			htmlDecks.filter(deck => !text(deck).startsWith('---')),
		];
		const file = path.join(dir, 'html-joined.md');
		fs.writeFileSync(file, `${slides.map(deck => text(deck).trimEnd()).join('\n\n---\n\n')}\n`);
		await expectSafeExport(
			file,
			slides.map(deck => defined(deck.canary)),
			'html decks, joined',
		);
		for (const deck of withFrontMatter) {
			const single = path.join(dir, `${deck.name}.md`);
			fs.writeFileSync(single, deck.content);
			await expectSafeExport(single, [defined(deck.canary)], deck.name);
		}
	});

	it.concurrent.for(single.map(deck => deck.name))('%s: text only, or one line and exit 2', async (name, {expect}) => {
		const deck = defined(single.find(each => each.name === name));
		const file = path.join(dir, `${name}.md`);
		fs.writeFileSync(file, deck.content);
		const args = ['export', file, '-o', '-'];
		const result = await runLectern(args, {timeout: 60_000});
		const what = `${name}: ${describeRun(args, result)}`;
		expect(result.timedOut, what).toBe(false);
		expect(result.stderr, what).not.toMatch(stackFrame);
		if (deck.expect === 'error') {
			expectOneLineError(result, what);
			return;
		}

		expect(result.status, what).toBe(0);
		expect(pageOffences(result.stdout), what).toEqual([]);
		// A front matter title is the page's title (and its <h1>).
		if (deck.canary !== null) expect(result.stdout, what).toContain(deck.canary);
	});
});

describe('decks of many tiny slides through export', {timeout: 240_000}, () => {
	// One at a time: each holds hundreds of thousands of slides (the page is tens of MB).
	it.for(tinySlideDecks.map(deck => deck.name))('%s: a section per slide, written in pieces', async name => {
		const tiny = defined(tinySlideDecks.find(deck => deck.name === name));
		const file = path.join(dir, `${name}.md`);
		const page = path.join(dir, `${name}.html`);
		fs.writeFileSync(file, tiny.make(tiny.full));
		const args = ['export', file, '-o', page];
		const result = await runLectern(args, {timeout: 200_000});
		expect(result.status, describeRun(args, result)).toBe(0);
		expect(result.stdout).toMatch(new RegExp(`: ${tiny.slides} slides?, 0 with notes\\n$`));
		const html = fs.readFileSync(page, 'utf8');
		expect(html.match(/<section id="/g)?.length).toBe(tiny.slides);
		expect(html.endsWith('</html>\n')).toBe(true);
		fs.rmSync(page);
	});
});

describe('export killed while writing', {timeout: 120_000}, () => {
	/** The hidden temp files beside `page` (`.name.HOST.PID.RANDOM.tmp`). */
	const tempsOf = (page: string) => fs.readdirSync(path.dirname(page)).filter(name => name.startsWith(`.${path.basename(page)}.`));

	// A signal while the page is written (its temp file exists) removes the temp file and ends
	// the export as the signal would: no hidden file left behind, and no page half-written.
	it.for(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)('%s: no temp file left, no page', async signal => {
		const deck = path.join(dir, `killed-${signal}.md`);
		const page = path.join(dir, `killed-${signal}.html`);
		fs.writeFileSync(deck, '#\n'.repeat(300_000));
		const child = spawn(process.execPath, [lecternBin, 'export', deck, '-o', page], {cwd: repoRoot, stdio: 'ignore'});
		const exited = new Promise<NodeJS.Signals | null>(resolve => child.on('exit', (_code, killedBy) => resolve(killedBy)));
		const end = Date.now() + 60_000;
		while (tempsOf(page).length === 0 && child.exitCode === null && Date.now() < end) await new Promise(resolve => setTimeout(resolve, 2));
		expect(tempsOf(page).length, 'the temp file appeared while writing').toBe(1);
		child.kill(signal);
		expect(await exited).toBe(signal);
		expect(tempsOf(page)).toEqual([]);
		expect(fs.existsSync(page)).toBe(false);
	});

	it("removes a temp file an earlier export left when it was killed outright (its process is gone), and none of a running one's", async () => {
		const deck = path.join(dir, 'orphan.md');
		const page = path.join(dir, 'orphan.html');
		fs.writeFileSync(deck, '# One\n\ntext\n');
		// No process has number 2^22 + 1 (above Linux's largest pid); this test's process is running.
		const host = thisHost();
		const orphan = path.join(dir, `.orphan.html.${host}.${2 ** 22 + 1}.0123456789ab.tmp`);
		const running = path.join(dir, `.orphan.html.${host}.${process.pid}.0123456789ab.tmp`);
		const other = path.join(dir, '.orphan.html.notes.tmp');
		// A folder shared between machines: another host's export, whose number means nothing here.
		const otherHost = host === '00000000' ? '11111111' : '00000000';
		const elsewhere = path.join(dir, `.orphan.html.${otherHost}.${2 ** 22 + 1}.0123456789ab.tmp`);
		for (const file of [orphan, running, other, elsewhere]) fs.writeFileSync(file, 'half a page');
		const result = await runLectern(['export', deck, '-o', page]);
		expect(result.status, describeRun(['export'], result)).toBe(0);
		expect(tempsOf(page).sort()).toEqual([path.basename(other), path.basename(running), path.basename(elsewhere)].sort());
		for (const file of [running, other, elsewhere]) fs.rmSync(file);
	});
});
