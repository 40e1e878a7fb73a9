// The block scanner: finds where slides start and end in one pass over the deck. It reads
// each line's block structure the way CommonMark does (blocks.ts: fences, HTML blocks,
// comments, list items, setext headings) and no inline Markdown, which is what lets a
// 100,000-slide deck open as fast as a 10-slide one: each slide's Markdown is parsed only
// when something needs it.
import {BlockTracker} from './blocks.js';
import {isSeparator, matchNoteOpen} from './notes.js';

export type SlideBounds = Readonly<{
	/** Offsets into the scanned text: slide i is text.slice(starts[i], ends[i]). */
	starts: readonly number[];
	ends: readonly number[];
	/** 0-based line (in the scanned text) of each slide's first line. */
	lines: readonly number[];
	warnings: readonly Readonly<{line: number; message: string}>[];
	/** What cut the slides: separator lines, or (a deck with none) `#`/`##` headings. */
	splitBy: 'separators' | 'headings';
}>;

type Cut = {start: number; line: number};
type Separator = {start: number; end: number; line: number};

/**
 * Where `text`'s slide separators are, and the `#`/`##` headings (cut where a deck has no
 * separator): a `---` line that CommonMark reads as a thematic break of the document itself
 * (not a setext underline, not inside a list, quote, fence or HTML block), or a
 * `<!-- end_slide -->` line that starts an HTML block there.
 */
export function findSeparators(text: string): {separators: Separator[]; headings: Cut[]; warnings: Array<{line: number; message: string}>} {
	const separators: Separator[] = [];
	const headings: Cut[] = [];
	const warnings: Array<{line: number; message: string}> = [];
	const tracker = new BlockTracker();
	// Where the open paragraph began: a setext heading's slide starts there.
	let paragraphStart = 0;
	let line = 0;
	for (let pos = 0; pos <= text.length; line++) {
		let end = text.indexOf('\n', pos);
		if (end === -1) {
			end = text.length;
		}

		const next = end + 1;
		const info = tracker.next(text, pos, end);
		if (info.kind === 'text' && info.paragraphLine === line) {
			paragraphStart = pos;
		}

		if (info.top) {
			if ((info.kind === 'break' || info.kind === 'html-start') && isSeparator(text.slice(pos, end))) {
				separators.push({start: pos, end: Math.min(next, text.length), line});
			} else if (info.kind === 'heading' && info.level <= 2) {
				headings.push({start: pos, line});
			} else if (info.kind === 'setext') {
				if (info.level <= 2) {
					headings.push({start: paragraphStart, line: info.paragraphLine});
				}

				if (isSeparator(text.slice(pos, end))) {
					warnings.push({line, message: 'this --- underlines the line above as a heading (CommonMark); put a blank line above it to end the slide'});
				}
			}
		}

		if (next > text.length) {
			break;
		}

		pos = next;
	}

	const open = tracker.openBlock();
	if (open?.what === 'fence') {
		warnings.push({line: open.line, message: `code fence ${open.marker} is never closed`});
	} else if (open?.what === 'html' && open.comment) {
		const opening = lineAt(text, open.line);
		// An unclosed notes comment is the slide parser's to report, in its own words.
		if (!matchNoteOpen(opening)) {
			warnings.push({line: open.line, message: 'HTML comment <!-- is never closed with -->'});
		}
	}

	return {separators, headings, warnings};
}

/** The 0-based line `index` of `text`. */
function lineAt(text: string, index: number): string {
	let start = 0;
	for (let i = 0; i < index && start !== -1; i++) {
		start = text.indexOf('\n', start);
		start = start === -1 ? -1 : start + 1;
	}

	if (start === -1) {
		return '';
	}

	const end = text.indexOf('\n', start);
	return text.slice(start, end === -1 ? text.length : end);
}

/**
 * Split `text` into slides. Separators are `---` and `<!-- end_slide -->` lines (see
 * findSeparators); with none in the deck, slides start at each `#` or `##` heading.
 */
export function scanSlides(text: string): SlideBounds {
	const {separators, headings, warnings} = findSeparators(text);
	return separators.length > 0 || headings.length === 0
		? splitAtSeparators(text, separators, warnings)
		: splitAtHeadings(text, headings, warnings);
}

function splitAtSeparators(
	text: string,
	separators: ReadonlyArray<{start: number; end: number; line: number}>,
	warnings: SlideBounds['warnings'],
): SlideBounds {
	const starts: number[] = [];
	const ends: number[] = [];
	const lines: number[] = [];
	let start = 0;
	let line = 0;
	for (const separator of separators) {
		starts.push(start);
		ends.push(separator.start);
		lines.push(line);
		start = separator.end;
		line = separator.line + 1;
	}

	starts.push(start);
	ends.push(text.length);
	lines.push(line);
	return dropBlankEnds({starts, ends, lines, warnings, splitBy: 'separators'}, text);
}

function splitAtHeadings(text: string, headings: readonly Cut[], warnings: SlideBounds['warnings']): SlideBounds {
	const cuts: Cut[] = headings[0]!.start > 0 ? [{start: 0, line: 0}, ...headings] : [...headings];
	const starts = cuts.map(cut => cut.start);
	const ends = [...starts.slice(1), text.length];
	return dropBlankEnds({starts, ends, lines: cuts.map(cut => cut.line), warnings, splitBy: 'headings'}, text);
}

/** Line ends in `text` from offset `from` up to (not including) `to`. */
export function countNewlines(text: string, from = 0, to = text.length): number {
	let count = 0;
	for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) {
		count++;
	}

	return count;
}

/** A deck that begins or ends with a separator has no blank first or last slide. */
function dropBlankEnds(bounds: {starts: number[]; ends: number[]; lines: number[]; warnings: SlideBounds['warnings']; splitBy: SlideBounds['splitBy']}, text: string): SlideBounds {
	const blank = (i: number) => text.slice(bounds.starts[i], bounds.ends[i]).trim() === '';
	while (bounds.starts.length > 0 && blank(bounds.starts.length - 1)) {
		bounds.starts.pop();
		bounds.ends.pop();
		bounds.lines.pop();
	}

	while (bounds.starts.length > 0 && blank(0)) {
		bounds.starts.shift();
		bounds.ends.shift();
		bounds.lines.shift();
	}

	return bounds;
}
