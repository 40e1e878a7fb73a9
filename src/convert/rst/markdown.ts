// One rst node → Markdown lines. Blocks inside lists, quotes and notes are rendered by the
// same function and indented by their container. Speaker notes found anywhere are handed to
// `onNotes`, so the slide writer can gather them under the slide.
import {figureBox} from './figure.js';
import {inlineToMarkdown, type InlineContext} from './inline.js';
import type {Node} from './nodes.js';
import {pushAll} from '../../deck/arrays.js';
import {group} from '../../deck/checked.js';

export type RenderContext = InlineContext & {
	onNotes: (children: readonly Node[]) => void;
	figures: number;
};

export function renderBlocks(nodes: readonly Node[], context: RenderContext): string[] {
	const out: string[] = [];
	let build = false;
	for (const node of nodes) {
		const lines = build && (node.kind === 'bullets' || node.kind === 'enumerated') ? revealed(node, context) : renderNode(node, context);
		build = node.kind === 'build' || (build && node.kind === 'comment');
		if (lines.length > 0) {
			if (out.length > 0) out.push('');
			pushAll(out, lines);
		}
	}

	return out;
}

export function inline(text: string, context: RenderContext): string[] {
	return inlineToMarkdown(text, context).split('\n');
}

function renderNode(node: Node, context: RenderContext): string[] {
	switch (node.kind) {
		case 'heading': {
			return [`### ${inline(node.title, context).join(' ')}`];
		}

		case 'paragraph': {
			return inline(node.text, context);
		}

		case 'bullets': {
			return list(node.items.map(item => ({marker: '- ', ...renderItem(item, context)})));
		}

		case 'enumerated': {
			return list(node.items.map((item, index) => ({marker: `${node.start + index}. `, ...renderItem(item, context)})));
		}

		case 'definitions': {
			return list(
				node.items.map(item => {
					const classifiers = item.classifiers.map(part => ` *(${inlineToMarkdown(part, context)})*`).join('');
					return {
						marker: '- ',
						body: [
							`**${inlineToMarkdown(item.term, context)}**${classifiers}`,
							...(item.body.length > 0 ? ['', ...renderBlocks(item.body, context)] : []),
						],
						loose: item.body.length > 0,
					};
				}),
			);
		}

		case 'fields': {
			return list(
				node.items.map(item => {
					const body = renderBlocks(item.body, context);
					const name = `**${inlineToMarkdown(item.name, context)}:**`;
					const first = item.body[0]?.kind === 'paragraph';
					return {
						marker: '- ',
						body: first ? [`${name} ${body[0]}`, ...body.slice(1)] : [name, ...body],
						loose: item.body.length > (first ? 1 : 0),
					};
				}),
			);
		}

		case 'literal': {
			return fence(node.lang, node.text.split('\n'));
		}

		case 'quote': {
			return renderBlocks(node.children, context).map(line => (line === '' ? '>' : `> ${line}`));
		}

		case 'admonition': {
			const body = renderBlocks(node.children, context);
			return [`**${inlineToMarkdown(node.label, context)}:**`, ...(body.length > 0 ? ['', ...body] : [])].map(line =>
				line === '' ? '>' : `> ${line}`,
			);
		}

		case 'lines': {
			return node.lines.map(
				(text, index) => inlineToMarkdown(text, context).replaceAll('\n', ' ') + (index + 1 < node.lines.length ? '\\' : ''),
			);
		}

		case 'table': {
			return table(node.header, node.rows, context);
		}

		case 'comment': {
			return comment(node.text);
		}

		case 'transition': {
			return ['* * *'];
		}

		case 'notes': {
			context.onNotes(node.children);
			return [];
		}

		case 'figure': {
			context.figures++;
			const box = figureBox({file: node.file, size: node.size, caption: node.caption, alt: node.alt});
			const legend = renderBlocks(node.legend, context);
			return [...fence('diagram', box), ...(legend.length > 0 ? ['', ...legend] : [])];
		}

		case 'slide': {
			const title = node.title === undefined ? [] : [`**${inlineToMarkdown(node.title, context)}**`, ''];
			return [...title, ...renderBlocks(node.children, context)];
		}

		case 'build': {
			return [];
		}

		case 'unknown': {
			return fence('text', node.text.split('\n'));
		}
	}
}

