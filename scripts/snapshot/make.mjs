// Makes the start-up snapshot, dist/snapshot.blob, from dist/snapshot-script.cjs (built by
// scripts/build.mjs) with the Node that runs this script, checks that it starts, and records
// that Node's path in dist/snapshot.node, which bin/lectern compares with the Node it would run.
// Run by `npm run build`, `npm install` (prepare, and install for a packed copy). It never fails:
// without a snapshot Lectern starts the usual way, slower; the reason is one line on stderr.
// LECTERN_NO_SNAPSHOT=1 makes none.
import {spawnSync} from 'node:child_process';
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
