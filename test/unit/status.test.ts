import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {formatElapsed, progressBar, statusLine as statusLineRuns, type StatusInput} from '../../src/layout/status.js';
import {createTheme, type Theme} from '../../src/layout/theme.js';
import {writeAnsi} from '../../src/layout/write.js';

/** The status bar as the terminal gets it. */
const statusLine = (input: StatusInput, width: number, theme: Theme) => writeAnsi(statusLineRuns(input, width, theme), theme);

const plain = createTheme({level: 0, ascii: false});
const ascii = createTheme({level: 0, ascii: true});
const colour = createTheme({level: 1, ascii: false});

const base: StatusInput = {
	deckTitle: 'Virtualization',
	section: 'Memory',
	slideTitle: 'Shadow page tables',
	slide: 11,
	count: 57,
	step: 1,
	steps: 3,
	elapsedSeconds: 14 * 60 + 3,
	typed: '',
	badges: ['match 2/7'],
};

describe('formatElapsed', () => {
	it.each([
		[0, '00:00:00'],
		[843, '00:14:03'],
		[3599.9, '00:59:59'],
		[3600, '01:00:00'],
		[50_403, '14:00:03'],
		[-5, '00:00:00'],
		[360_000, '100:00:00'],
	])('%s seconds → %s', (seconds, expected) => {
		expect(formatElapsed(seconds)).toBe(expected);
	});
});

describe('progressBar', () => {
	it('fills in proportion to the position', () => {
		expect(progressBar(0, 11, 10, plain)).toBe('▱▱▱▱▱▱▱▱▱▱');
		expect(progressBar(5, 11, 10, plain)).toBe('▰▰▰▰▰▱▱▱▱▱');
		expect(progressBar(10, 11, 10, plain)).toBe('▰▰▰▰▰▰▰▰▰▰');
		expect(progressBar(0, 1, 4, plain)).toBe('▰▰▰▰');
		expect(progressBar(5, 11, 10, ascii)).toBe('#####.....');
	});
});

