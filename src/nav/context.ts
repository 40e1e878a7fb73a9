// The reducer's context, built one way for every host (the presenter's App and a follower's
// view): the deck's counts, steps and questions, plus what the drawn screen knows (how far the
// slide, notes and help can scroll; the overview's list).
import {stepsOf} from '../deck/deck.js';
import {quizzesOf} from '../deck/parse.js';
import type {Deck} from '../deck/types.js';
import type {NavContext} from './reducer.js';
import type {SlideList} from './slide-list.js';

/** What a laid-out screen tells the reducer (a subset of the layout's Regions). */
export type ScreenLimits = Readonly<{scrollLimit?: number; notesScrollLimit?: number; helpScrollLimit?: number}>;

export function navContextFor(deck: Deck, laidOut?: ScreenLimits, overviewSlides?: SlideList, walk?: readonly number[]): NavContext {
	return {
		count: deck.count,
		steps: i => stepsOf(deck, i),
		quizzes: i => quizzesOf(deck, i),
		walk,
		scrollLimit: laidOut?.scrollLimit,
		notesScrollLimit: laidOut?.notesScrollLimit,
		helpScrollLimit: laidOut?.helpScrollLimit,
		overviewSlides,
	};
}
