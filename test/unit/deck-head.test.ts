import fc from 'fast-check';
import {mkdtempSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {LecternError} from '../../src/cli/errors.js';
import {fileStamp, headFirstFrom, loadDeck, loadDeckInSlices, loadDeckStart, readDeckTextInSlices} from '../../src/cli/load.js';
import {openDeck, openDeckHead, slideLine, slideSource} from '../../src/deck/deck.js';
import {defined} from '../support/defined.js';

/** What a consumer sees of slide i: its text and where it starts. */
const slideView = (deck: ReturnType<typeof openDeck>, i: number) => ({source: slideSource(deck, i), line: slideLine(deck, i)});

/** A deck's text cut after `at` characters, at the line end before it (as loadDeckStart cuts). */
const cutAt = (text: string, at: number) => text.slice(0, text.lastIndexOf('\n', at - 1) + 1);

describe('openDeckHead: the whole slides at the start of a deck', () => {
	const text = '---\ntitle: T\n---\n# One\n\n```\n---\n```\n---\n## Two\n<!--\n---\n-->\n---\n## Three\n---\n## Four\n';

	it('gives exactly the slides the whole deck has, leaving out the one that may go on', () => {
		const whole = openDeck(text, 'd.md');
		const head = openDeckHead(cutAt(text, text.indexOf('## Four')), 'd.md');
		expect(head?.partial).toBe(true);
		expect(head?.count).toBe(3);
		expect(head?.meta.title).toBe('T');
		for (let i = 0; i < 3; i++) {
			expect(slideView(defined(head), i)).toEqual(slideView(whole, i));
		}
	});

	it('any cut of any deck: every slide it gives is the whole deck’s slide (property)', () => {
		const line = fc.constantFrom(
			'---',
			'```',
			'~~~',
			'<!--',
			'-->',
			'<!-- end_slide -->',
			'# Part',
			'## Title',
			'text',
			'',
			'   ```',
			'<!-- note -->',
			'\r',
		);
		fc.assert(
			fc.property(fc.array(line, {maxLength: 40}), fc.nat(), (lines, cut) => {
				const deckText = `start\n---\n${lines.join('\n')}\n`;
				let whole: ReturnType<typeof openDeck>;
				try {
					whole = openDeck(deckText, 'd.md');
				} catch {
					return;
				}

				const head = openDeckHead(cutAt(deckText, cut % (deckText.length + 1)), 'd.md');
				if (!head) {
					return;
				}

				expect(head.count).toBeLessThanOrEqual(whole.count);
				for (let i = 0; i < head.count; i++) {
					expect(slideView(head, i)).toEqual(slideView(whole, i));
				}
			}),
			{numRuns: 400},
		);
	});

	it('scans only the first scanChars into slides, but tells the dialect from the whole text', () => {
		// Patat's signs (`. . .` pauses) come after the scanned part: the head is still read as patat, as the whole deck is.
		const body = `# One\n\ntext\n\n---\n\n# Two\n\ntext\n\n---\n\n${'a\n\n. . .\n\nb\n\n---\n\n'.repeat(20)}`;
		const whole = openDeck(body, 'd.md');
		const head = openDeckHead(body, 'd.md', undefined, body.indexOf('# Two') + 3);
		expect(head?.dialect).toBe(whole.dialect);
		expect(whole.dialect).toBe('patat');
		expect(head?.count).toBe(1);
		expect(defined(head).body.length).toBeLessThan(body.indexOf('. . .'));
		expect(slideView(defined(head), 0)).toEqual(slideView(whole, 0));
	});

	it('gives nothing when the start cannot tell', () => {
		// Front matter not closed yet.
		expect(openDeckHead('---\ntitle: T\n', 'd.md')).toBeUndefined();
		// No separator yet: the deck may be one that splits at headings.
		expect(openDeckHead('# One\ntext\n## Two\n', 'd.md')).toBeUndefined();
		// No whole slide.
		expect(openDeckHead('# One\ntext\n', 'd.md')).toBeUndefined();
	});
});

describe('loadDeckStart', () => {
	const dir = mkdtempSync(join(tmpdir(), 'lectern-head-'));
	afterAll(() => {
		rmSync(dir, {recursive: true, force: true});
	});
	const slides = (count: number) =>
		Array.from({length: count}, (_, i) => `## Slide ${i + 1}\n\n${'Some words on this slide. '.repeat(20)}\n`).join('\n---\n\n');

	it('reads only the start of a large deck and opens its first slides', () => {
		const path = join(dir, 'large.md');
		writeFileSync(path, slides(2000));
		const {deck: head, stamp} = loadDeckStart(path);
		expect(stamp).toBe(fileStamp(path));
		expect(head?.partial).toBe(true);
		expect(defined(head).count).toBeGreaterThan(10);
		expect(defined(head).count).toBeLessThan(200);
		const whole = loadDeck(path);
		expect(whole.count).toBe(2000);
		expect(slideView(defined(head), 0)).toEqual(slideView(whole, 0));
	});

	it('reads a small deck whole, in the same read', () => {
		const path = join(dir, 'small.md');
		writeFileSync(path, slides(5));
		const {deck} = loadDeckStart(path);
		expect(deck?.partial).toBeUndefined();
		expect(deck?.count).toBe(5);
	});

	it('reads a large deck whole when not asked for its head first', () => {
		const path = join(dir, 'large-whole.md');
		writeFileSync(path, slides(300));
		expect(statSync(path).size).toBeGreaterThan(headFirstFrom);
		expect(loadDeckStart(path, undefined, false).deck?.count).toBe(300);
	});

	it('leaves a deck over 256 KiB whose start cannot give the first frame to be loaded in slices', async () => {
		const path = join(dir, 'huge-whole.md');
		writeFileSync(path, `# One slide\n\n${'a line of words\n'.repeat(100_000)}`);
		expect(loadDeckStart(path).deck).toBeUndefined();
		expect(loadDeckStart(path, undefined, false).deck).toBeUndefined();
		const pauses: number[] = [];
		const text = await readDeckTextInSlices(path, 10 * 1024 * 1024, async () => {
			pauses.push(pauses.length);
		});
		expect(text).toBe(`# One slide\n\n${'a line of words\n'.repeat(100_000)}`);
		// 1.5 MiB in slices of 256 KiB.
		expect(pauses.length).toBe(7);
		const deck = await loadDeckInSlices(path);
		expect(deck?.count).toBe(1);
		expect(await loadDeckInSlices(path, undefined, () => true)).toBeUndefined();
	});

	it('reads a deck under 256 KiB whose start cannot give the first frame at once, unless its scan takes too long', () => {
		const path = join(dir, 'no-separator.md');
		// 20,000 lines, no separator: cut at its headings, a scan of ten steps (2,048 lines each).
		writeFileSync(path, Array.from({length: 2000}, (_, i) => `# Slide ${i + 1}\n\n${'a line\n'.repeat(8)}`).join('\n'));
		expect(statSync(path).size).toBeGreaterThan(headFirstFrom);
		expect(loadDeckStart(path, undefined, true, 10_000).deck?.count).toBe(2000);
		// A budget of one step: the scan is not done, the presenter loads the deck in slices instead.
		expect(loadDeckStart(path, undefined, true, 0).deck).toBeUndefined();
		expect(loadDeckStart(path, undefined, false, 0).deck).toBeUndefined();
	});

	it('reads in slices what it reads at once: UTF-8 across slice ends, a byte-order mark, and the same errors', async () => {
		const path = join(dir, 'slices.md');
		const text = `# é 漢 😀\n\n${'é漢😀 '.repeat(200_000)}\n`;
		writeFileSync(path, `\uFEFF${text}`);
		const now = async () => {};
		expect(await readDeckTextInSlices(path, 10 * 1024 * 1024, now)).toBe(text);
		const bad = Buffer.from(`# ok\n\n${'word '.repeat(100_000)}`);
		bad[400_000] = 0xff;
		writeFileSync(path, bad);
		await expect(readDeckTextInSlices(path, 10 * 1024 * 1024, now)).rejects.toThrow('is not valid UTF-8 (bad byte at offset 400000)');
		bad[400_000] = 0;
		writeFileSync(path, bad);
		await expect(readDeckTextInSlices(path, 10 * 1024 * 1024, now)).rejects.toThrow(
			'looks like a binary file (a NUL byte at offset 400000)',
		);
		writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('# UTF-16\n\ntext\n'.repeat(30_000), 'utf16le')]));
		expect(await readDeckTextInSlices(path, 10 * 1024 * 1024, now)).toBe('# UTF-16\n\ntext\n'.repeat(30_000));
	});

	it('checks what it reads: a NUL byte in the start is the usual one-line error', () => {
		const path = join(dir, 'binary.md');
		writeFileSync(path, `a\n\0\n---\n${slides(2000)}`);
		expect(() => loadDeckStart(path)).toThrow(LecternError);
		expect(() => loadDeckStart(path)).toThrow(/binary file/);
	});

	it('refuses a file over the size cap before reading', () => {
		const path = join(dir, 'over.md');
		writeFileSync(path, slides(2000));
		expect(() => loadDeckStart(path, headFirstFrom)).toThrow(/over the .* limit/);
	});
});
