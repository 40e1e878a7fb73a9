// Issue 12 item 9: how long the presenter holds the event loop (and so how long `q`, Ctrl-C
// and signals wait) on the worst decks the size cap admits. For each deck it runs the real
// presenter in a pseudo-terminal with bench/lib/stall-probe.mjs preloaded, goes through
// start-up, idle (index building), `G`, the overview and its filter, a search, a reload and
// `q`, and reports the longest synchronous stretch in each phase. A measurement, not a test.
//
//   node bench/stalls.mjs [--decks name,name] [--only-start]      (LECTERN_BIN: another build)
import {appendFileSync, mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {childEnv, freshXdg, lecternFlags, lecternScript, outDir, repoRoot} from './lib/env.mjs';
import {PtySession, sleep} from './lib/pty-driver.mjs';

const probe = path.join(repoRoot, 'bench', 'lib', 'stall-probe.mjs');
const {values} = parseArgs({options: {decks: {type: 'string'}, 'only-start': {type: 'boolean', default: false}}});

/** The decks: many tiny slides, a large realistic deck, and the costliest of the hostile corpus. */
const decks = {
	'hash-300k': () => '#\n'.repeat(300_000),
	'setext-100k': () => 'a\n=\n'.repeat(100_000),
	'hash-10mib': () => '#\n'.repeat(5_000_000),
	'slides-100000': () => Array.from({length: 100_000}, (_, i) => `# Slide ${i + 1}\n`).join('\n---\n\n'),
	'realistic-6mb': () =>
		Array.from({length: 10_000}, (_, i) =>
			`# Slide ${i + 1}\n\nSome text about page tables, ${i}, and *more* of it.\n\n- a point\n- another point with \`code\`\n\n\`\`\`c\nint x = ${i};\n\`\`\`\n\n<!-- notes: ${'notes words '.repeat(30)} -->\n`.padEnd(
				600,
				' ',
			),
		).join('\n---\n\n'),
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
};

const dir = path.join(outDir, 'stalls');
mkdirSync(dir, {recursive: true});
const chosen = values.decks ? values.decks.split(',') : Object.keys(decks);
const rows = [];
for (const name of chosen) {
	const file = path.join(dir, `${name}.md`);
	writeFileSync(file, decks[name]());
	rows.push(await measure(name, file));
	rmSync(file, {force: true});
}

const phases = ['start', 'idle', 'G', 'overview', 'filter', 'search', 'reload', 'q'];
console.log(`| deck | ${phases.join(' | ')} | q → exit ms |`);
console.log(`|---|${phases.map(() => '---:').join('|')}|---:|`);
for (const row of rows) console.log(`| ${row.name} | ${phases.map(p => row.phases[p] ?? '').join(' | ')} | ${row.exitMs ?? 'hung'} |`);

async function measure(name, file) {
	const stallsFile = path.join(dir, `${name}.stalls.json`);
	rmSync(stallsFile, {force: true});
	const env = {...childEnv(), ...freshXdg(), LECTERN_STALLS: stallsFile};
	const t = new PtySession(process.execPath, [...lecternFlags(), '--import', probe, lecternScript(), file], {
		cols: 100,
		rows: 30,
		env,
		cwd: repoRoot,
	});
	const marks = [];
	const mark = phase => marks.push({phase, at: Date.now()});
	const status = lines => lines.at(-1) ?? '';
	const timeout = 120_000;
	process.stderr.write(`${name}: `);
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
	const closed = await t.close('q', timeout);
	const exitMs = closed.quitOk ? Math.round(closed.exitMs) : undefined;
	const {stalls} = JSON.parse(readFileSync(stallsFile, 'utf8'));
	const result = {name, phases: {}, exitMs};
	for (const stall of stalls) {
		const phase = marks.findLast(m => m.at <= stall.at)?.phase ?? 'start';
		result.phases[phase] = Math.max(result.phases[phase] ?? 0, stall.ms);
	}

	process.stderr.write(`${JSON.stringify(result.phases)} exit ${exitMs}\n`);
	return result;
}
