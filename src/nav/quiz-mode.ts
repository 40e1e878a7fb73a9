// Answering self-check questions in the study view. The first open question of the slide
// takes the keys: a digit picks a choice (with several right choices, the answer is scored
// once that many are picked), a free answer is typed into an entry field and scored on
// Enter. Answers are kept in the navigation state, keyed by slide and question, and saved
// with the rest of the study state (cli/study.ts).
import {answerQuiz, isFreeAnswer, picksNeeded, type Quiz, type QuizAnswer} from '../deck/quiz.js';
import type {Action, NavContext, NavState} from './reducer.js';

/** Picks or text for the current slide's first open question; `typing` set while the entry field is open. */
export type QuizEntry = Readonly<{slide: number; picking: readonly number[]; typing?: string}>;

/** Answers by `slide:question` (both 0-based). */
export type QuizAnswers = Readonly<Record<string, QuizAnswer>>;

export function answerKey(slide: number, ordinal: number): string {
	return `${slide}:${ordinal}`;
}

/** The first question on the current slide without an answer. */
export function openQuestion(state: NavState, ctx: NavContext): {ordinal: number; quiz: Quiz} | undefined {
	if (state.view !== 'study' || !ctx.quizzes) return undefined;
	const quizzes = ctx.quizzes(state.slide);
	const ordinal = quizzes.findIndex((_, index) => state.answers?.[answerKey(state.slide, index)] === undefined);
	const quiz = quizzes[ordinal];
	return quiz === undefined ? undefined : {ordinal, quiz};
}

/** The entry for the current slide (an entry left on another slide is stale). */
export function currentEntry(state: NavState): QuizEntry | undefined {
	return state.quizEntry?.slide === state.slide ? state.quizEntry : undefined;
}

function answered(state: NavState, ordinal: number, answer: QuizAnswer): NavState {
	return {...state, answers: {...state.answers, [answerKey(state.slide, ordinal)]: answer}, quizEntry: undefined, count: ''};
}

/** A digit on a slide with an open question; undefined when the digit is not the question's. */
export function quizDigit(state: NavState, digit: string, ctx: NavContext): NavState | undefined {
	const open = openQuestion(state, ctx);
	if (!open || state.count !== '') return undefined;
	if (isFreeAnswer(open.quiz)) {
		return {...state, quizEntry: {slide: state.slide, picking: [], typing: digit}};
	}

	const choice = Number(digit) - 1;
	if (choice < 0 || choice >= open.quiz.choices.length) return state;
	const before = currentEntry(state)?.picking ?? [];
	const picking = before.includes(choice) ? before.filter(index => index !== choice) : [...before, choice];
	if (picking.length >= picksNeeded(open.quiz)) return answered(state, open.ordinal, answerQuiz(open.quiz, {picked: picking}));
	return {...state, quizEntry: {slide: state.slide, picking}};
}

/** `a`: open the entry field for a free-answer question. */
export function openAnswerEntry(state: NavState, ctx: NavContext): NavState {
	const open = openQuestion(state, ctx);
	if (!open || !isFreeAnswer(open.quiz)) return state;
	return {...state, count: '', quizEntry: {slide: state.slide, picking: [], typing: currentEntry(state)?.typing ?? ''}};
}

/** Esc on a slide with picks: start the question over. */
export function clearPicks(state: NavState): NavState | undefined {
	return currentEntry(state) === undefined ? undefined : {...state, quizEntry: undefined};
}

/** Keys while the entry field is open. */
export function reduceAnswerEntry(state: NavState, action: Action, ctx: NavContext): NavState {
	const entry = state.quizEntry;
	if (!entry) return state;
	const typing = entry.typing ?? '';
	switch (action.type) {
		case 'textInput': {
			// A student's answer is a word or a number: a bounded line.
			return typing.length >= 200 ? state : {...state, quizEntry: {...entry, typing: typing + action.text}};
		}

		case 'textBackspace': {
			return {...state, quizEntry: {...entry, typing: [...typing].slice(0, -1).join('')}};
		}

		case 'cancel': {
			return {...state, quizEntry: undefined};
		}

		case 'textSubmit': {
			const open = openQuestion(state, ctx);
			if (!open || entry.slide !== state.slide) return {...state, quizEntry: undefined};
			return typing.trim() === '' ? state : answered(state, open.ordinal, answerQuiz(open.quiz, {typed: typing.trim()}));
		}

		default: {
			return state;
		}
	}
}

/** Right and answered, over every question answered. */
export function score(answers: QuizAnswers | undefined): {right: number; answered: number} {
	const all = Object.values(answers ?? {});
	return {right: all.filter(answer => answer.right).length, answered: all.length};
}