describe('statusLine', () => {
	it('at 100 columns: crumbs on the left; badges, k/n, step, bar and clock on the right', () => {
		const line = statusLine(base, 100, plain);
		expect(line).toBe(' Virtualization · Memory › Shadow page tables      match 2/7  12/57 · step 2/3 ▰▰▱▱▱▱▱▱▱▱  00:14:03 ');
		expect(stringWidth(line)).toBe(100);
	});

	it("says a slide title that is the deck title once (a title slide, presenterm's introduction)", () => {
		const line = statusLine(
			{...base, deckTitle: 'Before the trip', section: '', slideTitle: 'Before the trip', badges: [], steps: 1},
			100,
			plain,
		);
		expect(line.trimEnd()).toMatch(/^ Before the trip {2,}12\/57 /);
		expect(statusLine({...base, deckTitle: 'Trip', section: 'Trip', slideTitle: 'Bags', badges: [], steps: 1}, 100, plain)).toMatch(
			/^ Trip · Trip › Bags /,
		);
	});

	it('is exactly width cells at every width, truncated and never wrapped', () => {
		for (let width = 1; width <= 220; width++) {
			for (const theme of [plain, ascii, colour]) {
				const line = statusLine(base, width, theme);
				expect(stringWidth(line)).toBe(width);
				expect(line.includes('\n')).toBe(false);
			}
		}
	});

	it('narrowing: a shorter bar, then no bar, no clock; the deck title goes before the slide title is cut', () => {
		expect(statusLine(base, 80, plain)).toBe(' Memory › Shadow page tables       match 2/7  12/57 · step 2/3 ▰▱▱▱▱▱  00:14:03 ');
		expect(statusLine(base, 60, plain)).toBe(' Memory › Shadow pag… match 2/7  12/57 · step 2/3  00:14:03 ');
		expect(statusLine(base, 50, plain)).toBe(' Memory › Shadow pag… match 2/7  12/57 · step 2/3 ');
		expect(statusLine(base, 40, plain)).toBe(' Memory › … match 2/7  12/57 · step 2/3 ');
	});

	it('leaves out the step for a slide without pauses', () => {
		expect(statusLine({...base, steps: 1, step: 0, badges: []}, 60, plain)).toBe(
			' Memory › Shadow page tables                12/57  00:14:03 ',
		);
	});

	it('shows the position without a length (and an empty bar) while a large deck is still being read', () => {
		expect(statusLine({...base, count: undefined, steps: 1, step: 0, badges: []}, 100, plain)).toBe(
			' Virtualization · Memory › Shadow page tables                             12/… ▱▱▱▱▱▱▱▱▱▱  00:14:03 ',
		);
	});

	it('shows a pending number', () => {
		expect(statusLine({...base, typed: '12', badges: []}, 100, plain)).toBe(
			' Virtualization · Memory › Shadow page tables       go to 12… 12/57 · step 2/3 ▰▰▱▱▱▱▱▱▱▱  00:14:03 ',
		);
	});

	it('shows several badges', () => {
		expect(statusLine({...base, badges: ['★', 'match 3/7 (wrapped)', 'seen 40%']}, 120, plain)).toBe(
			' Virtualization · Memory › Shadow page tables     ★ match 3/7 (wrapped) seen 40%  12/57 · step 2/3 ▰▰▱▱▱▱▱▱▱▱  00:14:03 ',
		);
	});

	it('shows a message instead of the crumbs, in error colours for an error', () => {
		const line = statusLine({...base, message: {text: 'reload failed: x', kind: 'error'}}, 100, colour);
		expect(line).toBe(
			'\u001B[1m\u001B[41m\u001B[37m reload failed: x                                  match 2/7  12/57 · step 2/3 ▰▰▱▱▱▱▱▱▱▱  00:14:03 \u001B[39m\u001B[49m\u001B[22m',
		);
		expect(statusLine({...base, message: {text: 'press ? for help', kind: 'info'}}, 60, plain)).toBe(
			' press ? for help     match 2/7  12/57 · step 2/3  00:14:03 ',
		);
	});

	it('is reverse video when colour is on', () => {
		expect(statusLine({...base, badges: []}, 60, colour)).toBe(
			'\u001B[7m Memory › Shadow page tables     12/57 · step 2/3  00:14:03 \u001B[27m',
		);
	});

	it('uses ASCII separators and bar with the ASCII theme', () => {
		expect(statusLine(base, 100, ascii)).toBe(
			' Virtualization - Memory > Shadow page tables      match 2/7  12/57 - step 2/3 ##........  00:14:03 ',
		);
	});

	it('makes hostile titles visible, not active', () => {
		const line = statusLine({...base, deckTitle: 'T\u001B]0;x\u0007', badges: []}, 100, plain);
		expect(line).toBe(' T␛]0;x␇ · Memory › Shadow page tables                        12/57 · step 2/3 ▰▰▱▱▱▱▱▱▱▱  00:14:03 ');
	});

	it('cuts a wide-character title on a cell boundary', () => {
		const title = '日本語のとても長いデッキのタイトルです';
		for (let width = 40; width <= 70; width++) {
			const line = statusLine({...base, deckTitle: title, section: '', slideTitle: '', badges: [], steps: 1}, width, plain);
			expect(stringWidth(line)).toBe(width);
		}

		expect(statusLine({...base, deckTitle: title, section: '', slideTitle: '', badges: [], steps: 1}, 40, plain)).toBe(
			' 日本語のとても長いデッキのタイ … 12/57 ',
		);
		expect(statusLine({...base, deckTitle: title, section: '', slideTitle: '', badges: [], steps: 1}, 41, plain)).toBe(
			' 日本語のとても長いデッキのタイト… 12/57 ',
		);
	});
});
