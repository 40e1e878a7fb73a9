// Live search highlight over already-styled lines: matches are found in the plain text and
// re-styled in one walk over the line's pieces, so highlighting never disturbs layout and
// costs the same for one match as for thousands.
import {highlightRanges, parseQuery} from '../search/index.js';
import {measure, Styles} from './cells.js';
import {stripStyles} from './text.js';
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

		const {text, starts, count} = measure(line);
		const inForce = new Styles();
		let out = '';
		let piece = 0;
		// Offset in `plain` of the piece at `piece`.
		let offset = 0;
		// Walks to the piece at plain offset `to`, keeping its text or only its escapes.
		const walk = (to: number, keep: boolean) => {
			for (; piece < count; piece++) {
				const pieceText = text.slice(starts[piece], starts[piece + 1]);
				const escape = pieceText.charCodeAt(0) === 0x1b;
				// Escapes where a match starts go before it; those where it ends, after it.
				if (offset >= to && (!escape || !keep)) {
					break;
				}

				if (escape) {
					inForce.apply(pieceText);
				} else {
					offset += pieceText.length;
				}

				if (keep) {
					out += pieceText;
				}
			}
		};

		for (const [start, end] of ranges) {
			walk(start, true);
			out += s.match(plain.slice(start, end));
			walk(end, false);
			out += inForce.opening();
		}

		return out + text.slice(starts[piece], text.length);
	};
}
