import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {disallowedSequences, presenterAllowed, sgrConceals, tokenize} from '../support/ecma48.js';
import type {Token} from '../support/ecma48.js';

const ESC = '\x1b';
const kinds = (output: string): string[] => tokenize(output).map(t => t.kind);

describe('tokenize', () => {
	it('splits text and CSI, parsing prefix, params, intermediates and final', () => {
		expect(tokenize(`a${ESC}[1;31mb${ESC}[?1049h${ESC}[2 q`)).toEqual([
			{kind: 'text', raw: 'a'},
			{kind: 'csi', raw: `${ESC}[1;31m`, prefix: '', params: '1;31', intermediates: '', final: 'm', eightBit: false, malformed: false},
			{kind: 'text', raw: 'b'},
			{kind: 'csi', raw: `${ESC}[?1049h`, prefix: '?', params: '1049', intermediates: '', final: 'h', eightBit: false, malformed: false},
			{kind: 'csi', raw: `${ESC}[2 q`, prefix: '', params: '2', intermediates: ' ', final: 'q', eightBit: false, malformed: false},
		]);
	});

	it.each([
		['BEL', `${ESC}]52;c;aGk=\x07`, 'BEL', '52;c;aGk='],
		['ST', `${ESC}]0;title${ESC}\\`, 'ST', '0;title'],
		['8-bit ST', `${ESC}]8;;http://x\x9c`, 'ST8', '8;;http://x'],
	])('reads an OSC terminated by %s', (_name, raw, terminator, data) => {
		expect(tokenize(`${raw}after`)).toEqual([
			{kind: 'osc', raw, data, terminator, eightBit: false},
			{kind: 'text', raw: 'after'},
		]);
	});

	it.each([
		['dcs', `${ESC}P$qm${ESC}\\`, '$qm'],
		['apc', `${ESC}_Gf=100;AAAA${ESC}\\`, 'Gf=100;AAAA'],
		['pm', `${ESC}^private${ESC}\\`, 'private'],
		['sos', `${ESC}Xstart of string${ESC}\\`, 'start of string'],
	])('reads a %s string up to ST', (kind, raw, data) => {
		expect(tokenize(raw)).toEqual([{kind, raw, data, terminator: 'ST', eightBit: false}]);
	});

	it('does not end a DCS at BEL (only OSC accepts BEL)', () => {
		const [token] = tokenize(`${ESC}Pa\x07b${ESC}\\`);
		expect(token).toMatchObject({kind: 'dcs', data: 'a\x07b', terminator: 'ST'});
	});

	it('reports an unterminated string to the end of output', () => {
		expect(tokenize(`${ESC}]52;c;secret`)).toEqual([
			{kind: 'osc', raw: `${ESC}]52;c;secret`, data: '52;c;secret', terminator: 'none', eightBit: false},
		]);
	});

	it('lets an ESC abort a string, as terminals do, and reads what follows', () => {
		expect(kinds(`${ESC}]0;t${ESC}[2Jx`)).toEqual(['osc', 'csi', 'text']);
		expect(tokenize(`${ESC}]0;t\x18x`)[0]).toMatchObject({kind: 'osc', terminator: 'none', data: '0;t'});
	});

	it.each([
		['charset designation', `${ESC}(B`, '(', 'B'],
		['DECSC', `${ESC}7`, '', '7'],
		['keypad', `${ESC}=`, '', '='],
		['RIS', `${ESC}c`, '', 'c'],
		['DECALN', `${ESC}#8`, '#', '8'],
		['lone ST', `${ESC}\\`, '', '\\'],
	])('reads a two-byte escape: %s', (_name, raw, intermediates, final) => {
		expect(tokenize(raw)).toEqual([{kind: 'esc', raw, intermediates, final, malformed: false}]);
	});

	it('flags a dangling or broken ESC instead of swallowing text', () => {
		expect(tokenize(ESC)).toEqual([{kind: 'esc', raw: ESC, intermediates: '', final: '', malformed: true}]);
		expect(tokenize(`${ESC}é`)).toEqual([
			{kind: 'esc', raw: ESC, intermediates: '', final: '', malformed: true},
			{kind: 'text', raw: 'é'},
		]);
		expect(kinds(`${ESC}${ESC}[m`)).toEqual(['esc', 'csi']);
	});

	it('ends a CSI at a control byte and flags it malformed', () => {
		expect(tokenize(`${ESC}[1\nm`)).toEqual([
			{kind: 'csi', raw: `${ESC}[1`, prefix: '', params: '1', intermediates: '', final: '', eightBit: false, malformed: true},
			{kind: 'c0', raw: '\n', code: 10},
			{kind: 'text', raw: 'm'},
		]);
		expect(tokenize(`${ESC}[1;`)[0]).toMatchObject({kind: 'csi', final: '', malformed: true});
		expect(tokenize(`${ESC}[1?m`)[0]).toMatchObject({kind: 'csi', final: 'm', malformed: true});
	});

	it('reads 8-bit C1 introducers and lone C1 controls', () => {
		expect(tokenize('\x9b6n')).toEqual([
			{kind: 'csi', raw: '\x9b6n', prefix: '', params: '6', intermediates: '', final: 'n', eightBit: true, malformed: false},
		]);
		expect(tokenize('\x9d52;c;x\x9c')).toEqual([{kind: 'osc', raw: '\x9d52;c;x\x9c', data: '52;c;x', terminator: 'ST8', eightBit: true}]);
		expect(kinds('\x90q\x9c\x9fa\x9c\x9eb\x9c\x98c\x9c')).toEqual(['dcs', 'apc', 'pm', 'sos']);
		expect(tokenize('a\x85b\x9c')).toEqual([
			{kind: 'text', raw: 'a'},
			{kind: 'c1', raw: '\x85', code: 0x85},
			{kind: 'text', raw: 'b'},
			{kind: 'c1', raw: '\x9c', code: 0x9c},
		]);
	});

	it('gives each lone C0 control (and DEL) its own token', () => {
		expect(tokenize('a\r\n\x07\x7fb')).toEqual([
			{kind: 'text', raw: 'a'},
			{kind: 'c0', raw: '\r', code: 13},
			{kind: 'c0', raw: '\n', code: 10},
			{kind: 'c0', raw: '\x07', code: 7},
			{kind: 'c0', raw: '\x7f', code: 0x7f},
			{kind: 'text', raw: 'b'},
		]);
	});

	it('keeps stand-ins and astral text as text', () => {
		expect(tokenize('␛]52;c;x␇ <U+009B> 👩‍👩‍👧')).toEqual([{kind: 'text', raw: '␛]52;c;x␇ <U+009B> 👩‍👩‍👧'}]);
	});

	it('loses nothing: the raws join back into the input', () => {
		const pieces = fc.constantFrom(
			ESC,
			'[',
			']',
			'P',
			'_',
			'^',
			'X',
			'\\',
			'\x07',
			'\x9b',
			'\x9c',
			'\x9d',
			'\x18',
			'?',
			'1',
			';',
			' ',
			'm',
			'a',
			'\n',
			'(',
			'é',
		);
		fc.assert(
			fc.property(fc.array(pieces, {maxLength: 30}), parts => {
				const output = parts.join('');
				expect(
					tokenize(output)
						.map(t => t.raw)
						.join(''),
				).toBe(output);
			}),
			{numRuns: 1000},
		);
	});
});

