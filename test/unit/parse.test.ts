import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {openDeck} from '../../src/deck/deck.js';
import type {Inline} from '../../src/deck/elements.js';
import {parseHazard} from '../../src/deck/limits.js';
import {diagramLanguages, expandTabs, parseSlide, parseSlideOnce, parseSlideUnkept, slideTitle} from '../../src/deck/parse.js';
import {inlinesToPlain} from '../../src/deck/plain.js';
import type {Block, Slide} from '../../src/deck/types.js';
import {knownDecks} from '../support/known-decks.js';

const slideOf = (text: string, index = 0): Slide => parseSlide(openDeck(text, 'x.md'), index);

/** A compact view of blocks: kind, step and line, plus the element's kind or the verbatim content. */
function summary(block: Block): unknown {
	switch (block.kind) {
		case 'markdown': {
			return {kind: 'markdown', step: block.step, line: block.line, type: block.element.kind};
		}

		case 'diagram': {
			return {kind: 'diagram', step: block.step, line: block.line, lines: block.lines};
		}

		case 'code': {
			return {kind: 'code', step: block.step, line: block.line, lang: block.lang, code: block.code};
		}
	}
}

/** Every string anywhere in a value, with the path that leads to it. */
function strings(value: unknown, path = 'slide', out: Array<[string, string]> = []): Array<[string, string]> {
	if (typeof value === 'string') {
		out.push([path, value]);
	} else if (Array.isArray(value)) {
		for (const [i, item] of value.entries()) strings(item, `${path}[${i}]`, out);
	} else if (typeof value === 'object' && value !== null) {
		for (const [key, item] of Object.entries(value)) {
			strings(item, `${path}.${key}`, out);
		}
	}

	return out;
}

