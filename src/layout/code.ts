// Code and diagram blocks: verbatim lines, never wrapped. Highlighting comes from the
// injected highlighter and only for a language it knows, so a hostile info string never
// reaches it and its warnings never reach the terminal.
import {sanitize} from '../deck/sanitize.js';
import {styles, type Theme} from './theme.js';

export function highlightCode(code: string, lang: string, theme: Theme): string[] {
	const highlighter = theme.highlighter;
	if (theme.level > 0 && highlighter && lang !== '' && highlighter.supports(lang)) {
		try {
			// Highlighters echo their input with added SGR codes; the input was sanitised,
			// and sanitising is idempotent, so only the SGR codes are new.
			return highlighter.highlight(code, lang).split('\n');
		} catch {
			// Fall through to plain colouring.
		}
	}

	const s = styles(theme);
	return sanitize(code)
		.split('\n')
		.map(line => (line === '' ? line : s.code(line)));
}

const boxToAscii: Readonly<Record<string, string>> = {
	'─': '-',
	'━': '-',
	'═': '=',
	'│': '|',
	'┃': '|',
	'║': '|',
	'┌': '+',
	'┐': '+',
	'└': '+',
	'┘': '+',
	'├': '+',
	'┤': '+',
	'┬': '+',
	'┴': '+',
	'┼': '+',
	'╔': '+',
	'╗': '+',
	'╚': '+',
	'╝': '+',
	'╠': '+',
	'╣': '+',
	'╦': '+',
	'╩': '+',
	'╬': '+',
	'╭': '+',
	'╮': '+',
	'╯': '+',
	'╰': '+',
	'┏': '+',
	'┓': '+',
	'┗': '+',
	'┛': '+',
	'╒': '+',
	'╕': '+',
	'╘': '+',
	'╛': '+',
	'╞': '+',
	'╡': '+',
	'╤': '+',
	'╧': '+',
	'╪': '+',
	'╓': '+',
	'╖': '+',
	'╙': '+',
	'╜': '+',
	'╟': '+',
	'╢': '+',
	'╥': '+',
	'╨': '+',
	'╫': '+',
	'┄': '-',
	'┈': '-',
	'╌': '-',
	'┆': ':',
	'┊': ':',
	'╎': ':',
	'▶': '>',
	'►': '>',
	'▸': '>',
	'→': '>',
	'◀': '<',
	'◄': '<',
	'◂': '<',
	'←': '<',
	'▲': '^',
	'↑': '^',
	'▼': 'v',
	'↓': 'v',
	'↔': '-',
	'⇒': '>',
	'⇐': '<',
	'⇄': '=',
	'•': '*',
	'·': '.',
	'…': '.',
	'█': '#',
	'▓': '#',
	'▒': ':',
	'░': '.',
	'■': '#',
	'□': 'o',
	'▰': '#',
	'▱': '.',
	'✓': '+',
	'✗': 'x',
	'×': 'x',
	'≈': '~',
	'≤': '<',
	'≥': '>',
};

/** Box drawing and arrows → ASCII, one cell for one cell, for `LANG=C` and `--ascii`. */
export function asciiLine(line: string): string {
	let out = '';
	for (const char of line) {
		out +=
			boxToAscii[char] ??
			(char.charCodeAt(0) < 0x80 ? char : char.codePointAt(0)! >= 0x25_00 && char.codePointAt(0)! < 0x26_00 ? '+' : char);
	}

	return out;
}
