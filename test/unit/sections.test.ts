// The one section lookup (parse.ts): the section a slide is in, and the crumb before its title.
import {describe, expect, it} from 'vitest';
import {openDeck} from '../../src/deck/deck.js';
import {parseSlide, sectionCrumb, sectionTitle} from '../../src/deck/parse.js';
import {buildRegions, composeRows} from '../../src/layout/screen.js';
import {createTheme} from '../../src/layout/theme.js';
import {initialState} from '../../src/nav/reducer.js';

const deck = openDeck('## Before\n\ntext\n\n---\n\n# Part one\n\n---\n\n## Inside\n\ntext\n', 'sections.md');

describe('sections', () => {
	it('sectionTitle: the section a slide is in, its own title on the slide that opens it, none before the first', () => {
		expect([0, 1, 2].map(index => sectionTitle(deck, index))).toEqual(['', 'Part one', 'Part one']);
	});

	it('sectionCrumb: the same, but nothing on the section slide itself (its title already says it)', () => {
		expect([0, 1, 2].map(index => sectionCrumb(deck, index))).toEqual(['', '', 'Part one']);
	});

	it('the status bar says the same crumb as print and search: section › title, the title alone on the section slide', () => {
		const theme = createTheme({level: 0, ascii: false});
		const statusBar = (slide: number) =>
			composeRows(buildRegions({deck, state: initialState({slide}), size: {width: 80, height: 12}, theme, elapsedSeconds: 0})).at(-1) ?? '';
		expect([0, 1, 2].map(index => [sectionCrumb(deck, index), parseSlide(deck, index).title].filter(Boolean).join(' › '))).toEqual([
			'Before',
			'Part one',
			'Part one › Inside',
		]);
		expect(statusBar(0)).toMatch(/^ Before {2}/);
		expect(statusBar(1)).toMatch(/^ Part one {2}/);
		expect(statusBar(2)).toMatch(/^ Part one › Inside {2}/);
	});
});
