// Live search highlight over already-styled lines: matches are found in the plain text and
// re-styled by cell position, so highlighting never disturbs layout.
import sliceAnsi from 'slice-ansi';
import {highlightRanges, parseQuery} from '../search/index.js';
import {cellWidth, stripStyles} from './text.js';
import {styles, type Theme} from './theme.js';

export function makeHighlighter(query: string, theme: Theme): ((line: string) => string) | undefined {
	const parsed = parseQuery(query);
	if (parsed.terms.length === 0) {
		return undefined;
	}

	const s = styles(theme);
	return (line: string) => {
		const plain = stripStyles(line);
		const ranges = highlightRanges(plain, parsed);
		if (ranges.length === 0) {
			return line;
		}

		let out = '';
		let column = 0;
		let previousEnd = 0;
		for (const [start, end] of ranges) {
			const from = column + cellWidth(plain.slice(previousEnd, start));
			const to = from + cellWidth(plain.slice(start, end));
			out += sliceAnsi(line, column, from) + s.match(plain.slice(start, end));
			column = to;
			previousEnd = end;
		}

		return out + sliceAnsi(line, column);
	};
}
