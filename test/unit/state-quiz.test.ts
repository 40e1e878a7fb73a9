import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {openDeck} from '../../src/deck/deck.js';
import {quizzesOf} from '../../src/deck/parse.js';
import {keyToAction} from '../../src/nav/keys.js';
import {score} from '../../src/nav/quiz-mode.js';
import {initialState, reduce, type Action, type NavContext, type NavState} from '../../src/nav/reducer.js';
import {loadState, saveState, stateFile} from '../../src/state/store.js';
import {mergeAnswers, titlesOf, type StudyState} from '../../src/state/study-state.js';
import {defined} from '../support/defined.js';

let root: string;
let deckPath: string;

beforeEach(() => {
	root = fs.mkdtempSync(path.join(os.tmpdir(), 'lectern-quiz-state-'));
	deckPath = path.join(root, 'course.md');
	fs.writeFileSync(deckPath, '# Course\n');
});

afterEach(() => {
	fs.rmSync(root, {recursive: true, force: true});
});

describe('the state store keeps answers', () => {
	it('saves and loads answers, following a moved slide by its title', () => {
		const state: StudyState = {
			slide: 1,
			seen: [0, 1],
			bookmarks: [],
			answers: {'1:0': {picked: [2], right: false}, '1:1': {typed: '24', right: true}},
		};
		expect(saveState(root, deckPath, state, {titles: titlesOf(['Intro', 'Walks'])}).ok).toBe(true);
		expect(loadState(root, deckPath, titlesOf(['Intro', 'Walks'])).state?.answers).toEqual(state.answers);
		// A slide was added before it: the answers follow "Walks" to slide 3.
		expect(loadState(root, deckPath, titlesOf(['Intro', 'New', 'Walks'])).state?.answers).toEqual({
			'2:0': {picked: [2], right: false},
			'2:1': {typed: '24', right: true},
		});
	});

	it('reads a state file written before quizzes existed', () => {
		const file = stateFile(root, deckPath);
		fs.mkdirSync(path.dirname(file), {recursive: true});
		fs.writeFileSync(
			file,
			JSON.stringify({
				version: 1,
				deck: fs.realpathSync(deckPath),
				slide: 3,
				seen: [[0, 3]],
				bookmarks: [2],
				updatedAt: '2026-01-01T00:00:00.000Z',
			}),
		);
		const loaded = loadState(root, deckPath);
		expect(loaded.warning).toBeUndefined();
		expect(loaded.state).toMatchObject({slide: 3, seen: [0, 1, 2, 3], bookmarks: [2]});
		expect(loaded.state?.answers).toBeUndefined();
	});

	it('ignores a file with damaged answers, and sanitises typed text', () => {
		const file = stateFile(root, deckPath);
		fs.mkdirSync(path.dirname(file), {recursive: true});
		const base = {version: 1, deck: fs.realpathSync(deckPath), slide: 0, seen: [], bookmarks: [], updatedAt: 'x'};
		for (const answers of [
			{},
			[{slide: -1, question: 0, right: true}],
			[{slide: 0, question: 0, right: 'yes'}],
			[{slide: 0, question: 0, right: true, picked: [99]}],
			[{slide: 0, question: 0, right: true, typed: 'x'.repeat(500)}],
		]) {
			fs.writeFileSync(file, JSON.stringify({...base, answers}));
			expect(loadState(root, deckPath).reason).toBe('invalid answers');
		}

		fs.writeFileSync(file, JSON.stringify({...base, answers: [{slide: 0, question: 0, right: false, typed: 'a\u001B[2Jb'}]}));
		expect(loadState(root, deckPath).state?.answers?.['0:0']?.typed).not.toContain('\u001B');
	});

	it('merges answers: a later one replaces an earlier one, none is dropped', () => {
		const state: StudyState = {
			slide: 0,
			seen: [],
			bookmarks: [],
			answers: {'0:0': {picked: [0], right: false}, '3:0': {picked: [1], right: true}},
		};
		expect(mergeAnswers(state, undefined)).toBe(state);
		expect(mergeAnswers(state, {'0:0': defined(defined(state.answers)['0:0'])})).toBe(state);
		expect(mergeAnswers(state, {'0:0': {picked: [1], right: true}}).answers).toEqual({
			'0:0': {picked: [1], right: true},
			'3:0': {picked: [1], right: true},
		});
	});
});

describe('answering in the study view', () => {
	const deck = openDeck(
		[
			'## One',
			'',
			'```quiz',
			'Q1?',
			'- [ ] a',
			'- [x] b',
			'```',
			'',
			'---',
			'',
			'## Several',
			'',
			'```quiz',
			'Q2?',
			'- [x] a',
			'- [ ] b',
			'- [x] c',
			'```',
			'',
			'```quiz',
			'Q3?',
			'= Popek',
			'```',
			'',
		].join('\n'),
		'deck.md',
	);
	const ctx: NavContext = {count: deck.count, steps: () => 1, quizzes: index => quizzesOf(deck, index)};
	const press = (state: NavState, ...keys: string[]) =>
		keys.reduce((current, key) => {
			const action: Action | undefined = keyToAction(key, current);
			return action ? reduce(current, action, ctx) : current;
		}, state);
	const study = initialState({view: 'study'});

	it('a digit answers a one-answer question; digits then go to slides again', () => {
		const wrong = press(study, '1');
		expect(wrong.answers).toEqual({'0:0': {picked: [0], right: false}});
		expect(press(wrong, '2').count).toBe('2');
		expect(press(study, '2').answers).toEqual({'0:0': {picked: [1], right: true}});
		expect(press(study, '7').answers).toBeUndefined();
	});

	it('with several right choices, scores once that many are picked; Esc starts over', () => {
		const on = {...study, slide: 1};
		expect(press(on, '1').answers).toBeUndefined();
		expect(press(on, '1').quizEntry).toEqual({slide: 1, picking: [0]});
		expect(press(on, '1', 'escape').quizEntry).toBeUndefined();
		expect(press(on, '3', '1').answers).toEqual({'1:0': {picked: [0, 2], right: true}});
	});

	it('a free answer is typed after a (keys go to the field), checked on Enter', () => {
		const on = press({...study, slide: 1}, '1', '3');
		const typing = press(on, 'a', 'p', 'O', 'p', 'e', 'x', 'backspace', 'k');
		expect(typing.quizEntry?.typing).toBe('pOpek');
		expect(typing.slide).toBe(1);
		const done = press(typing, 'enter');
		expect(done.answers?.['1:1']).toEqual({typed: 'pOpek', right: true});
		expect(score(done.answers)).toEqual({right: 2, answered: 2});
		expect(press(on, 'a', 'escape').quizEntry).toBeUndefined();
		expect(press(on, 'a', 'enter').answers?.['1:1']).toBeUndefined();
	});

	it('presenting, digits still type a slide number', () => {
		expect(press(initialState({view: 'present'}), '2').count).toBe('2');
	});
});
