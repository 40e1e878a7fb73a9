// Text folding for search: the document and the query go through the same function, so
// `Mémoire`, `memoire`, `ＭＥＭＯＩＲＥ` and `me\u0301moire` all meet at `memoire`.

/**
 * Folded text plus the way back to the original.
 * `map[i]` is the index (UTF-16 code unit) in the original string of the character that
 * produced folded character `i`; one extra entry, `map[folded.length]`, holds the original
 * length, so a folded range `[s, e)` always has an end to map to (see `toOriginalRange`).
 * A character that expands (`ﬁ` → `fi`, `ß` → `ss`) maps every piece to its own index;
 * a dropped accent maps nothing and is absorbed into the range of the letter before it.
 * No map means the identity: ASCII text folds in place, and storing its map would cost four
 * bytes per character of every indexed slide.
 */
export type Normalized = Readonly<{folded: string; map: Int32Array | undefined}>;

// Diacritics that only decorate a letter: dropping them makes é ≡ e. Marks that carry
// meaning in their script (Indic and Thai vowel signs, kana voicing marks) are kept, or
// `कि` would fold to `क` and `ガ` to `カ`; what is left is recomposed (NFC), so `ガ` and
// `한` fold to themselves instead of to a decomposed sequence that `カ` or `하` would match.
const droppableMarkRanges: ReadonlyArray<readonly [number, number]> = [
	[0x03_00, 0x03_6f], // Combining Diacritical Marks (what NFKD splits off Latin, Greek, Cyrillic)
	[0x05_91, 0x05_c7], // Hebrew points (vowels are optional in writing)
	[0x06_4b, 0x06_5f], // Arabic harakat (likewise optional)
	[0x06_70, 0x06_70],
	[0x1a_b0, 0x1a_ff], // Combining Diacritical Marks Extended
	[0x1d_c0, 0x1d_ff], // Combining Diacritical Marks Supplement
	[0x20_d0, 0x20_ff], // Combining marks for symbols
	[0xfe_20, 0xfe_2f], // Combining half marks
];

// Folds that neither NFKD nor toLowerCase make: full case folding of ß and final sigma,
// and typographic quotes and dashes, so `don't` finds `don’t`.
const extraFolds: Readonly<Record<string, string>> = {
	ß: 'ss',
	ς: 'σ',
	'‘': "'",
	'’': "'",
	'‚': "'",
	'‛': "'",
	'“': '"',
	'”': '"',
	'„': '"',
	'‟': '"',
	'‐': '-',
	'‒': '-',
	'–': '-',
	'—': '-',
	'―': '-',
	'−': '-',
};

const markPattern = /\p{Mn}/u;

function isDroppableMark(char: string): boolean {
	if (!markPattern.test(char)) {
		return false;
	}

	const code = char.codePointAt(0) ?? 0;
	return droppableMarkRanges.some(([low, high]) => code >= low && code <= high);
}

// Kana voicing marks arrive alone from halfwidth katakana (ｶﾞ) or decomposed text (カ\u3099):
// composed with the kana before them, both fold like ガ. The mark's own index then maps to
// nothing and is absorbed into the kana's range, like a dropped accent.
const voicingMarks = new Set(['\u3099', '\u309A']);

// Per code point, not per string: the answer never depends on neighbours (but for one
// case, see `voicingMarks`), which is what keeps the offset map exact.
const foldCache = new Map<number, string>();
// The BMP below the surrogates as a flat table (0 = not seen, 1 = folds to itself,
// 2 = see foldCache): most non-ASCII text (CJK, scripts without case) never leaves it.
// Made on the first non-ASCII text (55 KB): a deck in ASCII never needs it, and a typed array made
// when a module is evaluated is in the start-up snapshot, read and kept by every run.
let bmpState: Uint8Array | undefined;

function foldCodePoint(codePoint: number): string {
	const cached = foldCache.get(codePoint);
	if (cached !== undefined) {
		return cached;
	}

	const char = String.fromCodePoint(codePoint);
	let folded = '';
	if (codePoint >= 0xd8_00 && codePoint <= 0xdf_ff) {
		// A lone surrogate is not text; U+FFFD is what any decoder would make of it.
		folded = '\uFFFD';
	} else {
		for (const piece of char.normalize('NFKD').toLowerCase()) {
			if (!isDroppableMark(piece)) {
				folded += extraFolds[piece] ?? piece;
			}
		}

		folded = folded.normalize('NFC');
	}

	foldCache.set(codePoint, folded);
	if (codePoint < 0xd8_00) {
		bmpState ??= new Uint8Array(0xd8_00);
		bmpState[codePoint] = folded === char && !voicingMarks.has(char) ? 1 : 2;
	}

	return folded;
}

