// The committed baseline (bench/baseline.json) and the --compare check against it.
// Format (version 1):
//   {"version": 1, "saved": ISO date, "note": free text, "options": {...},
//    "metrics": {name: number}, "floors_ms": {name: ms}}
// Every metric is lower-is-better. Names are `<what>.<deck>[.<key kind>.<size>]`:
//   first.N, search_*                                     time ÷ a bare-Node time of the same run
//   next_med.N                                            ptybench key time ÷ the key floor's (node-keys)
//   key_med.*                                             our driver's key time ÷ its key floor's (key-floor.mjs)
//   next_bytes.N, bytes.*                                 bytes written per key, as is
//   rss.N                                                 peak RSS ÷ bare Node's peak RSS
// floors_ms records the bare-Node time each ratio was divided by, for reading only.
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {repoRoot} from './env.mjs';

export const baselineFile = path.join(repoRoot, 'bench', 'baseline.json');
export const THRESHOLD = 0.1;

// What counts as noise, per metric: a change below this is never flagged however large
// in percent (2 ms against a 1.5 ms baseline is +33% and still nothing).
const SLACK = [
	[/^first\./, {ms: 5}],
	[/^next_med\./, {ms: 1}],
	// Our driver's key floor is ~0.8-1 ms: the same build's medians moved up to 0.5 ms between runs.
	[/^key_med\./, {ms: 0.5}],
	[/^search_wall\./, {ms: 5}],
	[/^search_query\./, {ms: 1}],
	[/bytes\./, {abs: 64}],
	[/^rss\./, {abs: 0.05}],
];

export function readBaseline() {
	if (!existsSync(baselineFile)) return undefined;
	return JSON.parse(readFileSync(baselineFile, 'utf8'));
}

export function saveBaseline(current, options) {
	const data = {
		version: 1,
		saved: new Date().toISOString(),
		note: 'Written by `npm run bench -- --save-baseline`; see bench/README.md. Lower is better for every metric.',
		options,
		metrics: sortKeys(current.metrics),
		floors_ms: sortKeys(current.floors),
	};
	writeFileSync(baselineFile, `${JSON.stringify(data, null, '\t')}\n`);
	return Object.keys(data.metrics).length;
}

/** Rows for every metric in either; `flagged` when worse by > 20% and beyond the noise allowance. */
export function compare(baseline, current) {
	const names = [...new Set([...Object.keys(baseline.metrics ?? {}), ...Object.keys(current.metrics)])].sort();
	return names.map(name => {
		const was = baseline.metrics?.[name];
		const now = current.metrics[name];
		if (was === undefined || now === undefined) return {name, was, now, status: was === undefined ? 'new' : 'not measured'};
		const rule = SLACK.find(([re]) => re.test(name))?.[1] ?? {abs: 0};
		const floor = current.floors[name];
		const slack = rule.ms !== undefined && floor ? rule.ms / floor : (rule.abs ?? 0);
		const change = was > 0 ? now / was - 1 : now > 0 ? Infinity : 0;
		const flagged = change > THRESHOLD && now - was > slack;
		return {name, was, now, change, status: flagged ? 'REGRESSION' : change < -THRESHOLD ? 'better' : 'ok'};
	});
}

function sortKeys(o) {
	return Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
}
