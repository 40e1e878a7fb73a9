// Loads one of the CommonJS files built next to the snapshot's script (dist/snapshot-*.cjs)
// from disk, as a run needs it: the large packages the first frame does not use stay out of
// the snapshot, whose size is start-up time (reading and deserialising it).
//
// A file can be read and compiled a turn of the event loop before it is run (distPrepare):
// requiring dist/snapshot-ink.cjs was one stretch of 35-37 ms CPU on an idle machine (68-92 ms
// under load), ~11 ms of it reading and compiling its 255 KB; lowlight's 1 MB was ~17 ms, 13 of
// them compiling (bench/stalls.mjs --cpu-prof, bench/lib/stall-profile.mjs). The presenter and
// the highlighter prepare the file, wait a turn, then import it, so `q` and signals are answered
// between the two halves.
// Only createRequire is imported: the presenter imports this module, so the snapshot evaluates
// it, and with node:module's default export and node:path imported here the blob grew by 41 KB.
// What else it needs comes through the require it makes, when a run first prepares a file.
import {createRequire} from 'node:module';

let requireFromDist;
/** Compiled, not yet run: resolved file name -> the module's function. */
const compiled = new Map();

/** The files of build.mjs's distParts that a run prepares (the package's name -> its file). */
const preparable = {ink: './snapshot-ink.cjs', lowlight: './snapshot-lowlight.cjs'};

const dist = () => {
	requireFromDist ??= createRequire(globalThis.__lecternModuleUrl);
	return requireFromDist;
};

/**
 * In a run from the start-up snapshot, reads and compiles the file that holds `name` (`ink` or
 * `lowlight`) without running it, so the distRequire that imports it later only runs it.
 * Elsewhere (the ES module bundle, tests: no snapshot) and on any failure, nothing: the require
 * then does all of it and reports what went wrong.
 */
export function distPrepare(name) {
	if (globalThis.__lecternModuleUrl === undefined || !Object.hasOwn(preparable, name)) return;
	try {
		const require = dist();
		const filename = require.resolve(preparable[name]);
		if (compiled.has(filename) || require.cache[filename]) return;
		// Without importModuleDynamically: the one import() in these files (Ink's, of its
		// package.json for the devtools) is never called in a production build, and the loader
		// that would serve it is an experimental feature that warns on stderr in Node 20.
		const compile = require('node:vm').compileFunction;
		const source = require('node:fs').readFileSync(filename, 'utf8');
		compiled.set(filename, compile(source, ['exports', 'require', 'module', '__filename', '__dirname'], {filename}));
	} catch {
		// The require will try again, and say why.
	}
}

export function distRequire(file) {
	const require = dist();
	if (compiled.size > 0) {
		const filename = require.resolve(file);
		const run = compiled.get(filename);
		if (run) {
			compiled.delete(filename);
			if (!require.cache[filename]) return evaluate(filename, run);
		}
	}

	return require(file);
}

/** What Node's require does with a compiled CommonJS module: a Module in the cache, run with its own require. */
function evaluate(filename, run) {
	const require = dist();
	const Module = require('node:module');
	const dirname = require('node:path').dirname(filename);
	const module = new Module(filename);
	module.filename = filename;
	module.paths = Module._nodeModulePaths(dirname);
	require.cache[filename] = module;
	let ran = false;
	try {
		run.call(module.exports, module.exports, createRequire(filename), module, filename, dirname);
		ran = true;
	} finally {
		if (!ran) delete require.cache[filename];
	}

	module.loaded = true;
	return module.exports;
}
