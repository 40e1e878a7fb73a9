// Presenting (issue 3), end to end: the built binary in a pseudo-terminal, read off the screen.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, beforeAll, describe, expect, it} from 'vitest';
import {atSlide, outline, repoRoot, runLectern, startLectern, startShell, statusBar, comparable} from './helpers.js';
import {closeAll, keys, type PtySession} from './pty.js';
import {sgr} from '../support/sgr.js';
import {defined} from '../support/defined.js';

const guide = 'decks/guide.md';
let count = 0;
const temporary: string[] = [];

beforeAll(() => {
	count = outline(guide).slides.length;
});

afterEach(async () => {
	await closeAll();
	for (const dir of temporary.splice(0)) fs.rmSync(dir, {recursive: true, force: true});
});

/** Starts the guide and waits for slide `slide` (1-based). */
async function present(args: readonly string[] = [], slide = 1, size: {cols?: number; rows?: number} = {}): Promise<PtySession> {
	const t = await startLectern([guide, ...args], size);
	await t.waitFor(atSlide(slide, count));
	return t;
}

/** Presses a key and waits for the status bar to show slide `slide`. */
async function pressTo(t: PtySession, key: string, slide: number): Promise<void> {
	t.press(key);
	await t.waitFor(atSlide(slide, count), {description: `slide ${slide}/${count} after ${JSON.stringify(key)}`});
}

const notesDivider = (screen: string) => screen.split('\n').some(row => row.startsWith('── notes'));

describe('lectern present: slides and keys', () => {
	it('shows the first slide with its title, and the position in the status bar on the last row', async () => {
		const t = await present();
		expect(count).toBe(28);
		expect(t.screen()).toContain('Lectern');
		expect(t.screen()).toContain('A terminal lecture presenter');
		expect(statusBar(t)).toMatch(/\b1\/28\b/);
		expect(statusBar(t)).toContain('Lectern — a guide');
		expect(t.screen().split('\n')).toHaveLength(30);
		expect(t.altScreen()).toBe(true);
		expect(t.cursorHidden()).toBe(true);
	});

	it('goes forward with → l Space Enter PageDown and back with ← h Backspace PageUp', async () => {
		const t = await present();
		await pressTo(t, keys.right, 2);
		expect(t.screen()).toContain('Getting around');
		await pressTo(t, 'l', 3);
		expect(t.screen()).toContain('What Lectern is');
		await pressTo(t, keys.space, 4);
		await pressTo(t, keys.enter, 5);
		await pressTo(t, keys.pageDown, 6);
		await pressTo(t, keys.left, 5);
		await pressTo(t, 'h', 4);
		await pressTo(t, keys.backspace, 3);
		await pressTo(t, keys.pageUp, 2);
		// Nothing before the first slide: ← there changes nothing, and → still works after it.
		await pressTo(t, keys.left, 1);
		t.press(keys.left, keys.right);
		await t.waitFor(atSlide(2, count));
	});

	it('jumps with G and g, a number then Enter, and a number then G or g', async () => {
		const t = await present();
		await pressTo(t, 'G', count);
		expect(t.screen()).toContain('Deck text is untrusted');
		await pressTo(t, 'g', 1);
		t.press('3');
		await t.waitFor(() => statusBar(t).includes('go to 3'));
		await pressTo(t, keys.enter, 3);
		t.press('1');
		await t.waitFor(() => statusBar(t).includes('go to 1'));
		t.press('2');
		await t.waitFor(() => statusBar(t).includes('go to 12'));
		await pressTo(t, 'G', 12);
		expect(t.screen()).toContain('Quotes, tables and wide text');
		t.press('5');
		await t.waitFor(() => statusBar(t).includes('go to 5'));
		await pressTo(t, 'g', 5);
		// Esc drops a number typed by mistake.
		t.press('9');
		await t.waitFor(() => statusBar(t).includes('go to 9'));
		t.press(keys.escape);
		await t.waitFor(() => !statusBar(t).includes('go to'));
		await pressTo(t, keys.right, 6);
	});

	it('takes every key of a burst (typed ahead while starting, or batched by a slow link)', async () => {
		const t = await present();
		// One write: the program reads the keys together, as one chunk.
		t.write('3\r');
		await t.waitFor(atSlide(3, count));
		t.write('12G');
		await t.waitFor(atSlide(12, count));
		t.write('llh');
		await t.waitFor(atSlide(13, count));
	});

	it('takes keys typed ahead while starting as the App does: a q closing the overview or in a query is no quit', async () => {
		const t = await startLectern([guide]);
		// Written before the program reads the keyboard: it reads them together once the screen is
		// taken, before Ink is up (a turn of the event loop after the first frame).
		t.write('oq/quiz\r');
		// The one slide of the guide that says "quiz" (it shows its quiz blocks).
		const quiz = defined(outline(guide).slides.find(slide => slide.title === 'Self-check questions')).slide;
		await t.waitFor(atSlide(quiz, count), {description: `the search for quiz on slide ${quiz}`});
		await pressTo(t, 'G', count);
		t.press('q');
		expect((await t.exited()).exitCode).toBe(0);
	});

	it('reveals a paused slide step by step, and going back hides the last step', async () => {
		// Slide 20 of the guide, "Revealing in steps", has two pauses: three steps.
		const t = await present(['--slide', '20'], 20);
		expect(statusBar(t)).toContain('step 1/3');
		expect(t.screen()).toContain('Step one');
		expect(t.screen()).not.toContain('Step two');
		t.press(keys.right);
		await t.waitFor(() => statusBar(t).includes('step 2/3'));
		expect(statusBar(t)).toMatch(/\b20\/28\b/);
		expect(t.screen()).toContain('Step two');
		expect(t.screen()).not.toContain('Step three');
		t.press(keys.space);
		await t.waitFor(() => statusBar(t).includes('step 3/3'));
		expect(t.screen()).toContain('Step three');
		await pressTo(t, keys.right, 21);
		expect(statusBar(t)).not.toContain('step');
		// Back onto a paused slide: it arrives fully revealed, then hides one step per key.
		await pressTo(t, keys.left, 20);
		expect(statusBar(t)).toContain('step 3/3');
		expect(t.screen()).toContain('Step three');
		t.press(keys.left);
		await t.waitFor(() => statusBar(t).includes('step 2/3'));
		expect(t.screen()).toContain('Step two');
		expect(t.screen()).not.toContain('Step three');
	});
});

