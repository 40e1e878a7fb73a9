// The lecture hall under load: one leader (`lectern present --share`) and N real `lectern
// follow` processes, each in its own pseudo-terminal and emulator. Measures the time from the
// leader's key to the last follower's new slide on its terminal, the leader's own key latency
// with and without followers (and unshared), and each follower's peak memory against a bare
// `node` process measured by the same driver. A frame counts when its bytes arrive on the
// pseudo-terminal (a terminal would show it then); the followers' emulators, all in this one
// process, are fed afterwards and every screen must show the slide. Between keys it waits
// until every process has gone quiet (a speaker's presses are seconds apart; followers use the
// pause to lay out the next slide), and from the processes' own trace (hall-trace.mjs) it tells
// Lectern's time from the machine's: N processes share its cores. Each run's raw figures (every
// follower's arrival per key, the presses' times) go to bench/out/hall.json.
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {PtySession, sleep} from './pty-driver.mjs';
import {childEnv, freshXdg, lecternBin, outDir} from './env.mjs';
import {hallTimes, readTrace} from './hall-trace.mjs';
import {median, pct} from './stats.mjs';

const mark = i => `HALLMARK ${String(i).padStart(4, '0')} END`;
const shows = text => lines => lines.slice(0, -1).some(l => l.includes(text));

function writeDeck(slides) {
	const file = path.join(outDir, 'followers-deck.md');
	const parts = [];
	for (let i = 1; i <= slides; i++)
		parts.push(`## Slide ${i}\n\n${mark(i)}\n\n- a point to make\n- another point\n\n<!-- notes: notes for slide ${i} -->\n`);
	writeFileSync(file, `---\ntitle: Followers bench\n---\n\n${parts.join('\n---\n\n')}`);
	return file;
}

/** CPU time (ms) the processes have run so far, from the scheduler's own count (ns). */
function runMs(pids) {
	let sum = 0;
	for (const pid of pids) {
		try {
			sum += Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
		} catch {
			// exited, or no schedstat
		}
	}
	return sum;
}

/**
 * Waits (at least `minMs`, at most `maxMs`) until the processes together used under 1 ms of
 * CPU in 100 ms (the scheduler's count: clock ticks miss a follower's short bursts).
 */
async function quiet(pids, minMs, maxMs) {
	const start = performance.now();
	await sleep(minMs);
	let before = runMs(pids);
	while (performance.now() - start < maxMs) {
		await sleep(100);
		const now = runMs(pids);
		if (now - before < 1) return;
		before = now;
	}
}

/**
 * Key → the leader's own frame, `keys` times, and with followers key → the last follower's
 * frame. Times are when the frame's bytes (the new slide's marker, its synchronized update
 * closed) arrived on each pseudo-terminal: when a terminal would show it. The followers'
 * emulators are fed only after every follower's frame arrived (200 emulators in this one
 * process would otherwise delay reading the others' bytes); then every screen must show
 * the new slide. Returns the latencies in ms, the presses, the followers' and the bench's CPU.
 */
