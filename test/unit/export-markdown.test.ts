// The Markdown handout: one heading per slide, notes as text, and deck text that reads as
// itself in any Markdown viewer (escaped, raw HTML as code, only safe link targets linked).
import {Lexer} from 'marked';
import {decodeBasicEntities} from '../../src/deck/elements-from-tokens.js';
import {describe, expect, it} from 'vitest';
import type {Element, Inline} from '../../src/deck/elements.js';
import type {Handout} from '../../src/export/handout.js';

/** Blocks of a handout slide, placed as written (no alignment, no extra rows). */
const placed = (...elements: Element[]) => elements.map(element => ({element}));
import {blocksMarkdown, escapeText, handoutMarkdown, inlineMarkdown} from '../../src/export/markdown.js';

const text = (value: string): Inline => ({kind: 'text', text: value});
const paragraph = (...inlines: Inline[]): Element => ({kind: 'paragraph', inlines});

/** What a CommonMark reader makes of `markdown`'s one paragraph: its text, inline by inline. */
function readBack(markdown: string): string {
	const [token] = new Lexer({gfm: true}).lex(markdown);
	expect(token?.type).toBe('paragraph');
	const walk = (tokens: readonly {type: string; text?: string; tokens?: unknown[]}[]): string =>
		tokens
			.map(each =>
				each.tokens ? walk(each.tokens as never) : each.type === 'escape' || each.type === 'text' ? (each.text ?? '') : `{${each.type}}`,
			)
			.join('');
	return decodeBasicEntities(walk((token as unknown as {tokens: never}).tokens));
}

describe('escapeText', () => {
	it('reads back as the same text, whatever Markdown it holds', () => {
		for (const sample of [
			'*not emphasis* and _not_ either',
			'<script>alert(1)</script>',
			'[not a link](javascript:alert(1))',
			'`not code` | not a cell | ~~not struck~~',
			'a \\ backslash and a & sign',
			'![not an image](x)',
		]) {
			expect(readBack(escapeText(sample)), sample).toBe(sample);
		}
	});

	it('keeps a line from opening a block', () => {
		expect(escapeText('# not a heading')).toBe('\\# not a heading');
		expect(escapeText('- not a list')).toBe('\\- not a list');
		expect(escapeText('12. not a list')).toBe('12\\. not a list');
		expect(escapeText('> not a quote')).toBe('\\> not a quote');
	});
});

describe('inline content', () => {
	it('writes spans, code with enough backticks, and safe links only', () => {
		expect(inlineMarkdown([{kind: 'strong', children: [text('b')]}, text(' '), {kind: 'em', children: [text('i')]}])).toBe('**b** *i*');
		expect(inlineMarkdown([{kind: 'code', text: 'a ` b'}])).toBe('``a ` b``');
		expect(inlineMarkdown([{kind: 'link', href: 'https://example.org', children: [text('site')]}])).toBe('[site](<https://example.org>)');
		expect(inlineMarkdown([{kind: 'link', href: 'javascript:alert(1)', children: [text('x')]}])).toBe('x (javascript:alert(1))');
		expect(inlineMarkdown([{kind: 'html', text: '<b onclick=x>'}])).toBe('\\<b onclick=x\\>');
	});
});

describe('blocks', () => {
	it('fences code with a fence its text cannot close, and raw HTML as code', () => {
		expect(blocksMarkdown([{kind: 'code', lang: 'js', text: 'a```b\n'}])).toBe('````js\na```b\n````');
		expect(blocksMarkdown([{kind: 'html', text: '<div>\n'}])).toBe('```html\n<div>\n```');
		expect(blocksMarkdown([{kind: 'diagram', lines: ['┌─┐', '└─┘']}])).toBe('```text\n┌─┐\n└─┘\n```');
	});

	it('writes tables with their alignment and escaped cells', () => {
		const table: Element = {
			kind: 'table',
			align: ['left', 'center'],
			header: [[text('a')], [text('b')]],
			rows: [[[text('x|y')], [text('z')]]],
		};
		expect(blocksMarkdown([table])).toBe('| a | b |\n| :--- | :---: |\n| x\\|y | z |');
	});

	it('writes a headerless table with a header of blank cells, and a line break in a cell as <br>', () => {
		const table: Element = {
			kind: 'table',
			align: [undefined, 'right'],
			header: [],
			rows: [[[text('a'), {kind: 'break'}, text('b')], [text('1')]]],
		};
		expect(blocksMarkdown([table])).toBe('|   |   |\n| --- | ---: |\n| a<br>b | 1 |');
	});

	it('nests list items under their marker', () => {
		const list: Element = {
			kind: 'list',
			ordered: false,
			start: 1,
			loose: false,
			items: [{children: [paragraph(text('a')), {kind: 'code', lang: '', text: 'b'}]}, {checked: false, children: [paragraph(text('c'))]}],
		};
		expect(blocksMarkdown([list])).toBe('- a\n  ```\n  b\n  ```\n- [ ] c');
	});
});

describe('the handout', () => {
	it('gives each slide one heading with its number, then its content and notes', () => {
		const handout: Handout = {
			title: 'Deck',
			byline: 'Ada',
			slides: [
				{
					number: 1,
					title: 'Part',
					isSection: true,
					section: 1,
					blocks: placed({kind: 'heading', depth: 1, inlines: [text('Part')]}),
					notes: [],
				},
				{
					number: 2,
					title: 'Slide',
					isSection: false,
					section: 1,
					blocks: placed({kind: 'heading', depth: 2, inlines: [text('Slide')]}, paragraph(text('body'))),
					notes: [paragraph(text('notes'))],
				},
				{number: 3, title: '', isSection: false, section: 1, blocks: placed(paragraph(text('untitled'))), notes: []},
			],
		};
		expect(handoutMarkdown(handout)).toBe(
			'# Deck\n\nAda\n\n## 1. Part\n\n### 2. Slide\n\nbody\n\n**Notes**\n\nnotes\n\n### 3.\n\nuntitled\n',
		);
	});
});
