// One study state per deck, for both views: where the student is, the slides seen, and the
// bookmarks, saved atomically in the XDG state directory. Bookmarks are kept in either view;
// the position and the slides seen only while studying (a talk jumps around; a student's
// place should not move because the deck was presented).
import {parseSlide} from '../deck/parse.js';
import {sanitizeLine} from '../deck/sanitize.js';
import type {Deck} from '../deck/types.js';
import type {NavState, View} from '../nav/reducer.js';
import {defaultStateDir, loadState, saveState} from '../state/store.js';
import {emptyState, mergeAnswers, seenFraction, visit, type SlideTitles, type StudyState} from '../state/study-state.js';
import {score} from '../nav/quiz-mode.js';
import {resolve} from 'node:path';

export type StudyOptions = Readonly<{
	/** The view the session starts in: only `study` resumes and says so. */
	view: View;
	/** Start at the first slide; bookmarks and the slides seen are kept. */
	restart: boolean;
	/** The 0-based slide the user asked for (`--slide`, `deck.md:N`), which wins over the saved place. */
	requested?: number;
}>;

export type Study = Readonly<{
	/** Where the study view opens when the user asked for no slide. */
	resumeSlide: number | undefined;
	bookmarks: readonly number[];
	/** Answers to the deck's questions, as saved (by `slide:question`). */
	answers: StudyState['answers'];
	/** One short line for the status bar (the resume, or why the saved state was ignored). */
	hint: string | undefined;
	/** Why the saved state was ignored, as one line for stderr (written once the screen is restored). */
	warning: string | undefined;
	badges: (state: NavState, deck: Deck) => readonly string[];
	/** Record the presenter's state; saved shortly after (debounced). */
	update: (state: NavState, deck: Deck) => void;
	/** Save now what is not saved yet; synchronous and never throws, for exit handlers. */
	flush: () => void;
	/** The final save on quit: flush, then report a failed save on stderr. */
	save: (state: NavState, deck: Deck) => void;
}>;

/** Titles parsed on demand: a save names a few slides, and a load reads them all only for an edited deck. */
function titles(deck: Deck): SlideTitles {
	return {count: deck.count, at: index => parseSlide(deck, index).title};
}

/**
 * What the presenter's state adds to the stored one: bookmarks always, the place only while
 * studying. The presenter reports the states it draws, so a slide is seen once it was on the
 * screen: the slides a burst of keys passes over (reduced together, drawn once) are not.
 */
function record(stored: StudyState, state: NavState): StudyState {
	const moved = mergeAnswers(state.view === 'study' ? visit(stored, state.slide) : stored, state.answers);
	return moved.bookmarks === state.bookmarks ? moved : {...moved, bookmarks: state.bookmarks};
}

export function openStudy(deck: Deck, options: StudyOptions): Study {
	const dir = defaultStateDir();
	const deckPath = resolve(deck.file);
	const loaded = loadState(dir, deckPath, titles(deck));

	const saved = loaded.state;
	const savedSlide = saved ? Math.min(saved.slide, deck.count - 1) : undefined;
	// --restart moves the place to the first slide; what was seen and marked stays.
	let stored: StudyState = saved ? {...saved, slide: options.restart ? 0 : saved.slide} : emptyState();
	const studying = options.view === 'study';
	const resumeSlide = studying && !options.restart && options.requested === undefined ? savedSlide : undefined;
	// Short enough for the status bar at 80 columns beside `★ seen 100%  63/103`, the bar and the clock.
	let hint: string | undefined;
	if (loaded.reason !== undefined) {
		hint = `study state ignored: ${loaded.reason}`;
	} else if (studying && savedSlide !== undefined && savedSlide > 0 && !options.restart) {
		if (options.requested === undefined) hint = `Resumed at slide ${savedSlide + 1} (g: slide 1)`;
		else if (options.requested !== savedSlide) hint = `Opened at slide ${options.requested + 1} (you stopped at ${savedSlide + 1})`;
	}

	let latestDeck = deck;
	let dirty = options.restart && saved !== undefined && saved.slide !== 0;
	let timer: NodeJS.Timeout | undefined;
	let lastError = '';

	const flush = () => {
		clearTimeout(timer);
		if (!dirty) {
			return;
		}

		dirty = false;
		try {
			const result = saveState(dir, deckPath, stored, {titles: titles(latestDeck)});
			lastError = result.ok ? '' : result.message;
		} catch (error) {
			// Exit handlers must not throw; the message is reported by `save` when there is one.
			lastError = sanitizeLine(`lectern: cannot save study state: ${error instanceof Error ? error.message : String(error)}`);
		}
	};

	let closed = false;
	const update = (state: NavState, deckNow: Deck) => {
		// After the final save nothing the UI reports is the student's doing (a late rerender).
		if (closed) {
			return;
		}

		latestDeck = deckNow;
		const next = record(stored, state);
		if (next === stored) {
			return;
		}

		stored = next;
		dirty = true;
		clearTimeout(timer);
		timer = setTimeout(flush, 300);
		timer.unref();
	};

	return {
		resumeSlide,
		bookmarks: stored.bookmarks,
		answers: stored.answers,
		hint,
		warning: loaded.warning,
		badges(state, deckNow) {
			if (state.view !== 'study') return [];
			// Stored answers count too: --retry opens missed questions again without forgetting them.
			const {right, answered} = score({...stored.answers, ...state.answers});
			return [
				`seen ${Math.round(seenFraction(visit(stored, state.slide), deckNow.count) * 100)}%`,
				...(answered > 0 ? [`quiz ${right}/${answered}`] : []),
			];
		},
		update,
		flush,
		save(state, deckNow) {
			update(state, deckNow);
			closed = true;
			flush();
			if (lastError !== '') {
				process.stderr.write(`${lastError}\n`);
			}
		},
	};
}
