// Source lines for the rst block parser: each keeps its 1-based line in the file, so every
// node and warning can name where it came from, however deeply the block was dedented.
import {itemAt} from '../../deck/checked.js';
import type {ConvertWarning, Inline} from './nodes.js';

export type Line = Readonly<{text: string; line: number}>;

/** What the parser carries from block to block: heading styles seen, targets, warnings. */
export type ParseContext = {
	/** Adornment styles in order of first use (docutils' rule): index + 1 is the level. */
	readonly styles: string[];
	readonly targets: Map<string, string>;
	readonly anonymousTargets: string[];
	readonly substitutions: Map<string, Inline>;
	readonly warnings: ConvertWarning[];
	/** The language `.. highlight::` set for later `::` literal blocks ('' for none). */
	highlight: string;
};

/** Beyond this many nested blocks, the rest is kept verbatim (bounded recursion and cost). */
export const maxDepth = 40;

/** Text → lines: any line end, tabs to docutils' 8-column stops, trailing spaces dropped. */
export function toLines(text: string): Line[] {
	return text.split(/\r\n|\r|\n/).map((raw, index) => ({text: expandTabs(raw).trimEnd(), line: index + 1}));
}

function expandTabs(text: string): string {
	if (!text.includes('\t')) {
		return text;
	}

	let out = '';
	for (const char of text) {
		out += char === '\t' ? ' '.repeat(8 - (out.length % 8)) : char;
	}

	return out;
}

export function isBlank(line: Line | undefined): boolean {
	return line !== undefined && line.text === '';
}

export function indentOf(line: Line): number {
	return line.text.length - line.text.trimStart().length;
}

/**
 * End (exclusive) of the block starting at `start` whose lines are blank or indented at least
 * `minIndent`; trailing blank lines are not part of it.
 */
export function indentedEnd(lines: readonly Line[], start: number, minIndent = 1): number {
	let end = start;
	for (let i = start; i < lines.length; i++) {
		const line = itemAt(lines, i);
		if (line.text === '') {
			continue;
		}

		if (indentOf(line) < minIndent) {
			break;
		}

		end = i + 1;
	}

	return end;
}

/** Remove `by` columns of indentation (or, for a line indented less, all of it). */
export function dedent(lines: readonly Line[], by?: number): Line[] {
	const amount = by ?? minIndent(lines);
	return lines.map(line => ({text: line.text.slice(Math.min(amount, indentOf(line))), line: line.line}));
}

/** The smallest indentation of the non-blank lines (a loop: a spread could overflow the stack). */
export function minIndent(lines: readonly Line[]): number {
	let least = Number.MAX_SAFE_INTEGER;
	for (const line of lines) {
		if (line.text !== '') {
			least = Math.min(least, indentOf(line));
		}
	}

	return least === Number.MAX_SAFE_INTEGER ? 0 : least;
}

/** Drop blank lines at both ends. */
export function trimBlank(lines: readonly Line[]): Line[] {
	let start = 0;
	let end = lines.length;
	while (start < end && isBlank(lines[start])) start++;
	while (end > start && isBlank(lines[end - 1])) end--;
	return lines.slice(start, end);
}

export function joinText(lines: readonly Line[]): string {
	return lines.map(line => line.text).join('\n');
}

/** A line of one repeated punctuation character: a section adornment or a transition. */
const adornmentPattern = /^([!-/:-@[-`{-~])\1*$/;

export function adornmentChar(line: Line | undefined): string | undefined {
	if (line === undefined || !adornmentPattern.test(line.text)) {
		return undefined;
	}

	return line.text[0];
}

export function warn(context: ParseContext, line: number, message: string): void {
	context.warnings.push({line, message});
}
