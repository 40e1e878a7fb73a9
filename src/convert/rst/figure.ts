// The framed placeholder that stands in for a figure: its file, size, caption and alt text,
// wrapped to a frame that fits the smallest slide area. The first line is the mark
// `lectern check` looks for (src/deck/figure-placeholder.ts).
import {figurePlaceholderTitle} from '../../deck/figure-placeholder.js';
import {sanitizeLine} from '../../deck/sanitize.js';
import {cellWidth, wrap} from '../../layout/text.js';

/** Outer width of the frame, in cells: fits the 76-column slide area of an 80x24 terminal. */
export const frameWidth = 60;

export type FigureFields = Readonly<{file: string; size: string; caption: string; alt: string}>;

export function figureBox(fields: FigureFields): string[] {
	const inner = frameWidth - 4;
	const rows: string[] = [];
	for (const [label, value] of [
		['file', fields.file],
		['size', fields.size],
		['caption', plainText(fields.caption)],
		['alt', fields.alt],
	] as const) {
		if (value === '') {
			continue;
		}

		const head = `${label}: `;
		// A file name is cut anywhere (it has no spaces to wrap at); prose wraps at words.
		const parts = label === 'file' ? chunks(sanitizeLine(value), inner - head.length) : wrap(sanitizeLine(value), inner - head.length);
		for (const [index, part] of parts.entries()) {
			rows.push((index === 0 ? head : ' '.repeat(head.length)) + part);
		}
	}

	const title = `─ ${figurePlaceholderTitle} `;
	return [
		`┌${title}${'─'.repeat(frameWidth - 2 - title.length)}┐`,
		...rows.map(row => `│ ${row}${' '.repeat(Math.max(0, inner - cellWidth(row)))} │`),
		`└${'─'.repeat(frameWidth - 2)}┘`,
	];
}

function chunks(text: string, width: number): string[] {
	const parts: string[] = [];
	let current = '';
	let used = 0;
	for (const char of text) {
		const cells = cellWidth(char);
		if (used + cells > width) {
			parts.push(current);
			current = '';
			used = 0;
		}

		current += char;
		used += cells;
	}

	return [...parts, current];
}

/** rst inline markup removed, for text shown verbatim in the frame. */
function plainText(inline: string): string {
	return inline
		.replaceAll(/:[\w.+-]+:`/g, '`')
		.replaceAll(/`([^`<]*?)\s*<[^`>]*>`_{1,2}/g, '$1')
		.replaceAll(/``|`_{0,2}|\*\*?/g, '')
		.replaceAll(/\s+/g, ' ')
		.trim();
}
