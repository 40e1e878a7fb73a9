// bin/lectern.js run as a program, the way `npx lectern` runs it: its shebang gives Node the
// V8 flags on the command line (the supported way), and the bundle's source maps exist for --debug.
import {execFileSync} from 'node:child_process';
import {readFileSync, readdirSync} from 'node:fs';
import path from 'node:path';
import {expect, test} from 'vitest';
import {cleanEnv, lecternBin, repoRoot} from './cli-helpers.js';

test('the bin runs as a program with its V8 flags on the command line', () => {
	const script = 'console.log(JSON.stringify(process.execArgv))';
	// The shebang line is what the kernel runs; check that env -S passes the flags to node.
	const shebang = execFileSync('head', ['-n', '1', lecternBin], {encoding: 'utf8'}).trim();
	expect(shebang).toMatch(/^#!\/usr\/bin\/env -S node (--[\w-]+(=\S+)? ?)+$/);
	const flags = shebang.replace('#!/usr/bin/env -S node ', '').split(' ');
	const execArgv = JSON.parse(
		execFileSync('/usr/bin/env', ['-S', `node ${flags.join(' ')}`, '-e', script], {encoding: 'utf8'}),
	) as string[];
	expect(execArgv.slice(0, flags.length)).toEqual(flags);
	expect(execFileSync(lecternBin, ['--version'], {cwd: repoRoot, env: cleanEnv(), encoding: 'utf8'}).trim()).toMatch(/^\d+\.\d+\.\d+/);
});

test('the npm bin (bin/lectern) gives Node the same V8 flags as bin/lectern.js', () => {
	// The start-up snapshot is made with the launcher's flags (scripts/snapshot/make.mjs reads them).
	const shebang = readFileSync(lecternBin, 'utf8').split('\n')[0] ?? '';
	const launcher = readFileSync(path.join(repoRoot, 'bin', 'lectern'), 'utf8');
	expect(launcher.startsWith('#!/bin/sh\n')).toBe(true);
	expect(launcher).toContain(`\nflags='${shebang.replace('#!/usr/bin/env -S node ', '')}'\n`);
	const packageJson = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {bin: Record<string, string>};
	expect(packageJson.bin).toEqual({lectern: 'bin/lectern'});
});

test('the bundle ships source maps that point at src/', () => {
	const dist = path.join(repoRoot, 'dist');
	const maps = readdirSync(dist).filter(name => name.endsWith('.js.map'));
	expect(maps).toContain('lectern.js.map');
	// Some chunks are dependencies only; the CLI's own code maps back to src/.
	const sources = maps.flatMap(name => (JSON.parse(readFileSync(path.join(dist, name), 'utf8')) as {sources: string[]}).sources);
	expect(sources.some(source => source.includes('src/cli/'))).toBe(true);
});
