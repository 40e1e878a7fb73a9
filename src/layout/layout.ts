// The one layout function family: a slide (at a reveal step) and a size → typed lines of
// styled runs (runs.ts), each at most `width` cells. Presenting, print, check, study, the
// benchmarks and the tests all call these, so what `check` reports is what the audience
// sees; the writers (write.ts) turn the lines into text at the very end.
import type {Element} from '../deck/elements.js';
import type {QuizAnswer} from '../deck/quiz.js';
import type {Block, Slide} from '../deck/types.js';
import {renderElement} from './blocks.js';
import {themedCodeLines} from './code.js';
import {codeAtStep} from './code-steps.js';
import {renderColumns} from './columns.js';
import {asciiLineRuns, blankLine, clipLine, join, run, spaces, textLine, wrapRuns} from './lines.js';
import {renderQuiz, type QuizShown} from './quiz.js';
import type {Line} from './runs.js';
import type {Theme} from './theme.js';
import {pushAll} from '../deck/arrays.js';
import {defined, itemAt} from '../deck/checked.js';

export type Size = Readonly<{width: number; height: number}>;

export type LayoutProblem =
	| Readonly<{kind: 'wide'; line: number; width: number; available: number; what: 'diagram' | 'code' | 'table' | 'line'}>
	| Readonly<{kind: 'tall'; rows: number; available: number}>;

/**
 * `middleAt`: the line that starts the block asked to sit at the vertical middle (presenterm's
 * `jump_to_middle`); layoutSlide moves it there when the height is known.
 */
export type SlideBody = Readonly<{lines: readonly Line[]; problems: readonly LayoutProblem[]; middleAt?: number}>;

/** Columns of margin left and right of the slide's content. */
export function slideMargin(width: number): number {
	return width >= 60 ? 2 : 1;
}

const bodyCache = new WeakMap<Slide, Map<string, SlideBody>>();

/**
 * Study view: the student's answers to the slide's questions (by their order on the slide),
 * and the choices picked or the text typed so far for the first open one. Without it, a
 * question shows its answer from its reveal step on (presenting, print).
 */
export type StudyQuiz = Readonly<{answers: readonly (QuizAnswer | undefined)[]; picking?: readonly number[]; typing?: string}>;

/**
 * Every line of a slide at `step`, for a slide area `width` cells wide, not cut to any
 * height: margins included, prose wrapped, diagrams and code clipped with a marker.
 */
export function renderSlideBody(slide: Slide, step: number, width: number, theme: Theme, study?: StudyQuiz): SlideBody {
	const key = `${step}|${width}|${theme.id}${study && slide.head.quizzes > 0 ? `|${JSON.stringify(study)}` : ''}`;
	return cached(bodyCache, slide, key, () => renderSlideBodyOnce(slide, step, width, theme, study));
}

/** renderSlideBody, not kept: for one pass over every slide (print), where the cache is only cost. */
export function renderSlideBodyOnce(slide: Slide, step: number, width: number, theme: Theme, study?: StudyQuiz): SlideBody {
	return asciiWhenAsked(slide.head.isSection ? renderSection(slide, width) : renderContent(slide, step, width, theme, study), theme);
}

/**
 * What was laid out for `owner` (a slide, a slide's notes) under `key` (step, width, theme…),
 * computed on first use. Forgotten with the owner (a reload); at most 65 keys each, the oldest
 * dropped first (a student's quiz answers make new keys).
 */
function cached<Owner extends object, Value>(
	cache: WeakMap<Owner, Map<string, Value>>,
	owner: Owner,
	key: string,
	compute: () => Value,
): Value {
	let byKey = cache.get(owner);
	if (!byKey) {
		byKey = new Map();
		cache.set(owner, byKey);
	}

	let value = byKey.get(key);
	if (value === undefined) {
		if (byKey.size > 64) byKey.delete(defined(byKey.keys().next().value, 'the oldest key of a full cache'));
		value = compute();
		byKey.set(key, value);
	}

	return value;
}

/**
 * In ASCII mode every line goes through the box-drawing map, prose and titles as well as
 * diagrams (`GPA ──▶ MPA` sits in bullets). The map is one cell for one cell, so widths and
 * clipping found before it still hold.
 */
function asciiWhenAsked(body: SlideBody, theme: Theme): SlideBody {
	return theme.ascii ? {...body, lines: body.lines.map(asciiLineRuns)} : body;
}

function renderSection(slide: Slide, width: number): SlideBody {
	const margin = slideMargin(width);
	const inner = width - 2 * margin;
	const title = slide.blocks[0];
	const wrapped = wrapRuns([run(slide.title, ['section'])], inner);
	// A centred title (presenterm's introduction slide with a title alone) stays centred.
	const lines = alignLines(wrapped, title?.align, inner, true).map(each => join(spaces(margin), each));
	return {lines, problems: []};
}

