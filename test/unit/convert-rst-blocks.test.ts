// One rst construct per test, on small decks written for the purpose: what Markdown each
// becomes, and that the result is a deck Lectern reads the same way (slides, sections, notes).
import {describe, expect, it} from 'vitest';
import {convertRst} from '../../src/convert/rst/index.js';
import {openDeck, slideHead} from '../../src/deck/deck.js';
import {parseSlide} from '../../src/deck/parse.js';
import {defined} from '../support/defined.js';

const rst = (lines: readonly string[]) => `${lines.join('\n')}\n`;
const convert = (lines: readonly string[]) => convertRst(rst(lines));

/** The converted deck as Lectern reads it: one entry per slide. */
function slidesOf(markdown: string) {
	const deck = openDeck(markdown, 'converted.md');
	return Array.from({length: deck.count}, (_, index) => {
		const slide = parseSlide(deck, index);
		return {title: slide.title, section: slideHead(deck, index).isSection, notes: slide.notesText, body: slide.bodyText};
	});
}

describe('sections and slides', () => {
	it('maps levels in the order the deck first uses each style: level 1 sections, level 2 slides', () => {
		const {markdown, summary} = convert([
			'~~~~~~',
			'Part A',
			'~~~~~~',
			'',
			'First',
			'******',
			'',
			'text one',
			'',
			'Second',
			'******',
			'',
			'text two',
			'',
			'~~~~~~',
			'Part B',
			'~~~~~~',
			'',
			'Third',
			'******',
			'',
			'text three',
			'',
			'Fourth',
			'~~~~~~',
			'',
			'text four',
		]);
		expect(slidesOf(markdown).map(slide => [slide.title, slide.section])).toEqual([
			['Part A', true],
			['First', false],
			['Second', false],
			['Part B', true],
			['Third', false],
			['Fourth', false],
		]);
		// The overlined `~` and the underlined `~` are different styles: "Fourth" is a third level.
		expect(markdown).toContain('# Part A\n');
		expect(summary).toMatchObject({slides: 4, sections: 2, warnings: 0});
	});

	it('a deck with one level has a slide per title; level 3 is a slide, level 4 a heading inside it', () => {
		expect(
			slidesOf(convert(['One', '===', '', 'a', '', 'Two', '===', '', 'b']).markdown).map(slide => [slide.title, slide.section]),
		).toEqual([
			['One', false],
			['Two', false],
		]);
		const deep = convert([
			'P',
			'=',
			'',
			'S',
			'-',
			'',
			'T',
			'~',
			'',
			'x',
			'',
			'U',
			'^',
			'',
			'y',
			'',
			'Q',
			'=',
			'',
			'R',
			'-',
			'',
			'z',
		]).markdown;
		expect(slidesOf(deep).map(slide => slide.title)).toEqual(['P', 'S', 'T', 'Q', 'R']);
		expect(deep).toContain('## T\n\nx\n\n#### U\n\ny\n');
	});

	it('content right under a part goes on a slide of the same name; its notes stay on the section slide', () => {
		const slides = slidesOf(
			convert([
				'Part',
				'====',
				'',
				'.. note::',
				'',
				'   section notes',
				'',
				'Intro text.',
				'',
				'Slide',
				'-----',
				'',
				'body',
				'',
				'Next',
				'====',
			]).markdown,
		);
		expect(slides.map(slide => [slide.title, slide.section])).toEqual([
			['Part', true],
			['Part', false],
			['Slide', false],
			['Next', true],
		]);
		expect(defined(slides[0]).notes).toContain('section notes');
		expect(defined(slides[1]).body).toContain('Intro text.');
	});

	it('a title with docinfo fields becomes the front matter and a title slide', () => {
		const {markdown} = convert([
			'Deck Title',
			'==========',
			'',
			':Date: 2013-12-19',
			':Authors: Ivan Boule, Olivier Matz',
			'',
			'Part',
			'====',
			'',
			'Slide',
			'-----',
			'',
			'body',
		]);
		const deck = openDeck(markdown, 'converted.md');
		expect(deck.meta).toMatchObject({title: 'Deck Title', author: 'Ivan Boule, Olivier Matz', date: '2013-12-19'});
		expect(slidesOf(markdown).map(slide => [slide.title, slide.section])).toEqual([
			['Deck Title', false],
			['Part', true],
			['Slide', false],
		]);
	});

	it('a lone top title is the document title (docutils), a lone subtitle too, and the levels move up', () => {
		const {markdown} = convert([
			'=======',
			' Talk',
			'=======',
			'',
			'-----',
			' Sub',
			'-----',
			'',
			':Author: Me',
			'',
			'Part',
			'====',
			'',
			'Slide',
			'----',
			'',
			'x',
			'',
			'Other',
			'----',
			'',
			'y',
		]);
		expect(openDeck(markdown, 'converted.md').meta).toMatchObject({title: 'Talk', author: 'Me'});
		expect(slidesOf(markdown).map(slide => [slide.title, slide.section])).toEqual([
			['Talk', false],
			['Part', true],
			['Slide', false],
			['Other', false],
		]);
		expect(markdown).toContain('*Sub*');
	});

	it('hieroglyph slide, nextslide (with :increment:) and interslide make slides of their own', () => {
		const slides = slidesOf(
			convert([
				'Topic',
				'-----',
				'',
				'first part',
				'',
				'.. nextslide::',
				'   :increment:',
				'',
				'second part',
				'',
				'.. slide:: Extra',
				'',
				'   extra body',
				'',
				'.. interslide:: Break',
			]).markdown,
		);
		expect(slides.map(slide => slide.title)).toEqual(['Topic', 'Topic (2)', 'Extra', 'Break']);
		expect(defined(slides[1]).body).toContain('second part');
		expect(defined(slides[2]).body).toContain('extra body');
	});
});

