import type {Key} from 'ink';
import {describe, expect, it} from 'vitest';
import {keyNames} from '../../src/ui/key-name.js';

const none: Key = {
	upArrow: false,
	downArrow: false,
	leftArrow: false,
	rightArrow: false,
	pageDown: false,
	pageUp: false,
	home: false,
	end: false,
	return: false,
	escape: false,
	ctrl: false,
	shift: false,
	tab: false,
	backspace: false,
	delete: false,
	meta: false,
	super: false,
	hyper: false,
	capsLock: false,
	numLock: false,
};

describe('keyNames', () => {
	it("names a key alone from Ink's key record", () => {
		expect(keyNames('', {...none, return: true})).toEqual(['enter']);
		expect(keyNames('', {...none, delete: true})).toEqual(['backspace']);
		expect(keyNames('c', {...none, ctrl: true})).toEqual(['ctrl+c']);
		expect(keyNames(' ', none)).toEqual(['space']);
		expect(keyNames('x', {...none, ctrl: true})).toEqual([]);
	});

	it('takes a burst as the keys it holds, control characters named as when they come alone', () => {
		expect(keyNames('ab\r \u007F\t\n\b\u0003\u0001z', none)).toEqual([
			'a',
			'b',
			'enter',
			'space',
			'backspace',
			'tab',
			'enter',
			'backspace',
			'ctrl+c',
			'z',
		]);
	});
});
