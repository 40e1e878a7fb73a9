// Deck-wide search: an index of normalised slide text, queried with words and phrases,
// ranked by where the terms hit, with snippets. Pure: no files, no terminal, no clock.

import {itemAt} from '../deck/checked.js';
import {normalize, type Normalized} from './normalize.js';
import {matchersFor, parseQuery, type Query, type TermMatcher} from './query.js';
import {pickSnippets, type Field, type FieldText, type Snippet} from './snippet.js';

export {normalize, toOriginalRange, type Normalized} from './normalize.js';
export {parseQuery, type Query, type QueryTerm} from './query.js';
export {highlightRanges, matchRanges, mergeRanges, type Field, type Range, type Snippet} from './snippet.js';

/** One slide as plain text, extracted by the caller. */
export type SearchDoc = Readonly<{
	/** Deck file path as given (used in results). */
	deck: string;
	/** 0-based slide index in its deck. */
	slide: number;
	title: string;
	/** Section name, '' if none: shown as context, never searched. */
	section: string;
	/** Plain text of the slide body, lines joined by \n. */
	body: string;
	/** Plain text of the speaker notes. */
	notes: string;
}>;

export type IndexedDoc = Readonly<{doc: SearchDoc; title: Normalized; body: Normalized; notes: Normalized}>;

/** Built once per deck (or set of decks); searching never normalises the documents again. */
export type SearchIndex = Readonly<{entries: readonly IndexedDoc[]}>;

export type Hit = Readonly<{
	doc: SearchDoc;
	/** The best field any term occurs in: title before body before notes. */
	rank: Field;
	/** Every searched field in which some term occurs, in title, body, notes order. */
	fields: readonly Field[];
	/** At most two lines with their match ranges (see `pickSnippets`); computed on first read. */
	snippets: readonly Snippet[];
}>;

export type SearchOptions = Readonly<{
	/** Search speaker notes too (default true). */
	notes?: boolean;
	/** Longest snippet line, in characters, `…` included (default 100). */
	maxWidth?: number;
}>;

/** One document, normalised for searching (an index is these, in document order). */
export function indexDoc(doc: SearchDoc): IndexedDoc {
	return {doc, title: normalize(doc.title), body: normalize(doc.body), notes: normalize(doc.notes)};
}

/** Normalises every searchable field of every document, in the order given. */
export function buildIndex(docs: readonly SearchDoc[]): SearchIndex {
	return {entries: docs.map(doc => indexDoc(doc))};
}

const titleBit = 1;
const bodyBit = 2;
const notesBit = 4;
const rankOrder: readonly Field[] = ['title', 'body', 'notes'];
// The fields a slide matched in, by bit mask; shared, so a hit costs no array of its own.
const fieldsByMask: ReadonlyArray<readonly Field[]> = Array.from({length: 8}, (_, mask) =>
	Object.freeze(rankOrder.filter((_field, bit) => (mask & (1 << bit)) !== 0)),
);

/**
 * The fields (title 1, body 2, notes 4) in which some term occurs, when every term occurs in
 * at least one of them; 0 when one does not. `notes` undefined: the notes are not searched.
 */
function fieldsHit(matchers: readonly TermMatcher[], title: string, body: string, notes: string | undefined): number {
	let mask = 0;
	for (const matcher of matchers) {
		const termMask =
			(matcher.test(title) ? titleBit : 0) |
			(matcher.test(body) ? bodyBit : 0) |
			(notes !== undefined && matcher.test(notes) ? notesBit : 0);
		if (termMask === 0) {
			return 0;
		}

		mask |= termMask;
	}

	return mask;
}

function snippetsOf(entry: IndexedDoc, query: Query, withNotes: boolean, maxWidth: number): Snippet[] {
	const {doc} = entry;
	const searched: FieldText[] = [{field: 'body', text: doc.body, norm: entry.body}];
	if (withNotes) {
		searched.push({field: 'notes', text: doc.notes, norm: entry.notes});
	}

	return pickSnippets({field: 'title', text: doc.title, norm: entry.title}, searched, query, maxWidth);
}

/**
 * Finds the slides where every term occurs in the title, the body or (unless
 * `options.notes === false`) the notes — not necessarily all in the same field.
 * An empty query finds nothing.
 *
 * Ranking: a hit's rank is the best field any of its terms occurs in, title < body < notes.
 * So a slide with one term in its title ranks before slides whose terms are all in bodies,
 * and those before slides that match only through their notes. Within a rank, hits keep the
 * order of the documents given to `buildIndex` (deck, then slide).
 */
export function search(index: SearchIndex, query: Query | string, options: SearchOptions = {}): Hit[] {
	const parsed = typeof query === 'string' ? parseQuery(query) : query;
	const matchers = matchersFor(parsed);
	if (matchers.length === 0) {
		return [];
	}

	const withNotes = options.notes !== false;
	const maxWidth = options.maxWidth ?? 100;
	const byRank: Record<Field, Hit[]> = {title: [], body: [], notes: []};
	for (const entry of index.entries) {
		const fields = fieldsByMask[fieldsHit(matchers, entry.title.folded, entry.body.folded, withNotes ? entry.notes.folded : undefined)];
		const rank = fields?.[0];
		if (!fields || !rank) {
			continue;
		}

		// Snippets cost more than matching; a query that hits most of a 5,000-slide deck must
		// still answer at once, and the app only wants the slide numbers, so they are made on
		// first read (and kept).
		let snippets: readonly Snippet[] | undefined;
		byRank[rank].push({
			doc: entry.doc,
			rank,
			fields,
			get snippets() {
				snippets ??= snippetsOf(entry, parsed, withNotes, maxWidth);
				return snippets;
			},
		});
	}

	return [...byRank.title, ...byRank.body, ...byRank.notes];
}

