import {readFileSync} from 'node:fs';
import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {openDeck, stepsOf} from '../../src/deck/deck.js';
import {parseSlide} from '../../src/deck/parse.js';
import type {Deck} from '../../src/deck/types.js';
import type {Element} from '../../src/deck/elements.js';
import type {Slide} from '../../src/deck/types.js';
import {renderElement} from '../../src/layout/blocks.js';
import {
	fitToHeight as fitLines,
	layoutSlide as layoutLines,
	renderNotes as renderNoteLines,
	scrollLimit,
	slideMargin,
	type Size,
} from '../../src/layout/layout.js';
import {clipLine, lineText, padLine, run, textLine, truncateLine, wrapHangingLine} from '../../src/layout/lines.js';
import {wrap} from '../../src/layout/text.js';
import {createTheme, type Theme} from '../../src/layout/theme.js';
import {writeAnsi} from '../../src/layout/write.js';
import {defined} from '../support/defined.js';
import {stripSgr} from '../support/sgr.js';

// The layout's typed lines, written as the terminal gets them (the ANSI writer).
const layoutSlide = (slide: Slide, step: number, size: Size, theme: Theme) => {
	const body = layoutLines(slide, step, size, theme);
	return {...body, lines: body.lines.map(line => writeAnsi(line, theme))};
};

const renderNotes = (notes: readonly Element[], width: number, theme: Theme) =>
	renderNoteLines(notes, width, theme).map(line => writeAnsi(line, theme));

const fitToHeight = (lines: readonly string[], height: number, scroll: number, theme: Theme) => {
	const fitted = fitLines(
		lines.map(line => textLine(line)),
		height,
		scroll,
		theme,
	);
	return {...fitted, lines: fitted.lines.map(line => writeAnsi(line, theme))};
};

/** The first block of a one-slide deck, as its element renders. */
const renderBlock = (source: string, width: number, theme: Theme) =>
	renderElement(defined(parseSlide(openDeck(source, 'x.md'), 0).blocks[0]).element, width, theme).map(line => writeAnsi(line, theme));

const plain = createTheme({level: 0, ascii: false});
const colour = createTheme({level: 3, ascii: false});
const ascii = createTheme({level: 0, ascii: true});

const deckFile = (path: string): Deck => openDeck(readFileSync(path, 'utf8'), path);
const guide = deckFile('decks/guide.md');
const lecture = deckFile('decks/virtualization.md');

/** Lay out slide 0 of a one-slide deck at its last step. */
function lay(markdown: string, size: Size, theme: Theme = plain, step = 99, dialect?: Parameters<typeof openDeck>[2]) {
	return layoutSlide(parseSlide(openDeck(markdown, 'x.md', dialect), 0), step, size, theme);
}

const sizes: readonly Size[] = [
	{width: 100, height: 30},
	{width: 80, height: 24},
	{width: 40, height: 10},
	{width: 120, height: 40},
	{width: 200, height: 50},
];

describe('layoutSlide: the bundled decks fit every size', () => {
	it.each([
		['guide', guide],
		['lecture', lecture],
	])('%s: exactly height lines, none wider than width, every slide and step', (_name, deck) => {
		expect(deck.count).toBeGreaterThan(20);
		const faults: string[] = [];
		for (const theme of [plain, colour]) {
			for (const size of sizes) {
				for (let index = 0; index < deck.count; index++) {
					const slide = parseSlide(deck, index);
					for (let step = 0; step < stepsOf(deck, index); step++) {
						const {lines} = layoutSlide(slide, step, size, theme);
						if (lines.length !== size.height) {
							faults.push(`slide ${index + 1} step ${step} ${size.width}x${size.height}: ${lines.length} lines`);
						}

						for (const line of lines) {
							if (stringWidth(line) > size.width || line.includes('\n')) {
								faults.push(`slide ${index + 1} step ${step} ${size.width}x${size.height}: ${JSON.stringify(line)}`);
							}
						}
					}
				}
			}
		}

		expect(faults).toEqual([]);
	});

	it('the guide fits 100x30 without clipping: its first slides report no problems', () => {
		expect(layoutSlide(parseSlide(guide, 0), 0, {width: 100, height: 22}, plain).problems).toEqual([]);
	});

	it('colour level 0 writes no escape sequence at all, even where it clips', () => {
		const faults: string[] = [];
		for (const deck of [guide, lecture]) {
			for (const size of [
				{width: 40, height: 10},
				{width: 100, height: 30},
			]) {
				for (let index = 0; index < deck.count; index++) {
					const slide = parseSlide(deck, index);
					const lines = [...layoutSlide(slide, stepsOf(deck, index) - 1, size, plain).lines, ...renderNotes(slide.noteElements, 30, plain)];
					// biome-ignore lint/suspicious/noControlCharactersInRegex: ESC and CSI start every escape sequence; finding one is the point
					for (const line of lines.filter(line => /[\u001B\u009B]/.test(line))) {
						faults.push(`${deck.file} slide ${index + 1}: ${JSON.stringify(line)}`);
					}
				}
			}
		}

		expect(faults).toEqual([]);
	});
});

