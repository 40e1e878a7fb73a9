// The follower's warm-up (src/hall/warm-up.ts): a throwaway view goes through the path a
// position takes (frames composed ahead, then one drawn from them) and paints nowhere.
import {afterEach, describe, expect, it, vi} from 'vitest';
import {openDeck} from '../../src/deck/deck.js';
import {warmPositionPath} from '../../src/hall/warm-up.js';
import {buildRegions} from '../../src/layout/screen.js';
import {createTheme} from '../../src/layout/theme.js';
import {followState} from '../../src/nav/hall.js';
import {initialState, type NavState} from '../../src/nav/reducer.js';
import type {FramePlan} from '../../src/terminal/frame-writer.js';

describe("a follower's warm-up", () => {
	const deck = openDeck('# Alpha\n\nfirst\n\n---\n\n# Beta\n\nsecond', 'talk');
	const initial: NavState = {...initialState({notesVisible: false}), follow: followState({slide: 0, step: 0, blank: false})};
	const options = {
		deck,
		initial,
		size: {width: 40, height: 10},
		theme: createTheme({level: 0, ascii: false}),
		elapsed: () => 0,
		compose: (input: Parameters<typeof buildRegions>[0]) => buildRegions({...input, hideClock: true}),
		badges: () => [],
		next: {slide: 1, step: 0, blank: false},
	};

	afterEach(() => {
		vi.useRealTimers();
	});

	it('draws the next slide once, from the frame composed ahead, while the talk rests', () => {
		vi.useFakeTimers();
		const drawn: Array<{rows: readonly string[]; ready: FramePlan | undefined}> = [];
		const stdout = vi.spyOn(process.stdout, 'write');
		warmPositionPath({...options, drawn: (rows, ready) => drawn.push({rows, ready})});
		expect(drawn).toHaveLength(1);
		vi.advanceTimersByTime(1000);
		expect(drawn).toHaveLength(2);
		expect(drawn[1]?.rows.join('\n')).toContain('Beta');
		// Drawn from the frame composed ahead: the bytes were planned, as a real position's are.
		expect(drawn[1]?.ready).toBeDefined();
		expect(stdout).not.toHaveBeenCalled();
		stdout.mockRestore();
	});

	it('stops when the follower leaves before it is done', () => {
		vi.useFakeTimers();
		const drawn: unknown[] = [];
		const stop = warmPositionPath({...options, drawn: () => drawn.push(1)});
		stop();
		vi.advanceTimersByTime(1000);
		expect(drawn).toHaveLength(1);
	});
});
