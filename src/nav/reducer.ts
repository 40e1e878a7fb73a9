// The whole interactive behaviour as one pure function: (state, action, deck facts) → state.
// State is plain JSON (it is saved for resume). An action that changes nothing returns the
// same object, so React bails out and nothing is redrawn.
import {reduceHall, type FollowState, type HallAction} from './hall.js';

export type View = 'present' | 'study';
export type Overlay = 'none' | 'help' | 'search' | 'overview';

export type NavState = Readonly<{
	slide: number;
	step: number;
	/** Digits typed before Enter, g or G. */
	count: string;
	view: View;
	overlay: Overlay;
	notesVisible: boolean;
	notesScroll: number;
	/** Study view: rows scrolled within the current slide. */
	bodyScroll: number;
	bookmarks: readonly number[];
	search: Readonly<{
		query: string;
		/** Slide where the search began: Esc returns there. */
		origin: number;
		/** Matching slides, in deck order (computed outside and handed in). */
		hits: readonly number[];
		/** Query the hits belong to. */
		hitsFor: string;
		wrapped: boolean;
	}>;
	overview: Readonly<{cursor: number; filter: string; filtering: boolean}>;
	quit: boolean;
	/** The audience screens show "back in a moment" (`b`) until the next key (nav/hall.ts). */
	blank?: boolean;
	/** The talk's clock is paused (`p`); the shell's clock follows this. */
	clockPaused?: boolean;
	/** A follower's view of the talk (absent for a presenter). */
	follow?: FollowState;
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
	overviewSlides?: readonly number[];
}>;

export type Action =
	| Readonly<{type: 'next' | 'prev' | 'first' | 'last' | 'quit' | 'cancel' | 'toggleNotes' | 'toggleView' | 'toggleBookmark'}>
	| Readonly<{type: 'scrollDown' | 'scrollUp' | 'helpOpen' | 'searchOpen' | 'searchNext' | 'searchPrev' | 'overviewOpen'}>
	| Readonly<{type: 'overviewOpenSlide' | 'overviewFilterOpen' | 'textSubmit' | 'textBackspace'}>
	| Readonly<{type: 'digit'; digit: string}>
	| Readonly<{type: 'goto'; slide: number}>
	| Readonly<{type: 'scrollNotes'; by: number}>
	| Readonly<{type: 'overviewMove'; by: number}>
	| Readonly<{type: 'textInput'; text: string}>
	| Readonly<{type: 'searchHits'; query: string; hits: readonly number[]}>
	| Readonly<{type: 'deckReloaded'}>
	| HallAction;

export function initialState(options: {slide?: number; notesVisible?: boolean; view?: View; bookmarks?: readonly number[]} = {}): NavState {
	return {
		slide: options.slide ?? 0,
		step: 0,
		count: '',
		view: options.view ?? 'present',
		overlay: 'none',
		notesVisible: options.notesVisible ?? true,
		notesScroll: 0,
		bodyScroll: 0,
		bookmarks: options.bookmarks ?? [],
		search: {query: '', origin: 0, hits: [], hitsFor: '', wrapped: false},
		overview: {cursor: 0, filter: '', filtering: false},
		quit: false,
	};
}

function clamp(value: number, low: number, high: number): number {
	return Math.min(Math.max(value, low), high);
}

/** Move to a slide at a step; same position → same object. */
function moveTo(state: NavState, slide: number, step: number): NavState {
	if (slide === state.slide && step === state.step && state.count === '') {
		return state;
	}

	const sameSlide = slide === state.slide;
	return {
		...state,
		slide,
		step,
		count: '',
		notesScroll: sameSlide ? state.notesScroll : 0,
		bodyScroll: sameSlide ? state.bodyScroll : 0,
		search: state.search.wrapped ? {...state.search, wrapped: false} : state.search,
	};
}

/** Study view shows a slide whole, so it has no steps to walk through. */
function stepsOf(state: NavState, ctx: NavContext, slide: number): number {
	return state.view === 'study' ? 1 : ctx.steps(slide);
}

function next(state: NavState, ctx: NavContext): NavState {
	if (state.step + 1 < stepsOf(state, ctx, state.slide)) {
		return moveTo(state, state.slide, state.step + 1);
	}

	return state.slide + 1 < ctx.count ? moveTo(state, state.slide + 1, 0) : state;
}

