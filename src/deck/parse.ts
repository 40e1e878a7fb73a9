// A slide's Markdown → blocks, with marked's lexer as the parser of record. Every string a
// token carries is sanitised here, after marked has decoded entities such as `&#27;`, so
// nothing downstream can meet a raw control character from the deck. The stages: lex (behind
// the guards of limits.ts) → refine.ts (inline HTML tags, alerts) → sanitise → the element
// builder (elements-from-tokens.ts). This file, refine.ts and the builder are the one place
// that knows marked's tokens; what leaves it is the deck's own elements.
import type {Token, Tokens} from 'marked';
import {lexBlocks} from './block-lexer.js';
import {sectionIndexOf, slideHead, slideHeadUnkept, slideLine, slideText, slideTextUnkept} from './deck.js';
import type {SlideText} from './slide-text.js';
import {
	capNesting,
	cutLongLines,
	cutMarker,
	lineLimit,
	parseHazard,
	parseLimit,
	slideCharLimit,
	slideLineLimit,
	tableRowLimit,
	thousands,
} from './limits.js';
import {isQuizInfo, parseQuiz, type Quiz} from './quiz.js';
import {codeElement, elementFromToken, elementsFromTokens} from './elements-from-tokens.js';
import type {Element} from './elements.js';
import {elementsToPlain, inlineMarkdownToPlain} from './plain.js';
import {itemAt, lastOf} from './checked.js';
import {ColumnState} from './columns.js';
import {continuesItems, groupLines, touches, withItemSteps, withNestedHighlights} from './revealed-steps.js';
import type {Dialect} from './dialects/dialect.js';
import {readFenceInfo} from './dialects/fence-info.js';
import {dialects} from './dialects/rules.js';
import {refineTokens} from './refine.js';
import {sanitize, sanitizeLine} from './sanitize.js';
import {countNewlines} from './scan.js';
import type {Block, Deck, DeckWarning, Slide, SlideHead} from './types.js';

export {diagramLanguages} from './elements-from-tokens.js';

const slideCache = new WeakMap<Deck, Map<number, Slide>>();

export function parseSlide(deck: Deck, index: number): Slide {
	let cache = slideCache.get(deck);
	if (!cache) {
		cache = new Map();
		slideCache.set(deck, cache);
	}

	const cached = cache.get(index);
	if (cached) {
		return cached;
	}

	const slide = buildSlide(deck, index, true);
	// Bounded: the presenter revisits a few slides; check walks every slide once, and the
	// search index goes through parseSlideUnkept, which does not fill this cache.
	if (cache.size > 128) {
		const oldest = cache.keys().next();
		if (!oldest.done) cache.delete(oldest.value);
	}

	cache.set(index, slide);
	return slide;
}

/**
 * Title of the section slide `index` is in (its own title when it opens one); '' before the
 * first section. The one section lookup: the status bar's crumb, outline, stats and search.
 */
export function sectionTitle(deck: Deck, index: number, sectionOf: (deck: Deck, index: number) => number = sectionIndexOf): string {
	const section = sectionOf(deck, index);
	return section === -1 ? '' : parseSlide(deck, section).title;
}

/**
 * The crumb before a slide's title (the status bar, print, search): its section's title, '' on
 * the slide that opens the section (whose title is the section's). The status bar asks with
 * `sectionIndexIfKnown`, which may not know the section yet on a huge deck.
 */
export function sectionCrumb(deck: Deck, index: number, sectionOf: (deck: Deck, index: number) => number = sectionIndexOf): string {
	return sectionOf(deck, index) === index ? '' : sectionTitle(deck, index, sectionOf);
}

/** The self-check questions on a slide, in order (none without parsing a slide that has no quiz fence). */
export function quizzesOf(deck: Deck, index: number): Quiz[] {
	if (slideHead(deck, index).quizzes === 0) return [];
	return parseSlide(deck, index).blocks.flatMap(block => (block.kind === 'quiz' ? [block.quiz] : []));
}

/**
 * A slide's plain title, the same as `parseSlide(deck, index).title`, without parsing the
 * slide's body: a list of every slide's title (outline) then costs a split and a title each.
 */
export function slideTitle(deck: Deck, index: number): string {
	return slideCache.get(deck)?.get(index)?.title ?? lexTitle(slideText(deck, index).titleSource);
}

/** Parse without keeping the result, for a pass over every slide (print, check, export). */
export function parseSlideOnce(deck: Deck, index: number): Slide {
	return slideCache.get(deck)?.get(index) ?? buildSlide(deck, index, true);
}

