// A line of text measured once: its grapheme clusters, each with the cells it takes, so width,
// slicing and wrapping are one linear walk over the line. Text reaching here is sanitised and
// unstyled (styles are roles on runs, runs.ts), so there is no escape sequence to step over.
//
// Not slice-ansi/wrap-ansi: on long lines they were quadratic or close to it (measured on
// Node 20: slice-ansi(line, 2) on 25,000 characters took 1.7 s, wrap-ansi on 25,000 CJK
// characters 1.5 s). Their root is Intl.Segmenter, whose cost grows with the square of the
// string it walks (16,000 CJK characters: 0.46 s; 100,000: 90 s) and which costs 10–30 µs a
// call even on a short string. unicode-segmenter (UAX #29 in plain JavaScript) is linear:
// 1,000,000 CJK characters in 0.43 s. string-width stays the authority on widths, asked once
// per distinct character or cluster.
import stringWidth from 'string-width';
import {graphemeSegments} from 'unicode-segmenter/grapheme';

export type Measured = Readonly<{
	text: string;
	/** Start of each piece in `text`, plus `text.length` at the end (`count + 1` entries). */
	starts: Int32Array;
	/** Cells each piece takes: 0 for a zero-width cluster. */
	widths: Uint8Array;
	count: number;
	width: number;
}>;

const oneCellRun = /^[\x20-\x7E\u00A0-\u00AC\u00AE-\u02FF\u2010-\u2027\u2030-\u205E\u2190-\u21FF\u2400-\u2426\u2500-\u25FC]*$/;

const widths = new Map<string, number>();
const cacheLimit = 20_000;

function widthOf(cluster: string): number {
	let width = widths.get(cluster);
	if (width === undefined) {
		width = Math.min(2, stringWidth(cluster));
		if (widths.size >= cacheLimit) {
			widths.clear();
		}

		widths.set(cluster, width);
	}

	return width;
}

class Builder {
	readonly starts: Int32Array;
	readonly widths: Uint8Array;
	count = 0;
	width = 0;
	constructor(length: number) {
		this.starts = new Int32Array(length + 1);
		this.widths = new Uint8Array(Math.max(1, length));
	}

	add(start: number, width: number): void {
		this.starts[this.count] = start;
		this.widths[this.count] = width;
		this.count++;
		this.width += width;
	}
}

export function measure(text: string): Measured {
	const out = new Builder(text.length);
	addPlain(text, 0, text.length, out);
	out.starts[out.count] = text.length;
	return {text, starts: out.starts, widths: out.widths, count: out.count, width: out.width};
}

function addPlain(text: string, from: number, to: number, out: Builder): void {
	if (from === to) {
		return;
	}

	if (oneCellRun.test(text.slice(from, to))) {
		for (let i = from; i < to; i++) {
			out.add(i, 1);
		}

		return;
	}

	for (const {segment, index} of graphemeSegments(text.slice(from, to))) {
		out.add(from + index, widthOf(segment));
	}
}

/**
 * Where the rows of a wrapped line start and end, as offsets in its text (see wrapRuns). Each
 * row is one stretch of the text: the spaces between words on a row are kept as written.
 */
export function wrapRanges(measured: Measured, width: number): Array<readonly [number, number]> {
	const {text, starts, widths, count} = measured;
	const isSpace = (piece: number) => widths[piece] === 1 && text.charCodeAt(starts[piece] ?? 0) === 0x20;
	const rows: Array<readonly [number, number]> = [];
	let rowStart = 0;
	let rowWidth = 0;
	let spaceCount = 0;
	let piece = 0;
	while (piece < count) {
		if (isSpace(piece)) {
			spaceCount++;
			piece++;
			continue;
		}

		// One word: up to the next space.
		let end = piece;
		let wordWidth = 0;
		while (end < count && !isSpace(end)) {
			wordWidth += widths[end] ?? 0;
			end++;
		}

		const gap = rowWidth > 0 ? spaceCount : 0;
		const beforeSpaces = starts[piece - spaceCount] ?? 0;
		spaceCount = 0;
		if (rowWidth === 0) rowStart = starts[piece] ?? 0;
		if (rowWidth > 0 && rowWidth + gap + wordWidth > width) {
			// A word longer than a line starts on a fresh line only when that saves a break.
			const fresh = Math.ceil(wordWidth / width);
			const here = 1 + Math.ceil(Math.max(0, wordWidth - (width - rowWidth - gap)) / width);
			if (wordWidth <= width || fresh < here) {
				rows.push([rowStart, beforeSpaces]);
				rowStart = starts[piece] ?? 0;
				rowWidth = 0;
			}
		}

		rowWidth += rowWidth > 0 ? gap : 0;
		for (; piece < end; piece++) {
			const cells = widths[piece] ?? 0;
			if (cells > 0 && rowWidth > 0 && rowWidth + cells > width) {
				rows.push([rowStart, starts[piece] ?? 0]);
				rowStart = starts[piece] ?? 0;
				rowWidth = 0;
			}

			rowWidth += cells;
		}
	}

	rows.push([rowStart, Math.max(rowStart, starts[piece - spaceCount] ?? 0)]);
	return rows;
}
