// Issue 12's long-line benchmark: `lectern print` (which lays the deck out with the
// presenter's layout) on a deck of one 100 KB line and of one 1 MB line, for a single word,
// short words and CJK. Linear cost makes the 1 MB time about 10x the 100 KB time; the aim is
// at most 12x. Each run is timed end to end, so start-up is in both (which flatters the ratio:
// the `node -e` floor is reported beside it).
import {spawn} from 'node:child_process';
import {writeFileSync} from 'node:fs';
import path from 'node:path';
import {performance} from 'node:perf_hooks';
import {childEnv, freshXdg, lecternBin} from './env.mjs';
import {median} from './stats.mjs';

const kinds = {
	word: bytes => 'a'.repeat(bytes),
	'short words': bytes => 'ab '.repeat(Math.ceil(bytes / 3)).slice(0, bytes),
	CJK: bytes => '漢'.repeat(Math.ceil(bytes / 3)),
};

function timed(cmd, args, env) {
	return new Promise(resolve => {
		const t0 = performance.now();
		const child = spawn(cmd, args, {env, stdio: ['ignore', 'ignore', 'ignore']});
		child.on('error', () => resolve({ms: performance.now() - t0, code: -1}));
		child.on('close', code => resolve({ms: performance.now() - t0, code}));
	});
}

export async function measureLongLines({dir, repeat, log}) {
	const rows = [];
	for (const [kind, make] of Object.entries(kinds)) {
		const row = {kind, small: [], big: [], floor: [], errors: []};
		const small = path.join(dir, `long-${kind.replace(' ', '-')}-100k.md`);
		const big = path.join(dir, `long-${kind.replace(' ', '-')}-1m.md`);
		writeFileSync(small, `# Long line\n\n${make(100_000)}\n`);
		writeFileSync(big, `# Long line\n\n${make(1_000_000)}\n`);
		log(`  long line (${kind}): print 100 KB and 1 MB (${repeat} runs)`);
		for (let rep = 0; rep < repeat; rep++) {
			const f = await timed('node', ['-e', '0'], childEnv());
			if (f.code === 0) row.floor.push(f.ms);
			for (const [file, into] of [
				[small, row.small],
				[big, row.big],
			]) {
				const r = await timed(lecternBin, ['print', file, '--width', '100'], childEnv(freshXdg()));
				if (r.code === 0) into.push(r.ms);
				else row.errors.push(`exit ${r.code} on ${path.basename(file)}`);
			}
		}
		rows.push({...row, smallMs: median(row.small), bigMs: median(row.big), floorMs: median(row.floor)});
	}
	return rows;
}
