// Cold search (`lectern search` over files) decides from a slide's raw Markdown whether it can
// match before paying for a parse: only slides that may hold every term are parsed. Measured on
// a 5,000-slide deck (0.5 MB): parsing every slide to answer one query cost ~600 ms; this test
// costs ~15 ms, and a selective query then parses a handful of slides.
//
// It must never drop a slide that matches (a false "maybe" only costs a parse). The plain text
// search reads is the raw text with Markdown's inline punctuation removed, entities decoded and
// tags dropped, and link targets moved after the link text; so both sides are compared with that
// punctuation removed, the source is read both with and without its link targets (a link can
// split a word: `[sha](x)dow`; so can a comment), and a slide with an entity or an HTML tag
// always may match. Speaker notes in comments are in the first reading.
import {sanitize} from '../deck/sanitize.js';
import {normalize} from './normalize.js';
import type {Query} from './query.js';

/** Characters Markdown may put inside a word without them reaching the plain text. */
const inlinePunctuation = /[*_~`\\[\]]/g;
/** Constructs after which the source and the plain text may differ by more than that punctuation. */
const unpredictable = /&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);|<[a-z/?]/i;
/** Where the second reading may leave something out: a link's target after its text, or a comment. */
const splitterStarts = /\](?:\(|\[)|<!--/g;

/** The pieces of each term that the slide's source must contain, in the same folded form. */
export function prefilterNeedles(query: Query): readonly string[] {
	return query.terms
		.flatMap(term => term.text.split(' '))
		.map(word => word.replace(inlinePunctuation, ''))
		.filter(word => word !== '');
}

/** False only when the slide's source cannot hold every needle (see `prefilterNeedles`). */
export function mayMatch(source: string, needles: readonly string[]): boolean {
	if (needles.length === 0 || unpredictable.test(source)) {
		return true;
	}

	const withTargets = normalize(sanitize(source)).folded;
	const folded = `${withTargets}\n${withoutSplitters(withTargets)}`.replace(inlinePunctuation, '');
	return needles.every(needle => folded.includes(needle));
}

/**
 * `text` with each link target right after a link's text (`](…)` or `][…]`, within a line) and
 * each comment (`<!-- … -->`) replaced by `]`: what
 * `text.replace(/\]\([^)\n]*\)|\]\[[^\]\n]*\]|<!--[\s\S]*?-->/g, ']')` gives, in linear time. That
 * expression read the rest of the line again at every `](` without a `)` (50,000 `\[\](` on one
 * line: seconds), and the rest of the text at every unclosed `<!--`. Here each closer is looked
 * for once past the point last searched: a `)`, `]`, newline or `-->` found further on serves every
 * start before it, and one not found ends the search for it.
 */
export function withoutSplitters(text: string): string {
	const found = new Map<string, {from: number; at: number}>();
	/** The first `needle` at or after `from` (-1: none), remembered while `from` stays at or before it. */
	const next = (needle: string, from: number): number => {
		const known = found.get(needle);
		if (known && known.from <= from && (known.at === -1 || known.at >= from)) return known.at;
		const at = text.indexOf(needle, from);
		found.set(needle, {from, at});
		return at;
	};
	const before = (closer: number, limit: number) => closer !== -1 && (limit === -1 || closer < limit);
	let out = '';
	let copied = 0;
	splitterStarts.lastIndex = 0;
	for (let start = splitterStarts.exec(text); start !== null; start = splitterStarts.exec(text)) {
		const at = start.index;
		let end = -1;
		if (start[0] === '<!--') {
			const close = next('-->', at + 4);
			if (close !== -1) end = close + 3;
		} else {
			const close = next(start[0] === '](' ? ')' : ']', at + 2);
			if (before(close, next('\n', at + 2))) end = close + 1;
		}

		if (end === -1) {
			splitterStarts.lastIndex = at + 1;
			continue;
		}

		out += `${text.slice(copied, at)}]`;
		copied = end;
		splitterStarts.lastIndex = end;
	}

	return copied === 0 ? text : out + text.slice(copied);
}
