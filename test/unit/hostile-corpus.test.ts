import {lstat, mkdtemp, rm, stat} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {hostileDecks, hostileJsonPaths, hostilePaths, invisibles, payloads} from '../support/hostile-corpus.js';
import {tokenize} from '../support/ecma48.js';
import {sanitize} from '../../src/deck/sanitize.js';
import {defined} from '../support/defined.js';

const decks = hostileDecks();
const text = (content: string | Uint8Array): string => (typeof content === 'string' ? content : new TextDecoder('latin1').decode(content));

describe('hostileDecks', () => {
	it('gives every case a unique name and canary', () => {
		const names = decks.map(d => d.name);
		expect(new Set(names).size).toBe(names.length);
		const canaries = decks.flatMap(d => (d.canary === null ? [] : [d.canary]));
		expect(new Set(canaries).size).toBe(canaries.length);
	});

	it('is pure: two calls give equal cases', () => {
		const again = hostileDecks();
		expect(again.map(d => d.name)).toEqual(decks.map(d => d.name));
		expect(again.find(d => d.name === 'payload-osc52-clipboard')?.content).toBe(
			decks.find(d => d.name === 'payload-osc52-clipboard')?.content,
		);
	});

	it('covers every payload, and every context in every spelling', () => {
		for (const name of Object.keys(payloads)) expect(decks.some(d => d.name === `payload-${name}`)).toBe(true);
		for (const context of ['text', 'heading', 'notes', 'table-cell', 'link-text', 'link-target', 'fence-info']) {
			for (const spelling of ['raw', 'dec', 'hex']) expect(decks.some(d => d.name === `context-${context}-${spelling}`)).toBe(true);
		}
		expect(decks.filter(d => d.name.startsWith('front-matter-title-'))).toHaveLength(5);
		for (const name of Object.keys(invisibles)) expect(decks.some(d => d.name === `invisible-${name}`)).toBe(true);
	});

	it('puts the canary in every payload deck, and a control sequence, entity or invisible character in it', () => {
		const payloadDecks = decks.filter(d => /^(payload|context|front-matter-title)-/.test(d.name));
		expect(payloadDecks.length).toBeGreaterThan(50);
		for (const deck of payloadDecks) {
			const content = text(deck.content);
			expect(deck.canary, deck.name).not.toBeNull();
			expect(content, deck.name).toContain(deck.canary);
			expect(deck.expect).toBe('render');
			const hasControl = tokenize(content).some(t => t.kind !== 'text' && t.raw !== '\n');
			const hasInvisible = new RegExp(`[${Object.values(invisibles).join('')}]`, 'u').test(content);
			expect(hasControl || hasInvisible || /&#x?0*(27|1b|155|9b);|\\e|\\u001b|\\U[\da-f]{8}/i.test(content), deck.name).toBe(true);
		}
	});

	it('puts the canary inside the swallowing payload where the payload is displayed', () => {
		const osc = decks.find(d => d.name === 'payload-osc52-clipboard');
		expect(osc?.content).toBe('# Payload osc52-clipboard\n\nbefore \x1b]52;c;CANARY-OSC52-CLIPBOARD\x07 after\n');
		const heading = text(decks.find(d => d.name === 'context-heading-raw')?.content ?? '');
		expect(heading.split('CANARY-HEADING-RAW')).toHaveLength(2);
		expect(tokenize(heading).find(t => t.kind === 'osc')?.raw).toContain('CANARY-HEADING-RAW');
	});

	it('shows each payload deck visibly once sanitised', () => {
		for (const deck of decks.filter(d => d.name.startsWith('payload-'))) {
			const safe = sanitize(text(deck.content));
			expect(
				tokenize(safe).filter(t => t.kind !== 'text' && t.raw !== '\n'),
				deck.name,
			).toEqual([]);
			expect(safe, deck.name).toContain(deck.canary);
		}
	});

	it('spells bad files as the bytes they claim to be', () => {
		const bytes = (name: string): Uint8Array => {
			const content = decks.find(d => d.name === name)?.content;
			if (!(content instanceof Uint8Array)) throw new Error(`${name} is not bytes`);
			return content;
		};
		expect([...bytes('utf16le-bom').slice(0, 4)]).toEqual([0xff, 0xfe, 0x23, 0x00]);
		expect([...bytes('utf16be-bom').slice(0, 4)]).toEqual([0xfe, 0xff, 0x00, 0x23]);
		expect([...bytes('utf8-bom').slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		expect(bytes('binary-nul').includes(0)).toBe(true);
		expect(() => new TextDecoder('utf-8', {fatal: true}).decode(bytes('invalid-utf8'))).toThrow();
		expect(() => new TextDecoder('utf-8', {fatal: true}).decode(bytes('overlong-utf8'))).toThrow();
		expect(new TextDecoder('utf-16le').decode(bytes('utf16le-bom'))).toContain('CANARY-UTF16LE-BOM');
		expect(new TextDecoder('utf-16be').decode(bytes('utf16be-bom'))).toContain('CANARY-UTF16BE-BOM');
	});

	it('builds the big cases at the sizes promised', () => {
		const content = (name: string): string => text(decks.find(d => d.name === name)?.content ?? '');
		expect(content('nested-lists')).toContain('- '.repeat(10_000));
		expect(content('nested-quotes')).toContain('> '.repeat(10_000));
		expect(content('brackets')).toContain('['.repeat(100_000));
		expect(content('asterisks')).toContain('*'.repeat(100_000));
		expect(
			content('long-line-unbroken')
				.split('\n')
				.some(line => line.length > 10_000),
		).toBe(true);
		expect(content('front-matter-huge').length).toBeGreaterThan(1_000_000);
		const huge = content('slides-100000');
		expect(huge.split('\n---\n')).toHaveLength(100_000);
		expect(huge).toContain('# Slide 100000');
	});

	it('marks the cases the loader must refuse', () => {
		const errors = decks
			.filter(d => d.expect === 'error')
			.map(d => d.name)
			.sort();
		expect(errors).toEqual([
			'binary-nul',
			'empty',
			'front-matter-alias-bomb',
			'front-matter-deep-mapping',
			'front-matter-deep-sequence',
			'front-matter-huge',
			'front-matter-invalid-yaml',
			'front-matter-not-a-map',
			'front-matter-unclosed',
			'invalid-utf8',
			'only-separators',
			'only-separators-at-top',
			'overlong-utf8',
			'utf16le-no-bom',
			'whitespace-only',
		]);
	});
});

describe('the invisible characters', () => {
	it('are all invisible to a terminal: default-ignorable, format, or line/paragraph separators', () => {
		const invisible = /^[\p{Default_Ignorable_Code_Point}\p{Cf}\p{Zl}\p{Zp}]$/v;
		for (const [name, chars] of Object.entries(invisibles))
			for (const ch of chars) expect(invisible.test(ch), `${name} U+${defined(ch.codePointAt(0)).toString(16)}`).toBe(true);
	});

	it('are each shown as a marker once sanitised', () => {
		for (const chars of Object.values(invisibles))
			for (const ch of chars) expect(sanitize(ch)).toBe(`<U+${defined(ch.codePointAt(0)).toString(16).toUpperCase().padStart(4, '0')}>`);
	});
});

describe('hostileJsonPaths', () => {
	it('creates decks whose names and titles hold what JSON.stringify leaves raw', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'lectern-corpus-'));
		try {
			const paths = await hostileJsonPaths(dir);
			expect(paths.map(p => p.name)).toEqual(['json-c1', 'json-del', 'json-bidi', 'json-separators', 'json-invisible', 'json-c0']);
			for (const p of paths) {
				expect((await stat(p.path)).isFile()).toBe(true);
				expect(p.path, p.name).toMatch(/[\p{Cc}\u202E\u2028\u3164]/u);
			}
		} finally {
			await rm(dir, {recursive: true, force: true});
		}
	});
});

