// Study-mode state per deck (position, slides seen, bookmarks) in the XDG state directory.
// Synchronous on purpose: the last save happens in an exit handler, where nothing async runs.
// The default import (not `* as`) keeps fs calls patchable, so tests can fail a rename.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {sanitizeLine} from '../deck/sanitize.js';
import {isStaleTemp, tempName} from '../temp-names.js';
import {sha256Hex} from './sha256.js';
import type {QuizAnswer} from '../deck/quiz.js';
import {
	decodeRanges,
	encodeRanges,
	parseAnswerKey,
	remapper,
	sortedUnique,
	titleChars,
	type Range,
	type SlideTitles,
	type StudyState,
} from './study-state.js';

/** `warning` is the one-line message for stderr; `reason` its short form, for a status bar. */
export type LoadResult = {state: StudyState | undefined; warning?: string; reason?: string};
export type SaveResult = {ok: true; file: string} | {ok: false; message: string};
export type SaveOptions = {
	/** Titles of the deck's slides now, stored for the slides the state names so a later load can follow them. */
	titles?: SlideTitles;
	now?: Date;
};

/** The file as stored. `seen` is ranges so a 10,000-slide deck that was read through is one pair. */
type StateFile = {
	version: 1;
	deck: string;
	slide: number;
	seen: Range[];
	bookmarks: number[];
	/** Title by slide index (decimal string), for the current slide, bookmarks and ends of seen ranges. */
	slideTitles?: Record<string, string>;
	updatedAt: string;
	/** Answers to self-check questions (added after version 1 first shipped: optional, so older files still load). */
	answers?: StoredAnswer[];
};

/** One answer as stored: the question's slide and order on it, what was picked or typed, and whether it was right. */
type StoredAnswer = {slide: number; question: number; right: boolean; picked?: number[]; typed?: string};

// A typed answer is a word or a number; a longer one in a file was not written by Lectern.
const maxTyped = 200;

const version = 1;
// Guards memory when a hostile or damaged file claims huge ranges.
const maxSlides = 1_000_000;
const maxFileBytes = 4 * 1024 * 1024;

/** `$XDG_STATE_HOME/lectern`, or `~/.local/state/lectern` when it is unset or relative (as XDG says). */
export function defaultStateDir(env: NodeJS.ProcessEnv = process.env): string {
	const base = env['XDG_STATE_HOME'];
	const root = base && path.isAbsolute(base) ? base : path.join(os.homedir(), '.local', 'state');
	return path.join(root, 'lectern');
}

/** The absolute real path the state is keyed by (falls back to the absolute path for a missing deck). */
export function deckKey(deckPath: string): string {
	const absolute = path.resolve(deckPath);
	try {
		return fs.realpathSync(absolute);
	} catch {
		return absolute;
	}
}

export function stateFile(dir: string, deckPath: string): string {
	const hash = sha256Hex(deckKey(deckPath)).slice(0, 16);
	return path.join(path.resolve(dir), 'decks', `${hash}.json`);
}

export function loadState(dir: string, deckPath: string, currentTitles?: SlideTitles): LoadResult {
	const file = stateFile(dir, deckPath);
	const ignore = (reason: string): LoadResult => ({
		state: undefined,
		warning: sanitizeLine(`lectern: ignoring unreadable study state ${file}: ${reason}`),
		reason: sanitizeLine(reason),
	});
	const read = readStateText(file);
	if ('missing' in read) return {state: undefined};
	if ('problem' in read) return ignore(read.problem);
	let data: unknown;
	try {
		data = JSON.parse(read.text);
	} catch (error) {
		return ignore(`not JSON (${errorMessage(error)})`);
	}
	const problem = checkShape(data);
	if (problem !== undefined) return ignore(problem);
	const stored = data as StateFile;
	if (stored.deck !== deckKey(deckPath)) return ignore(`it belongs to ${stored.deck}`);
	return {state: fromFile(stored, currentTitles)};
}

/**
 * The state file's text, read the way decks are read: only a regular file, checked before and
 * after a non-blocking open (a FIFO cannot hang the open, a device or /dev/tty is never read),
 * and never more than the cap, even if the file grows while it is read.
 */
