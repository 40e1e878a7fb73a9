// Batch commands (print, check, export, outline) over a huge deck run again in a second Node
// without `--no-opt`. The bin keeps V8 to its interpreter and baseline compiler (bin/lectern.js
// says why: the presenter's memory), which costs a command that goes through every slide of a
// huge deck 2-3x its CPU; TurboFan's own cost (compiling, on the main thread) only pays off past
// tens of thousands of lines. The flags are Node's command line, never v8.setFlagsFromString
// (undefined behaviour), so the only way to change them is a new process.
//
// Measured (CPU seconds, medians of 3, 2-core machine, one process from the snapshot under
// --no-opt -> one without it and without the snapshot, which is tied to the flags it was made
// with; the first run's ~0.08 s comes on top):
//   deck                                   print          check          export
//   realistic, 1,000 slides (0.6 MB)       0.43 -> 0.63   0.34 -> 0.60   0.46 -> 0.78
//   realistic, 3,000 slides (1.8 MB)       1.12 -> 1.11   0.76 -> 0.95   1.15 -> 1.17
//   realistic, 10,000 slides (6 MB)        3.46 -> 1.81   2.22 -> 1.37   3.15 -> 1.70
//   100,000 different slides (2 MB)        3.77 -> 1.59   3.52 -> 1.13   4.10 -> 1.49
//   `#` x 300,000 (0.6 MB)                 1.56 -> 0.87   2.31 -> 0.69   2.12 -> 0.94
// The cost follows the bytes and the slides: the 300,000 `#` are 600 KB. A deck of many lines but
// few slides (300,000 lines of one paragraph, 200,000 separators before one slide, a list of
// 100,000 items: a slide is read up to 1,000 lines) costs 0.1-0.3 s either way, and the second
// Node's start makes it 0.1-0.2 s slower. So both are estimated before any parse, from the file's
// size and the lines in its first 64 KiB that may make a slide (a heading or a rule, a setext
// underline, presenterm's end_slide): a second run from 2 MiB or 50,000 such lines. (A deck of
// megabytes in a few slides, read up to 64 KiB each, is re-run for nothing: 3,000 ever deeper
// quote lines, 4.5 MB, 0.13 s in one process and 0.29 s re-run; the sample cannot tell.)
import {spawn} from 'node:child_process';
import {closeSync, constants, fstatSync, openSync, readSync, statSync} from 'node:fs';
import {constants as os} from 'node:os';
import {expandDeckPaths} from './decks.js';

/** Where the optimised second run is cheaper (see the table above). */
export const optimisedFrom = {bytes: 2 * 1024 * 1024, slideLines: 50_000} as const;

const sampleBytes = 64 * 1024;

