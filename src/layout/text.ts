// Width-aware helpers for plain strings: terminal cells, never `.length`, so CJK and emoji
// take the two columns they really take. Styled text is runs (lines.ts), measured with these.
import {measure, wrapRanges} from './cells.js';

/**
 * Text made only of characters that are one cell wide whatever the terminal (ASCII, Latin,
 * general punctuation, arrows, box drawing, blocks, geometric shapes, control pictures).
 * string-width's first call compiles an emoji regex and starts ICU's segmenter (tens of
 * milliseconds of start-up); slides are mostly such text, so it is counted directly.
 * test/unit/text-width.test.ts checks every character here against string-width.
 */
export const narrowText = /^[\x20-\x7E\u00A0-\u00AC\u00AE-\u02FF\u2010-\u2027\u2030-\u205E\u2190-\u21FF\u2400-\u2426\u2500-\u25FC]*$/;

export function cellWidth(text: string): number {
	return narrowText.test(text) ? text.length : measure(text).width;
}

/**
 * Wrap plain text to `width` cells: words move to the next line whole, words longer than the
 * width are broken, spaces at either end of a line are dropped, a line end starts a line.
 */
export function wrap(text: string, width: number): string[] {
	if (width < 1) {
		return [];
	}

	return text.split('\n').flatMap(line => wrapRanges(measure(line), width).map(([from, to]) => line.slice(from, to)));
}
