// Lists: each list numbers its own items (a nested list starts again at its own start,
// bullets inside a numbered list stay bullets), every block of an item (a code fence, a
// quote, a nested list) is laid out as a block of its own under the item's text, and the
// item's continuation lines hang under its text. An item shown from a later reveal step
// (ListItem.step) is left out until then.
import type {Element} from '../deck/elements.js';
import {maxOf, pushAll} from '../deck/arrays.js';
import {blankLine, join, run, spaces} from './lines.js';
import type {Line} from './runs.js';
import {cellWidth} from './text.js';
import type {Theme} from './theme.js';
import {itemAt} from '../deck/checked.js';

type ListElement = Extract<Element, {kind: 'list'}>;

export type ElementRenderer = (element: Element, width: number, theme: Theme, depth: number, step: number) => Line[];

export function renderList(
	list: ListElement,
	width: number,
	theme: Theme,
	depth: number,
	step: number,
	renderElement: ElementRenderer,
): Line[] {
	const markers = list.items.map((item, i) => {
		const marker = list.ordered ? `${list.start + i}.` : itemAt(theme.glyphs.bullet, depth % theme.glyphs.bullet.length);
		return item.checked === undefined ? marker : `${marker} ${checkbox(item.checked, theme)}`;
	});
	// A list stands two cells in from the text around it; a nested one hangs under its item's text.
	const lead = depth === 0 && width > 20 ? 2 : 0;
	const markerWidth = maxOf(markers.map(cellWidth), 0) + 1;
	const inner = Math.max(1, width - lead - markerWidth);
	const lines: Line[] = [];
	list.items.forEach((item, i) => {
		// An item revealed later (incremental lists) is not there yet; its number stays its own.
		if ((item.step ?? 0) > step) return;
		if (lines.length > 0 && list.loose) lines.push(blankLine);
		const body: Line[] = [];
		item.children.forEach((child, k) => {
			if (k > 0 && list.loose && child.kind !== 'list') body.push(blankLine);
			pushAll(body, renderElement(child, inner, theme, depth + 1, step));
		});
		const marker = itemAt(markers, i);
		// Numbers line up on their right edge (9. and 10.), bullets on their left.
		const shown = list.ordered ? marker.padStart(markerWidth - 1) : marker.padEnd(markerWidth - 1);
		const first = body[0];
		lines.push(
			first && first.width > 0
				? join(spaces(lead), run(shown, ['bullet']), spaces(1), first)
				: join(spaces(lead), run(shown.trimEnd(), ['bullet'])),
		);
		for (const each of body.slice(1)) {
			lines.push(each.width === 0 ? blankLine : join(spaces(lead + markerWidth), each));
		}
	});
	return lines;
}

function checkbox(checked: boolean, theme: Theme): string {
	if (theme.ascii) return checked ? '[x]' : '[ ]';
	return checked ? '☑' : '☐';
}
