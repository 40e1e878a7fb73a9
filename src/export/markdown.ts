// `export --format md`: the handout as clean Markdown for a reader in an editor. One heading
// per slide (`##` for a section, `###` for a slide, with its number as in `deck.md:N`), the
// slide's content, then its notes as text. Deck text is escaped so that it reads as written
// in any Markdown viewer: raw HTML stays text, links keep only http, https and mailto targets.
import type {Element, Inline, ListItem} from '../deck/elements.js';
import type {Quiz} from '../deck/quiz.js';
import {type Handout, type HandoutSlide, slideElements} from './handout.js';
import {safeHref} from './html-runs.js';

export function handoutMarkdown(handout: Handout): string {
	return [...handoutMarkdownParts(handout)].join('');
}

/** The handout a slide at a time (as the HTML page is: never the whole text at once, and only as fast as it is written). */
export function* handoutMarkdownParts(handout: Handout): Generator<string, void, undefined> {
	// Each part is given once the next is known, so that the last one ends the file trimmed.
	let held: string | undefined;
	if (handout.title !== '') held = `# ${escapeText(handout.title)}`;
	if (handout.byline !== '') {
		if (held !== undefined) yield `${held}\n\n`;
		held = escapeText(handout.byline);
	}

	for (const slide of handout.slides) {
		if (held !== undefined) yield `${held}\n\n`;
		held = slideMarkdown(slide);
	}

	yield `${(held ?? '').trimEnd()}\n`;
}

function slideMarkdown(slide: HandoutSlide): string {
	const level = slide.isSection ? '##' : '###';
	const parts = [`${level} ${slide.number}.${slide.title === '' ? '' : ` ${escapeText(slide.title)}`}`];
	// The slide's own title heading is the heading above; its other headings sit below it.
	const elements = slideElements(slide);
	const [first, ...rest] = elements;
	parts.push(blocksMarkdown(first?.kind === 'heading' && slide.title !== '' ? rest : elements));
	if (slide.notes.length > 0) parts.push('**Notes**', blocksMarkdown(slide.notes));
	return parts.filter(part => part !== '').join('\n\n');
}

export function blocksMarkdown(elements: readonly Element[]): string {
	return elements
		.map(element => blockMarkdown(element))
		.filter(text => text !== '')
		.join('\n\n');
}

