// The one place where untrusted text (deck content, file names, front-matter values, search
// snippets, entity-decoded Markdown) is made terminal-safe. Nothing is deleted: every unsafe
// character becomes a visible stand-in, so what the audience sees is what the file holds.

export type SanitizeOptions = Readonly<{
	/** Caret notation (`^[`) instead of Control Pictures (`␛`), for `LANG=C` terminals. */
	ascii?: boolean;
}>;

/** How a class of characters is shown. */
export type StandIn =
	/** `␛` (U+2400 + code), or `^[` in ascii mode. */
	| 'control-picture'
	/** `<U+202E>`. */
	| 'marker'
	/** U+FFFD: a lone surrogate has no code point worth naming. */
	| 'replacement';

export type UnsafeClass = Readonly<{
	name: string;
	/**
	 * The class's characters, as the body of a `v`-flag regular-expression character class:
	 * Unicode properties where V8 knows them, so a Unicode update needs no edit here.
	 */
	set: string;
	standIn: StandIn;
	/** When set, the characters are kept in this context and only marked outside it. */
	keptWhen?: string;
}>;

/**
 * Prepended_Concatenation_Mark, written out because V8's `\p{…}` does not know the property
 * (Unicode 17). Every one of them is also Cf today; the list keeps them marked if that changes.
 */
const prependedConcatenationMarks = '\\u{600}-\\u{605}\\u{6DD}\\u{70F}\\u{890}-\\u{891}\\u{8E2}\\u{110BD}\\u{110CD}';
/**
 * Default-ignorable and format characters that have their own class below (context-kept or
 * bidi), and the standard variation selectors: those pick an emoji or ideograph variant and are
 * clamped like combining marks instead (Mongolian free variation selectors are marked).
 */
const notInvisible = '\\p{Bidi_Control}\\u{200C}\\u{200D}\\u{AD}\\u{E0000}-\\u{E007F}\\u{FE00}-\\u{FE0F}\\u{E0100}-\\u{E01EF}';

/**
 * Every character sanitize may touch. `\n` and `\t` are absent on purpose: `sanitize` keeps
 * them (the loader has already turned CRLF and CR into `\n`, so a stray `\r` is a stand-in).
 */
export const unsafeClasses: readonly UnsafeClass[] = [
	{name: 'C0 control', set: '\\x00-\\x08\\x0B-\\x1F', standIn: 'control-picture'},
	{name: 'DEL', set: '\\x7F', standIn: 'control-picture'},
	{name: 'C1 control', set: '\\x80-\\x9F', standIn: 'marker'},
	{name: 'bidi control', set: '\\p{Bidi_Control}', standIn: 'marker'},
	{name: 'line or paragraph separator', set: '\\p{Zl}\\p{Zp}', standIn: 'marker'},
	{
		name: 'invisible character',
		// Hangul fillers, Arabic number signs, Egyptian and shorthand format controls, musical
		// beams, Mongolian variation selectors, unassigned ignorables such as U+2065 and U+FFF0…
		set: `[\\p{Default_Ignorable_Code_Point}\\p{Cf}${prependedConcatenationMarks}]--[${notInvisible}]`,
		standIn: 'marker',
	},
	{
		name: 'zero-width joiner/non-joiner',
		set: '\\u{200C}\\u{200D}',
		standIn: 'marker',
		keptWhen: 'between two letters or emoji (emoji ZWJ sequences, Persian, Indic)',
	},
	{
		name: 'soft hyphen',
		set: '\\u{AD}',
		standIn: 'marker',
		keptWhen: 'inside a word',
	},
	{
		name: 'tag character',
		set: '\\u{E0000}-\\u{E007F}',
		standIn: 'marker',
		keptWhen: 'in a subdivision flag: U+1F3F4, 3 to 7 lowercase/digit tags, U+E007F',
	},
	{name: 'lone surrogate', set: '\\p{Cs}', standIn: 'replacement'},
];

/** Longest run of combining marks kept on one base; the rest become one `<+N marks>`. */
export const maxCombiningMarks = 3;

const hex = (cp: number): string => cp.toString(16).toUpperCase().padStart(4, '0');
const union = (classes: readonly UnsafeClass[]): string => classes.map(c => `[${c.set}]`).join('');

/**
 * What `sanitize` may change: one of the classes, or a run of too many marks. With the `v`
 * flag `\p{Cs}` matches only lone surrogates, because a valid pair is one astral code point.
 */
