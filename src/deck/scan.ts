// The block scanner: finds where slides start and end in one pass over the deck. It reads
// each line's block structure the way CommonMark does (blocks.ts: fences, HTML blocks,
// comments, list items, setext headings) and no inline Markdown, which is what lets a
// 100,000-slide deck open as fast as a 10-slide one: each slide's Markdown is parsed only
// when something needs it.
import {BlockTracker, separatorEvent} from './blocks.js';
import type {Dialect} from './dialects/dialect.js';
import {dialects} from './dialects/rules.js';
import {isSeparator, matchNoteOpen} from './notes.js';
import {minOf} from './arrays.js';
import {itemAt} from './checked.js';
import type {SlideOffsets} from './types.js';

export type SlideBounds = Readonly<{
	/** Offsets into the scanned text: slide i is text.slice(starts[i], ends[i]). */
	starts: SlideOffsets;
	ends: SlideOffsets;
	/** 0-based line (in the scanned text) of each slide's first line. */
	lines: SlideOffsets;
	warnings: readonly Readonly<{line: number; message: string; severity?: 'warning'}>[];
	/** What cut the slides: separator lines, or (a deck with none) `#`/`##` headings. */
	splitBy: 'separators' | 'headings';
	/** Line ends in the scanned text (counted by the scan: a slide's line count needs no count of its own). */
	newlines?: number;
}>;

type Cut = {start: number; line: number};
type Heading = Cut & {level: number};
type Separator = {start: number; end: number; line: number};

/** Headings a chunk of HeadingList holds (a power of two: an index's chunk is a shift away). */
const headingChunk = 16_384;
const headingChunkBits = 14;

/**
 * The headings the line scan finds, as columns of typed arrays in fixed chunks. An object per
 * heading was ~120 MB on the 10 MiB `#` deck (5,000,000 headings) that every garbage collection
 * during the scan walked, and a growing array of them copied millions of entries at once: the
 * presenter's longest stretches on that deck (GC pauses of 80-430 ms). Typed arrays hold no
 * pointers for the collector to follow, and a chunk never moves once full.
 */
export class HeadingList {
	length = 0;
	private readonly starts: Int32Array[] = [];
	private readonly lines: Int32Array[] = [];
	private readonly levels: Uint8Array[] = [];

	push(start: number, line: number, level: number): void {
		const at = this.length & (headingChunk - 1);
		if (at === 0) {
			this.starts.push(new Int32Array(headingChunk));
			this.lines.push(new Int32Array(headingChunk));
			this.levels.push(new Uint8Array(headingChunk));
		}

		const chunk = this.length >>> headingChunkBits;
		itemAt(this.starts, chunk)[at] = start;
		itemAt(this.lines, chunk)[at] = line;
		itemAt(this.levels, chunk)[at] = level;
		this.length++;
	}

	/** Heading `index` (in range) as an object, for the few callers that keep some. */
	at(index: number): Heading {
		return {start: this.start(index), line: this.line(index), level: this.level(index)};
	}

	start(index: number): number {
		return itemAt(itemAt(this.starts, index >>> headingChunkBits), index & (headingChunk - 1));
	}

	line(index: number): number {
		return itemAt(itemAt(this.lines, index >>> headingChunkBits), index & (headingChunk - 1));
	}

	level(index: number): number {
		return itemAt(itemAt(this.levels, index >>> headingChunkBits), index & (headingChunk - 1));
	}
}

/**
 * Where `text`'s slide separators are, and the `#`/`##` headings (cut where a deck has no
 * separator): a `---` line that CommonMark reads as a thematic break of the document itself
 * (not a setext underline, not inside a list, quote, fence or HTML block), or a
 * `<!-- end_slide -->` line that starts an HTML block there.
 */
export function findSeparators(text: string, dialect: Dialect = dialects.lectern): Separators {
	return finish(separatorSteps(text, dialect));
}

type Separators = {
	separators: Separator[];
	headings: HeadingList;
	/** The least heading level that some content (not a heading or a rule) follows: pandoc's slide level. */
	contentLevel: number;
	/** Line ends in the text. */
	newlines: number;
	warnings: Array<{line: number; message: string; severity?: 'warning'}>;
};

/** Lines scanned between two pauses of a stepped scan (about a millisecond's work). */
const linesPerStep = 2048;

/** Runs a stepped computation to its end. */
export function finish<T>(steps: Generator<void, T>): T {
	for (;;) {
		const step = steps.next();
		if (step.done) {
			return step.value;
		}
	}
}

/**
 * findSeparators in steps: it pauses (yields) every few thousand lines, so a caller that must
 * stay responsive (the presenter reading a 10 MiB deck) can let other work in between. The
 * lines between two pauses are read by a plain function (LineScan.run): a generator's loop
 * ran about a tenth slower.
 */
