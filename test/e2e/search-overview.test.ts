// Search and overview while presenting (issue 5), end to end. The expected slides come from the
// binary's own `search` and `outline` commands, so the presenter is held to what they report.
import {execFileSync} from 'node:child_process';
import {afterEach, beforeAll, describe, expect, it} from 'vitest';
import {atSlide, binary, comparable, outline, repoRoot, startLectern, statusBar, type OutlineSlide} from './helpers.js';
import {closeAll, keys, type PtySession} from './pty.js';
import {defined} from '../support/defined.js';

afterEach(closeAll);

const lecture = 'decks/virtualization.md';
let count = 0;
let slides: OutlineSlide[] = [];
/** Slides (1-based, in deck order) that `lectern search shadow` reports. */
let shadowHits: number[] = [];

type SearchMatch = {deck: string; slide: number; location: string; title: string};

function searchCli(query: string, json: boolean): string {
	return execFileSync(process.execPath, [binary, 'search', query, lecture, ...(json ? ['--json'] : [])], {cwd: repoRoot, encoding: 'utf8'});
}

beforeAll(() => {
	slides = outline(lecture).slides;
	count = slides.length;
	const matches = searchCli('shadow', true)
		.trim()
		.split('\n')
		.map(line => JSON.parse(line) as SearchMatch);
	shadowHits = matches.map(match => match.slide).sort((a, b) => a - b);
});

/** Presents the lecture from slide `from` (1-based) and waits for it. */
async function presentLecture(from = 1): Promise<PtySession> {
	const t = await startLectern([lecture, '--slide', String(from)]);
	await t.waitFor(atSlide(from, count));
	return t;
}

/** Types text one key at a time, each seen on the status bar before the next. */
async function type(t: PtySession, prefix: string, text: string): Promise<void> {
	for (let i = 1; i <= text.length; i++) {
		t.press(defined(text[i - 1]));
		const shown = prefix + text.slice(0, i);
		await t.waitFor(() => t.screen().includes(shown), {description: `${JSON.stringify(shown)} on the screen`});
	}
}

const matchBadge = (t: PtySession) => /match (\d+|-)\/(\d+)/.exec(statusBar(t));

