// rst inline markup → Markdown: emphasis, strong, inline literals, links and targets,
// interpreted text with roles (shown as text, or as code for the code-like roles), footnote
// references and substitutions. Everything else is text, escaped so Markdown shows it as is.
// Linear: a search for a closing delimiter that fails is remembered, never repeated.
import {group} from '../../deck/checked.js';
import {normalizeName} from './nodes.js';

export type InlineContext = {
	readonly targets: ReadonlyMap<string, string>;
	readonly anonymousTargets: readonly string[];
	readonly substitutions: ReadonlyMap<string, string>;
	/** How many anonymous references (`__`) were used so far: they take targets in order. */
	anonymousUsed: number;
};

const codeRoles = new Set([
	'literal',
	'code',
	'samp',
	'file',
	'command',
	'program',
	'kbd',
	'envvar',
	'option',
	'makevar',
	'regexp',
	'mimetype',
	'math',
	'func',
	'meth',
	'class',
	'attr',
	'mod',
	'data',
	'exc',
	'obj',
	'const',
	'var',
	'type',
	'macro',
	'member',
	'enum',
	'struct',
	'token',
	'keyword',
]);
const emphasisRoles = new Set(['emphasis', 'title-reference', 'title', 't', 'dfn']);

const startBefore = /[\s\-:/'"<([{\p{Ps}\p{Pi}\p{Pd}\p{Po}]/u;
const endAfter = /[\s\-.,:;!?\\/'")\]}>\p{Pe}\p{Pf}\p{Pd}\p{Po}]/u;
// Sticky: each is tried at one position of the text, never on a copy of the rest.
const rolePrefix = /:([A-Za-z0-9][-\w.+:]{0,60}):`/y;
const backquoteSuffix = /(?:__|_|:[A-Za-z0-9][-\w.+:]{0,60}:)?/y;
/** A run of the characters a simple reference name (`name_`) is made of. */
const nameRun = /[-\w.:+]*/y;
const simpleReference = /^([A-Za-z0-9]+(?:[-_.:+][A-Za-z0-9]+)*)(__?)$/;
const footnoteReference = /\[(#?\w{0,60}|\*|\d{1,9})\]_/y;
const substitutionSuffix = /_{0,2}/y;
const wordRun = /[\p{L}\p{N}]+/uy;
const url = /(?:https?|ftp|mailto):[^\s<>"]*[^\s<>".,:;!?)\]}'"]/y;

function matchAt(pattern: RegExp, text: string, position: number): RegExpExecArray | null {
	pattern.lastIndex = position;
	return pattern.exec(text);
}

/** What a sticky pattern matches at `position` ('' where nothing: most of these match the empty string too). */
function runAt(pattern: RegExp, text: string, position: number): string {
	return matchAt(pattern, text, position)?.[0] ?? '';
}

export function inlineToMarkdown(text: string, context: InlineContext): string {
	return new InlineReader(text, context).read();
}

class InlineReader {
	private readonly noEnd = new Map<string, number>();
	private nameRunEnd = 0;
	private out = '';
	private plain = '';
	private readonly text: string;
	private readonly context: InlineContext;
	constructor(text: string, context: InlineContext) {
		this.text = text;
		this.context = context;
	}

	read(): string {
		const {text} = this;
		let p = 0;
		while (p < text.length) {
			p = this.step(p);
		}

		this.flush();
		return escapeLineStarts(this.out);
	}

	/** Handle what starts at `p`; returns the next position. */
	private step(p: number): number {
		const {text} = this;
		const char = text.charAt(p);
		if (char === '\\') {
			const next = text[p + 1];
			if (next !== undefined && !/\s/.test(next)) {
				this.plain += next;
			}

			return p + 2;
		}

		const canStart = p === 0 || startBefore.test(text.charAt(p - 1));
		if (canStart) {
			const end = this.markup(p);
			if (end !== undefined) {
				return end;
			}
		}

		const link = canStart ? matchAt(url, text, p) : null;
		if (link) {
			this.emit(`<${link[0]}>`);
			return p + link[0].length;
		}

		// The rest of a word cannot start markup (a letter or digit comes before): take it whole.
		const word = /[\p{L}\p{N}]/u.test(char) ? runAt(wordRun, text, p) : char;
		this.plain += word;
		return p + word.length;
	}

	private markup(p: number): number | undefined {
		const {text} = this;
		if (text.startsWith('``', p)) {
			const end = this.findEnd('``', p + 2);
			return end === undefined ? undefined : this.emitCode(text.slice(p + 2, end), end + 2);
		}

		const role = matchAt(rolePrefix, text, p);
		if (role) {
			return this.interpreted(p + role[0].length - 1, group(role, 1));
		}

		if (text[p] === '`') {
			return this.interpreted(p, undefined);
		}

		for (const [marker, wrap] of [
			['**', '**'],
			['*', '*'],
		] as const) {
			if (text.startsWith(marker, p) && !text.startsWith('***', p)) {
				const end = this.findEnd(marker, p + marker.length);
				if (end !== undefined) {
					// rst inline markup does not nest: the inside is text.
					this.emit(`${wrap}${escapeText(text.slice(p + marker.length, end))}${wrap}`);
					return end + marker.length;
				}
			}
		}

		const footnote = matchAt(footnoteReference, text, p);
		if (footnote && this.endsWell(p + footnote[0].length)) {
			this.plain += `[${footnote[1]}]`;
			return p + footnote[0].length;
		}

		if (text[p] === '|') {
			const end = this.findEnd('|', p + 1);
			if (end !== undefined) {
				const name = text.slice(p + 1, end);
				const value = this.context.substitutions.get(normalizeName(name));
				this.emit(value === undefined ? escapeText(`|${name}|`) : inlineToMarkdown(value, this.context));
				return end + 1 + runAt(substitutionSuffix, text, end + 1).length;
			}
		}

		// A name run is scanned once: a start inside a run already seen ends where it ended.
		if (p >= this.nameRunEnd) {
			const whole = runAt(nameRun, text, p);
			this.nameRunEnd = p + whole.length;
			// Trailing punctuation ends a sentence, not the name: `see Python_.`
			const run = whole.replace(/[-.:+]+$/, '');
			const reference = run.endsWith('_') ? simpleReference.exec(run) : null;
			if (reference && this.endsWell(p + run.length)) {
				this.reference(group(reference, 1), group(reference, 1), reference[2] === '__');
				return p + run.length;
			}
		}

		return undefined;
	}

	/** Interpreted text or a phrase reference whose opening backquote is at `p`. */
	private interpreted(p: number, role: string | undefined): number | undefined {
		const {text} = this;
		const end = this.findEnd('`', p + 1);
		if (end === undefined) {
			return undefined;
		}

		const body = text.slice(p + 1, end);
		const suffix = runAt(backquoteSuffix, text, end + 1);
		const next = end + 1 + suffix.length;
		if (suffix === '_' || suffix === '__') {
			const embedded = /^([\s\S]*?)\s*<([^<>]+)>$/.exec(body);
			const label = embedded ? group(embedded, 1) : body;
			const target = embedded ? group(embedded, 2) : undefined;
			if (target !== undefined && !target.endsWith('_')) {
				this.emitLink(label === '' ? target : label, target.replaceAll(/\s+/g, ''));
			} else {
				// An empty label comes only with a target (`<name_>`_): the reference is by that name.
				this.reference(label || (target ?? ''), label, suffix === '__');
			}

			return next;
		}

		const name = role ?? (suffix === '' ? undefined : suffix.slice(1, -1));
		const shown = /^([\s\S]*?)\s*<[^<>]+>$/.exec(body)?.[1] || body;
		if (name !== undefined && codeRoles.has(name.replace(/^\w+:/, ''))) {
			return this.emitCode(body, next);
		}

		if (name === 'strong') {
			this.emit(`**${escapeText(body)}**`);
		} else if (name === undefined || emphasisRoles.has(name)) {
			this.emit(`*${escapeText(shown)}*`);
		} else if (name === 'pep' || name === 'rfc') {
			this.plain += `${name.toUpperCase()} ${shown}`;
		} else {
			this.plain += shown;
		}

		return next;
	}

	private reference(label: string, name: string, anonymous: boolean): void {
		const target = anonymous ? this.context.anonymousTargets[this.context.anonymousUsed++] : this.context.targets.get(normalizeName(name));
		if (target === undefined) {
			this.plain += label;
		} else {
			this.emitLink(label, target);
		}
	}

	private emitLink(label: string, target: string): void {
		this.emit(label === target ? `<${target}>` : `[${escapeText(label)}](<${target.replaceAll(/[<>]/g, encodeURIComponent)}>)`);
	}

	private emitCode(code: string, next: number): number {
		const flat = code.replaceAll('\n', ' ');
		let longest = 0;
		for (const run of flat.matchAll(/`+/g)) {
			longest = Math.max(longest, run[0].length);
		}

		const fence = '`'.repeat(longest + 1);
		const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
		this.emit(`${fence}${pad}${flat}${pad}${fence}`);
		return next;
	}

	/** Where `marker` closes, searching from `from`: preceded by non-space, followed by an end character. */
	private findEnd(marker: string, from: number): number | undefined {
		const {text} = this;
		if (from >= text.length || /\s/.test(text.charAt(from))) {
			return undefined;
		}

		const limit = this.noEnd.get(marker) ?? text.length;
		if (from >= limit) {
			return undefined;
		}

		// The inside is never empty: the search starts one past the first character.
		for (let q = text.indexOf(marker, from + 1); q !== -1 && q < limit; q = text.indexOf(marker, q + 1)) {
			const after = marker === '`' ? q + 1 + runAt(backquoteSuffix, text, q + 1).length : q + marker.length;
			if (!/\s/.test(text.charAt(q - 1)) && text[q - 1] !== '\\' && this.endsWell(after) && (marker !== '*' || text[q + 1] !== '*')) {
				return q;
			}
		}

		this.noEnd.set(marker, from);
		return undefined;
	}

	private endsWell(position: number): boolean {
		return position >= this.text.length || endAfter.test(this.text.charAt(position));
	}

	private emit(markdown: string): void {
		this.flush();
		this.out += markdown;
	}

	private flush(): void {
		this.out += escapeText(this.plain);
		this.plain = '';
	}
}

/** Plain text → Markdown that shows exactly that text. */
export function escapeText(text: string): string {
	if (!/[\\`*[\]<>~|&_]/.test(text)) {
		return text;
	}

	return (
		text
			.replaceAll(/[\\`*[\]<>~|]/g, '\\$&')
			.replaceAll(/&(?=#?\w+;)/g, '\\&')
			// `_` inside a word (snake_case) is never emphasis, so it stays readable.
			.replaceAll(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\\_')
	);
}

/**
 * A line that would start a Markdown block (heading, list, quote, rule) or mean something to
 * Lectern (a line starting `Note:` or `???` starts notes, `:::` closes them) is escaped.
 */
export function escapeLineStarts(markdown: string): string {
	if (!/^[ \t]*[#>+=\-\d?:n]/im.test(markdown)) {
		return markdown;
	}

	return markdown
		.replaceAll(/^([ \t]*)([#>+=-]|\d+(?=[.)]))/gm, (_match, space: string, start: string) =>
			/\d/.test(start) ? `${space}${start}\\` : `${space}\\${start}`,
		)
		.replaceAll(/^([ \t]*)(notes?):/gim, '$1$2\\:')
		.replaceAll(/^([ \t]*)(\?\?\?|:::)/gm, '$1\\$2');
}
