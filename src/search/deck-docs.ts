// A deck's slides as search documents, built slide by slide so a large deck can be indexed in
// small slices while the presenter is idle.
import {parseSlideOnce, sectionCrumb} from '../deck/parse.js';
import type {Deck} from '../deck/types.js';
import {indexDoc, type IndexedDoc, type SearchDoc, type SearchIndex} from './index.js';

export function slideDoc(deck: Deck, index: number, deckName: string = deck.file): SearchDoc {
	const slide = parseSlideOnce(deck, index);
	return {
		deck: deckName,
		slide: index,
		title: slide.title,
		section: sectionCrumb(deck, index),
		body: slide.bodyText,
		notes: slide.notesText,
	};
}

export function deckDocs(deck: Deck, deckName?: string): SearchDoc[] {
	return Array.from({length: deck.count}, (_, i) => slideDoc(deck, i, deckName));
}

/**
 * Builds a deck's index in slices: `advance(n)` extracts and normalises n more slides;
 * `index()` finishes the rest, so a search after the idle slices are done costs only itself.
 */
export function incrementalIndex(deck: Deck): {advance: (slides: number) => boolean; index: () => SearchIndex} {
	const entries: IndexedDoc[] = [];
	const advance = (slides: number) => {
		const end = Math.min(deck.count, entries.length + slides);
		for (let i = entries.length; i < end; i++) {
			entries.push(indexDoc(slideDoc(deck, i)));
		}

		return entries.length === deck.count;
	};

	const built: SearchIndex = {entries};
	return {
		advance,
		index() {
			advance(deck.count);
			return built;
		},
	};
}
