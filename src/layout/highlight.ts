// Live search highlight over laid-out lines: matches are found in each line's text and marked
// on its runs (role `match`), so highlighting never disturbs layout and costs the same for one
// match as for thousands.
import {highlightRanges, parseQuery} from '../search/index.js';
import {lineText, markRanges} from './lines.js';
import type {Line} from './runs.js';

export function makeHighlighter(query: string): ((line: Line) => Line) | undefined {
	const parsed = parseQuery(query);
	if (parsed.terms.length === 0) {
		return undefined;
	}

	return (line: Line) => {
		if (line.width === 0) return line;
		const ranges = highlightRanges(lineText(line), parsed);
		return ranges.length === 0 ? line : markRanges(line, ranges, 'match');
	};
}
