// Side-by-side columns, a Lectern feature shared with presenterm: `<!-- column_layout: [2, 1] -->`
// declares a layout (relative widths), `<!-- column: N -->` puts the blocks after it in
// column N, `<!-- reset_layout -->` ends the layout. The directives are HTML comments, so any
// other Markdown reader shows the same content one column after the other.
import type {Block, Column, DeckWarning} from './types.js';
import {group} from './checked.js';

const layoutDirective = /^\s*<!--\s*column_layout\s*:\s*\[([^\]]*)\]\s*-->\s*$/i;
const columnDirective = /^\s*<!--\s*column\s*:\s*(\d+)\s*-->\s*$/i;
const resetDirective = /^\s*<!--\s*reset_layout\s*-->\s*$/i;

/** At most this many columns, each at least one part wide. */
const maxColumns = 6;

export class ColumnState {
	private layout = 0;
	private widths: number[] | undefined;
	private index: number | undefined;

	/** Take in a directive (an HTML block's source; true), or say the HTML is content (false). */
	read(raw: string, line: number, problems: DeckWarning[]): boolean {
		const layout = layoutDirective.exec(raw);
		if (layout) {
			const widths = group(layout, 1)
				.split(',')
				.map(part => Number(part.trim()));
			if (widths.length < 1 || widths.length > maxColumns || widths.some(width => !Number.isInteger(width) || width < 1 || width > 100)) {
				problems.push({line, message: `column_layout needs 1 to ${maxColumns} whole widths from 1 to 100, such as [2, 1]; ignored`});
				this.widths = undefined;
			} else {
				this.layout++;
				this.widths = widths;
			}

			this.index = undefined;
			return true;
		}

		const column = columnDirective.exec(raw);
		if (column) {
			const index = Number(column[1]);
			if (!this.widths || index >= this.widths.length) {
				problems.push({
					line,
					message: this.widths
						? `column ${index} is not in the layout (columns 0 to ${this.widths.length - 1})`
						: 'column: N before any column_layout; ignored',
				});
				this.index = undefined;
			} else {
				this.index = index;
			}

			return true;
		}

		if (resetDirective.test(raw)) {
			this.widths = undefined;
			this.index = undefined;
			return true;
		}

		return false;
	}

	/** The block, placed in the current column when there is one. */
	place(block: Block): Block {
		if (!this.widths || this.index === undefined) {
			return block;
		}

		const column: Column = {layout: this.layout, widths: this.widths, index: this.index};
		return {...block, column};
	}
}
