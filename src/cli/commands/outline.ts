// `lectern outline [deck..]`: sections and slide titles with their numbers, as a tree.
import {resolve} from 'node:path';
import {sectionIndexOf, slideHead} from '../../deck/deck.js';
import {sectionTitle, slideTitle} from '../../deck/parse.js';
import type {QuizAnswer} from '../../deck/quiz.js';
import {safeJson, sanitizeLine} from '../../deck/sanitize.js';
import {formatClock, planTalk} from '../../deck/timing.js';
import {createTheme} from '../../layout/theme.js';
import {defaultStateDir, loadState} from '../../state/store.js';
import {expandDeckPaths} from '../decks.js';
import {LecternError, formatError} from '../errors.js';
import {loadDeck} from '../load.js';
import {prefersAscii} from '../terminal-env.js';
import {itemAt, lastOf} from '../../deck/checked.js';
import {writeEachLine} from '../write-lines.js';

export type OutlineArgs = Readonly<{decks?: readonly string[]; json: boolean; maxSize: number; times?: boolean}>;

/** A slide's questions: how many the student got right, missed, or has not answered. */
function quizMarks(
	questions: number,
	slide: number,
	answers: Readonly<Record<string, QuizAnswer>> | undefined,
): {quiz?: {questions: number; right: number; missed: number; open: number}} {
	if (questions === 0) return {};
	let right = 0;
	let missed = 0;
	for (let question = 0; question < questions; question++) {
		const answer = answers?.[`${slide}:${question}`];
		if (answer?.right) right++;
		else if (answer) missed++;
	}

	return {quiz: {questions, right, missed, open: questions - right - missed}};
}

export async function runOutline(args: OutlineArgs): Promise<number> {
	const glyphs = createTheme({level: 0, ascii: prefersAscii(process.env)}).glyphs;
	const out: string[] = [];
	// A deck it cannot read is one line on stderr, and the others are still outlined (as search
	// and check do); the exit code is that deck's error's.
	let failed: number | undefined;
	for (const file of expandDeckPaths(args.decks)) {
		let deck: ReturnType<typeof loadDeck>;
		try {
			deck = loadDeck(file, args.maxSize * 1024 * 1024);
		} catch (error) {
			if (!(error instanceof LecternError)) throw error;
			process.stderr.write(`${formatError(error)}\n`);
			failed ??= error.code;
			continue;
		}

		const saved = loadState(defaultStateDir(), resolve(file));
		// A damaged or odd state file costs the stars, never the outline: one line on stderr.
		if (saved.warning) process.stderr.write(`${saved.warning}\n`);
		const bookmarks = new Set(saved.state?.bookmarks ?? []);
		const plan = args.times ? planTalk(deck) : undefined;
		const slides = Array.from({length: deck.count}, (_, i) => {
			const head = slideHead(deck, i);
			const times = plan ? {start: Math.round(itemAt(plan.starts, i)), minutes: Math.round(itemAt(plan.lengths, i) / 6) / 10} : {};
			return {
				slide: i + 1,
				title: slideTitle(deck, i),
				isSection: head.isSection,
				section: sectionIndexOf(deck, i),
				line: head.source.line,
				steps: head.steps,
				bookmarked: bookmarks.has(i),
				...times,
				...quizMarks(head.quizzes, i, saved.state?.answers),
			};
		});
		if (args.json) {
			out.push(
				safeJson({
					deck: file,
					title: deck.meta.title ?? null,
					...(plan ? {duration: deck.meta.duration ?? null} : {}),
					slides: slides.map(({section, ...rest}) => ({...rest, section: section === -1 ? null : sectionTitle(deck, rest.slide - 1)})),
				}),
			);
			continue;
		}

		const width = String(deck.count).length;
		const planned = plan
			? ` ${glyphs.separator} ${plan.durationSeconds === undefined ? 'no duration set: only slides with a time: weight take time' : `${deck.meta.duration} min`}`
			: '';
		out.push(sanitizeLine(`${file}${deck.meta.title ? ` ${glyphs.separator} ${deck.meta.title}` : ''}${planned}`));
		const clockWidth = plan ? formatClock(lastOf(plan.starts) + lastOf(plan.lengths)).length : 0;
		for (const slide of slides) {
			const mark = slide.bookmarked ? glyphs.bookmark : ' ';
			const indent = slide.isSection || slide.section === -1 ? '' : '    ';
			const start = slide.start === undefined ? '' : `${formatClock(slide.start).padStart(clockWidth)}  `;
			// Only answered questions are marked: an outline of a deck never studied stays as it was.
			const quiz =
				slide.quiz && slide.quiz.open < slide.quiz.questions
					? `  ${glyphs.separator} quiz: ${[slide.quiz.right > 0 ? `${slide.quiz.right} right` : '', slide.quiz.missed > 0 ? `${slide.quiz.missed} missed` : '', slide.quiz.open > 0 ? `${slide.quiz.open} open` : ''].filter(Boolean).join(', ')}`
					: '';
			out.push(`${mark}${String(slide.slide).padStart(width + 1)}  ${start}${indent}${sanitizeLine(slide.title || '(untitled)')}${quiz}`);
		}
	}

	await writeEachLine(process.stdout, out);
	return failed ?? 0;
}
