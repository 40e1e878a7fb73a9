#!/usr/bin/env node
import {setFlagsFromString} from 'node:v8';

// Compile regular expressions straight to machine code. By default V8 first interprets each
// one, and marked's and string-width's large patterns then cost about 80 ms of start-up
// (measured: the first Markdown parse drops from ~55 ms to ~15 ms). Set before any is used.
setFlagsFromString('--no-regexp-tier-up');

// The bundled CLI (built by `npm install` via the prepare script).
await import('../dist/lectern.js');
