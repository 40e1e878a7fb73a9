// Study mode (issue 7), end to end: notes on the page, scrolling, resume, bookmarks, and where
// the state is kept. Each test gets a fresh HOME and XDG_STATE_HOME from the harness.
import fs from 'node:fs';
import path from 'node:path';
import {afterEach, beforeAll, describe, expect, it} from 'vitest';
import {atSlide, outline, runLectern, startLectern, startShell, statusBar} from './helpers.js';
import {closeAll, keys, type PtySession} from './pty.js';
import {defined} from '../support/defined.js';

afterEach(closeAll);

const guide = 'decks/guide.md';
let count = 0;

beforeAll(() => {
	count = outline(guide).slides.length;
});

const seen = (slides: number) => `seen ${Math.round((slides / count) * 100)}%`;

/** Every file under `dir`, relative to it. */
function filesUnder(dir: string): string[] {
	return fs
		.readdirSync(dir, {recursive: true, withFileTypes: true})
		.filter(entry => !entry.isDirectory())
		.map(entry => path.relative(dir, path.join(entry.parentPath, entry.name)))
		.sort();
}

/** The same HOME and XDG directories as an earlier session, for a later run. */
function homeEnv(home: string): Record<string, string | undefined> {
	return {
		HOME: home,
		XDG_STATE_HOME: path.join(home, 'state'),
		XDG_CONFIG_HOME: path.join(home, 'config'),
		XDG_CACHE_HOME: path.join(home, 'cache'),
		XDG_DATA_HOME: path.join(home, 'data'),
		LANG: 'C.UTF-8',
		LC_ALL: undefined,
		LC_CTYPE: undefined,
	};
}

async function study(args: readonly string[], options: {home?: string; cols?: number; rows?: number} = {}): Promise<PtySession> {
	return startLectern(['study', ...args], options);
}

async function quit(t: PtySession): Promise<void> {
	t.press('q');
	expect(await t.exited()).toEqual({exitCode: 0, signal: undefined});
}

