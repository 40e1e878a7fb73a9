import {readFileSync} from 'node:fs';
import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {openDeck} from '../../src/deck/deck.js';
import {
	buildRegions,
	composeRows,
	minimumSize,
	notesRightFrom,
	notesShownAtStart,
	screenGeometry,
	type ScreenInput,
} from '../../src/layout/screen.js';
import {buildSpeakerRegions} from '../../src/layout/speaker.js';
import {defined} from '../support/defined.js';
import {writePlain} from '../../src/layout/write.js';
import {createTheme} from '../../src/layout/theme.js';
import {initialState, type NavState} from '../../src/nav/reducer.js';

const plain = createTheme({level: 0, ascii: false});
const colour = createTheme({level: 3, ascii: false});
const guide = openDeck(readFileSync('decks/guide.md', 'utf8'), 'decks/guide.md');

function rows(state: NavState, width: number, height: number, extra: Partial<ScreenInput> = {}): string[] {
	return composeRows(buildRegions({deck: guide, state, size: {width, height}, theme: plain, elapsedSeconds: 0, ...extra}));
}

describe('screenGeometry', () => {
	it('puts the notes right of the slide from 120 columns', () => {
		expect(notesRightFrom).toBe(120);
		expect(screenGeometry({width: 120, height: 40}, true)).toEqual({
			kind: 'slide',
			size: {width: 120, height: 40},
			slide: {width: 79, height: 39},
			notes: {position: 'right', width: 40, height: 39},
		});
		expect(screenGeometry({width: 200, height: 50}, true)).toEqual({
			kind: 'slide',
			size: {width: 200, height: 50},
			slide: {width: 131, height: 49},
			notes: {position: 'right', width: 68, height: 49},
		});
	});

	it('puts the notes below the slide when narrower', () => {
		expect(screenGeometry({width: 119, height: 40}, true)).toEqual({
			kind: 'slide',
			size: {width: 119, height: 40},
			slide: {width: 119, height: 30},
			notes: {position: 'below', width: 119, height: 9},
		});
		expect(screenGeometry({width: 100, height: 30}, true)).toEqual({
			kind: 'slide',
			size: {width: 100, height: 30},
			slide: {width: 100, height: 22},
			notes: {position: 'below', width: 100, height: 7},
		});
		expect(screenGeometry({width: 40, height: 10}, true)).toEqual({
			kind: 'slide',
			size: {width: 40, height: 10},
			slide: {width: 40, height: 5},
			notes: {position: 'below', width: 40, height: 4},
		});
	});

	it('gives the slide everything but the status bar when the notes are off', () => {
		expect(screenGeometry({width: 100, height: 30}, false)).toEqual({
			kind: 'slide',
			size: {width: 100, height: 30},
			slide: {width: 100, height: 29},
		});
		expect(screenGeometry({width: 200, height: 50}, false)).toEqual({
			kind: 'slide',
			size: {width: 200, height: 50},
			slide: {width: 200, height: 49},
		});
	});

	it('is too small below 40x10', () => {
		expect(minimumSize).toEqual({width: 40, height: 10});
		expect(screenGeometry({width: 39, height: 10}, true)).toEqual({kind: 'too-small', size: {width: 39, height: 10}});
		expect(screenGeometry({width: 40, height: 9}, false)).toEqual({kind: 'too-small', size: {width: 40, height: 9}});
	});

	it('starts with the notes hidden below the slide on terminals under 28 rows', () => {
		expect(notesShownAtStart({width: 100, height: 27}, true)).toBe(false);
		expect(notesShownAtStart({width: 100, height: 28}, true)).toBe(true);
		expect(notesShownAtStart({width: 120, height: 10}, true)).toBe(true);
		expect(notesShownAtStart({width: 200, height: 50}, false)).toBe(false);
	});
});

