// The overview (`o`): every slide's number and title, a cursor, and a title filter (`/`).
// While filtering, letters type into the filter and ↑ ↓ still move the cursor; Enter opens
// the highlighted slide at once, filtering or not.
import {clamp, editedText, jumpTo} from './moves.js';
import type {Action, NavContext, NavState} from './reducer.js';
import {allSlides, type SlideList} from './slide-list.js';

/** Slides listed (after the filter, which is applied outside), in order. */
export function overviewList(ctx: NavContext): SlideList {
	return ctx.overviewSlides ?? allSlides(ctx.count);
}

export function openOverview(state: NavState, ctx: NavContext): NavState {
	const cursor = Math.max(0, overviewList(ctx).indexOf(state.slide));
	return {...state, overlay: 'overview', count: '', overview: {cursor, filter: '', filtering: false}};
}

export function reduceOverview(state: NavState, action: Action, ctx: NavContext): NavState {
	const list = overviewList(ctx);
	if (state.overview.filtering) {
		const filter = editedText(state.overview.filter, action);
		if (filter !== undefined) {
			// The list changes with the filter (outside): its first entry is highlighted.
			return filter === state.overview.filter ? state : {...state, overview: {...state.overview, filter, cursor: 0}};
		}
	}

	switch (action.type) {
		case 'overviewMove': {
			const by = Number.isFinite(action.by) ? action.by : action.by > 0 ? list.length : -list.length;
			const cursor = clamp(state.overview.cursor + by, 0, Math.max(0, list.length - 1));
			return cursor === state.overview.cursor ? state : {...state, overview: {...state.overview, cursor}};
		}

		case 'overviewOpenSlide':
		case 'textSubmit': {
			const target = list.at(state.overview.cursor);
			const closed: NavState = {...state, overlay: 'none', overview: {...state.overview, filter: '', filtering: false}};
			return target === undefined ? closed : jumpTo(closed, target, 0);
		}

		case 'overviewFilterOpen': {
			return {...state, overview: {...state.overview, filtering: true}};
		}

		case 'cancel': {
			if (state.overview.filtering) {
				// Esc leaves the filter first (the whole list again, the cursor on this slide), then the overview.
				return {...state, overview: {filtering: false, filter: '', cursor: state.slide}};
			}

			return {...state, overlay: 'none', overview: {...state.overview, filter: '', filtering: false}};
		}

		default: {
			return state;
		}
	}
}
