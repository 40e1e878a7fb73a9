import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {openDeck, slideHead, slideSource, slideText, stepsOf} from '../../src/deck/deck.js';
import {detectDialect} from '../../src/deck/dialects/detect.js';
import {readFenceInfo} from '../../src/deck/dialects/fence-info.js';
import {parseSlide} from '../../src/deck/parse.js';
import {defined} from '../support/defined.js';
import type {Element} from '../../src/deck/elements.js';
import {handoutOf} from '../../src/export/handout.js';
import {deckFromShared, shareDeck} from '../../src/hall/shared-deck.js';
import {layoutSlide, renderSlideBody} from '../../src/layout/layout.js';
import {createTheme} from '../../src/layout/theme.js';
import {writePlain} from '../../src/layout/write.js';

const plainTheme = createTheme({level: 0, ascii: false});

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
		// presenterm's speaker notes and separators outweigh nothing of Lectern's own any more.
		['presenterm', 'A\n=\n\n<!-- speaker_note: one -->\n\n<!-- end_slide -->\n\nB\n=\n\n<!-- speaker_note: two -->\n', {}],
		['presenterm', 'A\n=\n\n<!-- pause -->\n\nb\n\n<!-- end_slide -->\n\nC\n=\n', {}],
		// A one-line comment presenterm would stop at, or `---` separators without end_slide: not presenterm.
		[
			'lectern',
			'## A\n\n<!-- column_layout: [2, 1] -->\n<!-- column: 0 -->\na\n<!-- column: 1 -->\nb\n<!-- pause -->\nc\n<!-- notes: n -->\n',
			{},
		],
		['lectern', '## A\n\na\n\n<!-- pause -->\n\nb\n\n<!-- pause -->\n\nc\n\n---\n\n## B\n\n<!-- speaker_note: n -->\n', {}],
		['marp', '<!-- _class: lead -->\n<!-- pause -->\n<!-- _class: lead -->\n', {}],
		// The commands both tools read are not presenterm's evidence on their own.
		['lectern', '## A\n\ntext\n<!-- pause -->\nmore\n<!-- column_layout: [1, 1] -->\n', {}],
		['lectern', '## A\n---\n\n## B\n\ntext\n<!-- pause -->\nmore\n<!-- speaker_note: n -->', {}],
		['presenterm', 'A\n=\n\n<!-- pause -->\n\n<!-- pause -->\n\n<!-- pause -->\n\n<!-- speaker_note: n -->\n<!-- // a reminder -->', {}],
	])('%s', (name, text, extra) => {
		expect(detectDialect(text, extra)).toBe(name);
	});

	it("Lectern's own decks and fixtures are read as Lectern's", () => {
		const files = [
			...fs.readdirSync('decks').map(name => path.join('decks', name)),
			...fs.readdirSync('test/fixtures/check').map(name => path.join('test/fixtures/check', name)),
			...['columns', 'commonmark', 'commonmark-blocks'].map(name => `test/fixtures/dialects/${name}.md`),
			'test/fixtures/export/guide.md',
		].filter(file => file.endsWith('.md') && !file.includes('bad-front-matter'));
		expect(files.length).toBeGreaterThan(6);
		for (const file of files) {
			expect(openDeck(fs.readFileSync(file, 'utf8'), file).dialect, file).toBe('lectern');
		}
	});

	it('reads only the first 64 KiB', () => {
		expect(detectDialect(`${'x\n'.repeat(40_000)}. . .\n`, {})).toBe('lectern');
	});
});

