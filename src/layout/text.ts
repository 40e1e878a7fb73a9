// Width-aware text helpers: terminal cells, never `.length`, so CJK and emoji take the two
// columns they really take. Each line is measured once (cells.ts) and cut by cell offsets,
// so every helper is linear in the line's length.
import {measure, sliceMeasured, Styles, type Measured} from './cells.js';

/**
 * Text made only of characters that are one cell wide whatever the terminal (ASCII, Latin,
 * general punctuation, arrows, box drawing, blocks, geometric shapes, control pictures),
 * with our own SGR styling. string-width's first call compiles an emoji regex and starts
 * ICU's segmenter (tens of milliseconds of start-up); slides are mostly such text, so it is
 * counted directly. test/unit/text-width.test.ts checks every character here against
 * string-width.
 */
export const narrowText =
	/^(?:[\x20-\x7E\u00A0-\u00AC\u00AE-\u02FF\u2010-\u2027\u2030-\u205E\u2190-\u21FF\u2400-\u2426\u2500-\u25FC]|\u001B\[[\d;]*m)*$/;

export function cellWidth(text: string): number {
	return narrowText.test(text) ? stripStyles(text).length : measure(text).width;
}

/** Cells `[start, end)` of a styled line (see sliceMeasured). */
export function sliceCells(text: string, start: number, end?: number): string {
	return sliceMeasured(measure(text), start, end);
}

/**
 * Wrap prose to `width` cells: words move to the next line whole, words longer than the
 * width are broken, spaces at either end of a line are dropped, and a style open where a
 * line ends is closed there and opened again on the next.
 */
export function wrap(text: string, width: number): string[] {
	if (width < 1) {
		return [];
	}

	return text.split('\n').flatMap(line => wrapLine(measure(line), width));
}

function wrapLine(line: Measured, width: number): string[] {
	const {text, starts, widths, count} = line;
	const isSpace = (piece: number) => widths[piece] === 1 && text.charCodeAt(starts[piece]!) === 0x20;
	const rows: string[] = [];
	const styles = new Styles();
	// The row so far is `row` plus the text from `from` to the piece being looked at.
	let row = '';
	let from = 0;
	let rowWidth = 0;
	const endRow = (at: number) => {
		rows.push(row + text.slice(from, starts[at]) + styles.closing());
		row = styles.opening();
		from = starts[at]!;
		rowWidth = 0;
	};

	let spaces = 0;
	let piece = 0;
	while (piece < count) {
		if (isSpace(piece)) {
			spaces++;
			piece++;
			continue;
		}

		// One word: up to the next space (its escapes travel with it).
		let end = piece;
		let wordWidth = 0;
		while (end < count && !isSpace(end)) {
			wordWidth += widths[end]!;
			end++;
		}

		const gap = rowWidth > 0 ? spaces : 0;
		// Spaces are written out only between words on one row.
		row += text.slice(from, starts[piece - spaces]) + ' '.repeat(gap);
		spaces = 0;
		from = starts[piece]!;
		if (rowWidth > 0 && rowWidth + gap + wordWidth > width) {
			// A word longer than a line starts on a fresh line only when that saves a break.
			const fresh = Math.ceil(wordWidth / width);
			const here = 1 + Math.ceil(Math.max(0, wordWidth - (width - rowWidth - gap)) / width);
			if (wordWidth <= width || fresh < here) {
				row = row.slice(0, row.length - gap);
				endRow(piece);
			}
		}

		rowWidth += rowWidth > 0 ? gap : 0;
		for (; piece < end; piece++) {
			const cells = widths[piece]!;
			if (cells > 0 && rowWidth > 0 && rowWidth + cells > width) {
				endRow(piece);
			}

			if (cells === 0 && text.charCodeAt(starts[piece]!) === 0x1b) {
				styles.apply(text.slice(starts[piece], starts[piece + 1]));
			}

			rowWidth += cells;
		}
	}

	rows.push(row + text.slice(from, starts[piece - spaces]));
	return rows;
}

/**
 * Wrap one rendered line keeping a hanging indent: continuation lines line up under the text
 * after the line's indentation and list marker, as a reader expects of bullets.
 */
export function wrapHanging(line: string, width: number): string[] {
	const measured = measure(line);
	if (measured.width <= width) {
		return [line];
	}

	const plain = stripStyles(line.slice(0, 256));
	const prefix = /^\s*(?:(?:[-*+•◦▪]|\d+[.)])\s+)?/.exec(plain)?.[0] ?? '';
	const indent = Math.min(cellWidth(prefix), Math.floor(width / 2));
	const head = sliceMeasured(measured, 0, indent);
	const body = sliceMeasured(measured, indent);
	const wrapped = wrap(body, Math.max(1, width - indent));
	return wrapped.map((part, i) => (i === 0 ? head : ' '.repeat(indent)) + part);
}

/**
 * The first `width` cells of a styled line; a wide character whose second cell would fall
 * outside is left out.
 */
function firstCells(line: Measured, width: number): {text: string; width: number} {
	const text = sliceMeasured(line, 0, width);
	let cells = 0;
	for (let piece = 0; piece < line.count && cells + line.widths[piece]! <= width; piece++) {
		cells += line.widths[piece]!;
	}

	return {text, width: cells};
}

/** Clip to `width` cells; when something was cut, the last cell shows `marker`. */
export function clip(line: string, width: number, marker: string): {line: string; clipped: boolean} {
	if (narrowText.test(line) && stripStyles(line).length <= width) {
		return {line, clipped: false};
	}

	const measured = measure(line);
	if (measured.width <= width) {
		return {line, clipped: false};
	}

	const markerWidth = cellWidth(marker);
	const kept = firstCells(measured, Math.max(0, width - markerWidth));
	// A wide character cut in half leaves the line a cell short; pad so the marker lines up.
	const padded = kept.text + ' '.repeat(Math.max(0, width - markerWidth - kept.width));
	// Reset only what a style cut in half left open: plain (uncoloured) output stays escape-free.
	return {line: padded + (padded.includes('\u001B') ? '\u001B[0m' : '') + marker, clipped: true};
}

/** Cut to `width` cells with an ellipsis, for one-line chrome such as the status bar. */
export function truncate(text: string, width: number, ellipsis: string): string {
	if (width <= 0) {
		return '';
	}

	const measured = measure(text);
	if (measured.width <= width) {
		return text;
	}

	const ellipsisWidth = cellWidth(ellipsis);
	const kept = firstCells(measured, Math.max(0, width - ellipsisWidth));
	return kept.text + ' '.repeat(Math.max(0, width - ellipsisWidth - kept.width)) + ellipsis;
}

/** Pad with spaces to exactly `width` cells (clipping first when longer). */
export function padTo(text: string, width: number): string {
	const size = cellWidth(text);
	if (size > width) {
		const kept = firstCells(measure(text), width);
		return kept.text + ' '.repeat(Math.max(0, width - kept.width));
	}

	return text + ' '.repeat(width - size);
}

const ansiPattern = /\u001B\[[0-9;]*m/g;

/** Remove our own SGR styling (the only escapes layout ever produces). */
export function stripStyles(text: string): string {
	return text.replace(ansiPattern, '');
}