describe('hostilePaths', () => {
	const dirs: string[] = [];
	afterAll(async () => {
		for (const dir of dirs) await rm(dir, {recursive: true, force: true});
	});

	it('creates each path case in the temp directory', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'lectern-corpus-'));
		dirs.push(dir);
		const paths = await hostilePaths(dir);
		const names = paths.map(p => p.name);
		expect(new Set(names).size).toBe(names.length);
		const byName = new Map(paths.map(p => [p.name, p]));
		const path = (name: string): string => byName.get(name)?.path ?? '';
		expect((await stat(path('directory'))).isDirectory()).toBe(true);
		expect((await stat(path('fifo'))).isFIFO()).toBe(true);
		expect((await lstat(path('symlink-loop'))).isSymbolicLink()).toBe(true);
		await expect(stat(path('symlink-loop'))).rejects.toMatchObject({code: 'ELOOP'});
		expect((await stat(path('symlink-to-dev-zero'))).isCharacterDevice()).toBe(true);
		expect((await stat(path('over-size'))).size).toBeGreaterThan(100 * 1024 * 1024);
		await expect(stat(path('missing'))).rejects.toMatchObject({code: 'ENOENT'});
		expect((await stat(path('file-name-escapes'))).isFile()).toBe(true);
		expect(path('file-name-escapes')).toContain('\x1b]0;');
		expect(byName.get('symlink-to-deck')?.expect).toBe('render');
		for (const p of paths) expect(p.path.startsWith(dir) || p.path === '/dev/zero').toBe(true);
	});
});
