// The whole interactive behaviour as one pure function: (state, action, deck facts) → state.
// State is plain JSON (it is saved for resume). An action that changes nothing returns the
// same object, so React bails out and nothing is redrawn. The search bar and the overview
// have their own modules; moves.ts holds what they share.
import {reduceHall, type FollowState, type HallAction} from './hall.js';
import {clamp, jumpTo, moveTo, stepsOf} from './moves.js';
import {openOverview, reduceOverview} from './overview.js';
import type {SlideList} from './slide-list.js';
import {openSearch, receiveHits, reduceSearchBar, searchStep} from './search-mode.js';
import type {Quiz} from '../deck/quiz.js';
import {toggleSorted} from '../state/study-state.js';
import {clearPicks, currentEntry, openAnswerEntry, quizDigit, reduceAnswerEntry, type QuizAnswers, type QuizEntry} from './quiz-mode.js';

export type View = 'present' | 'study';
export type Overlay = 'none' | 'help' | 'search' | 'overview';
export type Position = Readonly<{slide: number; step: number}>;

export type NavState = Readonly<{
	slide: number;
	step: number;
	/** Digits typed before Enter, g or G. */
	count: string;
	/** A `'` was typed: a second one jumps back. */
	pendingQuote: boolean;
	/** Where the last jump (search, number, g/G, overview) started: `''` goes back there. */
	jumpedFrom?: Position;
	view: View;
	overlay: Overlay;
	/** The notes pane while presenting. */
	notesVisible: boolean;
	/** The notes under the slide while studying (`--no-notes` starts without them). */
	studyNotes: boolean;
	notesScroll: number;
	/** Study view: rows scrolled within the current slide. */
	bodyScroll: number;
	bookmarks: readonly number[];
	search: Readonly<{
		query: string;
		/** Slide and step where the search began: Esc returns there. */
		origin: number;
		originStep: number;
		/** Matching slides, in deck order (computed outside and handed in). */
		hits: readonly number[];
		/** Query the hits belong to. */
		hitsFor: string;
		wrapped: boolean;
		/**
		 * Enter came before the query's hits (they are matched in slices on a large deck): where it
		 * left the presenter. The hits, when they come, still take it to the first match from there.
		 */
		submitted?: Position;
	}>;
	overview: Readonly<{cursor: number; filter: string; filtering: boolean}>;
	quit: boolean;
	/** The audience screens show "back in a moment" (`b`) until the next key (nav/hall.ts). */
	blank?: boolean;
	/** The talk's clock is paused (`p`); the shell's clock follows this. */
	clockPaused?: boolean;
	/** A follower's view of the talk (absent for a presenter). */
	follow?: FollowState;
	/** Study view: answers to self-check questions, by `slide:question` (nav/quiz-mode.ts). */
	answers?: QuizAnswers;
	/** Study view: the open question's picks, or its entry field while it is typed in. */
	quizEntry?: QuizEntry;
	/** Rows the help overlay is scrolled (it is taller than an 80x24 screen). */
	helpScroll?: number;
}>;

/** What the reducer needs to know about the deck and the screen; all of it cheap to ask. */
export type NavContext = Readonly<{
	count: number;
	steps: (slide: number) => number;
	/** Study view: how many rows the current slide can scroll. */
	scrollLimit?: number;
	/** How many rows the notes pane can scroll (0 when it fits or is hidden). */
	notesScrollLimit?: number;
	/** Overview: slides listed (after its filter), in order. */
	overviewSlides?: SlideList;
	/** The self-check questions on a slide (study view answers them). */
	quizzes?: (slide: number) => readonly Quiz[];
	/** Study `--quiz` / `--retry`: the slides (sorted) that next and previous go through. */
	walk?: readonly number[];
	/** How many rows the help overlay can scroll (0 when it fits). */
	helpScrollLimit?: number;
}>;

export type Action =
	| Readonly<{type: 'next' | 'prev' | 'first' | 'last' | 'quit' | 'cancel' | 'toggleNotes' | 'toggleView' | 'toggleBookmark'}>
	| Readonly<{type: 'scrollDown' | 'scrollUp' | 'helpOpen' | 'searchOpen' | 'searchNext' | 'searchPrev' | 'overviewOpen' | 'jumpBack'}>
	| Readonly<{type: 'overviewOpenSlide' | 'overviewFilterOpen' | 'textSubmit' | 'textBackspace' | 'quizAnswer'}>
	| Readonly<{type: 'digit'; digit: string}>
	| Readonly<{type: 'goto'; slide: number}>
	| Readonly<{type: 'scrollNotes'; by: number}>
	| Readonly<{type: 'overviewMove'; by: number}>
	| Readonly<{type: 'helpScroll'; by: number}>
	| Readonly<{type: 'textInput'; text: string}>
	| Readonly<{type: 'searchHits'; query: string; hits: readonly number[]}>
	/** The deck was edited; `slide` and `jumpedFrom` are where those slides are now (deck/same-slide.ts). */
	| Readonly<{type: 'deckReloaded'; slide?: number; jumpedFrom?: number}>
	| HallAction;

