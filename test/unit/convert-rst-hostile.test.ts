// The hostile deck corpus, read as reStructuredText: converting never throws, every slide of
// the result parses, and the visible text (each deck's canary) comes through.
import {describe, expect, it} from 'vitest';
import {convertRst} from '../../src/convert/rst/index.js';
import {openDeck} from '../../src/deck/deck.js';
import {parseSlide} from '../../src/deck/parse.js';
import {hostileDecks} from '../support/hostile-corpus.js';

const decks = hostileDecks().filter(deck => typeof deck.content === 'string' && deck.expect === 'render');

describe('converting hostile text', () => {
	it.for(decks.map(deck => [deck.name, deck] as const))('%s', ([, deck]) => {
		const {markdown} = convertRst(deck.content as string);
		const converted = openDeck(markdown, 'converted.md');
		// Lexing a multi-megabyte slide is the deck tests' business, not the converter's.
		const parsed = markdown.length < 200_000 ? converted.count : 0;
		const text = Array.from({length: parsed}, (_, index) => {
			const slide = parseSlide(converted, index);
			return `${slide.title}\n${slide.bodyText}\n${slide.notesText}`;
		}).join('\n');
		if (deck.canary !== null) {
			expect(markdown.replaceAll('\\', '')).toContain(deck.canary);
			expect(parsed === 0 || text.includes(deck.canary)).toBe(true);
		}
	});
});
