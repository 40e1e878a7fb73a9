import {describe, expect, it} from 'vitest';
import {
	hasUnsafe,
	isSuspicious,
	maxCombiningMarks,
	safeJson,
	sanitize,
	sanitizeLine,
	suspiciousPattern,
	unsafeClasses,
} from '../../src/deck/sanitize.js';
import {defined} from '../support/defined.js';

const ESC = '\x1b';
const cp = (code: number): string => String.fromCodePoint(code);

describe('sanitize: controls become visible stand-ins', () => {
	it.each([
		['ESC', ESC, '\u241B', '^['],
		['NUL', '\x00', '\u2400', '^@'],
		['BEL', '\x07', '\u2407', '^G'],
		['BS', '\b', '\u2408', '^H'],
		['VT', '\x0b', '\u240B', '^K'],
		['FF', '\x0c', '\u240C', '^L'],
		['CR', '\r', '\u240D', '^M'],
		['SUB', '\x1a', '\u241A', '^Z'],
		['US', '\x1f', '\u241F', '^_'],
		['DEL', '\x7f', '\u2421', '^?'],
	])('%s', (_name, input, picture, caret) => {
		expect(sanitize(`a${input}b`)).toBe(`a${picture}b`);
		expect(sanitize(`a${input}b`, {ascii: true})).toBe(`a${caret}b`);
	});

	it('turns every C0 control but newline and tab into its Control Picture', () => {
		for (let code = 0; code < 0x20; code++) {
			const expected = code === 0x0a || code === 0x09 ? cp(code) : cp(0x2400 + code);
			expect(sanitize(cp(code))).toBe(expected);
		}
	});

	it('marks every C1 control', () => {
		for (let code = 0x80; code <= 0x9f; code++) {
			expect(sanitize(cp(code))).toBe(`<U+00${code.toString(16).toUpperCase()}>`);
			expect(sanitize(cp(code), {ascii: true})).toBe(`<U+00${code.toString(16).toUpperCase()}>`);
		}
	});

	it.each([
		['OSC 52', `${ESC}]52;c;cm0gLXJmIH4=\x07`, '\u241B]52;c;cm0gLXJmIH4=\u2407'],
		['OSC 8 link', `${ESC}]8;;https://evil${ESC}\\x`, '\u241B]8;;https://evil\u241B\\x'],
		['SGR 8', `${ESC}[8mhidden${ESC}[0m`, '\u241B[8mhidden\u241B[0m'],
		['DECRQSS', `${ESC}P$qm${ESC}\\`, '\u241BP$qm\u241B\\'],
		['8-bit CSI', '\u009b6n', '<U+009B>6n'],
		['8-bit OSC', '\u009d0;t\u009c', '<U+009D>0;t<U+009C>'],
	])('keeps the %s payload visible as text', (_name, input, output) => {
		expect(sanitize(input)).toBe(output);
	});

	it('keeps newline and tab', () => {
		expect(sanitize('a\tb\nc')).toBe('a\tb\nc');
	});
});

describe('sanitize: bidi and invisible characters become markers', () => {
	it.each([
		[0x202a],
		[0x202b],
		[0x202c],
		[0x202d],
		[0x202e],
		[0x2066],
		[0x2067],
		[0x2068],
		[0x2069],
		[0x200e],
		[0x200f],
		[0x061c],
		[0x200b],
		[0x2060],
		[0x2061],
		[0x2064],
		[0xfeff],
		[0x180e],
		[0xfff9],
		[0xfffa],
		[0xfffb],
		[0x2028],
		[0x2029],
		[0xe0001],
		[0xe0041],
		[0xe007f],
	])('U+%s', code => {
		const hex = code.toString(16).toUpperCase().padStart(4, '0');
		expect(sanitize(`a${cp(code)}b`)).toBe(`a<U+${hex}>b`);
	});

	it.each([
		['Hangul fillers', [0x115f, 0x1160, 0x3164, 0xffa0]],
		['prepended concatenation marks', [0x0600, 0x0601, 0x0602, 0x0603, 0x0604, 0x0605, 0x06dd, 0x070f, 0x0890, 0x08e2, 0x110bd, 0x110cd]],
		['Egyptian hieroglyph format controls', [0x13430, 0x13438, 0x1343f]],
		['shorthand format controls', [0x1bca0, 0x1bca1, 0x1bca2, 0x1bca3]],
		['musical symbol beams and ties', [0x1d173, 0x1d176, 0x1d17a]],
		['Khmer inherent vowels', [0x17b4, 0x17b5]],
		['Mongolian variation selectors', [0x180b, 0x180c, 0x180d, 0x180f]],
		['combining grapheme joiner', [0x034f]],
		['unassigned default-ignorables', [0x2065, 0xfff0, 0xfff8, 0xe0080, 0xe0fff]],
	])('marks the %s', (_name, codes) => {
		for (const code of codes) {
			const hex = code.toString(16).toUpperCase().padStart(4, '0');
			expect(sanitize(`a${cp(code)}b`), hex).toBe(`a<U+${hex}>b`);
			// Also straight after a letter that could take a mark, and in a run.
			expect(sanitize(`\u0915${cp(code)}${cp(code)}`), hex).toBe(`\u0915<U+${hex}><U+${hex}>`);
		}
	});

	it('keeps U+FFFC, private use and unassigned code points', () => {
		for (const text of ['\ufffc', '\ue000', '\u{10fffd}', '\u0378']) expect(sanitize(text)).toBe(text);
	});

	it('replaces lone surrogates with U+FFFD', () => {
		expect(sanitize('a\ud800b')).toBe('a\ufffdb');
		expect(sanitize('a\udc00')).toBe('a\ufffd');
		expect(sanitize('\udbff\ud83d\ude00')).toBe('\ufffd\u{1f600}');
	});
});