async function leaderKeys(leader, from, keys, o, followers = []) {
	const lead = [];
	const last = [];
	const presses = [];
	const followerCpu = [];
	const benchCpu = [];
	const wrongScreens = [];
	const arrivalsMs = [];
	const followerPids = followers.map(s => s.proc.pid);
	const pids = [leader.proc.pid, ...followerPids];
	// The first key too comes once the hall is quiet: the last followers to join may still be
	// laying out the frames ahead (and, in Lectern's, drawing its warm-up) a moment after joining.
	if (followers.length) await quiet(pids, 500, 10_000);
	for (let k = 0; k < keys; k++) {
		const target = mark(from + k + 1);
		for (const f of followers) f.hold();
		const waits = followers.map(f => f.waitForText(target, o.timeoutMs));
		const leaderWait = leader.waitForText(target, o.timeoutMs);
		const cpuBefore = followers.length ? runMs(followerPids) : 0;
		const benchBefore = process.cpuUsage();
		const {t} = leader.press('l');
		const at = await leaderWait;
		lead.push(at === undefined ? undefined : at - t);
		// `mono`: CLOCK_MONOTONIC seconds, to line a key up with `perf record -k CLOCK_MONOTONIC`.
		const press = {
			slide: from + k,
			at: performance.timeOrigin + t,
			mono: Number(process.hrtime.bigint()) / 1e9 - (performance.now() - t) / 1000,
		};
		presses.push(press);
		if (followers.length) {
			const arrivals = await Promise.all(waits);
			const bench = process.cpuUsage(benchBefore);
			benchCpu.push((bench.user + bench.system) / 1000);
			followerCpu.push((runMs(followerPids) - cpuBefore) / followers.length);
			const complete = arrivals.every(a => a !== undefined);
			last.push(complete ? Math.max(...arrivals) - t : undefined);
			arrivalsMs.push(arrivals.map(a => (a === undefined ? null : Math.round((a - t) * 100) / 100)));
			if (complete) press.seen = performance.timeOrigin + Math.max(...arrivals);
			for (const f of followers) f.release();
			const screens = await Promise.all(followers.map(f => f.waitFor(shows(target), o.timeoutMs)));
			const wrong = screens.filter(s => s === undefined).length;
			if (wrong > 0) wrongScreens.push(`${wrong} screens did not show slide ${from + k + 1}`);
		}
		if (!(await leader.waitFor(shows(target), o.timeoutMs))) wrongScreens.push(`the leader's screen did not show slide ${from + k + 1}`);
		// Let every emulator and process go quiet between keys, as between a speaker's presses.
		await quiet(pids, followers.length ? 200 : 50, followers.length ? 5000 : 1000);
	}
	return {lead, last, presses, followerCpu, benchCpu, wrongScreens, arrivalsMs};
}

async function startLeader(args, deck, size, env, o) {
	const leader = new PtySession(lecternBin, ['present', deck, '--no-watch', ...args], {cols: size.cols, rows: size.rows, env});
	const ok = await leader.waitFor(shows(mark(1)), o.timeoutMs);
	return ok === undefined ? {error: `leader did not show slide 1: ${leader.tailText()}`} : {leader};
}

async function floorRss(size, env) {
	const s = new PtySession('node', ['-e', 'process.stdout.write("ready"); setTimeout(() => {}, 1e6)'], {
		cols: size.cols,
		rows: size.rows,
		env,
	});
	await s.waitFor(lines => lines.some(l => l.includes('ready')), 10_000);
	await sleep(300);
	const rss = s.peakRssKiB();
	await s.close(undefined, 100);
	return rss;
}

