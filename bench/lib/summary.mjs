// Turns raw runs into the figures the tables, the targets and the baseline share.
import {KEY_FLOOR_KIND} from './key-kinds.mjs';
import {max, median, pct, ratio} from './stats.mjs';

export const FLOOR = 'node-floor';
export const LECTERN = 'lectern';
/** The key floor (bench/lib/key-floor.mjs): Node answering each "next" with the next marker. */
export const KEY_FLOOR = 'node-keys';
/** Lectern on the 10-slide deck, run in the 10,000-slide deck's first-frame loop. */
export const LECTERN_SMALL = 'lectern-10';

/** ptybench's table, recomputed from its JSON lines (median first, all-press key stats). */
export function summarizeTool(runs) {
	const keys = runs.flatMap(r => r.key_ms ?? []);
	const bytes = runs.flatMap(r => r.key_bytes ?? []);
	const rss = runs.map(r => r.rss_kib).filter(Boolean);
	const restored = runs.filter(r => r.quit_ok && ['alt_screen_left', 'cursor_shown', 'tty_modes_back'].every(f => r[f] ?? true)).length;
	return {
		runs: runs.length,
		first: median(runs.map(r => r.first_ms)),
		keyMed: median(keys),
		keyP95: pct(keys, 95),
		bytes: median(bytes),
		rssMiB: rss.length ? max(rss) / 1024 : undefined,
		restored,
		errors: runs.filter(r => r.error).map(r => r.error),
	};
}

/** Per deck size: each tool's summary in run order, plus the skipped ones. */
export function summarizeSize(size) {
	const tools = [];
	for (const r of size.runs) if (!tools.includes(r.tool)) tools.push(r.tool);
	const byTool = new Map(tools.map(t => [t, summarizeTool(size.runs.filter(r => r.tool === t))]));
	return {...size, byTool};
}

export function kindFigures(row) {
	return {
		n: row.ms.length,
		med: median(row.ms),
		p95: pct(row.ms, 95),
		bytes: median(row.bytes),
		bytesMax: max(row.bytes),
		rssMiB: row.rss.length ? max(row.rss) / 1024 : undefined,
	};
}

export function searchFigures(row) {
	return {
		n: row.wall.length,
		wall: median(row.wall),
		wallP95: pct(row.wall, 95),
		floor: median(row.floor),
		wallRatio: ratio(median(row.wall), median(row.floor)),
		load: median(row.load),
		query: median(row.queryMs),
		queryP95: pct(row.queryMs, 95),
	};
}

/**
 * Lectern's figures as machine-independent numbers: a time as a ratio to a bare-Node
 * time from the same run, bytes as they are, memory as a ratio to bare Node's. `floors`
 * keeps the divisor of each time ratio, so a comparison can turn a noise allowance in
 * milliseconds into ratio units.
 */
export function lecternMetrics({sizes, lecture, kinds, search}) {
	const metrics = {};
	const floors = {};
	const put = (k, v, floorMs) => {
		if (typeof v !== 'number' || !Number.isFinite(v)) return;
		metrics[k] = Number(v.toPrecision(4));
		if (floorMs !== undefined) floors[k] = Number(floorMs.toFixed(2));
	};
	for (const s of sizes) {
		const floor = s.byTool.get(FLOOR);
		const lec = s.byTool.get(LECTERN);
		if (!floor || !lec || lec.errors.length) continue;
		put(`first.${s.n}`, ratio(lec.first, floor.first), floor.first);
		// ptybench's key time is mostly its own round trip (pty, waking the program, pyte), which
		// moves with the machine, not with Node's start-up: ÷ the key floor's key median in the
		// same invocation. Against `node -e`'s first frame, the baseline commit's own build read
		// 70-110% "slower" on 2026-12-02 than on the machine that saved it (bench/README.md).
		const keyFloor = s.byTool.get(KEY_FLOOR);
		if (keyFloor && !keyFloor.errors.length) put(`next_med.${s.n}`, ratio(lec.keyMed, keyFloor.keyMed), keyFloor.keyMed);
		put(`next_bytes.${s.n}`, lec.bytes);
		put(`rss.${s.n}`, ratio(lec.rssMiB, floor.rssMiB));
	}
	const ownFloor = median(lecture?.floor.ms ?? []);
	if (lecture?.lecture.ms.length && !lecture.lecture.errors.length) {
		put('first.lecture', ratio(median(lecture.lecture.ms), ownFloor), ownFloor);
	}
	// Our driver's key times are read against its key floor (Node answering each `l`, nothing
	// else, bench/lib/key-floor.mjs) in the same run, for the reason ptybench's are: the round
	// trip is the machine's. Against `node -e`'s first frame, the session's first build and its
	// last, alternated on a fresh machine, read the same medians and both "107-261% over".
	const floorRow = kinds.find(row => row.kind === KEY_FLOOR_KIND && !row.errors.length && row.ms.length);
	const keyFloor = floorRow ? kindFigures(floorRow).med : undefined;
	for (const row of kinds) {
		if (row.errors.length || row.kind === KEY_FLOOR_KIND) continue;
		const f = kindFigures(row);
		const k = `${row.kind.replace(/\W+/g, '_')}.${row.deck}.${row.size}`;
		// Medians only: a p95 of 20-100 presses swings with any other load on the machine.
		if (keyFloor !== undefined) put(`key_med.${k}`, ratio(f.med, keyFloor), keyFloor);
		put(`bytes.${k}`, f.bytes);
	}
	for (const row of search) {
		if (row.errors.length) continue;
		const f = searchFigures(row);
		put(`search_wall.${row.deck}`, f.wallRatio, f.floor);
		put(`search_query.${row.deck}`, ratio(f.query, f.floor), f.floor);
	}
	return {metrics, floors};
}
