// The block scanner: finds where slides start and end in one pass over the deck,
// aware of fenced code and HTML comments (so a `---` inside either is not a separator).
// It reads no Markdown beyond that, which is what lets a 100,000-slide deck open as fast as
// a 10-slide one: each slide's Markdown is parsed only when something needs it.
import {closesFence, isSeparator, matchFenceOpen, opensComment} from './notes.js';

export type SlideBounds = Readonly<{
	/** Offsets into the scanned text: slide i is text.slice(starts[i], ends[i]). */
	starts: readonly number[];
	ends: readonly number[];
	/** 0-based line (in the scanned text) of each slide's first line. */
	lines: readonly number[];
	warnings: readonly Readonly<{line: number; message: string}>[];
}>;

type Cut = {start: number; line: number};

/**
 * Lines that can open or close a fence, separate slides, start a heading or open a comment.
 * The regex engine finds them natively; prose lines between them cost no JavaScript.
 */
const candidateLine = /^(?: {0,3}(?:`{3,}|~{3,})|---|<!--|##? )/gm;

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
	let counted = 0;
	// 0-based line of offset `at`, counting newlines only since the last call.
	const lineAt = (at: number) => {
		for (let i = text.indexOf('\n', counted); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) {
			line++;
		}

		counted = at;
		return line;
	};

	const regex = new RegExp(candidateLine.source, candidateLine.flags);
	let match: RegExpExecArray | null;
	while ((match = regex.exec(text)) !== null) {
		const pos = match.index;
		let end = text.indexOf('\n', pos);
		if (end === -1) {
			end = text.length;
		}

		const lineText = text.slice(pos, end);
		regex.lastIndex = end;
		if (fence) {
			if (closesFence(lineText, fence.marker)) {
				fence = undefined;
			}

			continue;
		}

		const open = matchFenceOpen(lineText);
		if (open) {
			fence = {marker: open.marker, line: lineAt(pos)};
		} else if (isSeparator(lineText)) {
			separators.push({start: pos, end: Math.min(end + 1, text.length), line: lineAt(pos)});
		} else if (lineText.startsWith('#')) {
			headings.push({start: pos, line: lineAt(pos)});
		} else if (opensComment(lineText)) {
			// Skip to the line that closes the comment: nothing inside it counts.
			const close = text.indexOf('-->', pos + 4);
			if (close === -1) {
				warnings.push({line: lineAt(pos), message: 'HTML comment <!-- is never closed with -->'});
				break;
			}

			const closeEnd = text.indexOf('\n', close);
			regex.lastIndex = closeEnd === -1 ? text.length : closeEnd;
		}
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
	return dropBlankEnds({starts, ends, lines, warnings}, text);
}

function splitAtHeadings(text: string, headings: readonly Cut[], warnings: SlideBounds['warnings']): SlideBounds {
	const cuts: Cut[] = headings[0]!.start > 0 ? [{start: 0, line: 0}, ...headings] : [...headings];
	const starts = cuts.map(cut => cut.start);
	const ends = [...starts.slice(1), text.length];
	return dropBlankEnds({starts, ends, lines: cuts.map(cut => cut.line), warnings}, text);
}

/** A deck that begins or ends with a separator has no blank first or last slide. */
function dropBlankEnds(bounds: {starts: number[]; ends: number[]; lines: number[]; warnings: SlideBounds['warnings']}, text: string): SlideBounds {
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
