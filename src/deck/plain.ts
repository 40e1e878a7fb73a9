// Elements → plain text, for titles, search and the status bar: what a reader would type to
// find the words, without Markdown punctuation.
import {pushAll} from './arrays.js';
import {itemAt} from './checked.js';
import type {Element, Inline} from './elements.js';
import {inlineMarkdown} from './elements-from-tokens.js';

/** Inline spans as one line: a link's target follows its text, an image is its alt text, raw HTML tags drop out. */
export function inlinesToPlain(inlines: readonly Inline[]): string {
	let out = '';
	for (let i = 0; i < inlines.length; i++) {
		const inline = itemAt(inlines, i);
		switch (inline.kind) {
			case 'text':
			case 'code': {
				out += inline.text;
				break;
			}

			case 'link': {
				const text = inlinesToPlain(inline.children);
				out += text === inline.href ? text : `${text} (${inline.href})`;
				break;
			}

			case 'image': {
				out += inline.alt;
				break;
			}

			case 'break': {
				out += ' ';
				break;
			}

			case 'html': {
				out += inline.text.startsWith('<') ? '' : inline.text;
				break;
			}

			default: {
				out += inlinesToPlain(inline.children);
			}
		}
	}

	return out;
}

/** Elements → plain lines (list items and table rows one per line, code as written). */
export function elementsToPlain(elements: readonly Element[]): string {
	const lines: string[] = [];
	const add = (text: string, indent: string) => {
		for (const line of text.split('\n')) {
			lines.push(indent + line);
		}
	};

	const walk = (list: readonly Element[], indent: string) => {
		for (const element of list) {
			switch (element.kind) {
				case 'rule': {
					break;
				}

				case 'heading':
				case 'paragraph': {
					add(inlinesToPlain(element.inlines), indent);
					break;
				}

				case 'list': {
					for (const item of element.items) {
						walk(item.children, `${indent}  `);
					}

					break;
				}

				case 'table': {
					const row = (cells: readonly (readonly Inline[])[]) => cells.map(inlinesToPlain).join(' | ');
					if (element.header.length > 0) add(row(element.header), indent);
					for (const cells of element.rows) {
						add(row(cells), indent);
					}

					break;
				}

				case 'quote':
				case 'alert': {
					walk(element.children, indent);
					break;
				}

				case 'code': {
					add(element.text, '');
					break;
				}

				case 'diagram': {
					pushAll(lines, element.lines);
					break;
				}

				case 'html': {
					add(element.text.trim(), indent);
					break;
				}

				case 'quiz': {
					const {quiz} = element;
					for (const text of [quiz.question, ...quiz.choices.map(choice => choice.text), ...quiz.answers, quiz.explanation]) {
						add(text, '');
					}
					break;
				}
			}
		}
	};

	walk(elements, '');
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
	return inlinesToPlain(inlineMarkdown(markdown));
}
