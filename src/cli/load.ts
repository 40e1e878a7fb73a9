// Reading a deck file safely: regular files only, a size cap checked before reading, strict
// UTF-8 (UTF-16 with a byte-order mark is transcoded), and every failure as one clear line.
import {closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats} from 'node:fs';
import {isUtf8} from 'node:buffer';
import {DeckError, openDeck, openDeckHead, openDeckSteps} from '../deck/deck.js';
import type {DialectName} from '../deck/dialects/dialect.js';
import {FrontMatterError} from '../deck/front-matter.js';
import type {Deck} from '../deck/types.js';
import {nextTurn, runSlice} from '../slices.js';
import {LecternError} from './errors.js';

export const defaultMaxBytes = 10 * 1024 * 1024;

export function readDeckText(file: string, maxBytes: number = defaultMaxBytes): string {
	return decodeDeck(readDeckBytes(file, maxBytes).bytes, file);
}

/**
 * The file's bytes (all of them, or the first `limit(size)`), after refusing what is not a
 * regular file or is over `maxBytes`; also returns the file's whole size and its stamp. The
 * file is opened without blocking (a FIFO is refused, not waited on) and stat'ed once, on the
 * open descriptor: what is checked is what is read.
 */
function readDeckBytes(
	file: string,
	maxBytes: number,
	limit: (size: number) => number = size => size,
): {bytes: Buffer; fileSize: number; stamp: string} {
	const fd = openDeckFile(file);
	try {
		const stat = checkedStat(fd, file, maxBytes);
		const wanted = Math.min(stat.size, limit(stat.size));
		const buffer = Buffer.allocUnsafe(wanted);
		const read = readInto(fd, buffer, 0, wanted);
		return {bytes: buffer.subarray(0, read), fileSize: stat.size, stamp: stampOf(stat)};
	} catch (error) {
		throw asLoadError(error, file);
	} finally {
		closeSync(fd);
	}
}