describe('sanitize: context-dependent characters', () => {
	it.each([
		['ZWJ between emoji', '👩\u200d👩\u200d👧', true],
		['ZWJ after a variation selector', '🏳\ufe0f\u200d🌈', true],
		['ZWJ after a skin tone', '👩🏽\u200d💻', true],
		['ZWJ after a virama', '\u0915\u094d\u200d\u0937', true],
		['ZWNJ in Persian', 'می\u200cخواهم', true],
		['ZWJ at the start', '\u200da', false],
		['ZWJ at the end', 'a\u200d', false],
		['ZWJ before a space', 'a\u200d b', false],
		['ZWJ between digits', '1\u200d2', false],
		['doubled ZWJ', 'a\u200d\u200db', false],
		['ZWNJ after a space', ' \u200cb', false],
		['soft hyphen inside a word', 'hyphen\u00adation', true],
		['soft hyphen at a word start', ' \u00adword', false],
		['soft hyphen at the end', 'word\u00ad', false],
		['England flag', '🏴\u{e0067}\u{e0062}\u{e0065}\u{e006e}\u{e0067}\u{e007f}', true],
		['Texas flag', '🏴\u{e0075}\u{e0073}\u{e0074}\u{e0078}\u{e007f}', true],
		['flag with upper-case tags', '🏴\u{e0047}\u{e0042}\u{e007f}', false],
		['flag without cancel tag', '🏴\u{e0067}\u{e0062}\u{e0065}', false],
		['tag run smuggling text', '🏴\u{e0069}\u{e0067}\u{e006e}\u{e006f}\u{e0072}\u{e0065}\u{e0061}\u{e006c}\u{e006c}\u{e007f}', false],
		['tags on a letter', 'a\u{e0067}\u{e0062}\u{e007f}', false],
	])('%s', (_name, text, kept) => {
		if (kept) expect(sanitize(text)).toBe(text);
		else expect(sanitize(text)).toMatch(/<U\+[0-9A-F]{4,5}>/);
		expect(hasUnsafe(text)).toBe(!kept);
	});

	it('judges a joiner by what is left after clamping marks', () => {
		const text = `a${'\u0301'.repeat(5)}\u200db`;
		expect(sanitize(text)).toBe('a\u0301\u0301\u0301<+2 marks><U+200D>b');
	});
});

describe('sanitize: combining marks', () => {
	it(`clamps a run to ${maxCombiningMarks} marks and says how many were dropped`, () => {
		expect(sanitize(`Z${'\u0301'.repeat(10)}algo`)).toBe('Z\u0301\u0301\u0301<+7 marks>algo');
		expect(sanitize(`Z${'\u0301'.repeat(4)}`)).toBe('Z\u0301\u0301\u0301<+1 mark>');
	});

	it('keeps short runs, on each base separately', () => {
		const text = 'e\u0301\u0302\u0303 o\u0301\u0302\u0303';
		expect(sanitize(text)).toBe(text);
	});

	it('clamps a flood of variation selectors after an emoji', () => {
		expect(sanitize(`😀${'\u{e0100}'.repeat(8)}`)).toBe('😀\u{e0100}\u{e0100}\u{e0100}<+5 marks>');
	});
});

const legit = [
	'שלום',
	'مرحبا',
	'日本語',
	'👩‍👩‍👧',
	'🇫🇷',
	'🏴󠁧󠁢󠁥󠁮󠁧󠁿',
	'é',
	'e\u0301',
	'1\ufe0f\u20e3',
	'❤\ufe0f',
	'👍🏿',
	'🧑‍🤝‍🧑',
	'Ελληνικά',
	'Привет',
	'हिन्दी',
	'ภาษาไทย',
	'한국어',
	'a\tb\nc',
	'',
	'plain ASCII',
	'\u2400 already a picture',
	'<U+202E> already a marker',
];

describe('sanitize: legitimate text is untouched', () => {
	it.each(legit)('%s', text => {
		expect(sanitize(text)).toBe(text);
		expect(sanitize(text, {ascii: true})).toBe(text);
		expect(hasUnsafe(text)).toBe(false);
	});
});