/** A list shown one item per reveal step: each item its own list, a pause between them. */
function revealed(node: Node & {kind: 'bullets' | 'enumerated'}, context: RenderContext): string[] {
	return node.items.flatMap((item, index) => {
		const marker = node.kind === 'bullets' ? '- ' : `${node.start + index}. `;
		return [...(index > 0 ? ['', '<!-- pause -->', ''] : []), ...list([{marker, ...renderItem(item, context)}])];
	});
}

type Item = Readonly<{marker: string; body: readonly string[]; loose: boolean}>;

/**
 * An item's blocks. A paragraph followed by a nested list stays tight (no blank line between),
 * as docutils draws such a "simple" list compactly: a blank line would make the Markdown list loose.
 */
function renderItem(nodes: readonly Node[], context: RenderContext): {body: string[]; loose: boolean} {
	const [first, second] = nodes;
	if (nodes.length === 2 && first?.kind === 'paragraph' && (second?.kind === 'bullets' || second?.kind === 'enumerated')) {
		return {body: [...renderNode(first, context), ...renderNode(second, context)], loose: false};
	}

	return {body: renderBlocks(nodes, context), loose: nodes.length > 1};
}

/** List items: the marker on the first line, the rest indented under its text. */
function list(items: readonly Item[]): string[] {
	const loose = items.some(item => item.loose);
	const out: string[] = [];
	for (const [index, item] of items.entries()) {
		if (loose && index > 0) out.push('');
		const indent = ' '.repeat(item.marker.length);
		for (const [lineIndex, line] of item.body.entries()) {
			out.push(lineIndex === 0 ? item.marker + line : line === '' ? '' : indent + line);
		}

		if (item.body.length === 0) out.push(item.marker.trimEnd());
	}

	return out;
}

/** A fence longer than any backtick run that starts a line of the text. */
export function fence(lang: string, lines: readonly string[]): string[] {
	let longest = 2;
	for (const line of lines) {
		const run = /^\s*(`+)/.exec(line);
		if (run) longest = Math.max(longest, group(run, 1).length);
	}

	const marker = '`'.repeat(longest + 1);
	return [`${marker}${lang}`, ...lines, marker];
}

function table(header: readonly (readonly string[])[], rows: readonly (readonly string[])[], context: RenderContext): string[] {
	const width = [...header, ...rows].reduce((widest, row) => Math.max(widest, row.length), 1);
	const cell = (text: string | undefined) =>
		inlineToMarkdown(text ?? '', context)
			.replaceAll('\n', ' ')
			.replaceAll(/(?<!\\)\|/g, '\\|');
	const row = (cells: readonly string[]) => `| ${Array.from({length: width}, (_, index) => cell(cells[index])).join(' | ')} |`;
	const head =
		header.length > 0
			? header
					.map(cells => [...cells])
					.reduce((joined, next) => joined.map((text, index) => [text, next[index] ?? ''].filter(Boolean).join(' ')))
			: [];
	return [row(head), `|${' --- |'.repeat(width)}`, ...rows.map(row)];
}

/** An rst comment stays a comment: invisible on the slide, kept in the file. */
export function comment(text: string): string[] {
	return ['<!--', ...text.split('\n').map(escapeComment), '-->'];
}

/** A comment on one line, for a section slide, which must stay a heading alone. */
export function commentLine(text: string): string {
	return `<!-- ${escapeComment(text.replaceAll(/\s+/g, ' ').trim())} -->`;
}

function escapeComment(text: string): string {
	return text.replaceAll('-->', '--&gt;');
}