describe('the too-small screen', () => {
	it('says how big the terminal must be, wrapped to fit', () => {
		expect(rows(initialState(), 30, 8)).toEqual(['', '', '', 'terminal too small: need at', 'least 40x10, have 30x8', '', '', '']);
		expect(rows(initialState(), 100, 9)).toEqual(['', '', '', '', 'terminal too small: need at least 40x10, have 100x9', '', '', '', '']);
		expect(rows(initialState(), 39, 10).join(' ').replace(/\s+/g, ' ').trim()).toBe('terminal too small: need at least 40x10, have 39x10');
	});

	it('still fills exactly the terminal', () => {
		for (const [width, height] of [
			[10, 3],
			[39, 10],
			[1, 1],
			[20, 40],
		] as const) {
			const screen = rows(initialState(), width, height);
			expect(screen).toHaveLength(height);
			expect(screen.every(row => stringWidth(row) <= width)).toBe(true);
		}
	});
});

describe('composeRows', () => {
	it('exactly height rows of at most width cells, for every slide, notes on and off', () => {
		const faults: string[] = [];
		for (const [width, height] of [
			[40, 10],
			[80, 24],
			[100, 30],
			[120, 40],
			[200, 50],
			[119, 28],
		] as const) {
			for (const notesVisible of [true, false]) {
				for (let slide = 0; slide < guide.count; slide++) {
					const state = {...initialState({slide, notesVisible})};
					for (const theme of [plain, colour]) {
						const screen = composeRows(buildRegions({deck: guide, state, size: {width, height}, theme, elapsedSeconds: 3725}));
						if (screen.length !== height) {
							faults.push(`${width}x${height} slide ${slide + 1}: ${screen.length} rows`);
						}

						for (const row of screen.filter(row => stringWidth(row) > width)) {
							faults.push(`${width}x${height} slide ${slide + 1}: ${JSON.stringify(row)}`);
						}
					}
				}
			}
		}

		expect(faults).toEqual([]);
	});

	it('lays the notes out right of the slide with a divider, the status bar last', () => {
		const screen = rows(initialState({slide: 2}), 120, 20);
		expect(screen).toHaveLength(20);
		expect(screen.every(row => stringWidth(row) === 120)).toBe(true);
		expect(screen[0]).toBe(`  What Lectern is${' '.repeat(62)}│ Ask the room which of the three they   `);
		expect(screen[1]).toBe(`${' '.repeat(79)}│ are. Most people are all three at      `);
		expect(screen[19]).toBe(
			` Lectern — a guide · Getting around › What Lectern is${' '.repeat(18)}3/28 ▰▱▱▱▱▱▱▱▱▱  00:00:00 20:00 left 1 min ahead `,
		);
	});

	it('lays the notes out below the slide under a rule', () => {
		const screen = rows(initialState(), 100, 30);
		expect(screen).toHaveLength(30);
		expect(screen[0]).toBe('  Lectern');
		expect(screen[22]).toBe(`── notes ${'─'.repeat(91)}`);
		expect(screen[23]).toBe('  Welcome! You are reading the speaker notes. They live in the same file as the slides but are');
		expect(screen[29]).toBe(` Lectern — a guide · Lectern${' '.repeat(38)}1/28 ▱▱▱▱▱▱▱▱▱▱  00:00:00 on time `);
	});

	it('the notes pane scrolls to its last line and no further, with a marker above', () => {
		const notes = Array.from({length: 10}, (_, i) => `n${i + 1}`).join('\n\n');
		const deck = openDeck(`## Long notes\n\nbody\n\n<!-- notes:\n${notes}\n-->`, 'x.md');
		const regions = (notesScroll: number) =>
			buildRegions({deck, state: {...initialState(), notesScroll}, size: {width: 100, height: 30}, theme: plain, elapsedSeconds: 0});
		// 19 lines (ten notes, blank lines between) in a pane of 6 rows under its rule.
		expect(regions(0).notesScrollLimit).toBe(14);
		expect(regions(0).notes.slice(1).map(writePlain)).toEqual(['  n1', '  ', '  n2', '  ', '  n3', '    ▼ more below (14 lines)']);
		expect(regions(1).notes.slice(1).map(writePlain)).toEqual([
			'    ▲ more above (1 line)',
			'  ',
			'  n2',
			'  ',
			'  n3',
			'    ▼ more below (14 lines)',
		]);
		const end = regions(14).notes.slice(1).map(writePlain);
		expect(end).toEqual(['    ▲ more above (14 lines)', '  n8', '  ', '  n9', '  ', '  n10']);
		expect(regions(99).notes).toEqual(regions(14).notes);
		const wide = buildRegions({deck, state: initialState(), size: {width: 120, height: 30}, theme: plain, elapsedSeconds: 0});
		expect(wide.notesScrollLimit).toBe(0);
		expect(
			buildRegions({deck, state: initialState({notesVisible: false}), size: {width: 100, height: 30}, theme: plain, elapsedSeconds: 0})
				.notesScrollLimit,
		).toBe(0);
	});

	it('has no notes pane when the notes are off', () => {
		const screen = rows(initialState({notesVisible: false}), 100, 30);
		expect(screen.some(row => row.includes('notes ─'))).toBe(false);
		expect(screen.some(row => row.includes('Welcome!'))).toBe(false);
		expect(screen[29]).toContain('1/28');
	});

	it('draws the help over the slide area', () => {
		const screen = rows({...initialState({notesVisible: false}), overlay: 'help'}, 80, 30);
		expect(screen[0]).toBe('  Keys');
		expect(screen).toContain('  → l Space Enter PgDn  next step or slide');
		expect(screen).toContain('  Esc or ? closes this help.');
	});

	it('at 80x24 the help is taller than the screen: it says how to scroll, and scrolled to its limit shows its end', () => {
		const help = {...initialState({notesVisible: false}), overlay: 'help'} as const;
		const top = buildRegions({deck: guide, state: help, size: {width: 80, height: 24}, theme: plain, elapsedSeconds: 0});
		expect(writePlain(defined(top.slide[0]))).toMatch(/^ {2}Keys {2}· j k ↑ ↓ Space scroll$/);
		expect(writePlain(defined(top.slide.at(-1)))).toMatch(/more below|▼|↓/);
		expect(top.helpScrollLimit).toBeGreaterThan(0);
		const end = rows({...help, helpScroll: top.helpScrollLimit}, 80, 24);
		expect(end).toContain('  Esc or ? closes this help.');
		expect(end.some(row => /^ {2}Ctrl-Z +suspend/.test(row))).toBe(true);
		expect(end.some(row => row.includes('Keys'))).toBe(false);
		// At 100x30 it fits: nothing to scroll.
		const fits = buildRegions({deck: guide, state: help, size: {width: 100, height: 30}, theme: plain, elapsedSeconds: 0});
		expect(fits.helpScrollLimit).toBe(0);
		expect(writePlain(defined(fits.slide[0]))).toBe('  Keys');
	});

	it('draws the overview with the current slide marked', () => {
		const screen = rows(
			{...initialState({notesVisible: false, slide: 3}), overlay: 'overview', overview: {cursor: 3, filter: '', filtering: false}},
			80,
			12,
		);
		// The deck's title, author and date head it (from the guide's front matter).
		expect(screen[0]).toBe('  Lectern — a guide · The Lectern developers · 2026-11-25');
		expect(screen[1]).toBe('  Overview · 28 slides · Enter opens, / filters, Esc closes');
		expect(screen).toContain(`  >  4    Opening a deck${' '.repeat(56)}`);
		expect(screen[11]).toContain('4/28');
	});

	it("draws the overview filter's cursor as the search bar draws its own (▏, _ in ASCII)", () => {
		const state: NavState = {
			...initialState({notesVisible: false, slide: 3}),
			overlay: 'overview',
			overview: {cursor: 0, filter: 'open', filtering: true},
		};
		expect(rows(state, 80, 12)[1]).toBe('  Overview · filter: open▏  (1 slide)');
		const ascii = createTheme({level: 0, ascii: true});
		const asciiRows = composeRows(buildRegions({deck: guide, state, size: {width: 80, height: 12}, theme: ascii, elapsedSeconds: 0}));
		expect(asciiRows[1]).toBe('  Overview - filter: open_  (1 slide)');
	});

	it('draws box drawing and arrows in titles as ASCII in the status bar and the overview with the ASCII theme', () => {
		const deck = openDeck('---\ntitle: Walks → tables\n---\n# Paging ─ tables\n\n---\n\n## GPA → MPA ▶ walk\n\ntext\n', 'arrows.md');
		const ascii = createTheme({level: 0, ascii: true});
		const at = (state: NavState) =>
			composeRows(buildRegions({deck, state, size: {width: 80, height: 12}, theme: ascii, elapsedSeconds: 0}));
		const slide = at(initialState({notesVisible: false, slide: 1}));
		expect(slide[11]).toContain('GPA > MPA > walk');
		const overview = at({
			...initialState({notesVisible: false, slide: 1}),
			overlay: 'overview',
			overview: {cursor: 1, filter: '', filtering: false},
		});
		expect(overview.join('\n')).toContain('Paging - tables');
		expect(overview.join('\n')).toContain('GPA > MPA > walk');
		// The front matter's title heads the overview, converted too.
		expect(overview[0]).toBe('  Walks > tables');
		for (const row of [...slide, ...overview]) {
			expect(row).toMatch(/^[\x20-\x7e]*$/);
		}
	});
});

