// The block scanner: finds where slides start and end in one pass over the deck,
// aware of fenced code and HTML comments (so a `---` inside either is not a separator).
// It reads no Markdown beyond that, which is what lets a 100,000-slide deck open as fast as
// a 10-slide one: each slide's Markdown is parsed only when something needs it.
import {closesFence, isSeparator, matchFenceOpen, matchNoteOpen, opensComment} from './notes.js';

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

const backtick = 0x60;
const tilde = 0x7e;

/**
 * Whether the line at `pos` can open or close a fence, separate slides, start a `#`/`##`
 * heading or open a comment. Decided from its first characters, so the scan touches every
 * line once and runs no regular expression on prose (a 10,000-slide deck scans in a few ms).
 */
function isCandidate(text: string, pos: number): boolean {
	switch (text.charCodeAt(pos)) {
		case 0x2d: { // -
			return text.startsWith('---', pos);
		}

		case 0x3c: { // <
			return text.startsWith('<!--', pos);
		}

		case 0x23: { // #
			return text.startsWith('# ', pos) || text.startsWith('## ', pos);
		}

		default: {
			// A fence or a comment may be indented up to three spaces (CommonMark).
			let at = pos;
			while (at < pos + 3 && text.charCodeAt(at) === 0x20) {
				at++;
			}

			const c = text.charCodeAt(at);
			return ((c === backtick || c === tilde) && text.charCodeAt(at + 1) === c && text.charCodeAt(at + 2) === c)
				|| (at > pos && text.startsWith('<!--', at));
		}
	}
}

/**
 * Split `text` into slides. Separators are `---` and `<!-- end_slide -->` lines outside
 * fences and comments; with none in the deck, slides start at each `#` or `##` heading.
 */
export function scanSlides(text: string): SlideBounds {
	const separators: Array<{start: number; end: number; line: number}> = [];
	const headings: Cut[] = [];
	const warnings: Array<{line: number; message: string}> = [];
	let fence: {marker: string; line: number} | undefined;
	let line = 0;
	for (let pos = 0; pos < text.length; line++) {
		let end = text.indexOf('\n', pos);
		if (end === -1) {
			end = text.length;
		}

		const next = end + 1;
		if (!isCandidate(text, pos)) {
			pos = next;
			continue;
		}

		const lineText = text.slice(pos, end);
		if (fence) {
			if (closesFence(lineText, fence.marker)) {
				fence = undefined;
			}

			pos = next;
			continue;
		}

		const open = matchFenceOpen(lineText);
		if (open) {
			fence = {marker: open.marker, line};
		} else if (isSeparator(lineText)) {
			separators.push({start: pos, end: Math.min(next, text.length), line});
		} else if (lineText.startsWith('#')) {
			headings.push({start: pos, line});
		} else if (opensComment(lineText)) {
			// Skip to the line that closes the comment: nothing inside it counts.
			const close = text.indexOf('-->', text.indexOf('<!--', pos) + 4);
			if (close === -1) {
				// An unclosed notes comment is the slide parser's to report, in its own words.
				if (!matchNoteOpen(lineText)) {
					warnings.push({line, message: 'HTML comment <!-- is never closed with -->'});
				}

				break;
			}

			const closeEnd = text.indexOf('\n', close);
			const resume = closeEnd === -1 ? text.length : closeEnd + 1;
			line += countNewlines(text, pos, resume - 1);
			pos = resume;
			continue;
		}

		pos = next;
	}

	if (fence) {
		warnings.push({line: fence.line, message: `code fence ${fence.marker} is never closed`});
	}

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
