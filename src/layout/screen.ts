// The whole screen as data: where the slide, the notes and the status bar go for a terminal
// size, and the typed lines of each, joined into the screen's rows by composeRows (through the
// ANSI writer, once, at the end) for the first frame (drawn before Ink has loaded), the Ink
// app's Screen and the tests.
import {parseSlide, sectionCrumb} from '../deck/parse.js';
import {sectionIndexIfKnown, slideHead, stepsOf as slideSteps} from '../deck/deck.js';
import {sanitizeLine} from '../deck/sanitize.js';
import type {Deck} from '../deck/types.js';
import {stepsOf} from '../nav/moves.js';
import type {NavState} from '../nav/reducer.js';
import type {SlideList} from '../nav/slide-list.js';
import {answerKey, currentEntry} from '../nav/quiz-mode.js';
import {fitToHeight, layoutSlide, renderNotes, renderSlideBody, scrollLimit, type Size, type StudyQuiz} from './layout.js';
import {blankLine, join, line, padLine, run, spaces, textLine, truncateLine, wrapRuns} from './lines.js';
import {helpLines, overlayLines} from './overlays.js';
import type {Line} from './runs.js';
import {statusLine} from './status.js';
import {describePace, paceAt, planTalk} from '../deck/timing.js';
import type {Theme} from './theme.js';
import {ansiWriter} from './write.js';

export const minimumSize: Size = {width: 40, height: 10};
/** From this width the notes pane sits right of the slide; narrower, below it. */
export const notesRightFrom = 120;

export type Geometry =
	| Readonly<{kind: 'too-small'; size: Size}>
	| Readonly<{
			kind: 'slide';
			size: Size;
			slide: Size;
			notes?: Readonly<{position: 'right' | 'below'; width: number; height: number}>;
	  }>;

/** Where everything goes. The notes pane exists only when presenting with notes on. */
export function screenGeometry(size: Size, notesVisible: boolean): Geometry {
	if (size.width < minimumSize.width || size.height < minimumSize.height) {
		return {kind: 'too-small', size};
	}

	const rows = size.height - 1;
	if (!notesVisible) {
		return {kind: 'slide', size, slide: {width: size.width, height: rows}};
	}

	if (size.width >= notesRightFrom) {
		const notesWidth = Math.max(30, Math.floor(size.width * 0.34));
		return {
			kind: 'slide',
			size,
			slide: {width: size.width - notesWidth - 1, height: rows},
			notes: {position: 'right', width: notesWidth, height: rows},
		};
	}

	const notesRows = Math.max(4, Math.floor(rows / 4));
	return {
		kind: 'slide',
		size,
		slide: {width: size.width, height: rows - notesRows},
		notes: {position: 'below', width: size.width, height: notesRows},
	};
}

/** Notes start visible unless asked otherwise, or when below the slide they would squeeze it. */
export function notesShownAtStart(size: Size, requested: boolean): boolean {
	return requested && (size.width >= notesRightFrom || size.height >= 28);
}

export type ScreenInput = Readonly<{
	deck: Deck;
	state: NavState;
	size: Size;
	theme: Theme;
	elapsedSeconds: number;
	message?: Readonly<{text: string; kind: 'error' | 'info'}>;
	/** Extra status badges from the shell (study progress). */
	badges?: readonly string[];
	/** Marks search matches in a line (live search). */
	highlight?: (line: Line) => Line;
	/** Slides the overview lists (after its filter). */
	overviewSlides?: SlideList;
	/** A follower without --clock shows no clock. */
	hideClock?: boolean;
}>;

export type Regions = Readonly<{
	geometry: Geometry;
	/** The theme the regions were laid out with: composeRows writes them with it. */
	theme: Theme;
	/** The slide area, or the overlay drawn over it. */
	slide: readonly Line[];
	/** Notes pane rows (its divider included), when shown. */
	notes: readonly Line[];
	status: Line;
	/** The column between slide and notes when the notes are on the right. */
	divider: Line;
	/** Study view: rows the current slide can scroll (for the reducer). */
	scrollLimit: number;
	/** Rows the notes pane can scroll (for the reducer); 0 without a pane. */
	notesScrollLimit: number;
	/** Rows the help overlay can scroll (for the reducer), when it is open. */
	helpScrollLimit?: number;
}>;

