// Writing a command's output file (convert's Markdown deck, export's handout): never onto the
// file it was made from, and whole or not at all.
import {randomBytes} from 'node:crypto';
import {closeSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeSync} from 'node:fs';
import {basename, dirname, join} from 'node:path';
import {LecternError, exitCodes} from './errors.js';

/** Writing a file onto its input would lose the original: refuse, whatever the spelling of the path. */
export function refuseInputAsOutput(input: string, output: string, what: string): void {
	let same = false;
	try {
		const a = statSync(input);
		const b = statSync(output);
		if (b.isDirectory()) {
			throw new LecternError(`is a directory: give -o the path of the ${what} to write`, {file: output, code: exitCodes.usage});
		}

		same = a.dev === b.dev && a.ino === b.ino;
	} catch (error) {
		if (error instanceof LecternError) {
			throw error;
		}
		// The output does not exist yet (or the input does not: reading it says so).
	}

	if (same) {
		throw new LecternError(`-o is the input file: write the ${what} to another file`, {file: output, code: exitCodes.usage});
	}
}

/**
 * Written whole or not at all: a temp file beside the output (same file system), flushed, then
 * renamed over it. (write-file-atomic does this too, but it needs `__filename`, which the ES
 * module bundle does not have.)
 */
export function writeOutput(output: string, text: string): void {
	writeOutputInParts(output, write => write(text));
}

/** As writeOutput, for a text made in parts (`make` calls `write` with each), written 64 KiB at a time. */
export function writeOutputInParts(output: string, make: (write: (part: string) => void) => void): void {
	const temp = join(dirname(output), `.${basename(output)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
	try {
		const fd = openSync(temp, 'wx', 0o644);
		try {
			let pending: string[] = [];
			let size = 0;
			make(part => {
				pending.push(part);
				size += part.length;
				if (size >= 65_536) {
					writeSync(fd, pending.join(''));
					pending = [];
					size = 0;
				}
			});
			writeSync(fd, pending.join(''));
			fsyncSync(fd);
		} finally {
			closeSync(fd);
		}

		renameSync(temp, output);
	} catch (error) {
		rmSync(temp, {force: true});
		const code = (error as NodeJS.ErrnoException).code;
		const reason =
			code === 'ENOENT'
				? 'its folder does not exist'
				: code === 'EACCES' || code === 'EPERM'
					? 'permission denied'
					: `cannot be written (${code ?? (error as Error).message})`;
		throw new LecternError(`${reason}: nothing was written`, {file: output});
	}
}