/**
 * The deckReloaded action once the slides `from` showed were found in the edited deck
 * (deck/same-slide.ts's followSlideSteps, in slices): a slide moved away from meanwhile (keys
 * during the search, a follower detached) is not taken back; it keeps its number, clamped.
 */
export function deckReloaded(
	current: NavState,
	from: NavState,
	found: Readonly<{slide: number; jumpedFrom?: number}>,
): Extract<Action, {type: 'deckReloaded'}> {
	return {
		type: 'deckReloaded',
		slide: current.slide === from.slide ? found.slide : undefined,
		jumpedFrom: current.jumpedFrom?.slide === from.jumpedFrom?.slide ? found.jumpedFrom : undefined,
	};
}

export function initialState(
	options: {
		slide?: number;
		notesVisible?: boolean;
		studyNotes?: boolean;
		view?: View;
		bookmarks?: readonly number[];
		answers?: QuizAnswers;
	} = {},
): NavState {
	return {
		slide: options.slide ?? 0,
		step: 0,
		count: '',
		pendingQuote: false,
		view: options.view ?? 'present',
		overlay: 'none',
		notesVisible: options.notesVisible ?? true,
		studyNotes: options.studyNotes ?? true,
		notesScroll: 0,
		bodyScroll: 0,
		bookmarks: options.bookmarks ?? [],
		search: {query: '', origin: 0, originStep: 0, hits: [], hitsFor: '', wrapped: false},
		overview: {cursor: 0, filter: '', filtering: false},
		quit: false,
		...(options.answers ? {answers: options.answers} : {}),
	};
}

function next(state: NavState, ctx: NavContext): NavState {
	if (state.step + 1 < stepsOf(state, ctx, state.slide)) {
		return moveTo(state, state.slide, state.step + 1);
	}

	if (ctx.walk && state.view === 'study') {
		const target = ctx.walk.find(slide => slide > state.slide && slide < ctx.count);
		return target === undefined ? state : moveTo(state, target, 0);
	}

	return state.slide + 1 < ctx.count ? moveTo(state, state.slide + 1, 0) : state;
}

/** Going back hides the last revealed step; onto an earlier slide, it arrives fully revealed. */
function prev(state: NavState, ctx: NavContext): NavState {
	if (state.step > 0) {
		return moveTo(state, state.slide, state.step - 1);
	}

	if (ctx.walk && state.view === 'study') {
		const target = ctx.walk.findLast(slide => slide < state.slide);
		return target === undefined ? state : moveTo(state, target, 0);
	}

	if (state.slide === 0) {
		return state;
	}

	return moveTo(state, state.slide - 1, stepsOf(state, ctx, state.slide - 1) - 1);
}

/** A typed number (1-based) as a slide index, or undefined. */
function typedSlide(state: NavState, ctx: NavContext): number | undefined {
	if (state.count === '') {
		return undefined;
	}

	return clamp(Number(state.count) - 1, 0, ctx.count - 1);
}

/** `''`: back to where the last jump started; that jump's target becomes the way back. */
function jumpBack(state: NavState, ctx: NavContext): NavState {
	const from = state.jumpedFrom;
	if (from === undefined) {
		return state;
	}

	const slide = clamp(from.slide, 0, ctx.count - 1);
	return jumpTo(state, slide, clamp(from.step, 0, stepsOf(state, ctx, slide) - 1));
}