describe('parseSlide: blocks', () => {
	const text = [
		'## The *x86* MMU', // 1
		'', // 2
		'first', // 3
		'second line', // 4
		'', // 5
		'<!-- pause -->', // 6
		'', // 7
		'- a', // 8
		'- b', // 9
		'', // 10
		'<!-- a hidden comment -->', // 11
		'', // 12
		'```diagram', // 13
		'+--+', // 14
		'|\tx|', // 15
		'+--+', // 16
		'```', // 17
		'', // 18
		'```ts', // 19
		'const x = 1;', // 20
		'```', // 21
		'', // 22
		'```text', // 23
		'  spaced  ', // 24
		'```', // 25
		'', // 26
		'```ASCII', // 27
		'a', // 28
		'```', // 29
		'<!-- notes: n *1* -->', // 30
	].join('\n');
	const slide = slideOf(text);

	it('groups blocks by reveal step with their file lines; comments are dropped', () => {
		expect(slide.blocks.map(summary)).toEqual([
			{kind: 'markdown', step: 0, line: 1, type: 'heading'},
			{kind: 'markdown', step: 0, line: 3, type: 'paragraph'},
			{kind: 'markdown', step: 1, line: 8, type: 'list'},
			{kind: 'diagram', step: 1, line: 13, lines: ['+--+', '|   x|', '+--+']},
			{kind: 'code', step: 1, line: 19, lang: 'ts', code: 'const x = 1;'},
			{kind: 'diagram', step: 1, line: 23, lines: ['  spaced  ']},
			{kind: 'diagram', step: 1, line: 27, lines: ['a']},
		]);
	});

	it('has a plain-text title', () => {
		expect(slide.title).toBe('The x86 MMU');
	});

	it('has plain body and notes text for search', () => {
		expect(slide.bodyText).toBe('The x86 MMU\nfirst second line\n  a\n  b\n+--+\n|   x|\n+--+\nconst x = 1;\n  spaced\na');
		expect(slide.notesText).toBe('n 1');
		expect(slide.noteElements.map(element => element.kind)).toEqual(['paragraph']);
		expect(slide.problems).toEqual([]);
	});

	it('turns soft line breaks into spaces in the text the renderer reads', () => {
		expect(slide.blocks[1]?.element).toEqual({kind: 'paragraph', inlines: [{kind: 'text', text: 'first second line'}]});
	});

	it('counts lines from the front matter and across slides', () => {
		const deck = openDeck('---\ntitle: T\n---\n## A\n---\n\n## B\n\ntext\n<!-- pause -->\nmore', 'x.md');
		expect(parseSlide(deck, 1).blocks.map(block => [block.line, block.step])).toEqual([
			[7, 0],
			[9, 0],
			[11, 1],
		]);
	});

	it('parses a repeated slide once and gives each copy its own lines and problems', () => {
		// Repeated short slides share one split and one parse (a deck of 300,000 `#` lines); the
		// lines are each slide's own.
		const deck = openDeck('## A\n\n[x]\n\n<!-- column: 1 -->\n\n---\n\n'.repeat(3), 'x.md');
		const [first, second] = [parseSlideOnce(deck, 1), parseSlideOnce(deck, 2)];
		expect(first.blocks.map(block => block.line)).toEqual([9, 11]);
		expect(second.blocks.map(block => block.line)).toEqual([17, 19]);
		expect(first.problems.map(problem => problem.line)).toEqual([13]);
		expect(second.problems.map(problem => problem.line)).toEqual([21]);
		expect(second.head.index).toBe(2);
		expect({...second, head: first.head, blocks: first.blocks, problems: first.problems}).toEqual(first);
	});

	it('parseSlideUnkept (the search index) reads the slide parseSlide reads, shared texts included', () => {
		const repeated = openDeck('## A\n\n[x]\n\n---\n\n'.repeat(3), 'x.md');
		const decks = [
			repeated,
			...knownDecks().flatMap(file => {
				try {
					return [openDeck(readFileSync(file, 'utf8'), file)];
				} catch {
					return [];
				}
			}),
		];
		for (const deck of decks) {
			// Unkept first, so neither finds the other's slide in a cache.
			const unkept = Array.from({length: deck.count}, (_, i) => parseSlideUnkept(deck, i));
			for (let i = 0; i < deck.count; i++) {
				const kept = parseSlide(deck, i);
				expect(unkept[i]).toEqual(kept);
				expect([unkept[i]?.bodyText, unkept[i]?.notesText]).toEqual([kept.bodyText, kept.notesText]);
			}
		}

		expect(parseSlideUnkept(repeated, 2).blocks.map(block => block.line)).toEqual([13, 15]);
	});

	it('slideTitle is the parsed title without parsing the body', () => {
		const deck = openDeck(
			'# *Intro* to `x`\n\n---\n\nA\n=\n\n---\n\nno title\n\n---\n\n## [link](https://e.org) &amp; <b>tag</b>\n',
			'x.md',
		);
		for (let i = 0; i < deck.count; i++) expect(slideTitle(deck, i)).toBe(parseSlideOnce(deck, i).title);
		expect(slideTitle(deck, 0)).toBe('Intro to x');
	});

	it('knows the diagram languages', () => {
		expect([...diagramLanguages].sort()).toEqual(['ascii', 'diagram', 'plain', 'plaintext', 'text', 'txt']);
	});

	it('keeps a diagram verbatim: no wrapping, no reflow, inner blank lines kept', () => {
		const long = 'x'.repeat(300);
		const diagram = slideOf(`\`\`\`diagram\n${long}\n\n  *not emphasis*  \n\`\`\``).blocks[0];
		const lines = [long, '', '  *not emphasis*  '];
		expect(diagram).toEqual({kind: 'diagram', step: 0, line: 1, lines, element: {kind: 'diagram', lines}});
	});

	it('keeps the first word of the info string, lowercased, as the language', () => {
		expect(slideOf('```Python title="x"\nprint(1)\n```').blocks.map(summary)).toEqual([
			{kind: 'code', step: 0, line: 1, lang: 'python', code: 'print(1)'},
		]);
		expect(slideOf('```\nplain\n```').blocks.map(summary)).toEqual([{kind: 'code', step: 0, line: 1, lang: '', code: 'plain'}]);
	});

	it('expands tabs to 4-column stops in code too', () => {
		expect(slideOf('```c\n\tint x;\n```').blocks.map(summary)).toEqual([{kind: 'code', step: 0, line: 1, lang: 'c', code: '    int x;'}]);
		expect(expandTabs('ab\tc\n\t\td')).toBe('ab  c\n        d');
		expect(expandTabs('no tabs')).toBe('no tabs');
	});

	it('drops HTML comments but keeps other HTML (a block read as inline HTML, its tags as text)', () => {
		const html = slideOf('<!-- gone -->\n\n<div>kept</div>');
		expect(html.blocks.map(block => block.element)).toEqual([
			{
				kind: 'paragraph',
				inlines: [
					{kind: 'html', text: '<div>'},
					{kind: 'text', text: 'kept'},
					{kind: 'html', text: '</div>'},
				],
			},
		]);
	});

	it('a slide without a heading has an empty title', () => {
		expect(slideOf('just text').title).toBe('');
	});

	it('titles lose inline markup but keep link targets and entities', () => {
		expect(slideOf('## `code` and **bold** &amp; [link](https://x.org)').title).toBe('code and bold & link (https://x.org)');
	});

	it('reports unterminated notes at their file line', () => {
		expect(slideOf('---\ntitle: T\n---\n## A\n\n<!-- notes: never closed\nmore').problems).toEqual([
			{line: 6, message: 'speaker notes are never closed (missing --> or :::)'},
		]);
	});

	it('parses notes Markdown into elements', () => {
		const notes = slideOf('## A\n\n<!-- notes:\n- one\n- two\n-->').noteElements;
		expect(notes.map(element => element.kind)).toEqual(['list']);
		expect(slideOf('## A\n\n<!-- notes:\n- one\n- two\n-->').notesText).toBe('  one\n  two');
	});
});

