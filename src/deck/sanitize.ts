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
	/** Inclusive code point ranges. */
	ranges: readonly (readonly [number, number])[];
	standIn: StandIn;
	/** When set, the characters are kept in this context and only marked outside it. */
	keptWhen?: string;
}>;

/**
 * Every character sanitize may touch. `\n` and `\t` are absent on purpose: `sanitize` keeps
 * them (the loader has already turned CRLF and CR into `\n`, so a stray `\r` is a stand-in).
 */
export const unsafeClasses: readonly UnsafeClass[] = [
	{name: 'C0 control', ranges: [[0x00, 0x08], [0x0b, 0x1f]], standIn: 'control-picture'},
	{name: 'DEL', ranges: [[0x7f, 0x7f]], standIn: 'control-picture'},
	{name: 'C1 control', ranges: [[0x80, 0x9f]], standIn: 'marker'},
	{
		name: 'bidi control',
		ranges: [[0x061c, 0x061c], [0x200e, 0x200f], [0x202a, 0x202e], [0x2066, 0x2069]],
		standIn: 'marker',
	},
	{
		name: 'invisible format character',
		ranges: [
			[0x180e, 0x180e], [0x200b, 0x200b], [0x2028, 0x2029], [0x2060, 0x2064],
			[0x206a, 0x206f], [0xfeff, 0xfeff], [0xfff9, 0xfffb],
		],
		standIn: 'marker',
	},
	{
		name: 'zero-width joiner/non-joiner',
		ranges: [[0x200c, 0x200d]],
		standIn: 'marker',
		keptWhen: 'between two letters or emoji (emoji ZWJ sequences, Persian, Indic)',
	},
	{
		name: 'soft hyphen',
		ranges: [[0x00ad, 0x00ad]],
		standIn: 'marker',
		keptWhen: 'inside a word',
	},
	{
		name: 'tag character',
		ranges: [[0xe0000, 0xe007f]],
		standIn: 'marker',
		keptWhen: 'in a subdivision flag: U+1F3F4, 3 to 7 lowercase/digit tags, U+E007F',
	},
	{name: 'lone surrogate', ranges: [[0xd800, 0xdfff]], standIn: 'replacement'},
];

/** Longest run of combining marks kept on one base; the rest become one `<+N marks>`. */
export const maxCombiningMarks = 3;

const hex = (cp: number): string => cp.toString(16).toUpperCase().padStart(4, '0');
const classRange = ([from, to]: readonly [number, number]): string =>
	from === to ? `\\u{${hex(from)}}` : `\\u{${hex(from)}}-\\u{${hex(to)}}`;

/**
 * The fast path: one test per string. With the `u` flag a surrogate range matches only lone
 * surrogates, because a valid pair is read as one astral code point.
 */
export const suspiciousPattern = new RegExp(
	`[${unsafeClasses.flatMap(c => c.ranges).map(classRange).join('')}]|\\p{M}{${maxCombiningMarks + 1}}`,
	'u',
);

const unsafeChar = new RegExp(
	`^[${unsafeClasses.filter(c => c.keptWhen === undefined).flatMap(c => c.ranges).map(classRange).join('')}]$`,
	'u',
);
const markChar = /^\p{M}$/u;
const letterChar = /^\p{L}$/u;
const joinerBefore = /^[\p{L}\p{M}\p{Extended_Pictographic}\p{Emoji_Modifier}]$/u;
const joinerAfter = /^[\p{L}\p{Extended_Pictographic}]$/u;
const softHyphenBefore = /^[\p{L}\p{M}]$/u;
const subdivisionFlag = /\u{1F3F4}[\u{E0030}-\u{E0039}\u{E0061}-\u{E007A}]{3,7}\u{E007F}/uy;

export const marker = (cp: number): string => `<U+${hex(cp)}>`;
export const marksMarker = (dropped: number): string =>
	`<+${dropped} mark${dropped === 1 ? '' : 's'}>`;

const controlStandIn = (cp: number, ascii: boolean): string => {
	if (cp === 0x7f) return ascii ? '^?' : '\u2421';
	return ascii ? `^${String.fromCharCode(cp + 0x40)}` : String.fromCharCode(0x2400 + cp);
};

/**
 * Untrusted text → terminal-safe text with visible stand-ins; keeps `\n` and `\t`.
 * Idempotent, and returns its argument unchanged (same string) when nothing is suspicious.
 */
export function sanitize(text: string, options?: SanitizeOptions): string {
	if (!suspiciousPattern.test(text)) return text;
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
	return suspiciousPattern.test(text) && rewrite(text, false) !== text;
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
	for (let i = 0; i < text.length;) {
		const cp = text.codePointAt(i) ?? 0;
		const ch = cp > 0xffff ? text.slice(i, i + 2) : text.charAt(i);
		const next = i + ch.length;
		if (markChar.test(ch)) {
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
