// Builds dist/ before any test runs when it is missing or older than what it is built from,
// so `npx vitest run` can never test a stale bundle (the end-to-end tests run dist/).
import {execFileSync} from 'node:child_process';
import {existsSync, readdirSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

function newestMtime(path: string): number {
	const stat = statSync(path);
	if (!stat.isDirectory()) {
		return stat.mtimeMs;
	}

	let newest = stat.mtimeMs;
	for (const entry of readdirSync(path)) {
		newest = Math.max(newest, newestMtime(join(path, entry)));
	}

	return newest;
}

function builtAt(): number {
	try {
		return statSync(join(root, 'dist', 'lectern.js')).mtimeMs;
	} catch {
		return 0;
	}
}

export default function buildIfStale(): void {
	const sources = ['src', 'scripts', 'bin', 'package-lock.json'].map(path => newestMtime(join(root, path)));
	const stale = builtAt() < Math.max(...sources);
	if (stale) {
		execFileSync(process.execPath, ['scripts/build.mjs'], {cwd: root, stdio: 'inherit'});
	}

	// The start-up snapshot (bin/lectern uses it; test/e2e/snapshot.test.ts checks it) goes with the bundle.
	if (stale || !existsSync(join(root, 'dist', 'snapshot.node'))) {
		execFileSync(process.execPath, ['scripts/snapshot/make.mjs'], {cwd: root, stdio: 'inherit'});
	}
}