describe('layoutSlide: content', () => {
	it('draws a title and the steps revealed so far', () => {
		const source = '## A\n\nfirst\n\n<!-- pause -->\n\nsecond';
		expect(lay(source, {width: 40, height: 6}, plain, 0)).toEqual({lines: [' A', '', ' first', '', '', ''], problems: []});
		expect(lay(source, {width: 40, height: 6}, plain, 1)).toEqual({lines: [' A', '', ' first', '', ' second', ''], problems: []});
	});

	it('uses a one-column margin below 60 columns, two from 60', () => {
		expect([slideMargin(59), slideMargin(60)]).toEqual([1, 2]);
		expect(lay('## A', {width: 60, height: 2}).lines).toEqual(['  A', '']);
	});

	it('centres a section slide vertically', () => {
		expect(lay('# Part one\n\n<!-- notes: x -->', {width: 40, height: 10})).toEqual({
			lines: ['', '', '', '', ' Part one', '', '', '', '', ''],
			problems: [],
		});
	});

	it('presenterm: new_lines adds blank rows, alignment sets prose line by line and a list as one block, jump_to_middle starts at the middle row', () => {
		// Each deck ends its slide, so that it is split at separators (not at headings).
		const presenterm = (markdown: string, size: Size) =>
			layoutSlide(parseSlide(openDeck(`${markdown}\n\n<!-- end_slide -->\n\nnext`, 'x.md', 'presenterm'), 0), 9, size, plain).lines.map(
				line => line.trimEnd(),
			);
		expect(presenterm('T\n===\n\na\n\n<!-- new_lines: 2 -->\n\nb', {width: 20, height: 7})).toEqual([' T', '', ' a', '', '', '', ' b']);
		expect(
			presenterm('T\n===\n\n<!-- alignment: right -->\n\nab\n\n- x\n- yyy\n\n<!-- alignment: center -->\n\nmid', {width: 20, height: 8}),
		).toEqual([' T', '', '                 ab', '', '              • x', '              • yyy', '', '        mid']);
		expect(presenterm('<!-- jump_to_middle -->\n\nPart two\n========\n\nbelow', {width: 20, height: 10})).toEqual([
			'',
			'',
			'',
			'',
			'',
			' Part two',
			'',
			' below',
			'',
			'',
		]);
		// Content already past the middle is not moved up.
		expect(presenterm('T\n===\n\na\n\nb\n\n<!-- jump_to_middle -->\n\nc', {width: 20, height: 8})).toEqual([
			' T',
			'',
			' a',
			'',
			' b',
			'',
			' c',
			'',
		]);
	});

	it("presenterm's introduction slide: centred, from the middle row down", () => {
		const deck = openDeck('---\ntitle: Trains\nauthor: A. Driver\n---\n\nNext\n===\n\ntext', 'x.md', 'presenterm');
		expect(deck.intro).toBe(true);
		expect(layoutSlide(parseSlide(deck, 0), 0, {width: 20, height: 8}, plain).lines.map(line => line.trimEnd())).toEqual([
			'',
			'',
			'',
			'',
			'       Trains',
			'',
			'     A. Driver',
			'',
		]);
	});

	it('wraps CJK and emoji by cells, not code units', () => {
		const {lines, problems} = lay(
			'## 日本語\n\n日本語の文章はとても長いのでこの行は折り返されるはずです。日本語の文章はとても長い。\n\n絵文字 😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀',
			{width: 40, height: 10},
		);
		expect(problems).toEqual([]);
		expect(lines).toEqual([
			' 日本語',
			'',
			' 日本語の文章はとても長いのでこの行は折',
			' り返されるはずです。日本語の文章はとて',
			' も長い。',
			'',
			' 絵文字 😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀',
			' 😀😀😀😀😀😀😀',
			'',
			'',
		]);
		expect(lines.map(line => stringWidth(line))).toEqual([7, 0, 39, 39, 9, 0, 38, 15, 0, 0]);
	});

	it('wraps a long CJK title', () => {
		expect(lay('## 日本語のタイトルはとても長いので折り返されるはずです', {width: 40, height: 3}).lines).toEqual([
			' 日本語のタイトルはとても長いので折り返',
			' されるはずです',
			'',
		]);
	});

	it('clips a too-wide diagram with the › marker and reports how wide it is', () => {
		const top = `┌${'─'.repeat(50)}┐`;
		const bottom = `└${'─'.repeat(50)}┘`;
		const {lines, problems} = lay(`## D\n\n\`\`\`diagram\n${top}\n│ x\n${bottom}\n\`\`\``, {width: 40, height: 6});
		expect(problems).toEqual([{kind: 'wide', line: 3, width: 52, available: 38, what: 'diagram'}]);
		expect(lines).toEqual([' D', '', ` ┌${'─'.repeat(36)}›`, ' │ x', ` └${'─'.repeat(36)}›`, '']);
		expect(lines.map(line => stringWidth(line))).toEqual([2, 0, 39, 4, 39, 0]);
	});

	it('clips a wide CJK diagram on a cell boundary, padding half a character', () => {
		const {lines, problems} = lay(`\`\`\`text\n${'漢'.repeat(30)}\n\`\`\``, {width: 40, height: 1});
		expect(problems).toEqual([{kind: 'wide', line: 1, width: 60, available: 38, what: 'diagram'}]);
		expect(lines).toEqual([` ${'漢'.repeat(18)} ›`]);
	});

	it('clips wide code, and a table with more columns than the slide has room for, naming what was clipped', () => {
		expect(lay(`\`\`\`python\n${'y'.repeat(60)}\n\`\`\``, {width: 40, height: 1}).problems).toEqual([
			{kind: 'wide', line: 1, width: 60, available: 38, what: 'code'},
		]);
		const cells = Array.from({length: 12}, (_, i) => `c${i}`);
		const table = lay(`| ${cells.join(' | ')} |\n|${cells.map(() => '---').join('|')}|`, {width: 40, height: 5});
		expect(table.problems).toEqual([{kind: 'wide', line: 1, width: 63, available: 38, what: 'table'}]);
		expect(table.lines[0]).toBe(` ┌${'────┬'.repeat(7)}─›`);
	});

	it('wraps a GFM table wider than the slide, breaking a word only when even the words do not fit', () => {
		const {lines, problems} = lay(`| a | b |\n|---|---|\n| ${'x'.repeat(60)} | y |`, {width: 40, height: 7});
		expect(problems).toEqual([]);
		expect(lines).toEqual([
			` ┌${'─'.repeat(32)}┬───┐`,
			` │ a${' '.repeat(29)} │ b │`,
			` ├${'─'.repeat(32)}┼───┤`,
			` │ ${'x'.repeat(30)} │ y │`,
			` │ ${'x'.repeat(30)} │   │`,
			` └${'─'.repeat(32)}┴───┘`,
			'',
		]);
	});

	it('draws a table whose header cells are all blank with no header row', () => {
		expect(lay('| | |\n|---|--:|\n| a | 12 |\n| bb | 3 |', {width: 40, height: 5}).lines).toEqual([
			' ┌────┬────┐',
			' │ a  │ 12 │',
			' │ bb │  3 │',
			' └────┴────┘',
			'',
		]);
	});

	it("wraps a pandoc table wider than the slide in its columns' proportions, not breaking a word that fits", () => {
		const table = '----- --------------------\nalpha one two three four five six\n\nbe    seven\n----- --------------------';
		const {lines, problems} = lay(table, {width: 30, height: 8}, plain, 99, 'patat');
		expect(problems).toEqual([]);
		expect(lines).toEqual([
			' ┌───────┬──────────────────┐',
			' │ alpha │ one two three    │',
			' │       │ four five six    │',
			' │ be    │ seven            │',
			' └───────┴──────────────────┘',
			'',
			'',
			'',
		]);
	});

	it('ends a too-tall slide with a "more below" line and reports it', () => {
		const {lines, problems} = lay(`## T\n\n${Array.from({length: 20}, (_, i) => `- line ${i}`).join('\n')}`, {width: 40, height: 10});
		expect(problems).toEqual([{kind: 'tall', rows: 22, available: 10}]);
		expect(lines).toEqual([
			' T',
			'',
			'   • line 0',
			'   • line 1',
			'   • line 2',
			'   • line 3',
			'   • line 4',
			'   • line 5',
			'   • line 6',
			'  ▼ more below (13 lines)',
		]);
	});

	it('wraps bullets with a hanging indent', () => {
		const {lines} = lay(
			'## B\n\n- a bullet with a rather long text that has to wrap onto the next line for sure\n  - nested bullet also quite long so that it will wrap around the width\n\n1. numbered item that is long enough to wrap at forty columns wide',
			{width: 40, height: 11},
		);
		expect(lines).toEqual([
			' B',
			'',
			'   • a bullet with a rather long text',
			'     that has to wrap onto the next',
			'     line for sure',
			'     ◦ nested bullet also quite long so',
			'       that it will wrap around the',
			'       width',
			'',
			'   1. numbered item that is long enough',
			'      to wrap at forty columns wide',
		]);
	});

	it('renders inline Markdown inside list items (not raw ** and backticks)', () => {
		expect(lay('- a **b** `c` *d* [l](http://x.org)\n- two', {width: 60, height: 2}).lines).toEqual([
			'    • a b c d l (http://x.org)',
			'    • two',
		]);
		const styled = lay('- **b**', {width: 60, height: 1}, colour).lines[0];
		expect(styled).toBe('    • \u001B[1mb\u001B[22m');
	});

	it('keeps escapes proportional to the content in deeply nested lists', () => {
		const {lines} = lay(`${'- '.repeat(16)}deep ${'word '.repeat(40)}`, {width: 140, height: 4}, colour);
		const bytes = lines.join('\n').length;
		// Content is ~250 characters; chalk.reset nesting used to double the escapes per level.
		expect(bytes).toBeLessThan(1000);
		expect(stripSgr(lines.join(' '))).toContain('deep word word');
	});

	it('joins soft line breaks and rewraps prose to the width', () => {
		expect(lay('one two\nthree four', {width: 60, height: 1}).lines).toEqual(['  one two three four']);
	});

	it('shows where links go', () => {
		expect(lay('## L\n\nSee [the docs](https://example.com/docs) and <https://x.org>.', {width: 60, height: 4}).lines).toEqual([
			'  L',
			'',
			'  See the docs (https://example.com/docs) and',
			'  https://x.org.',
		]);
	});

	it('draws other blocks plainly at colour level 0', () => {
		const {lines} = lay(
			'## A\n\n> quoted text here\n\n***\n\n1. one\n2. two\n\n`code` **b** *i* ~~s~~\n\n![alt](x.png)\n\n<b>html</b>\n\n### Sub',
			{width: 40, height: 16},
		);
		expect(lines).toEqual([
			' A',
			'',
			' │ quoted text here',
			'',
			` ${'─'.repeat(38)}`,
			'',
			'   1. one',
			'   2. two',
			'',
			' code b i s',
			'',
			' [image: alt]',
			'',
			' html',
			'',
			' Sub',
		]);
	});

	it('with the ASCII theme: box drawing becomes +-| and bullets are *', () => {
		const {lines} = lay(
			'## A\n\n- one\n  - two\n\n```diagram\n┌─┐\n│x│\n└─┘\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |',
			{width: 60, height: 15},
			ascii,
		);
		expect(lines).toEqual([
			'  A',
			'',
			'    * one',
			'      - two',
			'',
			'  +-+',
			'  |x|',
			'  +-+',
			'',
			'  +---+---+',
			'  | a | b |',
			'  +---+---+',
			'  | 1 | 2 |',
			'  +---+---+',
			'',
		]);
		expect(lines.join('').match(/[^\u0020-\u007E]/g)).toBeNull();
	});

	it('with the ASCII theme the clip and overflow markers are ASCII', () => {
		expect(lay(`\`\`\`text\n${'x'.repeat(50)}\n\`\`\``, {width: 40, height: 1}, ascii).lines).toEqual([` ${'x'.repeat(37)}>`]);
		expect(lay(Array.from({length: 5}, (_, i) => `line ${i}\n`).join('\n'), {width: 40, height: 3}, ascii).lines[2]).toBe(
			'  v more below (7 lines)',
		);
	});

	it('styles with SGR only when colour is on', () => {
		const {lines} = lay('## A\n\n```python\nprint(1)\n```', {width: 40, height: 3}, colour);
		expect(lines[0]).toBe(' \u001B[1m\u001B[36mA\u001B[39m\u001B[22m');
		expect(stripSgr(lines.join('\n'))).toBe(' A\n\n print(1)');
	});
});