describe('lectern present: notes, help and the screen', () => {
	it('hides the notes pane below the slide with s and shows it again', async () => {
		const t = await present();
		expect(notesDivider(t.screen())).toBe(true);
		expect(t.screen()).toContain('You are reading the speaker notes');
		t.press('s');
		await t.waitFor(screen => !notesDivider(screen));
		expect(t.screen()).not.toContain('You are reading the speaker notes');
		expect(statusBar(t)).toMatch(/\b1\/28\b/);
		t.press('s');
		await t.waitFor(notesDivider);
		expect(t.screen()).toContain('You are reading the speaker notes');
	});

	it('puts the notes right of the slide, behind a │ column, on a wide terminal', async () => {
		const t = await present([], 1, {cols: 130, rows: 30});
		const rows = t.screen().split('\n');
		expect(notesDivider(t.screen())).toBe(false);
		const column = defined(rows[0]).indexOf('│');
		expect(column).toBeGreaterThan(40);
		// The divider runs down every row above the status bar, in the same column.
		for (const row of rows.slice(0, -1)) expect([...row][column]).toBe('│');
		expect(defined(rows[0]).slice(column)).toContain('Welcome!');
		expect(defined(rows[0]).slice(0, column)).toContain('Lectern');
		expect(statusBar(t)).toMatch(/\b1\/28\b/);
		t.press('s');
		await t.waitFor(screen => !screen.includes('│'));
		expect(t.screen()).not.toContain('Welcome!');
	});

	it('J scrolls the notes to their last line and stops there, so K moves back at once', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lectern-notes-'));
		temporary.push(dir);
		const deck = path.join(dir, 'notes.md');
		const items = Array.from({length: 20}, (_, i) => `- note line ${i + 1}`).join('\n');
		fs.writeFileSync(deck, `## Long notes\n\nThe slide.\n\n<!-- notes:\n${items}\n-->\n`);
		const t = await startLectern([deck, '--no-watch']);
		await t.waitFor('note line 1');
		await t.waitFor(/more below \(15 lines\)/);
		// 20 lines in a pane of 6 rows: scrolled, the top row says what is above.
		t.press(...Array.from({length: 30}, () => 'J'));
		await t.waitFor(/more above \(15 lines\)/);
		expect(t.screen()).toContain('note line 20');
		expect(t.screen()).not.toContain('more below');
		t.press('K');
		await t.waitFor(/more above \(14 lines\)/);
		expect(t.screen()).toContain('more below (2 lines)');
	});

	it('starts with the notes hidden with --no-notes', async () => {
		const t = await present(['--no-notes']);
		expect(notesDivider(t.screen())).toBe(false);
		expect(t.screen()).not.toContain('You are reading the speaker notes');
		t.press('s');
		await t.waitFor(notesDivider);
	});

	it('shows the keys with ? and closes the help with Esc', async () => {
		const t = await present();
		t.press('?');
		await t.waitFor(/^ {2}Keys$/m);
		await t.waitFor('previous step or slide');
		const help = t.screen();
		for (const line of [
			'quit',
			'next step or slide',
			'previous step or slide',
			'show or hide the notes',
			'search the deck',
			'overview of all slides',
		]) {
			expect(help).toContain(line);
		}

		expect(help).toMatch(/q Ctrl-C\s+quit/);
		expect(help).toMatch(/→ .*Space Enter PgDn\s+next step or slide/);
		t.press(keys.escape);
		await t.waitFor(screen => !screen.includes('previous step or slide'));
		expect(t.screen()).toContain('A terminal lecture presenter');
		// The help's Esc did not move or quit: keys work as before.
		await pressTo(t, keys.right, 2);
	});

	// The help takes the notes pane's rows while it is open, so it is never cut.
	it('shows the whole help at 100x30 with the notes pane open', async () => {
		const t = await present();
		t.press('?');
		// The overlay may reach the emulator in more than one write: wait for all of it.
		await t.waitFor(
			screen => ['previous step or slide', 'in the overview', 'Esc or ? closes this help.'].every(line => screen.includes(line)),
			{description: 'the whole help'},
		);
	});

	// At 80x24 the help is taller than the slide area: it scrolls (j k ↑ ↓ Space PgDn, g G).
	it('scrolls the help at 80x24 to its end, where Ctrl-Z is listed, and back to its top', async () => {
		const t = await present([], 1, {cols: 80, rows: 24});
		t.press('?');
		await t.waitFor(/^ {2}Keys {2}· j k ↑ ↓ Space scroll/m, {description: 'the help, saying it scrolls'});
		expect(t.screen()).not.toContain('Esc or ? closes this help.');
		t.press(keys.space);
		await t.waitFor(screen => screen.includes('Esc or ? closes this help.') && /^ {2}Ctrl-Z +suspend/m.test(screen), {
			description: "the help's end",
		});
		expect(t.screen()).not.toMatch(/^ {2}Keys/m);
		t.press('k');
		t.press('g');
		await t.waitFor(/^ {2}Keys {2}·/m, {description: "the help's top again"});
		t.press(keys.escape);
		await t.waitFor(screen => !screen.includes('Keys') && screen.includes('A terminal lecture presenter'));
	});

	it('redraws cleanly after a resize, as a fresh start at that size would draw', async () => {
		const t = await present(['--slide', '5'], 5);
		const before = comparable(t.screen());
		t.resize(80, 24);
		await t.waitFor(() => statusBar(t).length <= 80 && /\b5\/28\b/.test(statusBar(t)) && !/\b5\/28\b/.test(t.row(-2)));
		await t.settled();
		const small = t.screen().split('\n');
		expect(small).toHaveLength(24);
		for (const row of small) expect([...row].length).toBeLessThanOrEqual(80);
		expect(statusBar(t)).toMatch(/\b5\/28\b/);
		// A fresh start at 80x24 hides the notes (too short for them below); show them to compare.
		const fresh = await present(['--slide', '5'], 5, {cols: 80, rows: 24});
		fresh.press('s');
		await fresh.waitFor(notesDivider);
		await t.waitFor(() => comparable(t.screen()) === comparable(fresh.screen()), {
			description: 'the resized screen to equal a fresh 80x24 screen',
		});
		t.resize(100, 30);
		await t.waitFor(() => comparable(t.screen()) === before, {description: 'the screen at 100x30 to be as it was before the resize'});
	});

	it('says how big the terminal must be when it is too small, and draws the slide again once it is not', async () => {
		const t = await present();
		t.resize(30, 8);
		await t.waitFor(screen => oneLine(screen).includes('terminal too small: need at least 40x10, have 30x8'));
		expect(t.screen()).not.toContain('1/28');
		t.resize(100, 30);
		await t.waitFor(atSlide(1, count));
		expect(t.screen()).not.toContain('too small');
		expect(t.screen()).toContain('A terminal lecture presenter');
	});

	it('opens at a slide given as deck.md:N or with --slide N', async () => {
		const a = await startLectern([`${guide}:5`]);
		const b = await startLectern([guide, '--slide', '5']);
		await a.waitFor(atSlide(5, count));
		await b.waitFor(atSlide(5, count));
		expect(a.screen()).toContain('Moving around');
		expect(comparable(a.screen())).toBe(comparable(b.screen()));
	});

	it('presents the bundled lecture when given no deck', async () => {
		const t = await startLectern([]);
		await t.waitFor('System Virtualization');
		const lecture = outline('decks/virtualization.md').slides.length;
		await t.waitFor(atSlide(1, lecture));
	});
});

