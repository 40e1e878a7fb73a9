// The writers that turn typed lines into text: ANSI for the terminal (each run's roles drawn
// with the theme's styles at the terminal's colour depth) and plain text for a pipe. Runs
// hold sanitised text only, so nothing is parsed back out of what is written.
import type {Line, Run} from './runs.js';
import {roleStyles, type Style, syntaxStyles, type Theme} from './theme.js';
import {defined, itemAt} from '../deck/checked.js';

/** A line as plain text: no styles at all (`print` into a pipe, tests). */
export function writePlain(line: Line): string {
	let text = '';
	for (let i = 0; i < line.runs.length; i++) text += itemAt(line.runs, i).text;
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
		if (writers.size > 16) writers.delete(defined(writers.keys().next().value, 'the oldest writer of a full cache'));
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

/** One layer of styling: a role (or a syntax scope) and the escapes that open and close it. */
type Layer = Readonly<{key: string; open: string; close: string}>;

const noLayers: readonly Layer[] = [];

function makeAnsiWriter(theme: Theme): AnsiWriter {
	const byRole = roleStyles(theme);
	const byScope = syntaxStyles(theme);
	const layerCache = new Map<string, Layer | undefined>();
	const layer = (key: string, style: Style | undefined): Layer | undefined => {
		if (!layerCache.has(key)) {
			const brackets = style ? bracketsFor([style]) : none;
			layerCache.set(key, brackets.open === '' ? undefined : {key, ...brackets});
		}

		return layerCache.get(key);
	};

	const runLayers = new Map<string, readonly Layer[]>();
	const layersOf = (part: Run): readonly Layer[] => {
		const roles = part.roles;
		if (!roles || roles.length === 0) return noLayers;
		const key = part.scope === undefined ? roles.join(' ') : `${roles.join(' ')}#${part.scope}`;
		let found = runLayers.get(key);
		if (!found) {
			const layers: Layer[] = [];
			for (const role of roles) {
				if (role !== 'syntax') {
					const each = layer(role, byRole[role]);
					if (each) layers.push(each);
					continue;
				}

				// A scope chain, outermost first: `meta string`; `title.function` is drawn as `title`.
				for (const name of (part.scope ?? '').split(' ')) {
					const scope = name.split('.')[0] ?? '';
					const each = layer(`#${scope}`, byScope[scope]);
					if (each) layers.push(each);
				}
			}

			found = layers;
			runLayers.set(key, found);
		}

		return found;
	};

	// Styles nest as chalk nests them: from one run to the next only the layers that differ are
	// closed and opened; closing an inner layer can end an outer one's colour or weight (SGR 39
	// and 22 end every foreground and bold), so the layers kept are opened again after it.
	return line => {
		let out = '';
		let open: readonly Layer[] = noLayers;
		for (const part of line.runs) {
			const next = layersOf(part);
			if (next !== open) {
				let kept = 0;
				while (kept < open.length && kept < next.length && open[kept] === next[kept]) kept++;
				if (kept < open.length) {
					for (let i = open.length - 1; i >= kept; i--) out += open[i]?.close ?? '';
					for (let i = 0; i < kept; i++) out += next[i]?.open ?? '';
				}

				for (let i = kept; i < next.length; i++) out += next[i]?.open ?? '';
				open = next;
			}

			out += part.text;
		}

		for (let i = open.length - 1; i >= 0; i--) out += open[i]?.close ?? '';
		return out;
	};
}

/** The escapes a stack of styles writes before and after its text, found once by styling a stand-in. */
function bracketsFor(styles: readonly Style[]): Brackets {
	if (styles.length === 0) return none;
	let sample = '\u0000';
	for (let i = styles.length - 1; i >= 0; i--) sample = styles[i]?.(sample) ?? sample;
	const at = sample.indexOf('\u0000');
	return at === -1 ? none : {open: sample.slice(0, at), close: sample.slice(at + 1)};
}
