// Guards that run before marked sees a slide. marked recurses once per nesting level (10,000
// `> ` on a line overflows the stack) and some delimiter runs cost quadratic time (50,000
// `_a` take seconds), and a synchronous parse cannot be interrupted, so these inputs are
// recognised up front and shown flattened or as plain text.
import {BlockTracker} from './blocks.js';

/** Deepest list/quote nesting handed to marked; deeper markers are shown as text. */
export const nestingLimit = 16;

/** Delimiter characters in one paragraph above which parsing is not attempted. */
export const delimiterLimit = 1500;

const nestingMarker = /^[ \t]*(?:[-*+]|\d{1,9}[.)]|>)(?:[ \t]+|$)/;

export function capNesting(markdown: string): {text: string; changed: boolean; limit: number} {
	let changed = false;
	const lines = markdown.split('\n').map(line => {
		let rest = line;
		let depth = 0;
		let kept = '';
		let match: RegExpExecArray | null;
		while ((match = nestingMarker.exec(rest)) && match[0].length > 0) {
			depth++;
			if (depth > nestingLimit) {
				changed = true;
				// The remaining markers become literal text: backslash-escape their punctuation
				// (`1\.`, not `\1.`: a backslash before a digit is shown, not an escape).
				return kept + rest.replace(/[-*+>]|(?<=\d)[.)]/g, '\\$&');
			}

			kept += match[0];
			rest = rest.slice(match[0].length);
			if (rest === '') {
				break;
			}
		}

		return line;
	});
	return {text: changed ? lines.join('\n') : markdown, changed, limit: nestingLimit};
}

const delimiter = /[_*[\]<>`~!()\\]/g;

/** True when some paragraph holds so many delimiters that parsing it could take seconds. */
export function looksPathological(markdown: string): boolean {
	if (markdown.length < delimiterLimit) {
		return false;
	}

	// Code is never parsed for delimiters: the same block rules as the slide scanner say where it is.
	const tracker = new BlockTracker();
	let count = 0;
	for (const line of markdown.split('\n')) {
		const kind = tracker.next(line).kind;
		if (kind !== 'text' && kind !== 'heading' && kind !== 'setext') {
			count = 0;
			continue;
		}

		count += line.match(delimiter)?.length ?? 0;
		if (count > delimiterLimit) {
			return true;
		}
	}

	return false;
}
