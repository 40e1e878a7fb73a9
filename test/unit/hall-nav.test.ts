import {describe, expect, it} from 'vitest';
import {followState} from '../../src/nav/hall.js';
import {keyToAction} from '../../src/nav/keys.js';
import {initialState, reduce, type Action, type NavContext, type NavState} from '../../src/nav/reducer.js';

const ctx: NavContext = {count: 5, steps: slide => (slide === 1 ? 3 : 1)};
const keys = (state: NavState, ...names: string[]) =>
	names.reduce((current, name) => {
		const action = keyToAction(name, current);
		return action ? reduce(current, action, ctx) : current;
	}, state);
const act = (state: NavState, action: Action) => reduce(state, action, ctx);

describe('blank', () => {
	it('b and . blank the screen; the next key only brings it back, q still quits', () => {
		const blank = keys(initialState(), 'b');
		expect(blank.blank).toBe(true);
		const back = keys(blank, 'right');
		expect(back.blank).toBe(false);
		expect(back.slide).toBe(0);
		expect(keys(initialState(), '.').blank).toBe(true);
		expect(keys(blank, 'q').quit).toBe(true);
		// A reload while blank keeps it blank.
		expect(act(blank, {type: 'deckReloaded'}).blank).toBe(true);
	});

	it('p pauses and resumes the clock', () => {
		expect(keys(initialState(), 'p').clockPaused).toBe(true);
		expect(keys(initialState(), 'p', 'p').clockPaused).toBe(false);
	});
});

describe('a follower', () => {
	const following: NavState = {...initialState({notesVisible: false}), follow: followState({slide: 0, step: 0, blank: false})};

	it('moves with the talk, reveal steps and blank screen included, clamped to the deck', () => {
		const moved = act(following, {type: 'remote', slide: 1, step: 2, blank: false});
		expect([moved.slide, moved.step]).toEqual([1, 2]);
		const blank = act(moved, {type: 'remote', slide: 1, step: 2, blank: true});
		expect(blank.blank).toBe(true);
		const far = act(blank, {type: 'remote', slide: 99, step: 99, blank: false});
		expect([far.slide, far.step]).toEqual([4, 0]);
		expect(act(far, {type: 'remote', slide: 4, step: 0, blank: false})).toBe(far);
	});

	it('is read-only while attached: only q, d and s (the shared notes, on this screen only) do anything', () => {
		for (const name of ['right', 'left', 'g', 'G', 'b', 'p', '/', 'o', 't', 'm', 'f', '5']) {
			expect(keys(following, name)).toBe(following);
		}

		const withNotes = keys(following, 's');
		expect(withNotes.notesVisible).toBe(!following.notesVisible);
		expect([withNotes.slide, withNotes.step, withNotes.follow]).toEqual([following.slide, following.step, following.follow]);
		expect(keys(following, 'q').quit).toBe(true);
	});

	it('detaches with d to browse, keeps hearing the talk, and f rejoins where the talk is', () => {
		const detached = keys(following, 'd');
		expect(detached.follow?.attached).toBe(false);
		const browsed = keys(detached, 'right', 'right');
		expect(browsed.slide).toBe(1);
		expect(browsed.step).toBe(1);
		const heard = act(browsed, {type: 'remote', slide: 3, step: 0, blank: true});
		expect([heard.slide, heard.blank]).toEqual([1, false]);
		// Blanking and the clock stay the leader's, detached or not.
		expect(keys(heard, 'b')).toBe(heard);
		const rejoined = keys(heard, 'f');
		expect(rejoined.follow?.attached).toBe(true);
		expect([rejoined.slide, rejoined.step, rejoined.blank]).toEqual([3, 0, true]);
	});
});
