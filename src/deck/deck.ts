// Text → Deck, and the per-slide facts computed on demand (memoised per deck object, so the
// functions stay pure: the same deck and index always give the same answer).
import {detectDialect} from './dialects/detect.js';
import type {DialectName} from './dialects/dialect.js';
import {readPercentHeader} from './dialects/header.js';
import {withIntroSlide} from './dialects/intro.js';
import {dialects} from './dialects/rules.js';
import {readFrontMatter, type FrontMatter} from './front-matter.js';
import {countNewlines, finish, scanSlideSteps, scanSlides, type SlideBounds} from './scan.js';
import {splitSlideText, type SlideText} from './slide-text.js';
import type {Deck, SlideHead} from './types.js';
import {itemAt} from './checked.js';
import {boundSlideSource, slideCutMarker} from './limits.js';

export class DeckError extends Error {
	readonly line: number | undefined;
	constructor(message: string, line?: number) {
		super(message);
		this.name = 'DeckError';
		this.line = line;
	}
}

/** Normalise line ends; a UTF-8 byte-order mark is not content. */
export function normalizeText(text: string): string {
	const withoutBom = text.charCodeAt(0) === 0xfe_ff ? text.slice(1) : text;
	return withoutBom.includes('\r') ? withoutBom.replaceAll('\r\n', '\n').replaceAll('\r', '\n') : withoutBom;
}

/** The front matter (YAML, or mdp's `%title:` lines) and the dialect the deck is read in. */
function readDeckStart(text: string, forced?: DialectName): {front: FrontMatter; dialect: DialectName} {
	const normal = normalizeText(text);
	const percent = forced === undefined || forced === 'mdp' ? readPercentHeader(normal) : undefined;
	const front = percent ?? readFrontMatter(normal);
	const dialect = forced ?? (percent ? 'mdp' : detectDialect(front.body, front.meta.extra));
	return {front: dialect === 'presenterm' ? withIntroSlide(front) : front, dialect};
}

/** pandoc's slide level, when patat's settings give one. */
function slideLevelOf(front: FrontMatter): number | undefined {
	const patat = front.meta.extra['patat'] as {slideLevel?: unknown} | undefined;
	const level = Number(patat?.slideLevel);
	return Number.isInteger(level) && level >= 1 && level <= 6 ? level : undefined;
}

/**
 * Build a deck from its text, read in `dialect` (detected when not given). Throws DeckError
 * (with a line) or FrontMatterError.
 */
export function openDeck(text: string, file: string, dialect?: DialectName): Deck {
	return finish(openDeckSteps(text, file, dialect));
}

/**
 * openDeck in steps: it pauses every few thousand lines of the scan, so the presenter can read
 * a deck of millions of lines and still answer keys and signals (see cli/load.ts).
 */
export function* openDeckSteps(text: string, file: string, dialect?: DialectName): Generator<void, Deck> {
	const start = readDeckStart(text, dialect);
	const bounds = yield* scanSlideSteps(start.front.body, dialects[start.dialect], slideLevelOf(start.front));
	if (bounds.starts.length === 0) {
		throw new DeckError('the deck has no slides (it is empty or holds only separators)');
	}

	return deckOf(file, start.front, bounds, bounds.starts.length, start.dialect);
}

/** The deck of the first `count` slides `bounds` found in `front`'s body. */
function deckOf(file: string, front: FrontMatter, bounds: SlideBounds, count: number, dialect: DialectName): Deck {
	return {
		file,
		dialect,
		...(front.intro ? {intro: true} : {}),
		meta: front.meta,
		body: front.body,
		bodyLine: front.bodyLine,
		count,
		// The whole scan (not a head's first slides) is taken as it is: copying three arrays of
		// millions of slides was a stretch of its own.
		starts: count === bounds.starts.length ? bounds.starts : bounds.starts.slice(0, count),
		ends: count === bounds.ends.length ? bounds.ends : bounds.ends.slice(0, count),
		lines: count === bounds.lines.length ? bounds.lines : bounds.lines.slice(0, count),
		...(count === bounds.lines.length && bounds.newlines !== undefined ? {newlines: bounds.newlines} : {}),
		warnings: bounds.warnings.map(warning => ({...warning, line: warning.line + front.bodyLine + 1})),
	};
}

