// The query language: words (ANDed, any order, matched as substrings) and "quoted phrases".

import {normalize} from './normalize.js';

/** One thing that must occur. `text` is already normalised; a phrase's words are joined by one space. */
export type QueryTerm = Readonly<{text: string; phrase: boolean}>;

export type Query = Readonly<{terms: readonly QueryTerm[]}>;

const space = /\s/;

function isSpace(char: string | undefined): boolean {
	return char !== undefined && space.test(char);
}

/**
 * Parses a search query. Whitespace separates words; `"…"` is a phrase; a quote left open
 * takes the rest of the query. The query is normalised before it is split, so fullwidth
 * spaces separate words and typographic quotes (“…”) open phrases too.
 */
export function parseQuery(input: string): Query {
	const text = normalize(input).folded;
	const terms: QueryTerm[] = [];
	let i = 0;
	while (i < text.length) {
		const char = text[i];
		if (char === '"') {
			const close = text.indexOf('"', i + 1);
			const end = close === -1 ? text.length : close;
			const words = text
				.slice(i + 1, end)
				.split(/\s+/)
				.filter(word => word !== '');
			if (words.length > 0) {
				terms.push({text: words.join(' '), phrase: true});
			}

			i = end + 1;
		} else if (isSpace(char)) {
			i++;
		} else {
			let j = i + 1;
			while (j < text.length && text[j] !== '"' && !isSpace(text[j])) {
				j++;
			}

			terms.push({text: text.slice(i, j), phrase: false});
			i = j;
		}
	}

	return {terms};
}

/** Finds a term in folded text. */
export type TermMatcher = Readonly<{
	/** Whether the term occurs at all (cheaper than `find`). */
	test(folded: string): boolean;
	/** The first occurrence starting at or after `from`, as folded `[start, end)`. */
	find(folded: string, from: number): readonly [number, number] | undefined;
}>;

const regexSpecials = /[.*+?^${}()|[\]\\]/g;

function matcherFor(term: QueryTerm): TermMatcher {
	const words = term.text.split(' ');
	if (words.length === 1) {
		const needle = term.text;
		return {
			test: folded => folded.includes(needle),
			find(folded, from) {
				const start = folded.indexOf(needle, from);
				return start === -1 ? undefined : [start, start + needle.length];
			},
		};
	}

	// A phrase's words may be separated by any run of whitespace in the text, newlines
	// included, because a source paragraph is often wrapped mid-phrase.
	const pattern = new RegExp(words.map(word => word.replace(regexSpecials, '\\$&')).join('\\s+'), 'g');
	return {
		test(folded) {
			pattern.lastIndex = 0;
			return pattern.test(folded);
		},
		find(folded, from) {
			pattern.lastIndex = from;
			const match = pattern.exec(folded);
			return match ? [match.index, match.index + match[0].length] : undefined;
		},
	};
}

const compiled = new WeakMap<Query, readonly TermMatcher[]>();

/** One matcher per term, compiled once per query object (the live highlight reuses them). */
export function matchersFor(query: Query): readonly TermMatcher[] {
	let matchers = compiled.get(query);
	if (!matchers) {
		matchers = query.terms.map(term => matcherFor(term));
		compiled.set(query, matchers);
	}

	return matchers;
}
