import {EventEmitter} from 'node:events';
import {Writable} from 'node:stream';
import {describe, expect, it} from 'vitest';
import {type PartsOut, piecesOf, writeEachLine, writeLines, writeParts} from '../../src/cli/write-lines.js';

/** A stream that keeps what it is given and takes `room` writes before it must drain. */
function fakeOut(room = Number.POSITIVE_INFINITY): PartsOut & {parts: string[]; drain: () => void} {
	const events = new EventEmitter();
	const parts: string[] = [];
	let queued = 0;
	return {
		parts,
		write: text => {
			parts.push(text);
			queued++;
			return queued < room;
		},
		once: (event, listener) => events.once(event, listener),
		off: (event, listener) => events.off(event, listener),
		drain: () => {
			queued = 0;
			events.emit('drain');
		},
	};
}

describe('writeLines', () => {
	it('writes each line with its line end, in pieces of about 64 KiB, never the whole text at once', async () => {
		const out = fakeOut();
		const lines = Array.from({length: 20_000}, (_, i) => `line ${i} ${'x'.repeat(20)}`);
		await writeEachLine(out, lines);
		expect(out.parts.join('')).toBe(lines.map(line => `${line}\n`).join(''));
		expect(out.parts.length).toBeGreaterThan(5);
		expect(Math.max(...out.parts.map(part => part.length))).toBeLessThan(65_536 + 100);
	});

	it('makes each line when it is written, and writes nothing for no lines', async () => {
		const out = fakeOut();
		await writeLines(out, 3, i => `#${i}`);
		expect(out.parts).toEqual(['#0\n#1\n#2\n']);
		const none = fakeOut();
		await writeLines(none, 0, () => 'never');
		expect(none.parts).toEqual([]);
	});
});

/** `count` parts of `size` bytes, made only when asked for; `made()` says how many were. */
function countedParts(count: number, size: number): {parts: Generator<string>; made: () => number} {
	let made = 0;
	function* parts() {
		for (let i = 0; i < count; i++) {
			made++;
			yield 'x'.repeat(size);
		}
	}

	return {parts: parts(), made: () => made};
}

describe('writeParts', () => {
	it('asks for no more parts while the stream is full, and goes on when it drains', async () => {
		const out = fakeOut(1);
		const source = countedParts(10, 40_000);

		const writing = writeParts(out, source.parts);
		// Two parts fill the first 64 KiB piece; the stream says it is full: nothing more is made.
		await new Promise(resolve => setImmediate(resolve));
		expect(out.parts.length).toBe(1);
		expect(source.made()).toBe(2);
		let done = false;
		void writing.then(() => {
			done = true;
		});
		for (let i = 0; i < 10 && !done; i++) {
			out.drain();
			await new Promise(resolve => setImmediate(resolve));
		}

		expect(done).toBe(true);
		expect(source.made()).toBe(10);
		expect(out.parts.join('')).toBe('x'.repeat(400_000));
	});

	it('stops when the stream closes (its reader went away): nothing more is made or written', async () => {
		const events = new EventEmitter();
		let writes = 0;
		const out: PartsOut = {
			write: () => {
				writes++;
				return false;
			},
			once: (event, listener) => events.once(event, listener),
			off: (event, listener) => events.off(event, listener),
		};
		const source = countedParts(10, 70_000);

		const writing = writeParts(out, source.parts);
		await new Promise(resolve => setImmediate(resolve));
		events.emit('close');
		await writing;
		expect([writes, source.made()]).toEqual([1, 1]);
	});

	it("waits on a real stream without an 'error' listener of its own (stdout's error is start.ts's to report), and stops when it is destroyed", async () => {
		// A stream that never finishes a write: full after the first piece.
		const out = new Writable({highWaterMark: 1, write: () => {}});
		const source = countedParts(10, 70_000);

		const writing = writeParts(out, source.parts);
		await new Promise(resolve => setImmediate(resolve));
		expect(out.listenerCount('error')).toBe(0);
		out.destroy();
		await writing;
		expect(source.made()).toBe(1);
	});
});

describe('piecesOf', () => {
	it('joins parts into pieces of at least 64 KiB but the last, none empty, and reads a part only when a piece needs it', () => {
		let read = 0;
		function* parts() {
			for (let i = 0; i < 5; i++) {
				read++;
				yield 'y'.repeat(30_000);
			}

			yield '';
		}

		const pieces = piecesOf(parts());
		expect(pieces.next().value).toHaveLength(90_000);
		expect(read).toBe(3);
		expect([...pieces].map(piece => piece.length)).toEqual([60_000]);
		expect([...piecesOf(['', ''])]).toEqual([]);
	});
});