// Any code point outside ASCII (\P{ASCII} measured as fast as the range it replaced).
const nonAscii = /\P{ASCII}/u;
// Longest fold of one code point (U+FDFA) is 18 units: room for it before each write.
const headroom = 32;
const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
// Made on first use: a decoder holds a native converter, which a start-up snapshot (this module
// is evaluated in it, scripts/snapshot/) cannot hold.
let utf16: TextDecoder | undefined;

// TextDecoder is fastest on long text but costs a few microseconds a call, which a slide
// title would mostly spend on that; and it reads the buffer little-endian only.
function decodeUnits(units: Uint16Array): string {
	if (units.length > 2048 && littleEndian) {
		utf16 ??= new TextDecoder('utf-16le');
		return utf16.decode(units);
	}

	const parts: string[] = [];
	for (let i = 0; i < units.length; i += 2048) {
		parts.push(Reflect.apply(String.fromCharCode, undefined, units.subarray(i, i + 2048)) as string);
	}

	return parts.join('');
}

/**
 * Case-folds (locale-independent), strips diacritics, and applies compatibility
 * decomposition (fullwidth/halfwidth forms, ligatures, NBSP → space), keeping a map back to
 * the original offsets. Per character: NFKD, lower case, drop diacritics, NFC. Pure; caches
 * per-code-point folds for speed.
 */
export function normalize(text: string): Normalized {
	const length = text.length;
	if (!nonAscii.test(text)) {
		return {folded: text.toLowerCase(), map: undefined};
	}

	// Code units into a typed buffer, decoded once at the end: far cheaper than building a
	// string piece by piece when folded characters are frequent (accents, fullwidth forms).
	let units = new Uint16Array(length + headroom);
	let map = new Int32Array(length + headroom + 1);
	let size = 0;
	let i = 0;
	while (i < length) {
		if (size + headroom > units.length) {
			const grownUnits = new Uint16Array(units.length * 2);
			grownUnits.set(units);
			units = grownUnits;
			const grownMap = new Int32Array(units.length + 1);
			grownMap.set(map);
			map = grownMap;
		}

		const code = text.charCodeAt(i);
		if (code < 0x80) {
			units[size] = code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
			map[size++] = i++;
			continue;
		}

		if (code < 0xd8_00 && bmpState?.[code] === 1) {
			units[size] = code;
			map[size++] = i++;
			continue;
		}

		const at = i;
		const codePoint = text.codePointAt(at) ?? code;
		const folded = foldCodePoint(codePoint);
		i += codePoint > 0xff_ff ? 2 : 1;
		if (size > 0 && voicingMarks.has(folded)) {
			const composed = (String.fromCharCode(units[size - 1] ?? 0) + folded).normalize('NFC');
			if (composed.length === 1) {
				units[size - 1] = composed.charCodeAt(0);
				continue;
			}
		}

		// An astral character that folds to itself keeps one map entry per code unit.
		const identity = folded.length === 2 && folded.codePointAt(0) === codePoint;
		for (let k = 0; k < folded.length; k++) {
			units[size] = folded.charCodeAt(k);
			map[size++] = identity ? at + k : at;
		}
	}

	map[size] = length;
	return {folded: decodeUnits(units.subarray(0, size)), map: map.subarray(0, size + 1)};
}

/**
 * Maps a folded range `[start, end)` back to the original text. The end is widened to the
 * next original character boundary, so a match ending inside an expansion (`f` of `ﬁ`) covers
 * the whole original character, and a match ending before dropped accents includes them.
 */
export function toOriginalRange(map: Int32Array | undefined, start: number, end: number): [number, number] {
	if (!map) {
		return [start, end];
	}

	const originalStart = map[start] ?? 0;
	let next = end;
	while (next < map.length - 1 && next > 0 && map[next] === map[next - 1]) {
		next++;
	}

	return [originalStart, map[next] ?? originalStart];
}