describe('speaker notes', () => {
	it("note, notslides and ifnotslides become the slide's notes, in order, French text exact", () => {
		const {markdown, summary} = convert([
			'Slide',
			'-----',
			'',
			'- point',
			'',
			'.. note::',
			'',
			'   - généralisation de la mémoire « virtuelle »',
			'',
			'.. notslides::',
			'',
			'   Deuxième note.',
			'',
			'.. ifnotslides::',
			'',
			'   Troisième.',
		]);
		const [slide] = slidesOf(markdown);
		expect(defined(slide).body).not.toContain('note');
		expect(defined(slide).notes).toContain('généralisation de la mémoire « virtuelle »');
		expect(defined(slide).notes.indexOf('Deuxième note.')).toBeLessThan(defined(slide).notes.indexOf('Troisième.'));
		expect(markdown).toContain('::: notes\n- généralisation de la mémoire « virtuelle »\n\nDeuxième note.\n\nTroisième.\n:::');
		expect(summary.notes).toBe(1);
	});

	it('a note whose text starts on the directive line keeps it; notes hold lists and literal blocks', () => {
		const [slide] = slidesOf(convert(['S', '-', '', '.. note:: Said aloud', '   and more.', '', '   Code::', '', '      x = 1']).markdown);
		expect(defined(slide).notes).toContain('Said aloud and more.');
		expect(defined(slide).notes).toContain('x = 1');
	});
});

describe('lists', () => {
	it('bullets, nested lists kept tight, enumerated lists with their start and style', () => {
		const {markdown} = convert([
			'- one',
			'- two',
			'',
			'  - nested a',
			'  - nested b',
			'',
			'- three',
			'',
			'3. third',
			'4. fourth',
			'',
			'Then:',
			'',
			'#. auto',
			'#. auto two',
			'',
			'(b) bee',
			'(c) sea',
			'',
			'ii. two',
			'iii. three',
		]);
		expect(markdown).toContain('- one\n- two\n  - nested a\n  - nested b\n- three\n');
		expect(markdown).toContain('3. third\n4. fourth\n');
		expect(markdown).toContain('1. auto\n2. auto two\n');
		expect(markdown).toContain('2. bee\n3. sea\n');
		expect(markdown).toContain('2. two\n3. three\n');
	});

	it('hieroglyph\'s "build" class reveals the next list one item per step', () => {
		const {markdown} = convert(['S', '-', '', '.. rst-class:: build', '', '- first', '- second', '', 'After, not built.']);
		expect(markdown).toContain('- first\n\n<!-- pause -->\n\n- second\n');
		const deck = openDeck(markdown, 'converted.md');
		expect(slideHead(deck, 0).steps).toBe(2);
		expect(convert(['.. class:: build', '', '   1. one', '   2. two']).markdown).toContain('1. one\n\n<!-- pause -->\n\n2. two\n');
	});

	it('an item with several paragraphs makes a loose list; a line like "A. Smith wrote" stays a paragraph', () => {
		expect(convert(['- para one', '', '  para two', '- next']).markdown).toContain('- para one\n\n  para two\n\n- next\n');
		expect(convert(['A. Smith wrote', 'this.']).markdown).toContain('A. Smith wrote\nthis.\n');
	});

	it('definition lists (with classifiers) and field lists', () => {
		const {markdown} = convert(['term', '   the definition', '', 'other : kind', '   second', '', ':Field: value', ':Empty:']);
		expect(markdown).toContain('- **term**\n\n  the definition\n\n- **other** *(kind)*\n\n  second\n');
		expect(markdown).toContain('- **Field:** value\n- **Empty:**\n');
	});
});

