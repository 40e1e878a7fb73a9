// `lectern export` opened in a real browser: Debian's headless Chromium (`.ci/run` installs
// it; LECTERN_CHROMIUM names another binary), driven by puppeteer-core. The page must make no
// request and break no rule of its own Content-Security-Policy, have every anchor #1…#N, draw
// each diagram's box-drawing lines at exactly one width per cell, not overflow a phone's
// 390 px except inside <pre>, print one slide per page, and read without JavaScript. The
// screenshots go to LECTERN_SCREENSHOTS (default: a temporary folder) for a person to look at.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import puppeteer, {type Browser, type Page} from 'puppeteer-core';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {describeRun, runLectern, tempDir} from './cli-helpers.js';
import {defined} from '../support/defined.js';

const chromium = process.env['LECTERN_CHROMIUM'] ?? '/usr/bin/chromium';
const shots = process.env['LECTERN_SCREENSHOTS'] ?? fs.mkdtempSync(path.join(os.tmpdir(), 'lectern-export-shots-'));
const decks = [
	{name: 'virtualization', deck: 'decks/virtualization.md'},
	{name: 'guide', deck: 'decks/guide.md'},
] as const;

let browser: Browser;
let dir: string;
let removeDir: () => void;
const exported = new Map<string, {file: string; url: string; slides: number}>();

beforeAll(async () => {
	({dir, remove: removeDir} = tempDir('lectern-export-browser-'));
	for (const {name, deck} of decks) {
		const file = path.join(dir, `${name}.html`);
		const result = await runLectern(['export', deck, '-o', file], {timeout: 60_000});
		if (result.status !== 0) throw new Error(describeRun(['export', deck, '-o', file], result));
		const slides = Number(/: (\d+) slides?,/.exec(result.stdout)?.[1]);
		exported.set(name, {file, url: pathToFileURL(file).href, slides});
	}

	// As root (CI) Chromium needs --no-sandbox; the page is our own file, opened offline.
	browser = await puppeteer.launch({
		executablePath: chromium,
		headless: true,
		args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--font-render-hinting=none'],
	});
}, 120_000);

afterAll(async () => {
	await browser?.close();
	removeDir?.();
});

type Opened = {page: Page; requests: string[]; problems: string[]};

