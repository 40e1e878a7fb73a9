import {createHash} from 'node:crypto';
import {describe, expect, it} from 'vitest';
import {sha256Hex} from '../../src/state/sha256.js';
import {isStaleTemp, tempName, thisHost} from '../../src/temp-names.js';

const nodeSha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('sha256Hex', () => {
	it('gives the digests of the standard test vectors', () => {
		expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
		expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
		expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
			'248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
		);
	});

	it('is node:crypto’s digest of the UTF-8 bytes, at every length around the block edges', () => {
		for (let length = 0; length <= 200; length++) {
			const text = 'x/é'.repeat(length).slice(0, length);
			expect(sha256Hex(text), `length ${length}`).toBe(nodeSha256(text));
		}

		for (const text of ['/home/someone/talks/virtualization.md', '/tmp/デッキ/スライド.md', '\u{1F600} emoji path', 'a'.repeat(1000)]) {
			expect(sha256Hex(text)).toBe(nodeSha256(text));
		}
	});
});

describe('temp names without node:crypto', () => {
	it('names this host by the first 8 hex digits of its name’s SHA-256, as before', async () => {
		const {hostname} = await import('node:os');
		expect(thisHost()).toBe(nodeSha256(hostname()).slice(0, 8));
	});

	it('never gives the same name twice in a process, and reads its own names back as live', () => {
		const names = new Set(Array.from({length: 1000}, () => tempName('state.json')));
		expect(names.size).toBe(1000);
		for (const name of names) {
			expect(name).toMatch(/^state\.json\.[\da-f]{8}\.\d+\.[\da-f]+\.tmp$/);
			// This process is running: its temp files are not stale.
			expect(isStaleTemp(name, 'state.json')).toBe(false);
		}
	});
});
