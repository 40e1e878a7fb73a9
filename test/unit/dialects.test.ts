import {describe, expect, it} from 'vitest';
import {openDeck, slideSource, stepsOf} from '../../src/deck/deck.js';
import {detectDialect} from '../../src/deck/dialects/detect.js';
import {readFenceInfo} from '../../src/deck/dialects/fence-info.js';
import {parseSlide} from '../../src/deck/parse.js';

const slides = (text: string, dialect?: Parameters<typeof openDeck>[2]) => {
	const deck = openDeck(text, 'x.md', dialect);
	return Array.from({length: deck.count}, (_, i) => slideSource(deck, i).trim());
};

describe('detectDialect', () => {
	it.each([
		['marp', '', {marp: true}],
		['patat', '', {patat: {incrementalLists: true}}],
		['presenterm', '', {sub_title: 'x'}],
		['presenterm', 'a\n<!-- jump_to_middle -->\n', {}],
		['patat', 'a\n\n. . .\n\nb', {}],
		['lookatme', 'a\n<!-- stop -->\nb', {}],
		['mdp', '-> centred <-\n', {}],
		['reveal', 'a\n\n--\n\nb', {}],
		['marp', '<!-- _class: lead -->\n', {}],
		['lectern', '# plain\n\ntext', {}],
		['lectern', '<!-- notes: ours -->\n<!-- end_slide -->\n', {}],
	])('%s', (name, text, extra) => {
		expect(detectDialect(text, extra)).toBe(name);
	});

	it('reads only the first 64 KiB', () => {
		expect(detectDialect('x\n'.repeat(40_000) + '. . .\n', {})).toBe('lectern');
	});
});

describe('dialect rules', () => {
	it('--dialect forces one', () => {
		expect(openDeck('a\n\n. . .\n\nb', 'x.md', 'lectern').dialect).toBe('lectern');
		expect(openDeck('a\n\n. . .\n\nb', 'x.md').dialect).toBe('patat');
	});

	it('reveal.js cuts at --- and -- before reading Markdown', () => {
		expect(slides('a\n---\nb\n--\nc', 'reveal')).toEqual(['a', 'b', 'c']);
		expect(slides('a\n---\nb', 'lectern')).toEqual(['a\n---\nb']);
	});

	it('mdp cuts at rules of - or * after a blank line, and reads its % header', () => {
		const deck = openDeck('%title: T\n%author: A\n\none\n\n*****\n\ntwo\n\n-----\n\nthree', 'x.md');
		expect(deck.dialect).toBe('mdp');
		expect(deck.meta.title).toBe('T');
		expect(deck.meta.author).toBe('A');
		expect(deck.count).toBe(3);
	});

	it('lookatme splits at the next level when the lowest occurs once', () => {
		expect(slides('# Deck\n\nintro\n\n## A\n\na\n\n### a1\n\n## B\n\nb', 'lookatme')).toEqual([
			'# Deck\n\nintro',
			'## A\n\na\n\n### a1',
			'## B\n\nb',
		]);
		expect(slides('# A\n\na\n\n## a1\n\n# B\n\nb', 'lookatme')).toEqual(['# A\n\na\n\n## a1', '# B\n\nb']);
	});

	it('patat: headings down to the slide level and rules both start slides', () => {
		expect(slides('# S\n\n## A\n\na\n\n---\n\nb', 'patat')).toEqual(['# S', '## A\n\na', 'b']);
	});

	it('Marp and patat read comments as notes; Marp keeps each source line', () => {
		const marp = parseSlide(openDeck('## T\n\none\ntwo\n\n<!-- say hello -->', 'x.md', 'marp'), 0);
		expect(marp.notesText).toContain('say hello');
		expect(marp.bodyText).toContain('one');
		expect(parseSlide(openDeck('## T\n\n<!-- say hello -->', 'x.md', 'lectern'), 0).notesText).toBe('');
	});

	it('hidden code lines stay hidden', () => {
		const slide = parseSlide(openDeck('## T\n\n```rust\n# hidden\nshown\n```\n\n```py\n/// hidden\nshown\n```', 'x.md', 'presenterm'), 0);
		expect(slide.blocks.filter(block => block.kind === 'code').map(block => (block as {code: string}).code)).toEqual(['shown', 'shown']);
	});

	it('unsupported directives and fence attributes are dropped and reported as warnings', () => {
		const slide = parseSlide(openDeck('## T\n\n<!-- jump_to_middle -->\n\n```rust +exec\nx\n```', 'x.md', 'presenterm'), 0);
		expect(slide.problems.map(problem => problem.message)).toEqual([
			'not supported: +exec, shown as code',
			'not supported: <!-- jump_to_middle -->, ignored',
		]);
		expect(slide.problems.every(problem => problem.severity === 'warning')).toBe(true);
	});

	it('fence info: pandoc attributes name the language', () => {
		expect(readFenceInfo('{.haskell .numberLines}')).toEqual({lang: 'haskell', unsupported: []});
		expect(readFenceInfo('rust +line_numbers {1-4|6-10|all}')).toEqual({
			lang: 'rust',
			unsupported: ['+line_numbers', 'line highlights {1-4|6-10|all}'],
		});
	});
});

describe('columns', () => {
	it('blocks between column directives carry their column', () => {
		const slide = parseSlide(
			openDeck(
				'## T\n\n<!-- column_layout: [2, 1] -->\n\n<!-- column: 0 -->\n\nleft\n\n<!-- column: 1 -->\n\nright\n\n<!-- reset_layout -->\n\nafter',
				'x.md',
			),
			0,
		);
		expect(slide.blocks.map(block => block.column && [block.column.index, block.column.widths])).toEqual([
			undefined,
			[0, [2, 1]],
			[1, [2, 1]],
			undefined,
		]);
	});

	it('a bad layout is reported and ignored', () => {
		const slide = parseSlide(openDeck('## T\n\n<!-- column_layout: [0, x] -->\n\n<!-- column: 0 -->\n\ntext', 'x.md'), 0);
		expect(slide.problems.map(problem => problem.message)).toEqual([
			'column_layout needs 1 to 6 whole widths from 1 to 100, such as [2, 1]; ignored',
			'column: N before any column_layout; ignored',
		]);
	});
});

describe('incremental lists', () => {
	it('presenterm: <!-- incremental_lists: true --> makes each later item of a top-level list a step, until false', () => {
		const deck = openDeck(
			'## T\n\n<!-- incremental_lists: true -->\n\n- a\n  - a1\n- b\n- c\n\n<!-- incremental_lists: false -->\n\n- d\n- e',
			'x.md',
			'presenterm',
		);
		expect(stepsOf(deck, 0)).toBe(3);
	});

	it('patat: incrementalLists in the front matter', () => {
		expect(stepsOf(openDeck('---\npatat:\n  incrementalLists: true\n---\n\n# T\n\n1. one\n2. two\n', 'x.md'), 0)).toBe(2);
		expect(stepsOf(openDeck('---\npatat:\n  incrementalLists: false\n---\n\n# T\n\n1. one\n2. two\n', 'x.md'), 0)).toBe(1);
	});
});

describe('the block tracker stays linear', () => {
	it('an unclosed comment followed by many lines', () => {
		const text = '<!--\n' + 'line\n'.repeat(200_000);
		const deck = openDeck(`## A\n\n${text}`, 'x.md');
		expect(deck.count).toBe(1);
		expect(deck.warnings.map(warning => warning.message)).toEqual(['HTML comment <!-- is never closed with -->']);
	});
});