function renderContent(slide: Slide, step: number, width: number, theme: Theme, study: StudyQuiz | undefined): SlideBody {
	const margin = slideMargin(width);
	const inner = Math.max(1, width - 2 * margin);
	const pad = spaces(margin);
	const lines: Line[] = [];
	const problems: LayoutProblem[] = [];
	let titleDrawn = false;
	let middleAt: number | undefined;
	const shown = (block: QuizBlock) => quizShown(block.ordinal, block.answerStep, step, study);
	const blocks = slide.blocks;
	for (let i = 0; i < blocks.length; i++) {
		const block = itemAt(blocks, i);
		if (block.step > step) {
			break;
		}

		if (lines.length > 0 && !block.continuesList) {
			lines.push(blankLine);
		}

		pushBlankRows(lines, block.space);
		if (block.middle && middleAt === undefined) {
			middleAt = lines.length;
		}

		if (block.column) {
			// The run of blocks in this column layout that this step shows.
			let end = i + 1;
			while (end < blocks.length && itemAt(blocks, end).column?.layout === block.column.layout && itemAt(blocks, end).step <= step) {
				end++;
			}

			const run = blocks.slice(i, end);
			for (const line of renderColumns(run, inner, (inColumn, columnWidth) => {
				const inside: Line[] = [];
				// The first block's spacing went before the whole layout.
				pushBlankRows(inside, inColumn === block ? undefined : inColumn.space);
				pushAll(inside, aligned(renderBlock(inColumn, columnWidth, theme, problems, shown, step), inColumn, columnWidth));
				return inside;
			})) {
				lines.push(join(pad, line));
			}

			i = end - 1;
			continue;
		}

		const rendered =
			!titleDrawn && block.element.kind === 'heading'
				? wrapRuns([run(slide.title, ['title'])], inner)
				: renderBlock(block, inner, theme, problems, shown, step);
		titleDrawn ||= block.element.kind === 'heading';
		for (const line of aligned(rendered, block, inner)) {
			lines.push(join(pad, line));
		}
	}

	return middleAt === undefined ? {lines, problems} : {lines, problems, middleAt};
}

/** `rows` blank rows (presenterm's new_lines). */
function pushBlankRows(lines: Line[], rows: number | undefined): void {
	for (let row = 0; row < (rows ?? 0); row++) {
		lines.push(blankLine);
	}
}

/**
 * A block its author aligned (mdp's `-> text <-`, presenterm's `alignment`), in `width` cells:
 * prose (paragraphs, headings) line by line, as presenterm aligns text; a list, a quote, code or
 * a table as one block, by its widest line, so that its own shape is kept.
 */
function aligned(lines: readonly Line[], block: Block, width: number): readonly Line[] {
	const kind = block.element.kind;
	return alignLines(lines, block.align, width, kind === 'paragraph' || kind === 'heading');
}

/** Lines centred or set right in `width` cells: each on its own (`perLine`), or together by the widest. */
function alignLines(lines: readonly Line[], align: 'center' | 'right' | undefined, width: number, perLine: boolean): readonly Line[] {
	if (align === undefined) return lines;
	const shift = (lineWidth: number) => Math.max(0, align === 'center' ? Math.floor((width - lineWidth) / 2) : width - lineWidth);
	const widest = perLine ? 0 : lines.reduce((most, line) => Math.max(most, line.width), 0);
	return lines.map(line => (line.width === 0 ? line : join(spaces(shift(perLine ? line.width : widest)), line)));
}

function quizShown(ordinal: number, answerStep: number, step: number, study: StudyQuiz | undefined): QuizShown {
	if (!study) return {mode: 'reveal', answered: step >= answerStep};
	const open = study.answers.findIndex((answer, index) => answer === undefined && index >= 0);
	const first = open === -1 ? study.answers.length : open;
	const current = ordinal === first;
	return {
		mode: 'study',
		answer: study.answers[ordinal],
		current,
		picking: current ? study.picking : undefined,
		typing: current ? study.typing : undefined,
	};
}

type QuizBlock = Extract<Block, {kind: 'quiz'}>;

function renderBlock(
	block: Block,
	width: number,
	theme: Theme,
	problems: LayoutProblem[],
	shown: (block: QuizBlock) => QuizShown,
	step: number,
): Line[] {
	const marker = run(theme.glyphs.clipRight, ['marker']);
	const clipAll = (lines: readonly Line[], what: 'diagram' | 'code' | 'table') => {
		let widest = 0;
		const out = lines.map(line => {
			const result = clipLine(line, width, marker);
			if (result.clipped) {
				widest = Math.max(widest, line.width);
			}

			return result.line;
		});
		if (widest > 0) {
			problems.push({kind: 'wide', line: block.line, width: widest, available: width, what});
		}

		return out;
	};

	switch (block.kind) {
		case 'quiz': {
			return renderQuiz(block.quiz, width, theme, shown(block));
		}

		case 'diagram': {
			return clipAll(
				block.lines.map(text => textLine(text, ['diagram'])),
				'diagram',
			);
		}

		case 'code': {
			// Line numbers, and the lines this reveal step's highlights leave unlit drawn dim.
			return clipAll(codeAtStep(themedCodeLines(block.code, block.lang, theme), block, step), 'code');
		}

		case 'markdown': {
			const lines = renderElement(block.element, width, theme, 0, step);
			return block.element.kind === 'table' ? clipAll(lines, 'table') : lines;
		}
	}
}