function* separatorSteps(text: string, dialect: Dialect): Generator<void, Separators> {
	const scan = new LineScan(text, dialect);
	while (!scan.run(linesPerStep)) {
		yield;
	}

	return scan.result();
}

/** The line scan's state between two steps. */
class LineScan {
	private readonly separators: Separator[] = [];
	private readonly headings = new HeadingList();
	private readonly warnings: Array<{line: number; message: string; severity?: 'warning'}> = [];
	private readonly tracker = new BlockTracker();
	private contentLevel = 7;
	private pendingLevel = 0;
	private previousBlank = true;
	private line = 0;
	private pos = 0;
	private readonly text: string;
	private readonly dialect: Dialect;

	constructor(text: string, dialect: Dialect) {
		this.text = text;
		this.dialect = dialect;
	}

	/** Reads up to `count` more lines; true once the text is read. */
	run(count: number): boolean {
		const {text, dialect, tracker, separators, headings} = this;
		const separator = dialect.separator;
		let {pos, line, pendingLevel, previousBlank} = this;
		const stop = line + count;
		let done = pos > text.length;
		while (!done && line < stop) {
			// Lines that can neither cut a slide nor be a heading, read in one loop (none is one a
			// dialect's separator takes: see Dialect.separator).
			const skipped = tracker.skipQuiet(text, pos, stop);
			if (skipped !== pos) {
				pos = skipped;
				line = tracker.line + 1;
				previousBlank = tracker.skippedBlank;
				if (pendingLevel > 0 && tracker.skippedContent) {
					this.contentLevel = Math.min(this.contentLevel, pendingLevel);
					pendingLevel = 0;
				}

				// The skip's last line, a heading or a `---` break (as next() and the code below read them).
				const event = tracker.skipEvent;
				if (event === separatorEvent) {
					separators.push({start: tracker.eventStart, end: pos, line: tracker.line});
					pendingLevel = 0;
					continue;
				}

				if (event !== 0) {
					headings.push(tracker.eventStart, tracker.line, event);
					pendingLevel = event;
					continue;
				}

				if (line >= stop) {
					break;
				}
			}

			let end = tracker.lineEnd;
			if (end === -1) {
				end = text.indexOf('\n', pos);
				end = end === -1 ? text.length : end;
			}

			const next = end + 1;
			const info = tracker.next(text, pos, end);
			const kind = info.kind;
			if (pendingLevel > 0 && kind !== 'blank') {
				if (kind !== 'heading' && kind !== 'break') {
					this.contentLevel = Math.min(this.contentLevel, pendingLevel);
				}

				pendingLevel = 0;
			}

			if (separator?.(text.slice(pos, end), info, previousBlank)) {
				separators.push({start: pos, end: Math.min(next, text.length), line});
			} else if (info.top && kind !== 'text' && kind !== 'blank') {
				if ((kind === 'break' || kind === 'html-start') && isSeparator(text.slice(pos, end))) {
					separators.push({start: pos, end: Math.min(next, text.length), line});
				} else if (kind === 'heading') {
					headings.push(pos, line, info.level);
					pendingLevel = info.level;
				} else if (kind === 'setext') {
					headings.push(info.paragraphStart, info.paragraphLine, info.level);
					pendingLevel = info.level;
					if (isSeparator(text.slice(pos, end))) {
						this.warnings.push({
							line,
							message: 'this --- underlines the line above as a heading (CommonMark); put a blank line above it to end the slide',
							severity: 'warning',
						});
					}
				}
			}

			previousBlank = kind === 'blank';
			done = next > text.length;
			pos = next;
			line++;
		}

		this.pos = pos;
		this.line = line;
		this.pendingLevel = pendingLevel;
		this.previousBlank = previousBlank;
		return done;
	}

	result(): Separators {
		const {text, warnings} = this;
		const open = this.tracker.openBlock();
		if (open?.what === 'fence') {
			warnings.push({line: open.line, message: `code fence ${open.marker} is never closed`});
		} else if (open?.what === 'html' && open.comment) {
			const opening = lineAt(text, open.line);
			// An unclosed notes comment is the slide parser's to report, in its own words.
			if (!matchNoteOpen(opening)) {
				warnings.push({line: open.line, message: 'HTML comment <!-- is never closed with -->'});
			}
		}

		// Each line read counts one, the last (after the last line end, maybe empty) too.
		return {separators: this.separators, headings: this.headings, contentLevel: this.contentLevel, newlines: this.line - 1, warnings};
	}
}

/** The 0-based line `index` of `text`. */
function lineAt(text: string, index: number): string {
	let start = 0;
	for (let i = 0; i < index && start !== -1; i++) {
		start = text.indexOf('\n', start);
		start = start === -1 ? -1 : start + 1;
	}

	if (start === -1) {
		return '';
	}

	const end = text.indexOf('\n', start);
	return text.slice(start, end === -1 ? text.length : end);
}