/**
 * parseSlideOnce for a pass that asks nothing else of each slide (the search index the presenter
 * and a follower build while idle): the slide's text and head are not kept either (slideTextUnkept).
 */
export function parseSlideUnkept(deck: Deck, index: number, text?: SlideText): Slide {
	return slideCache.get(deck)?.get(index) ?? buildSlide(deck, index, false, text);
}

function buildSlide(deck: Deck, index: number, keepText: boolean, unkept?: SlideText): Slide {
	const text = keepText ? undefined : (unkept ?? slideTextUnkept(deck, index));
	const head = text ? slideHeadUnkept(deck, index, text) : slideHead(deck, index);
	const firstLine = slideLine(deck, index);
	const {body, firstLine: parsedAt} = slideBody(deck, text ?? slideText(deck, index), firstLine);
	// presenterm draws its introduction slide centred, from the middle row down.
	const intro = deck.intro === true && index === 0;
	if (parsedAt === firstLine && !intro) {
		return withHead(head, body, body.blocks, body.problems);
	}

	// A body parsed for another slide with the same text: its lines moved to this slide's.
	const shift = firstLine - parsedAt;
	return withHead(
		head,
		body,
		body.blocks.map((block, i) =>
			intro
				? {...block, line: block.line + shift, align: 'center', ...(i === 0 ? {middle: true} : {})}
				: {...block, line: block.line + shift},
		),
		body.problems.map(problem => ({...problem, line: problem.line + shift})),
		!intro,
	);
}

/** The slide of `body` (its plain texts read from it when asked: a spread would make them). */
function withHead(head: SlideHead, body: SlideBody, blocks: readonly Block[], problems: readonly DeckWarning[], sameText = true): Slide {
	return new ParsedSlide(head, body, blocks, problems, sameText);
}

/**
 * A slide whose plain texts (for search alone) are made when first read, not for every slide
 * printed, checked or exported. A class, so a slide costs no closures for them.
 */
class ParsedSlide implements Slide {
	readonly head: SlideHead;
	readonly title: string;
	readonly blocks: readonly Block[];
	readonly noteElements: readonly Element[];
	readonly problems: readonly DeckWarning[];
	readonly #body: SlideBody;
	/** Blocks changed beyond their lines (presenterm's introduction slide) are the slide's own. */
	readonly #sameText: boolean;
	constructor(head: SlideHead, body: SlideBody, blocks: readonly Block[], problems: readonly DeckWarning[], sameText: boolean) {
		this.head = head;
		this.title = body.title;
		this.blocks = blocks;
		this.noteElements = body.noteElements;
		this.problems = problems;
		this.#body = body;
		this.#sameText = sameText;
	}

	/** See sameTextKey. */
	get textKey(): object {
		return this.#sameText ? this.#body : this;
	}

	get bodyText(): string {
		return this.#body.bodyText;
	}

	get notesText(): string {
		return this.#body.notesText;
	}
}

/**
 * An object that is the same for slides parsed from the same text (a deck that repeats a short
 * slide parses it once, see slideBody): what depends on the text alone, not on where the slide
 * is (a layout's lines, not its problems' line numbers), may be kept by it. The slide itself
 * for a slide not made here.
 */
export function sameTextKey(slide: Slide): object {
	return slide instanceof ParsedSlide ? slide.textKey : slide;
}

/** A parsed body; its plain texts are made when first read (see ParsedSlide). */
class LazyBody implements SlideBody {
	readonly title: string;
	readonly blocks: readonly Block[];
	readonly noteElements: readonly Element[];
	readonly problems: readonly DeckWarning[];
	#bodyText: string | undefined;
	#notesText: string | undefined;
	constructor(title: string, blocks: readonly Block[], noteElements: readonly Element[], problems: readonly DeckWarning[]) {
		this.title = title;
		this.blocks = blocks;
		this.noteElements = noteElements;
		this.problems = problems;
	}

	get bodyText(): string {
		this.#bodyText ??= elementsToPlain(this.blocks.map(block => block.element));
		return this.#bodyText;
	}

	get notesText(): string {
		this.#notesText ??= elementsToPlain(this.noteElements);
		return this.#notesText;
	}
}

type SlideBody = Omit<Slide, 'head'>;
type ParsedBody = Readonly<{body: SlideBody; firstLine: number}>;

/**
 * Parsed bodies of short slide texts, per deck: the deck's texts are shared by source (see
 * slideText), so a deck repeating one short slide parses it once. Bounded like the texts.
 */
