// A deck as a talk shares it, and back. The leader sends each slide's Markdown (without the
// speaker notes unless they are shared); a follower rebuilds a Deck from exactly those slides,
// so slide numbers agree whatever the Markdown holds. Pure.
import {slideSource, slideText} from '../deck/deck.js';
import type {Deck} from '../deck/types.js';
import {sharedMeta, type SharedDeck} from './protocol.js';

const shareCache = new WeakMap<Deck, {withNotes: boolean; shared: SharedDeck}>();

/** The slides' Markdown; without notes, each slide is its visible steps joined by pauses. */
export function shareDeck(deck: Deck, withNotes: boolean): SharedDeck {
	const cached = shareCache.get(deck);
	if (cached?.withNotes === withNotes) {
		return cached.shared;
	}

	const slides = Array.from({length: deck.count}, (_, i) =>
		withNotes
			? slideSource(deck, i)
			: slideText(deck, i)
					.steps.map(step => step.markdown)
					.join('\n<!-- pause -->\n'),
	);
	const shared = {meta: sharedMeta(deck.meta), slides};
	shareCache.set(deck, {withNotes, shared});
	return shared;
}

/** The deck a follower shows: one slide per shared string, in order. */
export function deckFromShared(shared: SharedDeck, file: string): Deck {
	const starts: number[] = [];
	const ends: number[] = [];
	const lines: number[] = [];
	let offset = 0;
	let line = 0;
	for (const slide of shared.slides) {
		starts.push(offset);
		ends.push(offset + slide.length);
		lines.push(line);
		offset += slide.length + 1;
		line += countLines(slide);
	}

	return {
		file,
		meta: {...shared.meta, extra: {}},
		body: shared.slides.join('\n'),
		bodyLine: 0,
		count: shared.slides.length,
		starts,
		ends,
		lines,
		warnings: [],
	};
}

function countLines(text: string): number {
	let lines = 1;
	for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) {
		lines++;
	}

	return lines;
}
