// The YAML block at the top of a deck. The splitter is ours because `---` is also the slide
// separator; the usual YAML (`key: value` lines, plainFrontMatter) is read here too, and anything
// else by the `yaml` package with aliases bounded.
import type * as Yaml from 'yaml';
import {sanitizeLine} from './sanitize.js';
import type {DeckMeta} from './types.js';
import {countNewlines} from './scan.js';

export class FrontMatterError extends Error {
	readonly line: number;
	constructor(message: string, line: number) {
		super(message);
		this.name = 'FrontMatterError';
		this.line = line;
	}
}

/** `intro`: the body opens with an introduction slide made from the front matter (presenterm, dialects/intro.ts). */
export type FrontMatter = Readonly<{meta: DeckMeta; body: string; bodyLine: number; intro?: boolean}>;

const emptyMeta: DeckMeta = {extra: {}};
const opening = /^---[ \t]*\n/;
const closing = /^(?:---|\.\.\.)[ \t]*$/m;
const maxFrontMatterChars = 64 * 1024;

/** Split off and read the front matter. `text` has LF line ends. Throws FrontMatterError. */
export function readFrontMatter(text: string): FrontMatter {
	if (!opening.test(text)) {
		return {meta: emptyMeta, body: text, bodyLine: 0};
	}

	const afterOpen = text.indexOf('\n') + 1;
	const rest = text.slice(afterOpen);
	const close = closing.exec(rest);
	if (!close) {
		throw new FrontMatterError('front matter opened by --- on line 1 is never closed: add a --- line after it', 1);
	}

	const yamlText = rest.slice(0, close.index);
	// Metadata is a few lines; a huge block is a mistake or an attack on the YAML parser.
	if (yamlText.length > maxFrontMatterChars) {
		throw new FrontMatterError(
			`front matter is ${Math.ceil(yamlText.length / 1024)} KiB, over the ${maxFrontMatterChars / 1024} KiB limit: keep it to the deck's metadata`,
			1,
		);
	}

	const closeEnd = afterOpen + close.index + close[0].length;
	const bodyStart = text[closeEnd] === '\n' ? closeEnd + 1 : closeEnd;
	const bodyLine = countNewlines(text, 0, bodyStart);
	return {meta: parseMeta(yamlText), body: text.slice(bodyStart), bodyLine};
}

/**
 * The YAML parser recurses once per level of nesting and reports running out of stack as
 * its error: say what the author can fix.
 */
function yamlProblem(message: string): string {
	return /maximum call stack/i.test(message) ? 'nesting too deep' : firstLine(message);
}

/** A mapping's line at its indent: a key (a letter or `_`, then letters, digits, `_`, `-`), `:`, and a value or none (a block follows). */
const keyLine = /^([A-Za-z_][A-Za-z0-9_-]*):(?: (.*))?$/;
/**
 * A plain value: it starts with a letter, a digit, `/`, `.`, `_` or `(` (no YAML indicator) and
 * ends with no space or colon, and holds no control character (nor `: ` or ` #`, which end it
 * or start a comment: readScalar looks): what YAML reads as one plain scalar.
 */
const plainValue =
	// biome-ignore lint/suspicious/noControlCharactersInRegex: C0 and C1 controls are what the value must not hold
	/^[A-Za-z0-9/._(](?:[^\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]*[^\x00-\x20\x7f-\x9f:\u2028\u2029\ufeff\ufffe\uffff])?$/;
/** A quoted value with nothing to unescape or fold: what is between the quotes. */
const quotedValue =
	// biome-ignore lint/suspicious/noControlCharactersInRegex: C0 and C1 controls are what the value must not hold
	/^(?:"([^"\\\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]*)"|'([^'\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]*)')$/;
/** The plain scalars YAML's core schema reads as booleans. */
const yamlBooleans: ReadonlyMap<string, boolean> = new Map(
	['true', 'True', 'TRUE', 'false', 'False', 'FALSE'].map(word => [word, word.toLowerCase() === 'true'] as const),
);
/** What is left to yaml: the words the core schema reads as null or special floats, and a key the parser treats apart. */
const yamlWords = new Set(['null', 'Null', 'NULL', '.inf', '.Inf', '.INF', '.nan', '.NaN', '.NAN', '__proto__']);
/** The numbers the core schema reads (integers, octal, hexadecimal, floats): yaml's own tests, together. */
const yamlNumber = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$/;
/** Whole numbers read exactly, as yaml reads them (parseInt). */
const wholeNumber = /^(?:0|[1-9][0-9]{0,14})$/;

type Plain = string | number | boolean | Plain[] | {[key: string]: Plain};

/**
 * The usual front matter read without the YAML parser: a mapping of `key: value` lines whose
 * values are plain or simply quoted text, whole numbers and booleans, or (a line `key:` alone)
 * a mapping or a list of `- value` lines indented further. It gives what `yaml` gives
 * (test/unit/front-matter-plain.test.ts holds the two equal; blank lines and comment lines
 * are skipped), or undefined for anything else (flow collections, block scalars, a comment
 * after a value, a value YAML reads as null or as a number that is not a small whole one,
 * escapes, control characters, a key given twice), which `yaml` reads (a deck that needs it
 * pays ~37 M instructions more, as the parser is then evaluated and compiled). Parsing the bundled lecture's four lines with `yaml` was
 * ~5 M of the first frame's ~168 M instructions (callgrind); and the start-up snapshot, whose
 * warm-up no longer runs the YAML parser, is 190 KB smaller (every start reads and checks it).
 */
