// First frame of the bundled lecture, with a bare-Node floor measured by the same driver
// in the same loop (ptybench only knows SLIDE markers, and ratios need one driver).
import {existsSync, readFileSync} from 'node:fs';
import {PtySession} from './pty-driver.mjs';
import {childEnv, freshXdg, lecternBin} from './env.mjs';
import {KEYS, slideMark} from './key-kinds.mjs';

const FLOOR_ARGS = ['-e', `process.stdout.write(${JSON.stringify(slideMark(1))})`];

/** The first heading's text, Markdown marks removed: what the first slide surely shows. */
export function firstTitle(file) {
	const lines = readFileSync(file, 'utf8').replace(/\r\n?/g, '\n').split('\n');
	let i = 0;
	if (lines[0] === '---') {
		const end = lines.indexOf('---', 1);
		i = end > 0 ? end + 1 : 0;
	}
	let fence;
	for (; i < lines.length; i++) {
		const line = lines[i];
		const f = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
		if (f) {
			if (!fence) fence = f[1][0];
			else if (f[1][0] === fence) fence = undefined;
			continue;
		}
		const h = !fence && /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
		if (h?.[1]) {
			const text = h[1]
				.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
				.replace(/[*_`~]/g, '')
				.trim();
			// A long title may wrap; its first words will not.
			return text.length <= 24 ? text : text.slice(0, 24).replace(/\s+\S*$/, '');
		}
	}
	return undefined;
}

async function firstFrame(cmd, args, marker, size, o) {
	const s = new PtySession(cmd, args, {cols: size.cols, rows: size.rows, env: childEnv(freshXdg())});
	const want = marker.toLowerCase();
	// Not the last row: the status bar shows the deck title, often the same words.
	const t = await s.waitFor(lines => lines.slice(0, -1).some(l => l.toLowerCase().includes(want)), o.timeoutMs);
	const said = t === undefined ? s.tailText() : '';
	const rss = s.peakRssKiB();
	await s.close(cmd === 'node' && args[0] === '-e' ? undefined : KEYS.quit, o.timeoutMs);
	if (t === undefined) return {error: `"${marker}" not seen${s.exit ? ` (exit ${s.exit.exitCode})` : ''}${said ? `: ${said}` : ''}`};
	return {ms: t - s.t0, rss};
}

/**
 * Bare `node -e` first frame (always) and the lecture's first frame (when the file is
 * there), interleaved so both see the same machine load; with `small` (a generated deck of a
 * few slides), that deck's first frame too, so the lecture can be read against Lectern's own
 * start under the same driver (this driver's floor is not ptybench's).
 */
export async function measureLectureAndFloor({lecture, marker, small, size, o, log}) {
	const floor = {ms: [], errors: []};
	const row = {file: lecture, marker, ms: [], rss: [], errors: []};
	const smallRow = small ? {file: small.file, marker: slideMark(1), label: small.label, ms: [], rss: [], errors: []} : undefined;
	const have = existsSync(lecture);
	if (!have) row.errors.push(`${lecture} not found`);
	else if (!row.marker) row.marker = firstTitle(lecture);
	if (have && !row.marker) row.errors.push('no heading found to wait for: pass --lecture-marker');
	log(`  lecture first frame and node floor (${o.repeat} runs)`);
	for (let rep = 0; rep < o.repeat; rep++) {
		const f = await firstFrame('node', FLOOR_ARGS, slideMark(1), size, o);
		if (f.ms !== undefined) floor.ms.push(f.ms);
		else floor.errors.push(f.error);
		if (!have || !row.marker) continue;
		const r = await firstFrame(lecternBin, [lecture], row.marker, size, o);
		record(row, r);
		if (smallRow) record(smallRow, await firstFrame(lecternBin, [smallRow.file], smallRow.marker, size, o));
	}
	return {floor, lecture: row, small: smallRow};
}

function record(row, r) {
	if (r.ms !== undefined) {
		row.ms.push(r.ms);
		if (r.rss) row.rss.push(r.rss);
	} else {
		row.errors.push(r.error);
	}
}