export const suspiciousPattern = new RegExp(`[${union(unsafeClasses)}]|\\p{M}{${maxCombiningMarks + 1}}`, 'v');
const suspiciousChar = new RegExp(`^[${union(unsafeClasses)}]$`, 'v');

/** A character marked wherever it is (no context keeps it); C0, DEL and surrogates are handled before. */
const unsafeChar = new RegExp(`^[${union(unsafeClasses.filter(c => c.keptWhen === undefined))}]$`, 'v');
const markChar = /^\p{M}$/u;
// What follows a joiner or a soft hyphen is judged before it is shown: an invisible letter
// (a Hangul filler) will be a marker, so it keeps nothing, or a second pass would differ.
const letterChar = new RegExp(`^[\\p{L}--[${union(unsafeClasses)}]]$`, 'v');
const joinerBefore = /^[\p{L}\p{M}\p{Extended_Pictographic}\p{Emoji_Modifier}]$/u;
const joinerAfter = new RegExp(`^[[\\p{L}\\p{Extended_Pictographic}]--[${union(unsafeClasses)}]]$`, 'v');
const softHyphenBefore = /^[\p{L}\p{M}]$/u;
const subdivisionFlag = /\u{1F3F4}[\u{E0030}-\u{E0039}\u{E0061}-\u{E007A}]{3,7}\u{E007F}/uy;

export const marker = (cp: number): string => `<U+${hex(cp)}>`;
export const marksMarker = (dropped: number): string => `<+${dropped} mark${dropped === 1 ? '' : 's'}>`;

const controlStandIn = (cp: number, ascii: boolean): string => {
	if (cp === 0x7f) return ascii ? '^?' : '\u2421';
	return ascii ? `^${String.fromCharCode(cp + 0x40)}` : String.fromCharCode(0x2400 + cp);
};

/**
 * Untrusted text → terminal-safe text with visible stand-ins; keeps `\n` and `\t`.
 * Idempotent, and returns its argument unchanged (same string) when nothing is suspicious.
 */
export function sanitize(text: string, options?: SanitizeOptions): string {
	if (!isSuspicious(text)) return text;
	return rewrite(text, options?.ascii === true);
}

/** `sanitize`, and also `\n` → `␤` (`^J`) and `\t` → a space, for one-line places. */
export function sanitizeLine(text: string, options?: SanitizeOptions): string {
	const ascii = options?.ascii === true;
	const safe = sanitize(text, options);
	if (!safe.includes('\n') && !safe.includes('\t')) return safe;
	return safe.replaceAll('\n', ascii ? '^J' : '\u2424').replaceAll('\t', ' ');
}

/** True when `sanitize` would change the text (for `lectern check` warnings). */
export function hasUnsafe(text: string): boolean {
	return isSuspicious(text) && rewrite(text, false) !== text;
}

const plain = 1;
const suspicious = 2;
const combining = 3;
/**
 * Each BMP code unit's kind, learnt from the regular expressions the first time it is met:
 * a regular expression made of a dozen Unicode properties scans text several times slower
 * than this loop, and `sanitize` sees every line of every deck. Made on the first text that is
 * not printable ASCII (64 KiB): made when the module was evaluated, it was in the start-up
 * snapshot, read and kept by every run (blob 65 KB smaller).
 */
let bmpKinds: Uint8Array | undefined;
/** The same for the other planes, made when the first astral character is met (1 MiB). */
let astralKinds: Uint8Array | undefined;
const printableAscii = /^[\t\n\x20-\x7E]*$/;

function kindOf(ch: string): number {
	if (suspiciousChar.test(ch)) return suspicious;
	return markChar.test(ch) ? combining : plain;
}

