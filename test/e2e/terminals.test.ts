// Odd terminals (issue 7), end to end: TERM=screen and tmux at 80x24, NO_COLOR, a non-UTF-8
// locale or --ascii, and TERM=dumb. What is checked is what the terminal received.
import fs from 'node:fs';
import path from 'node:path';
import {afterEach, beforeAll, describe, expect, it} from 'vitest';
import {atSlide, outline, repoRoot, startLectern, startShell, statusBar} from './helpers.js';
import {closeAll, keys, type PtySession} from './pty.js';
import {sgrSequences} from '../support/sgr.js';
import {defined} from '../support/defined.js';

afterEach(closeAll);

const guide = 'decks/guide.md';
const lecture = 'decks/virtualization.md';
let guideCount = 0;
let lectureCount = 0;
/** Lecture slides (1-based) that hold a verbatim diagram fence. */
let diagramSlides: number[] = [];

beforeAll(() => {
	guideCount = outline(guide).slides.length;
	const lectureSlides = outline(lecture).slides;
	lectureCount = lectureSlides.length;
	const lines = fs.readFileSync(path.join(repoRoot, lecture), 'utf8').split('\n');
	const fences = lines.flatMap((line, index) => (/^```(?:text|ascii|diagram)\b/.test(line) ? [index + 1] : []));
	diagramSlides = [...new Set(fences.map(line => defined(lectureSlides.filter(slide => slide.line <= line).at(-1)).slide))];
});

/** Goes to a slide with its number then g, and waits for it. */
async function goTo(t: PtySession, slide: number, count: number): Promise<void> {
	t.write(`${slide}g`);
	await t.waitFor(atSlide(slide, count), {description: `slide ${slide}/${count}`});
}

async function quitCleanly(t: PtySession): Promise<void> {
	t.press('q');
	expect(await t.exited()).toEqual({exitCode: 0, signal: undefined});
	expect(t.altScreen()).toBe(false);
	expect(t.cursorHidden()).toBe(false);
}

const boxDrawing = /[\u2500-\u257F]/u;
const unicodeMarks = /[•▰▱]/u;

describe('plain terminals', () => {
	for (const term of ['screen', 'tmux-256color']) {
		it(`presents and navigates at 80x24 with TERM=${term}`, async () => {
			const t = await startLectern([guide], {cols: 80, rows: 24, env: {TERM: term}});
			await t.waitFor(atSlide(1, guideCount));
			expect(t.screen()).toContain('A terminal lecture presenter');
			t.press(keys.right);
			await t.waitFor(atSlide(2, guideCount));
			t.press(keys.down);
			await t.waitFor(atSlide(3, guideCount));
			t.press(keys.pageDown);
			await t.waitFor(atSlide(4, guideCount));
			t.press(keys.up);
			await t.waitFor(atSlide(3, guideCount));
			t.press(keys.end);
			await t.waitFor(atSlide(guideCount, guideCount));
			t.press(keys.home);
			await t.waitFor(atSlide(1, guideCount));
			// A slide with highlighted code.
			await goTo(t, 13, guideCount);
			expect(t.screen()).toContain('def fits(lines: list[str], width: int = 76) -> bool:');
			expect(t.screen().split('\n')).toHaveLength(24);
			await quitCleanly(t);
			if (term === 'screen') {
				// screen knows 8/16 colours: no 256-colour or true-colour sequences.
				expect(sgrSequences(t.raw()).filter(sgr => /[34]8[;:][25]/.test(sgr))).toEqual([]);
			}
		});
	}

	it('sends no colour at all with NO_COLOR (bold, dim and inverse stay)', async () => {
		const t = await startLectern([lecture, '--slide', '50'], {cols: 100, rows: 30, env: {NO_COLOR: '1'}});
		await t.waitFor(atSlide(50, lectureCount));
		// Search highlights, a code slide, the overview, the help and the notes pane, all drawn.
		t.press('/');
		await t.waitFor(() => statusBar(t).startsWith(' /'));
		t.write('shadow');
		await t.waitFor(() => /match/.test(statusBar(t)));
		t.press(keys.enter);
		await t.waitFor(() => /match 1\//.test(statusBar(t)));
		t.press('o');
		await t.waitFor('Overview');
		t.press(keys.escape);
		await t.waitFor(screen => !screen.includes('Overview'));
		t.press('?');
		await t.waitFor('previous step or slide');
		t.press(keys.escape);
		await t.waitFor(screen => !screen.includes('previous step or slide'));
		const guideSession = await startLectern([guide, '--slide', '13'], {cols: 100, rows: 30, env: {NO_COLOR: '1'}});
		await guideSession.waitFor(atSlide(13, guideCount));
		await guideSession.waitFor('def fits');
		await quitCleanly(guideSession);
		await quitCleanly(t);
		// NO_COLOR asks for no colour, not for no emphasis: attributes may remain, colours may not.
		const colour = (sgr: string) =>
			sgr
				.slice(2, -1)
				.split(/[;:]/)
				.some(param => {
					const code = Number(param);
					return (code >= 30 && code <= 49) || (code >= 90 && code <= 107);
				});
		for (const session of [t, guideSession]) {
			const coloured = sgrSequences(session.raw()).filter(colour);
			expect([...new Set(coloured)]).toEqual([]);
		}

		expect(sgrSequences(t.raw())).toContain('\u001B[7m');
	});

	for (const [name, args, env] of [
		['LANG=C', [], {LANG: 'C', LC_ALL: undefined, LC_CTYPE: undefined}],
		['--ascii', ['--ascii'], {}],
	] as const) {
		it(`draws no box drawing, bullets or progress glyphs with ${name}`, async () => {
			expect(diagramSlides.length).toBeGreaterThan(5);
			const t = await startLectern([lecture, ...args], {cols: 100, rows: 30, env});
			await t.waitFor(atSlide(1, lectureCount));
			const check = (where: string) => {
				const screen = t.screen();
				expect(boxDrawing.exec(screen)?.[0], `${where}\n${screen}`).toBeUndefined();
				expect(unicodeMarks.exec(screen)?.[0], `${where}\n${screen}`).toBeUndefined();
			};

			check('slide 1');
			// Bullets on the plan slide, then every slide with a diagram.
			await goTo(t, 2, lectureCount);
			expect(t.screen()).toMatch(/^ {4}\* History of virtual machines/m);
			check('slide 2');
			for (const slide of diagramSlides) {
				await goTo(t, slide, lectureCount);
				check(`slide ${slide}`);
			}

			// The diagrams are still there, in ASCII.
			await goTo(t, defined(diagramSlides[0]), lectureCount);
			expect(t.screen()).toMatch(/\+-{3,}/);
			expect(statusBar(t)).toMatch(/[#.]{10}/);
			t.press('o');
			await t.waitFor('Overview');
			check('overview');
			t.press(keys.escape);
			await t.waitFor(screen => !screen.includes('Overview'));

			// The guide's tables and its diagram too.
			const g = await startLectern([guide, ...args], {cols: 80, rows: 24, env});
			await g.waitFor(atSlide(1, guideCount));
			for (const slide of [5, 6, 7, 12, 14]) {
				await goTo(g, slide, guideCount);
				const screen = g.screen();
				expect(boxDrawing.exec(screen)?.[0], `guide slide ${slide}\n${screen}`).toBeUndefined();
				expect(unicodeMarks.exec(screen)?.[0], `guide slide ${slide}\n${screen}`).toBeUndefined();
			}
		});
	}

	it('refuses TERM=dumb with one line that points to lectern print', async () => {
		const t = await startShell('lectern "$@" 2> "$HOME/stderr"; echo "lectern exited $?"', [guide], {env: {TERM: 'dumb'}});
		await t.exited();
		expect(t.screen()).toContain('lectern exited 2');
		expect(t.raw()).not.toContain('\u001B[?1049h');
		const stderr = fs.readFileSync(path.join(t.home, 'stderr'), 'utf8');
		const lines = stderr.split('\n').filter(line => line !== '');
		expect(lines, stderr).toHaveLength(1);
		expect(lines[0]).toMatch(/^lectern: .*lectern print/);
		expect(stderr).not.toMatch(/^\s+at /m);
	});
});
