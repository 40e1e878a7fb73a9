#!/usr/bin/env node
// `npm run bench`: Lectern against mdp, patat, lookatme and the bare Node / Ink floors in
// one interleaved ptybench run per deck size, plus Lectern's own per-key-kind, study,
// lecture and search measurements; prints one comparison table and one Lectern table.
// See bench/README.md.
import {spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, rmSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import os from 'node:os';
import path from 'node:path';
import {childEnv, findPython, findSharedBench, lecternBin, outDir, parseSize, repoRoot, copyBuild} from './lib/env.mjs';
import {fail, options} from './lib/options.mjs';
import {generateDeck, probeTools, runPtybench, stopChildren} from './lib/ptybench.mjs';
import {measureKeyKinds, writeNotesDeck} from './lib/key-kinds.mjs';
import {measureLectureAndFloor} from './lib/lecture.mjs';
import {measureColdSearch, measureSearch, writeColdSearchDeck} from './lib/search-time.mjs';
import {measureLongLines} from './lib/long-lines.mjs';
import {measureExport} from './lib/export-time.mjs';
import {FLOOR, KEY_FLOOR, LECTERN, LECTERN_SMALL, lecternMetrics, summarizeSize, summarizeTool} from './lib/summary.mjs';
import {Notes, comparisonTable, lecternTable, mdTable, targets} from './lib/report.mjs';
import {THRESHOLD, baselineFile, compare, machineContext, readBaseline, saveBaseline, thisMachine} from './lib/baseline.mjs';
import {calibrate} from './lib/calibrate.mjs';
import {median} from './lib/stats.mjs';
import {exactPeakRss, floorArgv, withExactRss} from './lib/floor-rss.mjs';
import {followersReport, measureFollowers} from './lib/followers.mjs';

const PEER_EXE = {mdp: 'mdp', 'mdp-nofade': 'mdp', patat: 'patat', lookatme: 'lookatme'};
const BIG = 10000;
/** Runs of the largest deck's first-frame loop (Lectern on it and on 10 slides, and the floor). */
const sameLoopRepeat = repeat => Math.max(repeat, 10);

const started = Date.now();
const log = msg => process.stderr.write(`${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s ${msg}\n`);
const installed = exe => spawnSync('sh', ['-c', `command -v ${exe}`], {stdio: 'ignore'}).status === 0;

/** Ink and React for the ink floors: the repository's own (the versions Lectern runs on), else a scratch install. */
function inkFloorDir() {
	if (process.env.INK_FLOOR_DIR) return process.env.INK_FLOOR_DIR;
	try {
		const req = createRequire(path.join(repoRoot, 'package.json'));
		req.resolve('ink');
		req.resolve('react');
		return repoRoot;
	} catch {
		const dir = path.join(outDir, 'ink-floor');
		log(`installing ink@6 react@19 into ${dir}`);
		const r = spawnSync('npm', ['install', '--prefix', dir, '--no-audit', '--no-fund', 'ink@6', 'react@19'], {stdio: 'inherit'});
		return r.status === 0 ? dir : undefined;
	}
}

async function main() {
	const o = options();
	if (o.followersOnly) {
		mkdirSync(outDir, {recursive: true});
		const hall = await measureFollowers({
			count: o.followers,
			keys: Math.min(o.keys, 20),
			size: o.size,
			o: {timeoutMs: o.timeout * 1000},
			log,
		});
		console.log(['## The lecture hall', '', '```', followersReport(hall), '```'].join('\n'));
		return;
	}

	const loadStart = os.loadavg()[0];
	const shared = findSharedBench();
	if (!shared)
		fail(
			`the shared harness was not found at ${path.join(repoRoot, '..', 'shared', 'bench')} (clone next to shared/, or set LECTERN_SHARED_BENCH)`,
		);
	const py = findPython();
	if (!py) fail('python3 not found; ptybench needs it (apt-get install python3)');
	if (!py.pyte) log(`warning: ${py.exe} cannot import pyte; ptybench falls back to the raw stream (run scripts/install-peers.sh)`);
	mkdirSync(outDir, {recursive: true});
	rmSync(path.join(outDir, 'xdg'), {recursive: true, force: true}); // the last run's per-session folders
	const setupNotes = [];
	if (!existsSync(lecternBin)) setupNotes.push(`${path.relative(repoRoot, lecternBin)} is missing`);
	else if (o.snapshot) {
		log('copying the build (--snapshot)');
		const copy = await copyBuild();
		setupNotes.push(
			copy
				? `measured a copy of the build: ${path.relative(repoRoot, copy)}`
				: 'dist/ kept changing (a build running?); measured a copy that may be incomplete',
		);
	}

	const env = childEnv({LECTERN_BIN: lecternBin, LECTERN_KEY_FLOOR: path.join(repoRoot, 'bench', 'lib', 'key-floor.mjs')});
	const tools = [FLOOR, KEY_FLOOR, LECTERN];
	for (const p of o.peers) {
		if (!(p in PEER_EXE)) setupNotes.push(`unknown peer ${p} ignored (known: ${Object.keys(PEER_EXE).join(', ')})`);
		else if (installed(PEER_EXE[p])) tools.push(p);
		else setupNotes.push(`${p}: \`${PEER_EXE[p]}\` is not installed (scripts/install-peers.sh); left out`);
	}
	if (o.inkFloor) {
		const dir = inkFloorDir();
		if (dir) {
			env.INK_FLOOR_DIR = dir;
			tools.push('ink-deck', 'ink-deck-incr');
		} else setupNotes.push('ink floors left out: no Ink installation found or made');
	}
	const toolsFile = path.join(repoRoot, 'bench', 'tools-lectern.json');
	log(`bench: ${o.size.label}, repeat ${o.repeat}, keys ${o.keys}, python ${py.exe}${py.pyte ? ' (pyte)' : ''}, tools ${tools.join(', ')}`);

	const decks = new Map();
	const deckFor = n => {
		if (!decks.has(n)) decks.set(n, generateDeck(py.exe, shared, n));
		return decks.get(n);
	};

	const sizes = [];
	for (const n of o.sizes) {
		const big = n >= BIG;
		const repeat = big ? Math.min(o.repeat, 2) : o.repeat;
		const keys = big ? Math.min(o.keys, 5) : o.keys;
		const base = {
			python: py.exe,
			shared,
			deckDir: deckFor(n),
			toolsFile,
			size: o.size.label,
			timeout: o.timeout,
			settle: o.settle,
			env,
			tag: String(n),
		};
		log(`[${n} slides] warm-up and probe: ${tools.join(', ')}`);
		const probe = await probeTools({...base, tools, keys: 1});
		for (const sk of probe.skipped) log(`[${n} slides] skipping ${sk.tool}: ${sk.reason}`);
		log(`[${n} slides] measuring ${probe.ok.join(', ')} (repeat ${repeat}, keys ${keys})`);
		const {runs, notes} = probe.ok.length
			? await runPtybench({
					...base,
					tools: probe.ok,
					repeat,
					keys,
					onRun: r =>
						r &&
						log(
							`  ${r.tool} #${r.repeat + 1}: first ${r.first_ms ?? '-'} ms, key ${r.key_ms_median ?? '-'}/${r.key_ms_p95 ?? '-'} ms, ${r.key_bytes_median ?? '-'} B/key${r.error ? `, error: ${r.error}` : ''}`,
						),
				})
			: {runs: [], notes: []};
		// The largest deck's peers take many seconds a run, so it runs at most twice; its first
		// frame, a ratio of two medians, would then rest on two runs of each. Lectern and the floor
		// run --repeat more times on their own (first frames only: no key is pressed in these),
		// with Lectern on the 10-slide deck between them: "10,000 slides open within 10% of 10"
		// compares Lectern with itself in one loop (see targets() in lib/report.mjs), at least 10
		// times (3 pairs on a loaded machine read 1.24x, 10 pairs 1.02x).
		let sameLoop;
		const firstOnly = [FLOOR, LECTERN].filter(tool => probe.ok.includes(tool));
		if (big && firstOnly.length === 2) {
			log(`[${n} slides] first frames only: ${firstOnly.join(', ')}, ${LECTERN_SMALL} (repeat ${o.repeat})`);
			const small = path.join(deckFor(10), 'deck-lectern.md');
			const extra = await runPtybench({
				...base,
				env: {...env, LECTERN_SMALL_DECK: small},
				tag: `${n}-first`,
				tools: [...firstOnly, LECTERN_SMALL],
				repeat: sameLoopRepeat(o.repeat),
				keys: 0,
			});
			const of = tool => extra.runs.filter(r => r.tool === tool);
			runs.push(...[...of(FLOOR), ...of(LECTERN)].map(r => ({...r, key_ms: [], key_bytes: []})));
			notes.push(...extra.notes);
			sameLoop = {big: summarizeTool(of(LECTERN)), small: summarizeTool(of(LECTERN_SMALL))};
		}

		sizes.push(
			summarizeSize({n, label: String(n), runs, sameLoop, skipped: probe.skipped, notes: [...new Set([...probe.notes, ...notes])]}),
		);
	}

	// The floor's peak RSS read at its exit (bench/lib/floor-rss.mjs), once: `node -e` reads no deck.
	if (sizes.some(s => s.byTool.has(FLOOR))) {
		let exact;
		try {
			exact = exactPeakRss({python: py.exe, argv: floorArgv(shared, FLOOR), size: o.size, runs: Math.max(3, o.repeat), env});
		} catch (e) {
			exact = {error: e.message};
		}
		const sampled = sizes.map(s => s.byTool.get(FLOOR)?.rssMiB?.toFixed(1) ?? '-').join(', ');
		if (exact.error) {
			setupNotes.push(
				`${FLOOR}'s peak RSS not read at its exit (${exact.error}): ptybench's 20 ms samples (${sampled} MiB) are used, which can be low`,
			);
		} else {
			for (const s of sizes) if (s.byTool.has(FLOOR)) s.byTool.set(FLOOR, withExactRss(s.byTool.get(FLOOR), exact.kib));
			setupNotes.push(
				`${FLOOR}'s peak RSS is read at its exit (wait4, ${exact.kib.length} runs: ${exact.kib.map(k => (k / 1024).toFixed(1)).join(', ')} MiB; bench/lib/floor-rss.mjs), as ptybench's 20 ms samples miss most of its 60 ms life (they read ${sampled} MiB by deck size)`,
			);
		}
	}

	let kinds = [];
	let search = [];
	let cold;
	let longLines = [];
	let exports = [];
	let lecture;
	let hall;
	let calibration;
	const kindN = o.sizes.includes(1000) || !o.quick ? 1000 : Math.max(...o.sizes.filter(n => n <= 1000));
	const kindDeck = {label: String(kindN), size: o.size.label};
	if (o.own) {
		const timing = {timeoutMs: o.timeout * 1000, settleMs: o.settle, repeat: o.repeat, keys: o.keys};
		log("Lectern's own measurements");
		const small = o.sizes.includes(10) ? {label: '10', file: path.join(deckFor(10), 'deck-lectern.md')} : undefined;
		lecture = await measureLectureAndFloor({lecture: o.lecture, marker: o.lectureMarker, small, size: o.size, o: timing, log});
	}
	if (o.own && !o.firstFramesOnly) {
		const timing = {timeoutMs: o.timeout * 1000, settleMs: o.settle, repeat: o.repeat, keys: o.keys};
		const file = path.join(deckFor(kindN), 'deck-lectern.md');
		const deck = {label: String(kindN), slides: kindN, file, notesFile: writeNotesDeck(file, kindN)};
		const bigDeck = o.sizes.includes(BIG) ? {label: String(BIG), slides: BIG, file: path.join(deckFor(BIG), 'deck-lectern.md')} : undefined;
		const extra = ['80x24', '100x30'].map(parseSize).filter(s => s.label !== o.size.label);
		// This machine's speed at a key's kind of work, before and after the keys (the lesser
		// counts): the baseline's key_own figures are scaled by it (bench/lib/compare.mjs).
		const before = calibrate();
		kinds = await measureKeyKinds({deck, bigDeck, main: o.size, extra, o: timing, log});
		const after = calibrate();
		calibration = [before, after].filter(Boolean).sort((a, b) => a.ms - b.ms)[0];
		log(
			`CPU calibration: ${calibration ? `${calibration.ms} ms` : 'failed'} (before the keys ${before?.ms ?? '-'}, after ${after?.ms ?? '-'})`,
		);
		const searchDecks = [5000, ...(o.sizes.includes(BIG) ? [BIG] : [])].map(n => ({
			label: String(n),
			slides: n,
			file: path.join(deckFor(n), 'deck-lectern.md'),
		}));
		search = await measureSearch({decks: searchDecks, repeat: o.repeat, log});
		cold = await measureColdSearch({deck: writeColdSearchDeck(path.join(outDir, 'cold-search.md')), repeat: o.repeat, log});
		longLines = await measureLongLines({dir: outDir, repeat: o.repeat, log});
		exports = await measureExport({
			decks: [
				{label: 'the lecture', file: o.lecture},
				{label: `${kindN} slides`, file},
			],
			dir: outDir,
			repeat: o.repeat,
			log,
		});
		if (o.followers > 0) {
			log(`the lecture hall: ${o.followers} followers`);
			hall = await measureFollowers({count: o.followers, keys: Math.min(o.keys, 20), size: o.size, o: timing, log});
		}
	}

	const notes = new Notes();
	for (const n of setupNotes) notes.add(n);
	const load = Math.max(loadStart, os.loadavg()[0]);
	if (load > os.availableParallelism()) {
		notes.add(
			`the machine was busy (load average ${load.toFixed(1)} on ${os.availableParallelism()} cores): absolute times are inflated and even ratios are noisier than usual`,
		);
	}
	const ownFloor = median(lecture?.floor.ms ?? []);
	const current = lecternMetrics({sizes, lecture, kinds, search, calibration, machine: thisMachine()});
	const regressions = judgeRegressions(current, o.quick);
	const out = [
		`## Lectern and its peers, ${o.size.label}, ${o.repeat} repeat(s) x ${o.keys} keys${o.sizes.some(n => n >= BIG) ? ` (${BIG} slides: at most ${Math.min(o.repeat, 2)} x ${Math.min(o.keys, 5)}; its first frames from ${Math.min(o.repeat, 2) + sameLoopRepeat(o.repeat)} runs of Lectern and the floor)` : ''}`,
		'',
		comparisonTable(sizes, lecture, notes),
		'',
		"x floor: first frame ÷ `node -e` first frame in the same run. L÷: Lectern's figure ÷ this tool's (below 1: Lectern is faster / smaller).",
	];
	if (o.own) {
		out.push('', `## Lectern per key kind (${kindDeck.label} slides) and search`, '', lecternTable(kinds, search, ownFloor, notes));
		out.push(
			'',
			'## Targets (issues 8 and 18)',
			'',
			'```',
			targets({sizes, lecture, kinds, search, cold, longLines, exports, kindDeck, regressions}),
			'```',
		);
		if (hall) out.push('', '## The lecture hall (issue 13)', '', '```', followersReport(hall), '```');
	}
	if (notes.list.length) out.push('', String(notes));
	console.log(out.join('\n'));

	writeFileSync(
		path.join(outDir, 'results.json'),
		JSON.stringify(
			{
				options: {...o, size: o.size.label},
				sizes: sizes.map(({byTool, ...s}) => ({...s, summary: Object.fromEntries(byTool)})),
				lecture,
				kinds,
				search,
				cold,
				exports,
				hall,
				metrics: current,
			},
			null,
			'\t',
		),
	);
	log(`raw results: ${path.relative(repoRoot, path.join(outDir, 'results.json'))}`);

	let code = 0;
	if (o.compare) code = runCompare(current, {size: o.size.label, repeat: o.repeat, keys: o.keys, quick: o.quick});
	if (o.saveBaseline) {
		const n = Object.keys(current.metrics).length;
		if (o.quick) {
			log('bench: not saving a baseline from --quick: one run of five presses is too noisy to compare against');
			code = code || 2;
		} else if (n === 0) {
			log('bench: not saving a baseline: no Lectern figure was measured without errors');
			code = code || 2;
		} else {
			saveBaseline(current, {size: o.size.label, repeat: o.repeat, keys: o.keys, sizes: o.sizes, quick: o.quick});
			log(`bench: wrote ${n} metrics to ${path.relative(repoRoot, baselineFile)}`);
		}
	}
	process.exitCode = code;
}

/**
 * Issue 18's "no regression over 10%" as a verdict for the targets: this run's metrics against
 * bench/baseline.json (the rule --compare applies). Undefined when it cannot judge: no baseline
 * yet, or a --quick run (single presses).
 */
function judgeRegressions(current, quick) {
	const baseline = readBaseline();
	if (quick || !baseline || baseline.placeholder || !Object.keys(baseline.metrics ?? {}).length) return undefined;
	const rows = compare(baseline, current).filter(r => r.status !== 'not measured' && r.status !== 'new');
	return {saved: baseline.saved, compared: rows.length, flagged: rows.filter(r => r.status === 'REGRESSION').map(r => r.name)};
}

function runCompare(current, runOptions) {
	const baseline = readBaseline();
	if (!baseline || baseline.placeholder || !Object.keys(baseline.metrics ?? {}).length) {
		console.log(
			`\n## Compared with the baseline\n\nNo baseline recorded yet (${path.relative(repoRoot, baselineFile)} is a placeholder): run \`npm run bench -- --save-baseline\` on a full run. Nothing flagged.`,
		);
		return 0;
	}
	const all = compare(baseline, current);
	const rows = all.filter(r => r.status !== 'not measured');
	const unmeasured = all.length - rows.length;
	const fmt = x => (x === undefined ? '-' : String(Number(x.toPrecision(4))));
	const table = mdTable(
		['metric', 'baseline', 'compared with', 'now', 'change', 'status'],
		rows.map(r => [
			r.name,
			fmt(r.was),
			fmt(r.base),
			fmt(r.now),
			r.change === undefined ? '-' : `${r.change >= 0 ? '+' : ''}${(r.change * 100).toFixed(0)}%`,
			r.status,
		]),
	);
	// A quick run's medians are single presses: shown, never judged.
	const bad = runOptions.quick ? [] : rows.filter(r => r.status === 'REGRESSION');
	const where = baseline.machine ? ` (${baseline.machine.cpu}, ${baseline.machine.cpus} cores)` : '';
	const out = [`\n## Compared with the baseline of ${baseline.saved}${where}`, ''];
	for (const n of machineContext(baseline, current).notes) out.push(`Note: ${n}.`);
	out.push('', table, '');
	if (runOptions.quick) out.push('A --quick run is too short to judge: changes are shown, nothing is flagged.');
	const b = baseline.options ?? {};
	const differs = ['size', 'repeat', 'keys'].filter(k => b[k] !== undefined && b[k] !== runOptions[k]);
	if (differs.length)
		out.push(
			`Note: the baseline was taken with other ${differs.map(k => `--${k} (${b[k]})`).join(', ')}; bytes depend on the size and medians of fewer presses are noisier.`,
		);
	if (unmeasured) out.push(`${unmeasured} baseline metric(s) not measured in this run.`);
	out.push(
		bad.length
			? `${bad.length} regression(s) over ${THRESHOLD * 100}%: ${bad.map(r => r.name).join(', ')}`
			: `No regression over ${THRESHOLD * 100}%.`,
	);
	console.log(out.join('\n'));
	return bad.length ? 1 : 0;
}

for (const signal of ['SIGINT', 'SIGTERM']) {
	process.on(signal, () => {
		stopChildren();
		process.exit(130);
	});
}

main().catch(e => {
	console.error(`bench: ${e.stack ?? e}`);
	process.exit(1);
});
