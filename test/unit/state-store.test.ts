import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {defaultStateDir, loadState, saveState, stateFile} from '../../src/state/store.js';
import {thisHost} from '../../src/temp-names.js';
import {
	decodeRanges,
	emptyState,
	encodeRanges,
	markSeen,
	seenFraction,
	titlesOf,
	toggleSorted,
	visit,
	type StudyState,
} from '../../src/state/study-state.js';

let root: string;
let dir: string;
let deck: string;

beforeEach(() => {
	root = fs.mkdtempSync(path.join(os.tmpdir(), 'lectern-state-'));
	vi.stubEnv('XDG_STATE_HOME', path.join(root, 'state'));
	dir = defaultStateDir();
	deck = path.join(root, 'decks', 'course.md');
	fs.mkdirSync(path.dirname(deck));
	fs.writeFileSync(deck, '# Course\n');
});

afterEach(() => {
	vi.restoreAllMocks();
	vi.unstubAllEnvs();
	fs.rmSync(root, {recursive: true, force: true});
});

/** Every path under `from`, relative, sorted: what a test may compare before and after. */
function listTree(from: string): string[] {
	return (fs.readdirSync(from, {recursive: true}) as string[]).sort();
}

function save(state: StudyState, titles?: readonly string[]) {
	const result = saveState(dir, deck, state, {titles: titles && titlesOf(titles), now: new Date('2025-01-02T03:04:05Z')});
	expect(result).toMatchObject({ok: true});
	return result;
}

const titles = ['Intro', 'Memory', 'Paging', 'Shadow pages', 'Summary'];

describe('defaultStateDir', () => {
	it('uses an absolute XDG_STATE_HOME', () => {
		expect(defaultStateDir({XDG_STATE_HOME: '/srv/state'})).toBe('/srv/state/lectern');
	});

	it('falls back to ~/.local/state when unset or relative', () => {
		const fallback = path.join(os.homedir(), '.local', 'state', 'lectern');
		expect(defaultStateDir({})).toBe(fallback);
		expect(defaultStateDir({XDG_STATE_HOME: 'relative/state'})).toBe(fallback);
	});

	it('reads the environment at call time', () => {
		expect(dir).toBe(path.join(root, 'state', 'lectern'));
	});
});

describe('ranges', () => {
	it('encodes sorted indexes as inclusive ranges and back', () => {
		expect(encodeRanges([])).toEqual([]);
		expect(encodeRanges([0, 1, 2, 5, 7, 8])).toEqual([
			[0, 2],
			[5, 5],
			[7, 8],
		]);
		expect(
			decodeRanges([
				[0, 2],
				[5, 5],
				[7, 8],
			]),
		).toEqual([0, 1, 2, 5, 7, 8]);
	});

	it('merges overlapping and unordered ranges when decoding', () => {
		expect(
			decodeRanges([
				[5, 6],
				[0, 2],
				[1, 3],
				[4, 4],
			]),
		).toEqual([0, 1, 2, 3, 4, 5, 6]);
	});

	it('round-trips any set of indexes', () => {
		const indexes = [...new Set(Array.from({length: 200}, (_, i) => (i * 7919) % 500))].sort((a, b) => a - b);
		expect(decodeRanges(encodeRanges(indexes))).toEqual(indexes);
	});

	it('keeps a read-through 10,000-slide deck small on disk', () => {
		const seen = Array.from({length: 10_000}, (_, i) => i);
		const result = save({slide: 9999, seen, bookmarks: []});
		if (!result.ok) throw new Error(result.message);
		expect(fs.statSync(result.file).size).toBeLessThan(300);
		expect(JSON.parse(fs.readFileSync(result.file, 'utf8')).seen).toEqual([[0, 9999]]);
		expect(loadState(dir, deck).state?.seen).toEqual(seen);
	});
});

