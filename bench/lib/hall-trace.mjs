// What of the lecture hall's time is Lectern's own: the leader and every follower run with
// LECTERN_HALL_TRACE (src/hall/trace.ts), one JSON line per position handed to the followers
// (`fan-out`: when, how long, CPU) and per position a follower drew (`follower`: read → frame
// written, CPU). Times are epoch milliseconds, so they line up with the bench's key presses.
import {existsSync, readFileSync} from 'node:fs';
import {median, pct} from './stats.mjs';

export function readTrace(file) {
	if (!existsSync(file)) return [];
	return readFileSync(file, 'utf8')
		.split('\n')
		.filter(Boolean)
		.flatMap(line => {
			try {
				return [JSON.parse(line)];
			} catch {
				return [];
			}
		});
}

/**
 * Per press (`{slide, at}`, `at` in epoch ms; `seen`: when the bench saw the last follower's
 * screen, epoch ms): the leader's fan-out and the followers' own work, as medians and p95s.
 */
export function hallTimes(entries, presses) {
	const framed = [];
	const fanStart = [];
	const fanWall = [];
	const fanCpu = [];
	const readLast = [];
	const paintedLast = [];
	const followerWall = [];
	const followerCpu = [];
	const benchLate = [];
	for (const press of presses) {
		const after = e => e.slide === press.slide && e.start >= press.at - 1;
		const fan = entries.find(e => e.event === 'fan-out' && after(e));
		if (fan) {
			if (fan.painted !== undefined) framed.push(fan.painted - press.at);
			fanStart.push(fan.start - press.at);
			fanWall.push(fan.end - fan.start);
			fanCpu.push(fan.cpuMs);
		}

		const drawn = entries.filter(e => e.event === 'follower' && after(e));
		if (drawn.length === 0) continue;
		readLast.push(Math.max(...drawn.map(e => e.start)) - press.at);
		const lastPainted = Math.max(...drawn.map(e => e.end));
		paintedLast.push(lastPainted - press.at);
		for (const e of drawn) {
			followerWall.push(e.end - e.start);
			followerCpu.push(e.cpuMs);
		}

		if (press.seen !== undefined) benchLate.push(press.seen - lastPainted);
	}

	const both = xs => ({median: median(xs), p95: pct(xs, 95)});
	return {
		framed: both(framed),
		fanStart: both(fanStart),
		fanWall: both(fanWall),
		fanCpu: both(fanCpu),
		readLast: both(readLast),
		paintedLast: both(paintedLast),
		followerWall: both(followerWall),
		followerCpu: both(followerCpu),
		benchLate: both(benchLate),
	};
}