/**
 * The whole slides at the start of a deck, from `text`: the first bytes of a larger file, cut
 * at a line end. It is what the first frame of a huge deck needs while the rest is read. The
 * scan is sequential, so a slide closed by a separator inside `text` is exactly the slide the
 * whole deck has; the last slide, which may go on past the cut, is left out. Undefined when the
 * start cannot tell: front matter not closed within it, no separator in it (the deck may be
 * split at headings), or no whole slide.
 */
export function openDeckHead(text: string, file: string, dialect?: DialectName, scanChars: number = text.length): Deck | undefined {
	let start: {front: FrontMatter; dialect: DialectName};
	try {
		start = readDeckStart(text, dialect);
	} catch {
		return undefined;
	}

	// The dialect is told from all of `text`, as for the whole deck; only the body's first
	// `scanChars` (cut at a line end) are split into slides: the scan is what costs.
	const front =
		start.front.body.length > scanChars
			? {...start.front, body: start.front.body.slice(0, start.front.body.lastIndexOf('\n', scanChars - 1) + 1)}
			: start.front;
	const bounds = scanSlides(front.body, dialects[start.dialect], slideLevelOf(front));
	// The slide running to the cut may go on; one before it (a blank slide at the cut is
	// dropped by the scan) ended at a separator.
	const last = bounds.starts.length - 1;
	const count = bounds.ends[last] === front.body.length ? last : last + 1;
	if (bounds.splitBy !== 'separators' || count < 1) {
		return undefined;
	}

	// The scan's warnings are about the slide left out.
	return {...deckOf(file, front, bounds, count, start.dialect), warnings: [], partial: true};
}

export function slideSource(deck: Deck, index: number): string {
	return deck.body.slice(deck.starts[index], deck.ends[index]);
}

/** 1-based line in the deck file where the slide starts. */
export function slideLine(deck: Deck, index: number): number {
	return deck.bodyLine + (deck.lines[index] ?? 0) + 1;
}

/**
 * Split slide texts, kept two ways, both bounded: the most recent slides by index (a head and a
 * parse of the same slide follow each other), and short texts by their source, so a deck that
 * repeats one short slide (300,000 `#` lines) splits it once and every slide shares the result
 * (a SlideText depends only on its source and the deck's dialect settings, and lines in it are
 * counted from the slide's start). Kept for every slide, texts were most of the memory of a
 * pass over a deck of hundreds of thousands of slides.
 */
type TextCache = {
	/** Direct-mapped by index: slot `index % recentTexts` holds that index's text. */
	recentIndex: Int32Array;
	recentText: Array<SlideText | undefined>;
	bySource: Map<string, SlideText>;
	/** Texts found by source; none in the first `sharedTexts` turns sharing off for the deck. */
	hits: number;
	sharing: boolean;
};
const textCache = new WeakMap<Deck, TextCache>();
// The latest heads by index, as for texts: a head for every slide, kept, was two objects per slide
// for as long as the deck lived (the search index reads every slide's), and the garbage collector
// went through them all at each full collection: pauses of 0.1-0.4 s on 300,000 slides.
const headCache = new WeakMap<Deck, {index: Int32Array; head: Array<SlideHead | undefined>}>();
const recentHeads = 256;
const recentTexts = 256;
const sharedTexts = 64;
const sharedSourceChars = 512;

export function slideText(deck: Deck, index: number): SlideText {
	return textOf(deck, index, true);
}

/**
 * slideText for a pass that reads each slide once and nothing else of it (the search index built
 * while the presenter is idle): found in the caches when there (a shared short source too), but
 * not kept by index. Kept, each text outlived the young generation and was then dropped from the
 * old one, where no full collection came to take it back in a presenter's session: with the
 * index of 1,000 slides built, peak RSS 1.5 MiB more.
 */