export async function measureFollowers({count, keys, size, o, log}) {
	const result = {count, keys, size: size.label, errors: []};
	const slides = 3 * keys + 5;
	const deck = writeDeck(slides);
	const runtime = mkdtempSync(path.join(outDir, 'hall-'));
	mkdirSync(runtime, {recursive: true, mode: 0o700});
	const trace = path.join(outDir, 'hall-trace.jsonl');
	rmSync(trace, {force: true});
	const env = childEnv({...freshXdg(), XDG_RUNTIME_DIR: runtime, TMPDIR: runtime, LECTERN_HALL_TRACE: trace});

	log(`  followers: floor memory and the unshared presenter's keys`);
	result.floorRssKiB = await floorRss(size, env);
	const solo = await startLeader([], deck, size, env, o);
	if (solo.error) return {...result, errors: [solo.error]};
	result.soloKeyMs = (await leaderKeys(solo.leader, 1, keys, o)).lead;
	await solo.leader.close('q', 5000);

	result.loadAverage = os.loadavg()[0];
	const shared = await startLeader(['--share', 'bench'], deck, size, env, o);
	if (shared.error) return {...result, errors: [shared.error]};
	const {leader} = shared;
	log(`  followers: the shared presenter's keys with no followers`);
	const sharedKeys = await leaderKeys(leader, 1, keys, o);
	result.sharedKeyMs = sharedKeys.lead;
	result.sharedPresses = sharedKeys.presses;

	log(`  followers: starting ${count} followers`);
	const followers = [];
	// One follower in ten writes the trace: tracing costs a follower about a tenth of its work per key.
	const {LECTERN_HALL_TRACE: _untraced, ...untraced} = env;
	const started = await startFollowers(
		followers,
		count,
		i => [lecternBin, ['follow', 'bench'], i % 10 === 0 ? env : untraced],
		mark(1 + keys),
		size,
		o,
	);
	if (started) result.errors.push(started);

	if (result.errors.length === 0) {
		log(`  followers: ${keys} keys with ${count} followers`);
		const withFollowers = await leaderKeys(leader, 1 + keys, keys, o, followers);
		result.followersKeyMs = withFollowers.lead;
		result.lastFollowerMs = withFollowers.last;
		result.followerCpuMs = withFollowers.followerCpu;
		result.benchCpuMs = withFollowers.benchCpu;
		result.errors.push(...withFollowers.wrongScreens);
		result.presses = withFollowers.presses;
		result.arrivalsMs = withFollowers.arrivalsMs;
		result.followerPids = followers.map(f => f.proc.pid);
		result.followerRssKiB = followers.map(f => f.peakRssKiB()).filter(Boolean);
	}

	await leader.close('q', 10_000);
	const ended = await Promise.all(followers.map(f => Promise.race([f.exited.then(() => true), sleep(10_000).then(() => false)])));
	result.endedOnQuit = ended.filter(Boolean).length;
	await Promise.all(followers.map(f => f.close(undefined, 100)));
	writeFileSync(path.join(outDir, 'hall.json'), `${JSON.stringify(result)}\n`);
	// Each process writes its trace as it exits.
	if (result.presses) {
		result.lectern = hallTimes(readTrace(trace), result.presses);
		result.alone = hallTimes(readTrace(trace), result.sharedPresses);
	}
	if (result.errors.length === 0) result.floor = await measureFloorHall({count, keys, deck, size, env, o, log});
	return result;
}

/** Starts `count` followers 8 at a time, each showing `ready`; returns an error, if any. */
async function startFollowers(followers, count, command, ready, size, o) {
	const batch = 8;
	for (let i = 0; i < count; i += batch) {
		const started = [];
		for (let j = i; j < Math.min(count, i + batch); j++) {
			const [cmd, args, env] = command(j);
			const f = new PtySession(cmd, args, {cols: size.cols, rows: size.rows, env});
			followers.push(f);
			started.push(f.waitFor(shows(ready), o.timeoutMs * 4));
		}
		const seen = await Promise.all(started);
		if (seen.some(t => t === undefined)) return `a follower did not show the talk: ${followers.find(f => f.exit)?.tailText() ?? 'timeout'}`;
	}
	return undefined;
}

/**
 * The same keys with `count` floor followers (floor-follower.mjs: bare Node, a socket, a
 * three-row frame per position) instead of Lectern's, right after them: what this machine
 * does with that many processes woken at once, at this moment. Lectern's figures ÷ these.
 */
async function measureFloorHall({count, keys, deck, size, env, o, log}) {
	const {LECTERN_HALL_TRACE: _untraced, ...floorEnv} = env;
	const shared = await startLeader(['--share', 'floor'], deck, size, floorEnv, o);
	if (shared.error) return {errors: [shared.error]};
	const {leader} = shared;
	log(`  followers: ${count} floor followers (bare node)`);
	const script = fileURLToPath(new URL('floor-follower.mjs', import.meta.url));
	const socket = path.join(env.XDG_RUNTIME_DIR, 'lectern', 'floor.sock');
	const followers = [];
	const error = await startFollowers(followers, count, () => [process.execPath, [script, socket], floorEnv], mark(1), size, o);
	const floor = {loadAverage: os.loadavg()[0], errors: error ? [error] : []};
	if (!error) {
		log(`  followers: ${keys} keys with ${count} floor followers`);
		const keyed = await leaderKeys(leader, 1, keys, o, followers);
		floor.lastFollowerMs = keyed.last;
		floor.followersKeyMs = keyed.lead;
		floor.followerCpuMs = keyed.followerCpu;
		floor.errors.push(...keyed.wrongScreens);
	}

	await leader.close('q', 10_000);
	await Promise.all(followers.map(f => f.close(undefined, 3000)));
	return floor;
}

