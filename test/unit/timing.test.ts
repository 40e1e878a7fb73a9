import {describe, expect, it} from 'vitest';
import {openDeck} from '../../src/deck/deck.js';
import {describePace, formatClock, paceAt, parseDuration, planTalk, slideTimeWeight, timeProblems} from '../../src/deck/timing.js';
import {defined} from '../support/defined.js';

const deck = (text: string) => openDeck(text, 'talk.md');

describe('time weights', () => {
	it.each([
		['3m', 180],
		['90s', 90],
		['1m30s', 90],
		['2.5m', 150],
		['1h', 3600],
		['4', 240],
		[' 10 min ', 600],
	])('reads %j as %d seconds', (text, seconds) => {
		expect(parseDuration(text)).toBe(seconds);
	});

	it.each(['', 'soon', 'm', '3x', '1m 2m', '9'.repeat(40)])('rejects %j', text => {
		expect(parseDuration(text)).toBeUndefined();
	});

	it('finds the comment outside code fences only', () => {
		const d = deck('## A\n```\n<!-- time: 9m -->\n```\n<!-- time: 2m -->\ntext\n---\n## B\n```md\n<!-- time: 5m -->\n```\n');
		expect(slideTimeWeight(d, 0)).toEqual({seconds: 120, line: 4, text: '2m'});
		expect(slideTimeWeight(d, 1)).toBeUndefined();
	});
});

describe('the plan', () => {
	it('gives weighted slides their time and shares the rest by content', () => {
		const d = deck(
			'---\nduration: 10\n---\n# Part\n---\n## One\n<!-- time: 4m -->\nx\n\n---\n## Two\nshort\n\n---\n## Three\n' +
				'long text '.repeat(80) +
				'\n',
		);
		const plan = planTalk(d);
		expect(plan.durationSeconds).toBe(600);
		expect(plan.lengths[1]).toBe(240);
		const shared = defined(plan.lengths[0]) + defined(plan.lengths[2]) + defined(plan.lengths[3]);
		expect(shared).toBeCloseTo(360);
		// More content, more time; a section slide least.
		expect(defined(plan.lengths[3])).toBeGreaterThan(defined(plan.lengths[2]));
		expect(defined(plan.lengths[2])).toBeGreaterThan(defined(plan.lengths[0]));
		expect(plan.starts).toEqual([
			0,
			plan.lengths[0],
			defined(plan.lengths[0]) + 240,
			defined(plan.lengths[0]) + 240 + defined(plan.lengths[2]),
		]);
	});

	it('without a duration only weighted slides take time, and there is no pace', () => {
		const d = deck('## A\n<!-- time: 1m -->\n---\n## B\n');
		const plan = planTalk(d);
		expect(plan.lengths).toEqual([60, 0]);
		expect(paceAt(plan, {slide: 1, step: 0, steps: 1}, 100)).toBeUndefined();
	});

	it('says how far ahead or behind the talk is, reveal steps included', () => {
		const d = deck('---\nduration: 20\n---\n## A\n<!-- time: 10m -->\none\n<!-- pause -->\ntwo\n---\n## B\n<!-- time: 10m -->\n');
		const plan = planTalk(d);
		expect(paceAt(plan, {slide: 0, step: 1, steps: 2}, 300)).toEqual({elapsedSeconds: 300, remainingSeconds: 900, behindSeconds: 0});
		const late = defined(paceAt(plan, {slide: 1, step: 0, steps: 1}, 840));
		expect(describePace(late)).toEqual({text: '+4 min behind', off: 'behind', beyondThreshold: true});
		expect(describePace(defined(paceAt(plan, {slide: 1, step: 0, steps: 1}, 540)))).toEqual({
			text: '1 min ahead',
			off: 'ahead',
			beyondThreshold: false,
		});
		expect(describePace(defined(paceAt(plan, {slide: 1, step: 0, steps: 1}, 610))).text).toBe('on time');
	});

	it('formats clocks', () => {
		expect(formatClock(65)).toBe('1:05');
		expect(formatClock(3725)).toBe('1:02:05');
		expect(formatClock(-30)).toBe('-0:30');
	});
});

describe('check warnings', () => {
	it('warns when weights exceed the duration and when a value is unreadable', () => {
		const d = deck('---\nduration: 5\n---\n## A\n<!-- time: 4m -->\n---\n## B\n<!-- time: 2m -->\n---\n## C\n<!-- time: later -->\n');
		expect(timeProblems(d)).toEqual([
			{slide: 2, line: 11, message: 'time: "later" is not a duration (write 3m, 90s or 1m30s)'},
			{slide: 1, line: 8, message: "the slides' time weights add up to 6 min, more than the 5 min duration"},
		]);
	});
});