const bodyCache = new WeakMap<Deck, Map<SlideText, ParsedBody>>();
const sharedBodies = 16;
const sharedBodyChars = 512;

/** The body of `text` and the 1-based line its lines were counted from (`firstLine` unless shared). */
function slideBody(deck: Deck, text: SlideText, firstLine: number): ParsedBody {
	let cache = bodyCache.get(deck);
	if (!cache) {
		cache = new Map();
		bodyCache.set(deck, cache);
	}

	const cached = cache.get(text);
	if (cached) {
		return cached;
	}

	const parsed = {body: parseBody(text, dialects[deck.dialect ?? 'lectern'], firstLine), firstLine};
	let chars = text.notes.length;
	for (const step of text.steps) chars += step.markdown.length;
	if (chars <= sharedBodyChars) {
		if (cache.size >= sharedBodies) cache.clear();
		cache.set(text, parsed);
	}

	return parsed;
}

/** A slide's text → its blocks, notes and problems; lines are counted from `firstLine`, the slide's first line in the file. */
function parseBody(text: SlideText, dialect: Dialect, firstLine: number): SlideBody {
	const problems: DeckWarning[] = [];
	const blocks: Block[] = [];
	const columns = new ColumnState();
	let quizzes = 0;
	let previousStep = '';
	for (let next = 0; next < text.steps.length; ) {
		// A list revealed item by item (incremental lists, a pause between items) was cut into
		// steps at its items: those steps are read as one Markdown text, so the list keeps its
		// nesting and numbering, and each item shows from the step it starts in.
		const group = [itemAt(text.steps, next)];
		while (next + group.length < text.steps.length && continuesItems(lastOf(group), itemAt(text.steps, next + group.length))) {
			group.push(itemAt(text.steps, next + group.length));
		}

		next += group.length;
		const step = itemAt(group, 0);
		const markdown = group.length === 1 ? step.markdown : group.map(each => each.markdown).join('\n');
		const stepOfLine = groupLines(group);
		const itemSteps = group.flatMap(each => Array.from({length: each.items}, () => each.first));
		let itemCursor = 0;
		const nextItemStep = () => itemSteps[itemCursor++];
		const tokens = lex(markdown, firstLine + step.line, problems);
		let joinedLine = 0;
		// A list whose items are revealed one by one (a pause, a fragment comment or incremental
		// lists between two items, no blank line around it) stays one tight list on the screen.
		let continuesList = blocks.length > 0 && touches(previousStep, markdown) && lastOf(blocks)?.element.kind === 'list';
		previousStep = markdown;
		// A code block's line highlights take the reveal steps after its text's own, one block after another.
		let highlightFrom = step.first;
		for (let t = 0; t < tokens.length; t++) {
			const token = itemAt(tokens, t);
			const own = stepOfLine(joinedLine);
			const line = firstLine + own.step.line + (joinedLine - own.offset);
			highlightFrom = Math.max(highlightFrom, own.step.first);
			if (token.type !== 'html' || !columns.read(token.raw, line, problems)) {
				const quiz =
					token.type === 'code' ? quizBlock(token as Tokens.Code, own.step.first, line, text.revealSteps, quizzes, problems) : undefined;
				if (quiz) {
					quizzes++;
				}

				const made = quiz ?? toBlock(token, own.step.first, line, dialect, problems, highlightFrom);
				// Code with highlights inside a list or a quote takes its steps in the same order.
				const nested = made?.kind === 'markdown' ? withNestedHighlights(made.element, highlightFrom) : undefined;
				const stepped = made && nested ? withItemSteps(nested.element, made.step, nextItemStep) : undefined;
				const block = made && stepped && stepped !== made.element ? {...made, element: stepped} : made;
				if (nested) {
					highlightFrom = nested.next;
				}

				if (block) {
					if (block.kind === 'code' && block.highlights) {
						highlightFrom += block.highlights.length - 1;
					}

					const shown = columns.place(placed(block, text, line - firstLine));
					blocks.push(continuesList && shown.element.kind === 'list' ? {...shown, continuesList: true} : shown);
					continuesList = false;
				}
			}

			joinedLine += countNewlines(token.raw);
		}
	}
	for (const unsupported of text.unsupported) {
		problems.push({line: firstLine + unsupported.line, message: `not supported: ${unsupported.what}, ignored`, severity: 'warning'});
	}

	if (text.linesLeft !== undefined) {
		problems.push({
			line: firstLine,
			message: `a slide over ${thousands(slideLineLimit)} lines or ${slideCharLimit / 1024} KiB shows its start; ${thousands(text.linesLeft)} more ${text.linesLeft === 1 ? 'line is' : 'lines are'} left out`,
		});
	}

	if (text.unterminatedNotesLine !== -1) {
		problems.push({line: firstLine + text.unterminatedNotesLine, message: 'speaker notes are never closed (missing --> or :::)'});
	}

	const noteElements = text.notes === '' ? [] : elementsFromTokens(lex(text.notes, firstLine, problems), dialect);
	return new LazyBody(lexTitle(text.titleSource), blocks, noteElements, problems);
}

