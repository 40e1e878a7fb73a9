// marked's tokens → the deck's own elements (elements.ts): the one place past which no marked
// `Token` travels. It runs after refine.ts (inline HTML tags and alerts resolved on the tokens)
// and after the tokens were sanitised (parse.ts), so every string it copies is already safe.
//
// Entities: marked 18 leaves `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&#39;` (and `&nbsp;`) in text
// and code spans for an HTML renderer; they are decoded here, once per token, so an element's
// text is what a reader sees (an escaped `\&` stays a `&` and is never decoded again). Code
// blocks and raw HTML are kept as written.
//
// Cost: one visit per token; the recursion follows the tokens' own nesting, which the guards in
// limits.ts (nesting cap) bound before marked ever builds it.
import type {Token, Tokens} from 'marked';
import {lexInline} from './block-lexer.js';
import type {Dialect} from './dialects/dialect.js';
import {readFenceInfo} from './dialects/fence-info.js';
import type {AlertKind, Alignment, Element, Inline, ListItem} from './elements.js';
import {cutLongLines, parseHazard} from './limits.js';
import {itemAt} from './checked.js';

/** Fence info strings drawn verbatim: never wrapped, never highlighted. */
export const diagramLanguages: ReadonlySet<string> = new Set(['diagram', 'text', 'ascii', 'txt', 'plain', 'plaintext']);

const entities: Readonly<Record<string, string>> = {'&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&nbsp;': ' '};

