// The search bar (`/`), incremental like less and vim's incsearch: while you type, the slide
// shown is the first match at or after the slide the search started on (wrapping to the
// first); Esc goes back to where it started, Enter stays. `n` / `N` then step through the
// matches. The matching slides are computed outside (the index is not pure data) and handed
// in with a `searchHits` action.
import {editedText, jumpTo, moveTo} from './moves.js';
import type {Action, NavState, Position} from './reducer.js';

/**
 * Where a shared talk's audience is: while the lecturer types a search, still where it began
 * (the matches shown as they type are for the lecturer); Enter takes the audience along.
 */
export function audiencePosition(state: NavState): Position {
	return state.overlay === 'search' ? {slide: state.search.origin, step: state.search.originStep} : {slide: state.slide, step: state.step};
}

export function openSearch(state: NavState): NavState {
	return {
		...state,
		overlay: 'search',
		count: '',
		search: {query: '', origin: state.slide, originStep: state.step, hits: [], hitsFor: '', wrapped: false},
	};
}

/** New hits for `query`; while the bar is open and they are for what it says, show the first. */
export function receiveHits(state: NavState, query: string, hits: readonly number[]): NavState {
	if (query === state.search.hitsFor && hits === state.search.hits) {
		return state;
	}

	const {submitted, ...search} = state.search;
	const stored: NavState = {...state, search: {...search, hits, hitsFor: query}};
	if (state.overlay === 'search') {
		return query === state.search.query ? preview(stored) : stored;
	}

	// Enter before the hits: the first match, as Enter would have shown, unless the presenter moved since.
	if (submitted && query === state.search.query && submitted.slide === state.slide && submitted.step === state.step) {
		const shown = preview(stored);
		const {origin, originStep} = state.search;
		return shown.slide === origin && shown.step === originStep ? shown : {...shown, jumpedFrom: {slide: origin, step: originStep}};
	}

	return stored;
}

/** The first match at or after the start, else the first (wrapped); none: the start itself. */
function preview(state: NavState): NavState {
	const {hits, origin, originStep} = state.search;
	const ahead = hits.find(hit => hit >= origin);
	const target = ahead ?? hits[0];
	const moved = target === undefined || target === origin ? moveTo(state, origin, originStep) : moveTo(state, target, 0);
	const wrapped = target !== undefined && ahead === undefined;
	return moved.search.wrapped === wrapped ? moved : {...moved, search: {...moved.search, wrapped}};
}

/** Keys while the search bar is open. */
export function reduceSearchBar(state: NavState, action: Action): NavState {
	const query = editedText(state.search.query, action);
	if (query !== undefined) {
		return query === state.search.query ? state : {...state, search: {...state.search, query}};
	}

	const {origin, originStep} = state.search;
	switch (action.type) {
		case 'textSubmit': {
			// Stay on the match shown; `''` goes back to where the search started.
			const waiting = state.search.query.trim() !== '' && state.search.hitsFor !== state.search.query;
			const closed: NavState = {
				...state,
				overlay: 'none',
				...(waiting ? {search: {...state.search, submitted: {slide: state.slide, step: state.step}}} : {}),
			};
			return jumpTo(closed, state.slide, state.step, {slide: origin, step: originStep});
		}

		case 'cancel': {
			const back = moveTo(state, origin, originStep);
			return {...back, overlay: 'none', search: {...state.search, query: '', hits: [], hitsFor: '', wrapped: false}};
		}

		default: {
			return state;
		}
	}
}

/** `n` / `N`: the next or previous matching slide, wrapping around (and saying so). */
export function searchStep(state: NavState, direction: 1 | -1): NavState {
	const {hits} = state.search;
	const ahead = direction === 1 ? hits.find(hit => hit > state.slide) : hits.findLast(hit => hit < state.slide);
	const target = ahead ?? (direction === 1 ? hits[0] : hits.at(-1));
	if (target === undefined) {
		return state; // no hits
	}

	const moved = jumpTo(state, target, 0);
	return {...moved, search: {...state.search, wrapped: ahead === undefined}};
}