function blockMarkdown(element: Element): string {
	switch (element.kind) {
		case 'heading': {
			// Below the slide's `###`: a slide's `##` and `###` are `####`, and so on down.
			return `${'#'.repeat(Math.min(6, Math.max(4, element.depth + 1)))} ${inlineMarkdown(element.inlines)}`;
		}

		case 'paragraph': {
			return inlineMarkdown(element.inlines);
		}

		case 'list': {
			return element.items
				.map((item, i) => listItemMarkdown(item, element.ordered ? `${element.start + i}.` : '-', element.loose))
				.join(element.loose ? '\n\n' : '\n');
		}

		case 'table': {
			const row = (cells: readonly (readonly Inline[])[]) =>
				`| ${cells.map(cell => inlineMarkdown(cell).replaceAll('\\\n', '<br>').replaceAll('\n', ' ')).join(' | ')} |`;
			const rule = element.align.map(align =>
				align === 'center' ? ':---:' : align === 'right' ? '---:' : align === 'left' ? ':---' : '---',
			);
			// A headerless table: GFM needs a header row, and blank cells say there is none.
			const header = element.header.length > 0 ? row(element.header) : `|${'   |'.repeat(element.align.length)}`;
			return [header, `| ${rule.join(' | ')} |`, ...element.rows.map(cells => row(cells))].join('\n');
		}

		case 'code': {
			return fenced(element.text, /^[\w+#.-]{1,32}$/.test(element.lang) ? element.lang : '');
		}

		case 'diagram': {
			return fenced(element.lines.join('\n'), 'text');
		}

		case 'quote': {
			return quoted(blocksMarkdown(element.children));
		}

		case 'alert': {
			return quoted(`[!${element.alert.toUpperCase()}]\n${blocksMarkdown(element.children)}`);
		}

		case 'rule': {
			return '* * *';
		}

		case 'html': {
			// Raw HTML in a deck is shown, never rendered: as code.
			return fenced(element.text, 'html');
		}

		case 'quiz': {
			return quizMarkdown(element.quiz);
		}
	}
}

function listItemMarkdown(item: ListItem, marker: string, loose: boolean): string {
	const box = item.checked === undefined ? '' : item.checked ? '[x] ' : '[ ] ';
	const indent = ' '.repeat(marker.length + 1);
	// A tight item's blocks follow each other line by line, as in the deck.
	const text = (loose ? blocksMarkdown(item.children) : item.children.map(child => blocksMarkdown([child])).join('\n'))
		.split('\n')
		.map((line, i) => (i === 0 || line === '' ? line : indent + line))
		.join('\n');
	return `${marker} ${box}${text}`;
}

const quoted = (text: string) =>
	text
		.split('\n')
		.map(line => (line === '' ? '>' : `> ${line}`))
		.join('\n');

/** A fence longer than any run of backticks in the text, so the text cannot close it. */
function fenced(text: string, info: string): string {
	const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map(run => run.length));
	const fence = '`'.repeat(Math.max(3, longest + 1));
	return `${fence}${info}\n${text.replace(/\n$/, '')}\n${fence}`;
}

function quizMarkdown(quiz: Quiz): string {
	const out = [`**Question:** ${escapeText(quiz.question)}`];
	if (quiz.choices.length > 0) {
		out.push('', quiz.choices.map((choice, i) => `${i + 1}. ${escapeText(choice.text)}`).join('\n'));
		const right = quiz.choices.flatMap((choice, i) => (choice.correct ? [`${i + 1}. ${escapeText(choice.text)}`] : []));
		out.push('', `*Answer:* ${right.join('; ') || 'none of these'}`);
	} else if (quiz.answers.length > 0) {
		out.push('', `*Answer:* ${quiz.answers.map(answer => escapeText(answer)).join(' or ')}`);
	}

	if (quiz.explanation !== '') out.push('', escapeText(quiz.explanation));
	return out.join('\n');
}

export function inlineMarkdown(inlines: readonly Inline[]): string {
	let out = '';
	for (const item of inlines) {
		switch (item.kind) {
			case 'text': {
				out += escapeText(item.text);
				break;
			}

			case 'strong': {
				out += `**${inlineMarkdown(item.children)}**`;
				break;
			}

			case 'em': {
				out += `*${inlineMarkdown(item.children)}*`;
				break;
			}

			case 'strike': {
				out += `~~${inlineMarkdown(item.children)}~~`;
				break;
			}

			case 'underline':
			case 'sub':
			case 'sup': {
				out += inlineMarkdown(item.children);
				break;
			}

			case 'kbd':
			case 'code': {
				out += codeSpan(item.kind === 'code' ? item.text : plainOf(item.children));
				break;
			}

			case 'link': {
				const href = safeHref(item.href);
				const text = inlineMarkdown(item.children);
				out += href === undefined ? `${text} (${escapeText(item.href)})` : `[${text}](<${href}>)`;
				break;
			}

			case 'break': {
				out += '\\\n';
				break;
			}

			case 'image': {
				out += escapeText(`[image: ${item.alt || item.href}]`);
				break;
			}

			case 'html': {
				out += escapeText(item.text);
				break;
			}
		}
	}

	return out;
}

function plainOf(inlines: readonly Inline[]): string {
	return inlines.map(item => ('text' in item ? item.text : 'children' in item ? plainOf(item.children) : '')).join('');
}

function codeSpan(text: string): string {
	const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map(run => run.length));
	const ticks = '`'.repeat(longest + 1);
	const pad = text.startsWith('`') || text.endsWith('`') || text.startsWith(' ') ? ' ' : '';
	return `${ticks}${pad}${text.replaceAll('\n', ' ')}${pad}${ticks}`;
}

/**
 * Text that reads as itself in Markdown: inline punctuation and HTML's `<` and `&` escaped
 * with a backslash, and what would open a block at a line's start (`#`, `>`, `-`, `1.`) too.
 */
export function escapeText(text: string): string {
	return text
		.replace(/[\\`*_[\]<>|~&]/g, '\\$&')
		.replace(/(^|\n)([ \t]*)([#=+-]|\d+(?=[.)]))/g, (_, start: string, space: string, mark: string) =>
			/^\d/.test(mark) ? `${start}${space}${mark}\\` : `${start}${space}\\${mark}`,
		);
}
