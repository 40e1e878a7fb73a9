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
 * Lectern's figures for the baseline (the kinds are listed in bench/lib/compare.mjs): a start-up
 * or search time as a ratio to a bare-Node time from the same run, bytes as they are, memory as
 * a ratio to bare Node's, and a key as Lectern's own part of it in ms (its median minus the key
 * floor's). `floors` keeps each ratio's divisor and each key's subtracted floor, so a comparison
 * can turn a noise allowance in milliseconds into ratio units; `calibration` and `machine` (this
 * machine's, from run.mjs) are passed through for the baseline.
 */
export function lecternMetrics({sizes, lecture, kinds, search, calibration, machine}) {
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
		// No key time from ptybench: its "next" median (3.3-3.5 ms for the key floor node-keys on
		// 2026-12-02, 0.4 ms through our driver) is mostly the harness's own Python (pyte emulating
		// the reply, select), so Lectern's part of it read 2.1 ms on one machine and 0.4 on another
		// for the same build. Our driver's key_own.* below judges the keys.
		put(`next_bytes.${s.n}`, lec.bytes);
		put(`rss.${s.n}`, ratio(lec.rssMiB, floor.rssMiB));
	}
	const ownFloor = median(lecture?.floor.ms ?? []);
	if (lecture?.lecture.ms.length && !lecture.lecture.errors.length) {
		put('first.lecture', ratio(median(lecture.lecture.ms), ownFloor), ownFloor);
	}
	// A key as Lectern's own part of it: our driver's median minus its key floor's (Node answering
	// each `l`, nothing else, bench/lib/key-floor.mjs) in the same run, which is the machine's
	// pseudo-terminal round trip. As a ratio to that floor the same build read +49% on a machine
	// whose floor was 0.44 ms against the baseline's 0.84 (1.6 - 0.44 against 2.0 - 0.84 ms: the
	// same 1.2 ms of own work). Against `node -e`'s first frame before that, it read 107-261% over.
	const floorRow = kinds.find(row => row.kind === KEY_FLOOR_KIND && !row.errors.length && row.ms.length);
	const keyFloor = floorRow ? kindFigures(floorRow).med : undefined;
	for (const row of kinds) {
		if (row.errors.length || row.kind === KEY_FLOOR_KIND) continue;
		const f = kindFigures(row);
		const k = `${row.kind.replace(/\W+/g, '_')}.${row.deck}.${row.size}`;
		// Medians only: a p95 of 20-100 presses swings with any other load on the machine.
		if (keyFloor !== undefined && f.med !== undefined) put(`key_own.${k}`, Math.max(0, f.med - keyFloor), keyFloor);
		put(`bytes.${k}`, f.bytes);
	}
	for (const row of search) {
		if (row.errors.length) continue;
		const f = searchFigures(row);
		put(`search_wall.${row.deck}`, f.wallRatio, f.floor);
		put(`search_query.${row.deck}`, ratio(f.query, f.floor), f.floor);
	}
	return {metrics, floors, calibration, machine};
}
