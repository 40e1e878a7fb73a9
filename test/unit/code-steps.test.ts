import {describe, expect, it} from 'vitest';
import {codeAtStep, litRanges} from '../../src/layout/code-steps.js';
import {lineText, textLine} from '../../src/layout/lines.js';

const lines = ['a', 'b', 'c'].map(text => textLine(text, ['code']));
const dimmed = (out: ReturnType<typeof codeAtStep>) =>
	out.map(line => line.runs.some(part => part.roles?.includes('dim') && part.text.trim() !== '' && !/^\d/.test(part.text)));

describe('code line highlights and numbers', () => {
	const code = {highlights: [[{from: 1, to: 1}], [{from: 2, to: 3}], []], highlightFrom: 2};

	it('each reveal step from highlightFrom lights the next group; before it the first, after it the last', () => {
		expect(litRanges(code, 0)).toEqual([{from: 1, to: 1}]);
		expect(litRanges(code, 2)).toEqual([{from: 1, to: 1}]);
		expect(litRanges(code, 3)).toEqual([{from: 2, to: 3}]);
		expect(litRanges(code, 4)).toBeUndefined();
		expect(litRanges(code, 9)).toBeUndefined();
		expect(litRanges({}, 0)).toBeUndefined();
	});

	it('lines not lit are dim; the gutter numbers every line', () => {
		expect(dimmed(codeAtStep(lines, code, 2))).toEqual([false, true, true]);
		expect(dimmed(codeAtStep(lines, code, 3))).toEqual([true, false, false]);
		expect(dimmed(codeAtStep(lines, code, 4))).toEqual([false, false, false]);
		const numbered = codeAtStep(lines, {lineNumbers: true}, 0);
		expect(numbered.map(lineText)).toEqual(['1 a', '2 b', '3 c']);
		expect(numbered[0]?.width).toBe(3);
	});

	it("reveal.js's offset starts the gutter at its number; the highlights keep counting the block's lines", () => {
		const offset = codeAtStep(lines, {lineNumbers: true, lineStart: 9, highlights: [[{from: 2, to: 2}]]}, 0);
		expect(offset.map(lineText)).toEqual([' 9 a', '10 b', '11 c']);
		expect(dimmed(offset)).toEqual([true, false, true]);
	});
});
