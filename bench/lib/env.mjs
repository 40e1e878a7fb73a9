// Where things are and what environment the measured programs get.
import {spawnSync} from 'node:child_process';
import {cpSync, existsSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const outDir = path.join(repoRoot, 'bench', 'out');
// LECTERN_BIN measures another build (a branch's checkout, a packed install) instead. The
// default is the npm bin, bin/lectern, as `npx lectern` runs it (from the start-up snapshot).
export let lecternBin = process.env.LECTERN_BIN ? path.resolve(process.env.LECTERN_BIN) : path.join(repoRoot, 'bin', 'lectern');

/** The Node script behind a bin (for runs that start node themselves, e.g. with --import). */
export function lecternScript() {
	return lecternBin.endsWith('.js') ? lecternBin : path.join(path.dirname(lecternBin), 'lectern.js');
}

/**
 * The V8 flags the bin gives Node (the shebang of `script`, by default lecternScript(); bin/lectern's
 * `flags=` equals it, test/e2e/bin.test.ts), for runs that start node themselves.
 */
export function lecternFlags(script = lecternScript()) {
	const shebang = /^#!\/usr\/bin\/env -S node (.*)$/m.exec(readFileSync(script, 'utf8').split('\n', 1)[0] ?? '');
	return shebang ? shebang[1].split(' ').filter(Boolean) : [];
}

/**
 * Measures a copy of the build instead of dist/ itself: the bundle loads chunks lazily, so
 * an `npm run build` during a long run would otherwise crash Lectern mid-measurement.
 * The copy stays inside the repository so `ink` and friends still resolve from node_modules.
 * A build in progress is waited for: the copy must hold the entry and the same files as
 * dist/ before and after copying. Returns the new entry, or undefined when dist/ did not
 * settle within a minute (the copy is used anyway and its errors show in the tables).
 */
export async function copyBuild() {
	const dir = path.join(outDir, 'lectern-snapshot');
	const dist = path.join(repoRoot, 'dist');
	const list = d => (existsSync(d) ? readdirSync(d).sort().join('\n') : '');
	let settled = false;
	for (let attempt = 0; attempt < 20 && !settled; attempt++) {
		if (attempt) await new Promise(resolve => setTimeout(resolve, 3000));
		const before = list(dist);
		rmSync(dir, {recursive: true, force: true});
		for (const part of ['bin', 'dist', 'decks', 'package.json']) {
			const from = path.join(repoRoot, part);
			if (existsSync(from)) cpSync(from, path.join(dir, part), {recursive: true});
		}
		settled =
			before !== '' && before === list(dist) && before === list(path.join(dir, 'dist')) && existsSync(path.join(dir, 'dist', 'lectern.js'));
	}
	lecternBin = path.join(dir, 'bin', 'lectern');
	return settled ? lecternBin : undefined;
}

/** The shared harness: a sibling `shared/bench` of the clone (CI and users), or of its parent. */
export function findSharedBench() {
	const candidates = [process.env.LECTERN_SHARED_BENCH, path.join(repoRoot, '..', 'shared', 'bench')].filter(Boolean);
	for (const dir of candidates) {
		if (existsSync(path.join(dir, 'ptybench.py')) && existsSync(path.join(dir, 'gen_deck.py'))) {
			return path.resolve(dir);
		}
	}
	return undefined;
}

/**
 * A python3 that can import pyte, since without it ptybench searches the raw stream and
 * mis-times tools that redraw only changed digits. Debian's python3-pyte lands in
 * /usr/bin/python3's path, which a pyenv or venv `python3` earlier on PATH does not see.
 */
export function findPython() {
	const candidates = [process.env.PYTHON, 'python3', '/usr/bin/python3'].filter(Boolean);
	let fallback;
	for (const exe of candidates) {
		const r = spawnSync(exe, ['-c', 'import pyte'], {stdio: 'ignore'});
		if (r.error) continue;
		if (r.status === 0) return {exe, pyte: true};
		fallback ??= exe;
	}
	return fallback ? {exe: fallback, pyte: false} : undefined;
}

/**
 * The environment for every measured program. CI variables go: Ink (through is-in-ci)
 * stops drawing intermediate frames when CI is set, which would make every key time out
 * in a CI run. Size variables go so programs ask the pty, as ptybench also does.
 */
export function childEnv(extra = {}) {
	const env = {...process.env};
	for (const key of Object.keys(env)) {
		if (key === 'CI' || key === 'CONTINUOUS_INTEGRATION' || key.startsWith('CI_')) delete env[key];
	}
	for (const key of ['COLUMNS', 'LINES', 'NO_COLOR', 'FORCE_COLOR', 'LECTERN_TIMING']) delete env[key];
	return {...env, TERM: 'xterm-256color', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', ...extra};
}

/** Fresh XDG folders, so a saved position (study resume) never moves a run off slide 1. */
export function freshXdg() {
	const base = path.join(outDir, 'xdg');
	mkdirSync(base, {recursive: true});
	const dir = mkdtempSync(path.join(base, 'run-'));
	return {
		XDG_CONFIG_HOME: path.join(dir, 'config'),
		XDG_STATE_HOME: path.join(dir, 'state'),
		XDG_CACHE_HOME: path.join(dir, 'cache'),
		XDG_DATA_HOME: path.join(dir, 'data'),
	};
}

export function parseSize(text) {
	const m = /^(\d+)x(\d+)$/i.exec(String(text).trim());
	if (!m) throw new Error(`bad size ${JSON.stringify(text)}: use COLSxROWS, e.g. 100x30`);
	return {cols: Number(m[1]), rows: Number(m[2]), label: `${m[1]}x${m[2]}`};
}
