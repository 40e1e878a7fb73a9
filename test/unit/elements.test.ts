import {readFileSync} from 'node:fs';
import {hostileDecks} from '../support/hostile-corpus.js';
import {describe, expect, it} from 'vitest';
import {openDeck} from '../../src/deck/deck.js';
import type {Element, Inline} from '../../src/deck/elements.js';
import {codeLanguages, hasHighlightableCode} from '../../src/deck/element-walk.js';
import {inlineMarkdown} from '../../src/deck/elements-from-tokens.js';
import {parseSlide} from '../../src/deck/parse.js';
import {elementsToPlain, inlinesToPlain} from '../../src/deck/plain.js';
import type {DialectName} from '../../src/deck/dialects/dialect.js';
import type {Deck, Slide} from '../../src/deck/types.js';

const guide = openDeck(readFileSync('decks/guide.md', 'utf8'), 'decks/guide.md');

function guideSlide(title: string): Slide {
	for (let i = 0; i < guide.count; i++) {
		const slide = parseSlide(guide, i);
		if (slide.title === title) return slide;
	}

	throw new Error(`no slide titled ${title}`);
}

const elementsOf = (slide: Slide): Element[] => slide.blocks.map(block => block.element);

function slideOf(markdown: string, dialect?: DialectName): Slide {
	const deck: Deck = openDeck(markdown, 'x.md', dialect);
	return parseSlide(deck, 0);
}

const bodyOf = (markdown: string, dialect?: DialectName): Element[] => elementsOf(slideOf(markdown, dialect));
const text = (value: string): Inline => ({kind: 'text', text: value});
const paragraph = (...inlines: Inline[]): Element => ({kind: 'paragraph', inlines});

