// The writers that turn typed lines into text: ANSI for the terminal (each run's roles drawn
// with the theme's styles at the terminal's colour depth) and plain text for a pipe. Runs
// hold sanitised text only, so nothing is parsed back out of what is written.
import type {Line, Run} from './runs.js';
import {roleStyles, type Style, syntaxStyles, type Theme} from './theme.js';

/** A line as plain text: no styles at all (`print` into a pipe, tests). */
export function writePlain(line: Line): string {
	let text = '';
	for (const part of line.runs) text += part.text;
	return text;
}

export type AnsiWriter = (line: Line) => string;

const writers = new Map<string, AnsiWriter>();

/**
 * The ANSI writer for a theme. A run's roles nest outermost first (a `code` span inside a
 * `strong` inside a `quote`); neighbouring runs drawn alike are written as one.
 */
export function ansiWriter(theme: Theme): AnsiWriter {
	let writer = writers.get(theme.id);
	if (!writer) {
		writer = makeAnsiWriter(theme);
		if (writers.size > 16) writers.delete(writers.keys().next().value!);
		writers.set(theme.id, writer);
	}

	return writer;
}

/** One line through the theme's ANSI writer. */
export function writeAnsi(line: Line, theme: Theme): string {
	return ansiWriter(theme)(line);
}

type Brackets = Readonly<{open: string; close: string}>;

const none: Brackets = {open: '', close: ''};

function makeAnsiWriter(theme: Theme): AnsiWriter {
	const byRole = roleStyles(theme);
	const byScope = syntaxStyles(theme);
	const brackets = new Map<string, Brackets>();
	const bracketsOf = (part: Run): Brackets => {
		const roles = part.roles;
		if (!roles || roles.length === 0) return none;
		const key = part.scope === undefined ? roles.join(' ') : `${roles.join(' ')}#${part.scope}`;
		let found = brackets.get(key);
		if (!found) {
			found = bracketsFor(roles.flatMap(role => styleOf(role, part.scope)));
			brackets.set(key, found);
		}

		return found;
	};

	const styleOf = (role: string, scope: string | undefined): Style[] => {
		if (role !== 'syntax') {
			const style = byRole[role as keyof typeof byRole];
			return style ? [style] : [];
		}

		// A scope chain, outermost first: `meta string`; `title.function` is drawn as `title`.
		const styles: Style[] = [];
		for (const name of (scope ?? '').split(' ')) {
			const style = byScope[name.split('.')[0]!];
			if (style) styles.push(style);
		}

		return styles;
	};

	return line => {
		let out = '';
		let open: Brackets = none;
		for (const part of line.runs) {
			const next = bracketsOf(part);
			if (next.open !== open.open || next.close !== open.close) {
				out += open.close + next.open;
				open = next;
			}

			out += part.text;
		}

		return out + open.close;
	};
}

/** The escapes a stack of styles writes before and after its text, found once by styling a stand-in. */
function bracketsFor(styles: readonly Style[]): Brackets {
	if (styles.length === 0) return none;
	let sample = '\u0000';
	for (let i = styles.length - 1; i >= 0; i--) sample = styles[i]!(sample);
	const at = sample.indexOf('\u0000');
	return at === -1 ? none : {open: sample.slice(0, at), close: sample.slice(at + 1)};
}