describe('lectern present: leaving', () => {
	for (const [name, key] of [
		['q', 'q'],
		['Ctrl-C', keys.ctrlC],
	] as const) {
		it(`quits with ${name}, exit 0, and gives the terminal back as it was`, async () => {
			const t = await startShell('lectern "$@"; echo "lectern exited $?"; read line', [guide]);
			await t.waitFor(atSlide(1, count));
			// The check below means something only if presenting changed the modes.
			expect(await t.ttyModes()).toMatchObject({echo: false, icanon: false});
			t.press(key);
			await t.waitFor('lectern exited 0');
			expect(t.altScreen()).toBe(false);
			expect(t.cursorHidden()).toBe(false);
			expect(t.screen()).not.toContain('A terminal lecture presenter');
			expect(await t.ttyModes()).toMatchObject({echo: true, icanon: true, isig: true});
			t.press(keys.enter);
			expect(await t.exited()).toEqual({exitCode: 0, signal: undefined});
		});
	}

	for (const signal of ['SIGTERM', 'SIGHUP'] as const) {
		it(`restores the terminal when killed with ${signal}`, async () => {
			const t = await present();
			t.kill(signal);
			const status = await t.exited();
			// Restored, then the signal's default action, so the parent sees how it ended.
			expect(status.signal).toBe(signal);
			expect(() => process.kill(t.pid, 0)).toThrow();
			const raw = t.raw();
			const after = raw.slice(raw.lastIndexOf('\u001B[?1049h'));
			expect(raw.lastIndexOf('\u001B[?1049h')).toBeGreaterThanOrEqual(0);
			// The restore is the last thing written: the cursor back, then the normal screen.
			const restore = '\u001B[?25h\u001B[?1049l';
			expect(after.slice(-restore.length)).toBe(restore);
			expect(t.altScreen()).toBe(false);
			expect(t.cursorHidden()).toBe(false);
		});
	}
});

