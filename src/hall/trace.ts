// LECTERN_HALL_TRACE=FILE: the lecture hall's timings as JSON lines, for the followers bench
// (bench/lib/followers.mjs) to tell Lectern's own time from the machine's: when the leader
// handed a position to the kernel, when a follower read it and when its frame was written,
// each with the CPU time it took. Times are milliseconds since the epoch (performance's
// origin plus its clock), so lines from different processes compare.
import {openSync, writeSync} from 'node:fs';

export type HallTrace = Readonly<{now: () => number; log: (entry: Readonly<Record<string, unknown>>) => void}>;

function traceTo(file: string): HallTrace {
	const now = () => performance.timeOrigin + performance.now();
	// Opened once, for appending: a hall of followers writes a line each per position, and an
	// open and close per line would be part of what is measured.
	let fd: number | undefined;
	return {
		now,
		log(entry) {
			fd ??= openSync(file, 'a');
			writeSync(fd, `${JSON.stringify({...entry, end: now(), pid: process.pid})}\n`);
		},
	};
}

const file = process.env['LECTERN_HALL_TRACE'];
export const hallTrace: HallTrace | undefined = file ? traceTo(file) : undefined;
