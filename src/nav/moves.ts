// Moving between positions, shared by the slide keys, the search bar and the overview. A move
// that changes nothing returns the same object, so React bails out and nothing is redrawn.
import type {Action, NavContext, NavState, Position} from './reducer.js';

export function clamp(value: number, low: number, high: number): number {
	return Math.min(Math.max(value, low), high);
}

/** Move to a slide at a step; same position → same object. */
export function moveTo(state: NavState, slide: number, step: number): NavState {
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

/**
 * A jump (a search, a number, g or G, the overview): a move that `''` can take back, to
 * `from` (where the jump started; the search bar's start, for a search).
 */
export function jumpTo(state: NavState, slide: number, step: number, from: Position = {slide: state.slide, step: state.step}): NavState {
	const moved = moveTo(state, slide, step);
	return slide === from.slide && step === from.step ? moved : {...moved, jumpedFrom: from};
}

/**
 * Study view shows a slide whole, so it has no steps to walk through. The one place that says
 * so: the reducer walks these steps and the status bar (layout/screen.ts) counts them.
 */
export function stepsOf(state: Pick<NavState, 'view'>, ctx: Pick<NavContext, 'steps'>, slide: number): number {
	return state.view === 'study' ? 1 : ctx.steps(slide);
}

/** Typing in the search bar or the overview filter: the new text, or undefined for other actions. */
export function editedText(text: string, action: Action): string | undefined {
	if (action.type === 'textInput') {
		return text + action.text;
	}

	if (action.type === 'textBackspace') {
		return [...text].slice(0, -1).join('');
	}

	return undefined;
}