describe('elements of the guide deck', () => {
	it('a section slide: one heading of depth 1, its notes as a paragraph', () => {
		const slide = guideSlide('Getting around');
		expect(elementsOf(slide)).toEqual([{kind: 'heading', depth: 1, inlines: [text('Getting around')]}]);
		expect(slide.noteElements).toEqual([paragraph(text('Part one: opening a deck, moving through it, and what is on the screen.'))]);
	});

	it('paragraphs with code spans, a bullet list', () => {
		const [heading, intro, list, outro] = elementsOf(guideSlide('What Lectern is'));
		expect(heading).toEqual({kind: 'heading', depth: 2, inlines: [text('What Lectern is')]});
		expect(intro).toEqual(
			paragraph(text('Lectern shows a Markdown file as slides, right in your terminal. It is made for three kinds of people:')),
		);
		expect(list).toEqual({
			kind: 'list',
			ordered: false,
			start: 1,
			loose: false,
			items: [
				{children: [paragraph(text('a lecturer on a projector, with notes only they can see'))]},
				{children: [paragraph(text('a student studying over SSH, on a slow link and an 80x24 screen'))]},
				{children: [paragraph(text('anyone reviewing in a hurry, who wants search as quick as grep'))]},
			],
		});
		expect(outro).toEqual(paragraph(text('No browser and no mouse: everything is a key press away.')));
		const welcome = elementsOf(guideSlide('Lectern'))[2];
		expect(welcome).toEqual(
			paragraph(
				text('This guide is itself a Lectern deck. Press '),
				{kind: 'code', text: '→'},
				text(' or '),
				{kind: 'code', text: 'Space'},
				text(' to go on, and '),
				{kind: 'code', text: '?'},
				text(' at any time to see every key.'),
			),
		);
	});

	it('code with its language, taken from the fence info', () => {
		const code = elementsOf(guideSlide('Opening a deck'))[2];
		expect(code).toMatchObject({kind: 'code', lang: 'sh'});
		expect(code?.kind === 'code' ? code.text.split('\n') : []).toHaveLength(4);
		expect(elementsOf(guideSlide('A deck is a Markdown file'))[2]).toMatchObject({kind: 'code', lang: 'yaml'});
		const languages = elementsOf(guideSlide('Code is highlighted')).flatMap(element => (element.kind === 'code' ? [element.lang] : []));
		expect(languages).toEqual(['python', 'ts']);
	});

	it('a table: header, rows of inline cells, each column aligned', () => {
		const table = elementsOf(guideSlide('Quotes, tables and wide text')).find(element => element.kind === 'table');
		expect(table).toEqual({
			kind: 'table',
			align: ['left', 'center', 'right'],
			header: [[text('Fence info string')], [text('Drawn as')], [text('Wrapped?')]],
			rows: [
				[
					[{kind: 'code', text: 'sh'}, text(', '), {kind: 'code', text: 'ts'}, text(', '), {kind: 'code', text: 'python'}, text(', …')],
					[text('highlighted code')],
					[text('never')],
				],
				[
					[{kind: 'code', text: 'diagram'}, text(', '), {kind: 'code', text: 'text'}, text(', '), {kind: 'code', text: 'ascii'}],
					[text('verbatim')],
					[text('never')],
				],
			],
		});
		const exits = elementsOf(guideSlide('Searching from the shell')).find(element => element.kind === 'table');
		expect(exits).toMatchObject({kind: 'table', align: ['center', 'left']});
	});

	it('a block quote and a third-level heading', () => {
		const elements = elementsOf(guideSlide('Quotes, tables and wide text'));
		expect(elements[1]).toEqual({
			kind: 'quote',
			children: [paragraph(text('Plain Markdown in and out: decks move freely between presenters.'))],
		});
		expect(elements[3]).toEqual({kind: 'heading', depth: 3, inlines: [text('Wide characters')]});
		expect(elements[4]).toEqual(paragraph(text('日本語のスライド and 🎓 are two columns wide each.')));
	});

	it('diagrams from diagram, ascii and text fences: lines verbatim', () => {
		const diagram = elementsOf(guideSlide('Diagrams are drawn verbatim'))[1];
		expect(diagram?.kind).toBe('diagram');
		const lines = diagram?.kind === 'diagram' ? diagram.lines : [];
		expect(lines).toHaveLength(11);
		expect(lines[0]).toBe('  ┌───────────┐  parse   ┌──────┐  layout(width, height)  ┌───────┐');
		expect(elementsOf(guideSlide('The screen'))[1]).toMatchObject({kind: 'diagram'});
		expect(elementsOf(guideSlide('Notes in a comment'))[2]).toEqual({
			kind: 'diagram',
			lines: ['<!-- notes: Remind them that ? shows every key. -->'],
		});
	});

	it('links keep their target; emphasis, strong and code spans are spans; columns hold nested and ordered lists', () => {
		const slide = guideSlide('Markdown you can use');
		const [, intro, nested, ordered, after] = elementsOf(slide);
		expect(intro).toEqual(
			paragraph(
				text('CommonMark plus GFM tables, as '),
				{kind: 'link', href: 'https://marked.js.org', children: [text('marked')]},
				text(' reads it: '),
				{kind: 'em', children: [text('emphasis')]},
				text(', '),
				{kind: 'strong', children: [text('strong')]},
				text(', '),
				{kind: 'code', text: 'inline code'},
				text(', and links, shown with their target visible so it can be copied.'),
			),
		);
		expect(nested).toEqual({
			kind: 'list',
			ordered: false,
			start: 1,
			loose: false,
			items: [
				{
					children: [
						paragraph(text('Lists nest')),
						{
							kind: 'list',
							ordered: false,
							start: 1,
							loose: false,
							items: [
								{
									children: [
										paragraph(text('to a second level')),
										{kind: 'list', ordered: false, start: 1, loose: false, items: [{children: [paragraph(text('and to a third'))]}]},
									],
								},
							],
						},
					],
				},
				{children: [paragraph(text('and come back out again'))]},
			],
		});
		expect(ordered).toMatchObject({kind: 'list', ordered: true, start: 1, items: [{}, {}, {}]});
		expect(slide.blocks.slice(2, 4).map(block => block.column?.index)).toEqual([0, 1]);
		expect(after?.kind).toBe('paragraph');
		expect(slide.noteElements).toHaveLength(1);
	});

	it('pauses keep their steps; a quiz is a quiz element', () => {
		const steps = guideSlide('Revealing in steps').blocks.map(block => [block.step, block.element.kind]);
		expect(steps).toEqual([
			[0, 'heading'],
			[0, 'paragraph'],
			[0, 'diagram'],
			[0, 'list'],
			[1, 'list'],
			[2, 'list'],
			[2, 'paragraph'],
		]);
		const quiz = elementsOf(guideSlide('Self-check questions')).find(element => element.kind === 'quiz');
		expect(quiz).toMatchObject({kind: 'quiz', quiz: {question: 'In study mode, which key picks the second choice of a question?'}});
		expect((quiz as Extract<Element, {kind: 'quiz'}>).quiz.choices.map(choice => choice.correct)).toEqual([false, true, false]);
	});

	it('notes from every notes form are elements, with inline spans', () => {
		expect(guideSlide('Notes in a comment').noteElements).toEqual([
			paragraph(
				text('These notes come from a notes: comment. Notes are Markdown, so '),
				{kind: 'em', children: [text('emphasis')]},
				text(' and '),
				{kind: 'code', text: 'code'},
				text(' work here too.'),
			),
		]);
		for (const title of ['The speaker_note comment', 'Notes in a fenced div', 'Notes after Note:', 'Notes after ???']) {
			expect(guideSlide(title).noteElements.map(element => element.kind)).toEqual(['paragraph']);
		}
	});

	it('search text comes from the elements', () => {
		for (let i = 0; i < guide.count; i++) {
			const slide = parseSlide(guide, i);
			expect(slide.bodyText).toBe(elementsToPlain(elementsOf(slide)));
			expect(slide.notesText).toBe(elementsToPlain(slide.noteElements));
		}

		expect(guideSlide('Markdown you can use').bodyText.split('\n')[1]).toBe(
			'CommonMark plus GFM tables, as marked (https://marked.js.org) reads it: emphasis, strong, inline code, and links, shown with their target visible so it can be copied.',
		);
	});
});

