// Issue 17: a GFM table wider than the slide wraps its cells in narrower columns instead of
// being clipped (a table that fits in other presenters fits here), as a browser lays out an
// automatic table; one layout for the presenter and print.
import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {openDeck} from '../../src/deck/deck.js';
import type {Element, Inline} from '../../src/deck/elements.js';
import {parseSlide} from '../../src/deck/parse.js';
import {renderElement} from '../../src/layout/blocks.js';
import {narrowestColumn, renderTable, shareRoom} from '../../src/layout/table.js';
import {createTheme} from '../../src/layout/theme.js';
import {writeAnsi} from '../../src/layout/write.js';
import {defined} from '../support/defined.js';

const plain = createTheme({level: 0, ascii: false});
const sum = (numbers: readonly number[]) => numbers.reduce((total, each) => total + each, 0);

/** The table of a one-slide deck, drawn `width` cells wide, as plain rows. */
function table(markdown: string, width: number): string[] {
	const element = defined(parseSlide(openDeck(markdown, 'x.md'), 0).blocks[0]).element;
	return renderElement(element, width, plain).map(line => writeAnsi(line, plain));
}

/** The words of a table's rows, read back in order. */
const words = (rows: readonly string[]) =>
	rows
		.join(' ')
		.split(/[\s│┌┐└┘├┤┬┴┼─]+/)
		.filter(Boolean);

describe('shareRoom: column widths for a GFM table wider than its room', () => {
	it('keeps narrow columns whole, shares the rest, and makes no column narrower than its longest word', () => {
		// Natural 10, 100 and 30; longest words 8, 12 and 30: only the prose column wraps.
		expect(shareRoom([10, 100, 30], [8, 12, 30], 80)).toEqual([10, 40, 30]);
		// Two prose columns share equally what the narrow one leaves (the odd cell to the leftmost).
		expect(shareRoom([10, 100, 60], [8, 12, 9], 81)).toEqual([10, 36, 35]);
		// A column's longest word holds even past an equal share.
		expect(shareRoom([30, 100, 100], [30, 5, 5], 60)).toEqual([30, 15, 15]);
	});

	it('never gives a column more than its natural width', () => {
		const widths = defined(shareRoom([3, 50, 50], [3, 5, 5], 60));
		expect(widths[0]).toBe(3);
		expect(sum(widths)).toBe(60);
		for (const [k, each] of widths.entries()) expect(each).toBeLessThanOrEqual(defined([3, 50, 50][k]));
	});

	it('goes below the longest words, down to a few cells each, when they do not fit (the words break)', () => {
		const widths = defined(shareRoom([40, 40, 2], [40, 30, 2], 20));
		expect(sum(widths)).toBe(20);
		expect(widths[2]).toBe(2);
		for (const each of widths.slice(0, 2)) expect(each).toBeGreaterThanOrEqual(narrowestColumn);
	});

	it('gives up when not even that fits (the table is clipped)', () => {
		expect(shareRoom([10, 10, 10], [10, 10, 10], 3 * narrowestColumn - 1)).toBeUndefined();
	});
});

describe('a wide GFM table in the layout', () => {
	const wide = [
		'| Tool | Kind | What it is for |',
		'|---|:---:|---:|',
		'| KVM | 1 | Runs guests at near-native speed using the processor’s virtualisation extensions |',
		'| QEMU | 2 | Emulates a whole machine, and gives KVM its devices |',
	].join('\n');

	it('fits the width, every row as wide as the others, every word kept in order, alignment kept', () => {
		for (const width of [40, 60, 80]) {
			const rows = table(wide, width);
			expect(new Set(rows.map(row => stringWidth(row))).size).toBe(1);
			expect(stringWidth(defined(rows[0]))).toBeLessThanOrEqual(width);
			expect(words(rows)).toEqual(words(table(wide, 1000)));
		}

		const rows = table(wide, 60);
		// The right-aligned column stays right-aligned in its wrapped lines.
		const third = rows.slice(3, -1).map(row => row.split('│')[3] ?? '');
		expect(third.length).toBeGreaterThan(2);
		for (const cell of third) expect(cell).toMatch(/^ +\S.*\S $/);
		expect(rows.filter(row => row.startsWith('├'))).toHaveLength(1);
	});

	it('draws a table that fits as before, at its natural widths', () => {
		expect(table('| a | bb |\n|---|---|\n| ccc | d |', 30)).toEqual([
			'┌─────┬────┐',
			'│ a   │ bb │',
			'├─────┼────┤',
			'│ ccc │ d  │',
			'└─────┴────┘',
		]);
	});

	it('wraps wide characters by cells, breaking CJK text between characters, never mid-character', () => {
		const cjk = `| 名前 | 説明 |\n|---|---|\n| 仮想化 | ${'仮想マシンはハードウェアを模倣する'.repeat(3)} |`;
		const rows = table(cjk, 30);
		expect(new Set(rows.map(row => stringWidth(row))).size).toBe(1);
		expect(stringWidth(defined(rows[0]))).toBeLessThanOrEqual(30);
		expect(rows.length).toBeGreaterThan(5);
		const column = (k: number) =>
			rows
				.map(row => row.split('│')[k] ?? '')
				.join('')
				.replaceAll(' ', '');
		expect(column(1)).toBe('名前仮想化');
		expect(column(2)).toBe(`説明${'仮想マシンはハードウェアを模倣する'.repeat(3)}`);
		// A short CJK header is not cut into one character a line.
		expect(rows[1]).toContain('名前');
	});

	it('keeps a 5,000-column table to one line per row, drawn whole for the clip (no wrapping, no blow-up)', () => {
		const cells = (prefix: string): Inline[][] => Array.from({length: 5000}, (_, i) => [{kind: 'text', text: `${prefix}${i}`}]);
		const element: Extract<Element, {kind: 'table'}> = {
			kind: 'table',
			align: Array.from({length: 5000}, () => 'left' as const),
			header: cells('h'),
			rows: [cells('a'), cells('b')],
		};
		const lines = renderTable(element, plain, 100);
		expect(lines).toHaveLength(6);
		const width = defined(lines[0]).width;
		expect(lines.every(line => line.width === width)).toBe(true);
		// Each column: its widest cell (`h4999` is 5 cells) and a space either side, and a border.
		expect(width).toBeLessThanOrEqual(5000 * 8 + 1);
	});
});
