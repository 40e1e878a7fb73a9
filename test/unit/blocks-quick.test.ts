// The block tracker answers common list and quote lines on a quick path; this test drives it
// and a tracker with that path switched off through the same random decks.
import {it, expect} from 'vitest';
import {BlockTracker} from '../../src/deck/blocks.js';
import {defined} from '../support/defined.js';
const pool = [
	'- a',
	'- b text',
	'* c',
	'+ d',
	'1. one',
	'2. two',
	'10) ten',
	'1.  two spaces',
	'-',
	'- - -',
	'> q',
	'> q2',
	'>',
	'> - x',
	'  - nested',
	'   text',
	'    code',
	'text',
	'',
	'```',
	'~~~',
	'<!-- c',
	'-->',
	'# h',
	'---',
	'===',
	'[x]: /u',
	'- [x]: /u',
	'> [y]: /z',
	'  more',
	'\t- tab',
	'- `code`',
	'> # h',
	'<div>',
	'1. 1',
	'3. x',
	'- ```',
	'  ```',
	'> ```',
];
it('the quick container paths read every line as the general path does (random decks of list, quote, fence and HTML lines)', () => {
	let seed = 7;
	const rand = (n: number) => {
		seed = (seed * 1103515245 + 12345) % 2147483648;
		return seed % n;
	};
	for (let deck = 0; deck < 5000; deck++) {
		const fast = new BlockTracker();
		const ref = new BlockTracker();
		(ref as unknown as {quickContainer: () => undefined}).quickContainer = () => undefined;
		const lines: string[] = [];
		for (let i = 0; i < 12; i++) {
			const line = defined(pool[rand(pool.length)]);
			lines.push(line);
			const a = {...fast.next(line)};
			const b = {...ref.next(line)};
			if (JSON.stringify(a) !== JSON.stringify(b)) {
				expect({lines, a}).toEqual({lines, a: b});
			}
		}
		expect(fast.openBlock()).toEqual(ref.openBlock());
	}
});
