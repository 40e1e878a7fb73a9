// pandoc's simple, multiline and grid tables (patat reads Markdown through pandoc), rewritten
// as the GFM pipe tables marked reads. A table takes the same number of lines or more than
// its pipe table, so the rewrite pads with blank lines and every later line keeps its number.
// What a pipe table cannot say is said as pandoc's own pipe tables say it: a headerless table
// gets a header of blank cells (pandoc reads that as no header), and each column's dashes in
// the delimiter row are as many as in the source, its relative width when the table must wrap
// (elements-from-tokens.ts reads them back). A cell's lines are one line of text, as pandoc
// reads a paragraph, but a list item starts a line of its own (`<br>`), and a paragraph after a
// blank line is one line further down.
// Linear: each line is looked at a bounded number of times (a table is read once, from its
// first line to its last, and the scan goes on after it).
import {closesFence, matchFenceOpen} from '../notes.js';
import {itemAt} from '../checked.js';

type Align = 'left' | 'right' | 'center' | 'default';
type Table = {header?: string[]; align: Align[]; widths: number[]; rows: string[][]; end: number};
type Columns = {starts: number[]; ends: number[]};

const dashGroups = /^ {0,3}-+(?: +-+)+ *$/;
const dashLine = /^ {0,3}-{3,} *$/;
const gridBorder = /^ {0,3}\+(?:[-=:]+\+)+ *$/;
const caption = /^ {0,3}(?:Table)?:\s+/;

/** `lines` with every pandoc table outside fenced code rewritten as a pipe table, line for line. */
export function convertPandocTables(lines: readonly string[]): string[] {
	const out = [...lines];
	let fence: string | undefined;
	for (let i = 0; i < lines.length; i++) {
		const line = itemAt(lines, i);
		if (fence !== undefined) {
			if (closesFence(line, fence)) fence = undefined;
			continue;
		}

		const open = matchFenceOpen(line);
		if (open) {
			fence = open.marker;
			continue;
		}

		if (i > 0 && itemAt(lines, i - 1).trim() !== '') continue;
		const table = readGrid(lines, i) ?? readMultiline(lines, i) ?? readSimple(lines, i);
		if (!table) continue;
		const pipe = pipeTable(table);
		for (let k = i; k < table.end; k++) out[k] = pipe[k - i] ?? '';
		// A caption (`Table: …` or `: …`) after a blank line below the table is shown as its text.
		const below = table.end + 1;
		if (lines[table.end]?.trim() === '' && below < lines.length && caption.test(itemAt(lines, below))) {
			out[below] = itemAt(lines, below).replace(caption, '');
		}

		i = table.end - 1;
	}

	return out;
}

function columnsOf(line: string): Columns {
	const starts: number[] = [];
	const ends: number[] = [];
	for (const match of line.matchAll(/-+/g)) {
		starts.push(match.index);
		ends.push(match.index + match[0].length);
	}

	return {starts, ends};
}

/** A line cut at the columns' starts (pandoc's rule: text runs on to the next column's dashes). */
function cells(line: string, columns: Columns): string[] {
	return columns.starts.map((start, k) => {
		const end = k + 1 < columns.starts.length ? itemAt(columns.starts, k + 1) : line.length;
		return line.slice(k === 0 ? 0 : start, end).trim();
	});
}

/** pandoc's alignment: from where the header's (or first row's) text sits over its dashes. */
function alignments(lines: readonly string[], columns: Columns): Align[] {
	return columns.starts.map((start, k) => {
		const end = itemAt(columns.ends, k);
		let left = false;
		let right = false;
		for (const line of lines) {
			const text = line.slice(start, Math.max(end, start));
			if (text.trim() === '') continue;
			left ||= text[0] !== ' ';
			right ||= line.length >= end && line[end - 1] !== ' ' && (line[end] === undefined || line[end] === ' ');
		}

		return left && right ? 'default' : left ? 'left' : right ? 'right' : 'center';
	});
}

const isDashed = (line: string): boolean => dashGroups.test(line) || dashLine.test(line);

/** A header line and a dashed line of two or more groups, rows to a blank line; or headerless, between two dashed lines. */
function readSimple(lines: readonly string[], at: number): Table | undefined {
	const first = itemAt(lines, at);
	const headed = first.trim() !== '' && !dashGroups.test(first) && dashGroups.test(lines[at + 1] ?? '');
	const rule = headed ? at + 1 : at;
	if (!dashGroups.test(lines[rule] ?? '')) return undefined;
	const columns = columnsOf(itemAt(lines, rule));
	let end = rule + 1;
	while (end < lines.length && itemAt(lines, end).trim() !== '' && !isDashed(itemAt(lines, end))) end++;
	const rows = lines.slice(rule + 1, end);
	if (headed && end < lines.length && isDashed(itemAt(lines, end))) {
		// A headed table may close with a dashed line too.
		end++;
	} else if (!headed) {
		// Headerless: closed by a dashed line, then a blank line or the end.
		if (end >= lines.length || !isDashed(itemAt(lines, end)) || rows.length === 0) return undefined;
		end++;
	}

	return {
		header: headed ? cells(first, columns) : undefined,
		align: alignments(headed ? [first] : rows.slice(0, 1), columns),
		widths: dashWidths(columns),
		rows: rows.map(row => cells(row, columns)),
		end,
	};
}

