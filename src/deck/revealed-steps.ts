// Reveal steps inside a block, for the parser (parse.ts): a list revealed item by item was cut
// into steps at its items, and those steps are read back as one Markdown text (groups of steps,
// each list item shown from its step); code with line highlights nested in a list or a quote
// takes its highlight steps in document order. Pure functions on the deck's own elements.
import {itemAt} from './checked.js';
import type {Element, ListItem} from './elements.js';
import {countNewlines} from './scan.js';
import type {SlideStep} from './slide-text.js';

/** Whether `above` ends and `below` starts with a line of text: no blank line between the two steps. */
export function touches(above: string, below: string): boolean {
	const newline = below.indexOf('\n');
	return above.slice(above.lastIndexOf('\n') + 1).trim() !== '' && (newline === -1 ? below : below.slice(0, newline)).trim() !== '';
}

/**
 * Whether step `below` goes on with the list `above` ends in: it was cut at an item of an
 * incremental list (the source runs on unbroken), or a pause stands between two tight items.
 */
export function continuesItems(above: SlideStep, below: SlideStep): boolean {
	return above.endsInList && below.startsWithItem && (below.cutAtItem || touches(above.markdown, below.markdown));
}

/**
 * For a line of a group's joined Markdown: the step it came from and that step's first line in
 * the text. Asked for lines in order (the tokens'), so it walks the group once in all.
 */
export function groupLines(group: readonly SlideStep[]): (line: number) => {step: SlideStep; offset: number} {
	const offsets: number[] = [];
	let offset = 0;
	for (const step of group) {
		offsets.push(offset);
		offset += countNewlines(step.markdown) + 1;
	}

	let index = 0;
	return line => {
		while (index + 1 < group.length && itemAt(offsets, index + 1) <= line) {
			index++;
		}

		return {step: itemAt(group, index), offset: itemAt(offsets, index)};
	};
}

/**
 * A list, quote or alert rebuilt with `visit` applied to each block directly inside it, in
 * document order; `enterItem` runs as each list item is entered (before its blocks) and gives
 * what to do with the rebuilt item. Unchanged parts stay the same objects; `undefined` for any
 * other element.
 */
function mapInside(
	each: Element,
	visit: (child: Element) => Element,
	enterItem: () => (item: ListItem) => ListItem = () => item => item,
): Element | undefined {
	const mapAll = (list: readonly Element[]) => {
		const mapped = list.map(visit);
		return mapped.every((child, i) => child === list[i]) ? list : mapped;
	};

	switch (each.kind) {
		case 'list': {
			const items = each.items.map(item => {
				const finish = enterItem();
				const children = mapAll(item.children);
				return finish(children === item.children ? item : {...item, children});
			});
			return items.every((item, i) => item === each.items[i]) ? each : {...each, items};
		}

		case 'quote':
		case 'alert': {
			const children = mapAll(each.children);
			return children === each.children ? each : {...each, children};
		}

		default: {
			return undefined;
		}
	}
}

/**
 * `element` with each list item in it (nested ones too, in document order) shown from the step
 * `nextStep` gives, when that is later than the block's own `shownFrom`. The same element when
 * no item changes.
 */
export function withItemSteps(element: Element, shownFrom: number, nextStep: () => number | undefined): Element {
	const visit = (each: Element): Element =>
		mapInside(each, visit, () => {
			const step = nextStep();
			return item => (step === undefined || step <= shownFrom ? item : {...item, step});
		}) ?? each;
	return visit(element);
}

/**
 * `element` with each code block nested in it (in a list item, a quote) given the reveal step
 * of its first highlight group, in document order from `from`; `next`: the step after them.
 * The same element when none has highlights.
 */
export function withNestedHighlights(element: Element, from: number): {element: Element; next: number} {
	let next = from;
	const visit = (each: Element): Element => {
		if (each.kind !== 'code') return mapInside(each, visit) ?? each;
		if (!each.highlights) return each;
		const placed = {...each, highlightFrom: next};
		next += each.highlights.length - 1;
		return placed;
	};

	return {element: visit(element), next};
}
