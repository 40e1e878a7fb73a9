// A styled line measured once: its grapheme clusters and our SGR escapes, each with the cells
// it takes, so width, slicing and wrapping are one linear walk over the line.
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
	/** Cells each piece takes: 0 for an escape or a zero-width cluster. */
	widths: Uint8Array;
	count: number;
	width: number;
}>;

const oneCellRun = /^[\x20-\x7E\u00A0-\u00AC\u00AE-\u02FF\u2010-\u2027\u2030-\u205E\u2190-\u21FF\u2400-\u2426\u2500-\u25FC]*$/;
// Our own SGR; other escapes (never in sanitised text) are skipped whole, as string-width does.
const escapeAt = /\u001B(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001B]*(?:\u0007|\u001B\\)?)/y;

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
	let index = 0;
	while (index < text.length) {
		const escape = text.indexOf('\u001B', index);
		const end = escape === -1 ? text.length : escape;
		addPlain(text, index, end, out);
		if (escape === -1) {
			break;
		}

		escapeAt.lastIndex = escape;
		const match = escapeAt.exec(text);
		out.add(escape, 0);
		index = escape + (match ? match[0].length : 1);
	}

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

function isEscape(measured: Measured, piece: number): boolean {
	return measured.text.charCodeAt(measured.starts[piece]!) === 0x1b;
}

/**
 * The SGR styles in force, by what resets them: enough to close a styled line where it is cut
 * and to open the same styles where it goes on.
 */
export class Styles {
	private readonly active = new Map<string, {open: string; close: string}>();

	apply(escape: string): void {
		if (!escape.startsWith('\u001B[') || !escape.endsWith('m')) {
			return;
		}

		const parameters = escape.slice(2, -1).split(';');
		for (let i = 0; i < parameters.length; i++) {
			const code = Number(parameters[i] || '0');
			if (code === 0) {
				this.active.clear();
			} else if (code === 38 || code === 48 || code === 58) {
				const count = parameters[i + 1] === '5' ? 2 : parameters[i + 1] === '2' ? 4 : 0;
				const family = code === 38 ? 'fg' : code === 48 ? 'bg' : 'ul';
				this.set(family, parameters.slice(i, i + 1 + count).join(';'), String(code + 1));
				i += count;
			} else if ((code >= 30 && code <= 37) || (code >= 90 && code <= 97)) {
				this.set('fg', String(code), '39');
			} else if ((code >= 40 && code <= 47) || (code >= 100 && code <= 107)) {
				this.set('bg', String(code), '49');
			} else if (code === 39 || code === 49 || code === 59) {
				this.active.delete(code === 39 ? 'fg' : code === 49 ? 'bg' : 'ul');
			} else if (modifierClose.has(code)) {
				this.set(`m${code}`, String(code), String(modifierClose.get(code)));
			} else {
				for (const [family, style] of this.active) {
					if (style.close === String(code)) {
						this.active.delete(family);
					}
				}
			}
		}
	}

	opening(): string {
		let out = '';
		for (const style of this.active.values()) {
			out += `\u001B[${style.open}m`;
		}

		return out;
	}

	closing(): string {
		return [...this.active.values()]
			.reverse()
			.map(style => `\u001B[${style.close}m`)
			.join('');
	}

	private set(family: string, open: string, close: string): void {
		this.active.delete(family);
		this.active.set(family, {open, close});
	}
}

/** Modifiers and the code that ends each (bold and dim share 22). */
const modifierClose = new Map([
	[1, 22],
	[2, 22],
	[3, 23],
	[4, 24],
	[7, 27],
	[8, 28],
	[9, 29],
	[53, 55],
]);

/**
 * Cells `[start, end)` of a measured line, with the styles in force at `start` opened first
 * and those still open at the end closed. A wide character cut by either edge is left out.
 */
export function sliceMeasured(measured: Measured, start: number, end = Number.POSITIVE_INFINITY): string {
	const styles = new Styles();
	const {text, starts, widths, count} = measured;
	let column = 0;
	let piece = 0;
	while (piece < count) {
		const width = widths[piece]!;
		if (column >= start && (width > 0 || isEscape(measured, piece))) {
			break;
		}

		if (isEscape(measured, piece)) {
			styles.apply(text.slice(starts[piece], starts[piece + 1]));
		}

		column += width;
		piece++;
	}

	const opening = styles.opening();
	const first = piece;
	while (piece < count) {
		const width = widths[piece]!;
		// Escapes right after the last kept cell are left out: closing() ends what is open.
		if (column + width > end || (width === 0 && column >= end)) {
			break;
		}

		if (isEscape(measured, piece)) {
			styles.apply(text.slice(starts[piece], starts[piece + 1]));
		}

		column += width;
		piece++;
	}

	return opening + text.slice(starts[first], starts[piece]) + styles.closing();
}
