// The speaker view (`lectern speaker`): the current slide as the audience sees it, laid out
// in its own pane; the next slide's title and first lines; the notes in a large pane; the
// clock (elapsed, remaining, pace). The same layout functions as every other screen, composed
// differently: wide terminals put the slides left and clock and notes right, narrow ones stack.
import {parseSlide} from '../deck/parse.js';
import {slideHead} from '../deck/deck.js';
import {formatClock} from '../deck/timing.js';
import {fitToHeight, layoutSlide, renderNotes, renderSlideBody, type Size} from './layout.js';
import {buildRegions, paceFor, type Regions, type ScreenInput} from './screen.js';
import {formatElapsed} from './status.js';
import {blankLine, join, line, lineText, padLine, run, spaces, textLine, truncateLine} from './lines.js';
import type {Line} from './runs.js';
import type {Theme} from './theme.js';
import {itemAt} from '../deck/checked.js';

/** From this width the speaker view has two columns. */
export const speakerColumnsFrom = 100;

function rule(label: string, width: number, theme: Theme): Line {
	const g = theme.glyphs.horizontal;
	const text = truncateLine(textLine(`${g}${g} ${label} `), width, run(theme.glyphs.ellipsis));
	return padLine(textLine(lineText(text) + g.repeat(Math.max(0, width)), ['dim']), width);
}

/** The audience's slide, laid out at the pane's size (a follower at that size sees exactly this). */
function currentPane(input: ScreenInput, size: Size): Line[] {
	const {deck, state, theme} = input;
	const head = slideHead(deck, state.slide);
	const steps = head.steps > 1 ? ` ${theme.glyphs.separator} step ${state.step + 1}/${head.steps}` : '';
	const label = state.blank
		? 'audience sees: back in a moment (any key returns)'
		: `now: ${state.slide + 1}/${deck.partial ? theme.glyphs.ellipsis : deck.count}${steps}`;
	const body = state.blank
		? []
		: layoutSlide(parseSlide(deck, state.slide), state.step, {width: size.width, height: size.height - 1}, theme).lines;
	return [rule(label, size.width, theme), ...fill(body, size.height - 1)];
}

/** What the next key shows: the rest of this slide's steps, then the next slide's start. */
function nextPane(input: ScreenInput, size: Size): Line[] {
	const {deck, state, theme} = input;
	const head = slideHead(deck, state.slide);
	const stepsLeft = head.steps - 1 - state.step;
	const nextIndex = state.slide + 1;
	if (nextIndex >= deck.count) {
		const label = stepsLeft > 0 ? `next: ${stepsLeft} more step${stepsLeft === 1 ? '' : 's'}, then the end` : 'next: the end of the deck';
		return [rule(label, size.width, theme), ...fill([], size.height - 1)];
	}

	const next = parseSlide(deck, nextIndex);
	const then = stepsLeft > 0 ? `${stepsLeft} more step${stepsLeft === 1 ? '' : 's'}, then ` : '';
	const label = `next: ${then}${nextIndex + 1} ${theme.glyphs.separator} ${next.title || '(untitled)'}`;
	// The first lines of its first step, without the blank rows a layout starts with.
	const blank = (each: Line) => lineText(each).trim() === '';
	const lines = renderSlideBody(next, 0, size.width, theme).lines.filter(
		(each, i, all) => !blank(each) || (i > 0 && !blank(itemAt(all, i - 1))),
	);
	return [rule(label, size.width, theme), ...fill(lines.slice(0, size.height - 1), size.height - 1)];
}

