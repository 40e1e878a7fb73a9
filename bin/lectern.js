#!/usr/bin/env -S node --no-regexp-tier-up --semi-space-growth-factor=1
// The V8 flags are given on Node's command line, the way Node supports (setting them with
// v8.setFlagsFromString after start-up is undefined behaviour), so they apply when the bin is
// run as a program (`npx lectern`, `lectern`); `node bin/lectern.js` runs without them.
// --no-regexp-tier-up compiles each regular expression to machine code at once instead of
//   interpreting it first: marked's and string-width's large patterns cost less on the first
//   slide (previously measured: the first Markdown parse ~55 ms → ~15 ms).
// --semi-space-growth-factor=1 keeps V8's young generation at its starting size: a
//   presenter's short-lived objects are a frame's worth of strings, and a growing nursery
//   mostly held garbage (measured on the 1,000-slide deck, 60 keys and a search: peak RSS
//   68–76 MiB with the flag, 74–89 MiB without).

// `--debug` stack traces point at src/ through the bundle's source maps.
if (process.argv.includes('--debug')) {
	process.setSourceMapsEnabled(true);
}

// The bundled CLI (built by `npm install` via the prepare script).
await import('../dist/lectern.js');