/** Lines that may start or end a slide in some dialect: an ATX heading, a thematic break, a setext underline. */
const slideLine = /^(?:#|<!--\s*end_slide|(?:-{3,}|\*{3,}|_{3,}|=+)[ \t]*$)/gm;

export type DeckShape = Readonly<{bytes: number; slideLines: number}>;

/**
 * A file's size and its lines that may make a slide, estimated from its first 64 KiB; nothing
 * when it is no regular file or cannot be read (the command itself says why). Opened as the deck
 * loader opens decks, never blocking on a FIFO.
 */
export function estimatedShape(path: string): DeckShape {
	let fd: number | undefined;
	try {
		if (!statSync(path).isFile()) return {bytes: 0, slideLines: 0};
		fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
		const stat = fstatSync(fd);
		if (!stat.isFile() || stat.size === 0) return {bytes: 0, slideLines: 0};
		const sample = Buffer.alloc(Math.min(sampleBytes, stat.size));
		const read = readSync(fd, sample, 0, sample.length, 0);
		// Latin-1 keeps every byte one character: a regular expression counts the lines natively.
		const found = read === 0 ? 0 : (sample.toString('latin1', 0, read).match(slideLine)?.length ?? 0);
		return {bytes: stat.size, slideLines: read === 0 ? 0 : Math.round((found * stat.size) / read)};
	} catch {
		return {bytes: 0, slideLines: 0};
	} finally {
		if (fd !== undefined) closeSync(fd);
	}
}

/** Whether decks of these shapes, together, are worth a second, optimised run. */
export function worthRerun(shapes: readonly DeckShape[]): boolean {
	let bytes = 0;
	let slideLines = 0;
	for (const shape of shapes) {
		bytes += shape.bytes;
		slideLines += shape.slideLines;
	}

	return bytes >= optimisedFrom.bytes || slideLines >= optimisedFrom.slideLines;
}

/**
 * Node's arguments for the optimised second run, or undefined when this run is not under
 * `--no-opt` (already optimised, or started another way): `--no-opt` and the start-up snapshot
 * (made with `--no-opt`: Node refuses it under other flags) are dropped, and so is
 * `--max-semi-space-size` (the presenter's young generation kept at 1 MiB: a batch command's
 * short-lived objects are promoted and collected again by full collections; without it, same
 * load, two runs each: check of 100,000 slides 1.45 -> 1.20 s of CPU and 156 -> 117 MB, export
 * 1.9-2.05 -> 1.45-1.55 s and 192-196 -> 118 MB, print the same); the rest kept.
 */
export function optimisedNodeArgs(execArgv: readonly string[]): string[] | undefined {
	if (!execArgv.includes('--no-opt')) return undefined;
	const kept: string[] = [];
	for (let i = 0; i < execArgv.length; i++) {
		const arg = execArgv[i] as string;
		if (arg === '--snapshot-blob' || arg === '--max-semi-space-size') {
			i++;
			continue;
		}

		if (arg === '--no-opt' || arg.startsWith('--snapshot-blob=') || arg.startsWith('--max-semi-space-size=')) continue;
		kept.push(arg);
	}
	return kept;
}

/** A deck argument's file: `deck.md:N` (print's slide) is `deck.md` when no file has the whole name. */
function deckFile(arg: string): string {
	const match = /^(.*):\d+$/.exec(arg);
	if (match === null) return arg;
	try {
		statSync(arg);
		return arg;
	} catch {
		return match[1] as string;
	}
}

/** The files behind the deck arguments: folders searched as check and outline search them (none given: the bundled decks, small). */
function deckFiles(decks: readonly string[]): string[] {
	try {
		return expandDeckPaths(decks.map(deckFile));
	} catch {
		// A folder that cannot be listed: the command stops on it with one line, in this run or the
		// second; the files given still count as they are (a folder among them counts nothing).
		return decks.map(deckFile);
	}
}

/**
 * When `decks` (the command's deck arguments, files or folders) hold enough lines and this
 * run is under `--no-opt`, runs the same command line in a second Node without it, with the
 * same standard streams, and resolves to its exit code; otherwise resolves to undefined and the
 * caller runs the command itself. SIGINT, SIGTERM and SIGHUP are passed on (the second run
 * cleans up as the first would), and a second run killed by a signal kills this one the same way.
 */
export async function rerunOptimisedIfHuge(decks: readonly string[]): Promise<number | undefined> {
	const nodeArgs = optimisedNodeArgs(process.execArgv);
	const script = process.argv[1];
	if (nodeArgs === undefined || script === undefined) return undefined;
	if (decks.length === 0 || !worthRerun(deckFiles(decks).map(estimatedShape))) return undefined;
	const child = spawn(process.execPath, [...nodeArgs, script, ...process.argv.slice(2)], {stdio: 'inherit'});
	const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
	const pass = (signal: NodeJS.Signals) => child.kill(signal);
	for (const signal of signals) process.on(signal, pass);
	return new Promise(resolve => {
		const done = (code: number | undefined) => {
			for (const each of signals) process.off(each, pass);
			resolve(code);
		};
		// Node could not be started again (no memory, no process left): run the command here.
		child.on('error', () => done(undefined));
		child.on('exit', (code, signal) => {
			if (signal !== null) {
				for (const each of signals) process.off(each, pass);
				process.kill(process.pid, signal);
				// Still here (the signal is handled elsewhere): the shell's code for it.
				done(128 + (os.signals[signal] ?? 0));
				return;
			}

			done(code ?? 1);
		});
	});
}
