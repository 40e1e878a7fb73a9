// The talk's plan in time: front matter `duration` (minutes) and per-slide weights
// (`<!-- time: 3m -->`). Slides without a weight share what the weighted ones leave, in
// proportion to how much they show. Pure: the pace clock, `outline --times` and `check` use it.
import {slideLine, slideSource} from './deck.js';
import {closesFence, matchFenceOpen} from './notes.js';
import type {Deck} from './types.js';
import {group, itemAt} from './checked.js';

/** A line that is only `<!-- time: … -->` (the value is read by parseDuration). */
const timeComment = /^\s*<!--\s*time\s*:\s*(.*?)\s*-->\s*$/i;
const durationText = /^(?:(\d+(?:\.\d+)?)\s*h)?\s*(?:(\d+(?:\.\d+)?)\s*m(?:in)?)?\s*(?:(\d+(?:\.\d+)?)\s*s)?$/i;

/** `3m`, `90s`, `1m30s`, `1h`, `2.5m`, or a bare number of minutes → seconds; undefined if not a duration. */
export function parseDuration(text: string): number | undefined {
	const trimmed = text.trim();
	if (trimmed.length > 32) {
		return undefined;
	}

	if (/^\d+(?:\.\d+)?$/.test(trimmed)) {
		return Number(trimmed) * 60;
	}

	const match = durationText.exec(trimmed);
	if (!match || trimmed === '' || (match[1] === undefined && match[2] === undefined && match[3] === undefined)) {
		return undefined;
	}

	return Number(match[1] ?? 0) * 3600 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0);
}

export type TimeWeight = Readonly<{seconds?: number /** 0-based line within the slide */; line: number; text: string}>;

/** The slide's `<!-- time: … -->` line (outside fences), if any: the first one counts. */
export function slideTimeWeight(deck: Deck, index: number): TimeWeight | undefined {
	const source = slideSource(deck, index);
	if (!source.includes('time')) {
		return undefined;
	}

	const lines = source.split('\n');
	let fence: string | undefined;
	for (const [i, line] of lines.entries()) {
		if (fence) {
			fence = closesFence(line, fence) ? undefined : fence;
			continue;
		}

		const open = matchFenceOpen(line);
		if (open) {
			fence = open.marker;
			continue;
		}

		const match = timeComment.exec(line);
		if (match) {
			const text = group(match, 1);
			return {seconds: parseDuration(text), line: i, text};
		}
	}

	return undefined;
}

export type TalkPlan = Readonly<{
	/** The front matter's duration in seconds, if set. */
	durationSeconds: number | undefined;
	/** Planned start and length of each slide, in seconds. */
	starts: readonly number[];
	lengths: readonly number[];
	/** Sum of the explicit weights, in seconds. */
	weightedSeconds: number;
	/** Whether each slide's length came from its own `time:` comment. */
	explicit: readonly boolean[];
}>;

/**
 * How much a slide without a weight gets of the shared time: more text (notes included, as a
 * slide with much to say takes longer), more time. Measured on the source, so planning a
 * 10,000-slide deck costs one pass over its text and no slide is parsed.
 */
function contentWeight(deck: Deck, index: number): number {
	const chars = (deck.ends[index] ?? 0) - (deck.starts[index] ?? 0);
	return 1 + chars / 400;
}

const timeCommentAnywhere = /^[ \t]*<!--[ \t]*time[ \t]*:/gim;

/** Slides with a line that looks like a time comment (one pass over the deck's text). */
function slidesWithTimeComments(deck: Deck): Set<number> {
	const slides = new Set<number>();
	let slide = 0;
	timeCommentAnywhere.lastIndex = 0;
	for (let match = timeCommentAnywhere.exec(deck.body); match; match = timeCommentAnywhere.exec(deck.body)) {
		while (slide + 1 < deck.count && itemAt(deck.starts, slide + 1) <= match.index) {
			slide++;
		}

		slides.add(slide);
	}

	return slides;
}

const planCache = new WeakMap<Deck, TalkPlan>();

