// A self-check question on the slide. Presenting and print show the question and its
// choices, and the answer once its reveal step comes; study mode shows what the student
// picked or is typing, then right or wrong, the right choice and the explanation.
import type {Quiz, QuizAnswer} from '../deck/quiz.js';
import {correctChoices, isFreeAnswer, picksNeeded} from '../deck/quiz.js';
import {sanitizeLine} from '../deck/sanitize.js';
import {join, run, spaces, textLine, withRoles, wrapRuns} from './lines.js';
import type {Line, Role} from './runs.js';
import {cellWidth} from './text.js';
import type {Theme} from './theme.js';
import {itemAt, lastOf} from '../deck/checked.js';

/** How a question is shown: with or without its answer (presenting, print), or as a student's (study). */
export type QuizShown =
	| Readonly<{mode: 'reveal'; answered: boolean}>
	| Readonly<{mode: 'study'; answer?: QuizAnswer; current: boolean; picking?: readonly number[]; typing?: string}>;

/** Plain text wrapped to `width`, each line's runs with `roles`. */
function wrapText(text: string, width: number, roles?: readonly Role[]): Line[] {
	return wrapRuns([run(text, roles)], width);
}

export function renderQuiz(quiz: Quiz, width: number, theme: Theme, shown: QuizShown): Line[] {
	const right = theme.glyphs.seen;
	const wrong = theme.ascii ? 'x' : '✗';
	const answer = shown.mode === 'study' ? shown.answer : undefined;
	const answered = shown.mode === 'reveal' ? shown.answered : answer !== undefined;
	const lines: Line[] = [];
	for (const paragraph of quiz.question.split('\n')) {
		lines.push(...wrapText(paragraph, width, ['heading']));
	}

	const picking = new Set(shown.mode === 'study' ? (shown.picking ?? []) : []);
	const picked = new Set(answer?.picked ?? []);
	quiz.choices.forEach((choice, index) => {
		let mark = run(' ');
		if (answered && choice.correct) mark = run(right, ['strong']);
		else if (answered && picked.has(index)) mark = run(wrong, ['error']);
		else if (!answered && picking.has(index)) mark = run(itemAt(theme.glyphs.bullet, 0), ['marker']);
		const label = `${index + 1}. `;
		const body = wrapText(choice.text, Math.max(1, width - 2 - cellWidth(label)));
		const styled = (each: Line) => (answered && !choice.correct ? withRoles(each, ['dim']) : each);
		for (const [at, each] of body.entries()) {
			lines.push(at === 0 ? join(mark, run(` ${label}`), styled(each)) : join(spaces(2 + cellWidth(label)), styled(each)));
		}
	});

	if (shown.mode === 'study' && answer === undefined && shown.current) {
		if (isFreeAnswer(quiz)) {
			const typed = wrapText(`answer: ${sanitizeLine(shown.typing ?? '')}`, width);
			typed[typed.length - 1] = join(lastOf(typed), run(theme.ascii ? '_' : '▏'));
			lines.push(...typed);
			lines.push(textLine('type the answer, then Enter', ['dim']));
		} else {
			const need = picksNeeded(quiz);
			const range = `1-${quiz.choices.length}`;
			lines.push(
				textLine(need === 1 ? `${range}: answer` : `${range}: pick ${need} (${need - picking.size} to go), Esc: start over`, ['dim']),
			);
		}
	} else if (shown.mode === 'study' && answer === undefined) {
		lines.push(textLine('(answer the question above first)', ['dim']));
	}

	if (!answered) return lines;
	lines.push(...verdict(quiz, answer, width, theme));
	if (quiz.explanation !== '') {
		const bar = run(theme.glyphs.vertical, ['dim']);
		for (const paragraph of quiz.explanation.split('\n')) {
			lines.push(...wrapText(paragraph, Math.max(1, width - 2), ['quote']).map(each => join(bar, run(' '), each)));
		}
	}

	return lines;
}

/** The line under an answered question: the answer (presenting), or right/wrong and the right answer (study). */
function verdict(quiz: Quiz, answer: QuizAnswer | undefined, width: number, theme: Theme): Line[] {
	const rightChoices = correctChoices(quiz)
		.map(index => String(index + 1))
		.join(', ');
	const expected = isFreeAnswer(quiz) ? (quiz.answers[0] ?? '') : rightChoices;
	const noun = isFreeAnswer(quiz) || correctChoices(quiz).length === 1 ? 'answer' : 'answers';
	let text: string;
	if (answer === undefined) {
		text = `The ${noun}: ${expected}`;
	} else if (answer.right) {
		text = isFreeAnswer(quiz) ? `${theme.glyphs.seen} Right: ${sanitizeLine(answer.typed ?? '')}` : `${theme.glyphs.seen} Right`;
	} else {
		const given = isFreeAnswer(quiz)
			? `you answered "${sanitizeLine(answer.typed ?? '')}"`
			: `you picked ${(answer.picked ?? []).map(index => index + 1).join(', ')}`;
		text = `${theme.ascii ? 'x' : '✗'} Not quite: ${given}; the ${noun}: ${expected}`;
	}

	return wrapText(text, width, [answer === undefined || answer.right ? 'strong' : 'error']);
}
