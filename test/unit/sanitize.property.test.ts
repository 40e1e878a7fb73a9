import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {hasUnsafe, isSuspicious, sanitize, sanitizeLine, suspiciousPattern} from '../../src/deck/sanitize.js';

// Everything that must never survive, whatever the input: controls but tab and newline, the
// invisible formatting and bidi characters, stacked marks, lone surrogates (\p{Cs}), fillers.
const forbidden =
	/[[\p{Cc}--[\t\n]]\u061c\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\u2060-\u2064\ufeff]|\p{M}{4}|\p{Cs}|[\u115f\u1160\u3164\uffa0\u0600-\u0605\u06dd\u070f\u08e2\u17b4\u180b\u2065\ufff0\u{110bd}\u{13430}-\u{1343f}\u{1bca0}-\u{1bca3}\u{1d173}-\u{1d17a}]/v;
const forbiddenInLine = /[\n\t]/;
// Hangul fillers are letters, but invisible ones.
const visible = /^[[\p{L}\p{N}\p{P}\p{S}\p{Zs}\n\t]--\p{Default_Ignorable_Code_Point}]$/v;

// Strings rich in the characters sanitize cares about, so properties are not checked on
// ASCII alone.
const interesting = fc.constantFrom(
	'\x1b',
	'\x07',
	'\x9b',
	'\x9d',
	'\x9c',
	'\x00',
	'\x7f',
	'\r',
	'\n',
	'\t',
	'\u202e',
	'\u2066',
	'\u200d',
	'\u200c',
	'\u200b',
	'\u00ad',
	'\ufeff',
	'\u0301',
	'\ufe0f',
	'\u{e0067}',
	'\u{e007f}',
	'\u{1f3f4}',
	'👩',
	'🏽',
	'a',
	'ب',
	'ש',
	'\u094d',
	'\ud800',
	'\udc00',
	'[',
	']',
	';',
	' ',
	'\u3164',
	'\u0600',
	'\u17b4',
	'\u180b',
	'\u034f',
	'\u{1d173}',
	'\u2065',
	'\ufe0e',
	'\u{e0100}',
);
const dense = fc.array(interesting, {maxLength: 40}).map(parts => parts.join(''));
const unicode = fc.string({unit: 'grapheme', maxLength: 60});
// Any UTF-16 code unit, so lone surrogates turn up too.
const anyCodeUnits = fc.string({unit: fc.integer({min: 0, max: 0xffff}).map(code => String.fromCharCode(code)), maxLength: 60});
const bytes = fc.uint8Array({maxLength: 80});
const utf8 = bytes.map(b => new TextDecoder('utf-8').decode(b));
const latin1 = bytes.map(b => new TextDecoder('latin1').decode(b));

const sources = {dense, unicode, anyCodeUnits, utf8, latin1} as const;

describe.each(Object.entries(sources))('sanitize over %s strings', (_name, source) => {
	it('leaves no control, C1, bidi, invisible or lone surrogate, and no long mark run', () => {
		fc.assert(
			fc.property(source, fc.boolean(), (text, ascii) => {
				expect(sanitize(text, {ascii})).not.toMatch(forbidden);
				const line = sanitizeLine(text, {ascii});
				expect(line).not.toMatch(forbidden);
				expect(line).not.toMatch(forbiddenInLine);
			}),
			{numRuns: 500},
		);
	});

	it('has a fast path that agrees with the pattern it stands for', () => {
		fc.assert(
			fc.property(source, text => {
				expect(isSuspicious(text)).toBe(suspiciousPattern.test(text));
			}),
			{numRuns: 500},
		);
	});

	it('is idempotent, and hasUnsafe agrees with it', () => {
		fc.assert(
			fc.property(source, fc.boolean(), (text, ascii) => {
				const once = sanitize(text, {ascii});
				expect(sanitize(once, {ascii})).toBe(once);
				expect(hasUnsafe(text)).toBe(sanitize(text) !== text);
				expect(hasUnsafe(once)).toBe(false);
				const line = sanitizeLine(text, {ascii});
				expect(sanitizeLine(line, {ascii})).toBe(line);
			}),
			{numRuns: 500},
		);
	});

	it('only adds: every safe character of the input is still there, in order', () => {
		fc.assert(
			fc.property(source, text => {
				const kept = [...text].filter(ch => visible.test(ch)).join('');
				const shown = [...sanitize(text)].filter(ch => visible.test(ch)).join('');
				expect(isSubsequence(kept, shown)).toBe(true);
			}),
			{numRuns: 300},
		);
	});
});

function isSubsequence(needle: string, haystack: string): boolean {
	const a = [...needle];
	let i = 0;
	for (const ch of haystack) if (ch === a[i]) i++;
	return i === a.length;
}
