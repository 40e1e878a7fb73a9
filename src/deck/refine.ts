// What marked leaves as raw HTML or plain text that a terminal can still show as its author
// meant: a few inline HTML tags (`<br>` a line break; `<b>`, `<i>`, `<kbd>`… their text,
// styled where a terminal can), the same tags in HTML blocks, and GitHub's alerts
// (`> [!NOTE]`). Nothing else is interpreted: any other tag stays text, shown as written. Runs on lexed tokens, before they
// are sanitised and before elements-from-tokens.ts builds the deck's elements: together with
// parse.ts and that builder it is the one place that knows marked's tokens. A tag with an
// inline kind of its own (`<u>`, `<kbd>`, `<sub>`, `<sup>`) leaves its name on the token it
// becomes (`tag`), for the builder.
import type {Token} from 'marked';
import {lexBlocks, lexInline} from './block-lexer.js';
import {pushAll} from './arrays.js';
import type {RefinedTag} from './elements-from-tokens.js';
import {group, itemAt} from './checked.js';

/**
 * Inline tags whose text is shown: as which token, or `undefined` for the text alone. `text`:
 * a text token holding the inner tokens (drawn as they are; the builder reads its `tag`).
 */
const inlineTags: ReadonlyMap<string, 'strong' | 'em' | 'codespan' | 'del' | 'text' | undefined> = new Map([
	['b', 'strong'],
	['strong', 'strong'],
	['i', 'em'],
	['em', 'em'],
	['u', 'em'],
	['kbd', 'codespan'],
	['code', 'codespan'],
	['s', 'del'],
	['del', 'del'],
	['strike', 'del'],
	['sub', 'text'],
	['sup', 'text'],
	['span', undefined],
	['mark', undefined],
	['small', undefined],
	['ins', undefined],
]);

const refinedTags: ReadonlySet<string> = new Set<RefinedTag>(['u', 'kbd', 'sub', 'sup']);

const openTag = /^<([a-z]+)(?:\s[^<>]*)?>$/i;
const closeTag = /^<\/([a-z]+)\s*>$/i;
const lineBreak = /^<br\s*\/?>$/i;
const alertMarker = /^\[!(note|tip|important|warning|caution)\][ \t]*(?:\n|$)/i;

export const alertKinds: readonly string[] = ['note', 'tip', 'important', 'warning', 'caution'];

function plainText(tokens: readonly Token[]): string {
	return tokens
		.map(token => {
			const children = (token as {tokens?: Token[]}).tokens;
			return children ? plainText(children) : 'text' in token ? String(token.text) : '';
		})
		.join('');
}

/** One run of inline tokens with the tags above resolved (an open tag needs its close in the run). */
function refineInline(tokens: Token[]): Token[] {
	const out: Token[] = [];
	for (let i = 0; i < tokens.length; i++) {
		const token = itemAt(tokens, i);
		if (token.type !== 'html') {
			out.push(token);
			continue;
		}

		const raw = token.raw.trim();
		if (lineBreak.test(raw)) {
			out.push({type: 'br', raw: token.raw});
			// The space written after the tag would start the next line.
			const next = tokens[i + 1];
			if (next?.type === 'text' && !next.tokens) {
				tokens[i + 1] = {...next, raw: next.raw.trimStart(), text: next.text.trimStart()};
			}

			continue;
		}

		const name = openTag.exec(raw)?.[1]?.toLowerCase();
		const close =
			name && inlineTags.has(name)
				? tokens.findIndex((other, k) => k > i && other.type === 'html' && closeTag.exec(other.raw.trim())?.[1]?.toLowerCase() === name)
				: -1;
		if (!name || close === -1) {
			out.push(token);
			continue;
		}

		const inner = refineInline(tokens.slice(i + 1, close));
		const as = inlineTags.get(name);
		const tag: {tag?: RefinedTag} = refinedTags.has(name) ? {tag: name as RefinedTag} : {};
		if (as === 'codespan') {
			const text = plainText(inner);
			out.push({type: 'codespan', raw: text, text, ...tag} as Token);
		} else if (as) {
			out.push({type: as, raw: token.raw, text: plainText(inner), tokens: inner, ...tag} as Token);
		} else {
			pushAll(out, inner);
		}

		i = close;
	}

	return out;
}

