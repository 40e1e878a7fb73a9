// Side-by-side columns (see deck/columns.ts): each column's blocks laid out at its share of
// the width, then the columns' lines set next to each other, row by row. Too narrow a screen
// (a column under 12 cells) stacks them instead, in column order, so nothing is cut.
import type {Block} from '../deck/types.js';
import {padTo} from './text.js';

const gap = 2;
const minColumnWidth = 12;

export function renderColumns(blocks: readonly Block[], width: number, renderBlock: (block: Block, width: number) => string[]): string[] {
	const widths = blocks[0]!.column!.widths;
	const total = widths.reduce((sum, part) => sum + part, 0);
	const usable = width - gap * (widths.length - 1);
	const cells = widths.map(part => Math.floor((usable * part) / total));
	const byColumn = widths.map((_, index) => blocks.filter(block => block.column!.index === index));
	const stackBlocks = (column: readonly Block[], columnWidth: number) =>
		column.flatMap((block, i) => [...(i > 0 ? [''] : []), ...renderBlock(block, columnWidth)]);
	if (cells.some(cell => cell < minColumnWidth)) {
		return byColumn.filter(column => column.length > 0).flatMap((column, i) => [...(i > 0 ? [''] : []), ...stackBlocks(column, width)]);
	}

	const columns = byColumn.map((column, index) => stackBlocks(column, cells[index]!));
	const rows = Math.max(...columns.map(column => column.length));
	const lines: string[] = [];
	for (let row = 0; row < rows; row++) {
		const parts = columns.map((column, index) => padTo(column[row] ?? '', cells[index]!));
		lines.push(parts.join(' '.repeat(gap)).trimEnd());
	}

	return lines;
}
