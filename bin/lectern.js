#!/usr/bin/env node
import {setFlagsFromString} from 'node:v8';

// Compile regular expressions straight to machine code. By default V8 first interprets each
// one, and marked's and string-width's large patterns then cost about 80 ms of start-up
// (measured: the first Markdown parse drops from ~55 ms to ~15 ms). Set before any is used.
setFlagsFromString('--no-regexp-tier-up');

// Keep V8's young generation at its starting size. A presenter's short-lived objects are a
// frame's worth of strings; letting the nursery grow (to 16 MB per semi-space) mostly holds
// garbage and raised peak memory by about 8 MB. Read by V8 at every scavenge, so it can be
// set here, after start-up.
setFlagsFromString('--semi-space-growth-factor=1');

// The bundled CLI (built by `npm install` via the prepare script).
await import('../dist/lectern.js');
