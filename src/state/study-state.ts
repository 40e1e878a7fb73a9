// The study-mode model: where a student is, what they have seen, their bookmarks, and how a
// stored position follows a deck that was edited. Pure; store.ts keeps it in files.
import {itemAt} from '../deck/checked.js';
import type {QuizAnswer} from '../deck/quiz.js';

export type StudyState = Readonly<{
	/** 0-based index of the slide the student is on. */
	slide: number;
	/** Sorted, unique slide indexes. */
	seen: readonly number[];
	/** Sorted, unique slide indexes. */
	bookmarks: readonly number[];
	/** When the state was last saved (ISO 8601). */
	updatedAt?: string;
	/** Answers to self-check questions by `slide:question` (both 0-based); absent in files written before quizzes. */
	answers?: Readonly<Record<string, QuizAnswer>>;
}>;

/** A question's place: its slide and its order among the slide's questions. */
export function parseAnswerKey(key: string): {slide: number; ordinal: number} | undefined {
	const match = /^(\d{1,7}):(\d{1,3})$/.exec(key);
	return match ? {slide: Number(match[1]), ordinal: Number(match[2])} : undefined;
}

/** Later answers replace earlier ones to the same question; none is ever dropped. */
export function mergeAnswers(state: StudyState, answers: Readonly<Record<string, QuizAnswer>> | undefined): StudyState {
	if (!answers || Object.keys(answers).every(key => state.answers?.[key] === answers[key])) return state;
	return {...state, answers: {...state.answers, ...answers}};
}

/** `[first, last]`, both inclusive. */
export type Range = readonly [number, number];

/**
 * The deck's slide titles, read one at a time: saving needs only the few slides a state
 * names, and loading needs all of them only when a stored title no longer matches.
 */
export type SlideTitles = Readonly<{count: number; at: (index: number) => string}>;

export function titlesOf(list: readonly string[]): SlideTitles {
	return {count: list.length, at: index => list[index] ?? ''};
}

// Titles are compared, never shown; a prefix is enough and keeps the file small.
export const titleChars = 200;

export function emptyState(): StudyState {
	return {slide: 0, seen: [], bookmarks: []};
}

export function markSeen(state: StudyState, slide: number): StudyState {
	const seen = insertSorted(state.seen, slide);
	return seen === state.seen ? state : {...state, seen};
}

/** Move to `slide` and count it as seen. */
export function visit(state: StudyState, slide: number): StudyState {
	const seen = insertSorted(state.seen, slide);
	return seen === state.seen && slide === state.slide ? state : {...state, slide, seen};
}

/** `sorted` with `value` added in order, or taken out when it is there: the one bookmark toggle (the reducer's `m`). */
export function toggleSorted(sorted: readonly number[], value: number): readonly number[] {
	const at = lowerBound(sorted, value);
	return sorted[at] === value ? [...sorted.slice(0, at), ...sorted.slice(at + 1)] : insertSorted(sorted, value);
}

/** Share of the deck's `slideCount` slides seen, from 0 to 1. */
export function seenFraction(state: StudyState, slideCount: number): number {
	if (slideCount <= 0) return 0;
	return lowerBound(state.seen, slideCount) / slideCount;
}

/** Sorted unique indexes → ranges: `[0,1,2,5]` → `[[0,2],[5,5]]`. */
export function encodeRanges(indexes: readonly number[]): Range[] {
	const ranges: Array<[number, number]> = [];
	for (const index of indexes) {
		const last = ranges.at(-1);
		if (last && index === last[1] + 1) last[1] = index;
		else ranges.push([index, index]);
	}
	return ranges;
}

/** Ranges (any order, may overlap) → sorted unique indexes. */
export function decodeRanges(ranges: readonly Range[]): number[] {
	const indexes: number[] = [];
	for (const [first, last] of normalizeRanges(ranges)) {
		for (let index = first; index <= last; index++) indexes.push(index);
	}
	return indexes;
}

function normalizeRanges(ranges: readonly Range[]): Range[] {
	const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
	const merged: Array<[number, number]> = [];
	for (const [first, last] of sorted) {
		const previous = merged.at(-1);
		if (previous && first <= previous[1] + 1) previous[1] = Math.max(previous[1], last);
		else merged.push([first, last]);
	}
	return merged;
}

/** Where a stored slide is now: same index if its title still matches, else the nearest slide with its title. */
export function remapper(storedTitles: Readonly<Record<string, string>>, currentTitles: SlideTitles) {
	// Every title is read only once some stored title has moved (the deck was edited).
	let byTitle: Map<string, number[]> | undefined;
	const titleIndex = () => {
		if (!byTitle) {
			byTitle = new Map();
			for (let index = 0; index < currentTitles.count; index++) {
				const key = currentTitles.at(index).slice(0, titleChars);
				const list = byTitle.get(key);
				if (list) list.push(index);
				else byTitle.set(key, [index]);
			}
		}
		return byTitle;
	};
	return (index: number): number | undefined => {
		const title = storedTitles[String(index)];
		const here = index < currentTitles.count ? currentTitles.at(index) : undefined;
		if (title === undefined) return here === undefined ? undefined : index;
		if (here !== undefined && here.slice(0, titleChars) === title) return index;
		const candidates = titleIndex().get(title);
		if (!candidates) return undefined;
		const at = lowerBound(candidates, index);
		const after = candidates[at];
		const before = candidates[at - 1];
		if (before === undefined) return after;
		if (after === undefined) return before;
		return index - before <= after - index ? before : after;
	};
}

function lowerBound(sorted: readonly number[], value: number): number {
	let low = 0;
	let high = sorted.length;
	while (low < high) {
		const middle = (low + high) >>> 1;
		if (itemAt(sorted, middle) < value) low = middle + 1;
		else high = middle;
	}
	return low;
}

/** The same array when `value` is already there, so no-op updates keep identity. */
function insertSorted(sorted: readonly number[], value: number): readonly number[] {
	const at = lowerBound(sorted, value);
	if (sorted[at] === value) return sorted;
	return [...sorted.slice(0, at), value, ...sorted.slice(at)];
}

export function sortedUnique(values: readonly number[]): number[] {
	return [...new Set(values)].sort((a, b) => a - b);
}