/** Refine every token (in place): inline runs everywhere, HTML blocks, alerts in block quotes. */
export function refineTokens(tokens: Token[]): void {
	for (let i = 0; i < tokens.length; i++) {
		const token = readHtmlBlock(itemAt(tokens, i));
		tokens[i] = token;
		refineToken(token);
	}
}

/**
 * CommonMark's HTML blocks that hold verbatim text (`<pre>`, `<script>`, `<style>`,
 * `<textarea>`, `<?…`, `<!…`) are shown as written.
 */
const verbatimHtml = /^ {0,3}<(?:pre|script|style|textarea)(?:[\s>]|$)|^ {0,3}<[?!]/i;

/**
 * Any other HTML block (`<div>`, `<p>`, `<details>`… on lines of their own) is read line by
 * line as inline HTML, each source line a line of its own: the tags Lectern reads (`<b>x</b>`)
 * show their text, styled, and every other tag stays text, as in a paragraph.
 */
function readHtmlBlock(token: Token): Token {
	if (
		token.type !== 'html' ||
		!(token as {block?: boolean}).block ||
		// The comment first: verbatimHtml is case-insensitive, and a first slide whose HTML is
		// a directive comment need not compile it (0.5 M instructions of the lecture's first frame).
		token.raw.trimStart().startsWith('<!--') ||
		verbatimHtml.test(token.raw)
	) {
		return token;
	}

	const lines = token.text.trimEnd().split('\n');
	const inline: Token[] = [];
	for (const [i, line] of lines.entries()) {
		if (i > 0) inline.push({type: 'br', raw: '\n'});
		pushAll(inline, refineInline(lexInline(line.trim())));
	}

	return {type: 'paragraph', raw: token.raw, text: token.text, tokens: inline} as Token;
}

function refineToken(token: Token): void {
	const record = token as Record<string, unknown>;
	if (token.type === 'blockquote') {
		markAlert(token as Token & {tokens: Token[]});
	}

	const children = record['tokens'];
	if (Array.isArray(children)) {
		for (let i = 0; i < children.length; i++) children[i] = readHtmlBlock(children[i] as Token);
		if (children.some(child => (child as Token).type === 'html' && !(child as {block?: boolean}).block)) {
			record['tokens'] = refineInline(children as Token[]);
		}

		const refined = record['tokens'] as Token[];
		for (let i = 0; i < refined.length; i++) refineToken(itemAt(refined, i));
	}

	// Indexes, not for…of: every token of every slide comes here (see parse.ts sanitizeToken).
	const items = record['items'];
	if (Array.isArray(items)) {
		for (let i = 0; i < items.length; i++) refineToken(items[i] as Token);
	}

	const header = record['header'];
	if (Array.isArray(header)) {
		for (let i = 0; i < header.length; i++) refineToken(header[i] as Token);
	}

	const rows = record['rows'];
	if (Array.isArray(rows)) {
		for (let r = 0; r < rows.length; r++) {
			const row = rows[r] as Token[];
			for (let i = 0; i < row.length; i++) refineToken(itemAt(row, i));
		}
	}
}

/** `> [!NOTE]` as its first line: the quote becomes a labelled callout. */
function markAlert(quote: Token & {tokens: Token[]}): void {
	const first = quote.tokens[0];
	if (first?.type !== 'paragraph') {
		return;
	}

	const marker = alertMarker.exec(first.raw);
	if (!marker) {
		return;
	}

	const rest = first.raw.slice(marker[0].length);
	(quote as {alert?: string}).alert = group(marker, 1).toLowerCase();
	quote.tokens = [...(rest.trim() === '' ? [] : lexBlocks(rest)), ...quote.tokens.slice(1)];
}
