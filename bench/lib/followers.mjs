// The lecture hall under load: one leader (`lectern present --share`) and N real `lectern
// follow` processes, each in its own pseudo-terminal and emulator. Measures the time from the
// leader's key to the last follower's screen showing the new slide, the leader's own key
// latency with and without followers (and unshared), and each follower's peak memory
// against a bare `node` process measured by the same driver.
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {PtySession, sleep} from './pty-driver.mjs';
import {childEnv, freshXdg, lecternBin, outDir} from './env.mjs';
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

/** Key → the leader's own frame, `keys` times; returns the latencies in ms. */
async function leaderKeys(leader, from, keys, o, followers = []) {
	const lead = [];
	const last = [];
	for (let k = 0; k < keys; k++) {
		const target = mark(from + k + 1);
		const waits = followers.map(f => f.waitFor(shows(target), o.timeoutMs));
		const {t} = leader.press('l');
		const at = await leader.waitFor(shows(target), o.timeoutMs);
		lead.push(at === undefined ? undefined : at - t);
		if (followers.length) {
			const arrivals = await Promise.all(waits);
			last.push(arrivals.some(a => a === undefined) ? undefined : Math.max(...arrivals) - t);
		}
		// Let every emulator and process go quiet between keys, as between a speaker's presses.
		await sleep(followers.length ? 200 : 50);
	}
	return {lead, last};
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
	const env = childEnv({...freshXdg(), XDG_RUNTIME_DIR: runtime, TMPDIR: runtime});

	log(`  followers: floor memory and the unshared presenter's keys`);
	result.floorRssKiB = await floorRss(size, env);
	const solo = await startLeader([], deck, size, env, o);
	if (solo.error) return {...result, errors: [solo.error]};
	result.soloKeyMs = (await leaderKeys(solo.leader, 1, keys, o)).lead;
	await solo.leader.close('q', 5000);

	const shared = await startLeader(['--share', 'bench'], deck, size, env, o);
	if (shared.error) return {...result, errors: [shared.error]};
	const {leader} = shared;
	log(`  followers: the shared presenter's keys with no followers`);
	result.sharedKeyMs = (await leaderKeys(leader, 1, keys, o)).lead;

	log(`  followers: starting ${count} followers`);
	const followers = [];
	const batch = 8;
	for (let i = 0; i < count; i += batch) {
		const started = [];
		for (let j = i; j < Math.min(count, i + batch); j++) {
			const f = new PtySession(lecternBin, ['follow', 'bench'], {cols: size.cols, rows: size.rows, env});
			followers.push(f);
			started.push(f.waitFor(shows(mark(1 + keys)), o.timeoutMs * 4));
		}
		const seen = await Promise.all(started);
		if (seen.some(t => t === undefined)) {
			result.errors.push(`a follower did not show the talk: ${followers.find(f => f.exit)?.tailText() ?? 'timeout'}`);
			break;
		}
	}

	if (result.errors.length === 0) {
		log(`  followers: ${keys} keys with ${count} followers`);
		await sleep(500);
		const withFollowers = await leaderKeys(leader, 1 + keys, keys, o, followers);
		result.followersKeyMs = withFollowers.lead;
		result.lastFollowerMs = withFollowers.last;
		result.followerRssKiB = followers.map(f => f.peakRssKiB()).filter(Boolean);
	}

	await leader.close('q', 10_000);
	const ended = await Promise.all(followers.map(f => Promise.race([f.exited.then(() => true), sleep(10_000).then(() => false)])));
	result.endedOnQuit = ended.filter(Boolean).length;
	await Promise.all(followers.map(f => f.close(undefined, 100)));
	return result;
}

/** The report's lines for this measurement. */
export function followersReport(r) {
	const f = (x, digits = 1) => (typeof x === 'number' ? x.toFixed(digits) : '-');
	const rssMiB = kib => (typeof kib === 'number' ? kib / 1024 : undefined);
	const followerRss = median(r.followerRssKiB ?? []);
	const lines = [
		`followers: ${r.count}, ${r.keys} keys, ${r.size}`,
		`key → last follower's screen: median ${f(median(r.lastFollowerMs ?? []))} ms, p95 ${f(pct(r.lastFollowerMs ?? [], 95))} ms (aim: p95 < 100 ms at 200)`,
		`leader key latency: unshared ${f(median(r.soloKeyMs ?? []), 2)} ms, shared with no followers ${f(median(r.sharedKeyMs ?? []), 2)} ms, with ${r.count} followers ${f(median(r.followersKeyMs ?? []), 2)} ms (median; aim: within 1 ms of unshared)`,
		`follower peak RSS: median ${f(rssMiB(followerRss))} MiB, max ${f(rssMiB(Math.max(...(r.followerRssKiB ?? [0]))))} MiB; bare node ${f(rssMiB(r.floorRssKiB))} MiB; ratio ${f(followerRss && r.floorRssKiB ? followerRss / r.floorRssKiB : undefined, 2)} (aim: 1.3)`,
		`followers that ended when the leader quit: ${r.endedOnQuit ?? '-'} of ${r.count}`,
	];
	if (r.errors.length) lines.push(`errors: ${r.errors.join('; ')}`);
	return lines.join('\n');
}
