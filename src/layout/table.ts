// Tables, drawn from runs: each column as wide as its widest cell plus a space either side,
// cells aligned as the delimiter row asks (`:---`, `:---:`, `---:`), box-drawing borders (or
// ASCII ones) and one rule, under the header (none without a header). A table with relative
// column widths (pandoc's tables) wider than the slide has its cells wrapped to fit, as pandoc
// wraps them; any other is not wrapped: the layout clips a wide table.
// (Drawn as cli-table3 drew it for marked-terminal, which this replaces.)
import type {Alignment, Element, Inline} from '../deck/elements.js';
import {inlineRuns} from './inline.js';
import {join, line, lineText, run, spaces, wrapHangingLine} from './lines.js';
import {cellWidth} from './text.js';
import type {Line, Role} from './runs.js';
import type {Theme} from './theme.js';

type TableElement = Extract<Element, {kind: 'table'}>;

type Borders = Readonly<{
	top: readonly [string, string, string];
	rule: readonly [string, string, string];
	bottom: readonly [string, string, string];
	horizontal: string;
	vertical: string;
}>;

const unicodeBorders: Borders = {
	top: ['┌', '┬', '┐'],
	rule: ['├', '┼', '┤'],
	bottom: ['└', '┴', '┘'],
	horizontal: '─',
	vertical: '│',
};

const asciiBorders: Borders = {top: ['+', '+', '+'], rule: ['+', '+', '+'], bottom: ['+', '+', '+'], horizontal: '-', vertical: '|'};

/** A cell's lines (a `<br>` in a cell breaks it), with the header's role around a header cell's runs. */
function cellLines(inlines: readonly Inline[], roles: readonly Role[]): Line[] {
	return inlineRuns(inlines).map(runs =>
		line(roles.length === 0 ? runs : runs.map(part => ({...part, roles: [...roles, ...(part.roles ?? [])]}))),
	);
}

export function renderTable(table: TableElement, theme: Theme, width = Number.POSITIVE_INFINITY): Line[] {
	const borders = theme.ascii ? asciiBorders : unicodeBorders;
	let header = table.header.map(cell => cellLines(cell, ['table-header']));
	let rows = table.rows.map(row => row.map(cell => cellLines(cell, [])));
	const columns = Math.max(header.length, ...rows.map(row => row.length));
	const natural = Array.from({length: columns}, (_, column) => {
		let widest = 0;
		for (const row of [header, ...rows]) {
			for (const each of row[column] ?? []) widest = Math.max(widest, each.width);
		}

		return widest;
	});
	// Each column: a space either side of its text, and a border after it (and one before the first).
	const room = width - 3 * columns - 1;
	let contents = natural;
	if (table.widths && natural.reduce((sum, each) => sum + each, 0) > room && room >= columns) {
		const fitted = fitColumns(natural, table.widths, room, longestWords([header, ...rows], columns));
		const wrapCell = (cell: readonly Line[], column: number) => cell.flatMap(each => wrapHangingLine(each, fitted[column] ?? 1));
		header = header.map(wrapCell);
		rows = rows.map(row => row.map(wrapCell));
		contents = fitted;
	}

	const widths = contents.map(each => each + 2);
	const border = ([left, middle, right]: readonly [string, string, string]) =>
		line([run(left + widths.map(width => borders.horizontal.repeat(width)).join(middle) + right)]);
	const vertical = run(borders.vertical);
	const drawRow = (cells: readonly Line[][]): Line[] => {
		const height = Math.max(1, ...cells.map(cell => cell.length));
		return Array.from({length: height}, (_, at) =>
			join(vertical, ...widths.flatMap((width, column) => [aligned(cells[column]?.[at], width, table.align[column]), vertical])),
		);
	};

	const lines = [border(borders.top)];
	if (header.length > 0) {
		lines.push(...drawRow(header));
		if (rows.length > 0) lines.push(border(borders.rule));
	}

	for (const row of rows) lines.push(...drawRow(row));
	lines.push(border(borders.bottom));
	return lines;
}

/** One cell line in a column `width` cells wide: a space either side, aligned within. */
function aligned(content: Line | undefined, width: number, align: Alignment): Line {
	const text = content ?? line([]);
	const room = width - 2 - text.width;
	if (align === 'right') return join(spaces(1 + room), text, spaces(1));
	if (align === 'center') {
		const right = Math.ceil(room / 2);
		return join(spaces(1 + room - right), text, spaces(1 + right));
	}

	return join(spaces(1), text, spaces(1 + room));
}

/** Each column's widest word: below it, wrapping must break a word. */
function longestWords(rows: readonly (readonly (readonly Line[])[])[], columns: number): number[] {
	const longest = Array.from({length: columns}, () => 0);
	for (const row of rows) {
		row.forEach((cell, column) => {
			for (const each of cell) {
				for (const word of lineText(each).split(' ')) longest[column] = Math.max(longest[column] ?? 0, cellWidth(word));
			}
		});
	}

	return longest;
}

/**
 * Column widths that share `room` cells in the proportions `weights` asks, each column
 * taking no more than its `natural` width (what one column does not need goes to the others,
 * in the same proportions) and at least one cell; then a column too narrow for its longest
 * word takes cells from the columns with the most to spare, so words are broken only where
 * the room is too small for them all.
 */
export function fitColumns(natural: readonly number[], weights: readonly number[], room: number, words?: readonly number[]): number[] {
	const fitted = shareColumns(natural, weights, room);
	if (!words) return fitted;
	const least = natural.map((each, k) => Math.min(each, words[k] ?? 0));
	const spare = (k: number) => (fitted[k] ?? 0) - (least[k] ?? 0);
	for (const [k, need] of least.entries()) {
		while ((fitted[k] ?? 0) < need) {
			let donor = -1;
			for (let j = 0; j < fitted.length; j++) {
				if (spare(j) > 0 && (donor === -1 || spare(j) > spare(donor))) donor = j;
			}

			if (donor === -1) return fitted;
			fitted[donor] = (fitted[donor] ?? 0) - 1;
			fitted[k] = (fitted[k] ?? 0) + 1;
		}
	}

	return fitted;
}

function shareColumns(natural: readonly number[], weights: readonly number[], room: number): number[] {
	const fitted = natural.map(() => 0);
	let open = natural.map((_, k) => k);
	let left = room;
	// Each round settles at least one column at its natural width, or shares out the rest.
	while (open.length > 0) {
		const total = open.reduce((sum, k) => sum + Math.max(1, weights[k] ?? 1), 0);
		const share = (k: number) => (left * Math.max(1, weights[k] ?? 1)) / total;
		const settled = open.filter(k => (natural[k] ?? 0) <= share(k));
		if (settled.length === 0) {
			let given = 0;
			for (const k of open) {
				fitted[k] = Math.max(1, Math.floor(share(k)));
				given += fitted[k] ?? 0;
			}

			// Cells the rounding left over go to the first columns still short of their text.
			for (const k of open) {
				if (given >= left) break;
				fitted[k] = (fitted[k] ?? 0) + 1;
				given++;
			}

			break;
		}

		for (const k of settled) {
			fitted[k] = natural[k] ?? 0;
			left -= natural[k] ?? 0;
		}

		open = open.filter(k => !settled.includes(k));
	}

	return fitted;
}