function readStateText(file: string): {text: string} | {missing: true} | {problem: string} {
	let fd: number;
	try {
		const kind = notRegular(fs.statSync(file));
		if (kind) return {problem: `not a regular file (${kind})`};
		fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK | fs.constants.O_NOCTTY);
	} catch (error) {
		if (errorCode(error) === 'ENOENT') return {missing: true};
		return {problem: errorMessage(error)};
	}
	try {
		const stat = fs.fstatSync(fd);
		const kind = notRegular(stat);
		if (kind) return {problem: `not a regular file (${kind})`};
		if (stat.size > maxFileBytes) return {problem: `larger than ${maxFileBytes} bytes`};
		// One byte more than the file's size: a file that grew since is cut and fails as JSON.
		const buffer = Buffer.allocUnsafe(stat.size + 1);
		let length = 0;
		for (let got = -1; got !== 0 && length < buffer.length; ) {
			got = fs.readSync(fd, buffer, length, buffer.length - length, null);
			length += got;
		}
		return {text: buffer.toString('utf8', 0, length)};
	} catch (error) {
		return {problem: errorMessage(error)};
	} finally {
		fs.closeSync(fd);
	}
}

/** What a non-regular file is, for the warning; undefined for a regular file. */
function notRegular(stat: fs.Stats): string | undefined {
	if (stat.isFile()) return undefined;
	if (stat.isDirectory()) return 'a directory';
	if (stat.isFIFO()) return 'a FIFO';
	if (stat.isCharacterDevice()) return 'a character device';
	if (stat.isBlockDevice()) return 'a block device';
	if (stat.isSocket()) return 'a socket';
	return 'not a file';
}

export function saveState(dir: string, deckPath: string, state: StudyState, options: SaveOptions = {}): SaveResult {
	const file = stateFile(dir, deckPath);
	const folder = path.dirname(file);
	const temp = tempName(file);
	let fd: number | undefined;
	try {
		fs.mkdirSync(folder, {recursive: true, mode: 0o700});
		const text = `${JSON.stringify(toFile(deckKey(deckPath), state, options))}\n`;
		// `wx` refuses to follow a planted symlink or reuse someone else's file.
		fd = fs.openSync(temp, 'wx', 0o600);
		fs.writeFileSync(fd, text);
		fs.fsyncSync(fd);
		fs.closeSync(fd);
		fd = undefined;
		fs.renameSync(temp, file);
	} catch (error) {
		try {
			if (fd !== undefined) fs.closeSync(fd);
			fs.rmSync(temp, {force: true});
		} catch {
			// The save already failed; that is the error worth reporting.
		}
		return {ok: false, message: sanitizeLine(`lectern: cannot save study state ${file}: ${errorMessage(error)}`)};
	}
	syncDirectory(folder);
	removeStaleTemps(folder, path.basename(file));
	return {ok: true, file};
}

function toFile(deck: string, state: StudyState, options: SaveOptions): StateFile {
	const seen = encodeRanges(state.seen);
	const file: StateFile = {
		version,
		deck,
		slide: state.slide,
		seen,
		bookmarks: [...state.bookmarks],
		updatedAt: (options.now ?? new Date()).toISOString(),
	};
	const answers = toStoredAnswers(state.answers);
	if (answers.length > 0) file.answers = answers;
	const {titles} = options;
	if (titles) {
		const named = [state.slide, ...state.bookmarks, ...seen.flat(), ...answers.map(answer => answer.slide)];
		const slideTitles: Record<string, string> = {};
		for (const index of named) {
			if (index < titles.count) slideTitles[String(index)] = titles.at(index).slice(0, titleChars);
		}
		file.slideTitles = slideTitles;
	}
	return file;
}

function toStoredAnswers(answers: StudyState['answers']): StoredAnswer[] {
	const out: StoredAnswer[] = [];
	for (const [key, answer] of Object.entries(answers ?? {})) {
		const place = parseAnswerKey(key);
		if (!place) continue;
		out.push({
			slide: place.slide,
			question: place.ordinal,
			right: answer.right,
			...(answer.picked ? {picked: [...answer.picked]} : {}),
			...(answer.typed === undefined ? {} : {typed: answer.typed}),
		});
	}
	return out.sort((a, b) => a.slide - b.slide || a.question - b.question);
}

/** Stored answers → the model's, each slide followed with `remap` (an answer whose slide is gone is dropped). */
function fromStoredAnswers(
	stored: readonly StoredAnswer[] | undefined,
	remap: (index: number) => number | undefined,
): StudyState['answers'] {
	if (!stored || stored.length === 0) return undefined;
	const answers: Record<string, QuizAnswer> = {};
	for (const answer of stored) {
		const slide = remap(answer.slide);
		if (slide === undefined) continue;
		answers[`${slide}:${answer.question}`] = {
			right: answer.right,
			...(answer.picked ? {picked: answer.picked} : {}),
			...(answer.typed === undefined ? {} : {typed: sanitizeLine(answer.typed)}),
		};
	}
	return answers;
}

