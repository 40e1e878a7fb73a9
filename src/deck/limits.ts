// Guards that run before marked sees a slide. marked recurses once per nesting level (10,000
// `> ` on a line overflows the stack) and some delimiter runs cost quadratic time (50,000
// `_a` take seconds), and a synchronous parse cannot be interrupted, so these inputs are
// recognised up front and shown flattened or as plain text.
import {BlockTracker} from './blocks.js';

/** Deepest list/quote nesting handed to marked; deeper markers are shown as text. */
export const nestingLimit = 16;

/** Delimiter characters in one paragraph above which parsing is not attempted. */
export const delimiterLimit = 1500;

/** Rows of one table drawn; the rest are counted in a line after it. */
export const tableRowLimit = 200;

/** Characters of Markdown handed to marked in one call; a larger step is shown as text. */
export const parseLimit = 256 * 1024;

/**
 * Characters kept of one source line. A line no screen can show whole is cut here, with a
 * marker, before any per-character work (lexing, measuring, wrapping).
 */
export const lineLimit = 10_000;

/**
 * Lines and characters of one slide's source read at all; the rest is left out, with a marker
 * (and a `check` problem). Every per-slide stage (splitting into steps and notes, marked, the
 * element builder, the layout, the search document, the title) is linear or worse in the
 * slide's length and runs in one synchronous stretch, during which the presenter cannot answer
 * `q`, Ctrl-C or a signal: these caps bound that stretch, for every caller at once (the slide
 * shown, the speaker's next slide, overview titles, the search index, followers, print, check).
 * Measured (split + parse + layout of one slide at 100 columns, a 2-core machine at load 12,
 * best of 6): uncapped, 300,000 lines of prose took ~1.3 s, a 100,000-line code block ~0.5 s,
 * 100,000 list items ~0.9 s; capped, the costliest shapes (a thousand paragraphs with inline
 * marks, a 30,000-row table, long block quotes) take 40-50 ms, the rest under 25 ms. At 2,000
 * lines paragraphs and quotes took 50-100 ms (marked's cost grows faster than linearly there).
 * Slicing each stage instead (generators with pauses) would have to reach every one of those
 * callers; a worker thread would still leave the layout on the main thread. No slide anyone
 * presents or studies comes near a thousand lines.
 *
 * The cap also bounds what marked re-reads: it reads a list item's lines once per line
 * (measured: 2,000 continuation lines 0.2 s, 4,000 lines 0.9 s), so a long block costs the
 * square of its length, and no block can be longer than its slide. (A guard of its own that
 * showed a block of over 1,000 lines as plain text came before this cap; all it still did was
 * show a code block that filled a capped slide unhighlighted, because the cut marker added
 * lines to it. Code is read by one pattern in linear time, and highlighted in time bounded by
 * the cap too.)
 */
export const slideLineLimit = 1000;
export const slideCharLimit = 64 * 1024;

/**
 * A slide's source cut at a line end to `slideLineLimit` lines and `slideCharLimit` characters,
 * and the number of lines left out (0 when nothing was cut). `newlines`, when it knows, gives the
 * line ends in `source` (the deck's scan counted them), so the lines left are not counted again.
 */
export function boundSlideSource(source: string, newlines?: () => number | undefined): {text: string; linesLeft: number} {
	if (source.length <= slideCharLimit && source.length < slideLineLimit) {
		return {text: source, linesLeft: 0};
	}

	// The kept text ends at `keptEnd`, the end of the last line within both caps. A line counts
	// at most `lineLimit` characters: the rest of it is cut later (cutLongLines), with its own marker.
	let keptEnd = 0;
	let lines = 0;
	let chars = 0;
	let from = 0;
	while (lines < slideLineLimit) {
		const newline = source.indexOf('\n', from);
		const lineEnd = newline === -1 ? source.length : newline;
		chars += Math.min(lineEnd - from, lineLimit) + 1;
		if (chars > slideCharLimit && lines > 0) {
			break;
		}

		keptEnd = lineEnd;
		lines++;
		if (newline === -1) {
			return {text: source, linesLeft: 0};
		}

		from = newline + 1;
	}

	const rest = source.slice(keptEnd + 1);
	if (rest.trim() === '') {
		return {text: source, linesLeft: 0};
	}

	// The kept lines took one line end each; a line end at the very end opens no new line.
	const known = newlines?.();
	const linesLeft = known === undefined ? countLines(rest) : known - lines + 1 - (source.endsWith('\n') ? 1 : 0);
	return {text: source.slice(0, keptEnd), linesLeft};
}

/** Lines in `text` (a line end at its very end opens no new line). */
function countLines(text: string): number {
	let lines = 1;
	for (let at = text.indexOf('\n'); at !== -1 && at < text.length - 1; at = text.indexOf('\n', at + 1)) {
		lines++;
	}

	return lines;
}

/**
 * A count with thousands separators (`12,345`), as `toLocaleString('en-US')` writes it without
 * its cost: the first call of that starts ICU's number formatting, 20-70 ms in one stretch.
 */
export function thousands(count: number): string {
	return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** The paragraph put where a slide was cut (see boundSlideSource). */
export function slideCutMarker(linesLeft: number): string {
	return `… (${thousands(linesLeft)} more ${linesLeft === 1 ? 'line' : 'lines'} of this slide not shown: a slide is read up to ${thousands(slideLineLimit)} lines or ${slideCharLimit / 1024} KiB)`;
}

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
	return ` … (${thousands(left)} more characters not shown)`;
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
 * paragraph with too many delimiters, or lists nested deeper than the nesting cap by
 * indentation. (A block's length is bounded by the slide's, see slideLineLimit.)
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
	for (const line of markdown.split('\n')) {
		const kind = tracker.next(line).kind;
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
