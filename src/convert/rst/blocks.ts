// The rst block parser: docutils' body elements, read line by line by indentation. Sections
// are recognised only at the top level (as in rst, where they cannot be indented) and come out
// as flat `heading` nodes; the writer groups them into slides.
import {itemAt} from '../../deck/checked.js';
import {cellWidth} from '../../layout/text.js';
import {parseExplicit} from './explicit.js';
import {parseList} from './lists.js';
import {
	adornmentChar,
	dedent,
	indentedEnd,
	indentOf,
	isBlank,
	joinText,
	maxDepth,
	trimBlank,
	warn,
	type Line,
	type ParseContext,
} from './lines.js';
import type {Node} from './nodes.js';
import {parseGridTable, parseSimpleTable} from './tables.js';

const gridBorder = /^\+(?:[-=]+\+)+$/;
const simpleBorder = /^=+(?: +=+)+$/;

export function parseBlocks(lines: readonly Line[], context: ParseContext, depth: number): Node[] {
	if (depth > maxDepth) {
		const kept = trimBlank(lines);
		const [first] = kept;
		if (first === undefined) {
			return [];
		}

		warn(context, first.line, `nested more than ${maxDepth} blocks deep: kept as text`);
		return [{kind: 'unknown', line: first.line, text: joinText(dedent(kept)), reason: 'too deeply nested'}];
	}

	const nodes: Node[] = [];
	let i = 0;
	while (i < lines.length) {
		if (isBlank(lines[i])) {
			i++;
			continue;
		}

		const before = nodes.length;
		i = parseBlock(lines, i, context, depth, nodes);
		// Comment lines in a row are one comment: one HTML comment in the deck.
		const previous = nodes[before - 1];
		const added = nodes[before];
		if (nodes.length === before + 1 && previous?.kind === 'comment' && added?.kind === 'comment') {
			nodes.splice(before - 1, 2, {kind: 'comment', line: previous.line, text: `${previous.text}\n${added.text}`});
		}
	}

	return nodes;
}

/** Parse the block starting at `start` (a non-blank line) into `out`; returns where the next one starts. */
function parseBlock(lines: readonly Line[], start: number, context: ParseContext, depth: number, out: Node[]): number {
	const first = itemAt(lines, start);
	const {text} = first;
	if (indentOf(first) > 0) {
		const end = indentedEnd(lines, start);
		out.push({kind: 'quote', line: first.line, children: parseBlocks(dedent(lines.slice(start, end)), context, depth + 1)});
		return end;
	}

	if (depth === 0) {
		const title = sectionTitle(lines, start, context);
		if (title) {
			out.push(title.node);
			return title.next;
		}
	}

	if (
		adornmentChar(first) !== undefined &&
		text.length >= 4 &&
		(start === 0 || isBlank(lines[start - 1])) &&
		(start + 1 >= lines.length || isBlank(lines[start + 1]))
	) {
		out.push({kind: 'transition', line: first.line});
		return start + 1;
	}

	if (text === '..' || text.startsWith('.. ')) {
		return parseExplicit(lines, start, context, depth, out);
	}

	if (gridBorder.test(text) || simpleBorder.test(text)) {
		return parseTable(lines, start, context, out);
	}

	const list = parseList(lines, start, context, depth);
	if (list) {
		out.push(list.node);
		return list.next;
	}

	if (text.startsWith('>>> ')) {
		let end = start;
		while (end < lines.length && !isBlank(lines[end])) end++;
		out.push({kind: 'literal', line: first.line, text: joinText(lines.slice(start, end)), lang: 'python'});
		return end;
	}

	if (text === '|' || text.startsWith('| ')) {
		return parseLineBlock(lines, start, out);
	}

	return parseParagraph(lines, start, context, depth, out);
}

/** A title underlined (and optionally overlined) with one punctuation character. */
function sectionTitle(lines: readonly Line[], start: number, context: ParseContext): {node: Node; next: number} | undefined {
	const first = itemAt(lines, start);
	const over = adornmentChar(first);
	if (over !== undefined && first.text.length > 1) {
		const title = lines[start + 1];
		const under = lines[start + 2];
		if (title === undefined || isBlank(title) || adornmentChar(under) !== over || adornmentChar(title) !== undefined) {
			return undefined;
		}

		return {node: heading(context, `over${over}`, title), next: start + 3};
	}

	const next = lines[start + 1];
	const under = adornmentChar(next);
	if (next === undefined || under === undefined || next.text.length < Math.min(4, cellWidth(first.text))) {
		return undefined;
	}

	return {node: heading(context, under, first), next: start + 2};
}

