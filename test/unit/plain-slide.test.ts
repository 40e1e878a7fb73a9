// Search's unparsed path (src/search/plain-slide.ts) must give exactly the parse's document
// wherever it answers: checked slide by slide on every deck the tests know and on generated
// slides made of the pieces where Markdown's rules are subtle.
import {readFileSync} from 'node:fs';
import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {openDeck} from '../../src/deck/deck.js';
import {slideDoc} from '../../src/search/deck-docs.js';
import {plainSlideDoc} from '../../src/search/plain-slide.js';
import {hostileDecks} from '../support/hostile-corpus.js';
import {knownDecks} from '../support/known-decks.js';

/** Slides the unparsed path answered; each answer is compared with the parse's. */
function checkDeck(text: string, file: string): number {
	let deck: ReturnType<typeof openDeck>;
	try {
		deck = openDeck(text, file);
	} catch {
		return 0;
	}

	let answered = 0;
	for (let i = 0; i < deck.count; i++) {
		const quick = plainSlideDoc(deck, i);
		if (quick) {
			expect(quick, `${file} slide ${i + 1}`).toEqual(slideDoc(deck, i));
			answered++;
		}
	}

	return answered;
}

describe('search documents without a parse', () => {
	test('equal the parsed ones on the fixtures and the bundled decks', () => {
		let answered = 0;
		for (const file of knownDecks()) {
			answered += checkDeck(readFileSync(file, 'utf8'), file);
		}

		expect(answered).toBeGreaterThan(10);
	});

	test('equal the parsed ones on the hostile corpus', () => {
		for (const deck of hostileDecks()) {
			const text = typeof deck.content === 'string' ? deck.content : Buffer.from(deck.content).toString('utf8');
			// The costly decks (megabytes, 100,000 slides) are bulk's; their shapes are in the small ones.
			if (text.length < 200_000) checkDeck(text, deck.name);
		}
	});

	test("answer for every slide of the bench's cold-search deck", () => {
		let text = '---\ntitle: Cold search\n---\n\n';
		for (let i = 0; i < 50; i++) {
			text += `## Topic${i}: memory and paging\n\n- The guest sees *virtual* pages\n- An exit costs cycles\n\n<!-- notes: ask about topic${i} -->\n\n---\n\n`;
		}

		expect(checkDeck(text, 'cold.md')).toBe(50);
	});

	const pieces = [
		'word',
		'Page',
		'x2',
		' ',
		'  ',
		'\n',
		'\n\n',
		'- ',
		'## ',
		'# ',
		'#',
		'*',
		'**',
		'***',
		'_',
		'(',
		')',
		'.',
		',',
		':',
		'!',
		'?',
		"'",
		'-',
		'---',
		'1. ',
		'1) ',
		'    ',
		'\t',
		'www.',
		'@',
		'/',
		'<!-- notes: ',
		' -->',
		'<!-- pause -->',
		'<!---->',
		'<!-- notes: a *b* -->\n',
		'\\',
		'`',
		'[a](b)',
		'&amp;',
		'=',
		'===',
	];
	test("answer for every slide of the bench's generated deck (a list, then a fenced diagram)", () => {
		const slides = Array.from({length: 30}, (_, i) => {
			const n = String(i + 1).padStart(4, '0');
			return [
				`## Topic ${i + 1}: shadow page table`,
				'',
				`SLIDE ${n} MARK`,
				'',
				...Array.from({length: 4}, (_unused, k) => `- point ${i + 1}.${k + 1} about the shadow page table`),
				'',
				'```',
				'+--------------+      +--------------+',
				`|  guest ${n}  |      |  guest ${n}  |   `,
				'',
				'       |   trap (VM exit)     |',
				'       v                      v',
				'```',
			].join('\n');
		});
		expect(checkDeck(slides.join('\n\n---\n\n'), 'bench.md')).toBe(30);
	});

	test('a fence the dialect hides lines of, not closed, or after an item line, is left to the parse', () => {
		const fence = (body: string) => `## Code\n\n${body}`;
		expect(checkDeck(fence('```\nshown   \n\n  indented\n```\nafter'), 'a.md')).toBe(1);
		// The `slides` dialect (a `---` front matter with a `slides` key is not needed: forced below) hides `///` lines.
		const slides = openDeck(fence('```\n/// hidden\nshown\n```'), 's.md', 'slides');
		expect(plainSlideDoc(slides, 0)).toBeUndefined();
		expect(checkDeck(fence('```\nnot closed'), 'b.md')).toBe(0);
		expect(checkDeck(fence('- item\n```\ncode\n```'), 'c.md')).toBe(0);
		expect(checkDeck(fence('```\ntab\there\n```'), 'd.md')).toBe(0);
	});

	test('equal the parsed ones on generated slides', () => {
		let answered = 0;
		fc.assert(
			fc.property(fc.array(fc.constantFrom(...pieces), {maxLength: 30}), parts => {
				answered += checkDeck(parts.join(''), 'gen.md');
			}),
			{numRuns: 3000},
		);
		// The generator must reach the unparsed path, or the comparison proves nothing.
		expect(answered).toBeGreaterThan(50);
	});

	const fencePieces = [
		'word',
		'Page',
		' ',
		'  ',
		'\n',
		'\n\n',
		'- ',
		'## ',
		'```',
		'```\n',
		'\n```\n',
		'```js\n',
		'~~~\n',
		'   ```',
		'+--+   |  x  |',
		'/// ',
		'# ',
		'\t',
		'`',
		'<!-- pause -->',
		'<!---->',
	];
	test('equal the parsed ones on generated slides with fences', () => {
		let answered = 0;
		let fenced = 0;
		fc.assert(
			fc.property(fc.array(fc.constantFrom(...fencePieces), {maxLength: 30}), parts => {
				const text = parts.join('');
				const got = checkDeck(text, 'fences.md');
				answered += got;
				if (got > 0 && text.includes('```')) fenced++;
			}),
			{numRuns: 3000},
		);
		// About 75-105 answered in 3,000, 20-27 of them with a fence.
		expect(answered).toBeGreaterThan(30);
		expect(fenced).toBeGreaterThan(5);
	});
});