describe('dialect rules', () => {
	it('--dialect forces one', () => {
		expect(openDeck('a\n\n. . .\n\nb', 'x.md', 'lectern').dialect).toBe('lectern');
		expect(openDeck('a\n\n. . .\n\nb', 'x.md').dialect).toBe('patat');
	});

	it('a deck without separators: comments before the first heading go with its slide, text before it is a slide', () => {
		// presenterm keeps the commands before its first slide title on that slide (with
		// implicit_slide_ends, or in the one slide a deck without end_slide is).
		const middle = openDeck('<!-- jump_to_middle -->\n\nFarming\n=======\n\nSoil\n====\n\ntext', 'x.md', 'presenterm');
		expect(slides('<!-- jump_to_middle -->\n\nFarming\n=======\n\nSoil\n====\n\ntext', 'presenterm')).toEqual([
			'<!-- jump_to_middle -->\n\nFarming\n=======',
			'Soil\n====\n\ntext',
		]);
		expect(parseSlide(middle, 0).blocks.map(block => [block.element.kind, block.middle])).toEqual([['heading', true]]);
		expect(slides('<!-- notes: first\nlines -->\n<!-- x -->\n# A\n\na\n\n# B\n\nb')).toHaveLength(2);
		expect(slides('intro text\n\n# A\n\na')).toEqual(['intro text', '# A\n\na']);
		expect(slides('<!-- open\n\n# A\n\na\n\n# B')).toHaveLength(1);
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

	it('mdp keeps each source line a line of its own, as mdp draws it', () => {
		const layout = (dialect: 'mdp' | 'lectern') =>
			parseSlide(openDeck('# T\n\n▛▀▀▜\n▙▄▄▟', 'x.md', dialect), 0).blocks.map(
				block => block.element.kind === 'paragraph' && block.element.inlines.map(inline => inline.kind),
			);
		expect(layout('mdp')).toEqual([false, ['text', 'break', 'text']]);
		expect(layout('lectern')).toEqual([false, ['text']]);
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

	it('Marp reads comments as notes; Marp keeps each source line', () => {
		const marp = parseSlide(openDeck('## T\n\none\ntwo\n\n<!-- say hello -->', 'x.md', 'marp'), 0);
		expect(marp.notesText).toContain('say hello');
		expect(marp.bodyText).toContain('one');
		expect(parseSlide(openDeck('## T\n\n<!-- say hello -->', 'x.md', 'lectern'), 0).notesText).toBe('');
	});

	it('patat reads comments as notes only with its speakerNotes setting; <!--config: blocks are dropped and reported', () => {
		const body =
			'# T\n\ntext\n\n<!-- say hello\nand more -->\n\n<!--config:\nslideNumber: false\n-->\n\n<!-- config: an ordinary comment -->';
		const withNotes = parseSlide(openDeck(`---\npatat:\n  speakerNotes:\n    file: /tmp/notes.txt\n---\n\n${body}`, 'x.md'), 0);
		expect(withNotes.notesText).toBe('say hello and more\nconfig: an ordinary comment');
		expect(withNotes.problems.map(problem => problem.message)).toEqual(['not supported: <!--config: … -->, ignored']);
		const hidden = parseSlide(openDeck(`---\npatat:\n  wrap: true\n---\n\n${body}`, 'x.md'), 0);
		expect(hidden.head.hasNotes).toBe(false);
		expect(hidden.bodyText).toBe('T\ntext');
	});

	it('hidden code lines stay hidden', () => {
		const slide = parseSlide(openDeck('## T\n\n```rust\n# hidden\nshown\n```\n\n```py\n/// hidden\nshown\n```', 'x.md', 'presenterm'), 0);
		expect(slide.blocks.filter(block => block.kind === 'code').map(block => (block as {code: string}).code)).toEqual(['shown', 'shown']);
	});

	it('unsupported directives and fence attributes are dropped and reported as warnings', () => {
		const slide = parseSlide(openDeck('## T\n\n<!-- font_size: 2 -->\n\n```rust +exec\nx\n```', 'x.md', 'presenterm'), 0);
		expect(slide.problems.map(problem => problem.message)).toEqual([
			'not supported: +exec, shown as code',
			'not supported: <!-- font_size: 2 -->, ignored',
		]);
		expect(slide.problems.every(problem => problem.severity === 'warning')).toBe(true);
	});

	it('fence info: pandoc attributes name the language; line numbers and highlights are read', () => {
		expect(readFenceInfo('{.haskell .numberLines}')).toEqual({lang: 'haskell', unsupported: [], lineNumbers: true});
		expect(readFenceInfo('{.haskell}')).toEqual({lang: 'haskell', unsupported: [], lineNumbers: false});
		expect(readFenceInfo('rust +line_numbers +exec {1-4|6,8-7|all}')).toEqual({
			lang: 'rust',
			unsupported: ['+exec'],
			lineNumbers: true,
			highlights: [
				[{from: 1, to: 4}],
				[
					{from: 6, to: 6},
					{from: 7, to: 8},
				],
				[],
			],
		});
		expect(readFenceInfo('rust {1, 3}')).toEqual({
			lang: 'rust',
			unsupported: [],
			lineNumbers: false,
			highlights: [
				[
					{from: 1, to: 1},
					{from: 3, to: 3},
				],
			],
		});
		// reveal.js: brackets number the lines, may follow the language directly, and may give the first line's number.
		expect(readFenceInfo('js [1|3-5]')).toMatchObject({
			lang: 'js',
			lineNumbers: true,
			highlights: [[{from: 1, to: 1}], [{from: 3, to: 5}]],
		});
		expect(readFenceInfo('js[2]')).toMatchObject({lang: 'js', lineNumbers: true, highlights: [[{from: 2, to: 2}]]});
		// reveal.js's offset numbers the gutter from 10; the highlights still count the block's own lines.
		expect(readFenceInfo('js [10: 1|2-3]')).toMatchObject({lineStart: 10, highlights: [[{from: 1, to: 1}], [{from: 2, to: 3}]]});
		expect(readFenceInfo('js [: 2]')).toEqual({lang: 'js', unsupported: [], lineNumbers: true, highlights: [[{from: 2, to: 2}]]});
		expect(readFenceInfo('js []')).toEqual({lang: 'js', unsupported: [], lineNumbers: true});
		expect(readFenceInfo('js {x|y}')).toEqual({lang: 'js', unsupported: ['line highlights {x|y}'], lineNumbers: false});
		expect(readFenceInfo(`js {${'1|'.repeat(500)}1}`).highlights).toHaveLength(64);
	});

	it('line highlights add a reveal step per |, after the text around the block, block after block', () => {
		const deck = openDeck(
			'## T\n\n```rust {1|2|all}\na\nb\n```\n\n```py [1|2]\nc\nd\n```\n\nafter\n\n<!-- pause -->\n\nlast\n\n```quiz\nQ?\n- [x] yes\n```',
			'x.md',
			'presenterm',
		);
		expect(stepsOf(deck, 0)).toBe(6);
		const blocks = parseSlide(deck, 0).blocks;
		expect(blocks.map(block => [block.kind, block.step, block.kind === 'code' ? block.highlightFrom : undefined])).toEqual([
			['markdown', 0, undefined],
			['code', 0, 0],
			['code', 0, 2],
			['markdown', 0, undefined],
			['markdown', 4, undefined],
			['quiz', 4, undefined],
		]);
		expect(blocks.find(block => block.kind === 'quiz')).toMatchObject({answerStep: 5});
		expect(parseSlide(deck, 0).problems).toEqual([]);
	});

	it('line highlights of code in a list item or a quote count too, in document order, and the layout lights them', () => {
		const deck = openDeck(
			'## T\n\n- point\n\n  ```py {1|2-3|all}\n  a\n  b\n  c\n  ```\n\n> ```js [2|1]\n> one\n> two\n> ```\n\nafter\n\n<!-- pause -->\n\nlast',
			'x.md',
			'presenterm',
		);
		expect(stepsOf(deck, 0)).toBe(5);
		const slide = parseSlide(deck, 0);
		const nested = (element: Element | undefined): Element[] =>
			element === undefined
				? []
				: element.kind === 'code'
					? [element]
					: element.kind === 'list'
						? element.items.flatMap(item => item.children.flatMap(nested))
						: element.kind === 'quote'
							? element.children.flatMap(nested)
							: [];
		expect(slide.blocks.flatMap(block => nested(block.element)).map(code => (code as {highlightFrom?: number}).highlightFrom)).toEqual([
			0, 2,
		]);
		expect(slide.blocks.map(block => block.step)).toEqual([0, 0, 0, 0, 4]);
		const dim = (step: number) =>
			layoutSlide(slide, step, {width: 40, height: 20}, createTheme({level: 1, ascii: false}))
				.lines.filter(line => line.runs.some(part => /\b(?:a|b|c|one|two)\b/.test(part.text)))
				.map(line => line.runs.find(part => /\b(?:a|b|c|one|two)\b/.test(part.text)))
				.map(part => `${part?.text.trim()}${part?.roles?.includes('dim') ? '-' : '+'}`);
		expect(dim(0)).toEqual(['a+', 'b-', 'c-', 'one-', 'two+']);
		expect(dim(1)).toEqual(['a-', 'b+', 'c+', 'one-', 'two+']);
		expect(dim(3)).toEqual(['a+', 'b+', 'c+', 'one+', 'two-']);
	});

	it('reveal.js: a fragment comment on its own line makes the block above it a step; at a line end, that line', () => {
		const deck = openDeck(
			'## T\n\nfirst\n\nsecond\nstill second\n<!-- .element: class="fragment" -->\n\n- a\n- b\n\n<!-- .element: class="fragment fade-up" -->\n\nlast <!-- .element: class="fragment" -->',
			'x.md',
			'reveal',
		);
		expect(slideText(deck, 0).steps.map(step => step.markdown.trim())).toEqual([
			'## T\n\nfirst',
			'second\nstill second',
			'- a\n- b',
			'last',
		]);
		expect(parseSlide(deck, 0).problems).toEqual([]);
		// A fragment comment under the slide's only block reveals nothing: no empty first step.
		expect(stepsOf(openDeck('## T\n<!-- .element: class="fragment" -->', 'x.md', 'reveal'), 0)).toBe(1);
	});

	it('presenterm: the front matter builds an introduction slide; the body keeps its file lines', () => {
		const deck = openDeck(
			'---\ntitle: Caches *fast*\nsub_title: why *this* matters\nauthors:\n  - Ann\n  - Bo\n---\n\nFirst\n=====\n\ntext',
			'x.md',
			'presenterm',
		);
		expect(deck.count).toBe(2);
		expect(parseSlide(deck, 0).title).toBe('Caches fast');
		expect(parseSlide(deck, 0).bodyText).toContain('why *this* matters');
		expect(parseSlide(deck, 0).bodyText).toContain('Ann, Bo');
		expect(deck.meta.author).toBe('Ann, Bo');
		expect(slideHead(deck, 1).source.line).toBe(9);
		expect(parseSlide(deck, 1).title).toBe('First');
		// Nothing to show, or another dialect: no introduction slide.
		expect(openDeck('---\noptions:\n  x: 1\n---\n\n# A', 'x.md', 'presenterm').count).toBe(1);
		expect(openDeck('---\ntitle: T\n---\n\n# A', 'x.md', 'lectern').count).toBe(1);
	});

	it("centred blocks: mdp's -> text <- and presenterm's <!-- alignment: center --> until left", () => {
		const mdp = parseSlide(openDeck('# T\n\n-> *centred* <-\n\nplain', 'x.md', 'mdp'), 0);
		expect(mdp.blocks.map(block => block.align)).toEqual([undefined, 'center', undefined]);
		expect(mdp.bodyText).toBe('T\ncentred\nplain');
		const presenterm = parseSlide(
			openDeck('T\n===\n\n<!-- alignment: center -->\n\nmiddle\n\n- list\n\n<!-- alignment: left -->\n\nleft', 'x.md', 'presenterm'),
			0,
		);
		expect(presenterm.blocks.map(block => block.align)).toEqual([undefined, 'center', 'center', undefined]);
		expect(presenterm.problems).toEqual([]);
		const right = parseSlide(
			openDeck('T\n===\n\n<!-- alignment: right -->\n\nto the right\n\n<!-- alignment: left -->\n\nleft', 'x.md', 'presenterm'),
			0,
		);
		expect(right.blocks.map(block => block.align)).toEqual([undefined, 'right', undefined]);
		expect(right.problems).toEqual([]);
	});

	it("presenterm's new_lines and jump_to_middle go on the next block; several add up", () => {
		const slide = parseSlide(
			openDeck(
				'T\n===\n\na\n\n<!-- new_lines: 3 -->\n\nb\n\n<!-- newline -->\n<!-- new_line -->\n\nc\n\n<!-- jump_to_middle -->\n\nd\n\n<!-- new_lines: 99999 -->',
				'x.md',
				'presenterm',
			),
			0,
		);
		expect(slide.blocks.map(block => [block.space, block.middle])).toEqual([
			[undefined, undefined],
			[undefined, undefined],
			[3, undefined],
			[2, undefined],
			[undefined, true],
		]);
		expect(slide.problems).toEqual([]);
		const capped = parseSlide(openDeck('T\n===\n\n<!-- new_lines: 99999 -->\n\nx', 'x.md', 'presenterm'), 0);
		expect(capped.blocks[1]?.space).toBe(200);
	});

	it('alignment and new_lines below a speaker note of several lines go on the block they precede', () => {
		const slide = parseSlide(
			openDeck(
				'T\n===\n\n<!-- speaker_note: |\n  one\n  two\n-->\n\n<!-- alignment: center -->\n\n<!-- new_lines: 2 -->\n\nmoved\n\n<!-- alignment: left -->\n\nplain',
				'x.md',
				'presenterm',
			),
			0,
		);
		expect(slide.blocks.map(block => [block.align, block.space])).toEqual([
			[undefined, undefined],
			['center', 2],
			[undefined, undefined],
		]);
	});

	it('presenterm hides /// lines only in the languages it lists', () => {
		const slide = parseSlide(openDeck('## T\n\n```go\n/// hidden\nshown\n```\n\n```lua\n/// kept\n```', 'x.md', 'presenterm'), 0);
		expect(slide.blocks.filter(block => block.kind === 'code').map(block => (block as {code: string}).code)).toEqual(['shown', '/// kept']);
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
	const shownAt = (deck: ReturnType<typeof openDeck>, step: number) =>
		renderSlideBody(parseSlide(deck, 0), step, 60, plainTheme)
			.lines.map(line => writePlain(line).trim())
			.filter(line => line !== '');

	it('presenterm: <!-- incremental_lists: true --> pauses before each item, nested ones too, and after the list, until false', () => {
		const deck = openDeck(
			'## T\n\n<!-- incremental_lists: true -->\n\n- a\n  - a1\n- b\n- c\n\n<!-- incremental_lists: false -->\n\n- d\n- e',
			'x.md',
			'presenterm',
		);
		// presenterm's pause_before_incremental_lists and pause_after_incremental_lists (both on by
		// default): the title alone, a, a1, b, c, then what follows the list.
		expect(stepsOf(deck, 0)).toBe(6);
		expect(shownAt(deck, 0)).toEqual(['T']);
		expect(shownAt(deck, 1)).toEqual(['T', '• a']);
		expect(shownAt(deck, 4)).toEqual(['T', '• a', '◦ a1', '• b', '• c']);
		expect(shownAt(deck, 5)).toEqual(['T', '• a', '◦ a1', '• b', '• c', '• d', '• e']);
		// The comment between them ends the first list, as CommonMark reads it: two tight lists.
		const lists = parseSlide(deck, 0).blocks.filter(block => block.element.kind === 'list');
		expect(lists.map(list => list.element.kind === 'list' && list.element.loose)).toEqual([false, false]);
		const first = lists[0]?.element as Extract<Element, {kind: 'list'}>;
		// The first item shows with its list, from step 1.
		expect(lists[0]?.step).toBe(1);
		expect(first.items.map(item => item.step)).toEqual([undefined, 3, 4]);
		const nestedList = defined(first.items[0]).children[1] as Extract<Element, {kind: 'list'}>;
		expect(nestedList.items.map(item => item.step)).toEqual([2]);
		expect(lists[1]?.step).toBe(5);
	});

	it('presenterm: a list that opens the slide opens it with an empty step; a pause before the list adds none; nothing after the list, no step', () => {
		expect(stepsOf(openDeck('<!-- incremental_lists: true -->\n- a\n- b', 'x.md', 'presenterm'), 0)).toBe(3);
		const paused = openDeck(
			'## T\n\ntext\n\n<!-- pause -->\n\n<!-- incremental_lists: true -->\n\n- a\n- b\n\n<!-- speaker_note: n -->',
			'x.md',
			'presenterm',
		);
		expect(stepsOf(paused, 0)).toBe(3);
		expect(shownAt(paused, 1)).toEqual(['T', 'text', '• a']);
	});

	it("patat, as pandoc: a pause before every item, nested lists too; a list that opens a block quote takes the opposite setting, and what it nests the deck's", () => {
		const on = '---\npatat:\n  incrementalLists: true\n---\n\n# T\n\n- a\n  - a1\n  - a2\n- b\n\n> - q1\n> - q2\n\nafter';
		const deck = openDeck(on, 'x.md');
		// The title alone, a, a1, a2, b; the quoted list shows at once, with b, and so does what follows.
		expect(stepsOf(deck, 0)).toBe(5);
		expect(shownAt(deck, 0)).toEqual(['T']);
		expect(shownAt(deck, 1)).toEqual(['T', '• a']);
		expect(shownAt(deck, 2)).toEqual(['T', '• a', '◦ a1']);
		expect(shownAt(deck, 4)).toEqual(['T', '• a', '◦ a1', '◦ a2', '• b', '│   • q1', '│   • q2', 'after']);
		const off =
			'---\npatat:\n  incrementalLists: false\n---\n\n# T\n\n- a\n  - a1\n\n> - q1\n> - q2\n>   - q2a\n>   - q2b\n\n> text\n>\n> - r1\n> - r2';
		// Only the quoted list steps (q1, q2), not the list it nests, nor a list after text in a quote.
		expect(stepsOf(openDeck(off, 'x.md'), 0)).toBe(3);
		// A follower gets the steps joined by pauses, and reads the same nested list back.
		const follower = deckFromShared(shareDeck(deck, false), 'talk');
		expect(stepsOf(follower, 0)).toBe(5);
		expect([0, 1, 2, 4].map(step => shownAt(follower, step))).toEqual([0, 1, 2, 4].map(step => shownAt(deck, step)));
	});

	it("presenterm: options' incremental_lists in the front matter is every slide's default, and the comment switches it", () => {
		const deck = openDeck(
			'---\noptions:\n  incremental_lists: true\n---\n\nA\n=\n\n- a\n- b\n\n<!-- end_slide -->\n\nB\n=\n\n<!-- incremental_lists: false -->\n\n- a\n- b\n\n<!-- end_slide -->\n\nC\n=\n\n- a\n- b',
			'x.md',
		);
		expect(deck.dialect).toBe('presenterm');
		expect([0, 1, 2].map(i => stepsOf(deck, i))).toEqual([3, 1, 3]);
		// A follower reads it the same way.
		const follower = deckFromShared(shareDeck(deck, false), 'talk');
		expect([0, 1, 2].map(i => stepsOf(follower, i))).toEqual([3, 1, 3]);
	});

	it('patat: incrementalLists in the front matter', () => {
		expect(stepsOf(openDeck('---\npatat:\n  incrementalLists: true\n---\n\n# T\n\n1. one\n2. two\n', 'x.md'), 0)).toBe(3);
		expect(stepsOf(openDeck('---\npatat:\n  incrementalLists: false\n---\n\n# T\n\n1. one\n2. two\n', 'x.md'), 0)).toBe(1);
	});
});

describe("presenterm's multi-line speaker notes (YAML in the comment)", () => {
	it.each([
		['`<!--` alone, then the key', 'A\n=\n\nshown\n\n<!--\nspeaker_note: |\n  first line\n  second line\n-->\n\nafter'],
		['the key on the opening line', 'A\n=\n\nshown\n\n<!-- speaker_note: |\n  first line\n  second line\n-->\n\nafter'],
	])('%s: a literal block keeps its lines', (_, text) => {
		const deck = openDeck(text, 'x.md', 'presenterm');
		expect(slideText(deck, 0).notes).toBe('first line  \nsecond line  ');
		const slide = parseSlide(deck, 0);
		expect(slide.noteElements).toEqual([
			{kind: 'paragraph', inlines: [{kind: 'text', text: 'first line'}, {kind: 'break'}, {kind: 'text', text: 'second line'}]},
		]);
		expect(slide.bodyText).toBe('A\nshown\nafter');
		// The notes' lines stay out of the slide, which keeps its file lines.
		expect(slide.blocks.map(block => block.line)).toEqual([1, 4, text.split('\n').indexOf('after') + 1]);
	});

	it('a folded block (>) reads as one paragraph; a multi-line comment without the key stays hidden', () => {
		expect(slideText(openDeck('<!--\nspeaker_note: >\n  one\n  two\n-->', 'x.md', 'presenterm'), 0).notes).toBe('one\ntwo');
		const plain = openDeck('text\n\n<!--\njust a comment\n-->', 'x.md', 'presenterm');
		expect(slideText(plain, 0).hasNotes).toBe(false);
		expect(parseSlide(plain, 0).bodyText).toBe('text');
	});

	it('is presenterm evidence', () => {
		expect(detectDialect('A\n=\n\n<!--\nspeaker_note: |\n  n\n-->\n', {})).toBe('presenterm');
		expect(detectDialect('A\n=\n\n<!-- vim: set tw=80: -->\n<!-- end_slide -->\n', {})).toBe('presenterm');
	});
});

describe('a directive comment between two lists', () => {
	it.each([
		['new_lines', '<!-- new_lines: 1 -->'],
		['alignment', '<!-- alignment: left -->'],
		['a speaker note', '<!-- speaker_note: between -->'],
		['an unsupported directive', '<!-- font_size: 2 -->'],
	])('%s ends the list above it, as presenterm shows them: two tight lists', (_, comment) => {
		for (const gap of ['\n', '\n\n']) {
			const slide = parseSlide(openDeck(`## T\n\n- a\n- b${gap}${comment}${gap}- c\n- d`, 'x.md', 'presenterm'), 0);
			const lists = slide.blocks.filter(block => block.element.kind === 'list');
			expect(lists.map(list => list.element.kind === 'list' && [list.element.loose, list.element.items.length])).toEqual([
				[false, 2],
				[false, 2],
			]);
		}
	});

	it('the spacing it asks for goes on the second list', () => {
		const slide = parseSlide(openDeck('## T\n\n- a\n- b\n\n<!-- new_lines: 2 -->\n\n- c', 'x.md', 'presenterm'), 0);
		expect(slide.blocks.map(block => block.space ?? 0)).toEqual([0, 0, 2]);
	});
});

describe('the block tracker stays linear', () => {
	it('an unclosed comment followed by many lines', () => {
		const text = `<!--\n${'line\n'.repeat(200_000)}`;
		const deck = openDeck(`## A\n\n${text}`, 'x.md');
		expect(deck.count).toBe(1);
		expect(deck.warnings.map(warning => warning.message)).toEqual(['HTML comment <!-- is never closed with -->']);
	});
});

describe('a list revealed item by item', () => {
	const body = (text: string, dialect?: Parameters<typeof openDeck>[2], step = 9) =>
		renderSlideBody(parseSlide(openDeck(text, 'x.md', dialect), 0), step, 60, plainTheme).lines.map(line => writePlain(line).trimEnd());

	it.each([
		['a pause between tight items', '## T\n\n- one\n<!-- pause -->\n- two\n<!-- pause -->\n- three', 'lectern'],
		[
			'reveal fragment comments',
			'## T\n\n- one\n- two <!-- .element: class="fragment" -->\n- three <!-- .element: class="fragment" -->',
			'reveal',
		],
	] as const)('%s stays one tight list', (_, text, dialect) => {
		expect(body(text, dialect).filter(line => line !== '')).toEqual(['  T', '    • one', '    • two', '    • three']);
		expect(body(text, dialect)).toEqual(['  T', '', '    • one', '    • two', '    • three']);
		const deck = openDeck(text, 'x.md', dialect);
		expect(stepsOf(deck, 0)).toBe(3);
		expect(body(text, dialect, 1)).toEqual(['  T', '', '    • one', '    • two']);
		// The handout joins the steps back into one list.
		const elements = handoutOf(deck, {notes: false}).slides[0]?.blocks.map(block => block.element) ?? [];
		expect(elements.filter(element => element.kind === 'list').map(list => list.kind === 'list' && list.items.length)).toEqual([3]);
	});

	it('patat incrementalLists stays one tight list, its first item a step too', () => {
		const text = '---\npatat:\n  incrementalLists: true\n---\n## T\n\n- one\n- two\n- three';
		expect(body(text, 'patat')).toEqual(['  T', '', '    • one', '    • two', '    • three']);
		expect(stepsOf(openDeck(text, 'x.md', 'patat'), 0)).toBe(4);
		expect(body(text, 'patat', 0)).toEqual(['  T']);
		expect(body(text, 'patat', 2)).toEqual(['  T', '', '    • one', '    • two']);
		const elements = handoutOf(openDeck(text, 'x.md', 'patat'), {notes: false}).slides[0]?.blocks.map(block => block.element) ?? [];
		expect(elements.filter(element => element.kind === 'list').map(list => list.kind === 'list' && list.items.length)).toEqual([3]);
	});

	it('keeps the blank line its author left around a pause', () => {
		expect(body('## T\n\n- one\n\n<!-- pause -->\n\n- two')).toEqual(['  T', '', '    • one', '', '    • two']);
	});
});