/** The block with the alignment and spacing its author asked for (by its first line within the slide). */
function placed(block: Block, text: SlideText, line: number): Block {
	const align = text.aligned.get(line);
	const spacing = text.spacing.get(line);
	if (align === undefined && spacing === undefined) return block;
	return {
		...block,
		...(align ? {align} : {}),
		...(spacing && spacing.rows > 0 ? {space: spacing.rows} : {}),
		...(spacing?.middle ? {middle: true} : {}),
	};
}

/** Every call into marked goes through lex or lexTitle, behind the same guards (limits.ts). */
function lex(markdown: string, line: number, problems: DeckWarning[]): Token[] {
	const cut = cutLongLines(markdown);
	if (cut.cut > 0) {
		problems.push({
			line,
			message: `${cut.cut === 1 ? 'a line' : `${cut.cut} lines`} over ${thousands(lineLimit)} characters cut, with a marker`,
		});
	}

	const capped = capNesting(cut.text);
	if (capped.changed) {
		problems.push({line, message: `nesting deeper than ${capped.limit} levels is shown flattened`});
	}

	const hazard = parseHazard(capped.text);
	if (hazard !== undefined) {
		problems.push({line, message: hazard});
		// Shown as the author wrote it: the escapes capNesting added are for marked only.
		return [plainParagraph(cut.text)];
	}

	const tokens = capTableRows(lexBlocks(capped.text), line, problems);
	refineTokens(tokens);
	for (let i = 0; i < tokens.length; i++) {
		sanitizeToken(tokens[i]);
	}

	return tokens;
}

/** A slide's title as plain text: inline Markdown read by marked unless that could take seconds. */
function lexTitle(source: string): string {
	return sanitizeLine(inlineMarkdownToPlain(source));
}

/**
 * A table is drawn cell by cell (about half a millisecond a row): rows past the limit are
 * left out, and a line after the table says how many.
 */
function capTableRows(tokens: Token[], line: number, problems: DeckWarning[]): Token[] {
	if (!tokens.some(token => token.type === 'table' && (token as Tokens.Table).rows.length > tableRowLimit)) {
		return tokens;
	}

	const out: Token[] = [];
	for (const token of tokens) {
		const table = token as Tokens.Table;
		if (token.type !== 'table' || table.rows.length <= tableRowLimit) {
			out.push(token);
			continue;
		}

		const left = table.rows.length - tableRowLimit;
		problems.push({line, message: `a table of ${thousands(table.rows.length)} rows shows its first ${tableRowLimit}`});
		// The table keeps its raw (line counting); the note after it adds no line.
		out.push({...table, rows: table.rows.slice(0, tableRowLimit)});
		const note = `… (${thousands(left)} more rows not shown)`;
		out.push({
			type: 'paragraph',
			raw: note,
			text: note,
			tokens: [{type: 'text', raw: note, text: note, escaped: false}],
		} as Tokens.Paragraph);
	}

	return out;
}

/** Text shown as it was written; past `parseLimit` characters it is cut, with a marker. */
function plainParagraph(text: string): Token {
	const shown = text.length > parseLimit ? text.slice(0, parseLimit) + cutMarker(text.length - parseLimit) : text;
	const safe = sanitize(shown).replaceAll('\t', ' ');
	return {type: 'paragraph', raw: safe, text: safe, tokens: [{type: 'text', raw: safe, text: safe, escaped: false}]};
}

// `raw` too: nothing should render it, but no string a token carries may hold a raw control.
const stringFields = ['text', 'raw', 'href', 'title', 'lang'] as const;
const childFields = ['tokens', 'items', 'header', 'rows', 'cells'] as const;

/**
 * Sanitise every string a token renders; walks nested tokens, list items and table cells. It
 * meets every token of every slide, so its loops count with indexes: the bin runs V8 without its
 * optimising compiler (bin/lectern.js), where a `for…of` allocates an iterator and a result
 * object per element (a quarter of what printing 100,000 slides allocated).
 */
