#!/usr/bin/env -S node --no-regexp-tier-up --max-semi-space-size=1 --no-opt --single-threaded --no-memory-reducer --expose-gc
// The V8 flags are given on Node's command line, the way Node supports (setting them with
// v8.setFlagsFromString after start-up is undefined behaviour), so they apply when the bin is
// run as a program (`npx lectern`, `lectern`); `node bin/lectern.js` runs without them.
// --no-regexp-tier-up compiles each regular expression to machine code at once instead of
//   interpreting it first: marked's and string-width's large patterns cost less on the first
//   slide (previously measured: the first Markdown parse ~55 ms → ~15 ms).
// --max-semi-space-size=1 keeps V8's young generation at its starting size (1 MiB per
//   semi-space): a presenter's short-lived objects are a frame's worth of strings, and a
//   growing nursery mostly held garbage. Measured on the 1,000-slide deck with a search
//   (bench key kinds, and 2+2 single sessions): peak RSS 83.5 → 74.8 MiB and 84 → 72 MiB
//   against --semi-space-growth-factor=1 (which this replaces: earlier, 68–76 MiB against 74–89
//   MiB with no flag), key medians unchanged within the noise, first-frame CPU 187 → 163 ms
//   (busy machine, medians of 5: less fresh memory to touch). --optimize-for-size on top gave nothing.
// --no-opt and --single-threaded keep V8 to its interpreter and baseline compiler, on the main
//   thread: TurboFan (its code in Node's binary paged in, its compile zones) and the worker
//   threads of concurrent compilation and GC were the largest part of the presenter's memory
//   over Node's own that was not our data. The searching session on the 1,000-slide deck (pty,
//   3 runs each, interleaved, snapshot start): peak RSS 77.6-78.9 -> 65.7-66.4 MiB (--single-threaded
//   alone 70.3-70.6); first frame 1.10x -> 1.07x node -e. Batch commands over huge decks lose most:
//   see the bench (CPU-bound figures in docs/architecture.md).
// --no-memory-reducer: V8's memory reducer (incremental marking and a full collection once a
//   process has looked idle for a while, to give memory back) does not run: collections still
//   come as memory is allocated, an idle process keeps its garbage until then. A lecture hall's followers,
//   started together, had it start in all of them ~8 s later, its marking running as a key's
//   position came in. 100 followers in pseudo-terminals (load 15, two runs each, interleaved):
//   follower CPU per key 0.44-0.49 -> 0.34-0.40 ms, minor faults per key 1.8-2.0 -> 0.9-1.0.
//   (--no-memory-reducer-for-small-heaps did as well, but makes the shebang line longer than
//   the 127 characters kernels before 5.1 read.)
// --expose-gc: the presenter asks for one full collection once the whole of a large deck is read
//   (src/cli/commands/present.tsx, collectStartupGarbage). No other comes in a session (the memory
//   reducer is off, and V8's first old-generation limit is far above a presenter's heap), so what
//   start-up left in the old generation stayed, and the search index and the keys' frames grew
//   the heap past it: 0.5-0.7 MiB of peak RSS on the 1,000-slide deck (numbers there). The
//   shebang line is now 125 characters.
import module from 'node:module';

// `--debug` stack traces point at src/ through the bundle's source maps.
if (process.argv.includes('--debug')) {
	process.setSourceMapsEnabled(true);
}

// Node 22.1 and later can keep the compiled code of the bundle's modules between runs (in the
// system's temporary folder): compiling them is about a fifth of the first frame's CPU in a
// profile on Node 20. Node 20 (this project's floor, and its CI) has no such cache, so it is
// asked for only where it exists (its gain is not measured: no Node 22 on the development machine).
module.enableCompileCache?.();

// The bundled CLI (built by `npm install` via the prepare script).
await import('../dist/lectern.js');