/**
 * Split `text` into slides. Separators are `---` and `<!-- end_slide -->` lines (see
 * findSeparators); with none in the deck, slides start at each `#` or `##` heading.
 */
export function scanSlides(text: string, dialect: Dialect = dialects.lectern, slideLevel?: number): SlideBounds {
	return finish(scanSlideSteps(text, dialect, slideLevel));
}

/** scanSlides in steps (see separatorSteps); what follows the line scan is linear and quick. */
export function* scanSlideSteps(text: string, dialect: Dialect = dialects.lectern, slideLevel?: number): Generator<void, SlideBounds> {
	const found = yield* separatorSteps(text, dialect);
	const bounds = yield* boundsSteps(text, found, dialect, slideLevel);
	return {...bounds, newlines: found.newlines};
}

/** The slides the line scan's separators and headings cut. */
function* boundsSteps(text: string, found: Separators, dialect: Dialect, slideLevel: number | undefined): Generator<void, SlideBounds> {
	const {separators, headings, contentLevel, warnings} = found;
	if (dialect.headingSplit === 'pandoc') {
		// pandoc (patat): rules and the headings down to the slide level both start slides.
		const level = slideLevel ?? contentLevel;
		const rightAfterSeparator = separatorRightBefore(text, separators);
		const cuts: Heading[] = [];
		for (let i = 0; i < headings.length; i++) {
			const heading = headings.at(i);
			if (heading.level <= level && !rightAfterSeparator(heading)) cuts.push(heading);
		}

		const all = [
			...separators.map(separator => ({start: separator.start, line: separator.line, end: separator.end})),
			...cuts.map(cut => ({...cut, end: cut.start, line: cut.line - 1})),
		];
		all.sort((a, b) => a.start - b.start);
		return all.length === 0 ? splitAtSeparators(text, [], warnings) : splitAtSeparators(text, all, warnings);
	}

	if (separators.length > 0 || headings.length === 0) {
		return splitAtSeparators(text, separators, warnings);
	}

	return yield* splitAtHeadings(text, headings, headingLevels(headings, dialect), warnings);
}

/**
 * For headings asked in text order: whether only blank text lies between the last separator
 * before the heading and the heading (then the separator already cut there). Both lists are in
 * text order, so one pointer keeps this linear (comparing every heading with every separator
 * took 30 s on 40,000 slides).
 */
function separatorRightBefore(text: string, separators: readonly Separator[]): (heading: Heading) => boolean {
	let next = 0;
	let firstText = -1;
	return heading => {
		let moved = false;
		while (next < separators.length && itemAt(separators, next).end <= heading.start) {
			next++;
			moved = true;
		}

		if (next === 0) {
			return false;
		}

		if (moved) {
			// The first non-blank character after that separator, found once per separator.
			const nonBlank = /\S/g;
			nonBlank.lastIndex = itemAt(separators, next - 1).end;
			firstText = nonBlank.exec(text)?.index ?? text.length;
		}

		return firstText >= heading.start;
	};
}

/** Which heading levels start a slide in a deck without separators. */
function headingLevels(headings: HeadingList, dialect: Dialect): ReadonlySet<number> {
	if (dialect.headingSplit !== 'lookatme') {
		return new Set([1, 2]);
	}

	// lookatme: the lowest level, unless it occurs once (then it titles the deck and the next level splits).
	const counts = [0, 0, 0, 0, 0, 0, 0];
	for (let i = 0; i < headings.length; i++) {
		const level = headings.level(i);
		counts[level] = (counts[level] ?? 0) + 1;
	}

	const present = [1, 2, 3, 4, 5, 6].filter(level => (counts[level] ?? 0) > 0);
	const lowest = minOf(present, Number.POSITIVE_INFINITY);
	const once = counts[lowest] === 1;
	const next = minOf(
		present.filter(level => level > lowest),
		Number.POSITIVE_INFINITY,
	);
	return new Set([once && Number.isFinite(next) ? next : lowest]);
}

function splitAtSeparators(
	text: string,
	separators: ReadonlyArray<{start: number; end: number; line: number}>,
	warnings: SlideBounds['warnings'],
): SlideBounds {
	const starts: number[] = [];
	const ends: number[] = [];
	const lines: number[] = [];
	let start = 0;
	let line = 0;
	for (const separator of separators) {
		starts.push(start);
		ends.push(separator.start);
		lines.push(line);
		start = separator.end;
		line = separator.line + 1;
	}

	starts.push(start);
	ends.push(text.length);
	lines.push(line);
	return dropBlankEnds({starts, ends, lines, warnings, splitBy: 'separators'}, text);
}

/** Headings splitAtHeadings goes through between two pauses. */
const headingsPerStep = 16_384;

