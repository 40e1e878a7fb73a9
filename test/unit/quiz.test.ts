import {describe, expect, it} from 'vitest';
import {openDeck, slideHead} from '../../src/deck/deck.js';
import {parseSlide} from '../../src/deck/parse.js';
import {answerQuiz, foldAnswer, isQuizInfo, parseQuiz, picksNeeded} from '../../src/deck/quiz.js';
import {renderSlideBody} from '../../src/layout/layout.js';
import {writePlain as stripStyles} from '../../src/layout/write.js';
import {createTheme} from '../../src/layout/theme.js';
import {defined} from '../support/defined.js';

const theme = createTheme({level: 0, ascii: false});

describe('parseQuiz: the forms', () => {
	it('reads a multiple-choice question with one right choice and an explanation', () => {
		const {quiz, problems} = parseQuiz(
			'How many references?\n- [ ] 8\n- [x] 24\n- [ ] 4\n> 24 = (4+1)(4+1) - 1.\n> Each read needs a walk.',
		);
		expect(problems).toEqual([]);
		expect(quiz.question).toBe('How many references?');
		expect(quiz.choices).toEqual([
			{text: '8', correct: false},
			{text: '24', correct: true},
			{text: '4', correct: false},
		]);
		expect(quiz.answers).toEqual([]);
		expect(quiz.explanation).toBe('24 = (4+1)(4+1) - 1. Each read needs a walk.');
	});

	it('joins question lines, keeps blank-line paragraphs, and removes inline Markdown', () => {
		const {quiz} = parseQuiz('Which *bits* of\n`0x12345678` index PML4?\n\nPick one.\n- [X] 47-39\n* [ ] 38-30');
		expect(quiz.question).toBe('Which bits of 0x12345678 index PML4?\nPick one.');
		expect(quiz.choices.map(choice => choice.correct)).toEqual([true, false]);
	});

	it('reads several right choices and indented continuation lines', () => {
		const {quiz, problems} = parseQuiz('Which are sensitive?\n- [x] POPF\n  (in user mode)\n- [x] SGDT\n- [ ] ADD');
		expect(problems).toEqual([]);
		expect(defined(quiz.choices[0]).text).toBe('POPF (in user mode)');
		expect(picksNeeded(quiz)).toBe(2);
	});

	it('reads the free-answer form', () => {
		const {quiz, problems} = parseQuiz(
			'How many sensitive unprivileged instructions?\n= 17\n= seventeen\n> Robin and Irvine counted them.',
		);
		expect(problems).toEqual([]);
		expect(quiz.choices).toEqual([]);
		expect(quiz.answers).toEqual(['17', 'seventeen']);
	});

	it('knows its info string', () => {
		expect(isQuizInfo('quiz')).toBe(true);
		expect(isQuizInfo('Quiz title')).toBe(true);
		expect(isQuizInfo('quizzes')).toBe(false);
		expect(isQuizInfo('python')).toBe(false);
	});

	it('sanitises every string', () => {
		const {quiz} = parseQuiz('Q\u001B[2J?\n- [x] a\u0007b\n> c\u009Bd');
		expect(JSON.stringify(quiz)).not.toMatch(/[\p{Cc}--[\t\n]]/v);
	});
});

describe('parseQuiz: malformed blocks', () => {
	const messages = (text: string) => parseQuiz(text).problems.map(problem => [problem.offset, problem.message]);

	it('reports no right choice', () => {
		expect(messages('Q?\n- [ ] a\n- [ ] b')).toEqual([[-1, 'quiz: no choice is marked correct ("- [x]")']]);
	});

	it('reports an empty question', () => {
		expect(messages('- [x] a')).toEqual([[-1, 'quiz: the question is empty']]);
	});

	it('reports a block with no choices and no answers', () => {
		expect(messages('Q?\n> why')).toEqual([[-1, 'quiz: no choices ("- [ ]", "- [x]") and no "=" answers']]);
		expect(messages('')).toHaveLength(2);
	});

	it('reports mixed forms, empty choices and answers, stray lines and too many choices', () => {
		expect(defined(messages('Q?\n- [x] a\n= a')[0])[1]).toMatch(/both choices and "=" answers/);
		expect(messages('Q?\n- [x] a\n- [ ]')).toEqual([[2, 'quiz: a choice has no text']]);
		expect(messages('Q?\n= 1\n=')).toEqual([[2, 'quiz: an "=" answer line is empty']]);
		expect(defined(messages('Q?\n- [x] a\nstray')[0])[0]).toBe(2);
		const ten = Array.from({length: 10}, (_, i) => `- [${i === 0 ? 'x' : ' '}] ${i}`).join('\n');
		expect(messages(`Q?\n${ten}`)).toEqual([[-1, 'quiz: more than 9 choices (keys 1-9 pick one)']]);
	});
});