export function reduce(state: NavState, action: Action, ctx: NavContext): NavState {
	const hall = reduceHall(state, action, ctx);
	if (hall !== undefined) {
		return hall;
	}

	if (action.type === 'quit') {
		return {...state, quit: true};
	}

	if (action.type === 'searchHits') {
		return receiveHits(state, action.query, action.hits);
	}

	if (action.type === 'deckReloaded') {
		const slide = clamp(action.slide ?? state.slide, 0, ctx.count - 1);
		const step = clamp(state.step, 0, ctx.steps(slide) - 1);
		const bookmarks = state.bookmarks.filter(mark => mark < ctx.count);
		const jumpedFrom =
			state.jumpedFrom && action.jumpedFrom !== undefined ? {...state.jumpedFrom, slide: action.jumpedFrom} : state.jumpedFrom;
		const moved = slide === state.slide ? {} : {notesScroll: 0, bodyScroll: 0};
		return {
			...state,
			...moved,
			slide,
			step,
			bookmarks,
			jumpedFrom,
			overview: {...state.overview, cursor: clamp(state.overview.cursor, 0, ctx.count - 1)},
		};
	}

	if (currentEntry(state)?.typing !== undefined) {
		return reduceAnswerEntry(state, action, ctx);
	}

	if (state.overlay === 'search') {
		return reduceSearchBar(state, action);
	}

	if (state.overlay === 'overview') {
		return reduceOverview(state, action, ctx);
	}

	if (state.overlay === 'help') {
		if (action.type === 'helpScroll') {
			const helpScroll = clamp((state.helpScroll ?? 0) + action.by, 0, ctx.helpScrollLimit ?? 0);
			return helpScroll === (state.helpScroll ?? 0) ? state : {...state, helpScroll};
		}

		return action.type === 'cancel' || action.type === 'helpOpen' ? {...state, overlay: 'none'} : state;
	}

	if (action.type === 'jumpBack') {
		return state.pendingQuote ? jumpBack({...state, pendingQuote: false}, ctx) : {...state, pendingQuote: true, count: ''};
	}

	// A `'` followed by any other key is dropped, as in vim.
	return reduceSlide(state.pendingQuote ? {...state, pendingQuote: false} : state, action, ctx);
}

function reduceSlide(state: NavState, action: Action, ctx: NavContext): NavState {
	switch (action.type) {
		case 'next': {
			const target = typedSlide(state, ctx);
			return target === undefined ? next(state, ctx) : jumpTo(state, target, 0);
		}

		case 'prev': {
			return prev(state, ctx);
		}

		case 'first': {
			return jumpTo(state, typedSlide(state, ctx) ?? 0, 0);
		}

		case 'last': {
			return jumpTo(state, typedSlide(state, ctx) ?? ctx.count - 1, 0);
		}

		case 'goto': {
			return jumpTo(state, clamp(action.slide, 0, ctx.count - 1), 0);
		}

		case 'digit': {
			// On a question (studying), digits pick its choices.
			const picked = quizDigit(state, action.digit, ctx);
			if (picked) {
				return picked;
			}

			// A count longer than the deck could need is noise: keep the last digits.
			const count = (state.count + action.digit).replace(/^0+/, '').slice(-String(ctx.count).length - 1);
			return count === state.count ? state : {...state, count};
		}

		case 'cancel': {
			// Esc takes back the nearest thing: picked choices, then a typed number, then a finished
			// search's marks and status badge (less's ESC-u); n and N have nothing to go to after it.
			const picked = clearPicks(state);
			if (picked) return picked;
			if (state.count !== '') return {...state, count: ''};
			if (state.search.hitsFor === '' && state.search.query === '') return state;
			return {...state, search: {...state.search, query: '', hits: [], hitsFor: '', wrapped: false}};
		}

		case 'quizAnswer': {
			return openAnswerEntry(state, ctx);
		}

		case 'scrollDown': {
			if (state.bodyScroll < (ctx.scrollLimit ?? 0)) {
				return {...state, bodyScroll: state.bodyScroll + 1};
			}

			return next(state, ctx);
		}

		case 'scrollUp': {
			if (state.bodyScroll > 0) {
				return {...state, bodyScroll: state.bodyScroll - 1};
			}

			return prev(state, ctx);
		}

		case 'toggleNotes': {
			if (state.view === 'study') {
				return {...state, studyNotes: !state.studyNotes, bodyScroll: 0};
			}

			return {...state, notesVisible: !state.notesVisible, notesScroll: 0};
		}

		case 'scrollNotes': {
			// Clamped to the pane as it is now (a resize may have shortened it), so K after J
			// at the end moves at once.
			const limit = ctx.notesScrollLimit ?? 0;
			const notesScroll = clamp(Math.min(state.notesScroll, limit) + action.by, 0, limit);
			return notesScroll === state.notesScroll ? state : {...state, notesScroll};
		}

		case 'toggleView': {
			return {...state, view: state.view === 'present' ? 'study' : 'present', step: 0, bodyScroll: 0, count: ''};
		}

		case 'toggleBookmark': {
			return {...state, bookmarks: toggleSorted(state.bookmarks, state.slide)};
		}

		case 'helpOpen': {
			return {...state, overlay: 'help', helpScroll: 0, count: ''};
		}

		case 'searchOpen': {
			return openSearch(state);
		}

		case 'searchNext': {
			return searchStep(state, 1);
		}

		case 'searchPrev': {
			return searchStep(state, -1);
		}

		case 'overviewOpen': {
			return openOverview(state, ctx);
		}

		default: {
			return state;
		}
	}
}
