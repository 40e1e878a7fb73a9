// One Markdown block → styled lines, with marked-terminal as the renderer. marked-terminal
// measures with `.length` and passes raw HTML through, so it never wraps (reflowText off) and
// never sees unsanitised text: wrapping happens afterwards in cells, and tokens were
// sanitised in deck/parse.ts. Links always show their target; code is highlighted by the
// injected highlighter only. Tables are drawn here with cli-table3 (as marked-terminal does,
// but with each column's alignment, which marked-terminal drops).
import Table from 'cli-table3';
import {Marked, type Token, type Tokens} from 'marked';
import {markedTerminal} from 'marked-terminal';
import {decodeBasicEntities} from '../deck/plain.js';
import {themedCodeLines} from './code.js';
import {writeAnsi} from './write.js';
import {renderList} from './list.js';
import {styles, type Theme} from './theme.js';
import {stripStyles, wrapHanging} from './text.js';
import {pushAll} from '../deck/arrays.js';

const renderers = new Map<string, Marked>();

function rendererFor(width: number, theme: Theme): Marked {
	const key = `${width}|${theme.id}`;
	let marked = renderers.get(key);
	if (marked) {
		return marked;
	}

	const s = styles(theme);
	const options = {
		code: s.code,
		blockquote: s.quote,
		html: s.html,
		heading: s.heading,
		firstHeading: s.heading,
		hr: s.dim,
		// Not chalk.reset (marked-terminal's default): its close code is its open code, so each
		// nesting level doubles the escapes (a 16-deep list made half a megabyte per line).
		listitem: (text: string) => text,
		table: (text: string) => text,
		paragraph: (text: string) => text,
		strong: s.strong,
		em: s.em,
		codespan: s.code,
		del: s.strike,
		link: s.link,
		href: s.href,
		text: (text: string) => text,
		unescape: true,
		emoji: false,
		width,
		showSectionPrefix: false,
		reflowText: false,
		tab: 2,
	};
	marked = new Marked(markedTerminal(options as never) as never);
	marked.use({
		renderer: {
			// marked-terminal prints a text token's source and ignores its inline tokens, which
			// left `**bold**` and backticks raw in tight list items.
			text(token: Tokens.Text | Tokens.Escape) {
				return 'tokens' in token && token.tokens ? this.parser.parseInline(token.tokens) : token.text;
			},
			link(token: Tokens.Link) {
				const text = this.parser.parseInline(token.tokens);
				const target = s.href(token.href);
				return stripStyles(text) === token.href ? target : `${s.link(text)} (${target})`;
			},
			hr() {
				return s.dim(theme.glyphs.horizontal.repeat(Math.max(1, width))) + '\n\n';
			},
			code(token: Tokens.Code) {
				const lang = (token.lang ?? '').trim().split(/\s+/)[0] ?? '';
				return (
					themedCodeLines(token.text, lang, theme)
						.map(line => writeAnsi(line, theme))
						.join('\n') + '\n\n'
				);
			},
			html(token: Tokens.HTML | Tokens.Tag) {
				// A block of nothing but <br> tags is an empty line; other HTML shows as written.
				if (/^\s*(?:<br\s*\/?>\s*)+$/i.test(token.text)) {
					return '\n';
				}

				return /^\s*<!--/.test(token.text) ? '' : s.html(token.text);
			},
			image(token: Tokens.Image) {
				return s.dim(`[image: ${token.text || token.href}]`);
			},
			// marked-terminal hides a code span's colons from its emoji pass (off here) behind a
			// placeholder that only some of its callers put back; a table header showed it.
			codespan(token: Tokens.Codespan) {
				return s.code(token.text);
			},
			table(token: Tokens.Table) {
				const decoded = withDecodedCells(token);
				const cell = (value: Tokens.TableCell) => this.parser.parseInline(value.tokens);
				// `:---`, `:---:` and `---:` in the delimiter row; cli-table3 pads in cells (string-width).
				const table = new Table({
					head: decoded.header.map(cell),
					colAligns: decoded.align.map(align => align ?? 'left'),
					style: {head: [], border: []},
					chars: theme.ascii ? asciiTableChars : undefined,
				});
				for (const row of decoded.rows) {
					table.push(row.map(cell));
				}

				return onlyHeaderRule(table.toString()) + '\n\n';
			},
		},
	});
	// Bounded: a resize storm creates one renderer per width.
	if (renderers.size > 32) {
		renderers.delete(renderers.keys().next().value!);
	}

	renderers.set(key, marked);
	return marked;
}

