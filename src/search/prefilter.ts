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
/** What the second reading leaves out: a link's target right after its text, and comments. */
const splitters = /\]\([^)\n]*\)|\]\[[^\]\n]*\]|<!--[\s\S]*?-->/g;

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
	const folded = `${withTargets}\n${withTargets.replace(splitters, ']')}`.replace(inlinePunctuation, '');
	return needles.every(needle => folded.includes(needle));
}
