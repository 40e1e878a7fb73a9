// Makes the start-up snapshot, dist/snapshot.blob, from dist/snapshot-script.cjs (built by
// scripts/build.mjs) with the Node that runs this script, checks that it starts, and records
// that Node's path in dist/snapshot.node, which bin/lectern compares with the Node it would run.
// Run by `npm run build`, `npm install` (prepare, and install for a packed copy). It never fails:
// without a snapshot Lectern starts the usual way, slower; the reason is one line on stderr.
// LECTERN_NO_SNAPSHOT=1 makes none.
import {spawnSync} from 'node:child_process';
import {builtinModules} from 'node:module';
import {existsSync, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = path.join(root, 'dist');
const script = path.join(dist, 'snapshot-script.cjs');
const blob = path.join(dist, 'snapshot.blob');
const stamp = path.join(dist, 'snapshot.node');

/** The V8 flags bin/lectern runs the snapshot with: it must be made with the same. */
export function launcherFlags() {
	const launcher = readFileSync(path.join(root, 'bin', 'lectern'), 'utf8');
	const line = /^flags='([^']*)'$/m.exec(launcher);
	if (!line) {
		throw new Error("bin/lectern has no flags='…' line");
	}

	return line[1].split(' ').filter(Boolean);
}

/**
 * The builtins of Node's own whose code cache the snapshot keeps: those a run compiles (loads, and
 * its snapshot's heap does not hold already), as `NODE_DEBUG_NATIVE=CODE_CACHE` listed them over
 * the presenter and its keys, study, speaker, --share and follow, the watcher's reload, the
 * highlighter, and print, search, outline, check, convert, export and talks (Node 20.20); not
 * node:crypto's 16, which only `lectern export` loads since 38e712c (it compiles them without cache).
 * `node --build-snapshot` puts the code cache of all of Node's builtins into the blob (324, 2.7 MB
 * in Node 20), and Node copies them out of it on every start and keeps them for the process's life
 * (docs/architecture.md, "Memory"); the 112 the snapshot's heap holds are never compiled again
 * and most of the rest are never loaded. A builtin missing from this list is compiled without its
 * cache when first loaded: the same program, a little slower (test/e2e/snapshot.test.ts looks for
 * that in a presenter's run).
 */
export const cachedBuiltins = new Set([
	// createRequire and the dynamic imports of the bundle's chunks
	'module',
	'internal/modules/esm/loader',
	'internal/modules/esm/assert',
	'internal/source_map/source_map',
	'assert',
	'internal/assert/assertion_error',
	'internal/assert/calltracker',
	'internal/assert/utils',
	// child_process (ssh, the optimised re-run, getent), and net's listen (--share) loads cluster
	'child_process',
	'internal/child_process',
	'dgram',
	'internal/dgram',
	'internal/socket_list',
	'cluster',
	'internal/cluster/primary',
	'internal/cluster/round_robin_handle',
	'internal/cluster/shared_handle',
	'internal/cluster/utils',
	'internal/cluster/worker',
	'perf_hooks',
	'internal/histogram',
	'internal/perf/event_loop_delay',
	'internal/perf/nodetiming',
	'internal/perf/performance',
	'internal/perf/resource_timing',
	'internal/perf/timerify',
	'internal/perf/usertiming',
	// node:vm, to compile the Ink and lowlight bundles read from dist/ (scripts/snapshot/dist-require.mjs)
	'vm',
	'internal/vm/module',
	// the watcher, and stderr to a file
	'fs/promises',
	'internal/fs/dir',
	'internal/fs/promises',
	'internal/fs/recursive_watch',
	'internal/fs/watchers',
	'internal/fs/sync_write_stream',
]);

/**
 * The code cache entries at the end of a snapshot blob (Node 20's layout, src/node_snapshotable.cc:
 * the blob ends with a vector of {id, bytes}: a 64-bit count, then per entry a 64-bit length and
 * the id, a 64-bit length and the cache). Found as the only place from which that vector reads to
 * the blob's very end; undefined when there is none (another layout: the blob is left whole).
 */