describe('search while presenting', () => {
	it('opens the search bar at once after the first frame, before Ink reads the keyboard, and Ink carries on from it', async () => {
		const first = defined(shadowHits[0]);
		const t = await startLectern([lecture]);
		// The first frame (its status bar still says 1/… while the rest of the deck is read).
		await t.waitFor(() => t.screen().includes('System Virtualization'));
		// Typed at once, without waiting for each key: some are answered before Ink is up, some after.
		for (const key of '/shadq') t.press(key);
		await t.waitFor(() => statusBar(t).startsWith(' /shadq'), {description: 'the query typed so far on the status bar'});
		t.press(keys.backspace);
		await t.waitFor(() => statusBar(t).startsWith(' /shad') && !statusBar(t).startsWith(' /shadq'));
		for (const key of 'ow') t.press(key);
		await t.waitFor(() => matchBadge(t) !== null && statusBar(t).startsWith(' /shadow'), {description: 'the hits for "shadow"'});
		expect(statusBar(t)).toMatch(/^ \/shadow\u258f? /);
		t.press(keys.enter);
		await t.waitFor(atSlide(first, count));
	});

	it('finds the slides that lectern search finds, and steps through them with n and N, wrapping', async () => {
		expect(shadowHits.length).toBeGreaterThan(2);
		const [first, second] = shadowHits as [number, number];
		const last = defined(shadowHits.at(-1));
		const t = await presentLecture();
		t.press('/');
		await t.waitFor(() => statusBar(t).startsWith(' /'));
		await type(t, ' /', 'shadow');
		expect(statusBar(t)).toMatch(/^ \/shadow/);
		// Incremental: while typing, the first match is shown and counted, before Enter.
		await t.waitFor(atSlide(first, count));
		expect(statusBar(t)).toMatch(/^ \/shadow/);
		expect(matchBadge(t)?.[2]).toBe(String(shadowHits.length));
		expect(t.screen()).toMatch(/shadow/i);
		// The matches on the slide are highlighted: black on yellow.
		// biome-ignore lint/suspicious/noControlCharactersInRegex: the highlight's own SGR sequences are what is checked
		expect(t.raw()).toMatch(/\u001B\[43m(?:\u001B\[30m)?shadow/i);

		// Enter stays there and closes the bar.
		t.press(keys.enter);
		await t.waitFor(() => !statusBar(t).startsWith(' /'));
		expect(statusBar(t)).toMatch(new RegExp(`\\b${first}/${count}\\b`));
		expect(statusBar(t)).toContain(`match 1/${shadowHits.length}`);

		t.press('n');
		await t.waitFor(atSlide(second, count));
		expect(statusBar(t)).toContain(`match 2/${shadowHits.length}`);
		t.press('N');
		await t.waitFor(atSlide(first, count));
		expect(statusBar(t)).not.toContain('wrapped');

		// Before the first match, N wraps round to the last; after the last, n wraps to the first.
		t.press('N');
		await t.waitFor(atSlide(last, count));
		expect(statusBar(t)).toContain(`match ${shadowHits.length}/${shadowHits.length} (wrapped)`);
		t.press('n');
		await t.waitFor(atSlide(first, count));
		expect(statusBar(t)).toContain(`match 1/${shadowHits.length} (wrapped)`);
		// The hint lasts one move.
		t.press('n');
		await t.waitFor(atSlide(second, count));
		expect(statusBar(t)).not.toContain('wrapped');
	});

	it("shows the first match at or after the slide where the search began; '' goes back there", async () => {
		// A slide without a match, after the first match and before another.
		const start = defined(
			Array.from({length: count}, (_, i) => i + 1).find(
				slide => slide > defined(shadowHits[0]) && !shadowHits.includes(slide) && shadowHits.some(hit => hit > slide),
			),
		);
		expect(start).toBeDefined();
		const t = await presentLecture(start);
		t.press('/');
		await type(t, ' /', 'shadow');
		const expected = defined(shadowHits.find(hit => hit >= start));
		await t.waitFor(atSlide(expected, count));
		t.press(keys.enter);
		await t.waitFor(() => !statusBar(t).startsWith(' /'));
		expect(statusBar(t)).toMatch(new RegExp(`\\b${expected}/${count}\\b`));
		t.press("'", "'");
		await t.waitFor(atSlide(start, count));
		// And back to the match: '' toggles.
		t.press("'", "'");
		await t.waitFor(atSlide(expected, count));
	});

	it("'' goes back to the slide before a number and Enter, and before G", async () => {
		const t = await presentLecture(5);
		t.press('4', '0', keys.enter);
		await t.waitFor(atSlide(40, count));
		t.press("'", "'");
		await t.waitFor(atSlide(5, count));
		t.press('G');
		await t.waitFor(atSlide(count, count));
		t.press("'", "'");
		await t.waitFor(atSlide(5, count));
	});

	it('cancels with Esc while typing and returns to the slide where the search began', async () => {
		const t = await presentLecture(10);
		const before = t.screen();
		t.press('/');
		await type(t, ' /', 'shad');
		await t.waitFor(() => matchBadge(t) !== null);
		// Typing showed the first match after slide 10.
		const shown = defined(shadowHits.find(hit => hit >= 10));
		expect(shown).toBeGreaterThan(10);
		await t.waitFor(atSlide(shown, count));
		t.press(keys.escape);
		await t.waitFor(() => !statusBar(t).startsWith(' /'));
		expect(statusBar(t)).toMatch(new RegExp(`\\b10/${count}\\b`));
		expect(statusBar(t)).not.toContain('match');
		expect(comparable(t.screen()).split('\n').slice(0, -1)).toEqual(comparable(before).split('\n').slice(0, -1));
		// Nothing is left to step through: n stays on slide 10 (which may have steps of its own).
		t.press('n');
		await t.settled();
		expect(statusBar(t)).toMatch(new RegExp(`\\b10/${count}\\b`));
		expect(statusBar(t)).not.toContain('match');
	});

	it('opens a location that lectern search prints at that slide', async () => {
		const line = defined(searchCli('shadow', false).split('\n')[0]);
		const location = /^(\S+):(\d+)\s/.exec(line);
		expect(location, line).not.toBeNull();
		expect(defined(location)[1]).toBe(lecture);
		const slide = Number(defined(location)[2]);
		expect(slide).toBe(shadowHits[0]);
		const t = await startLectern([`${defined(location)[1]}:${defined(location)[2]}`]);
		await t.waitFor(atSlide(slide, count));
		expect(t.screen()).toMatch(/shadow/i);
	});
});

describe('overview', () => {
	it('lists the slide titles, moves with j and ↓, and opens the chosen slide with Enter', async () => {
		const t = await presentLecture();
		t.press('o');
		await t.waitFor(`Overview · ${count} slides`);
		for (const title of ['Plan', 'History of Virtual Machines']) expect(t.screen()).toContain(title);
		expect(t.screen()).toMatch(/ >\s+1 {2}System Virtualization/);
		t.press('j');
		t.press(keys.down);
		t.press('j');
		t.press(keys.enter);
		await t.waitFor(atSlide(4, count));
		expect(t.screen()).not.toContain('Overview');
		expect(t.screen()).toContain(defined(slides[3]).title);
	});

	it('filters the titles with / and closes with Esc where it was', async () => {
		const t = await presentLecture(2);
		t.press('o');
		await t.waitFor('Overview');
		t.press('/');
		await t.waitFor('filter: ▏');
		await type(t, 'filter: ', 'history');
		const matching = slides.filter(slide => slide.title.toLowerCase().includes('history'));
		expect(matching.length).toBeGreaterThan(0);
		await t.waitFor(`(${matching.length} slides)`);
		expect(t.screen()).toContain('History of Virtual Machines');
		expect(t.screen()).not.toMatch(/\d {2}Plan$/m);
		// One Enter opens the first slide left in the list.
		t.press(keys.enter);
		await t.waitFor(atSlide(defined(matching[0]).slide, count));
		expect(t.screen()).toContain(defined(matching[0]).title);
		expect(t.screen()).not.toContain('Overview');

		// Esc closes the overview without moving.
		t.press('o');
		await t.waitFor('Overview');
		t.press(keys.down, keys.down);
		t.press(keys.escape);
		await t.waitFor(screen => !screen.includes('Overview'));
		expect(statusBar(t)).toMatch(new RegExp(`\\b${defined(matching[0]).slide}/${count}\\b`));
	});

	it('↓ moves while typing the filter, and Enter opens the highlighted slide at once', async () => {
		const t = await presentLecture(2);
		t.press('o');
		await t.waitFor('Overview');
		t.press('/');
		await t.waitFor('filter: ▏');
		await type(t, 'filter: ', 'memory');
		const matching = slides.filter(slide => slide.title.toLowerCase().includes('memory'));
		expect(matching.length).toBeGreaterThan(2);
		await t.waitFor(`(${matching.length} slides)`);
		t.press(keys.down, keys.down, keys.up);
		t.press(keys.enter);
		await t.waitFor(atSlide(defined(matching[1]).slide, count));
		expect(t.screen()).not.toContain('Overview');
		// The overview is a jump too.
		t.press("'", "'");
		await t.waitFor(atSlide(2, count));
	});
});
