// A code block's line numbers and line highlights at one reveal step (the data comes from the
// fence's info string, see deck/dialects/fence-info.ts): the numbers in a dim gutter, and the
// lines the current highlight step does not light drawn dim. Pure, on typed lines.
import type {LineRange} from '../deck/elements.js';
import {join, run, withRoles} from './lines.js';
import type {Line} from './runs.js';
import {itemAt} from '../deck/checked.js';

export type CodeSteps = Readonly<{
	lineNumbers?: boolean;
	/** The number the gutter gives the first line (1 when not set). */
	lineStart?: number;
	highlights?: readonly (readonly LineRange[])[];
	/** The reveal step that shows `highlights[0]`; each later step the next group, the last one staying. */
	highlightFrom?: number;
}>;

/** The group of lines lit at reveal step `step`; undefined when every line is. */
export function litRanges(code: CodeSteps, step: number): readonly LineRange[] | undefined {
	const groups = code.highlights;
	if (!groups || groups.length === 0) return undefined;
	const index = Math.min(Math.max(0, step - (code.highlightFrom ?? 0)), groups.length - 1);
	const ranges = itemAt(groups, index);
	return ranges.length === 0 ? undefined : ranges;
}

/** `lines` (one per source line, highlighted) with the gutter and the dimming `step` asks for. */
export function codeAtStep(lines: readonly Line[], code: CodeSteps, step: number): Line[] {
	const lit = litRanges(code, step);
	const start = code.lineStart ?? 1;
	const digits = String(lines.length + start - 1).length;
	return lines.map((line, index) => {
		// Highlights count the block's own lines from 1, whatever number the gutter starts at.
		const number = index + 1;
		const shown = lit === undefined || lit.some(range => number >= range.from && number <= range.to) ? line : withRoles(line, ['dim']);
		return code.lineNumbers ? join(run(`${String(index + start).padStart(digits)} `, ['dim']), shown) : shown;
	});
}