describe('presenterAllowed', () => {
	const allowed = [
		`${ESC}[m`,
		`${ESC}[0m`,
		`${ESC}[1;31m`,
		`${ESC}[38;5;8m`,
		`${ESC}[48;2;8;8;8m`,
		`${ESC}[38:5:8m`,
		`${ESC}[4:3m`,
		`${ESC}[H`,
		`${ESC}[12;40H`,
		`${ESC}[3;1f`,
		`${ESC}[A`,
		`${ESC}[2B`,
		`${ESC}[C`,
		`${ESC}[D`,
		`${ESC}[G`,
		`${ESC}[5d`,
		`${ESC}[K`,
		`${ESC}[2K`,
		`${ESC}[J`,
		`${ESC}[2J`,
		`${ESC}[3J`,
		`${ESC}[?1049h`,
		`${ESC}[?1049l`,
		`${ESC}[?25l`,
		`${ESC}[?25h`,
		`${ESC}[?2026h`,
		`${ESC}[?2026l`,
		`${ESC}[?7l`,
		`${ESC}[?7h`,
		`${ESC}[?1h`,
		`${ESC}[?1l`,
		`${ESC}[?1004l`,
		`${ESC}[?2004l`,
		`${ESC}[?1000l`,
		`${ESC}[?1002l`,
		`${ESC}[?1003l`,
		`${ESC}[?1006l`,
		`${ESC}[?1000;1006l`,
		`${ESC}[r`,
		`${ESC}[1;24r`,
		`${ESC}M`,
		`${ESC}[<u`,
		`${ESC}[<1u`,
		`${ESC}=`,
		`${ESC}>`,
		`${ESC}7`,
		`${ESC}8`,
		'\n',
		'\r',
		'\b',
		'\t',
	];
	const rejected = [
		`${ESC}[8m`,
		`${ESC}[1;8m`,
		`${ESC}[38;5;1;8m`,
		`${ESC}[8:1m`,
		`${ESC}]52;c;x\x07`,
		`${ESC}]0;t\x07`,
		`${ESC}]8;;http://x${ESC}\\`,
		`${ESC}P$qm${ESC}\\`,
		`${ESC}_G${ESC}\\`,
		`${ESC}^x${ESC}\\`,
		`${ESC}Xx${ESC}\\`,
		`${ESC}[6n`,
		`${ESC}[c`,
		`${ESC}[>c`,
		`${ESC}[21t`,
		`${ESC}[?u`,
		`${ESC}[>1u`,
		`${ESC}[=1u`,
		`${ESC}[?1000h`,
		`${ESC}[?1006h`,
		`${ESC}[?2004h`,
		`${ESC}[?1004h`,
		`${ESC}[?1049;1000h`,
		`${ESC}[?5h`,
		`${ESC}[1r`,
		`${ESC}[2S`,
		`${ESC}[3X`,
		`${ESC}[1$p`,
		`${ESC}c`,
		`${ESC}(0`,
		`${ESC}#8`,
		ESC,
		`${ESC}[1`,
		'\x9b6n',
		'\x9d0;t\x9c',
		'\x85',
		'\x07',
		'\x00',
		'\x7f',
		'\x0b',
		'\x0c',
		'\x0e',
	];

	it.each(allowed)('allows %j', raw => {
		expect(disallowedSequences(`x${raw}y`, presenterAllowed)).toEqual([]);
	});

	// Nothing after the sequence: a trailing letter would complete `ESC` or `ESC [1` into another one.
	it.each(rejected)('rejects %j', raw => {
		const found = disallowedSequences(`x${raw}`, presenterAllowed);
		expect(found.length).toBeGreaterThan(0);
		expect(found.map((t: Token) => t.raw).join('')).toBe(raw);
	});

	it('finds an OSC 52 hidden among a frame of legitimate output', () => {
		const frame = `${ESC}[?2026h${ESC}[H${ESC}[2K${ESC}[1mTitle${ESC}[22m\r\n${ESC}]52;c;aGk=\x07body${ESC}[?2026l`;
		expect(disallowedSequences(frame, presenterAllowed)).toEqual([
			{kind: 'osc', raw: `${ESC}]52;c;aGk=\x07`, data: '52;c;aGk=', terminator: 'BEL', eightBit: false},
		]);
	});
});

describe('sgrConceals', () => {
	it.each([
		['8', true],
		['1;8', true],
		['0;8;1', true],
		['8:0', true],
		['38;5;8', false],
		['48;5;8', false],
		['38;2;8;8;8', false],
		['38:5:8', false],
		['58;5;8', false],
		['38;5;1;8', true],
		['38;2;1;2;3;8', true],
		['28', false],
		['', false],
	])('%j → %s', (params, conceals) => {
		expect(sgrConceals(params)).toBe(conceals);
	});
});
