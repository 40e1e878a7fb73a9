// A deck's slides as search documents, built slide by slide so a large deck can be indexed in
// small slices while the presenter is idle.
import {slideTextUnkept} from '../deck/deck.js';
import {parseSlideOnce, parseSlideUnkept, sectionCrumb} from '../deck/parse.js';
import type {Deck} from '../deck/types.js';
import {addFolded, emptyFoldedColumns, foldSlide, type FoldedSlides, type SearchDoc} from './index.js';
import {plainSlideFields} from './plain-slide.js';

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
 * Builds a deck's folded slides (what the presenter searches) in slices: `advance(n)` parses
 * and folds n more slides; `slides()` finishes the rest, so a search after the idle slices are
 * done costs only itself. Sections are not searched, so none is looked up.
 */
export function incrementalIndex(deck: Deck): {advance: (slides: number) => boolean; slides: () => FoldedSlides} {
	const folded = emptyFoldedColumns();
	const advance = (slides: number) => {
		const end = Math.min(deck.count, folded.count + slides);
		for (let i = folded.count; i < end; i++) {
			// Nothing of the slide is kept but its folded text (see parseSlideUnkept). A plain slide's
			// text is read without marked (plain-slide.ts): on the bench's 1,000-slide deck that was
			// every slide, and the index's CPU and the code it compiled went with marked.
			const text = slideTextUnkept(deck, i);
			const plain = plainSlideFields(deck, text);
			if (plain) {
				addFolded(folded, foldSlide({slide: i, ...plain}));
			} else {
				const slide = parseSlideUnkept(deck, i, text);
				addFolded(folded, foldSlide({slide: i, title: slide.title, body: slide.bodyText, notes: slide.notesText}));
			}
		}

		return folded.count === deck.count;
	};

	return {
		advance,
		slides() {
			advance(deck.count);
			return folded;
		},
	};
}
