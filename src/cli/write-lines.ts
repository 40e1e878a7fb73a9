// A command's output to a stream in pieces of 64 KiB, made only as fast as the stream takes it:
// `check` on 200,000 slides without notes says 20 MB, `outline` of 300,000 slides 6 MB, export's
// page of 300,000 slides 70 MB. Joining them into one string first held all of it at once; and
// stdout on a pipe is asynchronous in Node when the pipe is full (its reader is slower), so
// writing without waiting queued the whole output in memory (export of 300,000 `#` slides to a
// pipe peaked at 424 MB).
import {itemAt} from '../deck/checked.js';

/** The part of a writable stream (stdout) this needs: write, and the events that end a wait. */
export type PartsOut = Readonly<{
	write: (text: string) => boolean;
	once: (event: 'drain' | 'close', listener: () => void) => unknown;
	off: (event: 'drain' | 'close', listener: () => void) => unknown;
}>;

/**
 * Each part to `out`, joined into pieces of about 64 KiB; when `out` has more queued than it
 * wants (write returned false), the next part is asked for only once it has drained, and none
 * once it has closed or failed (its reader went away, a full disk: whoever handles that says so).
 */
export async function writeParts(out: PartsOut, parts: Iterable<string>): Promise<void> {
	for (const piece of piecesOf(parts)) {
		if (!out.write(piece) && !(await drained(out))) return;
	}
}

/** `parts` joined into pieces of about 64 KiB (the last one shorter, none empty), each made only when asked for. */
export function* piecesOf(parts: Iterable<string>): Generator<string, void, undefined> {
	let pending = '';
	for (const part of parts) {
		pending += part;
		if (pending.length >= 65_536) {
			yield pending;
			pending = '';
		}
	}

	if (pending !== '') yield pending;
}

/**
 * Resolves to true when `out` drains, false when it closes first (a stream that fails is
 * destroyed, and closes right after its 'error'). No 'error' listener: stdout's error is
 * start.ts's to report, and it leaves alone an error that another listener is there to handle
 * (with one here, `print deck.md > /dev/full` said nothing and exited 0).
 */
export function drained(out: PartsOut): Promise<boolean> {
	return new Promise(resolve => {
		const settle = (open: boolean) => () => {
			out.off('drain', onDrain);
			out.off('close', onEnd);
			resolve(open);
		};
		const onDrain = settle(true);
		const onEnd = settle(false);
		out.once('drain', onDrain);
		out.once('close', onEnd);
	});
}

/** Each of `count` lines (made by `lineAt` when asked for) followed by a line end. */
export function* linesOf(count: number, lineAt: (index: number) => string): Generator<string, void, undefined> {
	for (let i = 0; i < count; i++) yield `${lineAt(i)}\n`;
}

/** writeParts for `count` lines made by `lineAt`. */
export function writeLines(out: PartsOut, count: number, lineAt: (index: number) => string): Promise<void> {
	return writeParts(out, linesOf(count, lineAt));
}

/** writeLines for lines already made. */
export function writeEachLine(out: PartsOut, lines: readonly string[]): Promise<void> {
	return writeLines(out, lines.length, i => itemAt(lines, i));
}