/** `suspiciousPattern.test(text)`, several times faster (this is the fast path of every call). */
export function isSuspicious(text: string): boolean {
	// Plain ASCII is the common case, and a regular expression scans it fastest.
	if (printableAscii.test(text)) return false;
	bmpKinds ??= new Uint8Array(0x10000);
	const kinds = bmpKinds;
	let marks = 0;
	for (let i = 0; i < text.length; i++) {
		const unit = text.charCodeAt(i);
		if (unit >= 0x20 && unit < 0x7f) {
			marks = 0;
			continue;
		}
		let kind: number;
		if (unit >= 0xd800 && unit <= 0xdfff) {
			const low = text.charCodeAt(i + 1);
			// A lone surrogate.
			if (unit > 0xdbff || !(low >= 0xdc00 && low <= 0xdfff)) return true;
			const cp = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
			astralKinds ??= new Uint8Array(0x100000);
			// 0: not looked up yet (the typed array holds every plane's code point).
			kind = astralKinds[cp - 0x10000] ?? 0;
			if (kind === 0) {
				kind = kindOf(String.fromCodePoint(cp));
				astralKinds[cp - 0x10000] = kind;
			}
			i++;
		} else {
			kind = kinds[unit] ?? 0;
			if (kind === 0) {
				kind = unit === 0x09 || unit === 0x0a ? plain : kindOf(String.fromCharCode(unit));
				kinds[unit] = kind;
			}
		}
		if (kind === suspicious) return true;
		if (kind !== combining) marks = 0;
		else if (++marks > maxCombiningMarks) return true;
	}
	return false;
}

// Context checks look at the previous character of the OUTPUT, not the input: a joiner after
// marks that the clamp dropped must be judged by what is left, or a second pass would differ.
function rewrite(text: string, ascii: boolean): string {
	let out = '';
	let previous = '';
	let marks = 0;
	let dropped = 0;
	const endMarks = (): void => {
		if (dropped > 0) {
			out += marksMarker(dropped);
			previous = '>';
		}
		marks = 0;
		dropped = 0;
	};
	for (let i = 0; i < text.length; ) {
		const cp = text.codePointAt(i) ?? 0;
		const ch = cp > 0xffff ? text.slice(i, i + 2) : text.charAt(i);
		const next = i + ch.length;
		// Some marks are invisible (U+17B4, U+180B, U+034F): those are marked, not kept.
		if (markChar.test(ch) && !unsafeChar.test(ch)) {
			marks++;
			if (marks > maxCombiningMarks) dropped++;
			else {
				out += ch;
				previous = ch;
			}
			i = next;
			continue;
		}
		endMarks();
		let shown = ch;
		let consumed = ch.length;
		if (cp === 0x1f3f4) {
			subdivisionFlag.lastIndex = i;
			const flag = subdivisionFlag.exec(text);
			if (flag) {
				shown = flag[0];
				consumed = shown.length;
			}
		} else if (cp >= 0xd800 && cp <= 0xdfff) {
			shown = '\uFFFD';
		} else if (cp < 0x20 || cp === 0x7f) {
			if (cp !== 0x0a && cp !== 0x09) shown = controlStandIn(cp, ascii);
		} else if (unsafeChar.test(ch)) {
			shown = marker(cp);
		} else if (cp === 0x200c || cp === 0x200d) {
			if (!joinerBefore.test(previous) || !joinerAfter.test(codePointString(text, next))) shown = marker(cp);
		} else if (cp === 0x00ad) {
			if (!softHyphenBefore.test(previous) || !letterChar.test(codePointString(text, next))) shown = marker(cp);
		} else if (cp >= 0xe0000 && cp <= 0xe007f) {
			shown = marker(cp);
		}
		out += shown;
		// Any stand-in ends in a character that is neither letter, mark nor emoji.
		previous = shown === ch ? ch : '>';
		i += consumed;
	}
	endMarks();
	return out;
}

function codePointString(text: string, index: number): string {
	const cp = text.codePointAt(index);
	return cp === undefined ? '' : String.fromCodePoint(cp);
}

/**
 * Characters JSON.stringify leaves raw that a terminal would act on or hide: DEL, C1, and every
 * character of the classes above (bidi controls, U+2028/U+2029, invisible characters, joiners,
 * tags). C0 controls and lone surrogates JSON.stringify already escapes.
 */
const rawInJson = new RegExp(`[${union(unsafeClasses.filter(c => c.name !== 'C0 control' && c.name !== 'lone surrogate'))}]`, 'gv');
const jsonEscape = (ch: string): string => {
	let out = '';
	for (let i = 0; i < ch.length; i++) out += `\\u${ch.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0')}`;
	return out;
};

/**
 * The one JSON writer for output (`--json`): `JSON.stringify`, with every character above
 * written as a `\uXXXX` escape. The result is the same JSON value, byte for byte safe on a
 * terminal: nothing is dropped or replaced, so a path in it still names its file.
 */
export function safeJson(value: unknown, indent?: number): string {
	const json = JSON.stringify(value, null, indent);
	return json === undefined ? 'null' : json.replace(rawInJson, jsonEscape);
}
