// Long lines are measured once and cut by cell offsets: no helper hands a long string to
// Intl.Segmenter, whose cost grows with the square of the string's length (the cause of a
// 1 MB one-word deck freezing the presenter).
import stringWidth from 'string-width';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {measure, sliceMeasured} from '../../src/layout/cells.js';
import {cellWidth, clip, padTo, sliceCells, truncate, wrap, wrapHanging} from '../../src/layout/text.js';
import {makeHighlighter} from '../../src/layout/highlight.js';
import {createTheme} from '../../src/layout/theme.js';

const long = {
	word: 'x'.repeat(20_000),
	shortWords: 'a '.repeat(10_000),
	cjk: '日本'.repeat(10_000),
	mixed: 'é日a\u0301 🎓 👩‍👩‍👧 '.repeat(1000),
	styled: '\u001B[1mbold\u001B[22m \u001B[36m日本 cyan\u001B[39m '.repeat(1000),
};

afterEach(() => {
	vi.restoreAllMocks();
});

describe('long lines', () => {
	it('never reach Intl.Segmenter whole', () => {
		const lengths: number[] = [];
		const segment = Intl.Segmenter.prototype.segment;
		vi.spyOn(Intl.Segmenter.prototype, 'segment').mockImplementation(function (this: Intl.Segmenter, text: string) {
			lengths.push(text.length);
			return segment.call(this, text);
		});
		const highlight = makeHighlighter('a', createTheme({level: 3, ascii: false}))!;
		for (const text of Object.values(long)) {
			cellWidth(text);
			wrap(text, 80);
			wrapHanging(`  - ${text}`, 80);
			clip(text, 80, '›');
			truncate(text, 80, '…');
			padTo(text, 80);
			sliceCells(text, 2);
			highlight(text);
		}

		expect(Math.max(0, ...lengths)).toBeLessThan(100);
	});

	it('wrap to rows of at most the width, losing no character', () => {
		for (const [name, text] of Object.entries(long)) {
			const rows = wrap(text, 80);
			for (const row of rows) expect(cellWidth(row), name).toBeLessThanOrEqual(80);
			const strip = (s: string) => s.replace(/\u001B\[[\d;]*m/g, '').replaceAll(' ', '');
			expect(strip(rows.join('')), name).toBe(strip(text));
		}

		expect(wrap(long.word, 80)).toHaveLength(250);
		expect(wrap(long.cjk, 80)).toHaveLength(500);
	});

	it('measure agrees with string-width on mixed text', () => {
		for (const text of ['日本語', 'e\u0301x', '👩‍👩‍👧 🇫🇷 🏴󠁧󠁢󠁥󠁮󠁧󠁿', 'क्षि', '\u1100\u1161\u11A8', 'a\u200Bb', long.mixed.slice(0, 500)]) {
			expect(measure(text).width, JSON.stringify(text)).toBe(stringWidth(text));
		}
	});
});

describe('sliceMeasured', () => {
	it('reopens the styles in force where it starts and closes them where it ends', () => {
		const line = measure('\u001B[1mab\u001B[36mcd\u001B[39mef\u001B[22m');
		expect(sliceMeasured(line, 3, 5)).toBe('\u001B[1m\u001B[36md\u001B[39me\u001B[22m');
		expect(sliceMeasured(line, 0, 2)).toBe('\u001B[1mab\u001B[22m');
		expect(sliceMeasured(line, 4)).toBe('\u001B[1m\u001B[36m\u001B[39mef\u001B[22m');
	});

	it('leaves out a wide character cut by either edge', () => {
		const line = measure('a日本b');
		expect(sliceMeasured(line, 0, 2)).toBe('a');
		expect(sliceMeasured(line, 2, 6)).toBe('本b');
	});
});

describe('makeHighlighter', () => {
	it('marks every match and keeps the styles around it', () => {
		const theme = createTheme({level: 3, ascii: false});
		const highlight = makeHighlighter('ab', theme)!;
		const out = highlight('\u001B[1mxx ab \u001B[36mab\u001B[39m yy\u001B[22m');
		expect(out.replace(/\u001B\[[\d;]*m/g, '')).toBe('xx ab ab yy');
		expect(out.startsWith('\u001B[1mxx ')).toBe(true);
		expect(out.endsWith(' yy\u001B[22m')).toBe(true);
		expect(out.match(/ab/g)).toHaveLength(2);
	});
});
