import {group, itemAt} from './checked.js';
// A figure that a converted deck could not bring along (a picture in the original) is drawn
// as a framed placeholder in a `diagram` fence, for the author to redraw as text. The frame's
// first line marks it; `lectern check` lists every placeholder still in a deck.

export const figurePlaceholderTitle = 'figure to redraw';

const headerPattern = new RegExp(`^┌─ ${figurePlaceholderTitle} ─+┐$`);
const fileLine = /^│ file: (.*?)\s*│$/;
const continuationLine = /^│ {3,}(\S.*?)\s*│$/;

/** The figure's file name when `lines` (a diagram block) are a placeholder, else undefined. */
export function placeholderFigureFile(lines: readonly string[]): string | undefined {
	if (!headerPattern.test(lines[0] ?? '')) {
		return undefined;
	}

	for (let i = 1; i < lines.length; i++) {
		const file = fileLine.exec(itemAt(lines, i));
		if (file) {
			let name = group(file, 1);
			for (let more = continuationLine.exec(lines[i + 1] ?? ''); more; more = continuationLine.exec(lines[++i + 1] ?? '')) {
				name += group(more, 1);
			}

			return name;
		}
	}

	return '';
}