function sanitizeToken(token: unknown): void {
	if (typeof token !== 'object' || token === null) {
		return;
	}

	const record = token as Record<string, unknown>;
	// A soft line break inside a paragraph is a space: prose is re-wrapped to the screen.
	if (record['type'] === 'text' && !Array.isArray(record['tokens']) && typeof record['text'] === 'string') {
		record['text'] = record['text'].replaceAll('\n', ' ');
	}

	for (let f = 0; f < stringFields.length; f++) {
		const field = itemAt(stringFields, f);
		const value = record[field];
		if (typeof value === 'string') {
			record[field] = field === 'text' || field === 'raw' ? sanitize(value) : sanitizeLine(value);
		}
	}

	// A tab would move the terminal's cursor by a width no layout measured: code (a fence
	// nested in a list or in notes) gets tab stops, everything else a space.
	if (typeof record['text'] === 'string' && record['text'].includes('\t')) {
		record['text'] = record['type'] === 'code' ? expandTabs(record['text']) : record['text'].replaceAll('\t', ' ');
	}

	for (let f = 0; f < childFields.length; f++) {
		const children = record[itemAt(childFields, f)];
		if (Array.isArray(children)) {
			for (let i = 0; i < children.length; i++) {
				const child: unknown = children[i];
				if (Array.isArray(child)) {
					for (let j = 0; j < child.length; j++) sanitizeToken(child[j]);
				} else {
					sanitizeToken(child);
				}
			}
		}
	}
}

/**
 * A fenced `quiz` block → a question. Its answer is the step after the slide's last `pause`
 * step; the fence's own line is `line`, so the block's text starts on the next.
 */
function quizBlock(
	code: Tokens.Code,
	step: number,
	line: number,
	answerStep: number,
	ordinal: number,
	problems: DeckWarning[],
): Block | undefined {
	if (!isQuizInfo(code.lang ?? '') || !/^ {0,3}(?:```|~~~)/.test(code.raw)) {
		return undefined;
	}

	const parsed = parseQuiz(code.text);
	for (const problem of parsed.problems) {
		problems.push({line: line + 1 + problem.offset, message: problem.message});
	}

	return {kind: 'quiz', step, line, quiz: parsed.quiz, answerStep, ordinal, element: {kind: 'quiz', quiz: parsed.quiz}};
}

function toBlock(
	token: Token,
	step: number,
	line: number,
	dialect: Dialect,
	problems: DeckWarning[],
	highlightFrom: number,
): Block | undefined {
	if (token.type === 'space' || token.type === 'def') {
		return undefined;
	}

	if (token.type === 'html' && /^\s*<!--[\s\S]*-->\s*$/.test(token.raw)) {
		return undefined;
	}

	if (token.type === 'code') {
		const code = token as Tokens.Code;
		for (const feature of readFenceInfo(code.lang ?? '').unsupported) {
			problems.push({line, message: `not supported: ${feature}, shown as code`, severity: 'warning'});
		}

		// slides runs a `~~~command` block's text through the command before showing the slides.
		const preprocess = dialect.name === 'slides' && /^ {0,3}~~~/.test(code.raw) ? (code.lang ?? '').trim() : '';
		if (preprocess !== '') {
			const shown = preprocess.length > 40 ? `${preprocess.slice(0, 39)}…` : preprocess;
			problems.push({line, message: `not supported: pre-processing with "${sanitizeLine(shown)}", shown as code`, severity: 'warning'});
		}

		const element = codeElement(preprocess === '' ? code : {...code, lang: ''}, dialect);
		if (element.kind === 'diagram') {
			return {kind: 'diagram', step, line, lines: element.lines, element};
		}

		return {
			kind: 'code',
			step,
			line,
			lang: element.lang,
			code: element.text,
			...(element.lineNumbers ? {lineNumbers: true} : {}),
			...(element.lineStart === undefined ? {} : {lineStart: element.lineStart}),
			...(element.highlights ? {highlights: element.highlights, highlightFrom} : {}),
			element,
		};
	}

	const element = elementFromToken(token, dialect);
	return element ? {kind: 'markdown', step, line, element} : undefined;
}

/** Tabs in verbatim blocks become spaces (stops every 4 columns) so widths are known. */
export function expandTabs(text: string): string {
	if (!text.includes('\t')) {
		return text;
	}

	return text
		.split('\n')
		.map(line => {
			let out = '';
			for (const char of line) {
				out += char === '\t' ? ' '.repeat(4 - (out.length % 4)) : char;
			}

			return out;
		})
		.join('\n');
}
