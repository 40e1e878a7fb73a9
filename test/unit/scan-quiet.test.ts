// The slide scan reads the lines that cannot cut a slide in one loop (BlockTracker.skipQuiet);
// this test scans the same random decks with that loop and with every line read by next(), in
// every dialect, and asks for the same slides, headings and warnings.
import {afterEach, expect, it} from 'vitest';
import {BlockTracker} from '../../src/deck/blocks.js';
import {dialectNames} from '../../src/deck/dialects/dialect.js';
import {dialects} from '../../src/deck/dialects/rules.js';
import {scanSlides} from '../../src/deck/scan.js';
import {defined} from '../support/defined.js';

const pool = [
	'',
	'',
	'',
	'text',
	'more text',
	'é and more',
	'|a|b|',
	'- a',
	'- b text',
	'* c',
	'+ d',
	'1. one',
	'2. two',
	'10) ten',
	'-',
	'- - -',
	'> q',
	'>',
	'  - nested',
	'   text',
	'    code',
	'\t- tab',
	'```',
	'```js',
	'````',
	'``` `x`',
	'~~~',
	'  ```',
	'   ~~~',
	'    ```',
	'\t```',
	'```  \t',
	'<!-- c',
	'<!-- one -->',
	'-->',
	'a --> b',
	'<!-- end_slide -->',
	'<div>',
	'# h',
	'## h2',
	'#',
	'---',
	'--',
	'***',
	'* * *',
	'===',
	'   ---',
	'[x]: /u',
	' \t ',
	'   ',
	'\f',
	'. . .',
	'Note: a note',
	'<!-- stop -->',
	'%title: x',
];

const original = BlockTracker.prototype.skipQuiet;
afterEach(() => {
	BlockTracker.prototype.skipQuiet = original;
});

/** The deck scanned in every dialect (and at pandoc's slide level 2), with or without the quiet loop. */
function scans(text: string, quiet: boolean): string {
	BlockTracker.prototype.skipQuiet = quiet
		? original
		: function (this: BlockTracker, _source: string, pos: number) {
				this.lineEnd = -1;
				return pos;
			};
	const out = dialectNames.flatMap(name => [scanSlides(text, dialects[name]), scanSlides(text, dialects[name], 2)]);
	BlockTracker.prototype.skipQuiet = original;
	return JSON.stringify(out);
}

it('a scan that skips the quiet lines cuts the same slides as one that reads each line (random decks, every dialect)', () => {
	let seed = 17;
	const rand = (n: number) => {
		seed = (seed * 1103515245 + 12345) % 2147483648;
		return seed % n;
	};
	for (let deck = 0; deck < 1500; deck++) {
		const lines: string[] = [];
		const count = 1 + rand(30);
		for (let i = 0; i < count; i++) {
			lines.push(defined(pool[rand(pool.length)]));
		}

		const text = lines.join('\n') + (rand(2) === 0 ? '\n' : '');
		const quiet = scans(text, true);
		if (quiet !== scans(text, false)) {
			expect({lines, quiet}).toEqual({lines, quiet: scans(text, false)});
		}
	}
});

it('the same across the scan steps of a long deck (the quiet loop stops at the step limit)', () => {
	let seed = 5;
	const rand = (n: number) => {
		seed = (seed * 1103515245 + 12345) % 2147483648;
		return seed % n;
	};
	const lines = Array.from({length: 9000}, () => defined(pool[rand(pool.length)]));
	const text = lines.join('\n');
	expect(scans(text, true)).toBe(scans(text, false));
	const slides = Array.from(
		{length: 300},
		(_, i) => `# S${i}\n\ntext\n\n- a\n- b\n\n\`\`\`\n${'code\n'.repeat(i % 40)}\`\`\`\n\n---\n`,
	).join('\n');
	expect(scans(slides, true)).toBe(scans(slides, false));
});