describe('parseSlide: entity-decoded control characters are made visible', () => {
	const source = [
		'## Head &#27;[31m red &#x9b;2J',
		'',
		'Text &#27;]52;c;aGVsbG8=&#7; and &#x9b;31m and raw \u001B[2J and \u009B1m',
		'',
		'[link &#27;x](http://x/&#27;[1m "t&#27;") and <http://a&#x9b;b> and [ref][r]',
		'',
		'[r]: http://ref/&#27; "title &#27;"',
		'',
		'| h &#27;[1m | b |',
		'|---|---|',
		'| c &#x9b;m | d&#27; |',
		'',
		'- item &#27;x',
		'  - nested &#155;y',
		'',
		'> quote &#27;q',
		'',
		'`code &#27;` and ![img &#27;](src&#27;) and *em &#27;* and **strong &#x1b;**',
		'',
		'```js &#27;',
		'x &#27; \u001B[1m',
		'```',
		'',
		'<span title="&#27;">html &#27; \u001B[7m</span>',
		'',
		'<!-- notes: note &#27;[31m and &#x9b; \u001B]0;t\u0007 and [n &#27;](http://n&#27;) -->',
	].join('\n');
	const slide = slideOf(source);

	it('no ESC, CSI or BEL anywhere in the slide (tokens, raw text, notes, title, plain text)', () => {
		const found = strings(slide).filter(([, text]) => /[\p{Cc}--[\t\n]]/v.test(text));
		expect(found).toEqual([]);
	});

	it('stand-ins show in the title, body text and notes', () => {
		expect(slide.title).toBe('Head ␛[31m red <U+009B>2J');
		expect(slide.bodyText.split('\n')).toEqual([
			'Head ␛[31m red <U+009B>2J',
			'Text ␛]52;c;aGVsbG8=␇ and <U+009B>31m and raw ␛[2J and <U+009B>1m',
			'link ␛x (http://x/&#27;[1m) and http://a&#x9b;b and ref (http://ref/&#27;)',
			'h ␛[1m | b',
			'c <U+009B>m | d␛',
			'  item ␛x',
			'    nested <U+009B>y',
			'quote ␛q',
			'code &#27; and img &#27; and em ␛ and strong ␛',
			'x &#27; ␛[1m',
			'html ␛ ␛[7m',
		]);
		expect(slide.notesText).toBe('note ␛[31m and <U+009B> ␛]0;t␇ and n ␛ (http://n&#27;)');
	});

	it('table cells are sanitised in the elements the layout reads', () => {
		const table = slide.blocks.find(block => block.element.kind === 'table')?.element;
		const cellText = (cell: readonly Inline[]) => inlinesToPlain(cell);
		expect(table?.kind === 'table' ? table.header.map(cellText) : []).toEqual(['h ␛[1m', 'b']);
		expect(table?.kind === 'table' ? table.rows.map(row => row.map(cellText)) : []).toEqual([['c <U+009B>m', 'd␛']]);
	});
});