describe('lectern study', () => {
	it('shows the notes under the slide, as part of the page, with no notes pane', async () => {
		const t = await study([guide]);
		await t.waitFor(atSlide(1, count));
		await t.waitFor('You are reading the speaker notes');
		const rows = t.screen().split('\n');
		// The pane's divider starts at the left edge; the page's own rule is indented with the text.
		expect(rows.some(row => row.startsWith('── notes'))).toBe(false);
		expect(rows.some(row => row.startsWith('  ── notes'))).toBe(true);
		expect(t.screen()).not.toContain('│');
		const rule = rows.findIndex(row => row.startsWith('  ── notes'));
		const notes = rows.findIndex(row => row.includes('You are reading the speaker notes'));
		const body = rows.findIndex(row => row.includes('A terminal lecture presenter'));
		expect(body).toBeLessThan(rule);
		expect(rule).toBeLessThan(notes);
		expect(statusBar(t)).toContain(seen(1));
		t.press(keys.right);
		await t.waitFor(atSlide(2, count));
		expect(statusBar(t)).toContain(seen(2));
	});

	it('--no-notes studies the slides alone, and s brings the notes back under the slide', async () => {
		const t = await study([guide, '--no-notes']);
		await t.waitFor(atSlide(1, count));
		await t.waitFor('A terminal lecture presenter');
		expect(t.screen()).not.toContain('── notes');
		expect(t.screen()).not.toContain('You are reading the speaker notes');
		t.press('s');
		await t.waitFor('You are reading the speaker notes');
		expect(
			t
				.screen()
				.split('\n')
				.some(row => row.startsWith('  ── notes')),
		).toBe(true);
		t.press('s');
		await t.waitFor(() => !t.screen().includes('You are reading the speaker notes'));
		await quit(t);
	});

	it('scrolls a page taller than the screen with j before moving on, and back with k', async () => {
		// "Study mode" (slide 24) with its table and notes is taller than 80x14.
		const t = await study([`${guide}:24`], {cols: 80, rows: 14});
		await t.waitFor(atSlide(24, count));
		expect(t.row(0)).toContain('Study mode');
		expect(t.screen()).toContain('▼ more below');
		t.press('j');
		await t.waitFor(() => !t.row(0).includes('Study mode'));
		expect(statusBar(t)).toMatch(/\b24\/28\b/);
		// Scroll to the end of the page: the notes come into view, then j moves on.
		// One key at a time: the page (not the status bar, whose clock ticks) must move before the next.
		const page = () => t.screen().split('\n').slice(0, -1).join('\n');
		let presses = 1;
		while (page().includes('▼ more below')) {
			expect(presses++).toBeLessThan(40);
			const before = page();
			t.press('j');
			await t.waitFor(() => page() !== before, {description: `the page to scroll past ${JSON.stringify(t.row(0))}`});
			expect(statusBar(t)).toMatch(/\b24\/28\b/);
		}

		expect(t.screen()).toContain('Deleting that folder forgets every place');
		expect(statusBar(t)).toMatch(/\b24\/28\b/);
		t.press('j');
		await t.waitFor(atSlide(25, count));
		expect(t.row(0)).toContain(defined(outline(guide).slides[24]).title);
		// k at the top of a page goes back to the previous page.
		t.press('k');
		await t.waitFor(atSlide(24, count));
	});

	// Study mode draws a paused slide whole, so one key moves on and no step is shown.
	it('takes a paused slide as one page: shown whole, and one key moves on', async () => {
		const t = await study([`${guide}:20`]);
		await t.waitFor(atSlide(20, count));
		expect(t.screen()).toContain('Step three');
		expect(statusBar(t)).not.toMatch(/step \d+\/\d+/);
		t.press(keys.right);
		await t.waitFor(atSlide(21, count));
	});

	it('resumes where the student stopped, with a one-line hint, and --restart starts over', async () => {
		const first = await study([guide]);
		await first.waitFor(atSlide(1, count));
		for (const slide of [2, 3, 4]) {
			first.press(keys.right);
			await first.waitFor(atSlide(slide, count));
		}

		expect(statusBar(first)).toContain(seen(4));
		await quit(first);

		const again = await study([guide], {home: first.home});
		await again.waitFor(atSlide(4, count));
		expect(statusBar(again)).toContain('Resumed at slide 4');
		expect(statusBar(again)).toContain(seen(4));
		// The hint is one line: the status bar; the page above it is the slide.
		expect(
			again
				.screen()
				.split('\n')
				.filter(row => row.includes('Resumed')),
		).toHaveLength(1);
		expect(again.screen()).toContain('Opening a deck');
		// It goes at the first key.
		again.press(keys.right);
		await again.waitFor(atSlide(5, count));
		expect(statusBar(again)).not.toContain('Resumed');
		expect(statusBar(again)).toContain(seen(5));
		await quit(again);

		const restarted = await study([guide, '--restart'], {home: first.home});
		await restarted.waitFor(atSlide(1, count));
		expect(statusBar(restarted)).not.toContain('Resumed');
	});

	it('bookmarks a slide with m, which lectern outline then marks with ★', async () => {
		const t = await study([`${guide}:6`]);
		await t.waitFor(atSlide(6, count));
		expect(statusBar(t)).not.toContain('★');
		t.press('m');
		await t.waitFor(() => statusBar(t).includes('★'));
		expect(statusBar(t)).toMatch(/★.*\b6\/28\b/);
		// The mark belongs to the slide, not to the screen.
		t.press(keys.right);
		await t.waitFor(atSlide(7, count));
		expect(statusBar(t)).not.toContain('★');
		t.press(keys.left);
		await t.waitFor(atSlide(6, count));
		expect(statusBar(t)).toContain('★');
		await quit(t);

		const result = runLectern(['outline', guide], homeEnv(t.home));
		expect(result.status).toBe(0);
		const marked = result.stdout.split('\n').filter(line => line.startsWith('★'));
		expect(marked).toEqual([expect.stringMatching(/^★\s+6 {2}\s*Panes, search and quitting$/)]);
		const json = outline(guide, homeEnv(t.home));
		expect(json.slides.filter(slide => slide.bookmarked).map(slide => slide.slide)).toEqual([6]);
	});

	it('keeps its state under $XDG_STATE_HOME/lectern and writes nothing else in HOME', async () => {
		const t = await study([guide]);
		await t.waitFor(atSlide(1, count));
		t.press(keys.right, 'm');
		await t.waitFor(() => statusBar(t).includes('★'));
		await quit(t);
		const files = filesUnder(t.home);
		expect(files.length).toBeGreaterThan(0);
		for (const file of files) expect(file).toMatch(/^state\/lectern\/.+\.json$/);
		const state = JSON.parse(fs.readFileSync(path.join(t.home, defined(files[0])), 'utf8')) as {slide: number; bookmarks: number[]};
		expect(state).toMatchObject({slide: 1, bookmarks: [1]});
	});

	it('warns in one line about a corrupt state file and still starts', async () => {
		const first = await study([guide]);
		await first.waitFor(atSlide(1, count));
		first.press(keys.right);
		await first.waitFor(atSlide(2, count));
		await quit(first);
		const [file] = filesUnder(first.home);
		expect(file).toBeDefined();
		fs.writeFileSync(path.join(first.home, defined(file)), '{"version": 1, "slide": 3, "seen": [[0, ');

		const t = await startShell('lectern study "$@" 2> "$HOME/stderr"; echo "lectern exited $?"', [guide], {home: first.home});
		await t.waitFor(atSlide(1, count));
		expect(t.screen()).toContain('A terminal lecture presenter');
		t.press('q');
		await t.waitFor('lectern exited 0');
		const stderr = fs.readFileSync(path.join(first.home, 'stderr'), 'utf8');
		const lines = stderr.split('\n').filter(line => line !== '');
		expect(lines, stderr).toHaveLength(1);
		expect(lines[0]).toMatch(/^lectern: .*study state/);
		expect(stderr).not.toMatch(/^\s+at /m);
		// Quitting saved a good state over the bad one.
		expect(JSON.parse(fs.readFileSync(path.join(first.home, defined(file)), 'utf8'))).toMatchObject({slide: 0});
	});
});