describe('study view', () => {
	const study = (bodyScroll: number) =>
		buildRegions({
			deck: guide,
			state: {...initialState({view: 'study', slide: 2}), bodyScroll},
			size: {width: 80, height: 12},
			theme: plain,
			elapsedSeconds: 0,
		});

	it('puts the notes under the slide and reports how far it can scroll', () => {
		const top = study(0);
		expect(top.scrollLimit).toBe(4);
		expect(top.geometry).toEqual({kind: 'slide', size: {width: 80, height: 12}, slide: {width: 80, height: 11}});
		expect(composeRows(top)).toEqual([
			'  What Lectern is',
			'',
			'  Lectern shows a Markdown file as slides, right in your terminal. It is made',
			'  for three kinds of people:',
			'',
			'    • a lecturer on a projector, with notes only they can see',
			'    • a student studying over SSH, on a slow link and an 80x24 screen',
			'    • anyone reviewing in a hurry, who wants search as quick as grep',
			'',
			'  No browser and no mouse: everything is a key press away.',
			'  ▼ more below (4 lines)',
			' Lectern — a guide · Getting around › What Lectern is     3/28 ▱▱▱▱▱▱  00:00:00 ',
		]);
	});

	it('scrolled to the end shows the notes', () => {
		const end = composeRows(study(4));
		expect(end[0]).toBe('  ▲ more above (4 lines)');
		expect(end.slice(7, 11)).toEqual([
			'',
			`  ── notes ${'─'.repeat(67)}`,
			'  Ask the room which of the three they are. Most people are all three at',
			'  different times of the term.',
		]);
		expect(composeRows(study(99))).toEqual(end);
	});
});

describe('the speaker view', () => {
	const lecture = openDeck(readFileSync('decks/virtualization.md', 'utf8'), 'decks/virtualization.md');
	const speakerRows = (state: NavState, width: number, height: number) =>
		composeRows(buildSpeakerRegions({deck: lecture, state, size: {width, height}, theme: plain, elapsedSeconds: 2}));

	it('says the clock is paused in full at 100 and 80 columns, on a line of its own where the clock line is full', () => {
		for (const [width, height] of [
			[100, 30],
			[80, 24],
			[160, 40],
		] as const) {
			const screen = speakerRows({...initialState(), clockPaused: true}, width, height).join('\n');
			expect(screen, `${width}x${height}`).toContain('paused (p resumes)');
			expect(screen).toContain('left');
		}
	});
});