describe('parseSlide: limits', () => {
	it('a line of 10,000 "- " parses and reports the nesting', () => {
		const line = `${'- '.repeat(10_000)}x`;
		const slide = slideOf(line);
		expect(slide.problems).toEqual([
			{line: 1, message: 'a line over 10,000 characters cut, with a marker'},
			{line: 1, message: 'nesting deeper than 16 levels is shown flattened'},
			{line: 1, message: 'this Markdown is too costly to parse; shown as plain text'},
		]);
		// Shown as written (up to the line cap): no backslashes from the flattening leak into the plain text.
		expect(slide.bodyText).toBe(`${line.slice(0, 10_000)} … (10,001 more characters not shown)`);
	});

	it('a line of 10,000 "> " parses and reports the nesting', () => {
		const slide = slideOf(`## Deep\n\n${'> '.repeat(10_000)}x`);
		expect(slide.problems.map(problem => problem.message)).toContain('nesting deeper than 16 levels is shown flattened');
		expect(slide.problems[0]?.line).toBe(1);
		expect(slide.title).toBe('Deep');
	});

	it('17 levels are flattened from the 17th; 16 are not', () => {
		const deep = slideOf(`${'- '.repeat(17)}x`);
		expect(deep.problems).toEqual([{line: 1, message: 'nesting deeper than 16 levels is shown flattened'}]);
		expect(deep.bodyText.trim()).toBe('- x');
		const fine = slideOf(`${'- '.repeat(16)}x`);
		expect(fine.problems).toEqual([]);
		expect(fine.bodyText.trim()).toBe('x');
	});

	it.each([
		['100,000 [', '['.repeat(100_000)],
		['50,000 _a', '_a'.repeat(50_000)],
		['30,000 *a', '*a'.repeat(30_000)],
	])('%s becomes a plain paragraph with a problem', (_name, text) => {
		const slide = slideOf(`## Slow\n\n${text}`);
		expect(slide.problems).toEqual([
			{line: 1, message: 'a line over 10,000 characters cut, with a marker'},
			{line: 1, message: 'this Markdown is too costly to parse; shown as plain text'},
		]);
		expect(slide.blocks.map(summary)).toEqual([{kind: 'markdown', step: 0, line: 1, type: 'paragraph'}]);
		expect(slide.bodyText).toBe(
			`## Slow\n${text.slice(0, 10_000)} … (${(text.length - 10_000).toLocaleString('en-US')} more characters not shown)`,
		);
		expect(slide.title).toBe('Slow');
	});

	it('a heading of 4,000 _a is read as plain text, not lexed for seconds', () => {
		const slide = slideOf(`## ${'_a'.repeat(4000)}`);
		expect(slide.title).toBe('_a'.repeat(4000));
		expect(slide.problems.map(problem => problem.message)).toEqual(['this Markdown is too costly to parse; shown as plain text']);
	});

	it('a list nested by indentation deeper than the cap is plain text', () => {
		const nested = slideOf(Array.from({length: 100}, (_, i) => `${' '.repeat(2 * i)}- x`).join('\n'));
		expect(nested.problems.map(problem => problem.message)).toEqual([
			'lists nested deeper than 16 levels are too costly to parse; shown as plain text',
		]);
	});

	it('a code block that fills a slide up to its cap is still code, in its language', () => {
		// The slide is cut at 1,000 lines: the block runs into the cut marker (the fence never
		// closes), and is read as code, not shown as plain text by a block-length guard.
		for (const lines of [990, 999, 2000]) {
			const slide = slideOf(`\`\`\`js\n${'let x = 1;\n'.repeat(lines)}\`\`\`\n`);
			expect(slide.blocks.map(block => [block.kind, block.kind === 'code' ? block.lang : ''])).toEqual([['code', 'js']]);
			expect(slide.problems.map(problem => problem.message).filter(message => message.includes('plain text'))).toEqual([]);
		}

		// A block marked would re-read per line is as long as its slide at most.
		expect(parseHazard(`- ${'x\n  '.repeat(1001)}`)).toBeUndefined();
	});

	it('a slide over 1,000 lines is read up to there and says how many lines are left out', () => {
		const slide = slideOf(`## Long\n\n${'a line of prose\n\n'.repeat(50_000)}the end\n`);
		expect(slide.problems.map(problem => problem.message)).toEqual([
			'a slide over 1,000 lines or 64 KiB shows its start; 99,003 more lines are left out',
		]);
		expect(slide.bodyText).toContain('… (99,003 more lines of this slide not shown: a slide is read up to 1,000 lines or 64 KiB)');
		expect(slide.bodyText).not.toContain('the end');
		expect(slide.blocks.length).toBe(1 + 499 + 1);
	});

	it('a slide of long lines is cut at 64 KiB of its text, each line counted up to the line cap', () => {
		const slide = slideOf(`## Wide\n\n${`${'word '.repeat(1000)}\n\n`.repeat(100)}`);
		expect(slide.problems.map(problem => problem.message)).toEqual([
			'a slide over 1,000 lines or 64 KiB shows its start; 174 more lines are left out',
		]);
		expect(slide.blocks.length).toBeLessThan(20);
	});

	it('a table shows its first 200 rows and says how many are left out', () => {
		const slide = slideOf(`| a |\n|---|\n${'| x |\n'.repeat(250)}`);
		expect(slide.problems.map(problem => problem.message)).toEqual(['a table of 250 rows shows its first 200']);
		expect(slide.bodyText).toContain('… (50 more rows not shown)');
	});

	it('a line over 10,000 characters is cut with a marker before it is parsed', () => {
		const slide = slideOf(`## T\n\nstart ${'word '.repeat(200_000)}`);
		expect(slide.problems.map(problem => problem.message)).toEqual(['a line over 10,000 characters cut, with a marker']);
		expect(slide.bodyText).toMatch(/^T\nstart word .* … \(990,006 more characters not shown\)$/s);
	});

	it('many delimiters inside a code fence are fine', () => {
		const slide = slideOf(`\`\`\`\n${'['.repeat(5000)}\n\`\`\``);
		expect(slide.problems).toEqual([]);
		expect(slide.blocks.map(block => block.kind)).toEqual(['code']);
	});
});
