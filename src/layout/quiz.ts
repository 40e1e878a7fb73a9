// A self-check question on the slide. Presenting and print show the question and its
// choices, and the answer once its reveal step comes; study mode shows what the student
// picked or is typing, then right or wrong, the right choice and the explanation.
import type {Quiz, QuizAnswer} from '../deck/quiz.js';
import {correctChoices, isFreeAnswer, picksNeeded} from '../deck/quiz.js';
import {sanitizeLine} from '../deck/sanitize.js';
import {cellWidth, wrap} from './text.js';
import {styles, type Theme} from './theme.js';

/** How a question is shown: with or without its answer (presenting, print), or as a student's (study). */
export type QuizShown =
	| Readonly<{mode: 'reveal'; answered: boolean}>
	| Readonly<{mode: 'study'; answer?: QuizAnswer; current: boolean; picking?: readonly number[]; typing?: string}>;

export function renderQuiz(quiz: Quiz, width: number, theme: Theme, shown: QuizShown): string[] {
	const s = styles(theme);
	const right = theme.glyphs.seen;
	const wrong = theme.ascii ? 'x' : '✗';
	const answer = shown.mode === 'study' ? shown.answer : undefined;
	const answered = shown.mode === 'reveal' ? shown.answered : answer !== undefined;
	const lines: string[] = [];
	for (const paragraph of quiz.question.split('\n')) {
		lines.push(...wrap(paragraph, width).map(line => s.heading(line)));
	}

	const picking = new Set(shown.mode === 'study' ? (shown.picking ?? []) : []);
	const picked = new Set(answer?.picked ?? []);
	quiz.choices.forEach((choice, index) => {
		let mark = ' ';
		if (answered && choice.correct) mark = s.strong(right);
		else if (answered && picked.has(index)) mark = s.error(wrong);
		else if (!answered && picking.has(index)) mark = s.marker(theme.glyphs.bullet[0]!);
		const label = `${index + 1}. `;
		const body = wrap(choice.text, Math.max(1, width - 2 - cellWidth(label)));
		const styled = (line: string) => (answered && !choice.correct ? s.dim(line) : line);
		body.forEach((line, at) => lines.push(at === 0 ? `${mark} ${label}${styled(line)}` : ' '.repeat(2 + cellWidth(label)) + styled(line)));
	});

	if (shown.mode === 'study' && answer === undefined && shown.current) {
		if (isFreeAnswer(quiz)) {
			lines.push(
				...wrap(`answer: ${sanitizeLine(shown.typing ?? '')}`, width).map((line, at, all) =>
					at === all.length - 1 ? line + (theme.ascii ? '_' : '▏') : line,
				),
			);
			lines.push(s.dim('type the answer, then Enter'));
		} else {
			const need = picksNeeded(quiz);
			const range = `1-${quiz.choices.length}`;
			lines.push(s.dim(need === 1 ? `${range}: answer` : `${range}: pick ${need} (${need - picking.size} to go), Esc: start over`));
		}
	} else if (shown.mode === 'study' && answer === undefined) {
		lines.push(s.dim('(answer the question above first)'));
	}

	if (!answered) return lines;
	lines.push(...verdict(quiz, answer, width, theme));
	if (quiz.explanation !== '') {
		for (const paragraph of quiz.explanation.split('\n')) {
			lines.push(...wrap(paragraph, Math.max(1, width - 2)).map(line => s.dim(theme.glyphs.vertical) + ' ' + s.quote(line)));
		}
	}

	return lines;
}

/** The line under an answered question: the answer (presenting), or right/wrong and the right answer (study). */
function verdict(quiz: Quiz, answer: QuizAnswer | undefined, width: number, theme: Theme): string[] {
	const s = styles(theme);
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

	const style = answer === undefined || answer.right ? s.strong : s.error;
	return wrap(text, width).map(line => style(line));
}