function clockLines(input: ScreenInput, width: number): Line[] {
	const {theme, state} = input;
	const pace = paceFor(input);
	const ellipsis = run(theme.glyphs.ellipsis);
	const elapsed = pace
		? [
				run(`elapsed ${formatClock(input.elapsedSeconds)}`, ['strong']),
				run(
					`  ${pace.remainingSeconds >= 0 ? `${formatClock(pace.remainingSeconds)} left` : `${formatClock(-pace.remainingSeconds)} over`}`,
				),
			]
		: [run(`elapsed ${formatElapsed(input.elapsedSeconds)}`, ['strong'])];
	const second = pace
		? textLine(pace.text, pace.alert ? ['error'] : undefined)
		: textLine('no duration set: add duration: 90 to the front matter', ['dim']);
	const lines = [line(elapsed), second];
	if (state.clockPaused) {
		// Beside the clock where it fits; on a line of its own where it would be cut ("paused (p r…" at 100 columns).
		const paused = run(' paused (p resumes)', ['error']);
		const first = line([...elapsed, paused]);
		if (first.width <= width) lines[0] = first;
		else lines.push(line([run('paused (p resumes)', ['error'])]));
	}

	return lines.map(each => truncateLine(each, width, ellipsis));
}

function notesPane(input: ScreenInput, size: Size): {rows: Line[]; scrollLimit: number} {
	const {deck, state, theme} = input;
	const notes = parseSlide(deck, state.slide).noteElements;
	const lines =
		notes.length === 0 ? [textLine('(no notes for this slide)', ['dim'])] : renderNotes(notes, Math.max(1, size.width - 1), theme);
	const rows = [
		rule('notes', size.width, theme),
		...fitToHeight(lines, size.height - 1, state.notesScroll, theme).lines.map(each => join(spaces(1), each)),
	];
	return {rows, scrollLimit: Math.max(0, lines.length - (size.height - 1))};
}

function fill(lines: readonly Line[], height: number): Line[] {
	return Array.from({length: Math.max(0, height)}, (_, i) => lines[i] ?? blankLine);
}

export function buildSpeakerRegions(input: ScreenInput): Regions {
	const {size, state} = input;
	// Overlays (help, search, overview) and a too-small terminal look as they do when presenting.
	const plain = buildRegions({...input, state: {...state, notesVisible: false, blank: false}});
	if (plain.geometry.kind === 'too-small' || state.overlay !== 'none') {
		return plain;
	}

	const rows = size.height - 1;
	let body: Line[];
	let notesScrollLimit = 0;
	if (size.width >= speakerColumnsFrom) {
		const left = Math.floor((size.width - 1) * 0.6);
		const right = size.width - 1 - left;
		const nextRows = Math.min(8, Math.max(3, Math.floor(rows * 0.3)));
		const leftRows = [...currentPane(input, {width: left, height: rows - nextRows}), ...nextPane(input, {width: left, height: nextRows})];
		const clock = clockLines(input, right - 1).map(each => join(spaces(1), each));
		const notes = notesPane(input, {width: right, height: rows - clock.length});
		notesScrollLimit = notes.scrollLimit;
		const rightRows = [...clock, ...notes.rows];
		const divider = run(input.theme.glyphs.vertical, ['dim']);
		body = Array.from({length: rows}, (_, i) =>
			join(padLine(leftRows[i] ?? blankLine, left), divider, padLine(rightRows[i] ?? blankLine, right)),
		);
	} else {
		const slideRows = Math.max(4, Math.floor(rows * 0.45));
		const nextRows = 3;
		const clock = clockLines(input, size.width - 1).map(each => join(spaces(1), each));
		const notesRows = rows - slideRows - nextRows - clock.length;
		const notes = notesRows >= 2 ? notesPane(input, {width: size.width, height: notesRows}) : {rows: [], scrollLimit: 0};
		notesScrollLimit = notes.scrollLimit;
		body = [
			...currentPane(input, {width: size.width, height: slideRows}),
			...nextPane(input, {width: size.width, height: nextRows}),
			...clock,
			...notes.rows,
		];
	}

	const geometry = {kind: 'slide' as const, size, slide: {width: size.width, height: rows}};
	return {
		geometry,
		theme: input.theme,
		slide: fill(body, rows),
		notes: [],
		status: plain.status,
		divider: blankLine,
		scrollLimit: 0,
		notesScrollLimit,
	};
}
