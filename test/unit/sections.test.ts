// The one section lookup (parse.ts): the section a slide is in, and the crumb before its title.
import {describe, expect, it} from 'vitest';
import {openDeck} from '../../src/deck/deck.js';
import {sectionCrumb, sectionTitle} from '../../src/deck/parse.js';

const deck = openDeck('## Before\n\ntext\n\n---\n\n# Part one\n\n---\n\n## Inside\n\ntext\n', 'sections.md');

describe('sections', () => {
	it('sectionTitle: the section a slide is in, its own title on the slide that opens it, none before the first', () => {
		expect([0, 1, 2].map(index => sectionTitle(deck, index))).toEqual(['', 'Part one', 'Part one']);
	});

	it('sectionCrumb: the same, but nothing on the section slide itself (its title already says it)', () => {
		expect([0, 1, 2].map(index => sectionCrumb(deck, index))).toEqual(['', '', 'Part one']);
	});
});
