// Ink's key record → the key names of nav/keys.ts.
import type {Key} from 'ink';
import type {KeyName} from '../nav/keys.js';

export function keyName(input: string, key: Key): KeyName | undefined {
	if (key.ctrl && input === 'c') {
		return 'ctrl+c';
	}

	if (key.upArrow) return 'up';
	if (key.downArrow) return 'down';
	if (key.leftArrow) return 'left';
	if (key.rightArrow) return 'right';
	if (key.pageUp) return 'pageup';
	if (key.pageDown) return 'pagedown';
	if (key.home) return 'home';
	if (key.end) return 'end';
	if (key.return) return 'enter';
	if (key.escape) return 'escape';
	if (key.tab) return 'tab';
	// Terminals send DEL (0x7f) for Backspace; Ink reports that as `delete`.
	if (key.backspace || key.delete) return 'backspace';
	if (key.ctrl || key.meta) return undefined;
	if (input === ' ') return 'space';
	return input.length > 0 ? input : undefined;
}

/**
 * The control characters that stand for keys inside a burst, as the key record Ink gives for
 * each when it comes alone; keyName names them, as it names every key.
 */
const burstControls: Readonly<Record<string, Readonly<{input: string; key: Partial<Key>}>>> = {
	'\r': {input: '', key: {return: true}},
	'\n': {input: '', key: {return: true}},
	'\t': {input: '', key: {tab: true}},
	'\u007F': {input: '', key: {delete: true}},
	'\b': {input: '', key: {backspace: true}},
	'\u0003': {input: 'c', key: {ctrl: true}},
};

/**
 * Ink hands plain characters that arrive together (typed while the app starts, a paste, keys
 * batched by a slow link) to the handler as one string: take them as the keys they are.
 */
export function keyNames(input: string, key: Key): KeyName[] {
	const chars = [...input];
	if (chars.length > 1 && !key.ctrl && !key.meta && !input.includes('\u001B')) {
		return chars.flatMap(char => {
			const control = burstControls[char];
			if (control) {
				return named(control.input, {...key, ...control.key});
			}

			// Other control characters are no key of ours.
			return char < ' ' ? [] : named(char, key);
		});
	}

	return named(input, key);
}

function named(input: string, key: Key): KeyName[] {
	const name = keyName(input, key);
	return name === undefined ? [] : [name];
}