describe('pure helpers', () => {
	it('marks slides seen once, keeping the same object for a no-op', () => {
		const once = markSeen(emptyState(), 3);
		const twice = markSeen(markSeen(once, 1), 3);
		expect(twice.seen).toEqual([1, 3]);
		expect(markSeen(twice, 1)).toBe(twice);
	});

	it('visits a slide: moves there and counts it seen', () => {
		const state = visit(visit(emptyState(), 4), 2);
		expect(state).toMatchObject({slide: 2, seen: [2, 4]});
		expect(visit(state, 2)).toBe(state);
	});

	it('toggles bookmarks in sorted order', () => {
		const bookmarks = toggleSorted(toggleSorted(toggleSorted([], 5), 2), 9);
		expect(bookmarks).toEqual([2, 5, 9]);
		expect(toggleSorted(bookmarks, 5)).toEqual([2, 9]);
	});

	it('computes the share seen, ignoring slides past the end', () => {
		const state = {slide: 0, seen: [0, 1, 2, 9], bookmarks: []};
		expect(seenFraction(state, 8)).toBe(3 / 8);
		expect(seenFraction(state, 10)).toBe(0.4);
		expect(seenFraction(state, 0)).toBe(0);
	});
});

describe('saveState and loadState', () => {
	it('returns nothing and no warning when there is no state yet', () => {
		expect(loadState(dir, deck)).toEqual({state: undefined});
		expect(fs.existsSync(path.join(root, 'state'))).toBe(false);
	});

	it('round-trips position, seen slides and bookmarks', () => {
		const state: StudyState = {slide: 3, seen: [0, 1, 2, 3, 7], bookmarks: [1, 7]};
		save(state, titles);
		expect(loadState(dir, deck)).toEqual({state: {...state, updatedAt: '2025-01-02T03:04:05.000Z'}});
		expect(loadState(dir, deck, titlesOf(titles)).state).toMatchObject({slide: 3, seen: [0, 1, 2, 3], bookmarks: [1]});
	});

	it('keys the file by the real path of the deck', () => {
		save({slide: 2, seen: [], bookmarks: []});
		const link = path.join(root, 'link.md');
		fs.symlinkSync(deck, link);
		expect(stateFile(dir, link)).toBe(stateFile(dir, deck));
		expect(path.basename(stateFile(dir, deck))).toMatch(/^[\da-f]{16}\.json$/);
		expect(loadState(dir, link).state?.slide).toBe(2);
		const file = JSON.parse(fs.readFileSync(stateFile(dir, deck), 'utf8'));
		expect(file).toMatchObject({version: 1, deck: fs.realpathSync(deck), slide: 2});
	});

	it('writes private files in a private directory', () => {
		const result = save(emptyState());
		if (!result.ok) throw new Error(result.message);
		expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
		expect(fs.statSync(path.dirname(result.file)).mode & 0o777).toBe(0o700);
		expect(fs.statSync(result.file).mode & 0o777).toBe(0o600);
	});

	it('writes nothing outside the state directory and leaves no temp files', () => {
		const before = listTree(root);
		save({slide: 1, seen: [0, 1], bookmarks: []});
		save({slide: 2, seen: [0, 1, 2], bookmarks: [2]});
		const added = listTree(root).filter(entry => !before.includes(entry));
		expect(added).toEqual(['state', 'state/lectern', 'state/lectern/decks', path.relative(root, stateFile(dir, deck))]);
		expect(fs.readdirSync(root).sort()).toEqual(['decks', 'state']);
	});

	it('keeps the old file when the rename fails, and removes its temp file', () => {
		save({slide: 1, seen: [1], bookmarks: []});
		const before = fs.readFileSync(stateFile(dir, deck), 'utf8');
		vi.spyOn(fs, 'renameSync').mockImplementation(() => {
			throw Object.assign(new Error('EIO: i/o error, rename'), {code: 'EIO'});
		});
		const result = saveState(dir, deck, {slide: 4, seen: [4], bookmarks: []});
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.message).toMatch(/^lectern: cannot save study state .*: EIO: i\/o error, rename$/);
		expect(fs.readFileSync(stateFile(dir, deck), 'utf8')).toBe(before);
		expect(fs.readdirSync(path.dirname(stateFile(dir, deck)))).toEqual([path.basename(stateFile(dir, deck))]);
	});

	it('reports a target it cannot replace as one line, leaving no temp file', () => {
		fs.mkdirSync(stateFile(dir, deck), {recursive: true});
		const result = saveState(dir, deck, emptyState());
		expect(result).toMatchObject({ok: false});
		if (!result.ok) expect(result.message).not.toContain('\n');
		expect(fs.readdirSync(path.dirname(stateFile(dir, deck)))).toEqual([path.basename(stateFile(dir, deck))]);
		expect(loadState(dir, deck).warning).toMatch(/^lectern: ignoring unreadable study state .*: not a regular file \(a directory\)$/);
	});

	it('ignores a temp file left by an interrupted writer and tidies it on the next save', () => {
		save({slide: 2, seen: [2], bookmarks: []});
		const file = stateFile(dir, deck);
		const stray = `${file}.${thisHost()}.2147483646.deadbeef.tmp`;
		fs.writeFileSync(stray, '{"version": 1, "sli');
		expect(loadState(dir, deck).state?.slide).toBe(2);
		save({slide: 3, seen: [2, 3], bookmarks: []});
		expect(fs.existsSync(stray)).toBe(false);
		expect(loadState(dir, deck).state?.slide).toBe(3);
	});

	it('tidies only its own temp files of dead writers', () => {
		save(emptyState());
		const file = stateFile(dir, deck);
		const live = `${file}.${thisHost()}.${process.ppid}.abc123.tmp`;
		const other = path.join(path.dirname(file), `aaaaaaaaaaaaaaaa.json.${thisHost()}.2147483646.abc.tmp`);
		// A home shared between machines: another host's writer, whose number means nothing here.
		const otherHost = thisHost() === '00000000' ? '11111111' : '00000000';
		const elsewhere = `${file}.${otherHost}.2147483646.abc123.tmp`;
		for (const each of [live, other, elsewhere]) fs.writeFileSync(each, 'x');
		save(emptyState());
		expect(fs.existsSync(live)).toBe(true);
		expect(fs.existsSync(other)).toBe(true);
		expect(fs.existsSync(elsewhere)).toBe(true);
	});
});

