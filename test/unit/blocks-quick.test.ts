// The block tracker answers common lines on quick paths (list items, quotes, blank lines,
// fences, comments, rules and underlines at the top level); this test drives it and a tracker
// with those paths switched off through the same random decks.
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
	'   ',
	'      ',
	' \t ',
	'\t',
	'```js',
	'````',
	'``` `x`',
	'~~~~ info',
	'```  \t',
	'   ```',
	'<!-- one -->',
	'<!-->',
	'<!---->',
	'***',
	'_ _ _',
	'-- -',
	'=== x',
	'==',
	'--',
	'<div>x</div>',
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
		(ref as unknown as {topLevelQuick: () => undefined}).topLevelQuick = () => undefined;
		const lines: string[] = [];
		const reads: object[] = [];
		for (let i = 0; i < 12; i++) {
			const line = defined(pool[rand(pool.length)]);
			lines.push(line);
			const a = {...fast.next(line)};
			const b = {...ref.next(line)};
			reads.push(b);
			if (JSON.stringify(a) !== JSON.stringify(b)) {
				expect({lines, a}).toEqual({lines, a: b});
			}
		}
		expect(fast.openBlock()).toEqual(ref.openBlock());

		// The scanner hands the tracker offsets into the whole deck (a comment's close is looked for there).
		const text = lines.join('\n');
		const whole = new BlockTracker();
		const starts: number[] = [];
		let start = 0;
		for (const [i, line] of lines.entries()) {
			starts.push(start);
			const a = setextStart({...whole.next(text, start, start + line.length)});
			// A setext heading's text starts at its first line's offset: in the whole deck, not in the line alone.
			const read = reads[i] as {kind: string; paragraphLine: number};
			const b = setextStart(read.kind === 'setext' ? {...read, paragraphStart: starts[read.paragraphLine]} : read);
			if (JSON.stringify(a) !== JSON.stringify(b)) {
				expect({lines, i, a}).toEqual({lines, i, a: b});
			}

			start += line.length + 1;
		}
	}
});

/** paragraphStart is said for a setext underline only. */
function setextStart<T extends {kind: string}>(read: T): T {
	return read.kind === 'setext' ? read : {...read, paragraphStart: undefined};
}