export function buildRegions(input: ScreenInput): Regions {
	const {deck, state, size, theme} = input;
	const studying = state.view === 'study';
	// The help and the overview take the notes pane's rows too: they are lists, and long.
	const listOpen = state.overlay === 'help' || state.overlay === 'overview';
	const geometry = screenGeometry(size, state.notesVisible && !studying && !listOpen);
	if (geometry.kind === 'too-small') {
		const text = `terminal too small: need at least ${minimumSize.width}x${minimumSize.height}, have ${size.width}x${size.height}`;
		// Wrapped, not cut: the sizes at its end are the point of the message.
		const lines = wrapRuns([run(text)], size.width).slice(0, Math.max(1, size.height));
		const top = Math.floor((size.height - lines.length) / 2);
		const rows = Array.from({length: Math.max(1, size.height)}, (_, i) => lines[i - top] ?? blankLine);
		return {geometry, theme, slide: rows, notes: [], status: blankLine, divider: blankLine, scrollLimit: 0, notesScrollLimit: 0};
	}

	const slide = parseSlide(deck, state.slide);
	const highlight = input.highlight ?? ((line: Line) => line);
	let slideLines: Line[];
	let bodyLimit = 0;
	if (studying) {
		const body = studyLines(input, geometry.slide.width);
		bodyLimit = scrollLimit(body.length, geometry.slide.height);
		slideLines = fitToHeight(body, geometry.slide.height, state.bodyScroll, theme).lines.map(highlight);
	} else {
		slideLines = layoutSlide(slide, state.step, geometry.slide, theme).lines.map(highlight);
	}

	const overlay = overlayLines(input, geometry.slide);
	if (state.blank && !overlay) {
		return blankRegions(input, size);
	}

	let notes: Line[] = [];
	let notesLimit = 0;
	if (geometry.notes) {
		const pane = geometry.notes;
		const textWidth = pane.position === 'right' ? pane.width - 1 : pane.width - 2 * 2;
		const rows = pane.position === 'right' ? pane.height : pane.height - 1;
		const lines = renderNotes(slide.noteElements, Math.max(1, textWidth), theme).map(highlight);
		notesLimit = scrollLimit(lines.length, rows);
		const fitted = fitToHeight(lines, rows, state.notesScroll, theme).lines;
		notes =
			pane.position === 'right'
				? fitted.map(each => join(spaces(1), each))
				: [
						textLine(`${theme.glyphs.horizontal.repeat(2)} notes ${theme.glyphs.horizontal.repeat(Math.max(0, pane.width - 9))}`, ['dim']),
						...fitted.map(each => join(spaces(2), each)),
					];
	}

	return {
		geometry,
		theme,
		slide: overlay ?? slideLines,
		notes,
		status: statusLine(statusInput(input), size.width, theme),
		divider: textLine(theme.glyphs.vertical, ['dim']),
		scrollLimit: bodyLimit,
		notesScrollLimit: notesLimit,
		helpScrollLimit: state.overlay === 'help' ? scrollLimit(helpLines(geometry.slide, input).length, geometry.slide.height) : 0,
	};
}

/**
 * The screen while a large deck is read (in slices, before its first frame): `message` in the
 * middle, dim, and an empty status bar. `message` is shown as given: the caller sanitises it.
 */
export function loadingRows(message: string, size: Size, theme: Theme): string[] {
	const height = Math.max(1, size.height);
	const shown = truncateLine(textLine(message, ['dim']), Math.max(1, size.width), run(theme.ascii ? '~' : '\u2026'));
	const middle = Math.floor((height - 1) / 2);
	const write = ansiWriter(theme);
	return Array.from({length: height}, (_, i) =>
		write(i === middle ? join(spaces(Math.max(0, Math.floor((size.width - shown.width) / 2))), shown) : blankLine),
	);
}

/** The audience's screen while the speaker is away: "back in a moment" and the status bar. */
function blankRegions(input: ScreenInput, size: Size): Regions {
	const rows = size.height - 1;
	const message = input.theme.ascii ? 'back in a moment' : 'back in a moment \u2026';
	const shown = run(message, ['dim']);
	const lines = Array.from({length: rows}, (_, i) =>
		i === Math.floor(rows / 2) ? line([spaces(Math.floor((size.width - shown.width) / 2)), shown]) : blankLine,
	);
	const geometry: Geometry = {kind: 'slide', size, slide: {width: size.width, height: rows}};
	return {
		geometry,
		theme: input.theme,
		slide: lines,
		notes: [],
		status: statusLine(statusInput(input), size.width, input.theme),
		divider: blankLine,
		scrollLimit: 0,
		notesScrollLimit: 0,
	};
}

/** Study view: the slide's content, then its notes, as one scrollable column. */
function studyLines(input: ScreenInput, width: number): Line[] {
	const {deck, state, theme} = input;
	const slide = parseSlide(deck, state.slide);
	const body = renderSlideBody(slide, slideHead(deck, state.slide).steps - 1, width, theme, studyQuiz(state, slide.head.quizzes)).lines;
	if (!state.studyNotes) {
		return [...body];
	}

	const notes = renderNotes(slide.noteElements, Math.max(1, width - 4), theme);
	const rule = theme.glyphs.horizontal;
	return [
		...body,
		blankLine,
		line([spaces(2), run(`${rule.repeat(2)} notes ${rule.repeat(Math.max(0, width - 13))}`, ['dim'])]),
		...notes.map(each => join(spaces(2), each)),
	];
}

