// A tokeniser for terminal output (ECMA-48 / ISO 6429), so tests can list every control
// sequence a run wrote and check it against what a presenter may legitimately send.
// It errs towards suspicion: a malformed or unterminated sequence is still a token (flagged),
// never silently folded into text.

export type StringKind = 'osc' | 'dcs' | 'apc' | 'pm' | 'sos';

export type Token =
	| Readonly<{kind: 'text'; raw: string}>
	| Readonly<{
			kind: 'csi';
			raw: string;
			/** `<`, `=`, `>` or `?` right after the introducer (private parameter prefix), else ''. */
			prefix: string;
			/** The remaining parameter bytes (0x30–0x3F), e.g. `1;31`. */
			params: string;
			/** Intermediate bytes (0x20–0x2F), e.g. `$` in DECRQM. */
			intermediates: string;
			/** Final byte (0x40–0x7E); '' when the sequence is malformed or cut off. */
			final: string;
			eightBit: boolean;
			malformed: boolean;
	  }>
	| Readonly<{
			kind: StringKind;
			raw: string;
			/** The string between introducer and terminator. */
			data: string;
			/** 'none' when the output ended, or another ESC/CAN/SUB aborted the string. */
			terminator: 'BEL' | 'ST' | 'ST8' | 'none';
			eightBit: boolean;
	  }>
	| Readonly<{kind: 'esc'; raw: string; intermediates: string; final: string; malformed: boolean}>
	/** Lone C0 controls other than ESC, one token each; DEL (0x7F) is reported here too. */
	| Readonly<{kind: 'c0'; raw: string; code: number}>
	/** 8-bit C1 controls that do not open a sequence (e.g. NEL U+0085, a lone ST U+009C). */
	| Readonly<{kind: 'c1'; raw: string; code: number}>;

const ESC = '\x1b';
const BEL = '\x07';
const CAN = '\x18';
const SUB = '\x1a';
const ST8 = '\x9c';

const stringIntroducers: Readonly<Record<string, StringKind>> = {
	']': 'osc',
	P: 'dcs',
	_: 'apc',
	'^': 'pm',
	X: 'sos',
};
const eightBitStrings: Readonly<Record<string, StringKind>> = {
	'\x9d': 'osc',
	'\x90': 'dcs',
	'\x9f': 'apc',
	'\x9e': 'pm',
	'\x98': 'sos',
};

const inRange = (ch: string | undefined, from: number, to: number): boolean => {
	if (ch === undefined || ch.length === 0) return false;
	const code = ch.charCodeAt(0);
	return code >= from && code <= to;
};
const isControl = (ch: string): boolean => inRange(ch, 0x00, 0x1f) || inRange(ch, 0x7f, 0x9f);

/** Splits output into text runs and control tokens; `tokens.map(t => t.raw).join('')` is the input. */
export function tokenize(output: string): Token[] {
	const tokens: Token[] = [];
	let text = '';
	const push = (token: Token): void => {
		if (text !== '') tokens.push({kind: 'text', raw: text});
		text = '';
		tokens.push(token);
	};
	let i = 0;
	while (i < output.length) {
		const ch = output.charAt(i);
		if (!isControl(ch)) {
			text += ch;
			i++;
			continue;
		}
		let token: Token;
		if (ch === ESC) token = readEscape(output, i);
		else if (ch === '\x9b') token = readCsi(output, i, 1, true);
		else if (eightBitStrings[ch] !== undefined) token = readString(output, i, 1, eightBitStrings[ch], true);
		else if (inRange(ch, 0x80, 0x9f)) token = {kind: 'c1', raw: ch, code: ch.charCodeAt(0)};
		else token = {kind: 'c0', raw: ch, code: ch.charCodeAt(0)};
		push(token);
		i += token.raw.length;
	}
	if (text !== '') tokens.push({kind: 'text', raw: text});
	return tokens;
}

function readEscape(output: string, start: number): Token {
	const next = output.charAt(start + 1);
	if (next === '[') return readCsi(output, start, 2, false);
	const kind = stringIntroducers[next];
	if (kind !== undefined) return readString(output, start, 2, kind, false);
	let i = start + 1;
	while (inRange(output.charAt(i), 0x20, 0x2f)) i++;
	const intermediates = output.slice(start + 1, i);
	const final = output.charAt(i);
	if (inRange(final, 0x30, 0x7e)) {
		return {kind: 'esc', raw: output.slice(start, i + 1), intermediates, final, malformed: false};
	}
	return {kind: 'esc', raw: output.slice(start, i), intermediates, final: '', malformed: true};
}

function readCsi(output: string, start: number, introducer: number, eightBit: boolean): Token {
	let i = start + introducer;
	const paramsStart = i;
	while (inRange(output.charAt(i), 0x30, 0x3f)) i++;
	const allParams = output.slice(paramsStart, i);
	const intermediatesStart = i;
	while (inRange(output.charAt(i), 0x20, 0x2f)) i++;
	const intermediates = output.slice(intermediatesStart, i);
	const final = output.charAt(i);
	const complete = inRange(final, 0x40, 0x7e);
	const prefix = /^[<=>?]/.test(allParams) ? allParams.charAt(0) : '';
	return {
		kind: 'csi',
		raw: output.slice(start, complete ? i + 1 : i),
		prefix,
		params: allParams.slice(prefix.length),
		intermediates,
		final: complete ? final : '',
		eightBit,
		// Parameter bytes after an intermediate, or a prefix byte mid-parameters, also break ECMA-48.
		malformed: !complete || /[<=>?]/.test(allParams.slice(prefix.length)),
	};
}

