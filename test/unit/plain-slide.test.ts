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
});
