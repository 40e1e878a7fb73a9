// Making and cutting typed lines (runs.ts): a run is measured once when it is made, and every
// operation here (wrap, slice, clip, pad, ASCII fallback) works on the runs' text and widths,
// never on escape sequences. Each is linear in the line's length (cells.ts measures).
import {measure, wrapRanges} from './cells.js';
import {asciiText} from './ascii.js';
import type {Line, Role, Run} from './runs.js';
import {cellWidth} from './text.js';
import {itemAt} from '../deck/checked.js';

export type RunExtra = Readonly<{scope?: string; href?: string; alert?: string}>;

/** A run of sanitised text with its roles (outermost first), measured in cells. */
export function run(text: string, roles?: readonly Role[], extra?: RunExtra): Run {
	const width = cellWidth(text);
	return roles && roles.length > 0 ? {text, width, roles, ...extra} : extra ? {text, width, ...extra} : {text, width};
}

/** A line of runs; empty runs are left out. */
export function line(runs: readonly Run[]): Line {
	let width = 0;
	let empty = false;
	// Indexes, not for…of, in the helpers every line goes through: the bin's V8 runs without its
	// optimising compiler, where for…of allocates an iterator and a result per element.
	for (let i = 0; i < runs.length; i++) {
		const part = itemAt(runs, i);
		width += part.width;
		empty ||= part.text === '';
	}

	return {runs: empty ? runs.filter(part => part.text !== '') : runs, width};
}

export const blankLine: Line = {runs: [], width: 0};

/** A line of one run. */
export function textLine(text: string, roles?: readonly Role[]): Line {
	return text === '' ? blankLine : line([run(text, roles)]);
}

/** Spaces, as a run without roles. */
export function spaces(count: number): Run {
	return {text: ' '.repeat(Math.max(0, count)), width: Math.max(0, count)};
}

/** The line's text without styles. */
export function lineText(of: Line): string {
	let text = '';
	for (let i = 0; i < of.runs.length; i++) text += itemAt(of.runs, i).text;
	return text;
}

/** Lines and runs joined into one line, in order. */
export function join(...parts: readonly (Line | Run)[]): Line {
	const runs: Run[] = [];
	for (let i = 0; i < parts.length; i++) {
		const part = itemAt(parts, i);
		if ('runs' in part) {
			for (let j = 0; j < part.runs.length; j++) runs.push(itemAt(part.runs, j));
		} else {
			runs.push(part);
		}
	}

	return line(runs);
}

/** Every run of the line with `roles` added outside its own (a quote around a paragraph). */
export function withRoles(of: Line, roles: readonly Role[]): Line {
	const runs: Run[] = [];
	for (let i = 0; i < of.runs.length; i++) {
		const part = itemAt(of.runs, i);
		// Roles are never changed once made: a run without roles of its own shares `roles`.
		runs.push({...part, roles: part.roles && part.roles.length > 0 ? roles.concat(part.roles) : roles});
	}

	return {runs, width: of.width};
}

/** The part of a run between text offsets `from` and `to`, measured again. */
function cutRun(part: Run, from: number, to: number): Run {
	if (from === 0 && to === part.text.length) return part;
	const text = part.text.slice(from, to);
	return {...part, text, width: cellWidth(text)};
}

/**
 * Cells `[start, end)` of a line; a wide character cut by either edge is left out (so the
 * result may be a cell narrower than asked).
 */
export function sliceLine(of: Line, start: number, end = Number.POSITIVE_INFINITY): Line {
	if (start <= 0 && end >= of.width) return of;
	const out: Run[] = [];
	let column = 0;
	for (const part of of.runs) {
		const first = column;
		column += part.width;
		if (column <= start || part.width === 0) {
			if (part.width === 0 && first >= start && first < end) out.push(part);
			continue;
		}

		if (first >= end) break;
		if (first >= start && column <= end) {
			out.push(part);
			continue;
		}

		const measured = measure(part.text);
		let cell = first;
		let from = -1;
		let to = part.text.length;
		for (let piece = 0; piece < measured.count; piece++) {
			const cells = measured.widths[piece] ?? 0;
			if (from === -1 && cell >= start) from = measured.starts[piece] ?? 0;
			if (cell + cells > end) {
				to = measured.starts[piece] ?? 0;
				break;
			}

			cell += cells;
		}

		if (from !== -1 && to > from) out.push(cutRun(part, from, to));
	}

	return line(out);
}

/** Pad with spaces to exactly `width` cells (cutting first when wider). */
export function padLine(of: Line, width: number): Line {
	const cut = of.width > width ? sliceLine(of, 0, width) : of;
	return cut.width < width ? join(cut, spaces(width - cut.width)) : cut;
}

/** Clip to `width` cells; when something was cut, the last cells show `marker`. */
export function clipLine(of: Line, width: number, marker: Run): {line: Line; clipped: boolean} {
	if (of.width <= width) return {line: of, clipped: false};
	const kept = sliceLine(of, 0, Math.max(0, width - marker.width));
	// A wide character cut in half leaves the line a cell short; pad so the marker lines up.
	return {line: join(kept, spaces(width - marker.width - kept.width), marker), clipped: true};
}

