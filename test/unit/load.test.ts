import {execFileSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {LecternError, formatError} from '../../src/cli/errors.js';
import {decodeDeck, defaultMaxBytes, loadDeck, readDeckText, readDeckTextInSlices} from '../../src/cli/load.js';

const dir = mkdtempSync(join(tmpdir(), 'lectern-load-'));
afterAll(() => {
	rmSync(dir, {recursive: true, force: true});
});

/** The LecternError a call throws. */
function failure(call: () => unknown): LecternError {
	try {
		call();
	} catch (error) {
		if (error instanceof LecternError) {
			return error;
		}

		throw error;
	}

	throw new Error('expected a LecternError');
}

const file = (name: string, content: string | Uint8Array): string => {
	const path = join(dir, name);
	writeFileSync(path, content);
	return path;
};

describe('readDeckText: what is not a deck file', () => {
	it('a missing file', () => {
		const path = join(dir, 'missing.md');
		const error = failure(() => readDeckText(path));
		expect(error.message).toBe('no such file: check the path');
		expect(error.file).toBe(path);
		expect(error.code).toBe(2);
		expect(formatError(error)).toBe(`lectern: ${path}: no such file: check the path`);
	});

	it('a directory', () => {
		const path = join(dir, 'a-directory.md');
		mkdirSync(path);
		expect(failure(() => readDeckText(path)).message).toBe('is a directory: give the path of a deck file (.md)');
	});

	it('a FIFO is refused without blocking on it', () => {
		const path = join(dir, 'pipe.md');
		execFileSync('mkfifo', [path]);
		expect(failure(() => readDeckText(path)).message).toBe(
			'is not a regular file (a device, FIFO or socket): give the path of a deck file',
		);
	});

	it('a character device', () => {
		expect(failure(() => readDeckText('/dev/null')).message).toBe(
			'is not a regular file (a device, FIFO or socket): give the path of a deck file',
		);
	});

	it('a loop of symbolic links', () => {
		const a = join(dir, 'loop-a.md');
		const b = join(dir, 'loop-b.md');
		symlinkSync(b, a);
		symlinkSync(a, b);
		expect(failure(() => readDeckText(a)).message).toBe('a loop of symbolic links: point at the deck file itself');
	});

	it('a symbolic link to a deck is followed', () => {
		const target = file('target.md', '# Linked');
		const link = join(dir, 'link.md');
		symlinkSync(target, link);
		expect(readDeckText(link)).toBe('# Linked');
	});

	it('a file over the size cap, checked before reading', () => {
		const path = join(dir, 'huge.md');
		writeFileSync(path, '');
		truncateSync(path, 1.5 * 1024 * 1024);
		expect(failure(() => readDeckText(path, 1024 * 1024)).message).toBe(
			'is 1.5 MiB, over the 1.0 MiB limit: raise it with --max-size <MiB>',
		);
		truncateSync(path, defaultMaxBytes + 1);
		expect(failure(() => readDeckText(path)).message).toBe('is 10.0 MiB, over the 10.0 MiB limit: raise it with --max-size <MiB>');
	});

	it('a file exactly at the cap is read', () => {
		expect(readDeckText(file('at-cap.md', 'x'.repeat(1024)), 1024)).toBe('x'.repeat(1024));
	});
});

describe('decodeDeck: bytes to text', () => {
	const decode = (bytes: readonly number[]) => decodeDeck(Buffer.from(bytes), 'f.md');
	const decodeError = (bytes: readonly number[]) => failure(() => decode(bytes));

	it('plain UTF-8', () => {
		expect(decodeDeck(Buffer.from('# Héllo 日本 😀\n'), 'f.md')).toBe('# Héllo 日本 😀\n');
	});

	it('strips a UTF-8 byte-order mark', () => {
		expect(decode([0xef, 0xbb, 0xbf, 0x23, 0x20, 0x48])).toBe('# H');
	});

	it('a NUL byte means binary, naming its offset', () => {
		const error = decodeError([0x61, 0x62, 0x00, 0x63]);
		expect(error.message).toBe('looks like a binary file (a NUL byte at offset 2): a deck is UTF-8 Markdown text');
		expect(error.file).toBe('f.md');
	});

	it.each([
		['a stray continuation byte', [0x61, 0x62, 0x63, 0xff], 3],
		['a sequence cut off at the end', [0x61, 0x62, 0xe2, 0x82], 2],
		['an overlong encoding', [0x61, 0xc0, 0xaf, 0x62], 1],
		['an encoded surrogate', [0xe2, 0x82, 0xac, 0x61, 0xed, 0xa0, 0x80], 4],
		['Latin-1 text', [...Buffer.from('caf'), 0xe9, 0x0a], 3],
	])('invalid UTF-8 (%s) names the byte offset', (_name, bytes, offset) => {
		expect(decodeError(bytes).message).toBe(`is not valid UTF-8 (bad byte at offset ${offset}): save it as UTF-8`);
	});

	it('finds the bad byte deep in a large file', () => {
		expect(failure(() => decodeDeck(Buffer.concat([Buffer.from('x'.repeat(100_000)), Buffer.from([0x80])]), 'f.md')).message).toBe(
			'is not valid UTF-8 (bad byte at offset 100000): save it as UTF-8',
		);
	});

	it('transcodes UTF-16LE with a byte-order mark', () => {
		expect(decodeDeck(Buffer.from('\uFEFF# Hé 日本\n', 'utf16le'), 'f.md')).toBe('# Hé 日本\n');
	});

	it('transcodes UTF-16BE with a byte-order mark', () => {
		const bytes = Buffer.from('\uFEFF# Hé 日本\n', 'utf16le');
		bytes.swap16();
		expect(bytes[0]).toBe(0xfe);
		expect(decodeDeck(bytes, 'f.md')).toBe('# Hé 日本\n');
	});
});

describe('loadDeck', () => {
	it('reads and opens a deck', () => {
		const deck = loadDeck(file('ok.md', '---\r\ntitle: OK\r\n---\r\n## A\r\n---\r\n## B\r\n'));
		expect(deck.count).toBe(2);
		expect(deck.meta.title).toBe('OK');
	});

	it('reads a UTF-16 deck', () => {
		const deck = loadDeck(file('utf16.md', Buffer.from('\uFEFF## A\n---\n## B\n', 'utf16le')));
		expect(deck.count).toBe(2);
	});

	it('front matter errors become one line with the file and line', () => {
		const path = file('bad-yaml.md', '---\ntitle: x\n# no closing line\n');
		const error = failure(() => loadDeck(path));
		expect(formatError(error)).toBe(`lectern: ${path}:1: front matter opened by --- on line 1 is never closed: add a --- line after it`);
	});

	it('a deck of only separators is an error', () => {
		const path = file('empty.md', '---\n\n---\n');
		expect(formatError(failure(() => loadDeck(path)))).toBe(
			`lectern: ${path}: the deck has no slides (it is empty or holds only separators)`,
		);
	});

	it('hostile file names are shown as stand-ins', () => {
		const path = join(dir, 'evil\u001B]0;x\u0007.md');
		expect(formatError(failure(() => loadDeck(path)))).toBe(`lectern: ${dir}/evil␛]0;x␇.md: no such file: check the path`);
	});
});

describe('readDeckTextInSlices up to 1 MiB: read a slice at a time, decoded once', () => {
	// 0.8 MB: four slices of bytes, one text.
	const text = `# Mid\n\n${'ab\u20ac é '.repeat(80_000)}\n`;

	it("pauses after each 256 KiB read and gives readDeckText's text, in one flat piece", async () => {
		const path = file('mid.md', text);
		let pauses = 0;
		const read = await readDeckTextInSlices(path, defaultMaxBytes, async () => {
			pauses++;
		});
		expect(Buffer.byteLength(text)).toBeLessThanOrEqual(1024 * 1024);
		expect(pauses).toBe(Math.ceil(Buffer.byteLength(text) / (256 * 1024)));
		expect(read).toBe(readDeckText(path));
		expect(read).toBe(text);
	});

	it('the same byte-order marks, errors and stop as readDeckText', async () => {
		const now = async () => {};
		expect(await readDeckTextInSlices(file('mid-bom.md', `\uFEFF${text}`), defaultMaxBytes, now)).toBe(text);
		const utf16 = file('mid-utf16.md', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]));
		expect(await readDeckTextInSlices(utf16, defaultMaxBytes, now)).toBe(text);
		const bad = Buffer.from(text);
		bad[300_000] = 0xc3;
		bad[300_001] = 0x28;
		const badPath = file('mid-bad.md', bad);
		await expect(readDeckTextInSlices(badPath, defaultMaxBytes, now)).rejects.toThrow(failure(() => readDeckText(badPath)).message);
		let reads = 0;
		expect(
			await readDeckTextInSlices(
				file('mid-stop.md', text),
				defaultMaxBytes,
				async () => {},
				() => reads++ > 0,
			),
		).toBe('');
	});
});

describe('readDeckTextInSlices: the same text as readDeckText, a slice of the file at a time', () => {
	const sliced = (path: string) => readDeckTextInSlices(path, defaultMaxBytes, async () => {});
	// Over three 256 KiB slices, with a three-byte character across each slice boundary.
	const long = `# Long\n\n${'ab\u20ac '.repeat(200_000)}\n`;

	it('UTF-8 over several slices, characters cut at slice ends', async () => {
		const path = file('sliced.md', long);
		expect(await sliced(path)).toBe(long);
	});

	it('UTF-16 with a byte-order mark over several slices', async () => {
		const path = file('sliced-utf16.md', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(long, 'utf16le')]));
		expect(await sliced(path)).toBe(long);
	});

	it('a bad byte in a later slice: the same one line as readDeckText, with its offset', async () => {
		const bytes = Buffer.from(long);
		bytes[600_000] = 0xff;
		const path = file('sliced-bad.md', bytes);
		const expected = failure(() => readDeckText(path));
		await expect(sliced(path)).rejects.toThrow(expected.message);
		expect(expected.message).toMatch(/offset \d+/);
	});
});