describe('scoring', () => {
	const single = parseQuiz('Q?\n- [ ] a\n- [x] b').quiz;
	const several = parseQuiz('Q?\n- [x] a\n- [x] b\n- [ ] c').quiz;
	const free = parseQuiz('Who?\n= Popek & Goldberg\n= 24').quiz;

	it('scores picked choices: exactly the right ones', () => {
		expect(answerQuiz(single, {picked: [1]})).toEqual({picked: [1], right: true});
		expect(answerQuiz(single, {picked: [0]}).right).toBe(false);
		expect(answerQuiz(several, {picked: [1, 0]})).toEqual({picked: [0, 1], right: true});
		expect(answerQuiz(several, {picked: [0, 2]}).right).toBe(false);
	});

	it('folds free answers: case, accents and spaces do not matter', () => {
		expect(answerQuiz(free, {typed: 'popek&goldberg'}).right).toBe(true);
		expect(answerQuiz(free, {typed: ' POPEK & GOLDBÉRG '}).right).toBe(true);
		expect(answerQuiz(free, {typed: '2 4'}).right).toBe(true);
		expect(answerQuiz(free, {typed: '25'}).right).toBe(false);
		expect(answerQuiz(free, {typed: '   '}).right).toBe(false);
		expect(foldAnswer('Mémoire Vive')).toBe('memoirevive');
	});
});

describe('a quiz in a deck', () => {
	const text = '## Walks\n\nIntro.\n\n```quiz\nHow many?\n- [ ] 8\n- [x] 24\n> Because.\n```\n\n---\n\n## Bad\n\n```quiz\n- [ ] a\n```\n';
	const deck = openDeck(text, 'deck.md');

	it('adds a reveal step for the answers and makes a quiz block', () => {
		expect(slideHead(deck, 0).steps).toBe(2);
		expect(slideHead(deck, 0).quizzes).toBe(1);
		const block = parseSlide(deck, 0).blocks.find(candidate => candidate.kind === 'quiz');
		expect(block).toMatchObject({kind: 'quiz', line: 5, answerStep: 1, ordinal: 0});
		expect(parseSlide(deck, 0).bodyText).toContain('How many?');
	});

	it('reports problems at the line in the file', () => {
		expect(parseSlide(deck, 1).problems).toEqual([
			{line: 16, message: 'quiz: the question is empty'},
			{line: 16, message: 'quiz: no choice is marked correct ("- [x]")'},
		]);
	});

	it('shows the answer only from the answer step on (presenting)', () => {
		const before = renderSlideBody(parseSlide(deck, 0), 0, 60, theme).lines.map(stripStyles).join('\n');
		const after = renderSlideBody(parseSlide(deck, 0), 1, 60, theme).lines.map(stripStyles).join('\n');
		expect(before).toContain('1. 8');
		expect(before).not.toContain('Because.');
		expect(after).toContain('✓ 2. 24');
		expect(after).toContain('The answer: 2');
		expect(after).toContain('Because.');
	});

	it("shows a student's answer in the study view", () => {
		const slide = parseSlide(deck, 0);
		const open = renderSlideBody(slide, 1, 60, theme, {answers: [undefined]})
			.lines.map(stripStyles)
			.join('\n');
		expect(open).toContain('1-2: answer');
		expect(open).not.toContain('Because.');
		const wrong = renderSlideBody(slide, 1, 60, theme, {answers: [{picked: [0], right: false}]})
			.lines.map(stripStyles)
			.join('\n');
		expect(wrong).toContain('✗ 1. 8');
		expect(wrong).toContain('Not quite: you picked 1; the answer: 2');
		expect(wrong).toContain('Because.');
	});
});