/** Cut to `width` cells with an ellipsis, for one-line chrome such as the status bar. */
export function truncateLine(of: Line, width: number, ellipsis: Run): Line {
	if (width <= 0) return blankLine;
	if (of.width <= width) return of;
	const kept = sliceLine(of, 0, Math.max(0, width - ellipsis.width));
	return join(kept, spaces(width - ellipsis.width - kept.width), ellipsis);
}

/** Offsets in the line's text where each run starts, and the text. */
function textOf(of: readonly Run[]): {text: string; starts: number[]} {
	let text = '';
	const starts: number[] = [];
	for (const part of of) {
		starts.push(text.length);
		text += part.text;
	}

	return {text, starts};
}

/** The runs between text offsets `from` and `to` of the runs' joined text. */
function runsBetween(of: readonly Run[], starts: readonly number[], from: number, to: number, first: number): {runs: Run[]; next: number} {
	const out: Run[] = [];
	let index = first;
	while (index < of.length && (starts[index] ?? 0) + (of[index]?.text.length ?? 0) <= from) index++;
	let at = index;
	for (; at < of.length; at++) {
		const start = starts[at];
		const part = of[at];
		if (start === undefined || part === undefined || start >= to) break;
		out.push(cutRun(part, Math.max(0, from - start), Math.min(part.text.length, to - start)));
	}

	return {runs: out, next: index};
}

/**
 * Wrap prose to `width` cells: words move to the next line whole, words longer than the
 * width are broken, spaces at either end of a line are dropped, a line end starts a line. Runs are cut where a line
 * ends and keep their roles on both sides.
 */
export function wrapRuns(of: readonly Run[], width: number): Line[] {
	if (width < 1) return [];
	const {text, starts} = textOf(of);
	const lines: Line[] = [];
	let first = 0;
	// A line end in the text (a title or question written over lines) starts a new line.
	let segment = 0;
	while (segment <= text.length) {
		const end = text.indexOf('\n', segment);
		const stop = end === -1 ? text.length : end;
		const piece = segment === 0 && stop === text.length ? text : text.slice(segment, stop);
		for (const [from, to] of wrapRanges(measure(piece), width)) {
			const cut = runsBetween(of, starts, segment + from, segment + to, first);
			first = cut.next;
			lines.push(line(cut.runs));
		}

		segment = stop + 1;
	}

	return lines;
}

/** A marker a hanging indent lines up after: a bullet or a number, then spaces. */
const hangingPrefix = /^\s*(?:(?:[-*+•◦▪]|\d+[.)])\s+)?/;

/**
 * Wrap one line keeping a hanging indent: continuation lines line up under the text after
 * the line's indentation and list marker, as a reader expects of bullets.
 */
export function wrapHangingLine(of: Line, width: number): Line[] {
	if (of.width <= width) return [of];
	const head = lineText(sliceLine(of, 0, 256));
	const prefix = hangingPrefix.exec(head)?.[0] ?? '';
	const indent = Math.min(cellWidth(prefix), Math.floor(width / 2));
	const lead = sliceLine(of, 0, indent);
	const body = sliceLine(of, indent);
	return wrapRuns(body.runs, Math.max(1, width - indent)).map((part, i) => join(i === 0 ? lead : spaces(indent), part));
}

/**
 * The line with box drawing and arrows in ASCII (`LANG=C`, `--ascii`). The map is one cell
 * for one cell, so widths and clipping found before it still hold.
 */
export function asciiLineRuns(of: Line): Line {
	let changed = false;
	const runs = of.runs.map(part => {
		const text = asciiText(part.text);
		if (text === part.text) return part;
		changed = true;
		return {...part, text};
	});
	return changed ? {runs, width: of.width} : of;
}

/**
 * The line with `role` added to the cells of each text range (offsets in the line's text),
 * outside nothing and inside every role already there: a search match inside bold text stays
 * bold. Ranges are sorted and do not overlap.
 */
export function markRanges(of: Line, ranges: ReadonlyArray<readonly [number, number]>, role: Role): Line {
	if (ranges.length === 0) return of;
	const out: Run[] = [];
	let offset = 0;
	let next = 0;
	for (const part of of.runs) {
		const start = offset;
		const end = offset + part.text.length;
		offset = end;
		let at = start;
		while (at < end) {
			while ((ranges[next]?.[1] ?? Number.POSITIVE_INFINITY) <= at) next++;
			const range = ranges[next];
			if (!range || range[0] >= end) {
				out.push(cutRun(part, at - start, end - start));
				break;
			}

			if (range[0] > at) {
				out.push(cutRun(part, at - start, range[0] - start));
				at = range[0];
			}

			const stop = Math.min(end, range[1]);
			const marked = cutRun(part, at - start, stop - start);
			out.push({...marked, roles: [...(marked.roles ?? []), role]});
			at = stop;
		}
	}

	return line(out);
}