describe('lectern present: live reload', () => {
	it('shows an edited slide in place, and keeps the old slide when the file turns invalid', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lectern-reload-'));
		temporary.push(dir);
		const deck = path.join(dir, 'guide.md');
		const original = fs.readFileSync(path.join(repoRoot, guide), 'utf8');
		fs.writeFileSync(deck, original);
		const t = await startLectern([deck]);
		await t.waitFor(atSlide(1, count));
		t.press('3');
		await t.waitFor(() => statusBar(t).includes('go to 3'));
		await pressTo(t, keys.enter, 3);
		expect(t.screen()).toContain('What Lectern is');

		const edited = original.replace('## What Lectern is', '## What Lectern became after an edit');
		expect(edited).not.toBe(original);
		fs.writeFileSync(deck, edited);
		await t.waitFor('What Lectern became after an edit', {timeout: 15_000});
		expect(statusBar(t)).toMatch(/\b3\/28\b/);

		fs.writeFileSync(deck, edited.replace('title: Lectern — a guide', 'title: [this is not closed'));
		await t.waitFor(() => statusBar(t).includes('reload failed'), {timeout: 15_000});
		// As on stderr: the file and line come first, so the message says which file failed.
		expect(statusBar(t)).toContain(`reload failed: ${deck}:`);
		expect(statusBar(t)).toMatch(/\b3\/28\b/);
		expect(t.screen()).toContain('What Lectern became after an edit');
		// Still presenting: keys work.
		await pressTo(t, keys.right, 4);
	});
});

