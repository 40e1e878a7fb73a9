// Plain CommonMark and GFM as other Markdown readers show it (issue 17): lists, escapes,
// hard breaks, tables, GitHub alerts and the few inline HTML tags a terminal can show.
import {describe, expect, it} from 'vitest';
import {openDeck} from '../../src/deck/deck.js';
import {parseSlide} from '../../src/deck/parse.js';
import {layoutSlide} from '../../src/layout/layout.js';
import {createTheme} from '../../src/layout/theme.js';
import {writeAnsi} from '../../src/layout/write.js';
import {defined} from '../support/defined.js';

const plain = createTheme({level: 0, ascii: false});
const colour = createTheme({level: 3, ascii: false});

function lines(markdown: string, width = 60, theme = plain): string[] {
	const out = layoutSlide(parseSlide(openDeck(markdown, 'x.md'), 0), 99, {width, height: 60}, theme).lines.map(line =>
		writeAnsi(line, theme),
	);
	let end = out.length;
	while (end > 0 && defined(out[end - 1]).trim() === '') {
		end--;
	}

	return out.slice(0, end).map(line => line.trimEnd());
}

describe('lists', () => {
	it('number each list on its own, across nesting, and keep bullets bullets', () => {
		expect(lines('1. One\n   1. sub\n   2. sub2\n2. Two\n   - bullet\n3. Three')).toEqual([
			'    1. One',
			'       1. sub',
			'       2. sub2',
			'    2. Two',
			'       ◦ bullet',
			'    3. Three',
		]);
	});

	it('start at the number the list starts with, and line numbers up on the right', () => {
		expect(lines('9. nine\n10. ten')).toEqual(['     9. nine', '    10. ten']);
	});

	it('put a code fence of a tight item on its own lines, under the item text', () => {
		expect(lines('- item 1\n- item 2\n  ```\n  print("hi")\n  ```\n- item 3')).toEqual([
			'    • item 1',
			'    • item 2',
			'      print("hi")',
			'    • item 3',
		]);
	});

	it('keep a quote bar for a quoted list inside an item, its items siblings', () => {
		expect(lines('- outer\n  > * a\n  > * b')).toEqual(['    • outer', '      │   • a', '      │   • b']);
	});

	it('show task items with a box', () => {
		expect(lines('- [ ] todo\n- [x] done')).toEqual(['    • ☐ todo', '    • ☑ done']);
	});
});

describe('inline Markdown', () => {
	it('escaped characters show as themselves: \\* \\* \\* is three stars, not bullets', () => {
		expect(lines('\\* \\* \\*')).toEqual(['  * * *']);
		expect(lines('\\# not a heading, 1\\. not a list')).toEqual(['  # not a heading, 1. not a list']);
	});

	it('hard line breaks: two trailing spaces or a backslash', () => {
		expect(lines('line one  \nline two\\\nline three')).toEqual(['  line one', '  line two', '  line three']);
	});
});

describe('tables', () => {
	it('draw one rule, under the header', () => {
		expect(lines('| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |')).toEqual([
			'  ┌───┬───┐',
			'  │ a │ b │',
			'  ├───┼───┤',
			'  │ 1 │ 2 │',
			'  │ 3 │ 4 │',
			'  └───┴───┘',
		]);
	});
});

describe('GitHub alerts', () => {
	it.each([
		['NOTE', 'ℹ Note'],
		['TIP', '✱ Tip'],
		['IMPORTANT', '❢ Important'],
		['WARNING', '⚠ Warning'],
		['CAUTION', '⛔ Caution'],
	])('> [!%s] is a labelled callout', (kind, label) => {
		expect(lines(`> [!${kind}]\n> Read this.`)).toEqual([`  │ ${label}`, '  │ Read this.']);
	});

	it('a quote that only mentions [!NOTE] later is a quote', () => {
		expect(lines('> see [!NOTE]')).toEqual(['  │ see [!NOTE]']);
	});
});

describe('inline HTML', () => {
	it('<br> breaks the line', () => {
		expect(lines('one<br>two<br/>three')).toEqual(['  one', '  two', '  three']);
	});

	it('b, strong, i, em, u, kbd, sub, sup, span show their text', () => {
		expect(
			lines(
				'<b>B</b> <strong>S</strong> <i>I</i> <em>E</em> <u>U</u> <kbd>K</kbd> H<sub>2</sub>O x<sup>2</sup> <span style="color:red">red</span>',
			),
		).toEqual(['  B S I E U K H2O x2 red']);
	});

	it('styled where the terminal can', () => {
		expect(lines('<b>B</b> <kbd>K</kbd>', 60, colour)[0]).toContain('\u001B[1mB\u001B[22m');
	});

	it('other tags, and tags left open, show as written', () => {
		expect(lines('a <marquee>x</marquee> <b>open')).toEqual(['  a <marquee>x</marquee> <b>open']);
	});
});
