// `lectern export` timed end to end (issue 14): the lecture, whose page must be written in
// under a second, and the generated 1,000-slide deck. Each run writes the page to a scratch
// file; a bare `node -e 0` run beside each gives the start-up floor.
import {spawn} from 'node:child_process';
import path from 'node:path';
import {performance} from 'node:perf_hooks';
import {childEnv, freshXdg, lecternBin} from './env.mjs';
import {median} from './stats.mjs';

function timed(cmd, args, env) {
	return new Promise(resolve => {
		const t0 = performance.now();
		const child = spawn(cmd, args, {env, stdio: ['ignore', 'ignore', 'pipe']});
		let err = '';
		child.stderr.on('data', d => (err += d));
		child.on('error', e => resolve({ms: performance.now() - t0, code: -1, err: e.message}));
		child.on('close', code => resolve({ms: performance.now() - t0, code, err}));
	});
}

/** `decks`: [{label, file}]; each exported `repeat` times to `dir`. */
export async function measureExport({decks, dir, repeat, log}) {
	const rows = [];
	for (const deck of decks) {
		log(`  export ${deck.label} (${repeat} runs)`);
		const row = {deck: deck.label, wall: [], floor: [], errors: []};
		const out = path.join(dir, `export-${deck.label.replace(/\W+/g, '-')}.html`);
		for (let rep = 0; rep < repeat; rep++) {
			const f = await timed('node', ['-e', '0'], childEnv());
			if (f.code === 0) row.floor.push(f.ms);
			const r = await timed(lecternBin, ['export', deck.file, '-o', out], childEnv(freshXdg()));
			if (r.code === 0) row.wall.push(r.ms);
			else row.errors.push(`exit ${r.code}: ${r.err.trim().split('\n')[0] ?? ''}`);
		}
		rows.push({...row, ms: median(row.wall), floorMs: median(row.floor)});
	}
	return rows;
}