function heading(context: ParseContext, style: string, title: Line): Node {
	let level = context.styles.indexOf(style) + 1;
	if (level === 0) {
		context.styles.push(style);
		level = context.styles.length;
	}

	return {kind: 'heading', line: title.line, level, title: title.text.trim()};
}

function parseTable(lines: readonly Line[], start: number, context: ParseContext, out: Node[]): number {
	const first = itemAt(lines, start);
	const grid = gridBorder.test(first.text);
	let end = start + 1;
	if (grid) {
		while (end < lines.length && /^[+|]/.test(itemAt(lines, end).text)) end++;
	} else {
		// A simple table ends at a border followed by a blank line (or the end of the text).
		let borders = 1;
		while (end < lines.length) {
			const {text} = itemAt(lines, end);
			const isBorder = simpleBorder.test(text) || /^=+$/.test(text);
			end++;
			if (isBorder && ++borders >= 2 && (end >= lines.length || isBlank(lines[end]))) {
				break;
			}
		}
	}

	const source = lines.slice(start, end);
	const table = grid ? parseGridTable(source) : parseSimpleTable(source);
	if ('error' in table) {
		warn(context, first.line, `${table.error}: kept as a text block`);
		out.push({kind: 'unknown', line: first.line, text: joinText(source), reason: table.error});
	} else {
		out.push({kind: 'table', line: first.line, header: table.header, rows: table.rows});
	}

	return end;
}

function parseLineBlock(lines: readonly Line[], start: number, out: Node[]): number {
	const kept: string[] = [];
	let end = start;
	while (end < lines.length && !isBlank(lines[end])) {
		const {text} = itemAt(lines, end);
		if (text === '|' || text.startsWith('| ')) {
			kept.push(text.slice(2));
		} else if (kept.length > 0) {
			kept[kept.length - 1] += ` ${text.trim()}`;
		}

		end++;
	}

	out.push({kind: 'lines', line: itemAt(lines, start).line, lines: kept});
	return end;
}

function parseParagraph(lines: readonly Line[], start: number, context: ParseContext, depth: number, out: Node[]): number {
	let end = start + 1;
	while (end < lines.length && !isBlank(lines[end]) && indentOf(itemAt(lines, end)) === 0) {
		// At the top level a line with an underline under it starts a section, even without a blank line before.
		if (depth === 0 && adornmentChar(lines[end + 1]) !== undefined && adornmentChar(lines[end]) === undefined) {
			break;
		}

		end++;
	}

	// One line right above an indented block is a definition list term.
	if (end === start + 1 && end < lines.length && !isBlank(lines[end]) && indentOf(itemAt(lines, end)) > 0) {
		return parseDefinitions(lines, start, context, depth, out);
	}

	const text = joinText(lines.slice(start, end)).trim();
	const first = itemAt(lines, start).line;
	if (!text.endsWith('::')) {
		out.push({kind: 'paragraph', line: first, text});
		return end;
	}

	const intro = text === '::' ? '' : text.endsWith(' ::') ? text.slice(0, -3).trimEnd() : text.slice(0, -1);
	if (intro !== '') {
		out.push({kind: 'paragraph', line: first, text: intro});
	}

	let next = end;
	while (isBlank(lines[next])) next++;
	const literal = lines[next];
	if (literal !== undefined && indentOf(literal) > 0) {
		const blockEnd = indentedEnd(lines, next);
		out.push({kind: 'literal', line: literal.line, text: joinText(dedent(lines.slice(next, blockEnd))), lang: context.highlight});
		return blockEnd;
	}

	return end;
}

function parseDefinitions(lines: readonly Line[], start: number, context: ParseContext, depth: number, out: Node[]): number {
	const items: {term: string; classifiers: string[]; body: Node[]}[] = [];
	let i = start;
	while (
		i + 1 < lines.length &&
		!isBlank(lines[i]) &&
		indentOf(itemAt(lines, i)) === 0 &&
		!isBlank(lines[i + 1]) &&
		indentOf(itemAt(lines, i + 1)) > 0
	) {
		const [term = '', ...classifiers] = itemAt(lines, i).text.split(' : ');
		const end = indentedEnd(lines, i + 1);
		items.push({
			term: term.trim(),
			classifiers: classifiers.map(part => part.trim()),
			body: parseBlocks(dedent(lines.slice(i + 1, end)), context, depth + 1),
		});
		i = end;
		while (isBlank(lines[i])) i++;
	}

	out.push({kind: 'definitions', line: itemAt(lines, start).line, items});
	return i;
}
