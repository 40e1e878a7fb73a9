// `lectern print <deck>`: the deck as text on stdout, laid out by the same function the
// presenter uses. No cursor movement; colour only on a terminal and never with NO_COLOR.
import {slideHead} from '../../deck/deck.js';
import {parseSlideOnce, sameTextKey, sectionCrumb} from '../../deck/parse.js';
import {renderNotes, renderSlideBodyOnce} from '../../layout/layout.js';
import {renderQuiz} from '../../layout/quiz.js';
import type {Quiz} from '../../deck/quiz.js';
import {join, line, run, spaces, textLine, truncateLine, withRoles} from '../../layout/lines.js';
import type {Line, Role, Run} from '../../layout/runs.js';
import {ansiWriter, writePlain} from '../../layout/write.js';
import {LecternError, exitCodes} from '../errors.js';
import {loadDeck} from '../load.js';
import {parseSlideList} from '../numbers.js';
import {parseLocation} from '../paths.js';
import {loadHighlighter} from '../highlighter.js';
import {streamTheme} from '../terminal-env.js';
import {drained} from '../write-lines.js';
import {itemAt} from '../../deck/checked.js';

export type PrintArgs = Readonly<{
	deck: string;
	width?: number;
	slides?: string;
	notes: boolean;
	ascii: boolean;
	maxSize: number;
	answers?: 'inline' | 'end';
}>;

export async function runPrint(args: PrintArgs): Promise<number> {
	const location = parseLocation(args.deck);
	if (location.slide !== undefined && args.slides !== undefined) {
		throw new LecternError(`give either ${args.deck} or --slides, not both`, {code: exitCodes.usage});
	}

	const deck = loadDeck(location.file, args.maxSize * 1024 * 1024);
	const indexes =
		location.slide === undefined
			? args.slides === undefined
				? Array.from({length: deck.count}, (_, i) => i)
				: parseSlideList(args.slides, deck.count)
			: [slideAt(location.slide, deck.count, location.file)];
	const width = Math.max(20, Math.floor(args.width ?? (process.stdout.isTTY ? process.stdout.columns : 80) ?? 80));
	const colours = streamTheme(process.stdout, process.env, args.ascii, deck.meta.theme);
	// Code in colour is highlighted as the presenter highlights it (the highlighter only loads then).
	const highlighter = colours.level > 0 ? await loadHighlighter().catch(() => undefined) : undefined;
	const theme = highlighter ? streamTheme(process.stdout, process.env, args.ascii, deck.meta.theme, highlighter) : colours;
	const rule = theme.glyphs.horizontal;
	const ellipsis = run(theme.glyphs.ellipsis);
	const dim: readonly Role[] = ['dim'];
	// The rule after each slide's label, made once per length (it was measured once per slide).
	const rules = new Map<number, Run>();
	const ruleOf = (cells: number): Run => {
		let made = rules.get(cells);
		if (!made) {
			made = run(rule.repeat(cells), ['dim']);
			rules.set(cells, made);
		}
		return made;
	};
	// Written as it is made, in pieces of 64 KiB: kept whole, the lines of 300,000 slides took
	// most of a gigabyte and the collector's time grew with them.
	const out = lineSink(theme.styled ? ansiWriter(theme) : writePlain);
	const blank = textLine('');
	// What a reader looks for on a handout's first lines: the title, then who and when.
	const byline = [deck.meta.author, deck.meta.date]
		.filter(part => part !== undefined && part.trim() !== '')
		.join(` ${theme.glyphs.separator} `);
	if (deck.meta.title !== undefined && deck.meta.title.trim() !== '') {
		out.push(truncateLine(textLine(deck.meta.title, ['title']), width, run(theme.glyphs.ellipsis, ['title'])));
	}

	if (byline !== '') {
		out.push(truncateLine(textLine(byline, ['dim']), width, run(theme.glyphs.ellipsis, ['dim'])));
	}

	if (out.written() > 0) {
		out.push(blank);
	}

	// `--answers end`: questions are printed without their answers, which follow at the end of
	// each section (a handout to try first, then check).
	const answersEnd = args.answers === 'end';
	let held: Array<{slide: number; quiz: Quiz}> = [];
	const flushAnswers = () => {
		if (held.length === 0) return;
		out.push(textLine(`${rule}${rule} Answers `.padEnd(Math.min(width, 40), rule), ['dim']), blank);
		for (const {slide, quiz} of held) {
			out.push(join(spaces(2), run(`slide ${slide + 1}`, ['dim'])));
			out.all(renderQuiz(quiz, width - 4, theme, {mode: 'reveal', answered: true}).map(line => join(spaces(2), line)));
			out.push(blank);
		}

		held = [];
	};

	// The lines of the slide drawn last: a deck that repeats a short slide parses it once (slides
	// with the same text share one body, see sameTextKey), and it is laid out once too.
	let drawn: {key: object; step: number; lines: readonly Line[]} | undefined;
	for (const i of indexes) {
		// Not kept: printing 300,000 slides kept whole made memory (and GC work) grow with each.
		const slide = parseSlideOnce(deck, i);
		if (answersEnd && slideHead(deck, i).isSection) {
			flushAnswers();
		}

		const quizzes = answersEnd ? slide.blocks.flatMap(block => (block.kind === 'quiz' ? [block] : [])) : [];
		const lastStep = slideHead(deck, i).steps - 1;
		const step = quizzes.length > 0 ? Math.max(0, Math.min(lastStep, ...quizzes.map(block => block.answerStep - 1))) : lastStep;
		const crumbs = [sectionCrumb(deck, i), slide.title].filter(Boolean).join(` ${theme.glyphs.crumb} `);
		const label = `${rule}${rule} ${i + 1}/${deck.count}${crumbs === '' ? '' : ` ${theme.glyphs.separator} ${crumbs}`} `;
		const whole = run(label, dim);
		const head = whole.width <= width ? line([whole]) : withRoles(truncateLine(textLine(label), width, ellipsis), dim);
		out.push(head.width < width ? line([...head.runs, ruleOf(width - head.width)]) : head, blank);
		const key = sameTextKey(slide);
		if (drawn?.key !== key || drawn.step !== step) {
			drawn = {key, step, lines: renderSlideBodyOnce(slide, step, width, theme).lines};
		}

		out.all(drawn.lines);
		held.push(...quizzes.map(block => ({slide: i, quiz: block.quiz})));
		if (args.notes && slide.noteElements.length > 0) {
			out.push(blank, join(spaces(2), run('Notes:', ['dim'])));
			out.all(renderNotes(slide.noteElements, width - 4, theme).map(line => join(spaces(2), line)));
		}

		out.push(blank);
		// A pipe whose reader is slower: the next slide is made once it has taken what was written.
		// (Awaited only then: an await per slide costs a turn of the microtask queue per slide.)
		// Its reader gone (closed, failed: start.ts's handler says so), nothing more is made.
		const backlog = out.backlog();
		if (backlog !== undefined && !(await backlog)) break;
	}

	flushAnswers();
	await out.end();
	return 0;
}

