// Self-check questions: a fenced block with the info string `quiz`, in a line format that
// still reads as a plain list in any other Markdown viewer:
//
//   question line(s)
//   - [ ] a wrong choice          (or `- [x]` for a right one; several may be right)
//   = 24                          (free answer: any of these lines, folded like search text)
//   > explanation, shown once the question is answered
//
// Pure: text in, a typed quiz and its problems out. Strings are plain text (inline Markdown
// removed) and sanitised, so the layout can wrap them as they are.
import {normalize} from '../search/normalize.js';
import {inlineMarkdownToPlain} from './plain.js';
import {sanitizeLine} from './sanitize.js';
import {group, lastOf} from './checked.js';

export type QuizChoice = Readonly<{text: string; correct: boolean}>;

export type Quiz = Readonly<{
	question: string;
	/** Multiple choice; empty for a free-answer question. */
	choices: readonly QuizChoice[];
	/** Accepted free answers (as written); empty for a multiple-choice question. */
	answers: readonly string[];
	/** Empty when the block has none. */
	explanation: string;
}>;

/** A problem in a quiz block; `offset` is the 0-based line within the block's text, -1 for the block as a whole (its opening fence). */
export type QuizProblem = Readonly<{offset: number; message: string}>;

/** Digits 1–9 pick a choice, so a question can have no more. */
export const maxChoices = 9;

const choiceLine = /^\s{0,3}[-*+]\s+\[([ xX])\]\s?(.*)$/;
const answerLine = /^\s{0,3}=\s?(.*)$/;
const explanationLine = /^\s{0,3}>\s?(.*)$/;

/** Whether a fence's info string opens a quiz block (`quiz`, any case, maybe followed by more words). */
export function isQuizInfo(info: string): boolean {
	return /^quiz(?:\s|$)/i.test(info.trim());
}

export function parseQuiz(text: string): {quiz: Quiz; problems: QuizProblem[]} {
	const question: string[] = [];
	const choices: Array<{text: string; correct: boolean}> = [];
	const answers: string[] = [];
	const explanation: string[] = [];
	const problems: QuizProblem[] = [];
	// What a continuation line (indented, after a choice) adds to.
	let last: 'question' | 'choice' | 'other' = 'question';
	text.split('\n').forEach((line, offset) => {
		const choice = choiceLine.exec(line);
		const answer = choice ? undefined : answerLine.exec(line);
		const explained = choice || answer ? undefined : explanationLine.exec(line);
		if (choice) {
			const choiceText = group(choice, 2).trim();
			choices.push({text: choiceText, correct: choice[1] !== ' '});
			if (choiceText === '') problems.push({offset, message: 'quiz: a choice has no text'});
			last = 'choice';
		} else if (answer) {
			const answerText = group(answer, 1).trim();
			answers.push(answerText);
			if (answerText === '') problems.push({offset, message: 'quiz: an "=" answer line is empty'});
			last = 'other';
		} else if (explained) {
			explanation.push(group(explained, 1));
			last = 'other';
		} else if (line.trim() === '') {
			if (last === 'question' && question.length > 0) question.push('');
		} else if (last === 'question') {
			question.push(line.trim());
		} else if (last === 'choice' && /^\s/.test(line)) {
			const previous = lastOf(choices);
			previous.text = `${previous.text} ${line.trim()}`.trim();
		} else {
			problems.push({offset, message: 'quiz: line not understood (a choice is "- [ ] text", an answer "= text", an explanation "> text")'});
		}
	});

	const quiz: Quiz = {
		question: paragraphs(question),
		choices: choices.map(choice => ({text: plain(choice.text), correct: choice.correct})),
		answers: answers.filter(answer => answer !== '').map(answer => plain(answer)),
		explanation: paragraphs(explanation),
	};
	if (quiz.question === '') problems.push({offset: -1, message: 'quiz: the question is empty'});
	if (choices.length === 0 && answers.length === 0) {
		problems.push({offset: -1, message: 'quiz: no choices ("- [ ]", "- [x]") and no "=" answers'});
	} else if (choices.length > 0 && answers.length > 0) {
		problems.push({offset: -1, message: 'quiz: both choices and "=" answers; use one form'});
	} else if (choices.length > 0 && !choices.some(choice => choice.correct)) {
		problems.push({offset: -1, message: 'quiz: no choice is marked correct ("- [x]")'});
	}

	if (choices.length > maxChoices)
		problems.push({offset: -1, message: `quiz: more than ${maxChoices} choices (keys 1-${maxChoices} pick one)`});
	return {quiz, problems};
}

/** Lines joined into paragraphs (a blank line separates them), inline Markdown removed. */
function paragraphs(lines: readonly string[]): string {
	const out: string[] = [];
	let current: string[] = [];
	for (const line of [...lines, '']) {
		if (line.trim() === '') {
			if (current.length > 0) out.push(plain(current.join(' ')));
			current = [];
		} else {
			current.push(line.trim());
		}
	}

	return out.join('\n');
}

function plain(markdown: string): string {
	return sanitizeLine(inlineMarkdownToPlain(markdown)).trim();
}

export function isFreeAnswer(quiz: Quiz): boolean {
	return quiz.choices.length === 0;
}

/** Indexes (0-based) of the right choices. */
export function correctChoices(quiz: Quiz): number[] {
	return quiz.choices.flatMap((choice, index) => (choice.correct ? [index] : []));
}

/** How many choices the student picks before the answer is checked (several right: all of them). */
export function picksNeeded(quiz: Quiz): number {
	return Math.max(1, correctChoices(quiz).length);
}

/** Case-, accent- and space-insensitive form of a free answer (the search folding, spaces dropped). */
export function foldAnswer(text: string): string {
	return normalize(text).folded.replace(/\s+/gu, '');
}

/** Whether picked choices (0-based, any order) are exactly the right ones. */
export function choicesRight(quiz: Quiz, picked: readonly number[]): boolean {
	const right = correctChoices(quiz);
	const set = new Set(picked);
	return set.size === right.length && right.every(index => set.has(index));
}

export function freeAnswerRight(quiz: Quiz, typed: string): boolean {
	const folded = foldAnswer(typed);
	return folded !== '' && quiz.answers.some(answer => foldAnswer(answer) === folded);
}

/** A student's answer to one question: the choices picked (0-based) or the text typed, and whether it was right. */
export type QuizAnswer = Readonly<{picked?: readonly number[]; typed?: string; right: boolean}>;

/** Scores an answer: choices for a multiple-choice question, text for a free one. */
export function answerQuiz(quiz: Quiz, given: {picked: readonly number[]} | {typed: string}): QuizAnswer {
	if ('typed' in given) {
		return {typed: given.typed, right: freeAnswerRight(quiz, given.typed)};
	}

	const picked = [...new Set(given.picked)].sort((a, b) => a - b);
	return {picked, right: choicesRight(quiz, picked)};
}
