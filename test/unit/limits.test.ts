import {describe, expect, it} from 'vitest';
import {openDeck, slideSource, slideText} from '../../src/deck/deck.js';
import {boundSlideSource, capNesting, delimiterLimit, looksPathological, nestingLimit, thousands} from '../../src/deck/limits.js';
import {countNewlines} from '../../src/deck/scan.js';

describe('capNesting', () => {
	it('leaves ordinary Markdown alone (same string)', () => {
		const text = '## T\n\n- a\n  - b\n    > c\n\n1. one';
		const capped = capNesting(text);
		expect(capped).toEqual({text, changed: false, limit: nestingLimit});
		expect(capped.text).toBe(text);
	});

	it('allows exactly the limit', () => {
		expect(nestingLimit).toBe(16);
		expect(capNesting(`${'- '.repeat(16)}x`).changed).toBe(false);
		expect(capNesting(`${'> '.repeat(16)}x`).changed).toBe(false);
	});

	it('escapes markers past the limit so they read as text', () => {
		expect(capNesting(`${'- '.repeat(17)}x`)).toEqual({text: `${'- '.repeat(16)}\\- x`, changed: true, limit: 16});
		expect(capNesting(`${'> '.repeat(18)}q`).text).toBe(`${'> '.repeat(16)}\\> \\> q`);
		expect(capNesting(`${'1. '.repeat(17)}n`).text).toBe(`${'1. '.repeat(16)}1\\. n`);
	});

	it('handles mixed markers and only the deep line', () => {
		const deep = `${'- > '.repeat(9)}x`;
		const capped = capNesting(`ok\n${deep}\nfine`);
		expect(capped.changed).toBe(true);
		expect(capped.text).toBe(`ok\n${'- > '.repeat(8)}\\- \\> x\nfine`);
	});

	it('copes with 10,000 markers on one line', () => {
		const capped = capNesting('- '.repeat(10_000));
		expect(capped.changed).toBe(true);
		expect(capped.text.startsWith(`${'- '.repeat(16)}\\- `)).toBe(true);
	});
});

describe('looksPathological', () => {
	it('short text is never pathological', () => {
		expect(looksPathological('['.repeat(delimiterLimit - 1))).toBe(false);
	});

	it('counts delimiters per paragraph', () => {
		expect(delimiterLimit).toBe(1500);
		expect(looksPathological('['.repeat(1501))).toBe(true);
		expect(looksPathological('['.repeat(1500))).toBe(false);
		// Two paragraphs of 1000 each: a blank line resets the count.
		expect(looksPathological(`${'_a'.repeat(1000)}\n\n${'_a'.repeat(1000)}`)).toBe(false);
		expect(looksPathological(`${'_a'.repeat(1000)}\n${'_a'.repeat(1000)}`)).toBe(true);
	});

	it('counts delimiters inside an HTML block: its lines are read as inline HTML', () => {
		expect(looksPathological(`<div>\n${'_a'.repeat(1000)}\n${'_a'.repeat(1000)}\n</div>`)).toBe(true);
		expect(looksPathological(`<div>\n${'_a'.repeat(700)}\n</div>`)).toBe(false);
	});

	it('ignores delimiters inside code fences', () => {
		expect(looksPathological(`\`\`\`\n${'['.repeat(5000)}\n\`\`\``)).toBe(false);
		expect(looksPathological(`~~~\n${'*'.repeat(5000)}\n~~~\n${'*a'.repeat(2000)}`)).toBe(true);
	});

	it('plain prose is fine up to the size one parse may take', () => {
		expect(looksPathological('word '.repeat(50_000))).toBe(false);
		expect(looksPathological('word '.repeat(60_000))).toBe(true);
	});
});

describe('looksPathological reads fences as the scanner does', () => {
	it('a line ```a` is not a fence (a backtick fence’s info string has no backtick): what follows is still counted', () => {
		expect(looksPathological(`\`\`\`a\`\n${'_a'.repeat(2000)}`)).toBe(true);
	});

	it('a fence in a list item closes at the item’s indentation', () => {
		expect(looksPathological(`- x\n  \`\`\`\n  ${'['.repeat(3000)}\n  \`\`\`\n`)).toBe(false);
		expect(looksPathological(`- x\n  \`\`\`\n  code\n  \`\`\`\n\n${'_a'.repeat(2000)}`)).toBe(true);
	});
});

describe('thousands', () => {
	it('writes counts as toLocaleString("en-US") does', () => {
		for (const n of [0, 7, 999, 1000, 12_345, 999_999, 1_000_000, 123_456_789]) {
			expect(thousands(n)).toBe(n.toLocaleString('en-US'));
		}
	});
});

describe('a cut slide counts the lines left from the scan', () => {
	// Shapes of a cut slide: first, between others, last (with and without a final line end, blank
	// slides and separators after it), split at separators or at headings, in a front-mattered deck.
	const long = (line: string, count: number) => line.repeat(count);
	const decks = [
		`# Long\n\n${long('a line\n', 3000)}\n---\n\n# Next\n`,
		`# First\n\n---\n\n# Long\n\n${long('x\n', 2500)}---\n# Last`,
		`# Only\n\n${long('words here\n', 1500)}`,
		`# Only\n\n${long('words here\n', 1500)}tail`,
		`# Long\n\n${long('y\n\n', 1200)}\n---\n\n---\n\n\n`,
		`# A\n${long('z\n', 1500)}# B\n${long('w\n', 1800)}`,
		`---\ntitle: T\n---\n\n# Long\n\n${long('p\n', 1100)}`,
		`# Wide\n\n${long(`${'q'.repeat(200)}\n`, 400)}\n---\n\n# End`,
	];

	it('gives the same count as counting the rest of the slide', () => {
		let cut = 0;
		for (const text of decks) {
			const deck = openDeck(text, 'deck.md');
			expect(deck.newlines).toBe(countNewlines(deck.body));
			for (let i = 0; i < deck.count; i++) {
				if (slideText(deck, i).linesLeft !== undefined) cut++;
				expect(slideText(deck, i).linesLeft, `${JSON.stringify(text.slice(0, 20))} slide ${i}`).toBe(
					boundSlideSource(slideSource(deck, i)).linesLeft || undefined,
				);
			}
		}

		expect(cut).toBe(9);
	});
});
