// Decks of many tiny slides (issue 12): opening a deck and the per-slide work every command
// does must grow linearly with the number of slides. Work is counted, not timed: the string and
// regular-expression primitives the scanner and parser are built from are wrapped with counters,
// and the count for 2N slides must stay near twice the count for N (a quadratic path doubles
// the ratio). The full-size decks are in the hostile corpus (test/support/hostile-corpus.ts).
import {afterEach, describe, expect, it} from 'vitest';
import {openDeck, openDeckSteps, sectionIndexIfKnown, sectionIndexOf, sectionsKnown, slideHead} from '../../src/deck/deck.js';
import {parseSlide} from '../../src/deck/parse.js';
import {tinySlideDecks} from '../support/hostile-corpus.js';
import {defined} from '../support/defined.js';

type Counted = {calls: number; restore: () => void};

/** Counts calls of the primitives every scan and parse goes through (slice, indexOf, trim, exec, test). */
function countPrimitives(): Counted {
	const counted: Counted = {calls: 0, restore: () => {}};
	const patches: Array<[object, string, unknown]> = [];
	const wrap = (owner: object, name: string) => {
		const original = defined((owner as Record<string, (...args: unknown[]) => unknown>)[name]);
		patches.push([owner, name, original]);
		Object.defineProperty(owner, name, {
			configurable: true,
			writable: true,
			value(this: unknown, ...args: unknown[]) {
				counted.calls++;
				return original.apply(this, args);
			},
		});
	};

	for (const name of ['slice', 'indexOf', 'trim', 'startsWith']) wrap(String.prototype, name);
	for (const name of ['exec', 'test']) wrap(RegExp.prototype, name);
	counted.restore = () => {
		for (const [owner, name, original] of patches)
			Object.defineProperty(owner, name, {configurable: true, writable: true, value: original});
	};

	return counted;
}

/** Opens the deck and does what outline does per slide (head, section, title); returns the work counted. */
function workFor(text: string, everySlide: boolean): number {
	const counter = countPrimitives();
	try {
		const deck = openDeck(text, 'deck.md');
		if (everySlide) {
			for (let i = 0; i < deck.count; i++) {
				slideHead(deck, i);
				sectionIndexOf(deck, i);
				parseSlide(deck, i);
			}
		}
	} finally {
		counter.restore();
	}

	return counter.calls;
}

let restore: (() => void) | undefined;
afterEach(() => restore?.());

describe('decks of many tiny slides cost work linear in their slides', () => {
	for (const deck of tinySlideDecks) {
		it(`${deck.name}: opening 2N slides costs about twice N`, () => {
			const small = workFor(deck.make(deck.small), false);
			const large = workFor(deck.make(2 * deck.small), false);
			expect(large / small, `${small} then ${large} calls`).toBeLessThan(2.5);
		});

		it(`${deck.name}: every slide's head, section and title for 2N slides cost about twice N`, () => {
			const small = workFor(deck.make(deck.small / 4), true);
			const large = workFor(deck.make(deck.small / 2), true);
			expect(large / small, `${small} then ${large} calls`).toBeLessThan(2.5);
		});
	}
});

// Issue 12 item 9: what the presenter does on a huge deck is cut into steps or bounded, so keys
// and signals are answered meanwhile (bench/stalls.mjs measures the stretches in the real binary).
describe('the presenter never takes a huge deck in one stretch', () => {
	it('openDeckSteps pauses every few thousand lines and opens the same deck as openDeck', () => {
		const text = 'x\n\n---\n\n'.repeat(20_000);
		const steps = openDeckSteps(text, 'deck.md');
		let pauses = 0;
		let step = steps.next();
		while (!step.done) {
			pauses++;
			step = steps.next();
		}

		// 80,000 lines: a pause at least every 2,048 lines.
		expect(pauses).toBeGreaterThanOrEqual(Math.floor(80_000 / 2048));
		const whole = openDeck(text, 'deck.md');
		expect(step.value.count).toBe(20_000);
		expect({...step.value}).toEqual({...whole});
	});

	it('drawing asks for a slide far past the known sections without learning them all; once known, it is exact', () => {
		const deck = openDeck(`# Part\n\n---\n\n${'x\n\n---\n\n'.repeat(5000)}`, 'deck.md');
		expect(sectionIndexIfKnown(deck, 5000)).toBe(-1);
		expect(sectionsKnown(deck)).toBe(0);
		// Near the known prefix it is learnt and exact.
		expect(sectionIndexIfKnown(deck, 100)).toBe(0);
		expect(sectionsKnown(deck)).toBe(101);
		sectionIndexOf(deck, 5000);
		expect(sectionIndexIfKnown(deck, 5000)).toBe(0);
	});
});
