// The lecture hall's part of the navigation: blanking the audience screens, pausing the
// clock, and a follower's position (attached to the talk, or detached and browsing). Pure;
// `reduce` hands these actions here first.
import type {Action, NavContext, NavState} from './reducer.js';

/** Where the talk is, as a follower last heard it, and whether the follower goes with it. */
export type FollowState = Readonly<{attached: boolean; slide: number; step: number; blank: boolean}>;

export type HallAction =
	| Readonly<{type: 'blank' | 'togglePause' | 'detach' | 'rejoin'}>
	| Readonly<{type: 'remote'; slide: number; step: number; blank: boolean}>;

const hallTypes = new Set(['blank', 'togglePause', 'detach', 'rejoin', 'remote']);

function isHallAction(action: Action): action is HallAction {
	return hallTypes.has(action.type);
}

/** A follower's starting state: attached, at the talk's position. */
export function followState(position: Readonly<{slide: number; step: number; blank: boolean}>): FollowState {
	return {attached: true, ...position};
}

function clampPosition(slide: number, step: number, ctx: NavContext): {slide: number; step: number} {
	const at = Math.min(Math.max(0, slide), ctx.count - 1);
	return {slide: at, step: Math.min(Math.max(0, step), ctx.steps(at) - 1)};
}

/** Go where the talk is: its slide, step and blank screen, no overlay (the help stays open while it is read). */
function withTalk(state: NavState, follow: FollowState): NavState {
	const sameSlide = state.slide === follow.slide;
	const overlay = state.overlay === 'help' ? 'help' : 'none';
	if (
		sameSlide &&
		state.step === follow.step &&
		Boolean(state.blank) === follow.blank &&
		state.overlay === overlay &&
		state.follow === follow
	) {
		return state;
	}

	return {
		...state,
		follow,
		slide: follow.slide,
		step: follow.step,
		blank: follow.blank,
		overlay,
		count: '',
		notesScroll: sameSlide ? state.notesScroll : 0,
		bodyScroll: 0,
	};
}

/**
 * The new state for a hall action or a key while the screen is blank; undefined when the
 * ordinary reducer should handle the action.
 */
export function reduceHall(state: NavState, action: Action, ctx: NavContext): NavState | undefined {
	const {follow} = state;
	if (isHallAction(action)) {
		switch (action.type) {
			case 'remote': {
				if (!follow) {
					return state;
				}

				const next = {...follow, ...clampPosition(action.slide, action.step, ctx), blank: action.blank};
				if (next.slide === follow.slide && next.step === follow.step && next.blank === follow.blank) {
					return state;
				}

				return follow.attached ? withTalk(state, next) : {...state, follow: next};
			}

			case 'detach': {
				return follow?.attached ? {...state, follow: {...follow, attached: false}, blank: false} : state;
			}

			case 'rejoin': {
				return follow && !follow.attached ? withTalk(state, {...follow, attached: true}) : state;
			}

			case 'blank': {
				return follow ? state : {...state, blank: !state.blank, count: ''};
			}

			case 'togglePause': {
				return follow ? state : {...state, clockPaused: !state.clockPaused};
			}
		}
	}

	// A blank screen (the leader's) stays until the next key, which does nothing else but
	// quit when it is q: "back in a moment" is over when the speaker is.
	if (state.blank && !follow && action.type !== 'searchHits' && action.type !== 'deckReloaded') {
		return action.type === 'quit' ? {...state, quit: true, blank: false} : {...state, blank: false};
	}

	return undefined;
}
