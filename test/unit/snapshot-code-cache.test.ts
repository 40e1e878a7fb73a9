// make.mjs keeps in the start-up snapshot only the code cache of the builtins a run compiles.
import {describe, expect, it} from 'vitest';
import {cachedBuiltins, codeCacheEntries, pruneCodeCache} from '../../scripts/snapshot/make.mjs';

const u64 = (value: number) => {
	const buffer = Buffer.alloc(8);
	buffer.writeBigUInt64LE(BigInt(value));
	return buffer;
};

/** A blob as Node 20 writes it: whatever comes first, then the code cache vector to the end. */
function blob(head: Buffer, entries: ReadonlyArray<[string, Buffer]>): Buffer {
	return Buffer.concat([
		head,
		u64(entries.length),
		...entries.flatMap(([id, cache]) => [u64(id.length), Buffer.from(id, 'latin1'), u64(cache.length), cache]),
	]);
}

describe('the snapshot code cache', () => {
	const head = Buffer.from('\u0019\u00da\u0043\u0001 some V8 startup data \u0003\u0000\u0000\u0000\u0000\u0000\u0000\u0000', 'latin1');
	const zlib: [string, Buffer] = ['zlib', Buffer.alloc(300, 7)];
	const promises: [string, Buffer] = ['fs/promises', Buffer.alloc(40, 1)];
	const http2: [string, Buffer] = ['internal/http2/core', Buffer.alloc(500, 2)];
	const childProcess: [string, Buffer] = ['child_process', Buffer.from([4, 0, 0, 0, 0, 0, 0, 0, 9])];
	const entries = [zlib, promises, http2, childProcess];

	it('finds the entries at the end of the blob', () => {
		const found = codeCacheEntries(blob(head, entries));
		expect(found?.start).toBe(head.length);
		expect(found?.entries.map(entry => entry.id)).toEqual(['zlib', 'fs/promises', 'internal/http2/core', 'child_process']);
	});

	it('keeps the head whole and only the entries asked for', () => {
		const pruned = pruneCodeCache(blob(head, entries), new Set(['fs/promises', 'child_process']));
		expect(pruned).toEqual(blob(head, [promises, childProcess]));
		expect(pruneCodeCache(blob(head, entries), new Set())).toEqual(blob(head, []));
	});

	it('leaves a blob of another layout alone', () => {
		expect(pruneCodeCache(Buffer.concat([blob(head, entries), Buffer.from([1])]))).toBeUndefined();
		expect(pruneCodeCache(Buffer.from('no code cache here at all'))).toBeUndefined();
	});

	it('keeps what a presenter compiles: the dynamic imports of the chunks need node:module', () => {
		expect(cachedBuiltins.has('module')).toBe(true);
	});
});
