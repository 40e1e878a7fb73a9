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

/** Characters that stand for named keys when they come inside a burst. */
const burstKeys: Readonly<Record<string, KeyName>> = {'\r': 'enter', '\n': 'enter', '\t': 'tab', ' ': 'space', '\u007F': 'backspace', '\b': 'backspace', '\u0003': 'ctrl+c'};

/**
 * Ink hands plain characters that arrive together (typed while the app starts, a paste, keys
 * batched by a slow link) to the handler as one string: take them as the keys they are.
 */
export function keyNames(input: string, key: Key): KeyName[] {
	const chars = [...input];
	if (chars.length > 1 && !key.ctrl && !key.meta && !input.includes('\u001B')) {
		return chars.flatMap(char => burstKeys[char] ?? (char < ' ' ? [] : [char]));
	}

	const name = keyName(input, key);
	return name === undefined ? [] : [name];
}
