// Tables, drawn from runs: each column as wide as its widest cell plus a space either side,
// cells aligned as the delimiter row asks (`:---`, `:---:`, `---:`), box-drawing borders (or
// ASCII ones) and one rule, under the header (none without a header). A table wider than the
// slide has its cells wrapped within narrower columns (issue 17: a table that fits in other
// presenters must fit here): a pandoc table (relative column widths) in the proportions of its
// dashes, as pandoc wraps it; a GFM table by sharing the width (narrow columns keep their
// width, the others share the rest, none narrower than its longest word; when even the words
// do not fit, columns go down to a few cells and long words break: shareRoom). A table that
// cannot fit even so (more columns than the width has room for) is drawn whole and clipped.
// (Drawn as cli-table3 drew it for marked-terminal, which this replaces.)
import type {Alignment, Element, Inline} from '../deck/elements.js';
import {inlineRuns} from './inline.js';
import {join, line, lineText, run, spaces, wrapHangingLine} from './lines.js';
import {measure} from './cells.js';
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
	const natural: number[] = Array.from({length: columns}, () => 0);
	for (const row of [header, ...rows]) {
		row.forEach((cell, column) => {
			for (const each of cell) natural[column] = Math.max(natural[column] ?? 0, each.width);
		});
	}

	// Each column: a space either side of its text, and a border after it (and one before the first).
	const room = width - 3 * columns - 1;
	let contents = natural;
	const fitted =
		sum(natural) <= room || room < columns
			? undefined
			: table.widths
				? fitColumns(natural, table.widths, room, longestWords([header, ...rows], columns))
				: shareRoom(natural, longestWords([header, ...rows], columns), room);
	if (fitted) {
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

function sum(numbers: readonly number[]): number {
	let total = 0;
	for (const each of numbers) total += each;
	return total;
}

/** How narrow a GFM table's column may be made before its words break: a short word, or a long one's start. */
export const narrowestColumn = 4;

/**
 * A GFM table's column widths in `room` cells (less than the columns' `natural` widths): the
 * columns narrower than an equal share keep their natural width, the others share the rest
 * equally, and none is made narrower than its longest word (`words`; and `narrowestColumn`, so
 * that CJK text, whose every character is a word, is not cut to one a line). When even the
 * longest words do not fit, the same sharing goes down to `narrowestColumn` cells a column (or
 * its natural width, if less), and the columns with longer words break them. Undefined when
 * the columns do not fit even then (the table is drawn whole and clipped).
 */
export function shareRoom(natural: readonly number[], words: readonly number[], room: number): number[] | undefined {
	const least = natural.map((each, k) => Math.min(each, Math.max(narrowestColumn, words[k] ?? each)));
	if (sum(least) <= room) return share(least, natural, room);
	const floor = least.map(each => Math.min(each, narrowestColumn));
	return sum(floor) <= room ? share(floor, least, room) : undefined;
}

/**
 * `room` cells (at least the `lower` bounds' sum, less than the `upper` ones'): one width for
 * every column, held within each column's bounds, as large as the room allows; the cells left
 * over go one each to the leftmost columns at that width. The width is found by halving, each
 * try one pass over the columns.
 */
function share(lower: readonly number[], upper: readonly number[], room: number): number[] {
	const at = (width: number) => lower.map((each, k) => Math.min(upper[k] ?? each, Math.max(each, width)));
	let fits = 0;
	let tooWide = 0;
	for (const each of upper) tooWide = Math.max(tooWide, each);
	while (tooWide - fits > 1) {
		const width = Math.floor((fits + tooWide) / 2);
		if (sum(at(width)) <= room) fits = width;
		else tooWide = width;
	}

	const widths = at(fits);
	let extra = room - sum(widths);
	for (const [k, each] of widths.entries()) {
		if (extra <= 0) break;
		if (each === fits && each < (upper[k] ?? 0) && each >= (lower[k] ?? 0)) {
			widths[k] = each + 1;
			extra--;
		}
	}

	return widths;
}

/**
 * Each column's widest word: below it, wrapping must break a word. A wide character (CJK) is a
 * word of its own: such text breaks between any two of them, as it is written without spaces.
 */
function longestWords(rows: readonly (readonly (readonly Line[])[])[], columns: number): number[] {
	const longest = Array.from({length: columns}, () => 0);
	for (const row of rows) {
		row.forEach((cell, column) => {
			for (const each of cell) {
				const {text, starts, widths, count} = measure(lineText(each));
				let word = 0;
				let widest = longest[column] ?? 0;
				for (let piece = 0; piece < count; piece++) {
					const cells = widths[piece] ?? 0;
					if (cells >= 2 || (cells === 1 && text.charCodeAt(starts[piece] ?? 0) === 0x20)) {
						widest = Math.max(widest, word, cells === 1 ? 0 : cells);
						word = 0;
					} else {
						word += cells;
					}
				}

				longest[column] = Math.max(widest, word);
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