/** The report's lines for this measurement. */
export function followersReport(r) {
	const f = (x, digits = 1) => (typeof x === 'number' ? x.toFixed(digits) : '-');
	const rssMiB = kib => (typeof kib === 'number' ? kib / 1024 : undefined);
	const followerRss = median(r.followerRssKiB ?? []);
	const lines = [
		`followers: ${r.count}, ${r.keys} keys, ${r.size}; load average ${f(r.loadAverage)} at the start`,
		`key → last follower's frame on its terminal: median ${f(median(r.lastFollowerMs ?? []))} ms, p95 ${f(pct(r.lastFollowerMs ?? [], 95))} ms (aim: p95 < 100 ms at 200)`,
		`leader key latency: unshared ${f(median(r.soloKeyMs ?? []), 2)} ms, shared with no followers ${f(median(r.sharedKeyMs ?? []), 2)} ms, with ${r.count} followers ${f(median(r.followersKeyMs ?? []), 2)} ms (median; aim: within 1 ms of unshared)`,
		`follower peak RSS: median ${f(rssMiB(followerRss))} MiB, max ${f(rssMiB(Math.max(...(r.followerRssKiB ?? [0]))))} MiB; bare node ${f(rssMiB(r.floorRssKiB))} MiB; ratio ${f(followerRss && r.floorRssKiB ? followerRss / r.floorRssKiB : undefined, 2)} (aim: 1.3)`,
		`CPU per key: each follower ${f(median(r.followerCpuMs ?? []), 2)} ms (median over keys; from /proc/PID/schedstat, all its work from the key to the last follower's frame), the bench ${f(median(r.benchCpuMs ?? []))} ms`,
		`followers that ended when the leader quit: ${r.endedOnQuit ?? '-'} of ${r.count}`,
	];
	const fl = r.floor;
	if (fl?.lastFollowerMs) {
		const ratio = (a, b) => f(typeof a === 'number' && typeof b === 'number' && b > 0 ? a / b : undefined, 2);
		const [lm, lp, fm, fp] = [
			median(r.lastFollowerMs ?? []),
			pct(r.lastFollowerMs ?? [], 95),
			median(fl.lastFollowerMs),
			pct(fl.lastFollowerMs, 95),
		];
		lines.push(
			`the floor, right after: ${r.count} bare-node followers (bench/lib/floor-follower.mjs; load average ${f(fl.loadAverage)}): key → last follower median ${f(fm)} ms, p95 ${f(fp)} ms; each follower's CPU per key ${f(median(fl.followerCpuMs ?? []), 2)} ms; the leader ${f(median(fl.followersKeyMs ?? []), 2)} ms`,
			`Lectern ÷ floor: key → last follower median ${ratio(lm, fm)}, p95 ${ratio(lp, fp)}; CPU per follower ${ratio(median(r.followerCpuMs ?? []), median(fl.followerCpuMs ?? []))}`,
		);
	}
	if (fl?.errors?.length) lines.push(`floor errors: ${fl.errors.join('; ')}`);
	const t = r.lectern;
	if (t?.fanWall.median !== undefined) {
		const mp = x => `${f(x.median)} / ${f(x.p95)}`;
		lines.push(
			`Lectern's own part (median / p95 ms, from the processes' LECTERN_HALL_TRACE):`,
			`  leader: key → its frame written ${mp(t.framed)} (with no followers ${mp(r.alone?.framed ?? {})}); → positions start going out ${mp(t.fanStart)}; handing them to ${r.count} sockets ${mp(t.fanWall)} (CPU ${mp(t.fanCpu)})`,
			`  a follower (one in ten is traced): position read → its frame written ${mp(t.followerWall)} (CPU ${mp(t.followerCpu)})`,
			`  key → the last traced follower read the position ${mp(t.readLast)}, → wrote its frame ${mp(t.paintedLast)}`,
			`  the bench read the last frame ${mp(t.benchLate)} after the last traced follower wrote its own (the bench's own delay, or an untraced follower that wrote later)`,
		);
	}

	if (r.errors.length) lines.push(`errors: ${r.errors.join('; ')}`);
	return lines.join('\n');
}
