// Long lines are measured once and cut by cell offsets: no helper hands a long string to
// Intl.Segmenter, whose cost grows with the square of the string's length (the cause of a
// 1 MB one-word deck freezing the presenter).
import stringWidth from 'string-width';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {measure} from '../../src/layout/cells.js';
import {cellWidth, wrap} from '../../src/layout/text.js';
import {makeHighlighter} from '../../src/layout/highlight.js';
import {
	clipLine,
	line,
	lineText,
	padLine,
	run,
	sliceLine,
	textLine,
	truncateLine,
	wrapHangingLine,
	wrapRuns,
} from '../../src/layout/lines.js';
import {createTheme} from '../../src/layout/theme.js';
import {writeAnsi} from '../../src/layout/write.js';
import {defined} from '../support/defined.js';
import {stripSgr} from '../support/sgr.js';

const long = {
	word: 'x'.repeat(20_000),
	shortWords: 'a '.repeat(10_000),
	cjk: '日本'.repeat(10_000),
	mixed: 'é日a\u0301 🎓 👩‍👩‍👧 '.repeat(1000),
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
		const highlight = defined(makeHighlighter('a'));
		for (const text of Object.values(long)) {
			wrapRuns([run(text)], 80);
			clipLine(textLine(text), 80, run('›'));
			sliceLine(textLine(text), 2);
			cellWidth(text);
			wrap(text, 80);
			wrapHangingLine(textLine(`  - ${text}`), 80);
			truncateLine(textLine(text), 80, run('…'));
			padLine(textLine(text), 80);
			highlight(textLine(text));
		}

		expect(Math.max(0, ...lengths)).toBeLessThan(100);
	});

	it('wrap to rows of at most the width, losing no character', () => {
		for (const [name, text] of Object.entries(long)) {
			const rows = wrap(text, 80);
			for (const row of rows) expect(cellWidth(row), name).toBeLessThanOrEqual(80);
			const strip = (s: string) => s.replaceAll(' ', '');
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

describe('sliceLine', () => {
	it('leaves out a wide character cut by either edge', () => {
		const wide = textLine('a日本b');
		expect(lineText(sliceLine(wide, 0, 2))).toBe('a');
		expect(lineText(sliceLine(wide, 2, 6))).toBe('本b');
	});
});

describe('makeHighlighter', () => {
	it('marks every match and keeps the styles around it', () => {
		const theme = createTheme({level: 3, ascii: false});
		const highlight = defined(makeHighlighter('ab'));
		const marked = highlight(line([run('xx ab ', ['strong']), run('ab', ['strong', 'code']), run(' yy', ['strong'])]));
		expect(lineText(marked)).toBe('xx ab ab yy');
		const out = writeAnsi(marked, theme);
		expect(stripSgr(out)).toBe('xx ab ab yy');
		expect(out.startsWith('\u001B[1mxx ')).toBe(true);
		expect(out.endsWith(' yy\u001B[22m')).toBe(true);
		expect(out.match(/ab/g)).toHaveLength(2);
	});
});
