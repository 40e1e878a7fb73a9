// Issue 12 "Done when": every deck of the hostile-input corpus (test/support/hostile-corpus.ts,
// the generator behind test/e2e/hostile.test.ts) through the non-interactive commands —
// print, search, check, outline, export — one process each, timed by GNU time: wall and CPU
// seconds and peak RSS. A run over the limit (2 s of CPU by default: wall time on a loaded
// machine includes time the process was not scheduled) is flagged, and so is any raw control
// byte on stdout or stderr (the commands run with their output piped, so no colour is asked
// for: any ESC, C0 other than tab and newline, DEL or C1 is a leak) and any stderr line that
// is not one `lectern: …` line. A measurement, not a test: nothing is asserted.
//
// CPU time on a loaded machine is inflated too (shared cores and caches): `node -e 0` is timed
// the same way right before and after each run, and its CPU is also given scaled to a quiet machine
// (× quiet `node -e 0` CPU ÷ this run's; --quiet-node-ms, 45 by default, is a 2-core x86
// laptop's figure). OVER flags the scaled figure over the limit; cpu>limit only the raw one.
//
//   node bench/corpus.mjs [--decks REGEX] [--commands print,search,…] [--limit S] [--timeout S]
//                         [--all-flagged] [--whole] [--compare OTHER_BIN] [--quiet-node-ms MS]
//
// --whole adds one `search canary` over every deck the hostile e2e test searches, at once.
// --compare OTHER_BIN runs another build (e.g. main's bin/lectern.js) right after each run, so
// before and after meet the same load. LECTERN_BIN measures another build. Needs /usr/bin/time
// (Debian: `apt-get install time`).
import {spawn} from 'node:child_process';
import {existsSync, mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {build} from 'esbuild';
import {childEnv, freshXdg, lecternBin, outDir, repoRoot} from './lib/env.mjs';

const {values} = parseArgs({
	options: {
		decks: {type: 'string'},
		commands: {type: 'string', default: 'print,search,check,outline,export'},
		limit: {type: 'string', default: '2'},
		timeout: {type: 'string', default: '120'},
		'all-flagged': {type: 'boolean', default: false},
		whole: {type: 'boolean', default: false},
		compare: {type: 'string'},
		'quiet-node-ms': {type: 'string', default: '45'},
		help: {type: 'boolean', default: false},
	},
});
if (values.help) {
	console.log(
		readFileSync(new URL(import.meta.url), 'utf8')
			.split('\n')
			.slice(0, 23)
			.join('\n'),
	);
	process.exit(0);
}
const limit = Number(values.limit);
const timeoutMs = Number(values.timeout) * 1000;
const timeBin = '/usr/bin/time';
if (!existsSync(timeBin)) {
	console.error('bench/corpus: needs GNU time at /usr/bin/time (apt-get install time)');
	process.exit(2);
}

/** The commands, each with the arguments for one deck file. */
const commands = {
	print: file => ['print', file, '--width', '100'],
	search: file => ['search', 'canary', file],
	check: file => ['check', file, '--size', '80x24'],
	outline: file => ['outline', file],
	export: file => ['export', file, '-o', '-'],
};

const otherBin = values.compare ? path.resolve(values.compare) : undefined;
const quietNodeMs = Number(values['quiet-node-ms']);
const dir = path.join(outDir, 'corpus', String(process.pid));
rmSync(dir, {recursive: true, force: true});
mkdirSync(dir, {recursive: true});

// The generator is TypeScript; esbuild (the project's bundler) turns it into a module once.
const generator = path.join(dir, 'hostile-corpus.mjs');
await build({
	entryPoints: [path.join(repoRoot, 'test', 'support', 'hostile-corpus.ts')],
	outfile: generator,
	bundle: true,
	platform: 'node',
	format: 'esm',
	logLevel: 'error',
});
const corpus = await import(generator);
const pattern = values.decks ? new RegExp(values.decks) : undefined;
const decks = corpus.hostileDecks().filter(deck => !pattern || pattern.test(deck.name));
const files = decks.map(deck => {
	const file = path.join(dir, `${deck.name}.md`);
	writeFileSync(file, deck.content);
	return {deck, file};
});

const chosen = values.commands.split(',').map(name => name.trim());
for (const name of chosen) if (!(name in commands)) throw new Error(`unknown command ${name}: one of ${Object.keys(commands).join(', ')}`);

/**
 * A raw control byte (ESC and the other C0 controls but tab and newline, DEL, C1), or a raw
 * invisible a terminal hides or acts on (bidi controls, separators, format characters; joiners,
 * variation selectors, soft hyphens and flag tags are kept where they join something), as the
 * hostile e2e test counts them.
 */
const rawControl =
	/[[\p{Cc}\p{Default_Ignorable_Code_Point}\p{Cf}\p{Zl}\p{Zp}]--[\t\n\u200C\u200D\u00AD\uFE00-\uFE0F\u{E0020}-\u{E007F}\u{E0100}-\u{E01EF}]]/v;

/** Runs `lectern ARGS` under GNU time; stdout is scanned as it streams, never kept whole. */
function run(args, bin = lecternBin) {
	return new Promise(resolve => {
		const usageFile = path.join(dir, 'usage.txt');
		rmSync(usageFile, {force: true});
		const child = spawn(timeBin, ['-f', '%e %U %S %M', '-o', usageFile, ...(Array.isArray(bin) ? bin : [bin]), ...args], {
			env: childEnv(freshXdg()),
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let outBytes = 0;
		let rawOut = false;
		let tail = '';
		child.stdout.setEncoding('utf8');
		child.stdout.on('data', chunk => {
			outBytes += Buffer.byteLength(chunk);
			if (!rawOut && rawControl.test(chunk)) rawOut = true;
			tail = chunk.slice(-200);
		});
		let stderr = '';
		child.stderr.setEncoding('utf8');
		child.stderr.on('data', chunk => {
			if (stderr.length < 100_000) stderr += chunk;
		});
		let timedOut = false;
		const timer = setTimeout(() => {
			timedOut = true;
			child.kill('SIGKILL');
		}, timeoutMs);
		child.on('close', code => {
			clearTimeout(timer);
			const usage = existsSync(usageFile) ? readFileSync(usageFile, 'utf8').trim().split('\n').at(-1).split(' ') : [];
			const [wall, user, sys, rssKb] = usage.map(Number);
			const lines = stderr.split('\n').filter(line => line !== '');
			resolve({
				code: timedOut ? 'timeout' : code,
				wall,
				cpu: user + sys,
				rssMb: rssKb / 1024,
				outBytes,
				rawOut,
				rawErr: rawControl.test(stderr),
				// Every stderr line is one `lectern: …` line (warnings and errors alike).
				badErr: lines.some(line => !line.startsWith('lectern: ')) || (code === 2 && lines.length !== 1 && chosenSingle(args)),
				errLine: lines[0] ?? '',
				tail,
			});
		});
	});
}

/** `node -e 0`'s CPU seconds, the median of three: the load's measure. */
async function nodeCpu() {
	const runs = [];
	for (let i = 0; i < 3; i++) runs.push((await run(['-e', '0'], [process.execPath])).cpu);
	return runs.sort((a, b) => a - b)[1];
}

const chosenSingle = args => args.filter(arg => arg.endsWith('.md')).length === 1;

const fmt = (n, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : '?');
const rows = [];
const started = Date.now();
const nodeBefore = await nodeCpu();
/** A run's CPU scaled to a quiet machine by `node -e 0`'s CPU just before and after it (the load moves). */
const quiet = (cpu, node = nodeBefore) => (cpu * quietNodeMs) / 1000 / node;
const around = async measure => {
	const before = (await run(['-e', '0'], [process.execPath])).cpu;
	const result = await measure();
	const after = (await run(['-e', '0'], [process.execPath])).cpu;
	return {...result, node: (before + after) / 2};
};
for (const {deck, file} of files) {
	for (const command of chosen) {
		const r = await around(() => run(commands[command](file)));
		const other = otherBin ? await run(commands[command](file), otherBin) : undefined;
		const flags = [];
		if (r.code === 'timeout') flags.push('TIMEOUT');
		if (quiet(r.cpu, r.node) > limit) flags.push('OVER');
		else if (r.cpu > limit) flags.push('cpu>limit');
		else if (r.wall > limit) flags.push('wall>limit');
		if (r.rawOut) flags.push('RAW-STDOUT');
		if (r.rawErr) flags.push('RAW-STDERR');
		if (r.badErr) flags.push('STDERR-SHAPE');
		if (r.code !== 0 && r.code !== 1 && r.code !== 2) flags.push(`EXIT-${r.code}`);
		if ((r.code === 1 || r.code === 2) && command !== 'search' && command !== 'check' && deck.expect === 'render') flags.push('FAILED');
		rows.push({deck: deck.name, command, ...r, other, flags});
		process.stderr.write(
			`${deck.name} ${command}: exit ${r.code} wall ${fmt(r.wall)} cpu ${fmt(r.cpu)} (quiet ${fmt(quiet(r.cpu, r.node))}) rss ${fmt(r.rssMb, 0)} MB ${flags.join(' ')}${r.code === 2 ? ` (${r.errLine.slice(0, 100)})` : ''}${other ? ` | other: cpu ${fmt(other.cpu)} rss ${fmt(other.rssMb, 0)} MB` : ''}\n`,
		);
	}
}

if (values.whole) {
	// The e2e test's shape: one search over every deck the test searches (all but the tiny-slide decks and the 100,000-slide deck).
	const skip = new Set([...corpus.tinySlideDecks.map(deck => deck.name), 'slides-100000', 'nested-lists', 'brackets']);
	const all = files.filter(({deck}) => !skip.has(deck.name)).map(({file}) => file);
	const r = await around(() => run(['search', 'canary', ...all]));
	const other = otherBin ? await run(['search', 'canary', ...all], otherBin) : undefined;
	const flags = [quiet(r.cpu, r.node) > limit ? 'OVER' : '', r.rawOut ? 'RAW-STDOUT' : '', r.rawErr ? 'RAW-STDERR' : ''].filter(Boolean);
	rows.push({deck: `(all ${all.length} decks at once)`, command: 'search', ...r, other, flags});
}

const nodeAfter = await nodeCpu();
const shown = values['all-flagged'] ? rows.filter(row => row.flags.length > 0) : rows;
console.log(`Hostile corpus, ${decks.length} decks × ${chosen.join('/')}; limit ${limit} s of CPU (${lecternBin})`);
console.log(
	`node -e 0 took ${fmt(nodeBefore * 1000, 0)} ms of CPU before and ${fmt(nodeAfter * 1000, 0)} ms after (${quietNodeMs} ms on a quiet machine): "quiet CPU" = CPU × ${quietNodeMs} ms ÷ node -e 0's CPU right before and after the run${otherBin ? `; "other": ${otherBin}, run right after each` : ''}`,
);
console.log('');
const otherHead = otherBin ? ' other CPU s | other RSS MB |' : '';
console.log(`| deck | command | exit | wall s | CPU s | quiet CPU s | peak RSS MB | stdout KB |${otherHead} flags |`);
console.log(`|---|---|---:|---:|---:|---:|---:|---:|${otherBin ? '---:|---:|' : ''}---|`);
for (const row of shown) {
	const other = otherBin ? ` ${fmt(row.other?.cpu)} | ${fmt(row.other?.rssMb, 0)} |` : '';
	console.log(
		`| ${row.deck} | ${row.command} | ${row.code} | ${fmt(row.wall)} | ${fmt(row.cpu)} | ${fmt(quiet(row.cpu, row.node))} | ${fmt(row.rssMb, 0)} | ${fmt(row.outBytes / 1024, 0)} |${other} ${row.flags.join(' ')} |`,
	);
}
const over = rows.filter(row => row.flags.includes('OVER') || row.flags.includes('TIMEOUT'));
const leaks = rows.filter(row => row.flags.some(flag => flag.startsWith('RAW')));
console.log('');
console.log(
	`${rows.length} runs in ${((Date.now() - started) / 1000).toFixed(0)} s: ${over.length} over ${limit} s of quiet CPU, ${leaks.length} with a raw control byte; worst CPU ${fmt(Math.max(...rows.map(row => row.cpu)))} s, worst RSS ${fmt(Math.max(...rows.map(row => row.rssMb)), 0)} MB`,
);
rmSync(dir, {recursive: true, force: true});
