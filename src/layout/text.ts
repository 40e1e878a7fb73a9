// Width-aware text helpers over string-width, wrap-ansi and slice-ansi: terminal cells, never
// `.length`, so CJK and emoji take the two columns they really take.
import sliceAnsi from 'slice-ansi';
import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';

/**
 * Text made only of characters that are one cell wide whatever the terminal (ASCII, Latin,
 * general punctuation, arrows, box drawing, blocks, geometric shapes, control pictures),
 * with our own SGR styling. string-width's first call compiles an emoji regex and starts
 * ICU's segmenter (tens of milliseconds of start-up); slides are mostly such text, so it is
 * counted directly. test/unit/text-width.test.ts checks every character here against
 * string-width.
 */
export const narrowText = /^(?:[\x20-\x7E\u00A0-\u00AC\u00AE-\u02FF\u2010-\u2027\u2030-\u205E\u2190-\u21FF\u2400-\u2426\u2500-\u25FC]|\u001B\[[\d;]*m)*$/;

export function cellWidth(text: string): number {
	return narrowText.test(text) ? stripStyles(text).length : stringWidth(text);
}

/** Wrap prose to `width` cells; words longer than the width are broken. */
export function wrap(text: string, width: number): string[] {
	if (width < 1) {
		return [];
	}

	return wrapAnsi(text, width, {hard: true, trim: true, wordWrap: true}).split('\n');
}

/**
 * Wrap one rendered line keeping a hanging indent: continuation lines line up under the text
 * after the line's indentation and list marker, as a reader expects of bullets.
 */
export function wrapHanging(line: string, width: number): string[] {
	if (cellWidth(line) <= width) {
		return [line];
	}

	const plain = stripStyles(line);
	const prefix = /^\s*(?:(?:[-*+•◦▪]|\d+[.)])\s+)?/.exec(plain)?.[0] ?? '';
	const indent = Math.min(cellWidth(prefix), Math.floor(width / 2));
	const head = sliceAnsi(line, 0, indent);
	const body = sliceAnsi(line, indent);
	const wrapped = wrap(body, Math.max(1, width - indent));
	return wrapped.map((part, i) => (i === 0 ? head : ' '.repeat(indent)) + part);
}

/**
 * The first `width` cells of a styled line. slice-ansi keeps a wide character that starts
 * inside the range even when its second cell falls outside: leave it out instead.
 */
function sliceCells(text: string, width: number): string {
	const kept = sliceAnsi(text, 0, width);
	return cellWidth(kept) <= width ? kept : sliceAnsi(text, 0, Math.max(0, width - 1));
}

/** Clip to `width` cells; when something was cut, the last cell shows `marker`. */
export function clip(line: string, width: number, marker: string): {line: string; clipped: boolean} {
	if (cellWidth(line) <= width) {
		return {line, clipped: false};
	}

	const markerWidth = cellWidth(marker);
	let kept = sliceCells(line, Math.max(0, width - markerWidth));
	// A wide character cut in half leaves the line a cell short; pad so the marker lines up.
	kept += ' '.repeat(Math.max(0, width - markerWidth - cellWidth(kept)));
	// Reset only what a style cut in half left open: plain (uncoloured) output stays escape-free.
	return {line: kept + (kept.includes('\u001B') ? '\u001B[0m' : '') + marker, clipped: true};
}

/** Cut to `width` cells with an ellipsis, for one-line chrome such as the status bar. */
export function truncate(text: string, width: number, ellipsis: string): string {
	if (width <= 0) {
		return '';
	}

	if (cellWidth(text) <= width) {
		return text;
	}

	const kept = sliceCells(text, Math.max(0, width - cellWidth(ellipsis)));
	return kept + ' '.repeat(Math.max(0, width - cellWidth(ellipsis) - cellWidth(kept))) + ellipsis;
}

/** Pad with spaces to exactly `width` cells (clipping first when longer). */
export function padTo(text: string, width: number): string {
	const size = cellWidth(text);
	if (size > width) {
		const kept = sliceCells(text, width);
		return kept + ' '.repeat(Math.max(0, width - cellWidth(kept)));
	}

	return text + ' '.repeat(width - size);
}

const ansiPattern = /\u001B\[[0-9;]*m/g;

/** Remove our own SGR styling (the only escapes layout ever produces). */
export function stripStyles(text: string): string {
	return text.replace(ansiPattern, '');
}