describe('literal blocks', () => {
	it('the three "::" forms, each followed by a fence', () => {
		const {markdown} = convert(['Example::', '', '   a  b', '', 'Spaced ::', '', '   c', '', '::', '', '   d']);
		expect(markdown).toContain('Example:\n\n```\na  b\n```');
		expect(markdown).toContain('Spaced\n\n```\nc\n```');
		expect(markdown).toContain('```\nd\n```');
	});

	it('code-block keeps its language, highlight sets the default, "none" means text, backticks get a longer fence', () => {
		const {markdown} = convert([
			'.. code-block:: sh',
			'',
			'  $ gcc hello.c',
			'  $ ./a.out',
			'',
			'.. highlight:: c',
			'',
			'Then::',
			'',
			'   int x;',
			'',
			'.. code-block:: none',
			'',
			'   plain',
			'',
			'.. code:: python',
			'',
			'   ```',
			'   quoted',
		]);
		expect(markdown).toContain('```sh\n$ gcc hello.c\n$ ./a.out\n```');
		expect(markdown).toContain('```c\nint x;\n```');
		expect(markdown).toContain('```text\nplain\n```');
		expect(markdown).toContain('````python\n```\nquoted\n````');
	});

	it('a literal block inside a list item is indented with it', () => {
		expect(convert(['- Here::', '', '    code here', '', '- next']).markdown).toContain('- Here:\n\n  ```\n  code here\n  ```\n\n- next');
	});
});

describe('figures and images', () => {
	it('become a framed placeholder in a diagram fence, with file, size, caption and alt text', () => {
		const {markdown, summary} = convert([
			'S',
			'-',
			'',
			'.. figure:: images/cpu-virt.svg',
			'   :width: 70%',
			'   :alt: Guest and host rings',
			'',
			'   The *ring* model of CPU virtualization, drawn large enough to need two lines in the frame.',
			'',
			'   A legend paragraph.',
			'',
			'.. image:: logo.png',
		]);
		expect(summary.figures).toBe(2);
		expect(markdown).toContain('```diagram\n┌─ figure to redraw ──');
		expect(markdown).toContain('│ file: images/cpu-virt.svg');
		expect(markdown).toContain('│ size: width 70%');
		expect(markdown).toContain('│ caption: The ring model of CPU virtualization, drawn');
		expect(markdown).toContain('│ alt: Guest and host rings');
		expect(markdown).toContain('```\n\nA legend paragraph.');
		expect(markdown).toContain('│ file: logo.png');
		// Every row of the frame is as wide as the others.
		const frame = markdown.split('\n').filter(line => /^[┌│└]/.test(line));
		expect(new Set(frame.map(line => [...line].length)).size).toBe(1);
	});
});