export function slideTextUnkept(deck: Deck, index: number): SlideText {
	return textOf(deck, index, false);
}

function textOf(deck: Deck, index: number, keep: boolean): SlideText {
	let cache = textCache.get(deck);
	if (!cache) {
		cache = {
			recentIndex: new Int32Array(recentTexts).fill(-1),
			recentText: [],
			bySource: new Map(),
			hits: 0,
			sharing: true,
		};
		textCache.set(deck, cache);
	}

	const slot = index % recentTexts;
	if (cache.recentIndex[slot] === index) {
		const recent = cache.recentText[slot];
		if (recent) return recent;
	}

	const source = slideSource(deck, index);
	const shareable = cache.sharing && source.length <= sharedSourceChars;
	let text = shareable ? cache.bySource.get(source) : undefined;
	if (text) {
		cache.hits++;
	} else {
		const bounded = readableSource(source, () => slideNewlines(deck, index));
		const split = splitSlideText(bounded.text, dialects[deck.dialect ?? 'lectern'], readingOptions(deck));
		text = bounded.linesLeft > 0 ? {...split, linesLeft: bounded.linesLeft} : split;
		if (shareable) {
			// Full: start again, or stop sharing when nothing was ever shared (every slide differs).
			if (cache.bySource.size >= sharedTexts) {
				cache.bySource.clear();
				cache.sharing = cache.hits > 0;
			}

			if (cache.sharing) cache.bySource.set(source, text);
		}
	}

	if (keep) {
		cache.recentIndex[slot] = index;
		cache.recentText[slot] = text;
	}

	return text;
}

/** The deck's settings that change how its slides are read (patat's, presenterm's `options`, from its front matter). */
export function readingOptions(deck: Deck): {incrementalLists: boolean; commentNotes: boolean} {
	const patat = deck.meta.extra['patat'] as {incrementalLists?: unknown; speakerNotes?: unknown} | undefined;
	const options = deck.meta.extra['options'] as {incremental_lists?: unknown} | undefined;
	return {
		// presenterm's `options: incremental_lists: true` is the deck's default; the comment switches it per slide.
		incrementalLists: patat?.incrementalLists === true || (deck.dialect === 'presenterm' && options?.incremental_lists === true),
		// patat shows comments as notes only when told where to (`speakerNotes: {file: …}`).
		commentNotes: patat?.speakerNotes !== undefined && patat.speakerNotes !== null && patat.speakerNotes !== false,
	};
}

/** A slide past the per-slide caps is read up to them, and says so where it was cut. */
function readableSource(source: string, newlines?: () => number | undefined): {text: string; linesLeft: number} {
	const bounded = boundSlideSource(source, newlines);
	return bounded.linesLeft > 0
		? {text: `${bounded.text}\n\n${slideCutMarker(bounded.linesLeft)}\n`, linesLeft: bounded.linesLeft}
		: bounded;
}

/**
 * Line ends in slide `index`'s source, from the scan's line numbers (the next slide's first line,
 * less the separator's), so a cut slide's marker needs no count of the lines left: counting the
 * rest of a 10 MiB slide of 5,000,000 lines took 80-190 ms in one stretch. Undefined when the
 * deck does not know (the last slide of a deck not scanned whole).
 */
function slideNewlines(deck: Deck, index: number): number | undefined {
	const start = itemAt(deck.lines, index);
	const end = itemAt(deck.ends, index);
	if (index + 1 < deck.lines.length) {
		return itemAt(deck.lines, index + 1) - start - countNewlines(deck.body, end, itemAt(deck.starts, index + 1));
	}

	// The last slide: what follows it is blank (dropped blank slides, separators).
	return deck.newlines === undefined ? undefined : deck.newlines - start - countNewlines(deck.body, end, deck.body.length);
}

/** The text `slideText` splits: the slide's source, cut at the per-slide caps (the lines of its notes and steps count from here). */
export function slideReadText(deck: Deck, index: number): string {
	return readableSource(slideSource(deck, index), () => slideNewlines(deck, index)).text;
}

