// A fence's info string as the presenters write it: a language (`rust`, or pandoc's
// `{.haskell .numberLines}`), then attributes. Line numbers (presenterm's `+line_numbers`,
// pandoc's `.numberLines`, reveal.js's brackets) and line highlights (presenterm's
// `{1,3|5-7|all}`, reveal.js's `[1|3-5]`, where each `|` is one more reveal step) are read
// into data; what Lectern does not carry out (`+exec`, `+image`…) is named so `check` can say
// it was shown as plain code.
import type {LineRange} from '../elements.js';
import {group} from '../checked.js';

export type FenceInfo = {
	lang: string;
	/** Attributes Lectern does not carry out, as written. */
	unsupported: string[];
	lineNumbers: boolean;
	/** The number the first line shows in the gutter (reveal.js's `[5: …]`), when not 1. */
	lineStart?: number;
	/**
	 * The lines lit at each of the block's highlight steps (1-based inclusive ranges; an empty
	 * list lights every line); undefined when the fence asks for no highlighting.
	 */
	highlights?: LineRange[][];
};

/** Steps and ranges are capped: an info string is the author's, but a deck may be hostile. */
const maxGroups = 64;
const maxRanges = 64;
const maxLine = 1_000_000;

export function readFenceInfo(info: string): FenceInfo {
	const trimmed = info.trim();
	const pandoc = /^\{\s*\.([\w+#-]+)([^}]*)\}/.exec(trimmed);
	if (pandoc) {
		return {lang: group(pandoc, 1).toLowerCase(), unsupported: [], lineNumbers: /(?:^|\s)\.number-?lines\b/i.test(group(pandoc, 2))};
	}

	const words = trimmed.split(/\s+/);
	const result: FenceInfo = {lang: (words[0] ?? '').toLowerCase(), unsupported: [], lineNumbers: false};
	// reveal.js writes the brackets straight after the language: ```js[1|3-5]
	const glued = /^([^[{\s]+)([[{].*)$/.exec(words[0] ?? '');
	const rest = words.slice(1);
	if (glued) {
		result.lang = group(glued, 1).toLowerCase();
		rest.unshift(group(glued, 2));
	}

	// A bracketed spec may hold spaces (`{1, 3}`, `[5: 1|3]`): read it whole.
	const attributes = rest.join(' ');
	const spec = /([[{])([^\]}]*)[\]}]/.exec(attributes);
	const after = spec ? `${attributes.slice(0, spec.index)} ${attributes.slice(spec.index + spec[0].length)}` : attributes;
	if (spec) {
		const parsed = parseHighlights(group(spec, 2), spec[1] === '[');
		if (parsed === undefined) {
			result.unsupported.push(`line highlights ${spec[0]}`);
		} else {
			result.highlights = parsed.groups;
			if (parsed.start !== 1) result.lineStart = parsed.start;
			// reveal.js numbers the lines of any block given brackets.
			result.lineNumbers ||= spec[1] === '[';
		}
	}

	for (const word of after.split(/\s+/)) {
		if (word === '+line_numbers') {
			result.lineNumbers = true;
		} else if (/^\+[\w:-]+$/.test(word)) {
			result.unsupported.push(word);
		} else if (/^[{[][\d\s,|:all-]*[}\]]$/.test(word)) {
			result.unsupported.push(`line highlights ${word}`);
		}
	}

	if (result.highlights?.length === 0) {
		delete result.highlights;
	}

	return result;
}

/**
 * `1,3|5-7|all` → one list of ranges per step. reveal.js may start with an offset (`5: 1|3`):
 * the number its first line shows in the gutter. The ranges still count the block's own lines
 * from 1 (reveal.js's markdown plugin: `[25: 1,4-8]` lights the lines numbered 25 and 28-32).
 */
function parseHighlights(spec: string, reveal: boolean): {groups: LineRange[][]; start: number} | undefined {
	let text = spec.trim();
	let start = 1;
	const offset = reveal ? /^(\d*)\s*:/.exec(text) : null;
	if (offset) {
		start = offset[1] === '' ? 1 : Math.max(1, Math.min(Number(offset[1]), maxLine));
		text = text.slice(offset[0].length).trim();
	}

	if (text === '') {
		return {groups: [], start};
	}

	const groups: LineRange[][] = [];
	for (const group of text.split('|').slice(0, maxGroups)) {
		const ranges: LineRange[] = [];
		const items = group.trim() === 'all' ? [] : group.split(',').slice(0, maxRanges);
		for (const item of items) {
			const range = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(item);
			if (!range) {
				return undefined;
			}

			const from = Math.min(Number(range[1]), maxLine);
			const to = Math.min(Number(range[2] ?? range[1]), maxLine);
			ranges.push({from: Math.min(from, to), to: Math.max(from, to)});
		}

		groups.push(ranges);
	}

	return {groups, start};
}

/** Reveal steps a fence's highlights add to its slide: one for each `|`. */
export function highlightSteps(info: string): number {
	if (!/[[{][^\]}]*\|/.test(info)) {
		return 0;
	}

	const groups = readFenceInfo(info).highlights?.length ?? 0;
	return Math.max(0, groups - 1);
}