/** From this height a scrolled area spends its first row on `more above`. */
const markAboveFrom = 3;

/**
 * How far `count` lines can scroll in `height` rows: until the last line is on the bottom
 * row. Scrolled, the top row is the `more above` marker, hence one row further.
 */
export function scrollLimit(count: number, height: number): number {
	if (count <= height) {
		return 0;
	}

	return height >= markAboveFrom ? count - height + 1 : count - height;
}

/**
 * Cut body lines to `height` rows starting at `scroll` (clamped to scrollLimit), marking
 * hidden rows with `more above` / `more below`, and pad to exactly `height` lines.
 */
export function fitToHeight(
	lines: readonly Line[],
	height: number,
	scroll: number,
	theme: Theme,
): {lines: Line[]; hiddenBelow: number; scroll: number} {
	const top = Math.min(Math.max(0, scroll), scrollLimit(lines.length, height));
	const above = top > 0 && height >= markAboveFrom;
	const room = above ? height - 1 : height;
	let visible = lines.slice(top, top + room);
	let hiddenBelow = lines.length - top - visible.length;
	const count = (n: number) => `${n} ${n === 1 ? 'line' : 'lines'}`;
	if (hiddenBelow > 0 && room > 0) {
		visible = visible.slice(0, room - 1);
		hiddenBelow = lines.length - top - visible.length;
		visible.push(join(spaces(2), run(`${theme.glyphs.moreBelow} (${count(hiddenBelow)})`, ['dim'])));
	}

	if (above) {
		visible.unshift(join(spaces(2), run(`${theme.glyphs.moreAbove} (${count(top)})`, ['dim'])));
	}

	while (visible.length < height) {
		visible.push(blankLine);
	}

	return {lines: visible, hiddenBelow, scroll: top};
}

/** The slide area as presented: exactly `size.height` lines; a `tall` problem when cut. */
export function layoutSlide(
	slide: Slide,
	step: number,
	size: Size,
	theme: Theme,
	render: (slide: Slide, step: number, width: number, theme: Theme) => SlideBody = renderSlideBody,
): SlideBody {
	const body = render(slide, step, size.width, theme);
	const isSection = slide.head.isSection;
	// Section slides sit in the middle of the screen; content starts at the top, or from the
	// middle row on after presenterm's jump_to_middle (when what is above leaves room).
	const top = isSection ? Math.max(0, Math.floor((size.height - body.lines.length) / 2)) : 0;
	const middle = body.middleAt === undefined || isSection ? 0 : Math.max(0, Math.floor(size.height / 2) - body.middleAt);
	// Pushed one by one, not spread: check lays out every slide, and a spread iterates (and
	// allocates per element) in the bin's unoptimised V8.
	const lines: Line[] = [];
	pushBlankRows(lines, top);
	const split = Math.min(body.middleAt ?? body.lines.length, body.lines.length);
	for (let i = 0; i < split; i++) lines.push(itemAt(body.lines, i));
	pushBlankRows(lines, middle);
	for (let i = split; i < body.lines.length; i++) lines.push(itemAt(body.lines, i));
	const fitted = fitToHeight(lines, size.height, 0, theme);
	const problems =
		fitted.hiddenBelow > 0 ? [...body.problems, {kind: 'tall', rows: lines.length, available: size.height} as const] : body.problems;
	return {lines: fitted.lines, problems};
}

const notesCache = new WeakMap<readonly Element[], Map<string, Line[]>>();

/** Speaker notes wrapped to a pane `width` wide (no margins); a dimmed line when there are none. */
export function renderNotes(notes: readonly Element[], width: number, theme: Theme): Line[] {
	return cached(notesCache, notes, `${width}|${theme.id}`, () => {
		const rendered = renderNotesUncached(notes, width, theme);
		return theme.ascii ? rendered.map(asciiLineRuns) : rendered;
	});
}

function renderNotesUncached(notes: readonly Element[], width: number, theme: Theme): Line[] {
	if (notes.length === 0) {
		return [textLine('No speaker notes for this slide.', ['dim'])];
	}

	const marker = run(theme.glyphs.clipRight);
	const lines: Line[] = [];
	for (const element of notes) {
		if (lines.length > 0) {
			lines.push(blankLine);
		}

		pushAll(
			lines,
			renderElement(element, Math.max(1, width), theme).map(line => clipLine(line, width, marker).line),
		);
	}

	return lines;
}