export function codeCacheEntries(blob) {
	const read = at => (at + 8 <= blob.length ? blob.readBigUInt64LE(at) : -1n);
	const parse = from => {
		const count = read(from);
		const entries = [];
		let at = from + 8;
		for (let index = 0n; index < count; index++) {
			const start = at;
			const idLength = read(at);
			if (idLength < 1n || idLength > 200n || at + 8 + Number(idLength) > blob.length) return undefined;
			const id = blob.toString('latin1', at + 8, at + 8 + Number(idLength));
			if (!/^[\w./-]+$/.test(id)) return undefined;
			at += 8 + Number(idLength);
			const size = read(at);
			if (size < 0n || at + 8 + Number(size) > blob.length) return undefined;
			at += 8 + Number(size);
			entries.push({id, start, end: at});
		}

		// Node's own modules are among them (a stretch of some other data that happened to read to the end would not name them).
		return at === blob.length && entries.some(entry => builtinModules.includes(entry.id)) ? {start: from, entries} : undefined;
	};

	for (let at = blob.length - 8; at >= 0; at--) {
		// A count of entries: a 64-bit number under 10,000 (Node 20 has 324 builtins).
		if (blob.readUInt32LE(at + 4) === 0 && blob.readUInt32LE(at) > 0 && blob.readUInt32LE(at) < 10_000) {
			const found = parse(at);
			if (found) return found;
		}
	}

	return undefined;
}

/** The blob with only the code cache of the builtins in `keep`; undefined when its layout is not known. */
export function pruneCodeCache(blob, keep = cachedBuiltins) {
	const found = codeCacheEntries(blob);
	if (!found) return undefined;
	const kept = found.entries.filter(entry => keep.has(entry.id));
	const count = Buffer.alloc(8);
	count.writeBigUInt64LE(BigInt(kept.length));
	return Buffer.concat([blob.subarray(0, found.start), count, ...kept.map(entry => blob.subarray(entry.start, entry.end))]);
}

function run(args) {
	// Flags from NODE_OPTIONS would be baked into the snapshot; bin/lectern runs it without.
	return spawnSync(process.execPath, args, {
		cwd: root,
		env: {...process.env, NODE_OPTIONS: ''},
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'pipe'],
		timeout: 180_000,
	});
}

function firstError(result) {
	const lines = `${result.error?.message ?? ''}\n${result.stderr ?? ''}`.split('\n').map(line => line.trim());
	return lines.find(line => /error|fatal|failed|cannot/i.test(line)) ?? lines.find(Boolean) ?? `exit ${result.status}`;
}

function make() {
	rmSync(stamp, {force: true});
	rmSync(blob, {force: true});
	if (process.env.LECTERN_NO_SNAPSHOT === '1' || !existsSync(script)) {
		// Not asked for, or nothing built yet (`npm install` in a clone runs this before prepare builds dist/).
		return;
	}

	const flags = launcherFlags();
	const made = `${blob}.${process.pid}.tmp`;
	try {
		const build = run([...flags, '--snapshot-blob', made, '--build-snapshot', script]);
		if (build.status !== 0 || !existsSync(made)) {
			throw new Error(`node --build-snapshot failed: ${firstError(build)}`);
		}

		const pruned = pruneCodeCache(readFileSync(made));
		if (pruned) {
			writeFileSync(made, pruned);
		} else {
			process.stderr.write("lectern: the snapshot keeps the code cache of all of Node's builtins (its layout is not Node 20's)\n");
		}

		// Started the way bin/lectern starts it, it must answer.
		const version = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version;
		const check = run([...flags, '--snapshot-blob', made, path.join(dist, 'lectern.js'), '--version']);
		if (check.status !== 0 || check.stdout.trim() !== version) {
			throw new Error(`the snapshot does not start: ${firstError(check)}`);
		}

		renameSync(made, blob);
		writeFileSync(stamp, `${process.execPath}\n`);
	} finally {
		rmSync(made, {force: true});
	}
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	try {
		make();
	} catch (error) {
		rmSync(stamp, {force: true});
		process.stderr.write(`lectern: no start-up snapshot (Lectern starts without it, slower): ${error.message}\n`);
	}
}
