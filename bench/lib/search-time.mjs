// `lectern search` timed end to end, and (when the CLI supports LECTERN_TIMING=1) split
// into load and query time from the line it writes to stderr:
//   lectern-timing load_ms=12.3 query_ms=1.2
import {spawn} from 'node:child_process';
import {writeFileSync} from 'node:fs';
import {performance} from 'node:perf_hooks';
import {childEnv, freshXdg, lecternBin} from './env.mjs';
import {gist} from './text.mjs';

export const SEARCH_QUERY = 'shadow page';

function timed(cmd, args, env) {
	return new Promise(resolve => {
		const t0 = performance.now();
		const child = spawn(cmd, args, {env, stdio: ['ignore', 'pipe', 'pipe']});
		let out = '';
		let err = '';
		child.stdout.on('data', d => (out += d));
		child.stderr.on('data', d => (err += d));
		child.on('error', e => resolve({ms: performance.now() - t0, code: -1, out, err: e.message}));
		child.on('close', code => resolve({ms: performance.now() - t0, code, out, err}));
	});
}

function parseTiming(stderr) {
	const m = /lectern-timing\s+load_ms=([\d.]+)\s+query_ms=([\d.]+)/.exec(stderr);
	return m ? {load: Number(m[1]), query: Number(m[2])} : undefined;
}

function countHits(stdout) {
	try {
		const v = JSON.parse(stdout);
		if (Array.isArray(v)) return v.length;
		if (Array.isArray(v?.hits)) return v.hits.length;
		if (v && typeof v === 'object') return 1; // JSON lines with a single hit
	} catch {
		// JSON lines, one hit each
		const lines = stdout.split('\n').filter(l => l.trim().startsWith('{'));
		if (lines.length) return lines.length;
	}
	return undefined;
}

/** `repeat` runs per deck, each next to a bare `node -e 0` run for the ratio. */
export async function measureSearch({decks, repeat, log}) {
	const rows = [];
	for (const deck of decks) {
		log(`  search "${SEARCH_QUERY}" on ${deck.slides} slides (${repeat} runs)`);
		const row = {
			deck: deck.label,
			slides: deck.slides,
			query: SEARCH_QUERY,
			wall: [],
			floor: [],
			load: [],
			queryMs: [],
			hits: undefined,
			codes: [],
			errors: [],
		};
		for (let rep = 0; rep < repeat; rep++) {
			const f = await timed('node', ['-e', '0'], childEnv());
			if (f.code === 0) row.floor.push(f.ms);
			const r = await timed(lecternBin, ['search', SEARCH_QUERY, deck.file, '--json'], childEnv({...freshXdg(), LECTERN_TIMING: '1'}));
			row.codes.push(r.code);
			// grep's convention: 0 found, 1 none, 2 error; the query is on every 8th slide.
			if (r.code !== 0) {
				const said = gist(r.err);
				row.errors.push(`exit ${r.code}${said ? `: ${said}` : ''}`);
				continue;
			}
			row.wall.push(r.ms);
			row.hits ??= countHits(r.out);
			const t = parseTiming(r.err);
			if (t) {
				row.load.push(t.load);
				row.queryMs.push(t.query);
			}
		}
		rows.push(row);
	}
	return rows;
}

export const COLD_QUERY = 'topic42 memory';

/** Issue 18's cold-search deck: 5,000 short slides (about 0.5 MB) on numbered topics. */
export function writeColdSearchDeck(file, slides = 5000) {
	let text = '---\ntitle: Cold search\n---\n\n';
	for (let i = 0; i < slides; i++) {
		text += `## Topic${i}: memory and paging\n\n- The guest sees *virtual* pages\n- An exit costs cycles\n\n<!-- notes: ask about topic${i} -->\n\n---\n\n`;
	}
	writeFileSync(file, text);
	return {label: String(slides), slides, file};
}

/** `lectern search` over the cold deck, each run next to `lectern --version` (the ratio's floor). */
export async function measureColdSearch({deck, repeat, log}) {
	log(`  cold search "${COLD_QUERY}" on ${deck.slides} slides vs lectern --version (${repeat} runs)`);
	const row = {deck: deck.label, query: COLD_QUERY, wall: [], version: [], errors: []};
	for (let rep = 0; rep < repeat; rep++) {
		const v = await timed(lecternBin, ['--version'], childEnv(freshXdg()));
		if (v.code === 0) row.version.push(v.ms);
		const r = await timed(lecternBin, ['search', COLD_QUERY, deck.file], childEnv(freshXdg()));
		if (r.code === 0) row.wall.push(r.ms);
		else row.errors.push(`exit ${r.code}${gist(r.err) ? `: ${gist(r.err)}` : ''}`);
	}
	return row;
}
