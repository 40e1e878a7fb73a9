import {describe, expect, it} from 'vitest';
import {DeckError, normalizeText, openDeck, sectionIndexOf, slideHead, slideLine, slideSource, stepsOf} from '../../src/deck/deck.js';
import {FrontMatterError} from '../../src/deck/front-matter.js';
import {HeadingList, scanSlides, typedSlidesFrom} from '../../src/deck/scan.js';

/** The slides' texts as the scanner cut them. */
function slides(text: string): string[] {
	const bounds = scanSlides(text);
	return Array.from(bounds.starts, (start, i) => text.slice(start, bounds.ends[i]));
}

function deckSlides(text: string): string[] {
	const deck = openDeck(text, 'deck.md');
	return Array.from({length: deck.count}, (_, i) => slideSource(deck, i));
}

describe('scanSlides: separators', () => {
	it('splits on a --- line', () => {
		expect(slides('a\n\n---\nb\n')).toEqual(['a\n\n', 'b\n']);
		expect(slides('## A\n---\nb\n')).toEqual(['## A\n', 'b\n']);
	});

	it('splits on <!-- end_slide -->', () => {
		expect(slides('a\n<!-- end_slide -->\nb')).toEqual(['a\n', 'b']);
		expect(slides('Title\n=====\n<!-- end_slide -->\nb')).toEqual(['Title\n=====\n', 'b']);
		expect(slides('a\n<!--end_slide-->\nb')).toEqual(['a\n', 'b']);
	});

	it('mixes both separators', () => {
		expect(slides('a\n\n---\nb\n<!-- end_slide -->\nc')).toEqual(['a\n\n', 'b\n', 'c']);
	});

	it('does not split on lines that only look like a separator', () => {
		expect(slides('a\n----\nb')).toEqual(['a\n----\nb']);
		expect(slides('a\n - - -\nb')).toEqual(['a\n - - -\nb']);
		expect(slides('a\n***\nb')).toEqual(['a\n***\nb']);
		expect(slides('a\n --- \nb')).toEqual(['a\n --- \nb']);
	});

	it('reads a --- right under a paragraph line as a setext heading, as CommonMark does, and warns', () => {
		expect(slides('para\n---\nb')).toEqual(['para\n---\nb']);
		expect(scanSlides('x\n\npara\n---\nb').warnings).toEqual([
			{
				line: 3,
				message: 'this --- underlines the line above as a heading (CommonMark); put a blank line above it to end the slide',
				severity: 'warning',
			},
		]);
		// A --- under a list item's or a quote's text is a thematic break of the document.
		expect(slides('- item\n---\nb')).toEqual(['- item\n', 'b']);
		expect(slides('> quote\n---\nb')).toEqual(['> quote\n', 'b']);
		expect(slides('> quote\nlazy\n---\nb')).toEqual(['> quote\nlazy\n', 'b']);
	});

	it('drops the blank slides a leading or trailing separator would make', () => {
		expect(slides('---\na\n\n---\nb\n\n---\n')).toEqual(['a\n\n', 'b\n\n']);
		expect(slides('\n\n---\na\n\n---\n\n  \n')).toEqual(['a\n\n']);
	});

	it('keeps a blank slide between two separators in the middle', () => {
		expect(slides('a\n\n---\n\n---\nb')).toEqual(['a\n\n', '\n', 'b']);
	});

	it('records the 0-based line each slide starts on', () => {
		expect(scanSlides('# a\n---\nb\nc\n\n---\nd').lines).toEqual([0, 2, 6]);
		expect(scanSlides('---\na\n\n---\nb').lines).toEqual([1, 4]);
	});
});