/** The answer being typed, in the status bar too: the question may be scrolled out of view. */
function answerMessage(state: NavState, input: ScreenInput): {text: string; kind: 'info'} | undefined {
	const typing = currentEntry(state)?.typing;
	return typing === undefined
		? undefined
		: {text: `answer: ${sanitizeLine(typing)}${input.theme.ascii ? '_' : '▏'} (Enter: check, Esc: cancel)`, kind: 'info'};
}

/** The student's answers to this slide's questions, and the open one's picks or text. */
function studyQuiz(state: NavState, quizzes: number): StudyQuiz | undefined {
	if (quizzes === 0) return undefined;
	const entry = currentEntry(state);
	return {
		answers: Array.from({length: quizzes}, (_, ordinal) => state.answers?.[answerKey(state.slide, ordinal)]),
		picking: entry?.picking,
		typing: entry?.typing,
	};
}

function statusInput(input: ScreenInput) {
	const {deck, state} = input;
	const badges = [...(input.badges ?? [])];
	if (state.bookmarks.includes(state.slide)) {
		badges.unshift(input.theme.glyphs.bookmark);
	}

	if (state.search.hits.length > 0 && state.search.hitsFor !== '') {
		// Only on a matching slide: elsewhere "match -/12" crowded the crumb at 80 columns and said nothing n would not.
		const at = state.search.hits.indexOf(state.slide);
		if (at !== -1) badges.push(`match ${at + 1}/${state.search.hits.length}${state.search.wrapped ? ' (wrapped)' : ''}`);
	} else if (state.search.hitsFor !== '' && state.overlay !== 'search') {
		badges.push('no match');
	}

	return {
		deckTitle: sanitizeLine(deck.meta.title ?? ''),
		section: sectionCrumb(deck, state.slide, sectionIndexIfKnown),
		slideTitle: parseSlide(deck, state.slide).title,
		slide: state.slide,
		count: deck.partial ? undefined : deck.count,
		step: state.step,
		steps: stepsOf(state, {steps: index => slideSteps(deck, index)}, state.slide),
		elapsedSeconds: input.elapsedSeconds,
		typed: state.count,
		badges,
		message:
			state.overlay === 'search'
				? {text: `/${state.search.query}${input.theme.ascii ? '_' : '▏'}`, kind: 'info' as const}
				: (answerMessage(state, input) ?? input.message),
		hideClock: input.hideClock,
		clockPaused: state.clockPaused,
		// Studying alone has no plan to keep to.
		pace: input.hideClock || state.view === 'study' ? undefined : paceFor(input),
	};
}

/** The pace against the deck's plan, when its front matter sets a duration. */
export function paceFor(
	input: Pick<ScreenInput, 'deck' | 'state' | 'elapsedSeconds'>,
): {remainingSeconds: number; text: string; alert: boolean} | undefined {
	const {deck, state} = input;
	if (deck.meta.duration === undefined || deck.partial) {
		return undefined;
	}

	const pace = paceAt(
		planTalk(deck),
		{slide: state.slide, step: state.step, steps: slideHead(deck, state.slide).steps},
		input.elapsedSeconds,
	);
	if (!pace) {
		return undefined;
	}

	const words = describePace(pace);
	return {remainingSeconds: pace.remainingSeconds, text: words.text, alert: words.off === 'behind' && words.beyondThreshold};
}

/**
 * The regions joined into exactly `height` rows of at most `width` cells, written through the
 * theme's ANSI writer: the one place typed lines become the terminal's text.
 */
export function composeRows(regions: Regions): string[] {
	const write = ansiWriter(regions.theme);
	const {geometry} = regions;
	if (geometry.kind === 'too-small') {
		return regions.slide.map(write);
	}

	const {size} = geometry;
	const notes = geometry.notes;
	const rows: Line[] = [];
	if (notes?.position === 'right') {
		for (let i = 0; i < geometry.slide.height; i++) {
			rows.push(
				join(
					padLine(regions.slide[i] ?? blankLine, geometry.slide.width),
					regions.divider,
					padLine(regions.notes[i] ?? blankLine, notes.width),
				),
			);
		}
	} else {
		rows.push(...regions.slide, ...regions.notes);
	}

	rows.push(regions.status);
	return rows.slice(0, size.height).map(write);
}
