// Guards that run before marked sees a slide. marked recurses once per nesting level (10,000
// `> ` on a line overflows the stack) and some delimiter runs cost quadratic time (50,000
// `_a` take seconds), and a synchronous parse cannot be interrupted, so these inputs are
// recognised up front and shown flattened or as plain text.
import {BlockTracker} from './blocks.js';

/** Deepest list/quote nesting handed to marked; deeper markers are shown as text. */
export const nestingLimit = 16;

/** Delimiter characters in one paragraph above which parsing is not attempted. */
export const delimiterLimit = 1500;

/**
 * Lines of one block (no blank line between them) above which parsing is not attempted:
 * marked re-reads a list item's lines once per line (measured: 2,000 continuation lines
 * 0.2 s, 4,000 lines 0.9 s), so a long block costs the square of its length.
 */
export const blockLineLimit = 1000;

/** Rows of one table drawn; the rest are counted in a line after it. */
export const tableRowLimit = 200;

/** Characters of Markdown handed to marked in one call; a larger step is shown as text. */
export const parseLimit = 256 * 1024;

/**
 * Characters kept of one source line. A line no screen can show whole is cut here, with a
 * marker, before any per-character work (lexing, measuring, wrapping).
 */
export const lineLimit = 10_000;

/** Leading columns before a list or quote marker that mean more than `nestingLimit` levels. */
const indentLimit = 4 * nestingLimit;
const deepMarker = new RegExp(`^[ \\t]{${indentLimit + 1},}(?:[-*+]|\\d{1,9}[.)]|>)(?:[ \\t]|$)`);

/** Cut lines longer than `lineLimit`; the cut is marked with how much was left out. */
export function cutLongLines(markdown: string): {text: string; cut: number} {
	if (markdown.length <= lineLimit) {
		return {text: markdown, cut: 0};
	}

	let cut = 0;
	let out = '';
	let start = 0;
	while (start <= markdown.length) {
		let end = markdown.indexOf('\n', start);
		if (end === -1) {
			end = markdown.length;
		}

		if (end - start > lineLimit) {
			// Never split a surrogate pair.
			const keep = start + lineLimit - (isHighSurrogate(markdown.charCodeAt(start + lineLimit - 1)) ? 1 : 0);
			out += markdown.slice(start, keep) + cutMarker(end - keep);
			cut++;
		} else {
			out += markdown.slice(start, end);
		}

		if (end < markdown.length) {
			out += '\n';
		}

		start = end + 1;
	}

	return {text: cut > 0 ? out : markdown, cut};
}

export function cutMarker(left: number): string {
	return ` … (${left.toLocaleString('en-US')} more characters not shown)`;
}

function isHighSurrogate(code: number): boolean {
	return code >= 0xd8_00 && code <= 0xdb_ff;
}

const nestingMarker = /^[ \t]*(?:[-*+]|\d{1,9}[.)]|>)(?:[ \t]+|$)/;

export function capNesting(markdown: string): {text: string; changed: boolean; limit: number} {
	let changed = false;
	const lines = markdown.split('\n').map(line => {
		let rest = line;
		let depth = 0;
		let kept = '';
		for (let match = nestingMarker.exec(rest); match && match[0].length > 0; match = nestingMarker.exec(rest)) {
			depth++;
			if (depth > nestingLimit) {
				changed = true;
				// The remaining markers become literal text: backslash-escape their punctuation
				// (`1\.`, not `\1.`: a backslash before a digit is shown, not an escape).
				return kept + rest.replace(/[-*+>]|(?<=\d)[.)]/g, '\\$&');
			}

			kept += match[0];
			rest = rest.slice(match[0].length);
			if (rest === '') {
				break;
			}
		}

		return line;
	});
	return {text: changed ? lines.join('\n') : markdown, changed, limit: nestingLimit};
}

const delimiter = /[_*[\]<>`~!()\\]/g;

/**
 * Why parsing `markdown` could take seconds, or undefined when it cannot: too large, a
 * paragraph with too many delimiters, a block with too many lines, or lists nested deeper
 * than the nesting cap by indentation.
 */
export function parseHazard(markdown: string): string | undefined {
	if (markdown.length < delimiterLimit) {
		return undefined;
	}

	if (markdown.length > parseLimit) {
		return `this Markdown is over ${parseLimit / 1024} KiB; shown as plain text`;
	}

	// Code is never parsed for delimiters: the same block rules as the slide scanner say where it is.
	const tracker = new BlockTracker();
	let count = 0;
	let lines = 0;
	for (const line of markdown.split('\n')) {
		const kind = tracker.next(line).kind;
		lines = kind === 'blank' ? 0 : lines + 1;
		if (lines > blockLineLimit) {
			return `a block of over ${blockLineLimit} lines without a blank line is too costly to parse; shown as plain text`;
		}

		// An HTML block's lines go to the inline lexer too (refine.ts reads them as inline HTML).
		if (kind !== 'text' && kind !== 'heading' && kind !== 'setext' && kind !== 'html-start' && kind !== 'html') {
			count = 0;
			continue;
		}

		if (deepMarker.test(line)) {
			return `lists nested deeper than ${nestingLimit} levels are too costly to parse; shown as plain text`;
		}

		count += line.match(delimiter)?.length ?? 0;
		if (count > delimiterLimit) {
			return 'this Markdown is too costly to parse; shown as plain text';
		}
	}

	return undefined;
}

/** True when parsing `markdown` could take seconds (see parseHazard). */
export function looksPathological(markdown: string): boolean {
	return parseHazard(markdown) !== undefined;
}