describe('lectern present: live reload of the theme', () => {
	it('recolours the slides when the front matter changes theme: dark to light', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lectern-reload-theme-'));
		temporary.push(dir);
		const deck = path.join(dir, 'talk.md');
		const text = (theme: string, title: string) => `---\ntheme: ${theme}\n---\n\n## ${title}\n\n- a point\n`;
		fs.writeFileSync(deck, text('dark', 'Before'));
		const t = await startLectern([deck], {env: {FORCE_COLOR: '1'}});
		await t.waitFor('Before');
		// The title's accent: cyan (36) on a dark background, blue (34) on a light one (theme.ts),
		// in whatever SGR sequences the writer combines it with.
		const accented = (colour: number, title: string) => new RegExp(`\\u001B\\[(?:\\d+;)*${colour}(?:;\\d+)*m(?:${sgr.source})*${title}`);
		expect(t.raw()).toMatch(accented(36, 'Before'));
		const mark = t.raw().length;
		fs.writeFileSync(deck, text('light', 'After'));
		await t.waitFor('After', {timeout: 15_000});
		expect(t.raw(mark)).toMatch(accented(34, 'After'));
		expect(t.raw(mark)).not.toMatch(accented(36, 'After'));
	});
});

describe('lectern present: live reload follows the slide', () => {
	it('stays on the slide shown when a slide is inserted above it, and when one is deleted', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lectern-follow-'));
		temporary.push(dir);
		const deck = path.join(dir, 'deck.md');
		const slides = Array.from({length: 6}, (_, i) => `## Slide ${i + 1}\n\nBODY-${i + 1}\n`);
		fs.writeFileSync(deck, slides.join('\n---\n\n'));
		const t = await startLectern([deck, '--slide', '4']);
		await t.waitFor(atSlide(4, 6));
		expect(t.screen()).toContain('BODY-4');

		const inserted = [slides[0], '## Inserted\n\nNEW-SLIDE\n', ...slides.slice(1)];
		fs.writeFileSync(deck, inserted.join('\n---\n\n'));
		await t.waitFor(atSlide(5, 7), {timeout: 15_000});
		expect(t.screen()).toContain('BODY-4');
		expect(t.screen()).not.toContain('NEW-SLIDE');

		const deleted = inserted.filter((_, i) => i !== 1 && i !== 2);
		fs.writeFileSync(deck, deleted.join('\n---\n\n'));
		await t.waitFor(atSlide(3, 5), {timeout: 15_000});
		expect(t.screen()).toContain('BODY-4');
		// Still presenting.
		t.press(keys.right);
		await t.waitFor(atSlide(4, 5));
		expect(t.screen()).toContain('BODY-5');
	});
});