describe('damaged state files', () => {
	function writeRaw(text: string) {
		const file = stateFile(dir, deck);
		fs.mkdirSync(path.dirname(file), {recursive: true});
		fs.writeFileSync(file, text);
	}

	type Valid = ReturnType<typeof valid>;
	const valid = () => ({version: 1, deck: fs.realpathSync(deck), slide: 0, seen: [], bookmarks: [], updatedAt: 'x'});

	it('warns on corrupt JSON instead of throwing', () => {
		writeRaw('{"version": 1, "slide": ');
		const result = loadState(dir, deck);
		expect(result.state).toBeUndefined();
		expect(result.warning).toMatch(/^lectern: ignoring unreadable study state .+\.json: not JSON \(.+\)$/);
	});

	it.each<[string, (v: Valid) => unknown, string]>([
		['an array', () => [], 'not a JSON object'],
		['another version', (v: Valid) => ({...v, version: 2}), 'unsupported version 2'],
		['no version', () => ({slide: 1}), 'unsupported version none'],
		['a negative slide', (v: Valid) => ({...v, slide: -1}), 'invalid slide'],
		['a fractional slide', (v: Valid) => ({...v, slide: 1.5}), 'invalid slide'],
		['seen as indexes', (v: Valid) => ({...v, seen: [1, 2]}), 'invalid seen'],
		['a reversed range', (v: Valid) => ({...v, seen: [[4, 2]]}), 'invalid seen'],
		['a huge range', (v: Valid) => ({...v, seen: [[0, 1e12]]}), 'invalid seen'],
		['string bookmarks', (v: Valid) => ({...v, bookmarks: ['1']}), 'invalid bookmarks'],
		['non-string titles', (v: Valid) => ({...v, slideTitles: {0: 1}}), 'invalid slideTitles'],
		['no updatedAt', (v: Valid) => ({...v, updatedAt: undefined}), 'invalid updatedAt'],
		['another deck', (v: Valid) => ({...v, deck: '/elsewhere.md'}), 'it belongs to /elsewhere.md'],
	])('warns on %s', (_name, content, reason) => {
		writeRaw(JSON.stringify(content(valid())));
		const result = loadState(dir, deck);
		expect(result.state).toBeUndefined();
		expect(result.warning).toMatch(new RegExp(`^lectern: ignoring unreadable study state .+\\.json: ${reason}$`));
	});

	it('keeps control characters from the file out of the warning', () => {
		writeRaw('\u001B]52;c;aGk=\u0007');
		const {warning} = loadState(dir, deck);
		expect(warning).toBeDefined();
		expect(warning).not.toMatch(/\p{Cc}/u);
	});

	it('names the characters the one sanitiser marks, not only C0 and C1 (U+061C, U+2028, U+FEFF)', () => {
		writeRaw('\u061C\u2028\uFEFF\u202E');
		const {warning} = loadState(dir, deck);
		expect(warning).toBeDefined();
		expect(warning).not.toMatch(/[\u061C\u2028\uFEFF\u202E]/);
		expect(warning).toContain('<U+202E>');
	});

	it('never reads a device: a symlink to /dev/null is not a regular file', () => {
		const file = stateFile(dir, deck);
		fs.mkdirSync(path.dirname(file), {recursive: true});
		fs.symlinkSync('/dev/null', file);
		const result = loadState(dir, deck);
		expect(result.state).toBeUndefined();
		expect(result.warning).toMatch(/^lectern: ignoring unreadable study state .+\.json: not a regular file \(a character device\)$/);
	});

	it('replaces a symlink at the state path instead of writing through it', () => {
		const file = stateFile(dir, deck);
		const target = path.join(root, 'elsewhere.json');
		fs.writeFileSync(target, 'keep me');
		fs.mkdirSync(path.dirname(file), {recursive: true});
		fs.symlinkSync(target, file);
		save({slide: 1, seen: [1], bookmarks: []});
		expect(fs.readFileSync(target, 'utf8')).toBe('keep me');
		expect(fs.lstatSync(file).isFile()).toBe(true);
		expect(loadState(dir, deck).state?.slide).toBe(1);
	});

	it('accepts a file without titles', () => {
		writeRaw(JSON.stringify({...valid(), slide: 2, seen: [[0, 2]], bookmarks: [1]}));
		expect(loadState(dir, deck, titlesOf(titles)).state).toMatchObject({slide: 2, seen: [0, 1, 2], bookmarks: [1]});
	});
});