/** A page that records every request it makes and every CSP violation and script error. */
async function open(name: string, options: {width: number; height?: number; javascript?: boolean; hash?: string}): Promise<Opened> {
	const {url} = defined(exported.get(name));
	const page = await browser.newPage();
	const requests: string[] = [];
	const problems: string[] = [];
	await page.setJavaScriptEnabled(options.javascript ?? true);
	await page.setRequestInterception(true);
	page.on('request', request => {
		const asked = request.url().replace(/#.*$/, '');
		requests.push(asked);
		// Nothing but the page itself is ever fetched, even if something asked.
		void (asked === url ? request.continue() : request.abort());
	});
	page.on('pageerror', error => problems.push(`page error: ${(error as Error).message}`));
	page.on('console', message => {
		if (message.type() === 'error' || /Content Security Policy/i.test(message.text())) problems.push(`console: ${message.text()}`);
	});
	await page.evaluateOnNewDocument(() => {
		document.addEventListener('securitypolicyviolation', event => {
			console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`);
		});
	});
	await page.setViewport({width: options.width, height: options.height ?? 900});
	await page.goto(url + (options.hash === undefined ? '' : `#${options.hash}`), {waitUntil: 'load'});
	return {page, requests, problems};
}

const slow = {timeout: 120_000};

describe.each(decks.map(deck => deck.name))('the exported %s', name => {
	it('makes no request but for itself, keeps to its policy, and has every anchor #1…#N', slow, async () => {
		const {page, requests, problems} = await open(name, {width: 1280});
		const {url, slides} = defined(exported.get(name));
		expect(slides).toBeGreaterThan(10);
		const anchors = await page.evaluate(
			count =>
				Array.from({length: count}, (_, i) => document.getElementById(String(i + 1))).map(
					element => element?.tagName === 'SECTION' && element.classList.contains('slide'),
				),
			slides,
		);
		expect(anchors).toEqual(Array.from({length: slides}, () => true));
		expect(await page.evaluate(() => document.querySelectorAll('section.slide').length)).toBe(slides);
		// The script ran (it shows the search bar), so the policy's hash matched it.
		expect(await page.evaluate(() => (document.querySelector('.searchbar') as HTMLElement).hidden)).toBe(false);
		await page.screenshot({path: path.join(shots, `${name}-top-1280.png`)});
		expect(requests).toEqual([url]);
		expect(problems).toEqual([]);
		await page.close();
	});

	it('draws the box-drawing lines of each diagram at one width per character', slow, async () => {
		const {page, problems} = await open(name, {width: 1280});
		const diagrams = await page.evaluate(() =>
			Array.from(document.querySelectorAll('pre.diagram')).map(pre =>
				Array.from(pre.querySelectorAll('span.line'))
					.map(line => ({text: line.textContent ?? '', width: line.getBoundingClientRect().width}))
					// Lines of box drawing (with ASCII and arrows), where a cell is one character.
					.filter(line => /[\u2500-\u257F]/.test(line.text) && /^[\u0020-\u007E\u2190-\u21FF\u2500-\u25FF]+$/.test(line.text))
					.map(line => ({...line, perChar: line.width / [...line.text].length})),
			),
		);
		const measured = diagrams.filter(lines => lines.length > 0);
		expect(measured.length).toBeGreaterThan(0);
		for (const [index, lines] of measured.entries()) {
			const cell = defined(lines[0]).perChar;
			for (const line of lines) expect(Math.abs(line.perChar - cell), `diagram ${index + 1}: ${JSON.stringify(line)}`).toBeLessThan(0.01);
			// Lines of the same length end at the same pixel, which is what keeps a box closed.
			const byLength = new Map<number, number>();
			for (const line of lines) {
				const length = [...line.text].length;
				const width = byLength.get(length) ?? line.width;
				expect(Math.abs(line.width - width), `diagram ${index + 1}: ${line.text}`).toBeLessThan(0.5);
				byLength.set(length, width);
			}
		}

		const first = await page.$('pre.diagram');
		await defined(first).evaluate(element => element.scrollIntoView({block: 'center'}));
		await page.screenshot({path: path.join(shots, `${name}-diagram-1280.png`)});
		expect(problems).toEqual([]);
		await page.close();
	});

	it('fits a 390 px screen: nothing overflows the page except inside a <pre> or a table', slow, async () => {
		const {page, problems} = await open(name, {width: 390, height: 844});
		const overflow = await page.evaluate(() => {
			const width = document.documentElement.clientWidth;
			const offenders = Array.from(document.body.querySelectorAll('*'))
				.filter(element => !element.closest('pre, .table'))
				.filter(element => {
					const box = element.getBoundingClientRect();
					return box.width > 0 && (box.right > width + 0.5 || box.left < -0.5);
				})
				.slice(0, 5)
				.map(element => `${element.tagName}.${element.className}: ${(element.textContent ?? '').slice(0, 60)}`);
			return {scrollWidth: document.documentElement.scrollWidth, width, offenders};
		});
		expect(overflow.offenders).toEqual([]);
		expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.width);
		await page.screenshot({path: path.join(shots, `${name}-top-390.png`)});
		const diagram = await page.$('pre.diagram');
		await defined(diagram).evaluate(element => element.scrollIntoView({block: 'center'}));
		// A diagram wider than the screen scrolls inside its <pre>.
		expect(await defined(diagram).evaluate(element => getComputedStyle(element).overflowX)).toBe('auto');
		await page.screenshot({path: path.join(shots, `${name}-diagram-390.png`)});
		expect(problems).toEqual([]);
		await page.close();
	});

	it('prints one slide per page', slow, async () => {
		const {page, problems} = await open(name, {width: 1280});
		const {slides} = defined(exported.get(name));
		await page.emulateMediaType('print');
		const layout = await page.evaluate(() =>
			Array.from(document.querySelectorAll('section.slide')).map((slide, i) => ({
				breakBefore: getComputedStyle(slide).breakBefore,
				first: i === 0,
			})),
		);
		expect(layout.filter(slide => !slide.first && slide.breakBefore !== 'page')).toEqual([]);
		const pdf = Buffer.from(await page.pdf({format: 'A4', printBackground: true}));
		fs.writeFileSync(path.join(shots, `${name}.pdf`), pdf);
		const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
		expect(pages).toBe(slides);
		expect(problems).toEqual([]);
		await page.close();
	});
});

describe('the exported page', () => {
	it('reads without JavaScript: every slide shown, the search bar and key hint left out', slow, async () => {
		const {page, requests, problems} = await open('guide', {width: 1280, javascript: false, hash: '14'});
		const state = await page.evaluate(() => ({
			slides: Array.from(document.querySelectorAll('section.slide')).filter(slide => (slide as HTMLElement).offsetHeight > 0).length,
			searchbar: (document.querySelector('.searchbar') as HTMLElement).offsetHeight,
			notes: document.querySelectorAll('aside.notes').length,
		}));
		expect(state.slides).toBe(defined(exported.get('guide')).slides);
		expect(state.searchbar).toBe(0);
		expect(state.notes).toBeGreaterThan(10);
		await page.screenshot({path: path.join(shots, 'guide-nojs-14.png')});
		expect(requests).toHaveLength(1);
		expect(problems).toEqual([]);
		await page.close();
	});

	it('→ and ← move by slide, / searches slides and notes, o opens the outline', slow, async () => {
		const {page, problems} = await open('guide', {width: 1280});
		const hash = () => page.evaluate(() => location.hash);
		await page.keyboard.press('ArrowRight');
		await page.waitForFunction(() => location.hash === '#1');
		await page.keyboard.press('ArrowRight');
		await page.waitForFunction(() => location.hash === '#2');
		await page.keyboard.press('ArrowLeft');
		await page.waitForFunction(() => location.hash === '#1');
		expect(await hash()).toBe('#1');
		await page.keyboard.press('/');
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('search');
		// Words from one slide's notes only ("Ask the room", slide 3).
		await page.keyboard.type('ask the room');
		const shown = await page.evaluate(() =>
			Array.from(document.querySelectorAll('section.slide'))
				.filter(slide => !(slide as HTMLElement).hidden)
				.map(slide => slide.id),
		);
		expect(shown).toEqual(['3']);
		expect(await page.evaluate(() => document.getElementById('search-count')?.textContent)).toMatch(/^1 of \d+ slides$/);
		await page.screenshot({path: path.join(shots, 'guide-search.png')});
		await page.keyboard.press('Enter');
		await page.waitForFunction(() => location.hash === '#3');
		await page.keyboard.press('Escape');
		await page.keyboard.press('o');
		expect(await page.evaluate(() => document.body.classList.contains('outline-open'))).toBe(true);
		// The panel lists every slide: each section's list is opened.
		expect(
			await page.evaluate(() =>
				Array.from(document.querySelectorAll('nav.outline details')).every(details => (details as HTMLDetailsElement).open),
			),
		).toBe(true);
		await page.screenshot({path: path.join(shots, 'guide-outline.png')});
		await page.keyboard.press('Escape');
		expect(await page.evaluate(() => document.body.classList.contains('outline-open'))).toBe(false);
		expect(problems).toEqual([]);
		await page.close();
	});
});

describe("a presenterm deck's placement in the exported page", () => {
	it('sets right, centres and leaves blank lines where the deck asked, as the terminal draws them', slow, async () => {
		const deck = 'test/fixtures/dialects/presenterm-layout.md';
		const file = path.join(dir, 'presenterm-layout.html');
		const result = await runLectern(['export', deck, '-o', file], {timeout: 60_000});
		expect(result.status, describeRun(['export', deck, '-o', file], result)).toBe(0);
		exported.set('presenterm-layout', {file, url: pathToFileURL(file).href, slides: 4});
		const {page, problems} = await open('presenterm-layout', {width: 1280});
		const placed = await page.evaluate(() => {
			// The drawn extent of an element's text, against its slide body's box.
			const extent = (element: Element) => {
				const range = document.createRange();
				range.selectNodeContents(element);
				const box = range.getBoundingClientRect();
				return {left: box.left, right: box.right};
			};
			const slide = (n: number) => document.getElementById(String(n))?.querySelector('.body') as HTMLElement;
			const body = slide(4).getBoundingClientRect();
			const byText = (n: number, text: string) =>
				defined(Array.from(slide(n).querySelectorAll('p, ul')).find(element => element.textContent?.includes(text)));
			function defined<T>(value: T | undefined): T {
				if (value === undefined) throw new Error('not on the page');
				return value;
			}

			const rows = slide(3).querySelector('.new-lines') as HTMLElement;
			return {
				body: {left: body.left, right: body.right},
				right: extent(byText(4, 'Socks')),
				list: extent(byText(4, 'rolled shirts')),
				centre: extent(byText(4, 'Fragile')),
				left: extent(byText(4, 'Everything else')),
				rows: rows.getBoundingClientRect().height,
				lineHeight: Number.parseFloat(getComputedStyle(rows).lineHeight),
				intro: extent(defined(slide(1).querySelector('h2') ?? undefined)),
				introBody: {left: slide(1).getBoundingClientRect().left, right: slide(1).getBoundingClientRect().right},
			};
		});
		const near = (a: number, b: number) => Math.abs(a - b) < 2;
		expect(near(placed.right.right, placed.body.right), JSON.stringify(placed)).toBe(true);
		expect(near(placed.list.right, placed.body.right), JSON.stringify(placed)).toBe(true);
		expect(near((placed.centre.left + placed.centre.right) / 2, (placed.body.left + placed.body.right) / 2), JSON.stringify(placed)).toBe(
			true,
		);
		expect(near(placed.left.left, placed.body.left), JSON.stringify(placed)).toBe(true);
		// new_lines: 3 is three blank lines of the page's text.
		expect(Math.abs(placed.rows - 3 * placed.lineHeight)).toBeLessThan(2);
		// The introduction slide is centred, as presenterm draws it.
		expect(near((placed.intro.left + placed.intro.right) / 2, (placed.introBody.left + placed.introBody.right) / 2)).toBe(true);
		await page.screenshot({path: path.join(shots, 'presenterm-layout-1280.png'), fullPage: true});
		expect(problems).toEqual([]);
		await page.close();
	});
});