describe('elements of every other construct', () => {
	it('strike, hard breaks, escapes, images and entities', () => {
		expect(bodyOf('a ~~gone~~ b  \nc\\\nd \\* \\&amp; &amp; &lt;x&gt; `&lt;` ![the alt](pic.png)')).toEqual([
			paragraph(
				text('a '),
				{kind: 'strike', children: [text('gone')]},
				text(' b'),
				{kind: 'break'},
				text('c'),
				{kind: 'break'},
				text('d * &amp; & <x> '),
				{kind: 'code', text: '<'},
				text(' '),
				{kind: 'image', alt: 'the alt', href: 'pic.png'},
			),
		]);
	});

	it('inline HTML: styled tags become spans, <br> a break, comments vanish, other tags stay as written', () => {
		expect(
			bodyOf(
				'<b>b</b> <i>i</i> <u>u</u> <kbd>Ctrl</kbd> <s>s</s> H<sub>2</sub>O x<sup>2</sup> <span>s</span><br>next <!-- c --> <foo>f</foo>',
			),
		).toEqual([
			paragraph(
				{kind: 'strong', children: [text('b')]},
				text(' '),
				{kind: 'em', children: [text('i')]},
				text(' '),
				{kind: 'underline', children: [text('u')]},
				text(' '),
				{kind: 'kbd', children: [text('Ctrl')]},
				text(' '),
				{kind: 'strike', children: [text('s')]},
				text(' H'),
				{kind: 'sub', children: [text('2')]},
				text('O x'),
				{kind: 'sup', children: [text('2')]},
				text(' s'),
				{kind: 'break'},
				text('next  '),
				{kind: 'html', text: '<foo>'},
				text('f'),
				{kind: 'html', text: '</foo>'},
			),
		]);
	});

	it('HTML blocks: line by line as inline HTML; <pre> and the other verbatim blocks as written', () => {
		expect(bodyOf('<div align="center">\n  <b>Bold</b> <kbd>q</kbd>\n</div>\n\n<pre>\n<b>kept</b>\n</pre>')).toEqual([
			paragraph(
				{kind: 'html', text: '<div align="center">'},
				{kind: 'break'},
				{kind: 'strong', children: [text('Bold')]},
				text(' '),
				{kind: 'kbd', children: [text('q')]},
				{kind: 'break'},
				{kind: 'html', text: '</div>'},
			),
			{kind: 'html', text: '<pre>\n<b>kept</b>\n</pre>'},
		]);
		// In a list item too.
		expect(bodyOf('- item\n\n  <p>in <em>it</em></p>')).toMatchObject([
			{
				kind: 'list',
				items: [
					{
						children: [
							{kind: 'paragraph'},
							paragraph({kind: 'html', text: '<p>'}, text('in '), {kind: 'em', children: [text('it')]}, {kind: 'html', text: '</p>'}),
						],
					},
				],
			},
		]);
	});

	it('GitHub alerts, and a quote holding a list', () => {
		expect(bodyOf('> [!WARNING]\n> careful **now**\n\n> quoted\n> - item')).toEqual([
			{kind: 'alert', alert: 'warning', children: [paragraph(text('careful '), {kind: 'strong', children: [text('now')]})]},
			{
				kind: 'quote',
				children: [
					paragraph(text('quoted')),
					{kind: 'list', ordered: false, start: 1, loose: false, items: [{children: [paragraph(text('item'))]}]},
				],
			},
		]);
	});

	it('task lists, ordered lists with a start, loose items, a fence and a quote inside items', () => {
		expect(bodyOf('- [ ] open\n- [x] done\n\n5) five\n\n   more\n\n6) six\n   ```ts\n   let x = 1;\n   ```\n   > said')).toEqual([
			{
				kind: 'list',
				ordered: false,
				start: 1,
				loose: false,
				items: [
					{checked: false, children: [paragraph(text('open'))]},
					{checked: true, children: [paragraph(text('done'))]},
				],
			},
			{
				kind: 'list',
				ordered: true,
				start: 5,
				loose: true,
				items: [
					{children: [paragraph(text('five')), paragraph(text('more'))]},
					{
						children: [
							paragraph(text('six')),
							{kind: 'code', lang: 'ts', text: 'let x = 1;'},
							{kind: 'quote', children: [paragraph(text('said'))]},
						],
					},
				],
			},
		]);
	});

	it("a table of blank header cells has no header; a pandoc table says its columns' relative widths", () => {
		expect(bodyOf('|  |  |\n|---|:--|\n| a | b |')).toEqual([
			{kind: 'table', align: [undefined, 'left'], header: [], rows: [[[text('a')], [text('b')]]]},
		]);
		expect(bodyOf('-----  ---\n  a    b\n-----  ---', 'patat')).toEqual([
			{kind: 'table', align: ['center', 'left'], header: [], rows: [[[text('a')], [text('b')]]], widths: [5, 3]},
		]);
	});

	it('rules, block HTML line by line (its entities decoded, as a browser would), indented code, pandoc fence info, a diagram inside a list', () => {
		expect(
			bodyOf(
				'***\n\n<div>\nhi &amp;\n</div>\n\n    indented\n\n```{.haskell .numberLines}\nmain = pure ()\n```\n\n- ```text\n  a  b\n  ```',
			),
		).toEqual([
			{kind: 'rule'},
			paragraph({kind: 'html', text: '<div>'}, {kind: 'break'}, text('hi &'), {kind: 'break'}, {kind: 'html', text: '</div>'}),
			{kind: 'code', lang: '', text: 'indented'},
			{kind: 'code', lang: 'haskell', text: 'main = pure ()', lineNumbers: true},
			{kind: 'list', ordered: false, start: 1, loose: false, items: [{children: [{kind: 'diagram', lines: ['a  b']}]}]},
		]);
	});

	it('line numbers and highlights from the fence info; a verbatim block with highlights is code', () => {
		expect(bodyOf('```rust {1|2-3|all} +line_numbers\na\nb\nc\n```\n\n```text [1]\nx\n```')).toEqual([
			{kind: 'code', lang: 'rust', text: 'a\nb\nc', lineNumbers: true, highlights: [[{from: 1, to: 1}], [{from: 2, to: 3}], []]},
			{kind: 'code', lang: 'text', text: 'x', lineNumbers: true, highlights: [[{from: 1, to: 1}]]},
		]);
	});

	it("a dialect's hidden code lines stay hidden, also in a fence inside a list", () => {
		const hidden = bodyOf('```rust\n# use std::io;\nfn main() {}\n```\n\n- ```rust\n  # hidden\n  shown();\n  ```', 'presenterm');
		expect(hidden[0]).toEqual({kind: 'code', lang: 'rust', text: 'fn main() {}'});
		expect(hidden[1]).toMatchObject({items: [{children: [{kind: 'code', lang: 'rust', text: 'shown();'}]}]});
	});

	it('control characters reach no element: the sanitiser ran first', () => {
		const elements = bodyOf('# a\u001B[31m red\n\n`\u0007` [x](http://e/\u001B) <b>\u202E</b>\n\n```\n\u001B[2J\n```');
		const all = JSON.stringify(elements);
		expect(all).not.toMatch(/[[\p{Cc}--[\t\n]]\u202E]/v);
		expect(elementsToPlain(elements)).toContain('␛');
	});

	it('inline Markdown of a title: spans and their plain text', () => {
		expect(inlineMarkdown('**Bold** `x` [a](http://b) &amp;')).toEqual([
			{kind: 'strong', children: [text('Bold')]},
			text(' '),
			{kind: 'code', text: 'x'},
			text(' '),
			{kind: 'link', href: 'http://b', children: [text('a')]},
			text(' &'),
		]);
		expect(inlinesToPlain(inlineMarkdown('[same](same) ![pic](p.png) <b>x</b>'))).toBe('same pic x');
	});

	it('a deep nesting stays within the nesting cap and builds', () => {
		const deep = `${'> '.repeat(40)}deep\n\n${Array.from({length: 30}, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n')}`;
		const slide = slideOf(deep);
		expect(slide.blocks.length).toBeGreaterThan(0);
		expect(slide.bodyText).toContain('deep');
	});

	it('code languages of a slide, nested fences and notes included', () => {
		expect(codeLanguages(bodyOf('```ts\nx\n```\n\n- a\n  ```py\n  y\n  ```\n\n> ```\n> z\n> ```\n\n```text\nd\n```'))).toEqual([
			'ts',
			'py',
			'',
		]);
		expect(hasHighlightableCode(slideOf('- a\n  ```rust\n  x\n  ```'))).toBe(true);
		expect(hasHighlightableCode(slideOf('text\n\n<!-- notes:\n```js\nx\n```\n-->'))).toBe(true);
		expect(hasHighlightableCode(slideOf('```\nplain\n```\n\n```diagram\n+-+\n```'))).toBe(false);
	});

	it('no element of any hostile deck holds a control character or an unpaired surrogate', () => {
		const unsafe =
			// Controls but tab and newline, bidi overrides and isolates, lone surrogates (\p{Cs} in v mode).
			/[[\p{Cc}--[\t\n]]\u202A-\u202E\u2066-\u2069]|\p{Cs}/v;
		let checked = 0;
		for (const hostile of hostileDecks()) {
			// The payloads sit in small decks; the costly ones (megabytes of tiny slides) are the e2e tests'.
			if (typeof hostile.content !== 'string' || hostile.content.length > 256 * 1024) continue;
			let deck: Deck;
			try {
				deck = openDeck(hostile.content, `${hostile.name}.md`);
			} catch {
				continue;
			}

			// The first and last slides: enough to meet every payload without parsing 100,000 slides.
			for (const index of new Set([0, 1, 2, deck.count - 1].filter(i => i >= 0 && i < deck.count))) {
				const slide = parseSlide(deck, index);
				const found = JSON.stringify([slide.blocks.map(block => block.element), slide.noteElements], (_key, value: unknown) => {
					if (typeof value === 'string' && unsafe.test(value))
						throw new Error(`${hostile.name}, slide ${index + 1}: ${JSON.stringify(value)}`);
					return value;
				});
				expect(found.length).toBeGreaterThan(0);
				checked++;
			}
		}

		expect(checked).toBeGreaterThan(90);
	});
});