describe('lectern present: a large deck', () => {
	/** A deck of `count` slides, well over the size that is opened from its first slides. */
	function largeDeck(count: number, tail = ''): string {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lectern-large-'));
		temporary.push(dir);
		const file = path.join(dir, 'large.md');
		const slides = Array.from({length: count}, (_, i) => `## Slide ${i + 1}\n\nMARK-${i + 1} ${'words on a slide '.repeat(12)}\n`);
		fs.writeFileSync(file, slides.join('\n---\n\n') + tail);
		return file;
	}

	it('shows the first slide, then learns the length, and G reaches the last slide', async () => {
		const file = largeDeck(3000);
		expect(fs.statSync(file).size).toBeGreaterThan(512 * 1024);
		const t = await startLectern([file, '--no-watch']);
		await t.waitFor(atSlide(1, 3000));
		expect(t.screen()).toContain('MARK-1 ');
		t.press('G');
		await t.waitFor(atSlide(3000, 3000));
		expect(t.screen()).toContain('MARK-3000 ');
	});

	it('opens at a slide past the first ones (deck.md:N)', async () => {
		const file = largeDeck(3000);
		const t = await startLectern([`${file}:2500`, '--no-watch']);
		await t.waitFor(atSlide(2500, 3000));
		expect(t.screen()).toContain('MARK-2500 ');
	});

	it('a NUL byte far into the file: one line, exit 2, the terminal restored', async () => {
		const file = largeDeck(3000, '\n\0\n');
		const t = await startShell('lectern "$@" 2> "$HOME/stderr"; echo "lectern exited $?"', [file, '--no-watch']);
		await t.waitFor('lectern exited 2');
		const stderr = fs.readFileSync(path.join(t.home, 'stderr'), 'utf8');
		expectOneErrorLine(stderr);
		expect(stderr).toContain('binary file');
		expect(t.altScreen()).toBe(false);
		expect(t.cursorHidden()).toBe(false);
	});
});

describe('lectern present: refusing to start', () => {
	it('exits 2 with one line when standard input and output are pipes', () => {
		const result = runLectern([guide]);
		expect(result.status).toBe(2);
		expect(result.stdout).toBe('');
		expectOneErrorLine(result.stderr);
		expect(result.stderr).toContain('lectern print');
	});

	it('exits 2 with one line when only standard input is a pipe', async () => {
		const t = await startShell('lectern "$@" < /dev/null 2> "$HOME/stderr"; echo "lectern exited $?"', [guide]);
		await t.exited();
		expect(t.screen()).toContain('lectern exited 2');
		expect(t.raw()).not.toContain('\u001B[?1049h');
		expectOneErrorLine(fs.readFileSync(path.join(t.home, 'stderr'), 'utf8'));
	});

	it('exits 2 with one line for a missing deck', async () => {
		const t = await startShell('lectern "$@" 2> "$HOME/stderr"; echo "lectern exited $?"', ['decks/no-such-deck.md']);
		await t.exited();
		expect(t.screen()).toContain('lectern exited 2');
		expect(t.raw()).not.toContain('\u001B[?1049h');
		const stderr = fs.readFileSync(path.join(t.home, 'stderr'), 'utf8');
		expectOneErrorLine(stderr);
		expect(stderr).toContain('decks/no-such-deck.md');
	});
});

function expectOneErrorLine(stderr: string): void {
	const lines = stderr.split('\n').filter(line => line !== '');
	expect(lines, stderr).toHaveLength(1);
	expect(lines[0]).toMatch(/^lectern: /);
	expect(stderr).toMatch(/\n$/);
	expect(stderr).not.toMatch(/^\s+at /m);
}

/** The screen's text as one line: rows joined, runs of spaces collapsed (text may wrap). */
function oneLine(screen: string): string {
	return screen
		.split('\n')
		.map(row => row.trim())
		.filter(Boolean)
		.join(' ');
}
