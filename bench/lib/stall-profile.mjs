// What ran in each long stretch of a stalls run: reads a V8 CPU profile (bench/stalls.mjs
// --cpu-prof DIR) and the stretches the probe recorded, and for each stretch of at least
// MIN ms prints the functions that took its samples (self time, and inclusive time: the
// function or what it called), the few at the top. A tool for finding causes, not a measurement.
//
//   node bench/lib/stall-profile.mjs PROFILE.cpuprofile STALLS.json [MIN_MS=50] [TOP=12]
import {existsSync, readFileSync} from 'node:fs';
import {SourceMap} from 'node:module';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const [profileFile, stallsFile, minArg = '50', topArg = '12'] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(profileFile, 'utf8'));
const {stalls} = JSON.parse(readFileSync(stallsFile, 'utf8'));
const min = Number(minArg);
const top = Number(topArg);

const byId = new Map(profile.nodes.map(node => [node.id, node]));
const parent = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
// The bundle is minified: names and places are read back from its linked source maps.
const maps = new Map();
const mapOf = url => {
	if (!maps.has(url)) {
		let map;
		try {
			const file = `${fileURLToPath(url)}.map`;
			if (existsSync(file)) map = new SourceMap(JSON.parse(readFileSync(file, 'utf8')));
		} catch {
			// not a file URL, or no map
		}
		maps.set(url, map);
	}
	return maps.get(url);
};
const label = node => {
	const {functionName, url, lineNumber, columnNumber} = node.callFrame;
	const entry = url ? mapOf(url)?.findEntry(lineNumber, columnNumber) : undefined;
	if (entry?.originalSource) {
		const source = entry.originalSource.replace(/^.*?(src|node_modules)\//, '$1/');
		return `${entry.name ?? functionName ?? '(anonymous)'} ${source}:${entry.originalLine + 1}`;
	}
	return `${functionName || '(anonymous)'} ${url ? `${path.basename(url)}:${lineNumber + 1}` : ''}`.trim();
};

const times = [];
let t = profile.startTime;
for (const delta of profile.timeDeltas) {
	t += delta;
	times.push(t);
}

for (const stall of stalls) {
	if (stall.ms < min) continue;
	const from = stall.hrUs;
	const to = stall.hrUs + (stall.ms + 2) * 1000;
	const self = new Map();
	const inclusive = new Map();
	let total = 0;
	for (let i = 0; i < profile.samples.length; i++) {
		if (times[i] < from || times[i] > to) continue;
		const weight = (profile.timeDeltas[i + 1] ?? 0) / 1000;
		total += weight;
		let id = profile.samples[i];
		const leaf = byId.get(id);
		self.set(label(leaf), (self.get(label(leaf)) ?? 0) + weight);
		const seen = new Set();
		while (id !== undefined) {
			const name = label(byId.get(id));
			if (!seen.has(name)) {
				seen.add(name);
				inclusive.set(name, (inclusive.get(name) ?? 0) + weight);
			}
			id = parent.get(id);
		}
	}
	const list = map =>
		[...map]
			.sort((a, b) => b[1] - a[1])
			.slice(0, top)
			.map(([name, ms]) => `    ${ms.toFixed(1).padStart(7)} ms  ${name}`)
			.join('\n');
	console.log(
		`stretch of ${stall.ms} ms (cpu ${stall.cpu ?? '?'} ms), ${total.toFixed(1)} ms sampled\n  self:\n${list(self)}\n  inclusive:\n${list(inclusive)}\n`,
	);
}