/**
 * Lines to stdout through `write` (a pipe gets the plain writer, a terminal the ANSI one at its
 * colour depth), trailing blanks trimmed, buffered in pieces of 64 KiB. Stdout is synchronous
 * for files and terminals, but a full pipe queues what is written in memory (its reader is
 * slower: 300,000 slides through `| less` queued hundreds of megabytes): `drained` waits for it.
 */
function lineSink(write: (line: Line) => string): {
	push: (...lines: Line[]) => void;
	all: (lines: readonly Line[]) => void;
	written: () => number;
	/** While stdout drains, a promise of its end (true drained, false closed); otherwise undefined. */
	backlog: () => Promise<boolean> | undefined;
	end: () => Promise<unknown>;
} {
	let pending = '';
	let count = 0;
	let full = false;
	const add = (line: Line) => {
		count++;
		pending += `${write(line).trimEnd()}\n`;
		if (pending.length >= 65_536) {
			if (!process.stdout.write(pending)) full = true;
			pending = '';
		}
	};
	const backlog = () => {
		if (!full) return undefined;
		full = false;
		return drained(process.stdout);
	};
	return {
		// Indexes, not for…of (which allocates per element in the bin's unoptimised V8): every line printed comes here.
		push: (...lines) => {
			for (let i = 0; i < lines.length; i++) add(itemAt(lines, i));
		},
		all: lines => {
			for (let i = 0; i < lines.length; i++) add(itemAt(lines, i));
		},
		written: () => count,
		backlog,
		end: async () => {
			if (!process.stdout.write(pending)) full = true;
			pending = '';
			await backlog();
		},
	};
}

function slideAt(slide: number, count: number, file: string): number {
	if (slide < 1 || slide > count) {
		throw new LecternError(`there is no slide ${slide}: the deck has ${count} slide${count === 1 ? '' : 's'}`, {
			file,
			code: exitCodes.usage,
		});
	}

	return slide - 1;
}
