// This machine's speed at the kind of work a key costs Lectern, for the baseline: Lectern's
// own part of a key (its median minus the key floor's, key_own.*) is CPU work in ms, which a
// slower or faster CPU scales; --compare scales the baseline's figures by the ratio of the two
// machines' calibrations (bench/lib/baseline.mjs). The workload is fixed (it must not change with
// Lectern's code): 40 frames of 30 lines, each measured word by word, styled, padded and joined,
// then its escapes stripped with a regexp, run by a child Node with the bin's V8 flags (no
// optimising compiler: Lectern's keys run in the interpreter and baseline code too). The figure is
// the least CPU time (process.cpuUsage, so waiting for a core does not count) of several rounds.
import {spawnSync} from 'node:child_process';
import {lecternFlags} from './env.mjs';

const ROUNDS = 9;
// A style escape (the linter refuses a control character in a regexp literal).
const SGR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

function frames() {
	let out = 0;
	for (let frame = 0; frame < 40; frame++) {
		const lines = [];
		for (let y = 0; y < 30; y++) {
			const words = `point ${frame}.${y} about the shadow page table, the guest kernel and a VM exit`.split(' ');
			let line = '';
			let width = 0;
			for (const w of words) {
				let cells = 0;
				for (let i = 0; i < w.length; i++) cells += w.charCodeAt(i) < 0x1100 ? 1 : 2;
				if (width + cells + 1 > 100) break;
				line += line ? ` ${w}` : w;
				width += cells + 1;
			}
			lines.push(`\u001B[${y + 1};1H\u001B[38;5;${(y * 7) % 256}m${line.padEnd(100)}\u001B[0m`);
		}
		const seen = new Map();
		for (const l of lines) seen.set(l.length, l);
		out += lines.join('').replace(SGR, '').length + seen.size;
	}
	return out;
}

function child() {
	let sink = 0;
	const ms = [];
	for (let round = 0; round < ROUNDS + 2; round++) {
		const t = process.cpuUsage();
		for (let i = 0; i < 10; i++) sink += frames();
		const d = process.cpuUsage(t);
		if (round >= 2) ms.push((d.user + d.system) / 1000);
	}
	process.stdout.write(JSON.stringify({ms, sink}));
}

/** The least CPU ms of ROUNDS rounds of the fixed workload, in a child Node with the bin's flags; undefined if it failed. */
export function calibrate() {
	const r = spawnSync(process.execPath, [...lecternFlags(), import.meta.filename, '--calibrate-child'], {encoding: 'utf8'});
	try {
		const {ms} = JSON.parse(r.stdout);
		return {ms: Number(Math.min(...ms).toFixed(2)), rounds: ms.length};
	} catch {
		return undefined;
	}
}

if (process.argv[2] === '--calibrate-child') child();
