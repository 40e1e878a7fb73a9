// A deck as a talk shares it, and back. The leader sends each slide's source as its own
// pipeline reads it (cut at the per-slide caps), without the lines of the speaker notes
// unless they are shared, with the dialect and the front-matter settings that reading
// depends on. A follower rebuilds a Deck from exactly those slides and reads each one with the
// same pure pipeline, so it lays out what the leader's audience sees (alignment, spacing,
// columns, the introduction slide, hidden code lines, pandoc tables…), slide numbers agree
// whatever the Markdown holds, and reveal steps agree. Pure.
import {readingOptions, slideReadText, slideText} from '../deck/deck.js';
import type {Deck} from '../deck/types.js';
import {sharedMeta, type SharedDeck} from './protocol.js';

const shareCache = new WeakMap<Deck, {withNotes: boolean; shared: SharedDeck}>();

/** The deck as a talk sends it; without notes, each slide's note lines are gone (see withoutNotes). */
export function shareDeck(deck: Deck, withNotes: boolean): SharedDeck {
	const steps = shareDeckSteps(deck, withNotes);
	for (;;) {
		const step = steps.next();
		if (step.done) return step.value;
	}
}

/**
 * shareDeck in steps, one slide each: each slide is read as the leader reads it (split, for its
 * note lines), which on a large deck is seconds (199,000 short slides: 3.6 s; 10,000 ordinary
 * ones: 0.6 s), so the leader, a presenter answering `q`, runs it in slices.
 */
export function* shareDeckSteps(deck: Deck, withNotes: boolean): Generator<void, SharedDeck> {
	const cached = shareCache.get(deck);
	if (cached?.withNotes === withNotes) {
		return cached.shared;
	}

	const slides: string[] = [];
	for (let i = 0; i < deck.count; i++) {
		if (i > 0) yield;
		const source = slideReadText(deck, i);
		slides.push(withNotes ? source : withoutNotes(source, slideText(deck, i).noteLines));
	}

	const shared: SharedDeck = {
		meta: sharedMeta(deck.meta),
		dialect: deck.dialect ?? 'lectern',
		intro: deck.intro === true,
		reading: readingOptions(deck),
		slides,
	};
	shareCache.set(deck, {withNotes, shared});
	return shared;
}

/**
 * A slide's source without its notes, as the slide splitter reads it: a note written as an
 * HTML comment ends the list or paragraph above it (CommonMark reads a comment so), so its first
 * line becomes the empty comment the splitter leaves in its place (never a note, in any dialect);
 * every other line of a note becomes a blank line. The follower's split of what is left gives the
 * leader's steps, line for line, and with them the same blocks, alignment and spacing.
 */
export function withoutNotes(source: string, noteLines: readonly (readonly [number, number])[]): string {
	if (noteLines.length === 0) {
		return source;
	}

	const lines = source.split('\n');
	for (const [first, last] of noteLines) {
		const line = lines[first] ?? '';
		const indent = line.length - line.trimStart().length;
		const standIn = line.startsWith('<!--', indent) ? `${line.slice(0, indent)}<!---->` : '';
		lines.fill('', first, last + 1);
		lines[first] = standIn;
	}

	return lines.join('\n');
}

/** The deck a follower shows: one slide per shared string, in order, read as the leader reads them. */
export function deckFromShared(shared: SharedDeck, file: string): Deck {
	const steps = deckFromSharedSteps(shared, file);
	for (;;) {
		const step = steps.next();
		if (step.done) return step.value;
	}
}

/** Slides deckFromSharedSteps places between two pauses. */
const slidesPerStep = 4096;

/** deckFromShared in steps, for a follower that must answer keys while it takes a deck of 200,000 slides (75 ms at once). */
export function* deckFromSharedSteps(shared: SharedDeck, file: string): Generator<void, Deck> {
	const starts: number[] = [];
	const ends: number[] = [];
	const lines: number[] = [];
	let offset = 0;
	let line = 0;
	for (const slide of shared.slides) {
		if (starts.length > 0 && starts.length % slidesPerStep === 0) yield;
		starts.push(offset);
		ends.push(offset + slide.length);
		lines.push(line);
		offset += slide.length + 1;
		line += countLines(slide);
	}

	const {incrementalLists, commentNotes} = shared.reading;
	return {
		file,
		dialect: shared.dialect,
		...(shared.intro ? {intro: true} : {}),
		// The settings go where deck.ts reads them (patat's front matter); nothing else of it travels.
		meta: {...shared.meta, extra: incrementalLists || commentNotes ? {patat: {incrementalLists, speakerNotes: commentNotes}} : {}},
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