export function planTalk(deck: Deck): TalkPlan {
	const cached = planCache.get(deck);
	if (cached) {
		return cached;
	}

	const durationSeconds = deck.meta.duration === undefined ? undefined : deck.meta.duration * 60;
	const lengths: number[] = [];
	const explicit: boolean[] = [];
	const shares: number[] = [];
	let weightedSeconds = 0;
	let shareTotal = 0;
	const weighted = slidesWithTimeComments(deck);
	for (let i = 0; i < deck.count; i++) {
		const seconds = weighted.has(i) ? slideTimeWeight(deck, i)?.seconds : undefined;
		explicit.push(seconds !== undefined);
		lengths.push(seconds ?? 0);
		weightedSeconds += seconds ?? 0;
		const share = seconds === undefined ? contentWeight(deck, i) : 0;
		shares.push(share);
		shareTotal += share;
	}

	const rest = Math.max(0, (durationSeconds ?? weightedSeconds) - weightedSeconds);
	const starts: number[] = [];
	let at = 0;
	for (let i = 0; i < deck.count; i++) {
		if (!explicit[i] && shareTotal > 0) {
			lengths[i] = (rest * itemAt(shares, i)) / shareTotal;
		}

		starts.push(at);
		at += itemAt(lengths, i);
	}

	const plan = {durationSeconds, starts, lengths, weightedSeconds, explicit};
	planCache.set(deck, plan);
	return plan;
}

export type Pace = Readonly<{
	elapsedSeconds: number;
	/** Left of the planned duration (negative: over time). */
	remainingSeconds: number;
	/** Elapsed minus where the plan says the talk should be by now: positive means behind. */
	behindSeconds: number;
}>;

/** Where the talk stands against its plan at a slide and reveal step; undefined without a duration. */
export function paceAt(
	plan: TalkPlan,
	position: Readonly<{slide: number; step: number; steps: number}>,
	elapsedSeconds: number,
): Pace | undefined {
	if (plan.durationSeconds === undefined) {
		return undefined;
	}

	const slide = Math.min(Math.max(0, position.slide), plan.starts.length - 1);
	const within = position.steps > 1 ? position.step / position.steps : 0;
	const expected = (plan.starts[slide] ?? 0) + (plan.lengths[slide] ?? 0) * within;
	return {elapsedSeconds, remainingSeconds: plan.durationSeconds - elapsedSeconds, behindSeconds: elapsedSeconds - expected};
}

/** `12:05` (minutes:seconds) or `1:02:05`; negative values get a minus sign. */
export function formatClock(seconds: number): string {
	const sign = seconds < 0 ? '-' : '';
	const s = Math.floor(Math.abs(seconds));
	const pad = (n: number) => String(n).padStart(2, '0');
	return s >= 3600
		? `${sign}${Math.floor(s / 3600)}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`
		: `${sign}${Math.floor(s / 60)}:${pad(s % 60)}`;
}

/** How far off plan the talk is, in words: `on time`, `+4 min behind`, `2 min ahead`. */
export function describePace(pace: Pace): {text: string; off: 'on time' | 'behind' | 'ahead'; beyondThreshold: boolean} {
	const minutes = Math.round(Math.abs(pace.behindSeconds) / 60);
	if (minutes === 0) {
		return {text: 'on time', off: 'on time', beyondThreshold: false};
	}

	const behind = pace.behindSeconds > 0;
	return {
		text: behind ? `+${minutes} min behind` : `${minutes} min ahead`,
		off: behind ? 'behind' : 'ahead',
		beyondThreshold: minutes >= paceThresholdMinutes,
	};
}

/** From this many minutes off plan the clock changes colour. */
export const paceThresholdMinutes = 2;

/** What `check` says about the plan: unreadable weights, and weights that exceed the duration. */
export function timeProblems(deck: Deck): Array<{slide: number; line: number; message: string}> {
	const problems: Array<{slide: number; line: number; message: string}> = [];
	let lastWeighted = -1;
	for (const i of slidesWithTimeComments(deck)) {
		const weight = slideTimeWeight(deck, i);
		if (weight === undefined) {
			continue;
		}

		const line = slideLine(deck, i) + weight.line;
		if (weight.seconds === undefined) {
			problems.push({slide: i, line, message: `time: "${weight.text}" is not a duration (write 3m, 90s or 1m30s)`});
		} else {
			lastWeighted = i;
		}
	}

	const plan = planTalk(deck);
	if (plan.durationSeconds !== undefined && plan.weightedSeconds > plan.durationSeconds && lastWeighted !== -1) {
		problems.push({
			slide: lastWeighted,
			line: slideLine(deck, lastWeighted) + (slideTimeWeight(deck, lastWeighted)?.line ?? 0),
			message: `the slides' time weights add up to ${formatMinutes(plan.weightedSeconds)}, more than the ${formatMinutes(plan.durationSeconds)} duration`,
		});
	}

	return problems;
}

function formatMinutes(seconds: number): string {
	const minutes = Math.round((seconds / 60) * 10) / 10;
	return `${minutes} min`;
}
