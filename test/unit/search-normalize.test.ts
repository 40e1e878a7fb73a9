import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {highlightRanges, normalize, parseQuery, toOriginalRange} from '../../src/search/index.js';

// Characters that stress the fold and its map, plus any code point at all (lone surrogates
// included); cheaper to generate than fast-check's full-Unicode strings.
const tricky = fc.constantFrom(
	'A',
	'z',
	' ',
	'\n',
	'\t',
	'"',
	'é',
	'É',
	'e\u0301',
	'\u0301',
	'ß',
	'ẞ',
	'ﬁ',
	'ﬃ',
	'İ',
	'Σ',
	'ς',
	'Ａ',
	'ｶ',
	'ﾞ',
	'ガ',
	'한',
	'कि',
	'😀',
	'𝐀',
	'\uD800',
	'\uDC00',
	'\u00A0',
	'\u3000',
	'’',
	'—',
	'¼',
	'\uFDFA',
);
const anyText = fc.string({
	unit: fc.oneof(
		tricky,
		fc.integer({min: 0x80, max: 0x2_ffff}).map(code => String.fromCodePoint(code)),
	),
});

const folded = (text: string): string => normalize(text).folded;
/** The offset map, written out (ASCII text has none: the identity). */
const mapOf = (text: string): number[] => {
	const {folded, map} = normalize(text);
	return map ? [...map] : Array.from({length: folded.length + 1}, (_, i) => i);
};

describe('normalize', () => {
	test('folds case without a locale', () => {
		expect(folded('Hello WORLD')).toBe('hello world');
		expect(folded('İstanbul')).toBe('istanbul');
		expect(folded('ΟΔΥΣΣΕΥΣ')).toBe(folded('οδυσσευς'));
		expect(folded('STRASSE')).toBe(folded('Straße'));
	});

	test('strips accents, composed and decomposed alike', () => {
		expect(folded('La Mémoire')).toBe('la memoire');
		expect(folded('Me\u0301moire')).toBe('memoire');
		expect(folded('Ångström')).toBe('angstrom');
		expect(folded('A\u030Angstro\u0308m')).toBe('angstrom');
		expect(folded('ÇA Ñ')).toBe('ca n');
	});

	test('folds width forms, ligatures, spaces and typographic punctuation', () => {
		expect(folded('ＡＢＣ１２３')).toBe('abc123');
		expect(folded('ｶﾀｶﾅ')).toBe('カタカナ');
		expect(folded('ﬁle ﬂow')).toBe('file flow');
		expect(folded('a\u00A0b\u3000c')).toBe('a b c');
		expect(folded('don’t — “x”')).toBe('don\'t - "x"');
		expect(folded('𝐀𝐁')).toBe('ab');
		// Not text at all (strict UTF-8 input never has them), but folded predictably.
		expect(folded('a\uD800b')).toBe('a\uFFFDb');
	});

	test('keeps marks that carry meaning in their script, composed', () => {
		expect(folded('ガ')).toBe('ガ');
		expect(folded('ｶﾞｲﾄﾞ')).toBe('ガイド');
		expect(folded('カ\u3099ﾊﾟ')).toBe('ガパ');
		expect(folded('한국어')).toBe('한국어');
		expect(folded('कि')).toBe('कि');
		expect(mapOf('ｶﾞｲ')).toEqual([0, 2, 3]);
		expect(highlightRanges('ｶﾞｲﾄﾞ', 'ガイド')).toEqual([[0, 5]]);
		expect(highlightRanges('ガイド', 'カ')).toEqual([]);
	});

	test('maps each folded character to its original index, plus the length', () => {
		expect(mapOf('AbC')).toEqual([0, 1, 2, 3]);
		expect(mapOf('mémoire')).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
		expect(mapOf('me\u0301moire')).toEqual([0, 1, 3, 4, 5, 6, 7, 8]);
		expect(mapOf('ﬁle')).toEqual([0, 0, 1, 2, 3]);
		expect(mapOf('Straße')).toEqual([0, 1, 2, 3, 4, 4, 5, 6]);
		expect(mapOf('𝐀b')).toEqual([0, 2, 3]);
		expect(mapOf('😀x')).toEqual([0, 1, 2, 3]);
		expect(mapOf('')).toEqual([0]);
	});

	test('maps ranges back to whole original characters', () => {
		const ligature = normalize('ﬁle');
		expect(toOriginalRange(ligature.map, 1, 2)).toEqual([0, 1]);
		expect(toOriginalRange(ligature.map, 0, 4)).toEqual([0, 3]);
		const decomposed = normalize('cafe\u0301 noir');
		expect(toOriginalRange(decomposed.map, 0, 4)).toEqual([0, 5]);
		expect(toOriginalRange(decomposed.map, 5, 9)).toEqual([6, 10]);
	});

	test('the map is non-decreasing and ends with the original length (property)', () => {
		fc.assert(
			fc.property(anyText, text => {
				const {folded: result} = normalize(text);
				const map = mapOf(text);
				const steps = map.slice(1).map((value, i) => value - (map[i] ?? 0));
				// No map at all only where folding kept every code unit in place.
				const identityOk = normalize(text).map !== undefined || result.length === text.length;
				return identityOk && map.length === result.length + 1 && map[result.length] === text.length && steps.every(step => step >= 0);
			}),
		);
	});

	test('an ASCII word is found wherever it is put, whatever surrounds it (property)', () => {
		const word = fc.stringMatching(/^[a-z0-9]{1,6}$/);
		fc.assert(
			fc.property(anyText, word, anyText, (before, needle, after) => {
				const ranges = highlightRanges(before + needle + after, needle);
				const start = before.length;
				const end = start + needle.length;
				return ranges.some(([from, to]) => from <= start && to >= end);
			}),
		);
	});
});

describe('parseQuery', () => {
	const terms = (query: string) => parseQuery(query).terms;

	test('splits words on any whitespace and normalises them', () => {
		expect(terms('  Shadow\tPAGE  mémoire ')).toEqual([
			{text: 'shadow', phrase: false},
			{text: 'page', phrase: false},
			{text: 'memoire', phrase: false},
		]);
		expect(terms('ｐａｇｅ\u3000ｔａｂｌｅ')).toEqual([
			{text: 'page', phrase: false},
			{text: 'table', phrase: false},
		]);
	});

	test('reads quoted phrases with their whitespace collapsed', () => {
		expect(terms('trap "page   table"  tlb')).toEqual([
			{text: 'trap', phrase: false},
			{text: 'page table', phrase: true},
			{text: 'tlb', phrase: false},
		]);
		expect(terms('“Shadow Page”')).toEqual([{text: 'shadow page', phrase: true}]);
		expect(terms('a"b c"d')).toEqual([
			{text: 'a', phrase: false},
			{text: 'b c', phrase: true},
			{text: 'd', phrase: false},
		]);
	});

	test('an unterminated quote takes the rest as a phrase', () => {
		expect(terms('trap "page table ')).toEqual([
			{text: 'trap', phrase: false},
			{text: 'page table', phrase: true},
		]);
	});

	test('an empty query has no terms', () => {
		expect(terms('')).toEqual([]);
		expect(terms('   \t ')).toEqual([]);
		expect(terms('"" "  "')).toEqual([]);
		expect(terms('"')).toEqual([]);
	});
});
