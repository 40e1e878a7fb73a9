// Self-check questions (issue 16), end to end: answering in study mode, the answers and the
// score kept across sessions, --quiz and --retry, and the answer as a reveal step when presenting.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, afterEach, describe, expect, it} from 'vitest';
import {atSlide, runLectern, startLectern, statusBar} from './helpers.js';
import {closeAll, keys, type PtySession} from './pty.js';

afterEach(closeAll);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lectern-quiz-'));
afterAll(() => fs.rmSync(dir, {recursive: true, force: true}));
const deck = path.join(dir, 'quiz.md');
fs.writeFileSync(
	deck,
	[
		'## Intro',
		'',
		'No question here.',
		'',
		'<!-- notes: n -->',
		'',
		'---',
		'',
		'## Walks',
		'',
		'```quiz',
		'How many references in a 2-D walk?',
		'- [ ] 16',
		'- [x] 24',
		'> WALK-EXPLAINED (4+1)(4+1) - 1.',
		'```',
		'',
		'---',
		'',
		'## Middle',
		'',
		'Plain slide.',
		'',
		'---',
		'',
		'## Count',
		'',
		'```quiz',
		'How many sensitive unprivileged instructions?',
		'= 17',
		'> COUNT-EXPLAINED Robin and Irvine.',
		'```',
		'',
	].join('\n'),
);

async function quit(t: PtySession): Promise<void> {
	t.press('q');
	expect(await t.exited()).toEqual({exitCode: 0, signal: undefined});
}

describe('quiz questions in study mode', () => {
	it('answers one right and one wrong, keeps them and the score after quitting, and --retry/--quiz walk only those slides', async () => {
		const t = await startLectern(['study', deck, '--slide', '2']);
		await t.waitFor('1-2: answer');
		t.press('1');
		await t.waitFor('Not quite: you picked 1; the answer: 2');
		expect(t.screen()).toContain('WALK-EXPLAINED');
		expect(statusBar(t)).toContain('quiz 0/1');
		t.press(keys.right);
		await t.waitFor(atSlide(3, 4));
		t.press(keys.right);
		await t.waitFor('type the answer, then Enter');
		t.press('a');
		for (const key of ['1', '7']) t.press(key);
		await t.waitFor(() => statusBar(t).includes('answer: 17'));
		t.press(keys.enter);
		await t.waitFor('Right: 17');
		expect(t.screen()).toContain('COUNT-EXPLAINED');
		expect(statusBar(t)).toContain('quiz 1/2');
		await quit(t);

		const again = await startLectern(['study', deck, '--slide', '2'], {home: t.home});
		await again.waitFor('Not quite: you picked 1; the answer: 2');
		expect(statusBar(again)).toContain('quiz 1/2');
		await quit(again);
		const env = {HOME: t.home, XDG_STATE_HOME: path.join(t.home, 'state')};
		const stats = JSON.parse(runLectern(['study', '--stats', '--json', deck], env).stdout) as {
			seen: number;
			quiz: Array<{questions: number; right: number; missed: number}>;
			missed: Array<{slide: number}>;
		};
		expect(stats.quiz).toEqual([{section: '', questions: 2, right: 1, missed: 1}]);
		expect(stats.missed.map(miss => miss.slide)).toEqual([2]);
		expect(runLectern(['study', '--stats', deck], env).stdout).toContain(`missed: ${deck}:2 Walks: How many references`);
		expect(runLectern(['outline', deck], env).stdout).toMatch(/Walks .*quiz: 1 missed/);

		const retry = await startLectern(['study', deck, '--retry'], {home: t.home});
		await retry.waitFor('1-2: answer');
		expect(statusBar(retry)).toMatch(/\b2\/4\b/);
		retry.press(keys.right);
		retry.press('2');
		await retry.waitFor('✓ Right');
		expect(statusBar(retry)).toMatch(/\b2\/4\b/);
		expect(statusBar(retry)).toContain('quiz 2/2');
		await quit(retry);

		const review = await startLectern(['study', deck, '--quiz', '--slide', '1'], {home: t.home});
		await review.waitFor(atSlide(2, 4));
		review.press(keys.right);
		await review.waitFor(atSlide(4, 4));
		expect(review.screen()).toContain('Right: 17');
		review.press(keys.left);
		await review.waitFor(atSlide(2, 4));
		await quit(review);
	});
});

describe('quiz questions when presenting', () => {
	it('shows the question first and the answer as the next reveal step', async () => {
		const t = await startLectern([deck, '--slide', '2', '--no-notes']);
		await t.waitFor('How many references');
		expect(statusBar(t)).toContain('step 1/2');
		expect(t.screen()).not.toContain('WALK-EXPLAINED');
		t.press(keys.right);
		await t.waitFor('WALK-EXPLAINED');
		expect(t.screen()).toContain('The answer: 2');
		expect(statusBar(t)).toContain('step 2/2');
		t.press('2');
		await quit(t);
	});
});

describe('quiz questions in print', () => {
	it('prints each answer under its question, or with --answers end after the section', () => {
		const inline = runLectern(['print', deck, '--no-notes']);
		expect(inline.status).toBe(0);
		expect(inline.stdout.indexOf('WALK-EXPLAINED')).toBeLessThan(inline.stdout.indexOf('Plain slide.'));
		const end = runLectern(['print', deck, '--no-notes', '--answers', 'end']);
		expect(end.status).toBe(0);
		const question = end.stdout.indexOf('How many references');
		const answers = end.stdout.indexOf('Answers');
		expect(question).toBeGreaterThan(-1);
		expect(end.stdout.indexOf('COUNT-EXPLAINED')).toBeGreaterThan(answers);
		expect(end.stdout.indexOf('WALK-EXPLAINED')).toBeGreaterThan(end.stdout.indexOf('Plain slide.'));
		expect(answers).toBeGreaterThan(end.stdout.indexOf('How many sensitive'));
	});
});

describe('quiz questions in search', () => {
	it('finds a question, its choices and its explanation like any slide text', () => {
		for (const query of ['"sensitive unprivileged"', 'WALK-EXPLAINED', '24 references']) {
			const result = runLectern(['search', query, deck]);
			expect(result.status, query).toBe(0);
		}

		expect(runLectern(['search', 'COUNT-EXPLAINED', deck]).stdout).toMatch(/quiz\.md:4\b/);
	});
});
