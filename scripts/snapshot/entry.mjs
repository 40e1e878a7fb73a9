// The start-up snapshot's entry. scripts/build.mjs bundles it into one CommonJS script
// (dist/snapshot-script.cjs) and scripts/snapshot/make.mjs runs that once with
// `node --build-snapshot`: the modules the first frame needs are evaluated then (their
// top-level code: marked's rules and all), a sample deck is drawn so their code is compiled,
// and the heap is saved. The rest of the CLI is in the script unevaluated, evaluated on first
// use as usual. A run from the snapshot (bin/lectern) starts at the function below.
//
// Nothing evaluated here may keep what belongs to a run: the environment, the arguments, the
// terminal, open handles (a module that reads process.env at its top level must not be
// imported statically from here; the first frame's modules read it when called).
import {pathToFileURL} from 'node:url';
import v8 from 'node:v8';
import '../../src/cli/commands/present.tsx';
import {startCli} from '../../src/cli/start.ts';
import {resetRegExps} from './regexps.mjs';
import {warmNodeInternals, warmPresenterEntry, warmUp} from './warm.mjs';

warmUp();
resetRegExps();
warmNodeInternals();
warmPresenterEntry();

v8.startupSnapshot.setDeserializeMainFunction(() => {
	// bin/lectern sets glibc's mmap threshold and top pad for this process (see there), which glibc has read
	// by now: the programs the run starts (the optimised re-run, ssh) get the user's environment.
	if (process.env.LECTERN_MMAP_THRESHOLD_SET === '1') {
		delete process.env.MALLOC_MMAP_THRESHOLD_;
		delete process.env.LECTERN_MMAP_THRESHOLD_SET;
	}
	if (process.env.LECTERN_TOP_PAD_SET === '1') {
		delete process.env.MALLOC_TOP_PAD_;
		delete process.env.LECTERN_TOP_PAD_SET;
	}

	// bin/lectern names dist/lectern.js as the script: where the bundle's other files are. Made
	// into a URL when first asked for (a chunk or the bundled deck), not before the first frame:
	// node:url's code is compiled on first use (~0.5 ms of the first frame's CPU).
	const script = process.argv[1];
	let url;
	Object.defineProperty(globalThis, '__lecternModuleUrl', {
		configurable: true,
		get: () => {
			url ??= pathToFileURL(script).href;
			return url;
		},
	});
	void startCli();
});
