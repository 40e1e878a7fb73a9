// Side-by-side columns (see deck/columns.ts): each column's blocks laid out at its share of
// the width, then the columns' lines set next to each other, row by row. Too narrow a screen
// (a column under 12 cells) stacks them instead, in column order, so nothing is cut.
import type {Block} from '../deck/types.js';
import {blankLine, join, line, padLine, spaces} from './lines.js';
import type {Line} from './runs.js';
import {defined, itemAt, lastOf} from '../deck/checked.js';

const gap = 2;
const minColumnWidth = 12;

export function renderColumns(blocks: readonly Block[], width: number, renderBlock: (block: Block, width: number) => Line[]): Line[] {
	const widths = defined(itemAt(blocks, 0).column, 'blocks of one column layout').widths;
	const total = widths.reduce((sum, part) => sum + part, 0);
	const usable = width - gap * (widths.length - 1);
	const cells = widths.map(part => Math.floor((usable * part) / total));
	const byColumn = widths.map((_, index) => blocks.filter(block => block.column?.index === index));
	const stackBlocks = (column: readonly Block[], columnWidth: number) =>
		column.flatMap((block, i) => [...(i > 0 && !block.continuesList ? [blankLine] : []), ...renderBlock(block, columnWidth)]);
	if (cells.some(cell => cell < minColumnWidth)) {
		return byColumn
			.filter(column => column.length > 0)
			.flatMap((column, i) => [...(i > 0 ? [blankLine] : []), ...stackBlocks(column, width)]);
	}

	const columns = byColumn.map((column, index) => stackBlocks(column, itemAt(cells, index)));
	const rows = Math.max(...columns.map(column => column.length));
	const lines: Line[] = [];
	for (let row = 0; row < rows; row++) {
		const parts = columns.map((column, index) => padLine(column[row] ?? blankLine, itemAt(cells, index)));
		lines.push(trimEnd(join(...parts.flatMap((part, index) => (index === 0 ? [part] : [spaces(gap), part])))));
	}

	return lines;
}

/** The line without the spaces at its end (unstyled runs of spaces only). */
export function trimEnd(of: Line): Line {
	const runs = [...of.runs];
	while (runs.length > 0) {
		const last = lastOf(runs);
		const text = last.text.trimEnd();
		if (text === last.text) break;
		if (text !== '' || (last.roles?.length ?? 0) > 0) {
			if ((last.roles?.length ?? 0) > 0) break;
			runs[runs.length - 1] = {...last, text, width: last.width - (last.text.length - text.length)};
			break;
		}

		runs.pop();
	}

	return runs.length === of.runs.length && runs.at(-1) === of.runs.at(-1) ? of : line(runs);
}