export function plainFrontMatter(yamlText: string): Record<string, Plain> | undefined {
	// Blank lines and whole-line comments say nothing in a block mapping.
	const lines = yamlText.split('\n').filter(line => {
		const indent = indentOf(line);
		return indent < line.length && line.charCodeAt(indent) !== 35;
	});
	const at = {line: 0};
	const record = lines.length > 0 ? readMapping(lines, at, 0) : undefined;
	return at.line === lines.length ? record : undefined;
}

function indentOf(line: string): number {
	let indent = 0;
	while (line.charCodeAt(indent) === 32) indent++;
	return indent;
}

/** The block that follows `key:` on a line at `indent`: deeper, a mapping or a list. */
function readBlock(lines: readonly string[], at: {line: number}, indent: number): Plain | undefined {
	const next = lines[at.line];
	const deeper = next === undefined ? 0 : indentOf(next);
	if (next === undefined || deeper <= indent) return undefined;
	return next.startsWith('- ', deeper) ? readList(lines, at, deeper) : readMapping(lines, at, deeper);
}

function readMapping(lines: readonly string[], at: {line: number}, indent: number): Record<string, Plain> | undefined {
	const record: Record<string, Plain> = {};
	for (let line = lines[at.line]; line !== undefined && indentOf(line) >= indent; line = lines[at.line]) {
		const match = indentOf(line) === indent ? keyLine.exec(line.slice(indent)) : null;
		const key = match?.[1];
		if (key === undefined || yamlWords.has(key) || yamlBooleans.has(key) || Object.hasOwn(record, key)) return undefined;
		at.line++;
		const text = match?.[2];
		const value = text === undefined ? readBlock(lines, at, indent) : readScalar(text);
		if (value === undefined) return undefined;
		record[key] = value;
	}

	return record;
}

function readList(lines: readonly string[], at: {line: number}, indent: number): Plain[] | undefined {
	const items: Plain[] = [];
	for (let line = lines[at.line]; line !== undefined && indentOf(line) >= indent; line = lines[at.line]) {
		const value = indentOf(line) === indent && line.startsWith('- ', indent) ? readScalar(line.slice(indent + 2)) : undefined;
		if (value === undefined) return undefined;
		items.push(value);
		at.line++;
	}

	return items;
}

function readScalar(text: string): Plain | undefined {
	const quoted = quotedValue.exec(text);
	if (quoted) return quoted[1] ?? quoted[2];
	if (!plainValue.test(text) || text.includes(': ') || text.includes(' #') || yamlWords.has(text)) return undefined;
	const boolean = yamlBooleans.get(text);
	if (boolean !== undefined) return boolean;
	const code = text.charCodeAt(0);
	if ((code >= 48 && code <= 57) || code === 46) {
		if (wholeNumber.test(text)) return Number(text);
		if (yamlNumber.test(text)) return undefined;
	}

	return text;
}

/** The front matter read by `yaml`: what its document gives as JavaScript. Throws FrontMatterError. */
function readYaml(yamlText: string): unknown {
	// `maxAliasCount` bounds "billion laughs"; custom tags stay unresolved strings with a
	// warning instead of running anything.
	// The YAML parser is required here, on the first deck whose front matter needs it, not
	// imported: the bundle then evaluates its ~100 KB only when needed. Evaluating it at start-up
	// cost every command, decks without front matter too: `lectern --version` ran 865-871 M
	// instructions with it and 835-838 M without (callgrind; `node -e 0`: 507 M), ~3% of a
	// first frame's CPU in a profile. esbuild bundles a `require` like an import; vitest
	// provides one, and the bundle's banner defines one.
	const {parseDocument} = require('yaml') as typeof Yaml;
	const doc = parseDocument(yamlText, {prettyErrors: false, uniqueKeys: false});
	const error = doc.errors[0];
	if (error) {
		// `linePos` is only filled with prettyErrors (which rewrites the message), so count
		// lines up to the error's offset (an error at the end belongs to the last line of YAML);
		// line 1 of the file is the opening `---`.
		const line = countNewlines(yamlText, 0, Math.min(error.pos[0], yamlText.trimEnd().length)) + 2;
		throw new FrontMatterError(`front matter is not valid YAML: ${yamlProblem(error.message)}`, line);
	}

	try {
		return doc.toJS({maxAliasCount: 50});
	} catch (error_) {
		throw new FrontMatterError(`front matter is not valid YAML: ${yamlProblem((error_ as Error).message)}`, 2);
	}
}

function parseMeta(yamlText: string): DeckMeta {
	const value = plainFrontMatter(yamlText) ?? readYaml(yamlText);
	if (value === null || value === undefined) {
		return emptyMeta;
	}

	if (typeof value !== 'object' || Array.isArray(value)) {
		throw new FrontMatterError('front matter must be a YAML mapping such as "title: My talk"', 2);
	}

	const record = value as Record<string, unknown>;
	// Sanitised here, once: every output (status bar, print, outline, --json) shows these.
	const text = (key: string) => (record[key] === undefined || record[key] === null ? undefined : sanitizeLine(String(record[key])));
	const duration = Number(record['duration']);
	const extra: Record<string, unknown> = {};
	for (const [key, item] of Object.entries(record)) {
		if (!['title', 'author', 'date', 'theme', 'duration'].includes(key)) {
			extra[key] = item;
		}
	}

	return {
		title: text('title'),
		author: text('author'),
		date: record['date'] instanceof Date ? record['date'].toISOString().slice(0, 10) : text('date'),
		theme: text('theme'),
		duration: Number.isFinite(duration) && duration > 0 ? duration : undefined,
		extra,
	};
}

function firstLine(message: string): string {
	const [first = ''] = message.split('\n', 1);
	return first.trim();
}