// A string ends at ST (ESC \ or U+009C), or BEL for OSC (xterm); an ESC that does not start
// ST, or CAN/SUB, aborts it the way terminals do, leaving the rest to be tokenised.
function readString(output: string, start: number, introducer: number, kind: StringKind, eightBit: boolean): Token {
	const dataStart = start + introducer;
	for (let i = dataStart; i < output.length; i++) {
		const ch = output.charAt(i);
		const done = (terminator: 'BEL' | 'ST' | 'ST8', length: number): Token => ({
			kind,
			raw: output.slice(start, i + length),
			data: output.slice(dataStart, i),
			terminator,
			eightBit,
		});
		if (ch === BEL && kind === 'osc') return done('BEL', 1);
		if (ch === ST8) return done('ST8', 1);
		if (ch === ESC && output.charAt(i + 1) === '\\') return done('ST', 2);
		if (ch === ESC || ch === CAN || ch === SUB) {
			return {kind, raw: output.slice(start, i), data: output.slice(dataStart, i), terminator: 'none', eightBit};
		}
	}
	return {kind, raw: output.slice(start), data: output.slice(dataStart), terminator: 'none', eightBit};
}

/** Every control token that `allow` rejects (text runs are never reported). */
export function disallowedSequences(output: string, allow: (token: Token) => boolean): Token[] {
	return tokenize(output).filter(token => token.kind !== 'text' && !allow(token));
}

const numeric = /^[\d;]*$/;
const plainCsiFinals = new Set(['H', 'f', 'A', 'B', 'C', 'D', 'G', 'd', 'K', 'J']);
/** DEC private modes a presenter sets and resets: alternate screen, cursor, synchronised output, autowrap, cursor keys. */
const privateModesSetReset = new Set(['1049', '25', '2026', '7', '1']);
/** Modes a presenter only ever switches off (defensively, on start or exit), never on. */
const privateModesResetOnly = new Set(['1004', '2004', '1000', '1002', '1003', '1006']);
const escFinals = new Set(['=', '>', '7', '8', 'M']);
const c0Allowed = new Set(['\n', '\r', '\b', '\t']);

/**
 * What a presenter itself may write:
 * - SGR `CSI … m` (7-bit, numeric parameters), except 8 (conceal): we never hide text;
 * - cursor position and movement `CSI … H/f/A/B/C/D/G/d`, erase `CSI … K/J`;
 * - DEC private modes `CSI ? … h/l` for 1049, 25, 2026, 7, 1; and only `l` for 1004, 2004,
 *   1000, 1002, 1003, 1006 (focus, bracketed paste, mouse: switched off, never on);
 * - `CSI top;bottom r` and `CSI r` (set and reset the scroll region: the frame writer scrolls
 *   a band when a frame is the last one moved), and `ESC M` (reverse index, to scroll it down);
 * - kitty keyboard pop only: `CSI < u` or `CSI < N u` (not the `CSI ? u` query nor a push);
 * - `ESC =`, `ESC >` (keypad modes), `ESC 7`, `ESC 8` (save/restore cursor), `ESC M`;
 * - C0 `\n`, `\r`, `\b`, `\t`.
 * Nothing else: no OSC, DCS, APC, PM, SOS, no 8-bit C1, no BEL, no queries, no malformed tokens.
 */
export function presenterAllowed(token: Token): boolean {
	switch (token.kind) {
		case 'text':
			return true;
		case 'c0':
			return c0Allowed.has(token.raw);
		case 'esc':
			return !token.malformed && token.intermediates === '' && escFinals.has(token.final);
		case 'csi':
			return allowedCsi(token);
		default:
			return false;
	}
}

function allowedCsi(token: Extract<Token, {kind: 'csi'}>): boolean {
	if (token.malformed || token.eightBit || token.intermediates !== '') return false;
	const {prefix, params, final} = token;
	if (prefix === '') {
		if (final === 'm') return /^[\d;:]*$/.test(params) && !sgrConceals(params);
		if (final === 'r') return /^(\d+;\d+)?$/.test(params);
		return plainCsiFinals.has(final) && numeric.test(params);
	}
	if (prefix === '?' && (final === 'h' || final === 'l')) {
		const modes = params.split(';');
		return modes.every(mode => privateModesSetReset.has(mode) || (final === 'l' && privateModesResetOnly.has(mode)));
	}
	return prefix === '<' && final === 'u' && /^\d*$/.test(params);
}

/** True when an SGR parameter list contains 8 (conceal) as a parameter, not as a colour argument. */
export function sgrConceals(params: string): boolean {
	const list = params.split(';');
	for (let i = 0; i < list.length; i++) {
		const param = list[i] ?? '';
		// Colon sub-parameters (38:5:8) belong to their parameter.
		const head = param.split(':')[0] ?? '';
		if (head === '8') return true;
		if ((head === '38' || head === '48' || head === '58') && !param.includes(':')) {
			const mode = list[i + 1];
			if (mode === '5') i += 2;
			else if (mode === '2') i += 4;
		}
	}
	return false;
}