describe('tables', () => {
	it('simple tables, with a header and continuation lines, become GFM tables', () => {
		const {markdown} = convert([
			'=====  ==========',
			'Mode   Meaning',
			'=====  ==========',
			'root   the VMM runs',
			'       here',
			'guest  a | b',
			'=====  ==========',
		]);
		expect(markdown).toContain('| Mode | Meaning |\n| --- | --- |\n| root | the VMM runs here |\n| guest | a \\| b |\n');
	});

	it('list-table (Sphinx) becomes a GFM table, its title a bold line', () => {
		const {markdown} = convert([
			'.. list-table:: Modes',
			'   :header-rows: 1',
			'',
			'   * - Mode',
			'     - Ring',
			'   * - guest',
			'     - ``0``',
			'   * - host',
			'     -',
		]);
		expect(markdown).toContain('**Modes**\n\n| Mode | Ring |\n| --- | --- |\n| guest | `0` |\n| host |  |\n');
	});

	it('a simple table without a header gets an empty header row', () => {
		expect(convert(['===  ===', 'a    b', 'c    d', '===  ===']).markdown).toContain('|  |  |\n| --- | --- |\n| a | b |\n| c | d |\n');
	});

	it('grid tables become GFM tables; spanning cells are kept as text with a warning naming the line', () => {
		expect(
			convert(['+-----+-----+', '| A   | B   |', '+=====+=====+', '| 1   | two |', '|     | 2   |', '+-----+-----+']).markdown,
		).toContain('| A | B |\n| --- | --- |\n| 1 | two 2 |\n');
		const spanning = convert(['Intro.', '', '+-----+-----+', '| wide cell |', '+-----+-----+', '| 1   | 2   |', '+-----+-----+']);
		expect(spanning.markdown).toContain('```text\n+-----+-----+\n| wide cell |');
		expect(spanning.warnings).toEqual([{line: 3, message: expect.stringContaining('spanning') as string}]);
	});
});

describe('everything else', () => {
	it('an unknown directive is kept in a text fence with a warning naming its line, never dropped', () => {
		const {markdown, warnings} = convert(['S', '-', '', 'Before.', '', '.. toctree::', '   :maxdepth: 2', '', '   intro', '', 'After.']);
		expect(markdown).toContain('```text\n.. toctree::\n   :maxdepth: 2\n\n   intro\n```');
		expect(warnings).toEqual([{line: 6, message: 'directive "toctree::" is not converted: kept as a text block'}]);
		expect(markdown.indexOf('Before.')).toBeLessThan(markdown.indexOf('After.'));
	});

	it('admonitions become labelled quotes; comments stay HTML comments, consecutive ones merged', () => {
		const {markdown} = convert(['S', '-', '', '.. warning:: Hot!', '', '.. a comment', '.. with --> inside', '', 'x']);
		expect(markdown).toContain('> **Warning:**\n>\n> Hot!');
		expect(markdown).toContain('<!--\n.. a comment\n.. with --&gt; inside\n-->');
		expect(defined(slidesOf(markdown)[0]).body).not.toContain('comment');
	});

	it('block quotes, line blocks and transitions', () => {
		const {markdown} = convert(['Para.', '', '   Quoted text.', '', '| line one', '| line two', '', '----', '', 'end']);
		expect(markdown).toContain('> Quoted text.');
		expect(markdown).toContain('line one\\\nline two');
		expect(markdown).toContain('* * *');
	});

	it('text that would mean something to Markdown or to Lectern stays text', () => {
		const {markdown} = convert([
			'S',
			'-',
			'',
			'Note:',
			'',
			'NOTE: this is important',
			'',
			'---',
			'x',
			'',
			'# not a heading',
			'',
			'???',
			'',
			':::',
		]);
		const [slide] = slidesOf(markdown);
		expect(defined(slide).notes).toBe('');
		expect(openDeck(markdown, 'converted.md').count).toBe(1);
		expect(defined(slide).body).toContain('# not a heading');
		expect(defined(slide).body).toContain('NOTE: this is important');
	});

	it('CRLF line ends, tabs and a byte-order mark are read like docutils reads them', () => {
		const {markdown} = convertRst('\uFEFFTitle\r\n=====\r\n\r\n-\tone\r\n-\ttwo\r\n');
		expect(markdown).toContain('## Title\n\n- one\n- two\n');
	});

	it('large tables and long border lines convert without quadratic work', () => {
		const border = `+${'-+'.repeat(50_000)}`;
		const grid = convert([border, `|${' |'.repeat(50_000)}`, border]);
		expect(grid.summary.warnings).toBe(0);
		const rows = Array.from({length: 50_000}, (_, index) => `${String(index).padEnd(5)}  x`);
		expect(convert(['=====  ===', ...rows, '=====  ===']).markdown).toContain('| 49999 | x |');
	});

	it('deep nesting is bounded: past the limit the rest is kept as text, with a warning', () => {
		const lines = Array.from({length: 60}, (_, depth) => `${' '.repeat(depth * 2)}- level ${depth}`);
		const {markdown, warnings} = convert(lines);
		expect(markdown).toContain('level 59');
		expect(defined(warnings[0]).message).toContain('nested more than');
	});
});
