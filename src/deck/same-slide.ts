// Live reload follows the slide on screen, not its number: after an edit above it (a slide
// inserted or deleted), the presenter stays on the same slide.
import {slideHead, slideSource} from './deck.js';
import {parseSlide} from './parse.js';
import type {Deck} from './types.js';

/**
 * Where slide `index` of `before` is in `after`: the nearest slide with the same text (title
 * and content), else the nearest with the same title, else the same number, clamped. Nearest
 * to the old position; at equal distance the later one (text inserted above is the common
 * edit). Linear in the deck's text at worst, and it stops at the first match.
 */
export function findSameSlide(before: Deck, after: Deck, index: number): number {
	const steps = findSameSlideSteps(before, after, index);
	for (;;) {
		const step = steps.next();
		if (step.done) return step.value;
	}
}

/** Slides findSameSlideSteps looks at between two pauses. */
const slidesPerStep = 256;

/**
 * findSameSlide in steps: it pauses every `slidesPerStep` slides looked at, so the presenter
 * follows the slide through a reload of a huge deck in slices (an edited title on a deck of
 * 100,000 slides sent it through every slide: 2.5 s in one stretch).
 */
export function* findSameSlideSteps(before: Deck, after: Deck, index: number): Generator<void, number> {
	const last = after.count - 1;
	const clamped = Math.min(Math.max(index, 0), last);
	if (index < 0 || index >= before.count) {
		return clamped;
	}

	const text = slideSource(before, index).trim();
	const sameText = yield* nearest(clamped, last, i => slideSource(after, i).trim() === text);
	if (sameText !== undefined) {
		return sameText;
	}

	// A slide without a title has nothing to be recognised by.
	const title = slideHead(before, index).titleSource;
	const sameTitle = title === '' ? undefined : yield* nearest(clamped, last, i => slideHead(after, i).titleSource === title);
	return sameTitle ?? clamped;
}

/**
 * Where the slide on screen and the way back (`''`) are in the reloaded deck, in steps: the
 * presenter's (ui/App.tsx) and a follower's (hall/follower-view.ts) reload. The found slide's
 * parse is a step of its own, and its layout (the caller's, once this returns) a slice later:
 * together a capped slide of 1,000 list items took 100-140 ms at once (bench/stalls.mjs
 * list-100k-items).
 */
export function* followSlideSteps(
	before: Deck,
	after: Deck,
	shown: Readonly<{slide: number; jumpedFrom?: Readonly<{slide: number}>}>,
): Generator<void, {slide: number; jumpedFrom?: number}> {
	const slide = yield* findSameSlideSteps(before, after, shown.slide);
	const jumpedFrom = shown.jumpedFrom ? yield* findSameSlideSteps(before, after, shown.jumpedFrom.slide) : undefined;
	yield;
	parseSlide(after, slide);
	yield;
	return {slide, jumpedFrom};
}

/** The index in [0, last] nearest `from` (later first at equal distance) that `matches`. */
function* nearest(from: number, last: number, matches: (index: number) => boolean): Generator<void, number | undefined> {
	for (let distance = 0; from + distance <= last || from - distance >= 0; distance++) {
		if (distance > 0 && distance % (slidesPerStep / 2) === 0) {
			yield;
		}

		if (from + distance <= last && matches(from + distance)) {
			return from + distance;
		}

		if (distance > 0 && from - distance >= 0 && matches(from - distance)) {
			return from - distance;
		}
	}

	return undefined;
}
