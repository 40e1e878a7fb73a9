// A command's lines to a stream in pieces of 64 KiB: `check` on 200,000 slides without notes
// says 20 MB, `outline` of 300,000 slides 6 MB, and joining them into one string first held all
// of it at once and copied it in one stretch.
import {itemAt} from '../deck/checked.js';

export type LineOut = Readonly<{write: (text: string) => unknown}>;

/** Each of `count` lines (made by `lineAt` when written) followed by a line end. */
export function writeLines(out: LineOut, count: number, lineAt: (index: number) => string): void {
	let pending = '';
	for (let i = 0; i < count; i++) {
		pending += `${lineAt(i)}\n`;
		if (pending.length >= 65_536) {
			out.write(pending);
			pending = '';
		}
	}

	if (pending !== '') out.write(pending);
}

/** writeLines for lines already made. */
export function writeEachLine(out: LineOut, lines: readonly string[]): void {
	writeLines(out, lines.length, i => itemAt(lines, i));
}