/**
 * From this many slides cut at headings on, the slides' numbers are Int32Arrays (SlideOffsets):
 * `new Array(n)` fills n holes at once (5,000,001 on the 10 MiB `#` deck: ~40 ms each, three
 * stretches of 50-70 ms with the collections they brought on); below, plain arrays as any deck's.
 */
export const typedSlidesFrom = 65_536;

/**
 * Slides cut at the headings of the `levels` that split, in steps: a deck of 5,000,000 `#`
 * lines (the size cap) has as many headings, and going through them at once after the line
 * scan held the presenter about a second.
 */
function* splitAtHeadings(
	text: string,
	headings: HeadingList,
	levels: ReadonlySet<number>,
	warnings: SlideBounds['warnings'],
): Generator<void, SlideBounds> {
	// Sized once (the headings that cut, and a first slide before them): grown a push at a time,
	// each array was copied whole now and then, up to ~60 ms at once on 5,000,000 slides.
	let cutting = 0;
	for (let i = 0; i < headings.length; i++) {
		if (i > 0 && i % headingsPerStep === 0) yield;
		if (levels.has(headings.level(i))) cutting++;
	}

	if (cutting === 0) {
		return splitAtSeparators(text, [], warnings);
	}

	yield;
	const typed = cutting + 1 >= typedSlidesFrom;
	const numbers = (length: number): number[] | Int32Array => (typed ? new Int32Array(length) : new Array<number>(length));
	const starts = numbers(cutting + 1);
	yield;
	const lines = numbers(cutting + 1);
	let count = 0;
	for (let i = 0; i < headings.length; i++) {
		if (i > 0 && i % headingsPerStep === 0) yield;
		if (!levels.has(headings.level(i))) continue;
		const start = headings.start(i);
		if (count === 0) {
			// What comes before the first heading is a slide of its own only when it shows something:
			// comments alone (presenterm's `<!-- jump_to_middle -->`, a note) go with the first heading,
			// as presenterm keeps the commands before a deck's first slide title on that slide.
			starts[0] = 0;
			lines[0] = 0;
			count = 1;
			if (start === 0 || onlyComments(text, start)) continue;
		}

		starts[count] = start;
		lines[count] = headings.line(i);
		count++;
	}

	yield;
	const ends = numbers(count);
	for (let i = 1; i < count; i++) {
		if (i % headingsPerStep === 0) yield;
		ends[i - 1] = itemAt(starts, i);
	}

	ends[count - 1] = text.length;
	return dropBlankEnds({starts: cut(starts, count), ends, lines: cut(lines, count), warnings, splitBy: 'headings'}, text);
}

/** The first `count` numbers: an array shortened in place, a typed array's view of them. */
function cut(numbers: number[] | Int32Array, count: number): number[] | Int32Array {
	if (Array.isArray(numbers)) {
		numbers.length = count;
		return numbers;
	}

	return numbers.subarray(0, count);
}

/** Whether `text` up to `end` holds nothing but blank space and closed HTML comments (in one pass). */
function onlyComments(text: string, end: number): boolean {
	let at = 0;
	while (at < end) {
		const open = text.indexOf('<!--', at);
		const stop = open === -1 || open > end ? end : open;
		if (text.slice(at, stop).trim() !== '') return false;
		if (stop === end) return true;
		const close = text.indexOf('-->', open + 4);
		if (close === -1 || close + 3 > end) return false;
		at = close + 3;
	}

	return true;
}

/** Line ends in `text` from offset `from` up to (not including) `to`. */
export function countNewlines(text: string, from = 0, to = text.length): number {
	let count = 0;
	for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) {
		count++;
	}

	return count;
}

/** A deck that begins or ends with a separator has no blank first or last slide. */
function dropBlankEnds(
	bounds: {
		starts: number[] | Int32Array;
		ends: number[] | Int32Array;
		lines: number[] | Int32Array;
		warnings: SlideBounds['warnings'];
		splitBy: SlideBounds['splitBy'];
	},
	text: string,
): SlideBounds {
	const {starts, ends} = bounds;
	const blank = (i: number) => text.slice(starts[i], ends[i]).trim() === '';
	let last = starts.length;
	while (last > 0 && blank(last - 1)) {
		last--;
	}

	let first = 0;
	while (first < last && blank(first)) {
		first++;
	}

	if (first === 0 && last === starts.length) {
		return bounds;
	}

	// Blank slides at the start go in one splice (a shift each was quadratic).
	const keep = (numbers: number[] | Int32Array): number[] | Int32Array => {
		if (!Array.isArray(numbers)) return numbers.subarray(first, last);
		numbers.length = last;
		numbers.splice(0, first);
		return numbers;
	};

	return {...bounds, starts: keep(starts), ends: keep(ends), lines: keep(bounds.lines)};
}
