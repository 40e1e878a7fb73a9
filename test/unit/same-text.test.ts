import {describe, expect, it} from 'vitest';
import {openDeck} from '../../src/deck/deck.js';
import {parseSlideOnce, sameTextKey} from '../../src/deck/parse.js';
import {layoutSlide, renderSlideBodyOnce} from '../../src/layout/layout.js';
import {run, textLine, withRoles} from '../../src/layout/lines.js';
import {createTheme} from '../../src/layout/theme.js';

describe('sameTextKey', () => {
	it('is one object for slides of the same short text, and another for another text', () => {
		const deck = openDeck('# C\n\n---\n\n# A\n\nx\n\n---\n\n# B\n\ny\n\n---\n\n# A\n\nx\n\n---\n\n# C\n', 'x.md');
		const [a, b, again] = [1, 2, 3].map(i => parseSlideOnce(deck, i));
		expect(a && again && sameTextKey(a)).toBe(again && sameTextKey(again));
		expect(a && b && sameTextKey(a)).not.toBe(b && sameTextKey(b));
		// The lines drawn depend on the text alone, though the blocks' lines differ.
		const theme = createTheme({level: 0, ascii: false});
		expect(a?.blocks[0]?.line).not.toBe(again?.blocks[0]?.line);
		expect(a && renderSlideBodyOnce(a, 0, 40, theme).lines).toEqual(again && renderSlideBodyOnce(again, 0, 40, theme).lines);
	});

	it('is the slide itself for presenterm’s introduction slide, whose blocks are its own', () => {
		const deck = openDeck('---\ntitle: Talk\n---\n\n<!-- end_slide -->\n\nTalk\n', 'x.md', 'presenterm');
		const intro = parseSlideOnce(deck, 0);
		expect(deck.intro).toBe(true);
		expect(sameTextKey(intro)).toBe(intro);
	});

	it('lays out a slide as before (blank rows above a section title, the middle row for jump_to_middle)', () => {
		const deck = openDeck('# Part\n\n---\n\n## Slide\n\n<!-- jump_to_middle -->\n\nmiddle\n', 'x.md', 'presenterm');
		const theme = createTheme({level: 0, ascii: false});
		const section = layoutSlide(parseSlideOnce(deck, 0), 0, {width: 40, height: 10}, theme);
		expect(section.lines).toHaveLength(10);
		expect(section.lines.findIndex(line => line.width > 0)).toBeGreaterThan(0);
		const middle = layoutSlide(parseSlideOnce(deck, 1), 0, {width: 40, height: 10}, theme);
		expect(middle.lines.findIndex(line => line.runs.some(part => part.text.includes('middle')))).toBe(5);
	});
});

describe('withRoles', () => {
	it('puts the roles outside each run’s own', () => {
		const line = withRoles({runs: [run('a'), run('b', ['strong'])], width: 2}, ['quote']);
		expect(line.runs.map(part => part.roles)).toEqual([['quote'], ['quote', 'strong']]);
		expect(withRoles(textLine(''), ['dim']).runs).toEqual([]);
	});
});
