// Tokens → plain text, for titles, search and the status bar: what a reader would type to
// find the words, without Markdown punctuation.
import {Lexer, type Token} from 'marked';
import {pushAll} from './arrays.js';
import {cutLongLines, parseHazard} from './limits.js';

const entities: Readonly<Record<string, string>> = {'&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&nbsp;': ' '};

export function decodeBasicEntities(text: string): string {
	return text.includes('&') ? text.replace(/&(?:amp|lt|gt|quot|#39|nbsp);/g, entity => entities[entity] ?? entity) : text;
}

export function inlineToPlain(tokens: readonly Token[]): string {
	let out = '';
	for (const token of tokens) {
		const children = (token as {tokens?: Token[]}).tokens;
		if (token.type === 'link') {
			const text = children ? inlineToPlain(children) : token.text;
			out += text === token.href ? text : `${text} (${token.href})`;
		} else if (token.type === 'image') {
			out += token.text;
		} else if (token.type === 'br') {
			out += ' ';
		} else if (token.type === 'html') {
			out += token.text.startsWith('<') ? '' : token.text;
		} else if (children) {
			out += inlineToPlain(children);
		} else if ('text' in token && typeof token.text === 'string') {
			out += token.text;
		}
	}

	return decodeBasicEntities(out);
}

/** Block tokens → plain lines (list items and table rows one per line). */
export function tokensToPlain(tokens: readonly Token[]): string {
	const lines: string[] = [];
	const walk = (list: readonly Token[], indent: string) => {
		for (const token of list) {
			switch (token.type) {
				case 'space':
				case 'hr':
				case 'def': {
					break;
				}

				case 'list': {
					for (const item of token.items) {
						walk(item.tokens, indent + '  ');
					}

					break;
				}

				case 'table': {
					const row = (cells: ReadonlyArray<{tokens: Token[]}>) => cells.map(cell => inlineToPlain(cell.tokens)).join(' | ');
					lines.push(indent + row(token.header));
					for (const cells of token.rows) {
						lines.push(indent + row(cells));
					}

					break;
				}

				case 'blockquote': {
					walk(token.tokens ?? [], indent);
					break;
				}

				case 'code': {
					pushAll(lines, String(token.text).split('\n'));
					break;
				}

				case 'html': {
					if (!/^\s*<!--/.test(token.raw)) {
						lines.push(indent + token.text.trim());
					}

					break;
				}

				default: {
					const children = (token as {tokens?: Token[]}).tokens;
					const text = children ? inlineToPlain(children) : String((token as {text?: string}).text ?? '');
					pushAll(
						lines,
						text.split('\n').map(line => indent + line),
					);
				}
			}
		}
	};

	walk(tokens, '');
	return lines
		.map(line => line.trimEnd())
		.filter(line => line.trim() !== '')
		.join('\n');
}

/**
 * One line of inline Markdown (a title, a quiz choice) as plain text, behind the same guards
 * as a slide's Markdown (limits.ts): read as written when marked could take seconds on it.
 */
export function inlineMarkdownToPlain(markdown: string): string {
	const cut = cutLongLines(markdown).text;
	return parseHazard(cut) === undefined ? inlineToPlain(Lexer.lexInline(cut)) : cut;
}
