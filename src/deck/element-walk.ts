// Questions asked of a slide's elements as a whole, nested blocks included (a fence in a list
// item or a quote, code in the notes): one visit per element.
import type {Element, Inline} from './elements.js';
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

/** The targets of the images anywhere in `elements` (never drawn: `check` names each), in order. */
export function imageTargets(elements: readonly Element[]): string[] {
	const out: string[] = [];
	const inlines = (list: readonly Inline[]) => {
		for (const inline of list) {
			if (inline.kind === 'image') {
				out.push(inline.href);
			} else if ('children' in inline) {
				inlines(inline.children);
			}
		}
	};

	const walk = (list: readonly Element[]) => {
		for (const element of list) {
			if (element.kind === 'heading' || element.kind === 'paragraph') {
				inlines(element.inlines);
			} else if (element.kind === 'table') {
				for (const cell of [...element.header, ...element.rows.flat()]) inlines(cell);
			} else if (element.kind === 'list') {
				for (const item of element.items) walk(item.children);
			} else if (element.kind === 'quote' || element.kind === 'alert') {
				walk(element.children);
			}
		}
	};

	walk(elements);
	return out;
}

/**
 * The names of the HTML tags in `elements` that Lectern shows as text (the ones it reads, such
 * as `<b>` or `<br>`, became elements of their own), lower-cased, each once, in order.
 */
export function htmlTagsShownAsText(elements: readonly Element[]): string[] {
	const out = new Set<string>();
	const tag = (html: string) => {
		// One opening tag's name is enough to name the construct; a block of many tags names its first.
		const name = /<([a-z][a-z0-9-]*)/i.exec(html)?.[1];
		if (name !== undefined) out.add(name.toLowerCase());
	};

	const inlines = (list: readonly Inline[]) => {
		for (const inline of list) {
			if (inline.kind === 'html') tag(inline.text);
			else if ('children' in inline) inlines(inline.children);
		}
	};

	const walk = (list: readonly Element[]) => {
		for (const element of list) {
			if (element.kind === 'html') tag(element.text);
			else if (element.kind === 'heading' || element.kind === 'paragraph') inlines(element.inlines);
			else if (element.kind === 'table') for (const cell of [...element.header, ...element.rows.flat()]) inlines(cell);
			else if (element.kind === 'list') for (const item of element.items) walk(item.children);
			else if (element.kind === 'quote' || element.kind === 'alert') walk(element.children);
		}
	};

	walk(elements);
	return [...out];
}