/** A dashed line, header lines, a dashed line of groups, rows separated by blank lines, a closing dashed line. */
function readMultiline(lines: readonly string[], at: number): Table | undefined {
	let rule = at;
	const headed = dashLine.test(itemAt(lines, at));
	if (headed) {
		rule = at + 1;
		while (rule < lines.length && itemAt(lines, rule).trim() !== '' && !dashGroups.test(itemAt(lines, rule))) rule++;
		if (rule === at + 1 || !dashGroups.test(lines[rule] ?? '')) return undefined;
	} else if (!dashGroups.test(itemAt(lines, at))) {
		return undefined;
	}

	const columns = columnsOf(itemAt(lines, rule));
	const rows: string[][] = [];
	let block: string[] = [];
	let blank = false;
	let end = rule + 1;
	for (; end < lines.length; end++) {
		const line = itemAt(lines, end);
		if (dashLine.test(line) || (dashGroups.test(line) && !headed)) break;
		if (line.trim() === '') {
			if (blank) return undefined;
			blank = true;
			if (block.length > 0) rows.push(joinCells(block, columns));
			block = [];
		} else {
			blank = false;
			block.push(line);
		}
	}

	// Closed by a dashed line; headerless, rows must be blank-separated (otherwise it is a simple table).
	if (end >= lines.length || (!headed && rows.length === 0)) return undefined;
	if (block.length > 0) rows.push(joinCells(block, columns));
	const headerLines = headed ? lines.slice(at + 1, rule) : [];
	return {
		header: headed ? joinCells(headerLines, columns) : undefined,
		align: alignments(headed ? headerLines : lines.slice(rule + 1, rule + 2), columns),
		widths: dashWidths(columns),
		rows,
		end: end + 1,
	};
}

const dashWidths = (columns: Columns): number[] => columns.starts.map((start, k) => itemAt(columns.ends, k) - start);

function joinCells(block: readonly string[], columns: Columns): string[] {
	const parts = block.map(line => cells(line, columns));
	return columns.starts.map((_, k) => cellText(parts.map(row => itemAt(row, k))));
}

/** A list item's first line: its marker and a space. */
const listItem = /^(?:[-*+]|\d{1,9}[.)])\s/;

/**
 * A cell's lines (trimmed) as one line of Markdown: a paragraph's lines joined by spaces, as
 * pandoc reads them, but each list item on a line of its own, and a blank line between paragraphs.
 */
function cellText(lines: readonly string[]): string {
	let text = '';
	let breakNext = false;
	for (const line of lines) {
		if (line === '') {
			breakNext = text !== '';
			continue;
		}

		if (text !== '') text += breakNext ? '<br><br>' : listItem.test(line) ? '<br>' : ' ';
		text += line;
		breakNext = false;
	}

	return text;
}

/** `+---+---+` borders, `|`-separated content lines, `+===+` under the header; alignment colons in a border. */
function readGrid(lines: readonly string[], at: number): Table | undefined {
	const top = itemAt(lines, at);
	if (!gridBorder.test(top)) return undefined;
	const bounds: number[] = [];
	for (let k = top.indexOf('+'); k !== -1; k = top.indexOf('+', k + 1)) bounds.push(k);
	const width = bounds.length - 1;
	const rows: string[][] = [];
	let header: string[] | undefined;
	let alignLine = top;
	let block: string[] = [];
	let end = at + 1;
	for (; end < lines.length; end++) {
		const line = itemAt(lines, end);
		if (gridBorder.test(line)) {
			if (block.length === 0) return undefined;
			const row = Array.from({length: width}, (_, k) =>
				cellText(block.map(text => text.slice(itemAt(bounds, k) + 1, bounds[k + 1]).trim())),
			);
			block = [];
			if (line.includes('=') && header === undefined && rows.length === 0) {
				header = row;
				alignLine = line;
			} else {
				rows.push(row);
			}

			continue;
		}

		if (!line.trimStart().startsWith('|')) break;
		block.push(line);
	}

	if (block.length > 0 || (rows.length === 0 && header === undefined)) return undefined;
	const align = Array.from({length: width}, (_, k): Align => {
		const spec = alignLine.slice(itemAt(bounds, k) + 1, bounds[k + 1]);
		const left = spec.startsWith(':');
		const right = spec.endsWith(':');
		return left && right ? 'center' : right ? 'right' : left ? 'left' : 'default';
	});
	const widths = Array.from({length: width}, (_, k) => (bounds[k + 1] ?? 0) - itemAt(bounds, k) - 1);
	return {header, align, widths, rows, end};
}

function pipeTable(table: Table): string[] {
	const row = (texts: readonly string[]) => `| ${texts.map(text => text.replaceAll('|', '\\|')).join(' | ')} |`;
	const rule = table.align.map((align, k) => {
		const dashes = '-'.repeat(Math.max(1, table.widths[k] ?? 1));
		return {left: `:${dashes}`, right: `${dashes}:`, center: `:${dashes}:`, default: dashes}[align];
	});
	// GFM has no headerless table: blank header cells say so, as in pandoc's pipe tables.
	return [row(table.header ?? table.align.map(() => ' ')), `|${rule.join('|')}|`, ...table.rows.map(row)];
}
