// LECTERN_HALL_TRACE=FILE: the lecture hall's timings as JSON lines, for the followers bench
// (bench/lib/followers.mjs) to tell Lectern's own time from the machine's: when the leader
// handed a position to the kernel, when a follower read it and when its frame was written,
// each with the CPU time it took. Times are milliseconds since the epoch (performance's
// origin plus its clock), so lines from different processes compare.
import {appendFileSync} from 'node:fs';

export type HallTrace = Readonly<{now: () => number; log: (entry: Readonly<Record<string, unknown>>) => void}>;

function traceTo(file: string): HallTrace {
	const now = () => performance.timeOrigin + performance.now();
	return {
		now,
		log(entry) {
			appendFileSync(file, `${JSON.stringify({...entry, end: now(), pid: process.pid})}\n`);
		},
	};
}

const file = process.env['LECTERN_HALL_TRACE'];
export const hallTrace: HallTrace | undefined = file ? traceTo(file) : undefined;
