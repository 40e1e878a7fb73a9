// Issue 12 item 9: how long the presenter holds the event loop (and so how long `q`, Ctrl-C
// and signals wait) on the worst decks the size cap admits. For each deck it runs the real
// presenter in a pseudo-terminal with bench/lib/stall-probe.cjs preloaded, goes through
// start-up, idle (index building), `G`, the overview and its filter, a search, a reload and
// `q`, and reports the longest synchronous stretch in each phase. A measurement, not a test.
//
// Each cell is `wall (cpu)`: the longest stretch's wall time, and the most CPU time any stretch
// of the phase used (on a loaded machine the wall time includes time the process was not
// scheduled; the CPU time is the work itself, garbage collection included).
// After `q`: when the terminal was given back (the alternate screen left), and when the
// process was gone (the exit event, then Node's teardown, which comes after the terminal's).
//
//   node bench/stalls.mjs [--decks name,name] [--only-start] [--compare OTHER_BIN] [--cpu-prof DIR] [--no-snapshot]
//   (LECTERN_BIN: another build; --compare runs that other build on each deck right after, so
//   both meet the same load; --cpu-prof writes a V8 CPU profile per run, and
//   bench/lib/stall-profile.mjs names what ran in each long stretch)
import {appendFileSync, existsSync, mkdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {childEnv, freshXdg, lecternFlags, lecternScript, outDir, repoRoot} from './lib/env.mjs';
import {PtySession, sleep} from './lib/pty-driver.mjs';
import {realisticDeck} from './lib/realistic-deck.mjs';

const probe = path.join(repoRoot, 'bench', 'lib', 'stall-probe.cjs');
const {values} = parseArgs({
	options: {
		decks: {type: 'string'},
		'only-start': {type: 'boolean', default: false},
		compare: {type: 'string'},
		'cpu-prof': {type: 'string'},
		// The ES module entry even when a snapshot could be used: its source maps name the functions in a profile.
		'no-snapshot': {type: 'boolean', default: false},
	},
});
const builds = [{label: '', script: lecternScript()}];
if (values.compare) {
	const other = path.resolve(values.compare);
	builds.push({label: ' (compare)', script: other.endsWith('.js') ? other : path.join(path.dirname(other), 'lectern.js')});
}

/** The decks: many tiny slides, a large realistic deck, and the costliest of the hostile corpus. */
const decks = {
	'hash-300k': () => '#\n'.repeat(300_000),
	'setext-100k': () => 'a\n=\n'.repeat(100_000),
	'hash-10mib': () => '#\n'.repeat(5_000_000),
	'slides-100000': () => Array.from({length: 100_000}, (_, i) => `# Slide ${i + 1}\n`).join('\n---\n\n'),
	'realistic-6mb': realisticDeck,
	'short-word-lines': () => `# short\n\n${'word and more\n'.repeat(60_000)}`,
	'one-word-1mb': () => `# word\n\n${'x'.repeat(1_000_000)}`,
	'code-130000-lines': () => `# code\n\n\`\`\`\n${'x\n'.repeat(130_000)}\`\`\``,
	'unterminated-notes': () => `# notes\n\n<!-- notes:\n${'x\n'.repeat(200_000)}`,
	'table-30000-rows': () => `# table\n\n| a | b |\n|---|---|\n${'| x | y |\n'.repeat(30_000)}`,
	'list-continuation': () => `# list\n\n- ${'x\n  '.repeat(40_000)}`,
	// One huge slide, parsed and laid out when it is shown.
	'one-slide-300k-lines': () => `# lines\n\n${'a line of words\n'.repeat(300_000)}`,
	'code-100k-lines': () => `# code\n\n\`\`\`\n${'let x = 1;\n'.repeat(100_000)}\`\`\``,
	'list-100k-items': () => `# list\n\n${'- an item\n'.repeat(100_000)}`,
	// An ordinary deck: the stretches left are start-up's own (Ink's and lowlight's modules: it has code).
	lecture: () => readFileSync(path.join(repoRoot, 'decks', 'virtualization.md'), 'utf8'),
};

const dir = path.join(outDir, 'stalls');
mkdirSync(dir, {recursive: true});
const chosen = values.decks ? values.decks.split(',') : Object.keys(decks);
const rows = [];
for (const name of chosen) {
	const file = path.join(dir, `${name}.md`);
	for (const build of builds) rows.push(await measure(name, file, build));
	rmSync(file, {force: true});
}

const phases = ['start', 'idle', 'G', 'overview', 'filter', 'search', 'reload', 'q'];
console.log(`| deck | ${phases.join(' | ')} | q → terminal restored ms | q → exit ms (q → exit event + teardown) |`);
console.log(`|---|${phases.map(() => '---:').join('|')}|---:|---:|`);
const cell = stat => (stat ? `${stat.ms} (${stat.cpu})` : '');
for (const row of rows) {
	console.log(`| ${row.name} | ${phases.map(p => cell(row.phases[p])).join(' | ')} | ${row.restoredMs} | ${row.exitMs ?? 'hung'} |`);
}

/**
 * How the build starts, the probe preloaded: from its start-up snapshot when bin/lectern would
 * use it (made by this very Node), as users run it; else its ES module entry.
 */
function startOf(script) {
	const dist = path.join(path.dirname(script), '..', 'dist');
	const blob = path.join(dist, 'snapshot.blob');
	const stamp = path.join(dist, 'snapshot.node');
	const usable =
		!values['no-snapshot'] &&
		existsSync(blob) &&
		existsSync(stamp) &&
		realpathSync(readFileSync(stamp, 'utf8').trim()) === realpathSync(process.execPath) &&
		statSync(process.execPath).mtimeMs <= statSync(stamp).mtimeMs;
	return usable ? ['--snapshot-blob', blob, '--require', probe, path.join(dist, 'lectern.js')] : ['--require', probe, script];
}

async function measure(name, file, build) {
	const tag = `${name}${build.label ? '.compare' : ''}`;
	const stallsFile = path.join(dir, `${tag}.stalls.json`);
	rmSync(stallsFile, {force: true});
	const env = {...childEnv(), ...freshXdg(), LECTERN_STALLS: stallsFile};
	const profile = values['cpu-prof']
		? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(values['cpu-prof'])}`, `--cpu-prof-name=${tag}.cpuprofile`]
		: [];
	// A changed deck is written back for each build, so a reload in the first run does not change the second's.
	writeFileSync(file, decks[name]());
	const t = new PtySession(process.execPath, [...lecternFlags(), ...profile, ...startOf(build.script), file], {
		cols: 100,
		rows: 30,
		env,
		cwd: repoRoot,
	});
	const marks = [];
	const mark = phase => marks.push({phase, at: Date.now()});
	const status = lines => lines.at(-1) ?? '';
	const timeout = 120_000;
	process.stderr.write(`${name}${build.label}: `);
	mark('start');
	await t.waitFor(lines => /\s1\/\d+/.test(status(lines)), timeout);
	mark('idle');
	// Idle work (the rest of a large file, sections, the search index) runs in slices now.
	await sleep(values['only-start'] ? 500 : 4000);
	if (!values['only-start']) {
		mark('G');
		t.press('G');
		await t.waitFor(lines => /\s(\d+)\/\1\b/.test(status(lines)), timeout);
		await sleep(300);
		mark('overview');
		t.press('o');
		await t.waitFor(lines => lines.some(line => line.includes('Overview')), timeout);
		await sleep(300);
		mark('filter');
		t.press('/');
		t.press('z');
		await t.waitFor(lines => lines.some(line => line.includes('filter: z')), timeout);
		await sleep(1000);
		// Two Esc keys (filter, then overview), apart (as a person presses them).
		t.press('\u001B');
		await sleep(300);
		t.press('\u001B');
		await sleep(300);
		mark('search');
		t.press('/');
		t.press('zq');
		t.press('\r');
		await t.waitFor(lines => /no match|match/.test(status(lines)), timeout);
		await sleep(500);
		mark('reload');
		appendFileSync(file, '\n\n---\n\n# Added\n');
		await sleep(3000);
	}

	mark('q');
	// When the terminal is given back (the alternate screen left): what a user waits for, before Node's teardown.
	let restoredAt;
	t.proc.onData(chunk => {
		if (restoredAt === undefined && Buffer.from(chunk).includes('\u001B[?1049l')) restoredAt = Date.now();
	});
	const qAt = Date.now();
	const closed = await t.close('q', timeout);
	const goneAt = Date.now();
	const exitMs = closed.quitOk ? Math.round(closed.exitMs) : undefined;
	const {stalls, exitAt} = JSON.parse(readFileSync(stallsFile, 'utf8'));
	// q → the exit event, and the exit event → the process gone (Node's teardown).
	const exitSplit = exitAt ? ` (${Math.round(exitAt - qAt)} + ${Math.round(goneAt - exitAt)})` : '';
	const result = {
		name: `${name}${build.label}`,
		phases: {},
		exitMs: exitMs === undefined ? undefined : `${exitMs}${exitSplit}`,
		restoredMs: restoredAt === undefined ? '' : Math.round(restoredAt - qAt),
	};
	for (const stall of stalls) {
		const phase = marks.findLast(m => m.at <= stall.at)?.phase ?? 'start';
		const seen = result.phases[phase] ?? {ms: 0, cpu: 0};
		result.phases[phase] = {ms: Math.max(seen.ms, stall.ms), cpu: Math.max(seen.cpu, stall.cpu ?? 0)};
	}

	process.stderr.write(`${JSON.stringify(result.phases)} exit ${exitMs}\n`);
	return result;
}