/** cli-table3 rules off every body row; a table keeps only the rule under its header. */
function onlyHeaderRule(table: string): string {
	const lines = table.split('\n');
	const rule = /^(?:\u001B\[[\d;]*m)*[├+]/;
	let rules = 0;
	return lines.filter((line, i) => i === 0 || i === lines.length - 1 || !rule.test(line) || ++rules === 1).join('\n');
}

const asciiTableChars = {
	top: '-',
	'top-mid': '+',
	'top-left': '+',
	'top-right': '+',
	bottom: '-',
	'bottom-mid': '+',
	'bottom-left': '+',
	'bottom-right': '+',
	left: '|',
	'left-mid': '+',
	mid: '-',
	'mid-mid': '+',
	right: '|',
	'right-mid': '+',
	middle: '|',
};

/**
 * marked keeps entities in text (`&amp;`) for an HTML renderer; a table's cells are decoded
 * here, before cli-table3 measures them.
 */
function withDecodedCells(table: Tokens.Table): Tokens.Table {
	const decode = (tokens: Token[]): Token[] =>
		tokens.map(inline => {
			const children = (inline as {tokens?: Token[]}).tokens;
			if (children) {
				return {...inline, tokens: decode(children)} as Token;
			}

			return inline.type === 'text' || inline.type === 'codespan' ? ({...inline, text: decodeBasicEntities(inline.text)} as Token) : inline;
		});
	const decodeCell = (cell: Tokens.TableCell): Tokens.TableCell => ({...cell, tokens: decode(cell.tokens)});
	return {...table, header: table.header.map(decodeCell), rows: table.rows.map(row => row.map(decodeCell))};
}

/**
 * A block quote: its blocks rendered as usual, two cells narrower, behind a quote bar.
 * (marked-terminal indents a quote's first line differently from the rest, which turned a
 * quoted list's second item into a nested one.)
 */
function renderQuote(token: Tokens.Blockquote, width: number, theme: Theme): string[] {
	const s = styles(theme);
	// Deeply nested quotes stop adding bars once little width is left, so they stay in it.
	const barred = width - 2 >= minQuoteWidth;
	const inner = barred ? width - 2 : width;
	const blocks = token.tokens.filter(block => block.type !== 'space');
	const lines = blocks.flatMap((block, i) => [...(i > 0 ? [''] : []), ...renderMarkdownBlock(block, inner, theme)]);
	// A GitHub alert (`> [!NOTE]`) opens with its label; parse.ts took the marker out.
	const alert = (token as {alert?: string}).alert;
	if (alert) {
		lines.unshift(s.strong(alertLabel(alert, theme)));
	}

	const bar = s.quote(theme.glyphs.vertical);
	return barred ? lines.map((line, i) => (line === '' ? bar : `${bar} ${alert && i === 0 ? line : s.quote(line)}`)) : lines;
}

const minQuoteWidth = 10;

const alertIcons: Readonly<Record<string, string>> = {note: 'ℹ', tip: '✱', important: '❢', warning: '⚠', caution: '⛔'};

function alertLabel(alert: string, theme: Theme): string {
	const name = alert[0]!.toUpperCase() + alert.slice(1);
	return theme.ascii ? `${name.toUpperCase()}:` : `${alertIcons[alert] ?? '!'} ${name}`;
}

/**
 * Render one block token to lines no wider than `width` (tables may be wider: callers clip).
 * `depth`: how deep in lists the block sits, for the bullet glyph.
 */
export function renderMarkdownBlock(token: Token, width: number, theme: Theme, depth = 0): string[] {
	if (token.type === 'blockquote') {
		return renderQuote(token as Tokens.Blockquote, width, theme);
	}

	if (token.type === 'list') {
		return renderList(token as Tokens.List, width, theme, depth, renderMarkdownBlock);
	}

	const marked = rendererFor(width, theme);
	const rendered = marked.parser([token]) as string;
	const lines = rendered.replace(/\n+$/, '').split('\n');
	const out: string[] = [];
	for (const line of lines) {
		if (token.type === 'table') {
			out.push(line);
		} else {
			pushAll(out, wrapHanging(line, width));
		}
	}

	return out;
}
