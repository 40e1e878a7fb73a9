// Which presenter a deck was written for, from its front matter and its first 64 KiB: each
// dialect's telltale lines score a point, and the highest score wins (plain Markdown, read as
// Lectern's own, when nothing stands out). Bounded, so a huge deck costs the same to detect.
import type {DialectName} from './dialect.js';

const window = 64 * 1024;

const signs: ReadonlyArray<readonly [DialectName, RegExp]> = [
	// Lectern's own: its notes comments and diagram fences (a deck of them is read as written).
	['lectern', /^(?:<!--\s*(?:notes?|speaker[_-]notes?)\s*:.*|```diagram.*)$/gim],
	[
		'presenterm',
		/^<!--\s*(?:end_slide|column_layout\s*:|column\s*:|reset_layout|incremental_lists\s*:|jump_to_middle|new_lines?\s*:|alignment\s*:)\s*-->\s*$/gim,
	],
	['patat', /^\.\s\.\s\.\s*$/gm],
	['reveal', /^(?:--|<!--\s*\.(?:slide|element)\s*:.*-->)\s*$/gim],
	['lookatme', /^<!--\s*stop\s*-->\s*$/gim],
	['mdp', /^(?:%(?:title|author|date):.*|->.*<-)\s*$/gm],
	['marp', /^<!--\s*_?(?:paginate|class|backgroundColor|backgroundImage|header|footer|headingDivider|theme|color)\s*:.*-->\s*$/gm],
	['slides', /^\s*\/\/\/ /gm],
];

/** Front-matter keys only one tool uses. */
function fromMeta(extra: Readonly<Record<string, unknown>>): DialectName | undefined {
	if (extra['marp'] === true) {
		return 'marp';
	}

	if (typeof extra['patat'] === 'object' && extra['patat'] !== null) {
		return 'patat';
	}

	if ('sub_title' in extra || 'options' in extra) {
		return 'presenterm';
	}

	if ('styles' in extra || 'extensions' in extra) {
		return 'lookatme';
	}

	if ('paging' in extra) {
		return 'slides';
	}

	return undefined;
}

export function detectDialect(text: string, extra: Readonly<Record<string, unknown>>): DialectName {
	const known = fromMeta(extra);
	if (known) {
		return known;
	}

	const head = text.length > window ? text.slice(0, window) : text;
	let best: DialectName = 'lectern';
	let bestScore = 0;
	for (const [name, pattern] of signs) {
		const score = head.match(pattern)?.length ?? 0;
		if (score > bestScore) {
			best = name;
			bestScore = score;
		}
	}

	return best;
}
