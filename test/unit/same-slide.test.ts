import {describe, expect, it} from 'vitest';
import {openDeck} from '../../src/deck/deck.js';
import {findSameSlide, findSameSlideSteps, followSlideSteps} from '../../src/deck/same-slide.js';
import {defined} from '../support/defined.js';

const deck = (...slides: string[]) => openDeck(`${slides.join('\n\n---\n\n')}\n`, 'x.md');
const five = ['## A\n\none', '## B\n\ntwo', '## C\n\nthree', '## D\n\nfour', '## E\n\nfive'];

describe('findSameSlide: live reload follows the slide, not its number', () => {
	it('an unchanged deck keeps every slide where it is', () => {
		const before = deck(...five);
		const after = deck(...five);
		for (let i = 0; i < 5; i++) expect(findSameSlide(before, after, i)).toBe(i);
	});

	it('a slide inserted above: the same slide, one further on', () => {
		const after = deck(defined(five[0]), '## New\n\ninserted', ...five.slice(1));
		expect(findSameSlide(deck(...five), after, 2)).toBe(3);
		expect(findSameSlide(deck(...five), after, 0)).toBe(0);
	});

	it('slides deleted above: the same slide, further back', () => {
		expect(findSameSlide(deck(...five), deck(defined(five[0]), defined(five[3]), defined(five[4])), 3)).toBe(1);
	});

	it('many slides inserted above', () => {
		const inserted = Array.from({length: 30}, (_, i) => `## Extra ${i}\n\ntext`);
		expect(findSameSlide(deck(...five), deck(...inserted, ...five), 4)).toBe(34);
	});

	it('the slide itself edited: the nearest slide with its title', () => {
		const after = deck('## New\n\nx', ...five.slice(0, 2), '## C\n\nthree, edited', ...five.slice(3));
		expect(findSameSlide(deck(...five), after, 2)).toBe(3);
	});

	it('the same text twice: the copy nearest the old position', () => {
		const before = deck('## T\n\nsame', '## X\n\nx', '## Y\n\ny', '## Z\n\nz', '## T\n\nsame');
		expect(findSameSlide(before, deck('## T\n\nsame', '## X\n\nx', '## Y\n\ny', '## Z\n\nz', '## T\n\nsame'), 4)).toBe(4);
		expect(findSameSlide(before, deck('## New\n\nn', '## T\n\nsame', '## X\n\nx', '## Y\n\ny', '## Z\n\nz', '## T\n\nsame'), 0)).toBe(1);
	});

	it('text and title both changed, or an untitled slide changed: the same number, clamped', () => {
		const after = deck(defined(five[0]), defined(five[1]), '## Renamed\n\nrewritten', defined(five[3]), defined(five[4]));
		expect(findSameSlide(deck(...five), after, 2)).toBe(2);
		expect(findSameSlide(deck('one', 'two', 'three'), deck('one', 'two', 'three, edited'), 2)).toBe(2);
		expect(findSameSlide(deck(...five), deck(defined(five[0]), defined(five[1])), 4)).toBe(1);
	});

	it('blank lines around a slide do not make it another slide', () => {
		const after = openDeck(`## New\n\nx\n\n---\n\n\n\n${five.join('\n\n---\n\n')}\n\n\n`, 'x.md');
		expect(findSameSlide(deck(...five), after, 4)).toBe(5);
	});
});

describe('findSameSlideSteps: the presenter follows the slide through a reload in slices', () => {
	it('pauses while it goes through a large deck, and finds what findSameSlide finds', () => {
		const slides = Array.from({length: 2000}, (_, i) => `## Slide ${i + 1}\n\ntext ${i}`);
		const before = deck(...slides);
		// The slide shown (1,000) renamed and rewritten: the whole deck is gone through twice, in vain.
		const renamed = [...slides];
		renamed[1000] = '## Renamed\n\nother';
		const after = deck(...renamed);
		for (const [index, moved] of [
			[1000, after],
			[1500, deck(...slides.slice(0, 10), ...slides.slice(11))],
		] as const) {
			const steps = findSameSlideSteps(before, moved, index);
			let pauses = 0;
			let step = steps.next();
			while (!step.done) {
				pauses++;
				step = steps.next();
			}

			expect(step.value).toBe(findSameSlide(before, moved, index));
			if (moved === after) expect(pauses).toBeGreaterThan(2);
		}

		expect(findSameSlide(before, after, 1000)).toBe(1000);
		expect(findSameSlide(before, deck(...slides.slice(0, 10), ...slides.slice(11)), 1500)).toBe(1499);
	});
});

describe('followSlideSteps: a reload follows the slide shown and the way back', () => {
	it('finds both in the new deck, the way back left out when there is none', () => {
		const after = deck('## New\n\ninserted', ...five);
		const steps = (shown: {slide: number; jumpedFrom?: {slide: number}}) => {
			const run = followSlideSteps(deck(...five), after, shown);
			for (;;) {
				const step = run.next();
				if (step.done) return step.value;
			}
		};

		expect(steps({slide: 3, jumpedFrom: {slide: 0}})).toEqual({slide: 4, jumpedFrom: 1});
		expect(steps({slide: 2})).toEqual({slide: 3, jumpedFrom: undefined});
	});
});