/**
 * A slide's searchable text, folded, and nothing more: what the presenter keeps of each slide
 * (in FoldedSlides' columns) to find the matching slides as a query is typed (it wants slide
 * numbers, not snippets). Keeping only this, not the documents and their offset maps, halved
 * the index of a 1,000-slide deck (about 4 MiB to 1 MiB of heap). Left out too is what cannot
 * change which slides match (see `foldSlide`).
 */
export type FoldedSlide = Readonly<{slide: number; title: string; body: string; notes: string}>;

/** Two or more whitespace characters in a row. */
const whitespaceRun = /\s{2,}/g;

/**
 * Folded text with each run of whitespace as one space: a term's word holds no whitespace, and a
 * phrase's words match across any run of it (query.ts), so the same slides match. A slide's
 * indented lists, code and diagrams were a sixth of the index of the bench's 1,000-slide deck.
 */
function compacted(folded: string): string {
	whitespaceRun.lastIndex = 0;
	return whitespaceRun.test(folded) ? folded.replace(whitespaceRun, ' ') : folded;
}

/**
 * The slide's fields folded for matching (not for snippets: see `FoldedSlide`): runs of whitespace
 * as one space, and no title when the body holds it (a slide's heading is the first line of its
 * body text): a term found in the title is then found in the body, and the slide matches the same.
 */
export function foldSlide(doc: Pick<SearchDoc, 'slide' | 'title' | 'body' | 'notes'>): FoldedSlide {
	const title = compacted(normalize(doc.title).folded);
	const body = compacted(normalize(doc.body).folded);
	return {slide: doc.slide, title: body.includes(title) ? '' : title, body, notes: compacted(normalize(doc.notes).folded)};
}

/**
 * A deck's folded slides as the presenter keeps them: three columns, slide i at index i, not an
 * object per slide (300,000 of them were 20 MiB of heap that every full garbage collection walked),
 * each column in chunks of `foldedChunkSlides`: one array per column, grown a push at a time, was
 * copied whole now and then, three at once (5,000,000 slides: one step of ~90 ms).
 */
export type FoldedSlides = Readonly<{
	count: number;
	titles: readonly (readonly string[])[];
	bodies: readonly (readonly string[])[];
	notes: readonly (readonly string[])[];
}>;

/** Slides in a chunk of FoldedSlides' columns (a multiple of matchStepSlides: a step stays in one chunk). */
export const foldedChunkSlides = 16_384;

/** FoldedSlides while they are added to (addFolded). */
export type GrowingFoldedSlides = {count: number; titles: string[][]; bodies: string[][]; notes: string[][]};

/** Columns with no slide yet. */
export function emptyFoldedColumns(): GrowingFoldedSlides {
	return {count: 0, titles: [], bodies: [], notes: []};
}

/** Folded slides in slide order (slide i first at i) as columns. */
export function foldedColumns(slides: readonly FoldedSlide[]): FoldedSlides {
	const columns = emptyFoldedColumns();
	for (const slide of slides) addFolded(columns, slide);
	return columns;
}

/** Appends one slide's folded fields to the columns (its number is the next one). */
export function addFolded(columns: GrowingFoldedSlides, slide: FoldedSlide): void {
	if (columns.count % foldedChunkSlides === 0) {
		columns.titles.push([]);
		columns.bodies.push([]);
		columns.notes.push([]);
	}

	const chunk = Math.floor(columns.count / foldedChunkSlides);
	itemAt(columns.titles, chunk).push(slide.title);
	itemAt(columns.bodies, chunk).push(slide.body);
	itemAt(columns.notes, chunk).push(slide.notes);
	columns.count++;
}

/** The slides `search` would find, in the order given (slide order), from folded slides alone. */
export function matchingSlides(slides: FoldedSlides, query: Query | string, options: Pick<SearchOptions, 'notes'> = {}): number[] {
	const steps = matchingSlidesSteps(slides, query, options);
	for (;;) {
		const step = steps.next();
		if (step.done) return step.value;
	}
}

/** Slides matchingSlidesSteps tests between two pauses. */
export const matchStepSlides = 512;

/**
 * matchingSlides in steps: it pauses after every `matchStepSlides` slides, so the presenter can
 * match a query against hundreds of thousands of slides in slices and answer keys between them.
 */
export function* matchingSlidesSteps(
	slides: FoldedSlides,
	query: Query | string,
	options: Pick<SearchOptions, 'notes'> = {},
): Generator<void, number[]> {
	const matchers = matchersFor(typeof query === 'string' ? parseQuery(query) : query);
	const found: number[] = [];
	if (matchers.length === 0) {
		return found;
	}

	const withNotes = options.notes !== false;
	for (let from = 0; from < slides.count; from += matchStepSlides) {
		if (from > 0) yield;
		const chunk = Math.floor(from / foldedChunkSlides);
		const base = chunk * foldedChunkSlides;
		const titles = itemAt(slides.titles, chunk);
		const bodies = itemAt(slides.bodies, chunk);
		const notes = itemAt(slides.notes, chunk);
		const to = Math.min(slides.count, from + matchStepSlides);
		for (let i = from; i < to; i++) {
			const at = i - base;
			if (fieldsHit(matchers, itemAt(titles, at), itemAt(bodies, at), withNotes ? itemAt(notes, at) : undefined) !== 0) {
				found.push(i);
			}
		}
	}

	return found;
}
