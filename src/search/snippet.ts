// Match ranges in original text, and the one-line snippets a search result shows.

import {normalize, toOriginalRange, type Normalized} from './normalize.js';
import {matchersFor, parseQuery, type Query} from './query.js';

export type Field = 'title' | 'body' | 'notes';

/** `[start, end)` offsets (UTF-16 code units) into some original text. */
export type Range = readonly [start: number, end: number];

/** One line of a slide with the term occurrences in it. */
export type Snippet = Readonly<{field: Field; text: string; ranges: readonly Range[]}>;

/** A field's original text and its normalised form, as the index keeps them. */
export type FieldText = Readonly<{field: Field; text: string; norm: Normalized}>;

const ellipsis = '…';

/** Sorts ranges and merges the ones that overlap or touch. */
export function mergeRanges(ranges: readonly Range[]): Array<[number, number]> {
	const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
	const merged: Array<[number, number]> = [];
	for (const [start, end] of sorted) {
		const last = merged.at(-1);
		if (last && start <= last[1]) {
			last[1] = Math.max(last[1], end);
		} else {
			merged.push([start, end]);
		}
	}

	return merged;
}

/**
 * Every occurrence of every term, in original offsets, merged and sorted. Overlapping
 * occurrences are all found (`aa` in `aaa` covers all three letters).
 */
export function matchRanges(norm: Normalized, query: Query): Array<[number, number]> {
	const ranges: Range[] = [];
	for (const matcher of matchersFor(query)) {
		let found = matcher.find(norm.folded, 0);
		while (found) {
			ranges.push(toOriginalRange(norm.map, found[0], found[1]));
			found = matcher.find(norm.folded, found[0] + 1);
		}
	}

	return mergeRanges(ranges);
}

/**
 * The ranges in `text` of all term occurrences, merged and sorted: the presenter's live
 * highlight of the current slide and notes. Costs one `normalize` of `text` plus one scan
 * per term.
 */
export function highlightRanges(text: string, query: Query | string): Array<[number, number]> {
	const parsed = typeof query === 'string' ? parseQuery(query) : query;
	return parsed.terms.length === 0 ? [] : matchRanges(normalize(text), parsed);
}

const combiningMark = /\p{M}/u;

// A cut must not split a surrogate pair or separate a letter from its accents.
function isClusterContinuation(text: string, index: number): boolean {
	const code = text.charCodeAt(index);
	return (code >= 0xdc_00 && code <= 0xdf_ff) || combiningMark.test(text[index] ?? '');
}

/**
 * Builds a snippet from one line and the ranges in it (offsets into the line). A line longer
 * than `maxWidth` characters is cut to a window that shows the first match with about a third
 * of the remaining width as context before it; `…` marks each cut end and counts in the width.
 */
export function lineSnippet(field: Field, line: string, ranges: readonly Range[], maxWidth: number): Snippet {
	const width = Math.max(3, Math.floor(maxWidth));
	const sorted = mergeRanges(ranges);
	if (line.length <= width) {
		return {field, text: line, ranges: sorted};
	}

	const [matchStart, matchEnd] = sorted[0] ?? [0, 0];
	const lead = Math.max(0, Math.floor((width - 2 - (matchEnd - matchStart)) / 3));
	let start = Math.max(0, matchStart - lead);
	let end: number;
	if (line.length - start <= width - (start > 0 ? 1 : 0)) {
		// The line's end is in view: spend the spare width on context before the match.
		end = line.length;
		start = line.length - (width - 1);
	} else {
		end = start + width - (start > 0 ? 2 : 1);
	}

	while (start > 0 && start < end - 1 && isClusterContinuation(line, start)) {
		start++;
	}

	while (end < line.length && end > start + 1 && isClusterContinuation(line, end)) {
		end--;
	}

	const shift = (start > 0 ? ellipsis.length : 0) - start;
	const clipped: Range[] = [];
	for (const [rangeStart, rangeEnd] of sorted) {
		const from = Math.max(rangeStart, start);
		const to = Math.min(rangeEnd, end);
		if (from < to) {
			clipped.push([from + shift, to + shift]);
		}
	}

	const text = (start > 0 ? ellipsis : '') + line.slice(start, end) + (end < line.length ? ellipsis : '');
	return {field, text, ranges: clipped};
}

