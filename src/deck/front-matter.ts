// The YAML block at the top of a deck. The splitter is ours because `---` is also the slide
// separator; the YAML itself is read by the `yaml` package with aliases bounded.
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

function parseMeta(yamlText: string): DeckMeta {
	// `maxAliasCount` bounds "billion laughs"; custom tags stay unresolved strings with a
	// warning instead of running anything.
	// The YAML parser is required here, on the first deck that has front matter, not imported:
	// the bundle then evaluates its ~100 KB only when needed. Evaluating it at start-up cost
	// every command, decks without front matter too: `lectern --version` ran 865-871 M
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

	let value: unknown;
	try {
		value = doc.toJS({maxAliasCount: 50});
	} catch (error_) {
		throw new FrontMatterError(`front matter is not valid YAML: ${yamlProblem((error_ as Error).message)}`, 2);
	}

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