describe('renderNotes', () => {
	it('says when a slide has no notes', () => {
		expect(renderNotes([], 30, plain)).toEqual(['No speaker notes for this slide.']);
	});

	it('wraps notes to the pane', () => {
		const slide = parseSlide(openDeck('## A\n<!-- notes: a long note that needs to wrap at twenty cells -->', 'x.md'), 0);
		expect(renderNotes(slide.noteElements, 20, plain)).toEqual(['a long note that', 'needs to wrap at', 'twenty cells']);
	});
});

describe('fitToHeight', () => {
	it('cuts with a marker line, scrolls, clamps the scroll and pads', () => {
		expect(fitToHeight(['a', 'b', 'c', 'd', 'e'], 3, 0, plain)).toEqual({
			lines: ['a', 'b', '  ▼ more below (3 lines)'],
			hiddenBelow: 3,
			scroll: 0,
		});
		expect(fitToHeight(['a', 'b', 'c', 'd', 'e'], 3, 3, plain)).toEqual({
			lines: ['  ▲ more above (3 lines)', 'd', 'e'],
			hiddenBelow: 0,
			scroll: 3,
		});
		expect(fitToHeight(['a', 'b', 'c', 'd', 'e'], 3, 99, plain)).toEqual({
			lines: ['  ▲ more above (3 lines)', 'd', 'e'],
			hiddenBelow: 0,
			scroll: 3,
		});
		expect(fitToHeight(['a', 'b', 'c', 'd'], 3, 1, plain)).toEqual({
			lines: ['  ▲ more above (1 line)', 'b', '  ▼ more below (2 lines)'],
			hiddenBelow: 2,
			scroll: 1,
		});
		expect(fitToHeight(['a'], 3, 0, plain)).toEqual({lines: ['a', '', ''], hiddenBelow: 0, scroll: 0});
		expect(fitToHeight(['a', 'b', 'c', 'd', 'e'], 4, 1, plain).lines).toEqual([
			'  ▲ more above (1 line)',
			'b',
			'c',
			'  ▼ more below (2 lines)',
		]);
		expect(fitToHeight(['a', 'b', 'c'], 2, 0, plain).lines).toEqual(['a', '  ▼ more below (2 lines)']);
		expect(fitToHeight(['a', 'b', 'c'], 2, 1, plain).lines).toEqual(['b', 'c']);
		expect(fitToHeight(['a', 'b'], 1, 0, plain).lines).toEqual(['  ▼ more below (2 lines)']);
	});

	it('scrolls until the last line is on the bottom row, and no further', () => {
		expect(scrollLimit(3, 3)).toBe(0);
		expect(scrollLimit(5, 3)).toBe(3);
		expect(scrollLimit(3, 2)).toBe(1);
		for (let count = 0; count < 12; count++) {
			for (let height = 1; height < 8; height++) {
				const lines = Array.from({length: count}, (_, i) => `l${i}`);
				const limit = scrollLimit(count, height);
				const end = fitToHeight(lines, height, limit, plain).lines;
				expect(end, `${count} in ${height}`).toHaveLength(height);
				if (count > 0) {
					// The last line is shown, and one scroll less shows something else.
					expect(end).toContain(`l${count - 1}`);
				}

				if (limit > 0) {
					expect(fitToHeight(lines, height, limit - 1, plain).lines).not.toEqual(end);
				}
			}
		}
	});
});