describe('scanSlides: fences and comments hide separators', () => {
	it.each([
		['backtick fence', 'a\n```\n---\n```\nb'],
		['tilde fence', 'a\n~~~\n---\n~~~\nb'],
		['fence with info string', 'a\n```yaml\n---\nkey: 1\n```\nb'],
		['longer fence holding a shorter one', 'a\n````\n```\n---\n````\nb'],
		['tilde fence holding backticks', 'a\n~~~\n```\n---\n~~~\nb'],
		['fence indented three spaces', 'a\n   ```\n---\n   ```\nb'],
		['closing fence longer than the opener', 'a\n```\n---\n`````\nb'],
		['multi-line HTML comment', 'a\n<!--\n---\n-->\nb'],
		['comment with text after its opener', 'a\n<!-- start of a remark\n---\nend -->\nb'],
		['comment indented three spaces', 'a\n   <!--\n---\n-->\nb'],
		['indented comment with its opener and closer on one line, then one that spans', 'a\n  <!-- x -->\n <!--\n---\n-->\nb'],
	])('%s', (_name, text) => {
		expect(slides(text)).toEqual([text]);
	});

	it('a shorter fence does not close a longer one', () => {
		expect(slides('````\n```\n---\n```\n````\n---\nb')).toEqual(['````\n```\n---\n```\n````\n', 'b']);
	});

	it('a fence of the other character does not close it', () => {
		expect(slides('```\n~~~\n---\n```\n---\nb')).toEqual(['```\n~~~\n---\n```\n', 'b']);
	});

	it('a comment indented four spaces is indented code: the separator after it counts', () => {
		expect(slides('a\n\n    <!--\n---\nb')).toEqual(['a\n\n    <!--\n', 'b']);
	});

	it('a fence indented four spaces is indented code, not a fence', () => {
		expect(slides('    ```\n---\nc')).toEqual(['    ```\n', 'c']);
	});

	it('a one-line comment does not hide the next separator', () => {
		expect(slides('a\n<!-- note -->\n---\nb')).toEqual(['a\n<!-- note -->\n', 'b']);
	});

	it('splits again after the fence or comment closes', () => {
		expect(slides('~~~\n---\n~~~\n---\nb')).toEqual(['~~~\n---\n~~~\n', 'b']);
		expect(slides('a\n<!--\n---\n-->\nb\n\n---\nc')).toEqual(['a\n<!--\n---\n-->\nb\n\n', 'c']);
	});

	it('warns about a fence that never closes, with its 0-based line', () => {
		const bounds = scanSlides('a\n\n```js\n---\nb');
		expect(bounds.warnings).toEqual([{line: 2, message: 'code fence ``` is never closed'}]);
		expect(bounds.starts).toHaveLength(1);
	});

	it('warns about a comment that never closes', () => {
		const bounds = scanSlides('a\n<!-- x\n---\nb');
		expect(bounds.warnings).toEqual([{line: 1, message: 'HTML comment <!-- is never closed with -->'}]);
		expect(bounds.starts).toHaveLength(1);
	});

	it('names the longer marker of an unclosed long fence', () => {
		expect(scanSlides('~~~~\nx').warnings).toEqual([{line: 0, message: 'code fence ~~~~ is never closed'}]);
	});
});

describe('scanSlides: a deck without separators splits at headings', () => {
	it('starts a slide at each # and ## heading, not at ###', () => {
		expect(slides('# A\ntext\n## B\nmore\n### C\n# D')).toEqual(['# A\ntext\n', '## B\nmore\n### C\n', '# D']);
	});

	it('keeps text before the first heading as its own slide', () => {
		expect(slides('intro\n# A\ntext')).toEqual(['intro\n', '# A\ntext']);
	});

	it('ignores headings inside fences', () => {
		expect(slides('# A\n```\n# not a slide\n```\n## B')).toEqual(['# A\n```\n# not a slide\n```\n', '## B']);
	});

	it('is one slide when there is neither a separator nor a heading', () => {
		expect(slides('just\ntext')).toEqual(['just\ntext']);
	});

	it('splits only at separators when the deck has any', () => {
		expect(slides('# A\n## B\n---\n# C')).toEqual(['# A\n## B\n', '# C']);
	});

	it('cuts tens of thousands of headings (several chunks of the heading columns), text before the first one its own slide', () => {
		const count = 40_000;
		const bounds = scanSlides(`intro\n${'#\n### not a cut\n'.repeat(count)}`);
		expect(bounds.starts).toHaveLength(count + 1);
		expect(bounds.lines.slice(0, 3)).toEqual([0, 1, 3]);
		expect(bounds.lines.at(-1)).toBe(2 * count - 1);
		expect(bounds.starts.slice(0, 3)).toEqual([0, 6, 22]);
		expect(bounds.ends.slice(0, 2)).toEqual([6, 22]);
		expect(bounds.ends.at(-1)).toBe(6 + 16 * count);
	});
});

