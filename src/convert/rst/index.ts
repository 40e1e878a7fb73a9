// reStructuredText slide deck → Lectern Markdown deck. Pure: text in, text and a report out.
import {parseBlocks} from './blocks.js';
import {toLines, type ParseContext} from './lines.js';
import type {ConvertWarning} from './nodes.js';
import {writeDeck, type ConvertSummary} from './writer.js';

export type {ConvertSummary} from './writer.js';
export type {ConvertWarning} from './nodes.js';

export type Conversion = Readonly<{markdown: string; summary: ConvertSummary; warnings: readonly ConvertWarning[]}>;

export function convertRst(text: string): Conversion {
	const context: ParseContext = {
		styles: [],
		targets: new Map(),
		anonymousTargets: [],
		substitutions: new Map(),
		warnings: [],
		highlight: '',
	};
	const nodes = parseBlocks(toLines(text.replace(/^\uFEFF/, '')), context, 0);
	const warnings = [...context.warnings].sort((a, b) => a.line - b.line);
	const {markdown, summary} = writeDeck({
		nodes,
		targets: context.targets,
		anonymousTargets: context.anonymousTargets,
		substitutions: context.substitutions,
		levels: context.styles.length,
		warnings,
	});
	return {markdown, summary, warnings};
}