type LineMatch = {
	fieldOrder: number;
	lineStart: number;
	lineEnd: number;
	termCount: number;
	lastTerm: number;
	/** Line-relative occurrences, flat: start, end, start, end, … */
	ranges: number[];
};

// Offsets at which each line starts (the first is 0).
function lineStartsOf(text: string): number[] {
	const starts = [0];
	for (let newline = text.indexOf('\n'); newline !== -1; newline = text.indexOf('\n', newline + 1)) {
		starts.push(newline + 1);
	}

	return starts;
}

// Index of the line holding `offset`: the last start at or before it.
function lineAt(starts: readonly number[], offset: number): number {
	let low = 0;
	let high = starts.length - 1;
	while (low < high) {
		const middle = (low + high + 1) >> 1;
		if ((starts[middle] ?? 0) <= offset) {
			low = middle;
		} else {
			high = middle - 1;
		}
	}

	return low;
}

// Groups a field's occurrences by line; an occurrence that spans lines (a phrase wrapped
// across them) belongs to every line it touches.
function lineMatches(source: FieldText, fieldOrder: number, query: Query, into: LineMatch[]): void {
	const {text, norm} = source;
	const matchers = matchersFor(query);
	let starts: number[] | undefined;
	const lines = new Map<number, LineMatch>();
	for (let term = 0; term < matchers.length; term++) {
		const matcher = matchers[term];
		let found = matcher?.find(norm.folded, 0);
		while (matcher && found) {
			starts ??= lineStartsOf(text);
			const [start, end] = toOriginalRange(norm.map, found[0], found[1]);
			for (let index = lineAt(starts, start); (starts[index] ?? Infinity) < end; index++) {
				const lineStart = starts[index] ?? 0;
				const lineEnd = (starts[index + 1] ?? text.length + 1) - 1;
				let line = lines.get(index);
				if (!line) {
					line = {fieldOrder, lineStart, lineEnd, termCount: 0, lastTerm: -1, ranges: []};
					lines.set(index, line);
					into.push(line);
				}

				if (line.lastTerm !== term) {
					line.lastTerm = term;
					line.termCount++;
				}

				line.ranges.push(Math.max(start, lineStart) - lineStart, Math.min(end, lineEnd) - lineStart);
			}

			found = matcher.find(norm.folded, found[0] + 1);
		}
	}
}

// Trims the line's indentation and trailing blanks, moving the ranges with it.
function trimmedSnippet(source: FieldText, match: LineMatch, maxWidth: number): Snippet {
	const raw = source.text.slice(match.lineStart, match.lineEnd);
	const lead = raw.length - raw.trimStart().length;
	const line = raw.trim();
	const ranges: Range[] = [];
	for (let i = 0; i + 1 < match.ranges.length; i += 2) {
		const start = Math.max(0, (match.ranges[i] ?? 0) - lead);
		const end = Math.min(line.length, (match.ranges[i + 1] ?? 0) - lead);
		if (start < end) {
			ranges.push([start, end]);
		}
	}

	return lineSnippet(source.field, line, ranges, maxWidth);
}

/**
 * Up to two snippets for a hit, from two different lines.
 * Candidates are the body and notes lines holding an occurrence of some term. They are
 * preferred by how many distinct terms the line holds, then body before notes, then by
 * position: a notes line holding the whole query beats a body line holding one word of it
 * (a hit found through the notes shows why). The chosen ones are returned in slide order
 * (body first, then top to bottom).
 * When no body or notes line matches (only the title did), the one snippet is the title.
 */
export function pickSnippets(title: FieldText, others: readonly FieldText[], query: Query, maxWidth: number): Snippet[] {
	const candidates: LineMatch[] = [];
	others.forEach((source, order) => {
		lineMatches(source, order, query, candidates);
	});
	if (candidates.length === 0) {
		const titleLines: LineMatch[] = [];
		lineMatches(title, 0, query, titleLines);
		const [first] = titleLines.sort((a, b) => a.lineStart - b.lineStart);
		return first ? [trimmedSnippet(title, first, maxWidth)] : [];
	}

	const chosen = candidates
		.sort((a, b) => b.termCount - a.termCount || a.fieldOrder - b.fieldOrder || a.lineStart - b.lineStart)
		.slice(0, 2)
		.sort((a, b) => a.fieldOrder - b.fieldOrder || a.lineStart - b.lineStart);
	return chosen.map(match => trimmedSnippet(others[match.fieldOrder] ?? title, match, maxWidth));
}