function fromFile(stored: StateFile, currentTitles: SlideTitles | undefined): StudyState {
	const base = {updatedAt: stored.updatedAt};
	if (!currentTitles) {
		const answers = fromStoredAnswers(stored.answers, index => index);
		return {
			...base,
			slide: stored.slide,
			seen: decodeRanges(stored.seen),
			bookmarks: sortedUnique(stored.bookmarks),
			...(answers ? {answers} : {}),
		};
	}
	const {count} = currentTitles;
	const remap = remapper(stored.slideTitles ?? {}, currentTitles);
	const seen: Range[] = [];
	for (const [first, last] of stored.seen) {
		const newFirst = remap(first);
		const newLast = remap(last);
		if (newFirst !== undefined && newLast !== undefined) {
			if (newFirst <= newLast) seen.push([newFirst, newLast]);
			else seen.push([newFirst, newFirst], [newLast, newLast]);
		} else {
			// One end is gone: move the range with the end that survived (neither did: drop it).
			const shift = newFirst !== undefined ? newFirst - first : newLast !== undefined ? newLast - last : undefined;
			if (shift === undefined) continue;
			const from = Math.max(0, first + shift);
			const to = Math.min(count - 1, last + shift);
			if (from <= to) seen.push([from, to]);
		}
	}
	const bookmarks = stored.bookmarks.map(index => remap(index)).filter(index => index !== undefined);
	const slide = remap(stored.slide) ?? Math.max(0, Math.min(stored.slide, count - 1));
	const answers = fromStoredAnswers(stored.answers, remap);
	return {...base, slide, seen: decodeRanges(seen), bookmarks: sortedUnique(bookmarks), ...(answers ? {answers} : {})};
}

/** Why `data` is not a version-1 state file, or undefined when it is one. */
function checkShape(data: unknown): string | undefined {
	if (!isRecord(data)) return 'not a JSON object';
	if (data['version'] !== version) return `unsupported version ${JSON.stringify(data['version']) ?? 'none'}`;
	if (typeof data['deck'] !== 'string') return 'invalid deck';
	if (!isIndex(data['slide'])) return 'invalid slide';
	const seen = data['seen'];
	if (!Array.isArray(seen) || !seen.every(range => isRange(range))) return 'invalid seen';
	const bookmarks = data['bookmarks'];
	if (!Array.isArray(bookmarks) || !bookmarks.every(index => isIndex(index))) return 'invalid bookmarks';
	const titles = data['slideTitles'];
	if (titles !== undefined && !(isRecord(titles) && Object.values(titles).every(title => typeof title === 'string'))) {
		return 'invalid slideTitles';
	}
	if (typeof data['updatedAt'] !== 'string') return 'invalid updatedAt';
	const answers = data['answers'];
	if (answers !== undefined && !(Array.isArray(answers) && answers.length <= maxSlides && answers.every(answer => isStoredAnswer(answer))))
		return 'invalid answers';
	return undefined;
}

function isStoredAnswer(value: unknown): boolean {
	if (!isRecord(value)) return false;
	const {slide, question, right, picked, typed} = value;
	if (
		!isIndex(slide) ||
		!(Number.isInteger(question) && (question as number) >= 0 && (question as number) < 1000) ||
		typeof right !== 'boolean'
	)
		return false;
	if (
		picked !== undefined &&
		!(Array.isArray(picked) && picked.length <= 9 && picked.every(index => Number.isInteger(index) && index >= 0 && index < 9))
	)
		return false;
	return typed === undefined || (typeof typed === 'string' && typed.length <= maxTyped);
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isRange(value: unknown): boolean {
	return Array.isArray(value) && value.length === 2 && isIndex(value[0]) && isIndex(value[1]) && value[0] <= value[1];
}

function isIndex(value: unknown): value is number {
	return Number.isInteger(value) && (value as number) >= 0 && (value as number) < maxSlides;
}

/** Temp files of writers (on this host) that died between open and rename; live writers' files are left alone. */
function removeStaleTemps(folder: string, name: string): void {
	try {
		for (const entry of fs.readdirSync(folder)) {
			if (isStaleTemp(entry, name)) fs.rmSync(path.join(folder, entry), {force: true});
		}
	} catch {
		// Tidying is best effort; the state itself is already saved.
	}
}

/** Makes the rename itself durable. */
function syncDirectory(folder: string): void {
	try {
		const fd = fs.openSync(folder, fs.constants.O_RDONLY | fs.constants.O_DIRECTORY | fs.constants.O_NONBLOCK);
		try {
			fs.fsyncSync(fd);
		} finally {
			fs.closeSync(fd);
		}
	} catch {
		// Some file systems refuse to fsync a directory.
	}
}

function errorCode(error: unknown): string | undefined {
	return isRecord(error) && typeof error['code'] === 'string' ? error['code'] : undefined;
}

function errorMessage(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
