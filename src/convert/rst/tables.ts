// Simple and grid tables → rows of inline cells. Cells spanning rows or columns have no GFM
// form: such a table is reported, and the caller keeps it verbatim.
import {itemAt, lastOf} from '../../deck/checked.js';
import type {Line} from './lines.js';
import type {Inline} from './nodes.js';

export type ParsedTable = {header: Inline[][]; rows: Inline[][]} | {error: string};

type Column = Readonly<{start: number; end: number}>;

/** Runs of `char` in a border line: the columns. */
function columnsOf(border: string, char: string): Column[] {
	const columns: Column[] = [];
	const pattern = char === '=' ? /=+/g : /[-=]+/g;
	for (const match of border.matchAll(pattern)) {
		columns.push({start: match.index, end: match.index + match[0].length});
	}

	return columns;
}

const join = (parts: readonly string[]): string => parts.filter(part => part !== '').join(' ');

export function parseSimpleTable(lines: readonly Line[]): ParsedTable {
	const columns = columnsOf(itemAt(lines, 0).text, '=');
	const borders: number[] = [];
	const rows: string[][][] = [];
	for (const {text, line} of lines.slice(1)) {
		if (/^[= ]+$/.test(text)) {
			borders.push(rows.length);
			continue;
		}

		if (/^[- ]+$/.test(text) && text.includes('-')) {
			return {error: 'a simple table with cells spanning columns'};
		}

		if (text === '') {
			continue;
		}

		const cells: string[] = [];
		for (const [index, column] of columns.entries()) {
			const next = columns[index + 1];
			if (next && text.slice(column.end, next.start).trim() !== '') {
				return {error: `table text crosses a column boundary (line ${line})`};
			}

			cells.push(text.slice(column.start, next ? column.end : undefined).trim());
		}

		// A row whose first cell is blank continues the row above.
		const previous = rows.at(-1);
		if (cells[0] === '' && previous && borders.at(-1) !== rows.length) {
			for (const [index, cell] of cells.entries()) {
				itemAt(previous, index).push(cell);
			}
		} else {
			rows.push(cells.map(cell => [cell]));
		}
	}

	const cells = rows.map(row => row.map(join));
	const headerEnd = borders.length >= 2 ? itemAt(borders, 0) : 0;
	return {header: cells.slice(0, headerEnd), rows: cells.slice(headerEnd)};
}

export function parseGridTable(lines: readonly Line[]): ParsedTable {
	const top = itemAt(lines, 0).text;
	const bounds = [...top].flatMap((char, index) => (char === '+' ? [index] : []));
	const rows: string[][] = [];
	let current: string[][] | undefined;
	let headerEnd = 0;
	for (const {text, line} of lines.slice(1)) {
		if (text.startsWith('+')) {
			if (!isBorder(text, bounds)) {
				return {error: 'a grid table with cells spanning rows or columns'};
			}

			if (current) {
				rows.push(current.map(join));
				current = undefined;
			}

			if (text.includes('=')) {
				headerEnd = rows.length;
			}

			continue;
		}

		if (!bounds.every(bound => text[bound] === '|')) {
			return {error: `a grid table with cells spanning columns (line ${line})`};
		}

		current ??= bounds.slice(1).map(() => []);
		for (const [index, cell] of current.entries()) {
			cell.push(text.slice(itemAt(bounds, index) + 1, bounds[index + 1]).trim());
		}
	}

	if (current) {
		return {error: 'a grid table without its closing border'};
	}

	return {header: rows.slice(0, headerEnd), rows: rows.slice(headerEnd)};
}

function isBorder(text: string, bounds: readonly number[]): boolean {
	if (text.length !== lastOf(bounds) + 1) {
		return false;
	}

	const plus = new Set(bounds);
	for (let index = 0; index < text.length; index++) {
		const expected = plus.has(index) ? '+' : undefined;
		if (expected ? text[index] !== '+' : !/[-=]/.test(text.charAt(index))) {
			return false;
		}
	}

	return true;
}
