// Study sessions: resume where the student stopped, remember the slides seen and the
// bookmarks, and save them (atomically, in the XDG state directory) as the student reads.
import {parseSlide} from '../deck/parse.js';
import type {Deck} from '../deck/types.js';
import type {NavState} from '../nav/reducer.js';
import {defaultStateDir, loadState, saveState} from '../state/store.js';
import {emptyState, seenFraction, visit, type SlideTitles, type StudyState} from '../state/study-state.js';
import {resolve} from 'node:path';

export type Study = Readonly<{
	resumeSlide: number | undefined;
	bookmarks: readonly number[];
	hint: string | undefined;
	badges: (state: NavState, deck: Deck) => readonly string[];
	update: (state: NavState, deck: Deck) => void;
	save: (state: NavState, deck: Deck) => void;
}>;

/** Titles parsed on demand: a save names a few slides, and a load reads them all only for an edited deck. */
function titles(deck: Deck): SlideTitles {
	return {count: deck.count, at: index => parseSlide(deck, index).title};
}

export function openStudy(deck: Deck, restart: boolean): Study {
	const dir = defaultStateDir();
	const deckPath = resolve(deck.file);
	const loaded = restart ? {state: undefined} : loadState(dir, deckPath, titles(deck));
	if (loaded.warning) {
		process.stderr.write(loaded.warning + '\n');
	}

	let stored: StudyState = loaded.state ?? emptyState();
	const resumeSlide = loaded.state ? Math.min(loaded.state.slide, deck.count - 1) : undefined;
	// The warning also goes to the status bar: stderr is hidden behind the full screen.
	const hint = loaded.warning?.replace(/^lectern: /, '')
		?? (resumeSlide !== undefined && resumeSlide > 0
			? `Resumed at slide ${resumeSlide + 1} of ${deck.count} (lectern study --restart starts over)`
			: undefined);
	let timer: NodeJS.Timeout | undefined;
	let lastError = '';

	const persist = (deckNow: Deck) => {
		const result = saveState(dir, deckPath, stored, {titles: titles(deckNow)});
		if (!result.ok && result.message !== lastError) {
			lastError = result.message;
		}
	};

	return {
		resumeSlide,
		bookmarks: stored.bookmarks,
		hint,
		badges: (state, deckNow) => (state.view === 'study' ? [`seen ${Math.round(seenFraction(visit(stored, state.slide), deckNow.count) * 100)}%`] : []),
		update(state, deckNow) {
			const next = {...visit(stored, state.slide), bookmarks: state.bookmarks};
			if (next.slide === stored.slide && next.seen === stored.seen && next.bookmarks === stored.bookmarks) {
				return;
			}

			stored = next;
			clearTimeout(timer);
			timer = setTimeout(() => {
				persist(deckNow);
			}, 300);
			timer.unref();
		},
		save(state, deckNow) {
			clearTimeout(timer);
			stored = {...visit(stored, state.slide), bookmarks: state.bookmarks};
			persist(deckNow);
			if (lastError !== '') {
				process.stderr.write(lastError + '\n');
			}
		},
	};
}