describe('text helpers measure cells', () => {
	it('wrap', () => {
		expect(wrap('日本語の文章', 5)).toEqual(['日本', '語の', '文章']);
		expect(wrap('abc', 0)).toEqual([]);
		expect(wrap('a bb ccc', 4)).toEqual(['a bb', 'ccc']);
	});

	it('wrapHangingLine keeps the text under the marker', () => {
		expect(wrapHangingLine(textLine('  - alpha beta gamma'), 12).map(lineText)).toEqual(['  - alpha', '    beta', '    gamma']);
		expect(wrapHangingLine(textLine('short'), 12).map(lineText)).toEqual(['short']);
	});

	it('clipLine', () => {
		const clip = (text: string, width: number) => {
			const {line, clipped} = clipLine(textLine(text), width, run('›'));
			return {line: lineText(line), clipped};
		};

		expect(clip('abcdef', 4)).toEqual({line: 'abc›', clipped: true});
		expect(clip('abcd', 4)).toEqual({line: 'abcd', clipped: false});
		expect(clip('日本語', 4)).toEqual({line: '日 ›', clipped: true});
	});

	it('truncateLine and padLine', () => {
		const truncate = (text: string, width: number) => lineText(truncateLine(textLine(text), width, run('…')));
		expect(truncate('abcdef', 4)).toBe('abc…');
		expect(truncate('日本語', 4)).toBe('日 …');
		expect(truncate('abc', 0)).toBe('');
		expect(lineText(padLine(textLine('ab'), 4))).toBe('ab  ');
		expect(lineText(padLine(textLine('日本語'), 5))).toBe('日本 ');
	});
});

