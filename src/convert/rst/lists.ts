// Bullet, enumerated and field lists: an item is its marker line plus the lines indented under
// it, dedented to the item's text column and parsed as blocks of their own.
import {group, itemAt} from '../../deck/checked.js';
import {parseBlocks} from './blocks.js';
import {dedent, indentedEnd, indentOf, isBlank, type Line, type ParseContext} from './lines.js';
import type {Node} from './nodes.js';

const bulletPattern = /^([-*+•‣⁃])(?: +(.*))?$/;
const enumeratorPattern = /^(\(?)(\d+|#|[a-zA-Z]|[ivxlcdm]+|[IVXLCDM]+)([.)])(?: +(.*))?$/;
const fieldPattern = /^:((?:[^:\\`]|\\.)+?):(?: +(.*))?$/;

type Marker = Readonly<{format: string; ordinal: number | undefined; rest: string | undefined}>;

function bullet(text: string): Marker | undefined {
	const match = bulletPattern.exec(text);
	return match ? {format: group(match, 1), ordinal: undefined, rest: match[2]} : undefined;
}

function enumerator(text: string): Marker | undefined {
	const match = enumeratorPattern.exec(text);
	if (!match || (match[1] === '(' && match[3] !== ')')) {
		return undefined;
	}

	const value = group(match, 2);
	const kind = /^\d+$/.test(value)
		? 'arabic'
		: value === '#'
			? 'auto'
			: /^[ivxlcdm]+$/i.test(value) && (value.length > 1 || /^[iI]$/.test(value))
				? 'roman'
				: 'alpha';
	return {format: `${match[1]}${kind === 'auto' ? 'arabic' : kind}${match[3]}`, ordinal: ordinalOf(value, kind), rest: match[4]};
}

function ordinalOf(value: string, kind: string): number | undefined {
	switch (kind) {
		case 'arabic': {
			return Number(value);
		}

		case 'alpha': {
			return value.toLowerCase().charCodeAt(0) - 96;
		}

		case 'roman': {
			const digits: Record<string, number> = {i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000};
			let total = 0;
			const lower = value.toLowerCase();
			// The pattern admits only these letters, so every lookup finds its digit.
			for (let i = 0; i < lower.length; i++) {
				const digit = digits[lower.charAt(i)] ?? 0;
				total += digit < (digits[lower.charAt(i + 1)] ?? 0) ? -digit : digit;
			}

			return total;
		}

		default: {
			return undefined;
		}
	}
}

function field(text: string): Marker | undefined {
	const match = fieldPattern.exec(text);
	return match ? ({format: ':', ordinal: undefined, rest: match[2], name: group(match, 1)} as Marker & {name: string}) : undefined;
}

/** A list starting at `start`, or undefined when the line starts none. */
export function parseList(
	lines: readonly Line[],
	start: number,
	context: ParseContext,
	depth: number,
): {node: Node; next: number} | undefined {
	const {text, line} = itemAt(lines, start);
	for (const [kind, read] of [
		['bullets', bullet],
		['enumerated', enumerator],
		['fields', field],
	] as const) {
		const first = read(text);
		if (!first) {
			continue;
		}

		// "A. Smith wrote" is a paragraph: an enumerator needs a blank, indented or similar next line.
		const after = lines[start + 1];
		if (
			kind === 'enumerated' &&
			after !== undefined &&
			!isBlank(after) &&
			indentOf(after) === 0 &&
			enumerator(after.text)?.format !== first.format
		) {
			return undefined;
		}

		const items: Node[][] = [];
		const names: string[] = [];
		let i = start;
		let marker: Marker | undefined = first;
		while (marker && marker.format === first.format) {
			const end = indentedEnd(lines, i + 1);
			const markerLine = itemAt(lines, i);
			const restColumn = marker.rest === undefined ? undefined : markerLine.text.length - marker.rest.length;
			const body = lines.slice(i + 1, end);
			const column = restColumn ?? indentOf(body.find(line => !isBlank(line)) ?? {text: '', line: 0});
			const itemLines = [...(marker.rest === undefined ? [] : [{text: marker.rest, line: markerLine.line}]), ...dedent(body, column)];
			items.push(parseBlocks(itemLines, context, depth + 1));
			names.push((marker as Marker & {name?: string}).name ?? '');
			i = end;
			while (isBlank(lines[i])) i++;
			const next = lines[i];
			marker = next !== undefined && indentOf(next) === 0 ? read(next.text) : undefined;
		}

		if (kind === 'bullets') {
			return {node: {kind, line, items}, next: i};
		}

		if (kind === 'enumerated') {
			return {node: {kind, line, start: first.ordinal ?? 1, items}, next: i};
		}

		return {node: {kind, line, items: items.map((body, index) => ({name: itemAt(names, index), body}))}, next: i};
	}

	return undefined;
}
