// Issue 12 item 9: the presenter answers `q` and signals while work runs, on the costliest decks
// the size cap admits. `q` is pressed, or the signal sent, as soon as something is on the screen
// (the "reading" frame of a deck too large to read at once, or the first frame while the rest is
// read, the sections learnt and the search index built): the process must end and give the
// terminal back. No timing is asserted (speed is `node bench/stalls.mjs`); the generous timeout
// only turns a hang into a failure.
import fs from 'node:fs';
import path from 'node:path';
import {afterAll, afterEach, describe, expect, it} from 'vitest';
import {lecternBin, repoRoot, tempDir} from './cli-helpers.js';
import {expectRestored} from './helpers.js';
import {closeAll, startPty, type PtySession} from './pty.js';
import {hostileDecks, tinySlideDecks} from '../support/hostile-corpus.js';
import {defined} from '../support/defined.js';

afterEach(closeAll);

const patience = 90_000;
const scratch = tempDir('lectern-responsive-');
afterAll(() => {
	scratch.remove();
});

/** The decks: the largest of many tiny slides, the costliest one-slide hostile decks, one huge slide. */
function decks(): {name: string; file: string}[] {
	const wanted = new Set(['tiny-hash', 'costly-unterminated-notes', 'costly-code-130000-lines']);
	const chosen = hostileDecks().filter(deck => wanted.has(deck.name));
	expect(chosen.map(deck => deck.name).sort()).toEqual([...wanted].sort());
	expect(tinySlideDecks.some(deck => deck.name === 'tiny-hash')).toBe(true);
	const all = [
		...chosen.map(deck => ({name: deck.name, content: deck.content})),
		// One slide of 300,000 lines (4.6 MB, no separator: the start cannot give the first frame).
		{name: 'one-huge-slide', content: `# One slide\n\n${'a line of words\n'.repeat(300_000)}`},
	];
	return all.map(deck => {
		const file = path.join(scratch.dir, `${deck.name}.md`);
		fs.writeFileSync(file, typeof deck.content === 'string' ? deck.content : Buffer.from(deck.content));
		return {name: deck.name, file};
	});
}

const files = decks();

/** Something of Lectern's is on the screen: the reading frame or a status bar with a slide count. */
const started = (screen: string) => /reading \S+\.md/.test(screen) || /\s\d+\/(\d+|…)\s/.test(screen);

async function open(args: readonly string[], home?: string): Promise<PtySession> {
	const t = await startPty({
		command: process.execPath,
		args: [lecternBin, ...args, '--no-watch'],
		cwd: repoRoot,
		cols: 100,
		rows: 30,
		timeout: patience,
		...(home ? {home} : {}),
	});
	await t.waitFor(started, {description: 'the reading frame or the first frame'});
	return t;
}

describe('q and signals while a costly deck is read and laid out', {timeout: 4 * patience}, () => {
	it.for(files)('q quits at once: $name (present)', async ({file}) => {
		const t = await open([file]);
		t.press('q');
		const status = await t.exited(patience);
		expect(status).toEqual({exitCode: 0, signal: undefined});
		expectRestored(t);
	});

	it.for(files.filter(deck => deck.name === 'one-huge-slide' || deck.name === 'tiny-hash'))(
		'q quits at once: $name (study, which reads the whole deck before its first frame)',
		async ({file}) => {
			const t = await open(['study', file]);
			t.press('q');
			expect(await t.exited(patience)).toEqual({exitCode: 0, signal: undefined});
			expectRestored(t);
		},
	);

	it('SIGTERM while the index of 300,000 slides is built: the process ends, the study state is saved', async () => {
		const file = defined(files.find(deck => deck.name === 'tiny-hash')).file;
		const home = fs.mkdtempSync(path.join(scratch.dir, 'home-'));
		const t = await open(['study', file], home);
		await t.waitFor(/\s1\/300000\s/);
		// A bookmark, then the next slide: on screen, so saved on the way out.
		t.press('m');
		await t.waitFor(screen => (screen.split('\n').at(-1) ?? '').includes('★'));
		t.press('j');
		await t.waitFor(/\s2\/300000\s/);
		t.kill('SIGTERM');
		const status = await t.exited(patience);
		expect(status.signal === 'SIGTERM' || status.exitCode !== 0).toBe(true);
		expectRestored(t);
		const states = path.join(home, 'state', 'lectern', 'decks');
		const saved = fs.readdirSync(states).filter(name => name.endsWith('.json'));
		expect(saved).toHaveLength(1);
		const state = JSON.parse(fs.readFileSync(path.join(states, defined(saved[0])), 'utf8')) as {slide: number; bookmarks: number[]};
		expect(state.slide).toBe(1);
		expect(state.bookmarks).toEqual([0]);
	});

	it('a search over 100,000 slides is matched in slices: Enter before the hits lands on the match; q meanwhile quits, the state saved', async () => {
		const file = path.join(scratch.dir, 'needle.md');
		const slides = Array.from({length: 100_000}, (_, i) => (i === 76_543 ? '# The needle' : `# Slide ${i + 1}`));
		fs.writeFileSync(file, slides.join('\n\n---\n\n'));
		const home = fs.mkdtempSync(path.join(scratch.dir, 'home-'));
		const t = await open(['study', file], home);
		await t.waitFor(/\s1\/100000\s/);
		// Typed and submitted in one go: Enter comes before the hits.
		t.press('/needle\r');
		await t.waitFor(/\s76544\/100000\s/);
		t.press('m');
		await t.waitFor(screen => (screen.split('\n').at(-1) ?? '').includes('★'));
		// A query that matches nearly every slide, and q right after Enter, while it is matched.
		t.press('/slide\r');
		t.press('q');
		expect(await t.exited(patience)).toEqual({exitCode: 0, signal: undefined});
		expectRestored(t);
		const states = path.join(home, 'state', 'lectern', 'decks');
		const saved = fs.readdirSync(states).filter(name => name.endsWith('.json'));
		expect(saved).toHaveLength(1);
		const state = JSON.parse(fs.readFileSync(path.join(states, defined(saved[0])), 'utf8')) as {slide: number; bookmarks: number[]};
		// Where the needle was, or the first `slide` after it if its hits came before q.
		expect([76_543, 76_544]).toContain(state.slide);
		expect(state.bookmarks).toEqual([76_543]);
	});

	it('Ctrl-C while the overview of 300,000 slides is filtered: the process ends, the terminal restored', async () => {
		const file = defined(files.find(deck => deck.name === 'tiny-hash')).file;
		const t = await open([file]);
		await t.waitFor(/\s1\/300000\s/);
		t.press('o');
		await t.waitFor(/Overview/);
		t.press('/x');
		await t.waitFor(/filter: x/);
		t.press('\u0003');
		expect(await t.exited(patience)).toEqual({exitCode: 0, signal: undefined});
		expectRestored(t);
	});

	it('keys typed while a large deck is read are not lost: they act once the deck is shown', async () => {
		const file = defined(files.find(deck => deck.name === 'tiny-hash')).file;
		const t = await startPty({
			command: process.execPath,
			args: [lecternBin, 'study', file, '--no-watch'],
			cwd: repoRoot,
			cols: 100,
			rows: 30,
			timeout: patience,
		});
		await t.waitFor(/reading tiny-hash\.md/);
		t.press('j', 'j');
		await t.waitFor(/\s3\/300000\s/);
		t.press('q');
		expect(await t.exited(patience)).toEqual({exitCode: 0, signal: undefined});
		expectRestored(t);
	});
});