/** The few entities marked leaves in text for an HTML renderer, decoded (others stay as written). */
export function decodeBasicEntities(text: string): string {
	return text.includes('&') ? text.replace(/&(?:amp|lt|gt|quot|#39|nbsp);/g, entity => entities[entity] ?? entity) : text;
}

/** What refine.ts marks a token built from an inline HTML tag with, when the tag has its own inline kind. */
export type RefinedTag = 'u' | 'kbd' | 'sub' | 'sup';

const alertKinds: ReadonlySet<string> = new Set<AlertKind>(['note', 'tip', 'important', 'warning', 'caution']);

/** Block tokens → elements. Spacing, link definitions and HTML comments yield nothing. */
export function elementsFromTokens(tokens: readonly Token[], dialect?: Dialect): Element[] {
	const out: Element[] = [];
	for (const token of tokens) {
		const element = elementFromToken(token, dialect);
		if (element) {
			out.push(element);
		}
	}

	return out;
}

/** One block token → its element, or undefined for a token that shows nothing. */
export function elementFromToken(token: Token, dialect?: Dialect): Element | undefined {
	switch (token.type) {
		case 'space':
		case 'def':
		case 'checkbox': {
			return undefined;
		}

		case 'heading': {
			return {kind: 'heading', depth: token.depth, inlines: inlinesOf(token)};
		}

		// A tight list item's text is a paragraph of its own.
		case 'paragraph':
		case 'text': {
			return {kind: 'paragraph', inlines: inlinesOf(token)};
		}

		case 'list': {
			return listElement(token as Tokens.List, dialect);
		}

		case 'table': {
			return tableElement(token as Tokens.Table, dialect);
		}

		case 'code': {
			return codeElement(token as Tokens.Code, dialect);
		}

		case 'blockquote': {
			const children = elementsFromTokens(token.tokens ?? [], dialect);
			const alert = (token as {alert?: string}).alert;
			return alert !== undefined && alertKinds.has(alert)
				? {kind: 'alert', alert: alert as AlertKind, children}
				: {kind: 'quote', children};
		}

		case 'hr': {
			return {kind: 'rule'};
		}

		case 'html': {
			return isComment(token.text) ? undefined : {kind: 'html', text: token.text};
		}

		default: {
			// A token type this builder does not know (a marked upgrade, an extension): its text, as text.
			const text = typeof (token as {text?: unknown}).text === 'string' ? (token as {text: string}).text : '';
			return text === '' ? undefined : {kind: 'paragraph', inlines: [{kind: 'text', text}]};
		}
	}
}

/**
 * A code token → code or a diagram (by its fence's language); the lines the dialect hides
 * from the audience are left out. Only a fenced block has an info string, so only it has line
 * numbers and highlights (which number the lines shown); a verbatim block with highlights is
 * code, so that each of its steps shows. Tabs were expanded when the token was sanitised.
 */
export function codeElement(code: Tokens.Code, dialect?: Dialect): Extract<Element, {kind: 'code' | 'diagram'}> {
	const info = readFenceInfo(code.lang ?? '');
	const lang = info.lang;
	const hidden = dialect?.hiddenCodeLine;
	const text = hidden
		? code.text
				.split('\n')
				.filter(line => !hidden(line, lang))
				.join('\n')
		: code.text;
	const fenced = /^ {0,3}(?:```|~~~)/.test(code.raw);
	const highlights = fenced ? info.highlights : undefined;
	if (diagramLanguages.has(lang) && !highlights) {
		return {kind: 'diagram', lines: text.split('\n')};
	}

	return {
		kind: 'code',
		lang,
		text,
		...(fenced && info.lineNumbers ? {lineNumbers: true} : {}),
		...(fenced && info.lineStart !== undefined ? {lineStart: info.lineStart} : {}),
		...(highlights ? {highlights} : {}),
	};
}

function listElement(list: Tokens.List, dialect: Dialect | undefined): Element {
	const start = list.ordered && list.start !== '' ? Number(list.start) : 1;
	const items = list.items.map(
		(item): ListItem => ({
			...(item.task ? {checked: item.checked === true} : {}),
			children: elementsFromTokens(item.tokens, dialect),
		}),
	);
	return {kind: 'list', ordered: list.ordered, start: Number.isFinite(start) ? start : 1, loose: list.loose, items};
}

/**
 * A table token → a table. A header of blank cells is no header (pandoc's rule for pipe
 * tables, and what a Markdown author writing one means). In a dialect that reads pandoc's
 * tables, the delimiter row's dashes are the columns' relative widths, for wrapping a table
 * wider than the slide (pandoc-tables.ts writes them so).
 */
function tableElement(table: Tokens.Table, dialect?: Dialect): Element {
	const cell = (value: Tokens.TableCell) => inlinesFromTokens(value.tokens);
	const header = table.header.map(cell);
	const blank = header.every(inlines => inlines.every(inline => inline.kind === 'text' && inline.text.trim() === ''));
	const widths = dialect?.pandocTables === true ? dashWidths(table.raw, table.align.length) : undefined;
	return {
		kind: 'table',
		align: table.align.map((align): Alignment => align ?? undefined),
		header: blank ? [] : header,
		rows: table.rows.map(row => row.map(cell)),
		...(widths ? {widths} : {}),
	};
}

/** The dashes of each column in a pipe table's delimiter row (its second line), when there is one per column. */
function dashWidths(raw: string, columns: number): number[] | undefined {
	const start = raw.indexOf('\n') + 1;
	const end = raw.indexOf('\n', start);
	const cells = raw
		.slice(start, end === -1 ? raw.length : end)
		.split('|')
		.map(text => text.trim())
		.filter(text => text !== '');
	if (cells.length !== columns || !cells.every(text => /^:?-+:?$/.test(text))) return undefined;
	return cells.map(text => text.replaceAll(':', '').length);
}

/**
 * A block token's inline content: its inline tokens, or its text when it has none. A
 * paragraph's final whitespace is not content (marked leaves a line end there, which the
 * sanitiser made a space).
 */
function inlinesOf(token: Token): Inline[] {
	const children = (token as {tokens?: Token[]}).tokens;
	if (children) {
		const inlines = inlinesFromTokens(children);
		const last = inlines.at(-1);
		if (last?.kind === 'text' && last.text !== last.text.trimEnd()) {
			const trimmed = last.text.trimEnd();
			if (trimmed === '') {
				inlines.pop();
			} else {
				inlines[inlines.length - 1] = {kind: 'text', text: trimmed};
			}
		}

		return inlines;
	}

	const text = (token as {text?: string}).text ?? '';
	return text === '' ? [] : [{kind: 'text', text: decodeBasicEntities(text)}];
}

/** Inline tokens → inline spans; neighbouring text is joined into one span. */
export function inlinesFromTokens(tokens: readonly Token[]): Inline[] {
	const out: Inline[] = [];
	// Indexes, not for…of: see parse.ts sanitizeToken (every inline token of every slide).
	for (let i = 0; i < tokens.length; i++) {
		pushInline(out, itemAt(tokens, i));
	}

	return out;
}

function pushText(out: Inline[], text: string): void {
	if (text === '') {
		return;
	}

	const last = out.at(-1);
	if (last?.kind === 'text') {
		out[out.length - 1] = {kind: 'text', text: last.text + text};
	} else {
		out.push({kind: 'text', text});
	}
}

function pushInline(out: Inline[], token: Token): void {
	const tag = (token as {tag?: RefinedTag}).tag;
	switch (token.type) {
		case 'text': {
			const children = (token as Tokens.Text).tokens;
			if (!children) {
				pushText(out, decodeBasicEntities(token.text));
			} else if (tag === 'sub' || tag === 'sup') {
				out.push({kind: tag, children: inlinesFromTokens(children)});
			} else {
				for (let i = 0; i < children.length; i++) {
					pushInline(out, itemAt(children, i));
				}
			}

			return;
		}

		// `\*`: the character itself, never decoded again.
		case 'escape': {
			pushText(out, token.text);
			return;
		}

		case 'strong':
		case 'em':
		case 'del': {
			const kind = token.type === 'del' ? 'strike' : token.type === 'em' && tag === 'u' ? 'underline' : token.type;
			out.push({kind, children: inlinesFromTokens((token as Tokens.Strong).tokens ?? [])});
			return;
		}

		case 'codespan': {
			const text = decodeBasicEntities(token.text);
			out.push(tag === 'kbd' ? {kind: 'kbd', children: [{kind: 'text', text}]} : {kind: 'code', text});
			return;
		}

		case 'link': {
			const link = token as Tokens.Link;
			out.push({kind: 'link', href: decodeBasicEntities(link.href), children: inlinesFromTokens(link.tokens ?? [])});
			return;
		}

		case 'image': {
			const image = token as Tokens.Image;
			out.push({kind: 'image', alt: decodeBasicEntities(image.text), href: decodeBasicEntities(image.href)});
			return;
		}

		case 'br': {
			out.push({kind: 'break'});
			return;
		}

		case 'html': {
			if (!isComment(token.text)) {
				out.push({kind: 'html', text: token.text});
			}

			return;
		}

		case 'checkbox': {
			return;
		}

		default: {
			const children = (token as {tokens?: Token[]}).tokens;
			if (children) {
				for (const child of children) {
					pushInline(out, child);
				}
			} else if (typeof (token as {text?: unknown}).text === 'string') {
				pushText(out, (token as {text: string}).text);
			}
		}
	}
}

function isComment(html: string): boolean {
	return /^\s*<!--[\s\S]*-->\s*$/.test(html);
}

/**
 * One line of inline Markdown (a title, a quiz choice) as inline spans, behind the same guards
 * as a slide's Markdown (limits.ts): kept as written when marked could take seconds on it.
 * Not sanitised: callers sanitise what they make of it.
 */
export function inlineMarkdown(markdown: string): Inline[] {
	const cut = cutLongLines(markdown).text;
	if (isPlainInline(cut)) return cut === '' ? [] : [{kind: 'text', text: cut}];
	return parseHazard(cut) === undefined ? inlinesFromTokens(lexInline(cut)) : [{kind: 'text', text: cut}];
}

/**
 * No character that starts inline Markdown in marked's GFM grammar (escapes, code, emphasis,
 * strikethrough, links, images, HTML, entities, e-mail and `http:`/`www.` autolinks, line
 * breaks): marked would read the text as one text token, so it is that without the lexer.
 * Most titles are such text, and a list of every slide's title (print, outline, search, export)
 * lexed each one.
 */
const inlineSyntax = /[\\`*_~[\]!<>&@:\n\r]|www\./i;

export function isPlainInline(text: string): boolean {
	return !inlineSyntax.test(text);
}