/** The deck's one state file under `home` (there is one per deck studied). */
function stateOf(home: string): {slide: number; seen: Array<[number, number]>; bookmarks: number[]} {
	const files = filesUnder(home).filter(file => file.startsWith('state/lectern/decks/'));
	expect(files).toHaveLength(1);
	return JSON.parse(fs.readFileSync(path.join(home, defined(files[0])), 'utf8')) as {
		slide: number;
		seen: Array<[number, number]>;
		bookmarks: number[];
	};
}

/** Moves with `l` (next), waiting for each slide. */
async function forward(t: PtySession, from: number, to: number): Promise<void> {
	for (let slide = from + 1; slide <= to; slide++) {
		t.press('l');
		await t.waitFor(atSlide(slide, count));
	}
}

async function bookmark(t: PtySession): Promise<void> {
	t.press('m');
	await t.waitFor(() => statusBar(t).includes('★'));
}

describe('one study state (issue 12)', () => {
	it('--restart moves the place to slide 1 and keeps the bookmarks and the slides seen', async () => {
		const first = await study([guide]);
		await first.waitFor(atSlide(1, count));
		await forward(first, 1, 2);
		await bookmark(first);
		await forward(first, 2, 4);
		await quit(first);
		expect(stateOf(first.home)).toMatchObject({slide: 3, seen: [[0, 3]], bookmarks: [1]});

		const restarted = await study([guide, '--restart'], {home: first.home});
		await restarted.waitFor(atSlide(1, count));
		expect(statusBar(restarted)).toContain(seen(4));
		restarted.press('l');
		await restarted.waitFor(atSlide(2, count));
		expect(statusBar(restarted)).toContain('★');
		await quit(restarted);
		expect(stateOf(first.home)).toMatchObject({slide: 1, seen: [[0, 3]], bookmarks: [1]});
	});

	it('keeps bookmarks made while presenting, shows them in the overview, outline and study, and t studies', async () => {
		const talk = await startLectern(['present', guide, '--no-watch']);
		await talk.waitFor(atSlide(1, count));
		await forward(talk, 1, 3);
		await bookmark(talk);
		await quit(talk);
		// Presenting keeps the bookmarks only: no place, no slides seen.
		expect(stateOf(talk.home)).toMatchObject({slide: 0, seen: [], bookmarks: [2]});
		const marked = runLectern(['outline', guide], homeEnv(talk.home))
			.stdout.split('\n')
			.filter(line => line.startsWith('★'));
		expect(marked).toEqual([expect.stringMatching(/^★\s+3 /)]);

		const again = await startLectern(['present', guide, '--no-watch'], {home: talk.home});
		await again.waitFor(atSlide(1, count));
		again.press('o');
		await again.waitFor(/★\s+3 {2}/);
		again.press(keys.escape);
		await again.waitFor(() => !again.screen().includes('★'));
		// t: study mode, with its progress, saved like any study session.
		again.press('t');
		await again.waitFor(() => statusBar(again).includes(seen(1)));
		await forward(again, 1, 3);
		expect(statusBar(again)).toContain('★');
		expect(statusBar(again)).toContain(seen(3));
		await quit(again);
		expect(stateOf(talk.home)).toMatchObject({slide: 2, seen: [[0, 2]], bookmarks: [2]});

		const student = await study([guide], {home: talk.home});
		await student.waitFor(atSlide(3, count));
		expect(statusBar(student)).toContain('★');
		await quit(student);
	});

	it('names the slide it shows, and the hint fits in 80 columns', async () => {
		const deck = 'decks/virtualization.md';
		const total = outline(deck).slides.length;
		const first = await study([`${deck}:63`], {cols: 80, rows: 24});
		await first.waitFor(atSlide(63, total));
		await quit(first);

		const resumed = await study([deck], {home: first.home, cols: 80, rows: 24});
		await resumed.waitFor(atSlide(63, total));
		expect(statusBar(resumed)).toContain('Resumed at slide 63 (g: slide 1)');
		await quit(resumed);

		const asked = await study([deck, '--slide', '5'], {home: first.home, cols: 80, rows: 24});
		await asked.waitFor(atSlide(5, total));
		expect(statusBar(asked)).not.toContain('Resumed');
		expect(statusBar(asked)).toContain('Opened at slide 5 (you stopped at 63)');
		await quit(asked);
	});
});

// Issue 12.3: the last moves are saved however the session ends, not only on q.
describe('nothing is lost on the way out', () => {
	it('the terminal closing right after j j m keeps the slide and the bookmark', async () => {
		const t = await study([guide]);
		await t.waitFor(atSlide(1, count));
		await forward(t, 1, 3);
		await bookmark(t);
		const pty = (t as unknown as {pty?: {destroy?: () => void}}).pty;
		expect(typeof pty?.destroy, 'the harness pty can be closed').toBe('function');
		defined(pty).destroy?.();
		await t.exited();
		expect(stateOf(t.home)).toMatchObject({slide: 2, seen: [[0, 2]], bookmarks: [2]});
	});

	it.for(['SIGHUP', 'SIGTERM', 'SIGINT'] as const)('%s right after a bookmark while presenting keeps it', async (signal, {expect}) => {
		const t = await startLectern(['present', guide, '--no-watch']);
		await t.waitFor(atSlide(1, count));
		await forward(t, 1, 2);
		await bookmark(t);
		t.kill(signal);
		await t.exited();
		expect(stateOf(t.home)).toMatchObject({bookmarks: [1]});
	});
});