const hostile = [
	`${ESC}]52;c;x\x07`,
	'\u009b6n',
	'\u202eevil',
	'a\u200bb',
	`Z${'\u0301'.repeat(20)}`,
	'\ud800',
	'🏴\u{e0041}\u{e007f}',
	' \u00ad ',
	'\u200d',
	'\r\n',
	`a${'\u0301'.repeat(5)}\u200db`,
	'\x00\x7f\x80',
];

describe('sanitize: idempotent', () => {
	it.each([...legit, ...hostile])('%j', text => {
		for (const options of [{}, {ascii: true}]) {
			const once = sanitize(text, options);
			expect(sanitize(once, options)).toBe(once);
			expect(hasUnsafe(once)).toBe(false);
		}
	});
});

describe('sanitizeLine', () => {
	it('also shows newlines and turns tabs into spaces', () => {
		expect(sanitizeLine('a\nb\tc')).toBe('a\u2424b c');
		expect(sanitizeLine('a\nb\tc', {ascii: true})).toBe('a^Jb c');
		expect(sanitizeLine(`t${ESC}]0;x\x07\n`)).toBe('t\u241B]0;x\u2407\u2424');
	});

	it('leaves a clean line alone and is idempotent', () => {
		expect(sanitizeLine('Slide 3 · שלום')).toBe('Slide 3 · שלום');
		const once = sanitizeLine('a\n\tb\u202e');
		expect(sanitizeLine(once)).toBe(once);
	});
});

describe('the table', () => {
	const members = (set: string): number[] => {
		const pattern = new RegExp(`^[${set}]$`, 'v');
		const found: number[] = [];
		// Planes 3 to 13 hold no control, format or ignorable character (checked below for the fast path).
		for (let code = 0; code <= 0x10ffff; code = code === 0x2ffff ? 0xe0000 : code + 1) if (pattern.test(cp(code))) found.push(code);
		return found;
	};

	it('puts every listed code point through the fast path', () => {
		for (const unsafe of unsafeClasses) {
			const codes = members(unsafe.set);
			expect(codes.length, unsafe.name).toBeGreaterThan(0);
			for (const code of codes) {
				// A surrogate is only suspicious alone, which is exactly how it appears here.
				expect(suspiciousPattern.test(cp(code)), `${unsafe.name} U+${code.toString(16)}`).toBe(true);
				expect(sanitize(`.${cp(code)}.`), `${unsafe.name} U+${code.toString(16)}`).not.toBe(`.${cp(code)}.`);
			}
		}
	});

	it('derives the invisible set from Unicode properties, not a hand list', () => {
		const invisible = members(defined(unsafeClasses.find(c => c.name === 'invisible character')).set);
		// Default_Ignorable_Code_Point and Cf from V8's tables; the standard variation selectors are left to the mark clamp.
		expect(invisible).toContain(0x2065);
		expect(invisible).toContain(0xe0fff);
		expect(invisible).not.toContain(0xfe0f);
		expect(invisible).not.toContain(0xe0100);
		expect(invisible.length).toBeGreaterThan(3000);
		for (let code = 0x30000; code < 0xe0000; code += 0x7f) expect(isSuspicious(cp(code))).toBe(false);
	});

	it('returns the very same string on the fast path', () => {
		const line = 'A plain line of a slide, with **Markdown** and `code`.';
		expect(sanitize(line)).toBe(line);
		expect(hasUnsafe(line)).toBe(false);
	});
});

describe('safeJson', () => {
	const hostileValue = {
		title: 'Intro\u009d0;HACKED\u009c',
		deck: 'b\u009b31mC1.md',
		text: 'del\u007f bidi\u202e\u2066 sep\u2028\u2029 hangul\u3164 beam\u{1d173} tag\u{e0041} esc\u001b',
		list: [1, null, true, 'ok 日本 👩\u200d👩\u200d👧'],
	};

	it('escapes C1, DEL, bidi controls, U+2028/U+2029 and invisibles as \\uXXXX', () => {
		const json = safeJson(hostileValue);
		expect(json).not.toMatch(/[\p{Cc}\u202A-\u202E\u2066-\u2069\u2028\u2029\u3164\u200D]/u);
		expect(json).not.toMatch(/[\u{1D173}\u{E0041}]/u);
		expect(json).toContain('\\u009D0;HACKED\\u009C');
		expect(json).toContain('\\u007F');
		expect(json).toContain('\\u2028');
		expect(json).toContain('\\uD834\\uDD73');
	});

	it('is lossless and valid: parsing gives the value back', () => {
		expect(JSON.parse(safeJson(hostileValue))).toEqual(hostileValue);
		expect(JSON.parse(safeJson(hostileValue, 2))).toEqual(hostileValue);
		expect(safeJson({a: 'plain'})).toBe(JSON.stringify({a: 'plain'}));
		expect(safeJson([{a: 1}], 2)).toBe(JSON.stringify([{a: 1}], null, 2));
	});
});
