// Reading a deck file safely: regular files only, a size cap checked before reading, strict
// UTF-8 (UTF-16 with a byte-order mark is transcoded), and every failure as one clear line.
import {closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats} from 'node:fs';
import {isUtf8} from 'node:buffer';
import {DeckError, openDeck} from '../deck/deck.js';
import {FrontMatterError} from '../deck/front-matter.js';
import type {Deck} from '../deck/types.js';
import {LecternError} from './errors.js';

export const defaultMaxBytes = 10 * 1024 * 1024;

export function readDeckText(file: string, maxBytes: number = defaultMaxBytes): string {
	let fd: number;
	try {
		// Look before opening: opening a FIFO would block until someone writes to it.
		refuseNonFile(statSync(file), file);
		fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
	} catch (error) {
		if (error instanceof LecternError) {
			throw error;
		}

		throw fileError(file, error as NodeJS.ErrnoException);
	}

	try {
		// Again on the open file: the path may have been swapped since it was looked at.
		const stat = fstatSync(fd);
		refuseNonFile(stat, file);

		if (stat.size > maxBytes) {
			throw new LecternError(`is ${formatMiB(stat.size)}, over the ${formatMiB(maxBytes)} limit: raise it with --max-size <MiB>`, {file});
		}

		const buffer = Buffer.alloc(stat.size);
		let read = 0;
		while (read < stat.size) {
			const got = readSync(fd, buffer, read, stat.size - read, read);
			if (got === 0) {
				break;
			}

			read += got;
		}

		return decodeDeck(buffer.subarray(0, read), file);
	} catch (error) {
		if (error instanceof LecternError) {
			throw error;
		}

		throw fileError(file, error as NodeJS.ErrnoException);
	} finally {
		closeSync(fd);
	}
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

/** Read and open a deck; every failure is a LecternError naming the file (and line). */
export function loadDeck(file: string, maxBytes?: number): Deck {
	const text = readDeckText(file, maxBytes);
	try {
		return openDeck(text, file);
	} catch (error) {
		if (error instanceof FrontMatterError || error instanceof DeckError) {
			throw new LecternError(error.message, {file, line: error.line});
		}

		throw error;
	}
}

export function isDirectory(path: string): boolean {
	try {
		return statSync(path).isDirectory();
	} catch {
		return false;
	}
}
