// What each directive becomes. hieroglyph's own (slide, nextslide, interslide, ifslides,
// ifnotslides/notslides, slideconf) and the Sphinx/docutils ones a slide deck uses; a directive
// with no Markdown form is kept verbatim in a `text` block with a warning naming its line.
import {parseBlocks} from './blocks.js';
import type {Directive} from './explicit.js';
import {joinText, dedent, warn, type ParseContext} from './lines.js';
import type {Node} from './nodes.js';

const noteNames = new Set(['note', 'notes', 'speaker-notes', 'speaker_notes', 'speakernotes', 'notslides', 'ifnotslides']);
const admonitionLabels: Readonly<Record<string, string>> = {
	attention: 'Attention',
	caution: 'Caution',
	danger: 'Danger',
	error: 'Error',
	hint: 'Hint',
	important: 'Important',
	tip: 'Tip',
	warning: 'Warning',
	seealso: 'See also',
	todo: 'To do',
};

const codeNames = new Set(['code-block', 'code', 'sourcecode']);
/** Directives that only configure the HTML build or its table of contents: kept as comments. */
const buildOnlyNames = new Set([
	'slideconf',
	'highlight',
	'rst-class',
	'class',
	'cssclass',
	'meta',
	'title',
	'default-role',
	'role',
	'sectnum',
	'contents',
	'tabularcolumns',
	'index',
	'only',
]);
/** Languages meaning "no highlighting": such blocks are drawn verbatim. */
const plainLanguages = new Set(['none', 'text', 'default', 'output', 'txt']);

export function directiveNode(directive: Directive, context: ParseContext, depth: number): Node[] {
	const {name, line, argument, options, content} = directive;
	const children = () => parseBlocks(content, context, depth + 1);
	if (noteNames.has(name)) {
		return [{kind: 'notes', line, children: children()}];
	}

	if (name === 'ifslides' || name === 'slides' || name === 'container' || name === 'compound') {
		return children();
	}

	if (name === 'slide' || name === 'nextslide' || name === 'interslide') {
		return [
			{kind: 'slide', line, title: argument === '' ? undefined : argument, increment: options.has('increment'), children: children()},
		];
	}

	if (name === 'figure' || name === 'image') {
		return [figure(directive, context, depth)];
	}

	if (codeNames.has(name)) {
		return [literal(line, joinText(dedent(content)), argument || context.highlight)];
	}

	if (name === 'parsed-literal' || name === 'math') {
		return [literal(line, joinText(dedent(content)), '')];
	}

	if (name in admonitionLabels || name === 'admonition' || name === 'topic' || name === 'sidebar') {
		return [{kind: 'admonition', line, label: admonitionLabels[name] ?? argument, children: children()}];
	}

	if (name === 'rubric') {
		return [{kind: 'paragraph', line, text: `**${argument}**`}];
	}

	if (name === 'epigraph' || name === 'highlights' || name === 'pull-quote') {
		return [{kind: 'quote', line, children: children()}];
	}

	if (name === 'list-table') {
		const table = listTable(children(), Number(options.get('header-rows') ?? 0));
		if (table) {
			return [...(argument === '' ? [] : [{kind: 'paragraph', line, text: `**${argument}**`} as const]), {kind: 'table', line, ...table}];
		}

		warn(context, line, 'a list-table whose cells are not single paragraphs is not converted: kept as a text block');
		return [{kind: 'unknown', line, text: directive.source, reason: 'list-table'}];
	}

	if (name === 'table') {
		return [...(argument === '' ? [] : [{kind: 'paragraph', line, text: `**${argument}**`} as const]), ...children()];
	}

	// hieroglyph's incremental lists: `build` on the list that follows (or on the content).
	if ((name === 'rst-class' || name === 'class' || name === 'cssclass') && argument.split(/\s+/).includes('build')) {
		const comment: Node = {kind: 'comment', line, text: directive.source};
		return content.length === 0
			? [comment, {kind: 'build', line}]
			: [comment, ...children().flatMap(node => [{kind: 'build', line} as const, node])];
	}

	if (name === 'highlight') {
		context.highlight = plainLanguages.has(argument.toLowerCase()) ? '' : argument;
	}

	if (buildOnlyNames.has(name)) {
		return [{kind: 'comment', line, text: directive.source}];
	}

	warn(context, line, `directive "${name}::" is not converted: kept as a text block`);
	return [{kind: 'unknown', line, text: directive.source, reason: `directive ${name}`}];
}

function literal(line: number, text: string, lang: string): Node {
	return {kind: 'literal', line, text, lang: plainLanguages.has(lang.toLowerCase()) ? 'text' : lang};
}

function figure(directive: Directive, context: ParseContext, depth: number): Node {
	const {name, line, argument, options, content} = directive;
	const size = ['width', 'height', 'scale'].flatMap(key => (options.has(key) ? [`${key} ${options.get(key)}`] : [])).join(', ');
	let caption = '';
	let legend: Node[] = [];
	if (name === 'figure') {
		const body = parseBlocks(content, context, depth + 1);
		const first = body[0];
		if (first?.kind === 'paragraph') {
			caption = first.text;
			legend = body.slice(1);
		} else {
			legend = body;
		}
	}

	return {kind: 'figure', line, file: argument, alt: options.get('alt') ?? '', caption, size, legend};
}

/** A list-table's rows: a bullet list of bullet lists whose items are one paragraph (or empty). */
function listTable(nodes: readonly Node[], headerRows: number): {header: string[][]; rows: string[][]} | undefined {
	const [list] = nodes;
	if (nodes.length !== 1 || list?.kind !== 'bullets') {
		return undefined;
	}

	const rows: string[][] = [];
	for (const item of list.items) {
		const [cells] = item;
		if (item.length !== 1 || cells?.kind !== 'bullets') {
			return undefined;
		}

		const row: string[] = [];
		for (const cell of cells.items) {
			const [only] = cell;
			if (cell.length > 1 || (only !== undefined && only.kind !== 'paragraph')) {
				return undefined;
			}

			row.push(only?.kind === 'paragraph' ? only.text : '');
		}

		rows.push(row);
	}

	return {header: rows.slice(0, headerRows), rows: rows.slice(headerRows)};
}