/** The file opened without blocking (a FIFO is refused, not waited on). */
function openDeckFile(file: string): number {
	try {
		return openSync(file, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
	} catch (error) {
		throw fileError(file, error as NodeJS.ErrnoException);
	}
}

/** Stat'ed once, on the open descriptor (what is checked is what is read): a regular file within the cap. */
function checkedStat(fd: number, file: string, maxBytes: number): Stats {
	const stat = fstatSync(fd);
	refuseNonFile(stat, file);
	if (stat.size > maxBytes) {
		throw new LecternError(`is ${formatMiB(stat.size)}, over the ${formatMiB(maxBytes)} limit: raise it with --max-size <MiB>`, {file});
	}

	return stat;
}

/**
 * Reads bytes `from`..`to` of the file into `buffer` at the same offsets (or, given `position`,
 * the file's bytes from there into `buffer` at `from`..`to`); returns where it stopped in `buffer`.
 */
function readInto(fd: number, buffer: Buffer, from: number, to: number, position: number = from): number {
	let read = from;
	while (read < to) {
		const got = readSync(fd, buffer, read, to - read, position + read - from);
		if (got === 0) {
			break;
		}

		read += got;
	}

	return read;
}

function asLoadError(error: unknown, file: string): unknown {
	return error instanceof LecternError ? error : fileError(file, error as NodeJS.ErrnoException);
}

/** How much of the file one slice of a sliced read reads and decodes. */
const readSliceBytes = 256 * 1024;

/**
 * Up to this size a sliced read keeps the file's bytes and decodes them once, at the end: the text
 * decoded a slice at a time was a rope of the slices, flattened into a second copy by the first
 * scan over it (1,000-slide deck, 577 KiB: both alive until the next full collection). Decoding 1
 * MiB at once takes a few milliseconds, non-ASCII text included; the bytes go with the next
 * scavenge (they die young).
 */
const decodeOnceBytes = 1024 * 1024;

/**
 * readDeckText for the presenter, which must answer `q`, Ctrl-C and signals meanwhile: the file
 * is read and decoded `readSliceBytes` at a time, with `pause()` between (decoding 10 MiB of
 * non-ASCII text at once took 0.2-0.4 s on a loaded 2-core machine; 256 KiB, 5-25 ms). A file
 * that is not clean UTF-8 (a NUL, a bad byte, a UTF-16 byte-order mark) is decoded whole by
 * decodeDeck, which says what is wrong, or transcodes UTF-16; `aborted()` stops the read.
 */
export async function readDeckTextInSlices(
	file: string,
	maxBytes: number,
	pause: () => Promise<void>,
	aborted: () => boolean = () => false,
): Promise<string> {
	const fd = openDeckFile(file);
	try {
		const stat = checkedStat(fd, file, maxBytes);
		if (stat.size <= decodeOnceBytes) {
			const whole = Buffer.allocUnsafe(stat.size);
			let read = 0;
			while (read < stat.size && !aborted()) {
				const got = readInto(fd, whole, read, Math.min(stat.size, read + readSliceBytes));
				if (got === read) {
					break;
				}

				read = got;
				await pause();
			}

			return aborted() ? '' : decodeDeck(whole.subarray(0, read), file);
		}

		// One slice's bytes at a time: a buffer of the whole file stays in memory until V8's next
		// full collection (a 6 MB deck's 6 MB, at the presenter's peak).
		const buffer = Buffer.allocUnsafe(Math.min(stat.size, readSliceBytes));
		const decoder = new TextDecoder('utf-8', {fatal: true});
		let text = '';
		let read = 0;
		let clean = true;
		while (clean && read < stat.size && !aborted()) {
			const got = readInto(fd, buffer, 0, Math.min(stat.size - read, readSliceBytes), read);
			if (got === 0) {
				break;
			}

			const slice = buffer.subarray(0, got);
			const utf16 = read === 0 && ((slice[0] === 0xff && slice[1] === 0xfe) || (slice[0] === 0xfe && slice[1] === 0xff));
			read += got;
			if (!utf16 && slice.indexOf(0) === -1) {
				try {
					// Joined as a rope: flattened once, by the first scan over the text.
					text += decoder.decode(slice, {stream: true});
				} catch {
					clean = false;
				}
			} else {
				clean = false;
			}

			await pause();
		}

		if (aborted()) {
			return '';
		}

		if (clean) {
			try {
				text += decoder.decode();
				return text.charCodeAt(0) === 0xfe_ff ? text.slice(1) : text;
			} catch {
				// A sequence cut off at the end: decodeDeck names the offset.
			}
		}

		// Not clean UTF-8 (or UTF-16): decodeDeck reads the whole file's bytes and says what is wrong.
		const whole = Buffer.allocUnsafe(stat.size);
		return decodeDeck(whole.subarray(0, readInto(fd, whole, 0, stat.size)), file);
	} catch (error) {
		throw asLoadError(error, file);
	} finally {
		closeSync(fd);
	}
}

/** What identifies a file's content for the watcher: inode, size and modification time. */
function stampOf(stat: Stats): string {
	return `${stat.ino}:${stat.size}:${stat.mtimeMs}`;
}

/** The file's stamp now ('' when it is gone), to compare with the one its deck was read with. */
export function fileStamp(file: string): string {
	const stat = statSync(file, {throwIfNoEntry: false});
	return stat ? stampOf(stat) : '';
}

function refuseNonFile(stat: Stats, file: string): void {
	if (stat.isDirectory()) {
		throw new LecternError('is a directory: give the path of a deck file (.md)', {file});
	}

	if (!stat.isFile()) {
		throw new LecternError('is not a regular file (a device, FIFO or socket): give the path of a deck file', {file});
	}
}

export function decodeDeck(bytes: Buffer, file: string): string {
	if (bytes[0] === 0xff && bytes[1] === 0xfe) {
		return new TextDecoder('utf-16le').decode(bytes.subarray(2));
	}

	if (bytes[0] === 0xfe && bytes[1] === 0xff) {
		return new TextDecoder('utf-16be').decode(bytes.subarray(2));
	}

	const nul = bytes.indexOf(0);
	if (nul !== -1) {
		throw new LecternError(`looks like a binary file (a NUL byte at offset ${nul}): a deck is UTF-8 Markdown text`, {file});
	}

	if (!isUtf8(bytes)) {
		throw new LecternError(`is not valid UTF-8 (bad byte at offset ${firstInvalidUtf8(bytes)}): save it as UTF-8`, {file});
	}

	const text = bytes.toString('utf8');
	return text.charCodeAt(0) === 0xfe_ff ? text.slice(1) : text;
}

/** Offset of the first byte that breaks UTF-8 (only called once isUtf8 said no). */
function firstInvalidUtf8(bytes: Buffer): number {
	const decoder = new TextDecoder('utf-8', {fatal: true});
	let low = 0;
	let high = bytes.length;
	// The longest valid prefix, by bisection; a prefix may end inside a sequence, so allow 3 bytes.
	while (low < high) {
		const mid = Math.ceil((low + high) / 2);
		let valid = false;
		for (let cut = mid; cut >= Math.max(low, mid - 3) && !valid; cut--) {
			try {
				decoder.decode(bytes.subarray(0, cut));
				valid = cut === mid;
			} catch {
				// Not valid up to here.
			}
		}

		if (valid) {
			low = mid;
		} else {
			high = mid - 1;
		}
	}

	return low;
}

function fileError(file: string, error: NodeJS.ErrnoException): LecternError {
	switch (error.code) {
		case 'ENOENT': {
			return new LecternError('no such file: check the path', {file});
		}

		case 'EACCES':
		case 'EPERM': {
			return new LecternError('permission denied: the file cannot be read', {file});
		}

		case 'ELOOP': {
			return new LecternError('a loop of symbolic links: point at the deck file itself', {file});
		}

		case 'EISDIR': {
			return new LecternError('is a directory: give the path of a deck file (.md)', {file});
		}

		// A socket cannot be opened; a device without a driver behind it neither.
		case 'ENXIO':
		case 'ENODEV': {
			return new LecternError('is not a regular file (a device, FIFO or socket): give the path of a deck file', {file});
		}

		case 'ENAMETOOLONG': {
			return new LecternError('the path is too long', {file});
		}

		default: {
			return new LecternError(`cannot be read (${error.code ?? error.message})`, {file});
		}
	}
}

function formatMiB(bytes: number): string {
	return `${(bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 2 : 1)} MiB`;
}

let forcedDialect: DialectName | undefined;

/** `--dialect NAME`: every deck is read in that dialect instead of the one detected. */
export function forceDialect(name: DialectName | undefined): void {
	forcedDialect = name;
}

/** Read and open a deck; every failure is a LecternError naming the file (and line). */
export function loadDeck(file: string, maxBytes?: number): Deck {
	return openLoaded(readDeckText(file, maxBytes), file);
}

function openLoaded(text: string, file: string): Deck {
	try {
		return openDeck(text, file, forcedDialect);
	} catch (error) {
		throw deckError(error, file);
	}
}

function deckError(error: unknown, file: string): unknown {
	return error instanceof FrontMatterError || error instanceof DeckError
		? new LecternError(error.message, {file, line: error.line})
		: error;
}

/** How long one slice of a sliced load may hold the event loop. */
const loadSliceMs = 8;

/**
 * loadDeck for the presenter, which must answer `q`, Ctrl-C and signals while a deck of up to
 * the size cap is read: the file is read and decoded in slices (readDeckTextInSlices), then
 * scanned in slices of about `loadSliceMs`, with the event loop free between them. Once
 * `aborted()` says so (the user quit meanwhile) it stops at the next slice and resolves undefined.
 */
export async function loadDeckInSlices(
	file: string,
	maxBytes: number = defaultMaxBytes,
	aborted: () => boolean = () => false,
): Promise<Deck | undefined> {
	const text = await readDeckTextInSlices(file, maxBytes, nextTurn, aborted);
	if (aborted()) {
		return undefined;
	}

	const steps = openDeckSteps(text, file, forcedDialect);
	for (;;) {
		let step: IteratorResult<unknown, Deck>;
		try {
			step = runSlice(steps, loadSliceMs);
		} catch (error) {
			throw deckError(error, file);
		}

		if (step.done) {
			return step.value;
		}

		await nextTurn();
		if (aborted()) {
			return undefined;
		}
	}
}

/**
 * Files larger than the head open with their first slides first (see `loadDeckStart`): the
 * bundled lecture (200 KB) too, whose whole scan was ~6% of its first frame's CPU (247 -> 233
 * ms, busy machine, medians of 7; peak RSS at the first frame 57.8 -> 54.9 MiB).
 */
export const headFirstFrom = 64 * 1024;
const headBytes = 64 * 1024;
// Of those, the part cut into slides: enough for the first slides of a deck of ordinary slides
// (the bench decks' ~600-byte slides: 27 of them; a longer first slide loads the whole deck
// first). Scanning is most of what the head costs: all 64 KiB took ~5% of the first frame's CPU
// on the 1,000-slide deck (261 -> 247 ms, a busy machine's medians).
const headScanChars = 16 * 1024;

/**
 * A file up to this size whose start cannot be shown first is read, decoded and scanned at once
 * (within loadAtOnceMs) before the first frame (the bundled lecture, 200 KB: a few milliseconds); a larger one is
 * loaded in slices after the screen is taken, behind a "reading" frame, so `q` and signals are
 * answered meanwhile (reading, decoding and scanning 10 MiB at once took 0.3-1 s on a loaded
 * machine; 600 KB of `#` lines, 300,000 slides, ~0.2 s).
 */
export const loadAtOnceBytes = 256 * 1024;

/**
 * How long the scan of such a file may take before the first frame: the bundled lecture's takes
 * a few milliseconds, but 160 KB of one list item's continuation lines (40,000 lines that each
 * ask for the list's indentation) took 40-75 ms at once, on top of the first frame's ~25
 * (bench/stalls.mjs list-continuation, loaded machine). Past it the scan's work is dropped and
 * the deck is loaded in slices behind the "reading" frame, as a larger file.
 */
export const loadAtOnceMs = 16;

/**
 * What the presenter's first frame needs, from one read of the file: the whole deck, or (with
 * `headFirst`, for a large file) the first whole slides of its first 64 KiB, so the first frame
 * need not wait for the whole file to be read and scanned: then `deck.partial` is set and the
 * caller loads the whole deck right after. `deck` is undefined for a file over `loadAtOnceBytes`
 * whose start is not enough (or not asked for): the caller loads it with loadDeckInSlices.
 * `stamp` is the file's as read (see `fileStamp`).
 */
export function loadDeckStart(
	file: string,
	maxBytes: number = defaultMaxBytes,
	headFirst = true,
	atOnceMs: number = loadAtOnceMs,
): {deck: Deck | undefined; stamp: string} {
	const {bytes, fileSize, stamp} = readDeckBytes(file, maxBytes, size => (size >= headFirstFrom ? headBytes : size));
	// UTF-16 decks (a byte-order mark) are rare and small: they are read whole.
	if (headFirst && bytes.length < fileSize && bytes[0] !== 0xff && bytes[0] !== 0xfe) {
		// Cut at the last line end, so no character is split; what is read is checked as usual.
		const head = openDeckHead(decodeDeck(bytes.subarray(0, bytes.lastIndexOf(0x0a) + 1), file), file, forcedDialect, headScanChars);
		if (head) {
			return {deck: head, stamp};
		}
	}

	if (bytes.length === fileSize) {
		return {deck: openLoaded(decodeDeck(bytes, file), file), stamp};
	}

	// A start that cannot tell (see `openDeckHead`), or studying (which resumes anywhere): the whole deck.
	return {deck: fileSize > loadAtOnceBytes ? undefined : loadDeckWithin(file, maxBytes, atOnceMs), stamp};
}

/** loadDeck, when its scan takes at most about `ms` (undefined when it would take longer). */
function loadDeckWithin(file: string, maxBytes: number, ms: number): Deck | undefined {
	const steps = openDeckSteps(readDeckText(file, maxBytes), file, forcedDialect);
	try {
		const step = runSlice(steps, ms);
		return step.done ? step.value : undefined;
	} catch (error) {
		throw deckError(error, file);
	}
}

export function isDirectory(path: string): boolean {
	try {
		return statSync(path).isDirectory();
	} catch {
		return false;
	}
}
