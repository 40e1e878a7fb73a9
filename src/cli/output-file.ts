// Writing a command's output file (convert's Markdown deck, export's handout): never onto the
// file it was made from, and whole or not at all.
import {closeSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, statSync, write, writeSync} from 'node:fs';
import {basename, dirname, join} from 'node:path';
import {LecternError, exitCodes} from './errors.js';
import {isStaleTemp, tempName} from '../temp-names.js';
import {piecesOf} from './write-lines.js';

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
 * module bundle does not have.) For a text already made (convert's deck): one write.
 */
export function writeOutput(output: string, text: string): void {
	const temp = tempFor(output);
	try {
		const fd = openSync(temp, 'wx', 0o644);
		try {
			writeSync(fd, text);
			fsyncSync(fd);
		} finally {
			closeSync(fd);
		}

		renameSync(temp, output);
	} catch (error) {
		rmSync(temp, {force: true});
		throw outputError(error, output);
	}
}

const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * As writeOutput, for a text made in parts (export's page: tens of megabytes for a huge deck),
 * written 64 KiB at a time, each write awaited: only what one write takes is held, and between
 * writes the process answers signals. SIGINT, SIGTERM or SIGHUP while writing removes the temp
 * file, then ends the process as the signal would have; so does any way out before the rename
 * (an error, process.exit). A temp file left by an earlier run that was killed outright
 * (SIGKILL, a crash: its process is gone) is removed first.
 */
export async function writeOutputParts(output: string, parts: Iterable<string>): Promise<void> {
	removeOrphanedTemps(output);
	const temp = tempFor(output);
	let fd: number | undefined;
	const removeTemp = () => {
		if (fd !== undefined) closeSync(fd);
		fd = undefined;
		rmSync(temp, {force: true});
	};
	const onSignal = (signal: NodeJS.Signals) => {
		removeTemp();
		stopWatching();
		process.kill(process.pid, signal);
	};
	const stopWatching = () => {
		for (const signal of signals) process.off(signal, onSignal);
		process.off('exit', removeTemp);
	};
	try {
		// Watched before the file exists: a signal right after it is made must find the handler.
		for (const signal of signals) process.on(signal, onSignal);
		process.on('exit', removeTemp);
		fd = openSync(temp, 'wx', 0o644);
		for (const piece of piecesOf(parts)) await writeAll(fd, piece);
		fsyncSync(fd);
		closeSync(fd);
		fd = undefined;
		renameSync(temp, output);
	} catch (error) {
		removeTemp();
		throw outputError(error, output);
	} finally {
		stopWatching();
	}
}

/** One write through libuv's threads (the event loop turns meanwhile: a signal is handled between writes). */
function writeAll(fd: number | undefined, text: string): Promise<void> {
	return new Promise((resolve, reject) => {
		if (fd === undefined) {
			reject(new Error('the output was closed'));
			return;
		}

		const bytes = Buffer.from(text);
		const from = (offset: number) =>
			write(fd, bytes, offset, bytes.length - offset, null, (error, written) => {
				if (error) reject(error);
				else if (offset + written < bytes.length) from(offset + written);
				else resolve();
			});
		from(0);
	});
}

/** `.deck.html.HOST.PID.UNIQUE.tmp` beside `deck.html`: hidden, and named after the process that writes it. */
function tempFor(output: string): string {
	return join(dirname(output), tempName(`.${basename(output)}`));
}

/** Removes this output's temp files whose process (on this host) is gone: killed outright while writing. */
function removeOrphanedTemps(output: string): void {
	const base = `.${basename(output)}`;
	let names: string[];
	try {
		names = readdirSync(dirname(output));
	} catch {
		return;
	}

	for (const name of names) {
		if (isStaleTemp(name, base)) rmSync(join(dirname(output), name), {force: true});
	}
}

function outputError(error: unknown, output: string): LecternError {
	const code = (error as NodeJS.ErrnoException).code;
	const reason =
		code === 'ENOENT'
			? 'its folder does not exist'
			: code === 'EACCES' || code === 'EPERM'
				? 'permission denied'
				: `cannot be written (${code ?? (error as Error).message})`;
	return new LecternError(`${reason}: nothing was written`, {file: output});
}