describe('a deck of hundreds of thousands of slides cut at headings', () => {
	it("keeps the slides' numbers in Int32Arrays from typedSlidesFrom slides on (no plain array of millions allocated at once)", () => {
		const count = typedSlidesFrom + 10;
		const text = `intro\n${'# a\n'.repeat(count)}`;
		const bounds = scanSlides(text);
		expect(bounds.starts).toBeInstanceOf(Int32Array);
		expect(bounds.ends).toBeInstanceOf(Int32Array);
		expect(bounds.lines).toBeInstanceOf(Int32Array);
		expect(bounds.starts).toHaveLength(count + 1);
		expect(bounds.ends).toHaveLength(count + 1);
		expect(bounds.lines).toHaveLength(count + 1);
		expect(Array.from(bounds.starts).slice(0, 3)).toEqual([0, 6, 10]);
		expect(Array.from(bounds.ends).slice(0, 2)).toEqual([6, 10]);
		expect(bounds.ends[count]).toBe(text.length);
		expect(bounds.lines[count]).toBe(count);
		// The same slides as a plain array's below the threshold.
		const small = scanSlides(`intro\n${'# a\n'.repeat(100)}`);
		expect(Array.isArray(small.starts)).toBe(true);
		expect(Array.from(bounds.starts).slice(0, 101)).toEqual(small.starts);
	});

	it('a deck opened from such a scan reads its slides as any other', () => {
		const deck = openDeck(`# first\n${'# a\n'.repeat(typedSlidesFrom)}`, 'deck.md');
		expect(deck.count).toBe(typedSlidesFrom + 1);
		expect(deck.starts).toBeInstanceOf(Int32Array);
		expect(slideSource(deck, 0)).toBe('# first\n');
		expect(slideSource(deck, deck.count - 1)).toBe('# a\n');
		expect(slideLine(deck, deck.count - 1)).toBe(typedSlidesFrom + 1);
	});
});

describe('HeadingList: the scan keeps headings as columns of typed arrays', () => {
	it('gives back what was pushed, across chunks', () => {
		const list = new HeadingList();
		for (let i = 0; i < 40_000; i++) list.push(i * 3, i * 2, (i % 6) + 1);
		expect(list.length).toBe(40_000);
		for (const i of [0, 16_383, 16_384, 39_999]) {
			expect(list.at(i)).toEqual({start: i * 3, line: i * 2, level: (i % 6) + 1});
		}
	});
});

