// The optimised second run's plan (src/cli/optimised-rerun.ts): which Node arguments it keeps,
// and the deck's shape it estimates from a file's size and start, never blocking on what is no file.
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {estimatedShape, optimisedNodeArgs, worthRerun} from '../../src/cli/optimised-rerun.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lectern-rerun-'));
afterAll(() => fs.rmSync(dir, {recursive: true, force: true}));

describe('optimisedNodeArgs', () => {
	it("drops --no-opt, the start-up snapshot and the presenter's young generation size, keeps the other flags in order", () => {
		const bin = ['--no-regexp-tier-up', '--max-semi-space-size=1', '--no-opt', '--single-threaded'];
		expect(optimisedNodeArgs([...bin, '--snapshot-blob', '/x/dist/snapshot.blob'])).toEqual(['--no-regexp-tier-up', '--single-threaded']);
		expect(optimisedNodeArgs(['--snapshot-blob=/x/s.blob', '--no-opt', '--max-semi-space-size', '1', '--stack-size=900'])).toEqual([
			'--stack-size=900',
		]);
	});

	it('says no second run when this one is not under --no-opt (no loop, no run started another way)', () => {
		expect(optimisedNodeArgs([])).toBeUndefined();
		expect(optimisedNodeArgs(['--no-regexp-tier-up', '--single-threaded'])).toBeUndefined();
	});
});

describe('estimatedShape and worthRerun', () => {
	const write = (name: string, text: string) => {
		const file = path.join(dir, name);
		fs.writeFileSync(file, text);
		return file;
	};

	it('counts the lines that may make a slide, estimated from the start', () => {
		const hashes = estimatedShape(write('hashes.md', '#\n'.repeat(300_000)));
		expect(hashes).toEqual({bytes: 600_000, slideLines: 300_000});
		const slides = estimatedShape(write('slides.md', Array.from({length: 100_000}, (_, i) => `# Slide ${i + 1}\n`).join('\n---\n\n')));
		// Headings and separators: two a slide, within 10% (the first 64 KiB has shorter numbers).
		expect(Math.abs(slides.slideLines - 200_000)).toBeLessThan(20_000);
		expect(worthRerun([hashes])).toBe(true);
		expect(worthRerun([slides])).toBe(true);
		expect(worthRerun([estimatedShape(write('setext.md', 'a\n=\n'.repeat(100_000)))])).toBe(true);
	});

	it('says no to many lines in few slides and to a deck of ordinary size', () => {
		expect(worthRerun([estimatedShape(write('paragraph.md', `# One\n\n${'x\n'.repeat(300_000)}`))])).toBe(false);
		expect(worthRerun([estimatedShape(write('list.md', `# One\n\n${'- x\n'.repeat(100_000)}`))])).toBe(false);
		const ordinary = `# Title\n\n${'Some words about the topic. '.repeat(20)}\n\n- a point\n- another\n\n---\n\n`;
		expect(worthRerun([estimatedShape(write('ordinary.md', ordinary.repeat(1_000)))])).toBe(false);
		// Past 2 MiB the bytes alone decide, and several decks count together.
		expect(worthRerun([estimatedShape(write('big.md', ordinary.repeat(5_000)))])).toBe(true);
		expect(
			worthRerun([
				{bytes: 1.5 * 2 ** 20, slideLines: 30_000},
				{bytes: 0.6 * 2 ** 20, slideLines: 30_000},
			]),
		).toBe(true);
		expect(worthRerun([estimatedShape(write('end-slides.md', '<!-- end_slide -->\nx\n'.repeat(60_000)))])).toBe(true);
	});

	it('is nothing for what is no regular file, without blocking on a FIFO', () => {
		const fifo = path.join(dir, 'fifo.md');
		execFileSync('mkfifo', [fifo]);
		const nothing = {bytes: 0, slideLines: 0};
		expect(estimatedShape(fifo)).toEqual(nothing);
		expect(estimatedShape(dir)).toEqual(nothing);
		expect(estimatedShape(path.join(dir, 'missing.md'))).toEqual(nothing);
		expect(estimatedShape(write('empty.md', ''))).toEqual(nothing);
	});
});
