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
