// The bare-Node floor's peak RSS, read exactly. ptybench samples VmHWM every 20 ms while a
// program runs, which is exact for a presenter that lives seconds but not for `node -e`, which
// exits within about 60 ms: its readings ranged from 27.2 to 41.3 MiB for a true 41.5, and a
// low one made Lectern's 1.26x read 1.9x. peak-rss.py runs the same command in a pseudo-terminal
// of the same size and takes ru_maxrss from wait4 (the kernel's high-water mark at exit).
import {spawnSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const script = fileURLToPath(new URL('peak-rss.py', import.meta.url));

/** The floor's argv as ptybench runs it (../shared/bench/tools.json's entry `tool`). */
export function floorArgv(shared, tool) {
	const cmd = JSON.parse(readFileSync(path.join(shared, 'tools.json'), 'utf8'))[tool]?.cmd;
	if (!Array.isArray(cmd) || cmd.some(a => typeof a !== 'string' || a.includes('{'))) {
		throw new Error(`tools.json has no plain command for ${tool}`);
	}
	return cmd;
}

/** Peak RSS in KiB of `runs` runs of argv, each to its end: {kib} or {error}. */
export function exactPeakRss({python, argv, size, runs, env}) {
	const r = spawnSync(python, [script, String(size.cols), String(size.rows), String(runs), '--', ...argv], {
		encoding: 'utf8',
		env,
		timeout: 60_000,
	});
	if (r.status !== 0) return {error: (r.stderr || r.error?.message || `exit ${r.status}`).trim().split('\n').pop()};
	try {
		const {kib} = JSON.parse(r.stdout);
		if (Array.isArray(kib) && kib.length === runs && kib.every(k => Number.isInteger(k) && k > 0)) return {kib};
	} catch {}
	return {error: `peak-rss.py printed ${JSON.stringify(r.stdout.slice(0, 80))}`};
}

/**
 * A floor summary (summarizeTool's) with its peak RSS raised to the exact reading: the
 * sampled figure can only be lower than the true peak, never higher, so the larger one counts.
 */
export function withExactRss(summary, kib) {
	if (!summary || !kib?.length) return summary;
	const exact = Math.max(...kib) / 1024;
	return {...summary, rssSampledMiB: summary.rssMiB, rssMiB: Math.max(summary.rssMiB ?? 0, exact)};
}