describe('block quotes', () => {
	const theme = createTheme({level: 0, ascii: false});

	it('put a bar before every line, lists keep their depth, and deep nesting stays within the width', () => {
		const quote = (source: string, width: number) => renderBlock(source, width, theme);
		expect(quote('> - one\n> - two\n>   - three', 40)).toEqual(['│   • one', '│   • two', '│     ◦ three']);
		expect(quote('> para\n>\n> > inner', 40)).toEqual(['│ para', '│', '│ │ inner']);
		const deep = quote(`${'> '.repeat(40)}deep`, 30);
		expect(deep.at(-1)?.endsWith('deep')).toBe(true);
		expect(Math.max(...deep.map(line => stringWidth(line)))).toBeLessThanOrEqual(30);
	});
});

describe('tables', () => {
	it('decode entities in the header as in the body, and size the columns on the decoded text', () => {
		const theme = createTheme({level: 0, ascii: false});
		const lines = renderBlock('| a &amp; b | `x &lt; y` |\n|---|---|\n| 1 &lt; 2 | 3 |\n', 60, theme);
		expect(lines[1]).toBe('│ a & b │ x < y │');
		expect(lines[3]).toBe('│ 1 < 2 │ 3     │');
	});

	const table = (source: string) => renderBlock(source, 80, createTheme({level: 0, ascii: false}));

	it('align columns as the delimiter row says: left, centre, right, and left when unsaid; one rule, under the header', () => {
		const lines = table(
			'| left | centre | right | none |\n|:---|:---:|---:|---|\n| a | b | c | d |\n| longer | longer | longer | longer |\n',
		);
		expect(lines).toEqual([
			'┌────────┬────────┬────────┬────────┐',
			'│ left   │ centre │  right │ none   │',
			'├────────┼────────┼────────┼────────┤',
			'│ a      │   b    │      c │ d      │',
			'│ longer │ longer │ longer │ longer │',
			'└────────┴────────┴────────┴────────┘',
		]);
	});

	it('align by cells, so wide characters line up', () => {
		const lines = table('| c | r |\n|:-:|--:|\n| 日本語のスライド | 日本 |\n| a | 語 |\n');
		expect(lines[3]).toBe('│ 日本語のスライド │ 日本 │');
		expect(lines[4]).toBe('│        a         │   語 │');
		expect(new Set(lines.map(line => stringWidth(line))).size).toBe(1);
	});

	it('a code span keeps its colons, in the header too', () => {
		expect(table('| `a:b` |\n|---|\n| `c:d` |\n')).toContain('│ a:b │');
		expect(table('| `a:b` |\n|---|\n| `c:d` |\n')).toContain('│ c:d │');
	});
});