/** Going back hides the last revealed step; onto an earlier slide, it arrives fully revealed. */
function prev(state: NavState, ctx: NavContext): NavState {
	if (state.step > 0) {
		return moveTo(state, state.slide, state.step - 1);
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

function searchStep(state: NavState, direction: 1 | -1): NavState {
	const {hits} = state.search;
	if (hits.length === 0) {
		return state;
	}

	const ahead = direction === 1 ? hits.find(hit => hit > state.slide) : hits.findLast(hit => hit < state.slide);
	const target = ahead ?? (direction === 1 ? hits[0]! : hits.at(-1)!);
	const moved = moveTo(state, target, 0);
	return {...moved, search: {...state.search, wrapped: ahead === undefined}};
}

function submitSearch(state: NavState): NavState {
	const {hits, origin} = state.search;
	const closed = {...state, overlay: 'none' as const};
	if (hits.length === 0) {
		return closed;
	}

	const ahead = hits.find(hit => hit >= origin);
	const moved = moveTo(closed, ahead ?? hits[0]!, 0);
	return {...moved, search: {...state.search, wrapped: ahead === undefined}};
}

function overviewList(state: NavState, ctx: NavContext): readonly number[] {
	return ctx.overviewSlides ?? Array.from({length: ctx.count}, (_, i) => i);
}

function reduceText(state: NavState, action: Action, ctx: NavContext): NavState {
	const inSearch = state.overlay === 'search';
	const text = inSearch ? state.search.query : state.overview.filter;
	const withText = (value: string): NavState =>
		inSearch ? {...state, search: {...state.search, query: value}} : {...state, overview: {...state.overview, filter: value, cursor: 0}};
	switch (action.type) {
		case 'textInput': {
			return withText(text + action.text);
		}

		case 'textBackspace': {
			return text === '' ? state : withText([...text].slice(0, -1).join(''));
		}

		case 'textSubmit': {
			if (inSearch) {
				return submitSearch(state);
			}

			return {...state, overview: {...state.overview, filtering: false}};
		}

		case 'cancel': {
			if (inSearch) {
				// Typing never moves the slide, so there is nothing to undo: revealed steps stay.
				const back = state.slide === state.search.origin ? state : moveTo(state, state.search.origin, 0);
				return {...back, overlay: 'none', search: {...state.search, query: '', hits: [], hitsFor: '', wrapped: false}};
			}

			return {...state, overview: {...state.overview, filtering: false, filter: '', cursor: Math.max(0, overviewList(state, ctx).indexOf(state.slide))}};
		}

		default: {
			return state;
		}
	}
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
		return action.query === state.search.hitsFor && action.hits === state.search.hits
			? state
			: {...state, search: {...state.search, hits: action.hits, hitsFor: action.query}};
	}

	if (action.type === 'deckReloaded') {
		const slide = clamp(state.slide, 0, ctx.count - 1);
		const step = clamp(state.step, 0, ctx.steps(slide) - 1);
		const bookmarks = state.bookmarks.filter(mark => mark < ctx.count);
		return {...state, slide, step, bookmarks, overview: {...state.overview, cursor: clamp(state.overview.cursor, 0, ctx.count - 1)}};
	}

	if (state.overlay === 'search' || (state.overlay === 'overview' && state.overview.filtering)) {
		return reduceText(state, action, ctx);
	}

	if (state.overlay === 'overview') {
		return reduceOverview(state, action, ctx);
	}

	if (state.overlay === 'help') {
		return action.type === 'cancel' || action.type === 'helpOpen' ? {...state, overlay: 'none'} : state;
	}

	return reduceSlide(state, action, ctx);
}

function reduceOverview(state: NavState, action: Action, ctx: NavContext): NavState {
	const list = overviewList(state, ctx);
	switch (action.type) {
		case 'overviewMove': {
			const cursor = clamp(state.overview.cursor + (Number.isFinite(action.by) ? action.by : action.by > 0 ? list.length : -list.length), 0, Math.max(0, list.length - 1));
			return cursor === state.overview.cursor ? state : {...state, overview: {...state.overview, cursor}};
		}

		case 'overviewOpenSlide': {
			const target = list[state.overview.cursor];
			const closed: NavState = {...state, overlay: 'none', overview: {...state.overview, filter: '', filtering: false}};
			return target === undefined ? closed : moveTo(closed, target, 0);
		}

		case 'overviewFilterOpen': {
			return {...state, overview: {...state.overview, filtering: true}};
		}

		case 'cancel': {
			return {...state, overlay: 'none', overview: {...state.overview, filter: '', filtering: false}};
		}

		default: {
			return state;
		}
	}
}

function reduceSlide(state: NavState, action: Action, ctx: NavContext): NavState {
	switch (action.type) {
		case 'next': {
			const target = typedSlide(state, ctx);
			return target === undefined ? next(state, ctx) : moveTo(state, target, 0);
		}

		case 'prev': {
			return prev(state, ctx);
		}

		case 'first': {
			return moveTo(state, typedSlide(state, ctx) ?? 0, 0);
		}

		case 'last': {
			return moveTo(state, typedSlide(state, ctx) ?? ctx.count - 1, 0);
		}

		case 'goto': {
			return moveTo(state, clamp(action.slide, 0, ctx.count - 1), 0);
		}

		case 'digit': {
			// A count longer than the deck could need is noise: keep the last digits.
			const count = (state.count + action.digit).replace(/^0+/, '').slice(-String(ctx.count).length - 1);
			return count === state.count ? state : {...state, count};
		}

		case 'cancel': {
			return state.count === '' ? state : {...state, count: ''};
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
			const has = state.bookmarks.includes(state.slide);
			const bookmarks = has ? state.bookmarks.filter(mark => mark !== state.slide) : [...state.bookmarks, state.slide].sort((a, b) => a - b);
			return {...state, bookmarks};
		}

		case 'helpOpen': {
			return {...state, overlay: 'help', count: ''};
		}

		case 'searchOpen': {
			return {...state, overlay: 'search', count: '', search: {query: '', origin: state.slide, hits: [], hitsFor: '', wrapped: false}};
		}

		case 'searchNext': {
			return searchStep(state, 1);
		}

		case 'searchPrev': {
			return searchStep(state, -1);
		}

		case 'overviewOpen': {
			const cursor = Math.max(0, overviewList(state, ctx).indexOf(state.slide));
			return {...state, overlay: 'overview', count: '', overview: {cursor, filter: '', filtering: false}};
		}

		default: {
			return state;
		}
	}
}
