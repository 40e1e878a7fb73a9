// A deck as a handout: every slide whole (all reveal steps), its notes, its number and its
// section, as the deck's own elements. Both handout writers (html.ts, markdown.ts) read this;
// neither sees a marked token. Pure: a parsed deck in, typed data out.
import {sectionIndexOf, slideHead} from '../deck/deck.js';
import type {Element, ListItem} from '../deck/elements.js';
import {parseSlideOnce} from '../deck/parse.js';
import {sanitizeLine} from '../deck/sanitize.js';
import type {Block, Deck} from '../deck/types.js';

export type HandoutSlide = Readonly<{
	/** 1-based, as `deck.md:N`, the status bar and `lectern search` count. */
	number: number;
	/** Plain text ('' when the slide has none). */
	title: string;
	/** The slide opens a section. */
	isSection: boolean;
	/** Number of the section slide this slide belongs to (itself for a section slide); 0 for none. */
	section: number;
	/** The slide's blocks at its last reveal step: a handout shows the whole slide. */
	elements: readonly Element[];
	notes: readonly Element[];
}>;

export type Handout = Readonly<{
	title: string;
	/** Author and date from the front matter, joined ('' when neither is given). */
	byline: string;
	slides: readonly HandoutSlide[];
}>;

export type HandoutOptions = Readonly<{notes: boolean}>;

/** The handout of a whole deck. Each slide is parsed once and not kept in the parse cache. */
export function handoutOf(deck: Deck, options: HandoutOptions): Handout {
	const slides: HandoutSlide[] = [];
	for (let index = 0; index < deck.count; index++) {
		const slide = parseSlideOnce(deck, index);
		const section = sectionIndexOf(deck, index);
		slides.push({
			number: index + 1,
			title: slide.title,
			isSection: slideHead(deck, index).isSection,
			section: section + 1,
			elements: joinRevealedLists(slide.blocks),
			notes: options.notes ? slide.noteElements : [],
		});
	}

	const meta = (value: string | undefined) => sanitizeLine(value ?? '').trim();
	const title = meta(deck.meta.title) || slides.find(slide => slide.title !== '')?.title || '';
	return {
		title,
		byline: [meta(deck.meta.author), meta(deck.meta.date)].filter(part => part !== '').join(' · '),
		slides,
	};
}

/** The blocks' elements, a list revealed item by item (`continuesList`) joined back into one list. */
function joinRevealedLists(blocks: readonly Block[]): Element[] {
	const elements: Element[] = [];
	// The items of the list being joined (elements' last entry), collected before it is rebuilt once.
	let joined: ListItem[] | undefined;
	const flush = () => {
		const list = elements.at(-1);
		if (joined && list?.kind === 'list') elements[elements.length - 1] = {...list, items: joined};
		joined = undefined;
	};
	for (const block of blocks) {
		const above = elements.at(-1);
		if (block.continuesList && above?.kind === 'list' && block.element.kind === 'list') {
			joined ??= [...above.items];
			for (const item of block.element.items) joined.push(item);
		} else {
			flush();
			elements.push(block.element);
		}
	}

	flush();
	return elements;
}

export type OutlineSection = Readonly<{slide?: HandoutSlide; slides: readonly HandoutSlide[]}>;

/** Slides grouped by section, in order; slides before the first section form a group without one. */
export function outlineOf(handout: Handout): OutlineSection[] {
	const groups: Array<{slide?: HandoutSlide; slides: HandoutSlide[]}> = [];
	let group: {slide?: HandoutSlide; slides: HandoutSlide[]} | undefined;
	for (const slide of handout.slides) {
		if (slide.isSection || group === undefined) {
			group = slide.isSection ? {slide, slides: []} : {slides: [slide]};
			groups.push(group);
		} else {
			group.slides.push(slide);
		}
	}

	return groups;
}