describe('openDeck', () => {
	it('throws DeckError for a deck of only separators', () => {
		expect(() => openDeck('---\n---\n\n---\n', 'x.md')).toThrow(DeckError);
		expect(() => openDeck('\n---\n   \n---\n', 'x.md')).toThrow('the deck has no slides (it is empty or holds only separators)');
		expect(() => openDeck('', 'x.md')).toThrow(DeckError);
	});

	it('throws FrontMatterError when the front matter never closes', () => {
		expect(() => openDeck('---\ntitle: x\n# A\n', 'x.md')).toThrow(FrontMatterError);
	});

	it('counts source lines from the top of the file, front matter included', () => {
		const text = ['---', 'title: T', '---', '# Part', '---', '## A', 'text', '', '---', '## B'].join('\n');
		const deck = openDeck(text, 'deck.md');
		expect(deck.bodyLine).toBe(3);
		expect(deck.count).toBe(3);
		expect([0, 1, 2].map(i => slideLine(deck, i))).toEqual([4, 6, 10]);
		expect(slideHead(deck, 1).source).toEqual({file: 'deck.md', line: 6});
	});

	it('reports scanner warnings at 1-based file lines', () => {
		const deck = openDeck('---\ntitle: T\n---\n## A\n\n```\ncode', 'deck.md');
		expect(deck.warnings).toEqual([{line: 6, message: 'code fence ``` is never closed'}]);
		const comment = openDeck('## A\n<!-- open\n', 'deck.md');
		expect(comment.warnings).toEqual([{line: 2, message: 'HTML comment <!-- is never closed with -->'}]);
	});

	it('reads CRLF line ends', () => {
		const deck = openDeck('---\r\ntitle: T\r\n---\r\n## A\r\n---\r\n## B\r\n', 'crlf.md');
		expect(deck.meta.title).toBe('T');
		expect(deckSlides('## A\r\n---\r\n## B\r\n')).toEqual(['## A\n', '## B\n']);
		expect(deck.body.includes('\r')).toBe(false);
		expect(slideLine(deck, 1)).toBe(6);
	});

	it('reads old Mac CR line ends', () => {
		expect(deckSlides('a\rb\r\r---\rc')).toEqual(['a\nb\n\n', 'c']);
	});

	it('strips a UTF-8 byte-order mark so front matter is still found', () => {
		const deck = openDeck('\uFEFF---\ntitle: BOM\n---\n## A', 'bom.md');
		expect(deck.meta.title).toBe('BOM');
		expect(slideSource(deck, 0)).toBe('## A');
		expect(normalizeText('\uFEFFx')).toBe('x');
		expect(normalizeText('a\r\nb\rc')).toBe('a\nb\nc');
	});
});

describe('slide heads, sections and steps', () => {
	const text = [
		'---', // 1
		'title: T', // 2
		'---', // 3
		'# Part one', // 4
		'', // 5
		'<!-- notes: opening the part -->', // 6
		'---', // 7
		'## A', // 8
		'first', // 9
		'<!-- pause -->', // 10
		'second', // 11
		'<!-- pause -->', // 12
		'- third', // 13 (a list item: the --- below is not its setext underline)
		'---', // 14
		'## B', // 15
		'```', // 16
		'<!-- pause -->', // 17
		'```', // 18
		'---', // 19
		'# Part two', // 20
		'---', // 21
		'# Not a section', // 22
		'- because of this text', // 23
		'---', // 24
		'## C', // 25
	].join('\n');
	const deck = openDeck(text, 'deck.md');

	it('finds every slide', () => {
		expect(deck.count).toBe(6);
		expect(Array.from({length: 6}, (_, i) => slideLine(deck, i))).toEqual([4, 8, 15, 20, 22, 25]);
	});

	it('marks slides holding only a # heading (notes allowed) as sections', () => {
		expect(Array.from({length: 6}, (_, i) => slideHead(deck, i).isSection)).toEqual([true, false, false, true, false, false]);
		expect(slideHead(deck, 0)).toEqual({
			index: 0,
			source: {file: 'deck.md', line: 4},
			titleSource: 'Part one',
			titleDepth: 1,
			isSection: true,
			steps: 1,
			hasNotes: true,
			quizzes: 0,
		});
	});

	it('gives each slide the section it belongs to', () => {
		expect(Array.from({length: 6}, (_, i) => sectionIndexOf(deck, i))).toEqual([0, 0, 0, 3, 3, 3]);
	});

	it('answers sectionIndexOf out of order too', () => {
		const again = openDeck(text, 'deck.md');
		expect(sectionIndexOf(again, 5)).toBe(3);
		expect(sectionIndexOf(again, 1)).toBe(0);
	});

	it('is -1 before the first section', () => {
		const plain = openDeck('## A\n---\n# S\n---\n## B', 'x.md');
		expect([0, 1, 2].map(i => sectionIndexOf(plain, i))).toEqual([-1, 1, 1]);
	});

	it('counts reveal steps from <!-- pause -->, not inside fences', () => {
		expect(Array.from({length: 6}, (_, i) => stepsOf(deck, i))).toEqual([1, 3, 1, 1, 1, 1]);
	});
});
