// The slide scanner's speed against an older build of it, in ONE interleaved run (issue 17: the
// dialect work made it slower; the aim is about 1.2x the scan before it). Each build's deck
// module (src/deck/deck.ts: front matter, dialect detection, the scan) is bundled on its own
// with esbuild, the old one from `git archive REF`; a child Node with the bin's V8 flags then
// times openDeck and scanSlides on generated decks, alternating builds and their order each
// round, and prints CPU medians and the new/old ratio. A measurement, not a test.
//
//   node bench/scan.mjs [--ref aa98e18] [--base REF] [--rounds 15] [--decks name,name] [--profile]
//     --ref      the old build (default: the scanner before the block tracker and the dialects)
//     --base     a third build, timed in the same rounds (say main's, before a change)
//     --profile  run only the new build, under --cpu-prof (bench/out/scan-prof/)
import {execFileSync, spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {build} from 'esbuild';
import {lecternFlags, outDir, repoRoot} from './lib/env.mjs';
import {realisticDeck} from './lib/realistic-deck.mjs';

const {values} = parseArgs({
	options: {
		ref: {type: 'string', default: 'aa98e18'},
		base: {type: 'string'},
		rounds: {type: 'string', default: '15'},
		decks: {type: 'string'},
		profile: {type: 'boolean', default: false},
		child: {type: 'string'},
	},
});

/** The bench's generated deck (../shared/bench/gen_deck.py): `##` heading, marker, list, a fenced diagram. */
function benchDeck(count) {
	const topics = ['guest kernel', 'shadow page table', 'trap and emulate', 'VM exit', 'binary translation', 'virtio ring'];
	const slides = [];
	for (let i = 1; i <= count; i++) {
		const n = String(i).padStart(4, '0');
		const topic = topics[i % topics.length];
		const points = [1, 2, 3, 4].map(k => `- point ${i}.${k} about the ${topic}`);
		const diagram = [
			'+--------------+      +--------------+',
			`|  guest ${n}  |      |  guest ${String(i + 1).padStart(4, '0')}  |`,
			'|  user apps   |      |  user apps   |',
			'|  guest OS    |      |  guest OS    |',
			'+------+-------+      +-------+------+',
			'       |   trap (VM exit)     |',
			'       v                      v',
			'+------------------------------------+',
			`|   hypervisor / VMM   (slide ${n})  |`,
			'+------------------------------------+',
		];
		slides.push([`## Topic ${i}: ${topic}`, '', `SLIDE ${n} MARK`, '', ...points, '', '```', ...diagram, '```'].join('\n'));
	}

	return `${slides.join('\n\n---\n\n')}\n`;
}

const decks = {
	'bench-10000': () => benchDeck(10_000),
	'realistic-6mb': realisticDeck,
	'lecture-x20': () => readFileSync(path.join(repoRoot, 'decks', 'virtualization.md'), 'utf8').repeat(20),
	'prose-lists': () =>
		Array.from(
			{length: 10_000},
			(_, i) =>
				`# Slide ${i}\n\nA paragraph of prose that goes on\nfor two lines, with *emphasis*.\n\n1. first\n2. second\n   - nested item\n   - another\n\n> a quote\n> on two lines\n`,
		).join('\n---\n\n'),
	'code-130000-lines': () => `# code\n\n\`\`\`\n${'x\n'.repeat(130_000)}\`\`\``,
};

// This tree's bin's flags, read from the bin itself (a list here went stale when bin/lectern gained
// --expose-gc); LECTERN_BIN, another build, plays no part in this bench.
const flags = lecternFlags(path.join(repoRoot, 'bin', 'lectern.js'));

if (values.child) {
	await child(JSON.parse(values.child));
} else {
	await parent();
}

async function parent() {
	const dir = path.join(outDir, 'scan');
	rmSync(dir, {recursive: true, force: true});
	mkdirSync(dir, {recursive: true});
	const builds = {new: path.join(dir, 'new.mjs')};
	await bundle(repoRoot, builds.new);
	if (!values.profile) {
		builds.old = await bundleRef(values.ref, path.join(dir, 'old.mjs'));
		if (values.base) {
			builds.base = await bundleRef(values.base, path.join(dir, 'base.mjs'));
		}
	}

	const chosen = values.decks ? values.decks.split(',') : Object.keys(decks);
	const files = {};
	for (const name of chosen) {
		files[name] = path.join(dir, `${name}.md`);
		writeFileSync(files[name], decks[name]());
	}

	const args = JSON.stringify({builds, files, rounds: Number(values.rounds)});
	const prof = values.profile ? ['--cpu-prof', `--cpu-prof-dir=${path.join(dir, 'prof')}`] : [];
	const result = spawnSync(process.execPath, [...flags, ...prof, import.meta.filename, '--child', args], {stdio: 'inherit'});
	process.exitCode = result.status ?? 1;
}

/** A commit's build, from `git archive` (outside the repository, where the type check and the linter would read it). */
async function bundleRef(ref, outfile) {
	const source = mkdtempSync(path.join(tmpdir(), 'lectern-scan-'));
	const archive = execFileSync('git', ['archive', ref, 'src'], {cwd: repoRoot, maxBuffer: 1 << 28});
	execFileSync('tar', ['-x', '-C', source], {input: archive});
	await bundle(source, outfile);
	rmSync(source, {recursive: true, force: true});
	return outfile;
}

/** One build's openDeck and scanSlides, as one ES module. */
async function bundle(root, outfile) {
	await build({
		stdin: {
			contents: "export {openDeck} from './src/deck/deck.ts'; export {scanSlides} from './src/deck/scan.ts';",
			resolveDir: root,
			loader: 'ts',
		},
		outfile,
		bundle: true,
		format: 'esm',
		platform: 'node',
		packages: 'external',
		// front-matter.ts requires yaml lazily (a `require` in an ES module needs one made).
		banner: {js: "import {createRequire} from 'node:module'; const require = createRequire(import.meta.url);"},
		logLevel: 'error',
	});
}

async function child({builds, files, rounds}) {
	const modules = {};
	for (const [name, file] of Object.entries(builds)) {
		modules[name] = await import(file);
	}

	const texts = Object.fromEntries(Object.entries(files).map(([name, file]) => [name, readFileSync(file, 'utf8')]));
	const kinds = {
		openDeck: (module, text) => module.openDeck(text, 'deck.md'),
		scanSlides: (module, text) => module.scanSlides?.(text),
	};
	const times = {};
	const names = Object.keys(modules);
	for (let round = 0; round < rounds; round++) {
		const order = round % 2 === 0 ? names : [...names].reverse();
		for (const [deck, text] of Object.entries(texts)) {
			for (const [kind, run] of Object.entries(kinds)) {
				for (const name of order) {
					const before = process.cpuUsage();
					const out = run(modules[name], text);
					const used = process.cpuUsage(before);
					if (round > 0 && out !== undefined) {
						// The first round compiles the code; it is left out.
						const key = `${deck}\t${kind}\t${name}`;
						times[key] = [...(times[key] ?? []), (used.user + used.system) / 1000];
					}
				}
			}
		}
	}

	const median = list => [...list].sort((a, b) => a - b)[list.length >> 1];
	console.log(`CPU medians of ${rounds - 1} interleaved rounds, ms (flags: ${flags.join(' ')})`);
	const base = names.includes('base');
	console.log(`| deck | measure | new | old | new/old |${base ? ' base | base/old |' : ''}`);
	console.log(`|---|---|---:|---:|---:|${base ? '---:|---:|' : ''}`);
	const cell = (figure, old) => (figure && old ? (median(figure) / median(old)).toFixed(2) : '');
	for (const deck of Object.keys(texts)) {
		for (const kind of Object.keys(kinds)) {
			const fresh = times[`${deck}\t${kind}\tnew`];
			const old = times[`${deck}\t${kind}\told`];
			const before = times[`${deck}\t${kind}\tbase`];
			if (!fresh) continue;
			const ms = figure => (figure ? median(figure).toFixed(1) : '');
			const extra = base ? ` ${ms(before)} | ${cell(before, old)} |` : '';
			console.log(`| ${deck} | ${kind} | ${ms(fresh)} | ${ms(old)} | ${cell(fresh, old)} |${extra}`);
		}
	}
}
