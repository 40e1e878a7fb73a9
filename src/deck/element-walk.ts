// Questions asked of a slide's elements as a whole, nested blocks included (a fence in a list
// item or a quote, code in the notes): one visit per element.
import type {Element} from './elements.js';
import type {Slide} from './types.js';

/** The language of every code element, in order, nested ones included ('' for none given). */
export function codeLanguages(elements: readonly Element[]): string[] {
	const out: string[] = [];
	const walk = (list: readonly Element[]) => {
		for (const element of list) {
			if (element.kind === 'code') {
				out.push(element.lang);
			} else if (element.kind === 'list') {
				for (const item of element.items) {
					walk(item.children);
				}
			} else if (element.kind === 'quote' || element.kind === 'alert') {
				walk(element.children);
			}
		}
	};

	walk(elements);
	return out;
}

/** Whether a slide shows code in a named language anywhere, its notes included: the highlighter is worth loading. */
export function hasHighlightableCode(slide: Slide): boolean {
	return (
		codeLanguages(slide.blocks.map(block => block.element)).some(lang => lang !== '') ||
		codeLanguages(slide.noteElements).some(lang => lang !== '')
	);
}