export function slideHead(deck: Deck, index: number): SlideHead {
	let cache = headCache.get(deck);
	if (!cache) {
		cache = {index: new Int32Array(recentHeads).fill(-1), head: []};
		headCache.set(deck, cache);
	}

	const slot = index % recentHeads;
	const cached = cache.index[slot] === index ? cache.head[slot] : undefined;
	if (cached) {
		return cached;
	}

	const head = headOf(deck, index, slideText(deck, index));
	cache.index[slot] = index;
	cache.head[slot] = head;
	return head;
}

/** slideHead of the text slideTextUnkept gave, for the same pass: the kept head when there is one, else one made and not kept. */
export function slideHeadUnkept(deck: Deck, index: number, text: SlideText): SlideHead {
	const cache = headCache.get(deck);
	const slot = index % recentHeads;
	return (cache?.index[slot] === index ? cache.head[slot] : undefined) ?? headOf(deck, index, text);
}

function headOf(deck: Deck, index: number, text: SlideText): SlideHead {
	return {
		index,
		source: {file: deck.file, line: slideLine(deck, index) + leadingBlankLines(deck, index)},
		titleSource: text.titleSource,
		titleDepth: text.titleDepth,
		isSection: text.isSection,
		// The answers to a slide's questions are its last reveal step (presenting).
		steps: text.revealSteps + (text.quizzes > 0 ? 1 : 0),
		hasNotes: text.hasNotes,
		quizzes: text.quizzes,
	};
}

/** Blank lines before a slide's first text: a slide is said to start where its text does. */
function leadingBlankLines(deck: Deck, index: number): number {
	const start = deck.starts[index] ?? 0;
	const end = deck.ends[index] ?? start;
	let lines = 0;
	for (let i = start; i < end; i++) {
		const c = deck.body.charCodeAt(i);
		if (c === 0x0a) {
			lines++;
		} else if (c !== 0x20 && c !== 0x09) {
			return lines;
		}
	}

	return 0;
}

// A `# ` heading or a setext `===` underline: only a slide with one can open a section.
const sectionStarts = /(?:^|\n)[ ]{0,3}(?:# |=+[ \t]*(?:\n|$))/;
const sectionCache = new WeakMap<Deck, {sections: Int32Array; filled: number}>();

/**
 * Index of the section slide that slide `index` belongs to (itself when it opens one), or -1.
 * Filled as a prefix up to the highest index asked for; a slide can only open a section when
 * its text has a `# ` line, so most slides are ruled out without splitting them.
 */
export function sectionIndexOf(deck: Deck, index: number): number {
	let memo = sectionCache.get(deck);
	if (!memo) {
		memo = {sections: new Int32Array(deck.count), filled: 0};
		sectionCache.set(deck, memo);
	}

	for (let i = memo.filled; i <= index && i < deck.count; i++) {
		const opens = sectionStarts.test(slideSource(deck, i)) && slideHead(deck, i).isSection;
		memo.sections[i] = opens ? i : i === 0 ? -1 : itemAt(memo.sections, i - 1);
		memo.filled = i + 1;
	}

	return memo.sections[index] ?? -1;
}

/** How many slides, from the first, have their section known (see sectionIndexOf). */
export function sectionsKnown(deck: Deck): number {
	return sectionCache.get(deck)?.filled ?? 0;
}

/** Slides the drawing path may learn the sections of at once (each may be split). */
const boundedSectionSteps = 256;

/**
 * sectionIndexOf for drawing, which must stay quick on any deck: -1 (no section shown) when
 * learning it would mean splitting more than a few hundred slides (`G` on a huge deck at once);
 * the presenter learns every section in idle slices and then draws again.
 */
export function sectionIndexIfKnown(deck: Deck, index: number): number {
	return index - sectionsKnown(deck) < boundedSectionSteps ? sectionIndexOf(deck, index) : -1;
}

/** Reveal steps of a slide, for the navigation reducer. */
export function stepsOf(deck: Deck, index: number): number {
	return slideHead(deck, index).steps;
}
