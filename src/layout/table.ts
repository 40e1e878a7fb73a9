// Tables, drawn from runs: each column as wide as its widest cell plus a space either side,
// cells aligned as the delimiter row asks (`:---`, `:---:`, `---:`), box-drawing borders (or
// ASCII ones) and one rule, under the header. Not wrapped: the layout clips a wide table.
// (Drawn as cli-table3 drew it for marked-terminal, which this replaces.)
import type {Alignment, Element, Inline} from '../deck/elements.js';
import {inlineRuns} from './inline.js';
import {join, line, run, spaces} from './lines.js';
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

export function renderTable(table: TableElement, theme: Theme): Line[] {
	const borders = theme.ascii ? asciiBorders : unicodeBorders;
	const header = table.header.map(cell => cellLines(cell, ['table-header']));
	const rows = table.rows.map(row => row.map(cell => cellLines(cell, [])));
	const columns = Math.max(header.length, ...rows.map(row => row.length));
	const widths = Array.from({length: columns}, (_, column) => {
		let widest = 0;
		for (const row of [header, ...rows]) {
			for (const each of row[column] ?? []) widest = Math.max(widest, each.width);
		}

		return widest + 2;
	});
	const border = ([left, middle, right]: readonly [string, string, string]) =>
		line([run(left + widths.map(width => borders.horizontal.repeat(width)).join(middle) + right)]);
	const vertical = run(borders.vertical);
	const drawRow = (cells: readonly Line[][]): Line[] => {
		const height = Math.max(1, ...cells.map(cell => cell.length));
		return Array.from({length: height}, (_, at) =>
			join(vertical, ...widths.flatMap((width, column) => [aligned(cells[column]?.[at], width, table.align[column]), vertical])),
		);
	};

	const lines = [border(borders.top), ...drawRow(header)];
	if (rows.length > 0) lines.push(border(borders.rule));
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
