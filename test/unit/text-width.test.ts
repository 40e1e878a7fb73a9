// The fast path of cellWidth must agree with string-width on every character it takes.
import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {cellWidth, narrowText} from '../../src/layout/text.js';

const ranges: ReadonlyArray<[number, number]> = [
	[0x20, 0x7e],
	[0xa0, 0xac],
	[0xae, 0x2ff],
	[0x2010, 0x2027],
	[0x2030, 0x205e],
	[0x2190, 0x21ff],
	[0x2400, 0x2426],
	[0x2500, 0x25fc],
];

describe('cellWidth', () => {
	it('agrees with string-width on every character of its fast path', () => {
		for (const [from, to] of ranges) {
			for (let code = from; code <= to; code++) {
				const char = String.fromCodePoint(code);
				expect(narrowText.test(char), `U+${code.toString(16)}`).toBe(true);
				expect(cellWidth(char), `U+${code.toString(16)}`).toBe(stringWidth(char));
			}
		}
	});

	it('leaves everything else to string-width', () => {
		for (const text of ['日本語', '🎓', '\u00AD', '\u200B', '◽', '⌚', 'x\u0301', '👩‍👩‍👧']) {
			expect(narrowText.test(text), JSON.stringify(text)).toBe(false);
			expect(cellWidth(text)).toBe(stringWidth(text));
		}
	});
});
