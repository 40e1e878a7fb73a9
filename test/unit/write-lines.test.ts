import {describe, expect, it} from 'vitest';
import {writeEachLine, writeLines} from '../../src/cli/write-lines.js';

describe('writeLines', () => {
	it('writes each line with its line end, in pieces of about 64 KiB, never the whole text at once', () => {
		const parts: string[] = [];
		const lines = Array.from({length: 20_000}, (_, i) => `line ${i} ${'x'.repeat(20)}`);
		writeEachLine({write: part => parts.push(part)}, lines);
		expect(parts.join('')).toBe(lines.map(line => `${line}\n`).join(''));
		expect(parts.length).toBeGreaterThan(5);
		expect(Math.max(...parts.map(part => part.length))).toBeLessThan(65_536 + 100);
	});

	it('makes each line when it is written, and writes nothing for no lines', () => {
		const parts: string[] = [];
		writeLines({write: part => parts.push(part)}, 3, i => `#${i}`);
		expect(parts).toEqual(['#0\n#1\n#2\n']);
		const none: string[] = [];
		writeLines({write: part => none.push(part)}, 0, () => 'never');
		expect(none).toEqual([]);
	});
});