describe('a deck that changed since', () => {
	const original = ['Intro', 'Memory', 'Paging', 'Shadow pages', 'Nested paging', 'Summary'];

	it('follows the current slide, bookmarks and seen slides when slides were inserted before them', () => {
		save({slide: 3, seen: [0, 1, 2, 3], bookmarks: [2, 4]}, original);
		const changed = ['Intro', 'New: motivation', 'New: history', ...original.slice(1)];
		const {state, warning} = loadState(dir, deck, titlesOf(changed));
		expect(warning).toBeUndefined();
		// A seen range follows its ends, so slides inserted inside it count as seen: cheap, and close enough.
		expect(state).toMatchObject({slide: 5, bookmarks: [4, 6], seen: [0, 1, 2, 3, 4, 5]});
	});

	it('follows slides moved earlier, and drops bookmarks of slides that are gone', () => {
		save({slide: 4, seen: [3, 4], bookmarks: [1, 4]}, original);
		const changed = ['Intro', 'Paging', 'Shadow pages', 'Nested paging', 'Summary'];
		expect(loadState(dir, deck, titlesOf(changed)).state).toMatchObject({slide: 3, bookmarks: [3], seen: [2, 3]});
	});

	it('picks the nearest slide when the title occurs more than once', () => {
		const repeated = ['Quiz', 'A', 'B', 'C', 'Quiz', 'D', 'E', 'F', 'Quiz'];
		save({slide: 4, seen: [], bookmarks: []}, repeated);
		const changed = ['Quiz', 'A', 'A2', 'B', 'C', 'Quiz', 'D', 'E', 'F', 'Quiz'];
		expect(loadState(dir, deck, titlesOf(changed)).state?.slide).toBe(5);
	});

	it('stays put when the slide is unchanged', () => {
		save({slide: 2, seen: [], bookmarks: []}, original);
		expect(loadState(dir, deck, titlesOf(original)).state?.slide).toBe(2);
	});

	it('clamps to the last slide when the deck shrank and the slide is gone', () => {
		save({slide: 5, seen: [0, 1, 2, 3, 4, 5], bookmarks: [5]}, original);
		const shrunk = ['Intro', 'Memory', 'Paging'];
		expect(loadState(dir, deck, titlesOf(shrunk)).state).toMatchObject({slide: 2, seen: [0, 1, 2], bookmarks: []});
	});

	it('keeps the index when the slide was renamed in place', () => {
		save({slide: 2, seen: [], bookmarks: []}, original);
		const renamed = ['Intro', 'Memory', 'Paging, revised', 'Shadow pages', 'Nested paging', 'Summary'];
		expect(loadState(dir, deck, titlesOf(renamed)).state?.slide).toBe(2);
	});

	it('survives an empty deck', () => {
		save({slide: 3, seen: [1, 2, 3], bookmarks: [2]}, original);
		expect(loadState(dir, deck, titlesOf([])).state).toMatchObject({slide: 0, seen: [], bookmarks: []});
	});
});
