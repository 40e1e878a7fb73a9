// `lectern study --stats deck.md`: a student's progress from the study state, without the
// screen: slides seen, bookmarks, the quiz score per section, and the questions missed.
import {resolve} from 'node:path';
import {slideHead} from '../../deck/deck.js';
import {parseSlide, quizzesOf, sectionTitle} from '../../deck/parse.js';
import {safeJson, sanitizeLine} from '../../deck/sanitize.js';
import {defaultStateDir, loadState} from '../../state/store.js';
import {loadDeck} from '../load.js';
import {bundledDeck, parseLocation} from '../paths.js';

export type StatsArgs = Readonly<{deck?: string; json: boolean; maxSize: number}>;

export function runStats(args: StatsArgs): number {
	const file = parseLocation(args.deck ?? bundledDeck()).file;
	const deck = loadDeck(file, args.maxSize * 1024 * 1024);
	const titles = {count: deck.count, at: (index: number) => parseSlide(deck, index).title};
	const loaded = loadState(defaultStateDir(), resolve(file), titles);
	if (loaded.warning) process.stderr.write(`${loaded.warning}\n`);
	const state = loaded.state;
	const seen = (state?.seen ?? []).filter(index => index < deck.count).length;
	const sections = new Map<string, {section: string; questions: number; right: number; missed: number}>();
	const missed: Array<{slide: number; title: string; question: string}> = [];
	for (let index = 0; index < deck.count; index++) {
		if (slideHead(deck, index).quizzes === 0) continue;
		const section = sectionTitle(deck, index);
		const tally = sections.get(section) ?? {section, questions: 0, right: 0, missed: 0};
		quizzesOf(deck, index).forEach((quiz, ordinal) => {
			const answer = state?.answers?.[`${index}:${ordinal}`];
			tally.questions++;
			if (answer?.right) tally.right++;
			else if (answer) {
				tally.missed++;
				missed.push({slide: index + 1, title: parseSlide(deck, index).title, question: quiz.question});
			}
		});
		sections.set(section, tally);
	}

	const bookmarks = (state?.bookmarks ?? [])
		.filter(index => index < deck.count)
		.map(index => ({slide: index + 1, title: parseSlide(deck, index).title}));
	const quiz = [...sections.values()];
	if (args.json) {
		process.stdout.write(`${safeJson({deck: file, slides: deck.count, seen, bookmarks, quiz, missed}, 2)}\n`);
		return 0;
	}

	const out = [`${file}: seen ${seen} of ${deck.count} slides (${deck.count === 0 ? 0 : Math.round((seen / deck.count) * 100)}%)`];
	out.push(`bookmarks: ${bookmarks.length === 0 ? 'none' : bookmarks.map(mark => `${mark.slide} ${mark.title}`).join('; ')}`);
	if (quiz.length === 0) out.push('quiz: this deck has no questions');
	for (const tally of quiz) {
		out.push(`quiz ${tally.right}/${tally.questions} right, ${tally.missed} missed: ${tally.section || '(before the first section)'}`);
	}

	for (const miss of missed) out.push(`missed: ${file}:${miss.slide} ${miss.title}: ${miss.question.split('\n')[0]}`);
	process.stdout.write(out.map(line => `${sanitizeLine(line)}\n`).join(''));
	return 0;
}
