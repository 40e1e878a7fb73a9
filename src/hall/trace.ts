// LECTERN_HALL_TRACE=FILE: the lecture hall's timings as JSON lines, for the followers bench
// (bench/lib/followers.mjs) to tell Lectern's own time from the machine's: when the leader
// handed a position to the kernel, when a follower read it and when its frame was written,
// each with the CPU time it took. Times are milliseconds since the epoch (performance's
// origin plus its clock), so lines from different processes compare.
import {appendFileSync} from 'node:fs';

export type HallTrace = Readonly<{now: () => number; log: (entry: Readonly<Record<string, unknown>>) => void}>;

function traceTo(file: string): HallTrace {
	const now = () => performance.timeOrigin + performance.now();
	// Kept in memory and written when the process exits (or the lines grow long): a hall of
	// followers logs a line each per position, and a write per line would be part of what is measured.
	let lines = '';
	const flush = () => {
		if (lines !== '') {
			appendFileSync(file, lines);
			lines = '';
		}
	};

	process.on('exit', flush);
	return {
		now,
		log(entry) {
			lines += `${JSON.stringify({...entry, end: now(), pid: process.pid})}\n`;
			if (lines.length > 64 * 1024) {
				flush();
			}
		},
	};
}

const file = process.env['LECTERN_HALL_TRACE'];
export const hallTrace: HallTrace | undefined = file ? traceTo(file) : undefined;
