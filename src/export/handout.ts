// A deck as a handout: every slide whole (all reveal steps), its notes, its number and its
// section, as the deck's own elements. Both handout writers (html-page.ts, markdown.ts) read this;
// neither sees a marked token. Pure: a parsed deck in, typed data out (each slide's content
// parsed when a writer reads it).
import {sectionIndexOf, slideHead} from '../deck/deck.js';
import type {Element, ListItem} from '../deck/elements.js';
import {parseSlideOnce, slideTitle} from '../deck/parse.js';
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
	/**
	 * The slide's blocks at its last reveal step (a handout shows the whole slide), each with the
	 * alignment and blank rows its author asked for: the same block data the terminal layout draws.
	 */
	blocks: readonly HandoutBlock[];
	notes: readonly Element[];
}>;

/**
 * A block of a handout: its element, and presenterm's `alignment` / `new_lines` (mdp's centring)
 * as the slide's Block carries them. `middle` (jump_to_middle) needs a screen's height: a page has none.
 */
export type HandoutBlock = Pick<Block, 'element' | 'align' | 'space'>;

export type Handout = Readonly<{
	title: string;
	/** Author and date from the front matter, joined ('' when neither is given). */
	byline: string;
	slides: readonly HandoutSlide[];
}>;

export type HandoutOptions = Readonly<{notes: boolean}>;

/**
 * The handout of a whole deck. Each slide's number, title and section are read without parsing
 * it (what the outline at the top of the page needs); its elements and notes are parsed when a
 * writer reads them, and not kept: writing a page of 300,000 slides holds one slide's elements
 * at a time instead of every slide's (576 MB at its peak).
 */
export function handoutOf(deck: Deck, options: HandoutOptions): Handout {
	return streamedHandout(deck, options).handout;
}

/** handoutOf, and the number of slides with notes among those the writer has read so far. */
export function streamedHandout(deck: Deck, options: HandoutOptions): {handout: Handout; slidesWithNotes: () => number} {
	const content = new SlideContent(deck, options);
	const slides: HandoutSlide[] = [];
	for (let index = 0; index < deck.count; index++) {
		slides.push(new LazySlide(content, index, slideTitle(deck, index), slideHead(deck, index).isSection, sectionIndexOf(deck, index) + 1));
	}

	const meta = (value: string | undefined) => sanitizeLine(value ?? '').trim();
	const title = meta(deck.meta.title) || slides.find(slide => slide.title !== '')?.title || '';
	return {
		handout: {
			title,
			byline: [meta(deck.meta.author), meta(deck.meta.date)].filter(part => part !== '').join(' · '),
			slides,
		},
		slidesWithNotes: () => content.withNotes,
	};
}

/** The blocks and notes of the slide read last (a writer reads a slide's blocks, then its notes). */
class SlideContent {
	withNotes = 0;
	#index = -1;
	#blocks: readonly HandoutBlock[] = [];
	#notes: readonly Element[] = [];
	readonly #deck: Deck;
	readonly #options: HandoutOptions;
	/** Slides already counted in `withNotes` (a slide read twice counts once). */
	readonly #counted: Uint8Array;
	constructor(deck: Deck, options: HandoutOptions) {
		this.#deck = deck;
		this.#options = options;
		this.#counted = new Uint8Array(deck.count);
	}

	of(index: number): {blocks: readonly HandoutBlock[]; notes: readonly Element[]} {
		if (index !== this.#index) {
			const slide = parseSlideOnce(this.#deck, index);
			this.#index = index;
			this.#blocks = joinRevealedLists(slide.blocks);
			this.#notes = this.#options.notes ? slide.noteElements : [];
			if (this.#notes.length > 0 && this.#counted[index] === 0) {
				this.#counted[index] = 1;
				this.withNotes++;
			}
		}

		return {blocks: this.#blocks, notes: this.#notes};
	}
}

/** A slide of the handout; its content is parsed when read (see SlideContent). */
class LazySlide implements HandoutSlide {
	readonly number: number;
	readonly title: string;
	readonly isSection: boolean;
	readonly section: number;
	readonly #content: SlideContent;
	constructor(content: SlideContent, index: number, title: string, isSection: boolean, section: number) {
		this.#content = content;
		this.number = index + 1;
		this.title = title;
		this.isSection = isSection;
		this.section = section;
	}

	get blocks(): readonly HandoutBlock[] {
		return this.#content.of(this.number - 1).blocks;
	}

	get notes(): readonly Element[] {
		return this.#content.of(this.number - 1).notes;
	}
}

/** The blocks (element and placement), a list revealed item by item (`continuesList`) joined back into one list. */
function joinRevealedLists(blocks: readonly Block[]): HandoutBlock[] {
	const out: HandoutBlock[] = [];
	// The items of the list being joined (out's last entry), collected before it is rebuilt once.
	let joined: ListItem[] | undefined;
	const flush = () => {
		const last = out.at(-1);
		if (joined && last?.element.kind === 'list') out[out.length - 1] = {...last, element: {...last.element, items: joined}};
		joined = undefined;
	};
	for (const block of blocks) {
		const above = out.at(-1)?.element;
		if (block.continuesList && above?.kind === 'list' && block.element.kind === 'list') {
			joined ??= [...above.items];
			for (const item of block.element.items) joined.push(item);
		} else {
			flush();
			out.push(placement(block));
		}
	}

	flush();
	return out;
}

function placement(block: Block): HandoutBlock {
	return {
		element: block.element,
		...(block.align ? {align: block.align} : {}),
		...(block.space ? {space: block.space} : {}),
	};
}

/** A handout slide's elements, without their placement (the Markdown handout, questions about content). */
export function slideElements(slide: HandoutSlide): Element[] {
	return slide.blocks.map(block => block.element);
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
