// The status bar: one line, truncated to the width, never wrapped.
import {sanitizeLine} from '../deck/sanitize.js';
import {formatClock} from '../deck/timing.js';
import {asciiText} from './ascii.js';
import {join, line, padLine, run, spaces, truncateLine, withRoles} from './lines.js';
import type {Line, Run} from './runs.js';
import type {Theme} from './theme.js';

export type StatusInput = Readonly<{
	deckTitle: string;
	section: string;
	slideTitle: string;
	slide: number;
	/** Number of slides; undefined while a large deck is still being read. */
	count: number | undefined;
	step: number;
	steps: number;
	elapsedSeconds: number;
	/** Digits typed so far (a pending "go to"). */
	typed: string;
	/** `match 2/7`, `wrapped`, `seen 40%`, … shown before the position. */
	badges: readonly string[];
	/** A message that takes the left side (reload errors, hints), with its kind. */
	message?: Readonly<{text: string; kind: 'error' | 'info'}>;
	/** No clock at all (a follower without --clock). */
	hideClock?: boolean;
	clockPaused?: boolean;
	/** Against the talk's plan (front matter `duration`): see deck/timing.ts. */
	pace?: Readonly<{remainingSeconds: number; text: string; alert: boolean}>;
}>;

export function formatElapsed(seconds: number): string {
	const s = Math.max(0, Math.floor(seconds));
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`;
}

export function progressBar(slide: number, count: number, cells: number, theme: Theme): string {
	const filled = count <= 1 ? cells : Math.round((slide / (count - 1)) * cells);
	return theme.glyphs.progressFull.repeat(filled) + theme.glyphs.progressEmpty.repeat(cells - filled);
}

function clockRuns(input: StatusInput, width: number): Run[] {
	const paused = input.clockPaused ? ' paused' : '';
	const {pace} = input;
	if (!pace) {
		return [run(formatElapsed(input.elapsedSeconds) + paused)];
	}

	const left = width >= 110 ? ` ${formatClock(Math.abs(pace.remainingSeconds))} ${pace.remainingSeconds >= 0 ? 'left' : 'over'}` : '';
	return [run(`${formatElapsed(input.elapsedSeconds)}${paused}${left} `), run(pace.text, pace.alert ? ['error'] : undefined)];
}

export function statusLine(input: StatusInput, width: number, theme: Theme): Line {
	const g = theme.glyphs;
	const position = `${input.slide + 1}/${input.count ?? g.ellipsis}${input.steps > 1 ? ` ${g.separator} step ${input.step + 1}/${input.steps}` : ''}`;
	const typed = input.typed === '' ? '' : `go to ${input.typed}… `;
	const badges = input.badges.length > 0 ? `${input.badges.join(' ')}  ` : '';
	const barCells = width >= 100 ? 10 : width >= 70 ? 6 : 0;
	const bar = barCells > 0 ? ` ${progressBar(input.slide, input.count ?? Number.POSITIVE_INFINITY, barCells, theme)}` : '';
	const clock = width >= 60 && !input.hideClock ? [run('  '), ...clockRuns(input, width)] : [];
	const right = line([run(`${typed}${badges}${position}${bar}`), ...clock, run(' ')]);
	const leftRoom = Math.max(0, width - right.width - 2);
	const where = [input.section, input.slideTitle].filter(Boolean).join(` ${g.crumb} `);
	// A title slide's title is often the deck's own: said once, not `Title · Title`.
	const withDeck = where === input.deckTitle ? where : [input.deckTitle, where].filter(Boolean).join(` ${g.separator} `);
	// Where you are matters more than which deck: drop the deck title before cutting the slide's.
	const crumbs = run(withDeck).width <= leftRoom || where === '' ? withDeck : where;
	// Titles are deck text: in ASCII mode their box drawing and arrows are converted as on the slide.
	const leftText = sanitizeLine(input.message?.text ?? crumbs);
	const ellipsis = run(g.ellipsis);
	const left = join(run(' '), truncateLine(line([run(theme.ascii ? asciiText(leftText) : leftText)]), leftRoom, ellipsis));
	const gap = Math.max(1, width - left.width - right.width);
	const whole = truncateLine(join(left, spaces(gap), right), width, ellipsis);
	return withRoles(padLine(whole, width), [input.message?.kind === 'error' ? 'error-bar' : 'status']);
}
