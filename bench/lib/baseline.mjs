// The committed baseline (bench/baseline.json); the --compare rule is bench/lib/compare.mjs.
// Format (version 2):
//   {"version": 2, "saved": ISO date, "machine": {...}, "calibration": {"ms": ..., "rounds": ...},
//    "note": free text, "options": {...}, "metrics": {name: number}, "floors_ms": {name: ms}}
// Every metric is lower-is-better; the kinds are listed in compare.mjs. floors_ms records the
// bare-Node time each ratio was divided by (and, for key_own.*, the key floor subtracted), for
// reading and for converting the noise allowance. `machine` and `calibration` say where the
// figures were measured and how fast that machine ran a fixed workload (bench/lib/calibrate.mjs).
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {repoRoot} from './env.mjs';

export {THRESHOLD, compare, machineContext} from './compare.mjs';

export const baselineFile = path.join(repoRoot, 'bench', 'baseline.json');

/** What identifies this machine in a baseline (compare.mjs says when it differs). */
export function thisMachine() {
	return {
		cpu: os.cpus()[0]?.model?.trim() ?? 'unknown',
		cpus: os.availableParallelism(),
		memGiB: Math.round(os.totalmem() / 2 ** 30),
		kernel: os.release(),
		node: process.version,
	};
}

export function readBaseline() {
	if (!existsSync(baselineFile)) return undefined;
	return JSON.parse(readFileSync(baselineFile, 'utf8'));
}

export function saveBaseline(current, options) {
	const data = {
		version: 2,
		saved: new Date().toISOString(),
		machine: current.machine,
		calibration: current.calibration,
		note: 'Written by `npm run bench -- --save-baseline`; see bench/README.md. Lower is better for every metric.',
		options,
		metrics: sortKeys(current.metrics),
		floors_ms: sortKeys(current.floors),
	};
	writeFileSync(baselineFile, `${JSON.stringify(data, null, '\t')}\n`);
	return Object.keys(data.metrics).length;
}

function sortKeys(o) {
	return Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
}
