// The keys the presenter answers before Ink reads the keyboard, besides quitting: the search bar
// (`/`, what is typed into it, Backspace, Esc) is drawn at once from this reducer's state while
// Ink loads (it took 0.2-0.9 s after the first frame to appear), and the App starts from that
// state. A read is answered whole or not at all, so what is answered here and what Ink reads
// later never split a read: the first read that does not qualify ends it, and it and every later
// key go to Ink as they came.
import type {KeyName} from './keys.js';
import {keyToAction} from './keys.js';
import {type NavContext, type NavState, reduce} from './reducer.js';

/** The key a terminal sends as this byte, when it is one the search bar takes early. */
function keyOf(byte: number): KeyName | undefined {
	if (byte === 0x7f || byte === 0x08) return 'backspace';
	if (byte === 0x20) return 'space';
	return byte > 0x20 && byte < 0x7f ? String.fromCharCode(byte) : undefined;
}

const earlyActions = new Set(['searchOpen', 'textInput', 'textBackspace', 'cancel']);

function earlyKey(key: KeyName, state: NavState, ctx: NavContext): NavState | undefined {
	// Esc outside the search bar (clearing a finished search's marks) and the letters of the
	// slide's own keys are left to Ink.
	if (state.overlay !== 'search' && key !== '/') return undefined;
	const action = keyToAction(key, state);
	return action && earlyActions.has(action.type) ? reduce(state, action, ctx) : undefined;
}

/**
 * The state after the keys in one read, when each opens the search bar, types into it or closes
 * it; undefined when any does not (the whole read is left to Ink). A busy start reads keys typed
 * meanwhile together: each byte of printable ASCII, Backspace and Delete is a key; Esc only
 * alone (with more bytes it starts a sequence).
 */
export function earlySearchKey(bytes: Uint8Array, state: NavState, ctx: NavContext): NavState | undefined {
	if (bytes.length === 1 && bytes[0] === 0x1b) return earlyKey('escape', state, ctx);
	let next: NavState | undefined = state;
	for (let i = 0; i < bytes.length && next; i++) {
		const key = keyOf(bytes[i] ?? 0);
		next = key === undefined ? undefined : earlyKey(key, next, ctx);
	}

	return bytes.length > 0 ? next : undefined;
}

/**
 * Follows the keys read before Ink reads the keyboard (those the search bar did not take), from
 * the state `from` gives when the first comes, as the App will take them once it reads the same
 * keys: whether each key quits. A `q` that the App takes as a letter (the search bar, the
 * overview's filter, a quiz's answer) or to close the overview is no quit.
 */
export function keysAhead(from: () => NavState, ctx: () => NavContext): (key: KeyName) => boolean {
	let ahead: NavState | undefined;
	return key => {
		const state = ahead ?? from();
		const action = keyToAction(key, state);
		ahead = action ? reduce(state, action, ctx()) : state;
		return ahead.quit;
	};
}
