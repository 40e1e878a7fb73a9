import {describe, expect, it} from 'vitest';
import {keyToAction, type KeyName} from '../../src/nav/keys.js';
import {deckReloaded, initialState, reduce, type NavContext, type NavState} from '../../src/nav/reducer.js';
import {audiencePosition} from '../../src/nav/search-mode.js';

// Ten slides; slide 3 (index 2) has three reveal steps, slide 6 (index 5) two.
const stepsBySlide = [1, 1, 3, 1, 1, 2, 1, 1, 1, 1];
const ctx: NavContext = {count: 10, steps: slide => stepsBySlide[slide] ?? 1};
const notesCtx: NavContext = {...ctx, notesScrollLimit: 3};

/** Press keys (space-separated names) the way the app does: key table, then reducer. */
function press(state: NavState, keys: string, context: NavContext = ctx): NavState {
	let current = state;
	for (const key of keys.split(' ').filter(Boolean)) {
		const action = keyToAction(key as KeyName, current);
		if (action) {
			current = reduce(current, action, context);
		}
	}

	return current;
}

const at = (slide: number, step = 0, extra: Partial<NavState> = {}): NavState => ({...initialState(), slide, step, ...extra});
const position = (state: NavState) => ({slide: state.slide, step: state.step});

describe('navigation by key sequences', () => {
	it.each([
		['l', 0, 0, 1, 0],
		['l l h', 0, 0, 1, 0],
		['right down space enter pagedown', 0, 0, 3, 0],
		['j', 0, 0, 1, 0],
		['l l', 0, 0, 2, 0],
		// Pauses: next reveals each step before leaving the slide.
		['l', 2, 0, 2, 1],
		['l l', 2, 0, 2, 2],
		['l l l', 2, 0, 3, 0],
		// Previous hides the last revealed step.
		['h', 2, 2, 2, 1],
		['h h', 2, 2, 2, 0],
		['left', 2, 1, 2, 0],
		// Going back onto a slide with pauses arrives with all of it revealed.
		['h', 3, 0, 2, 2],
		['k up backspace pageup', 4, 0, 2, 0],
		['G', 0, 0, 9, 0],
		['end', 3, 0, 9, 0],
		['g', 7, 0, 0, 0],
		['home', 7, 0, 0, 0],
		['G g', 4, 0, 0, 0],
		// A number, then Enter, g or G: that slide (1-based).
		['7 enter', 0, 0, 6, 0],
		['1 0 enter', 0, 0, 9, 0],
		['1 2 enter', 0, 0, 9, 0],
		['3 g', 8, 0, 2, 0],
		['5 G', 0, 0, 4, 0],
		['0 3 enter', 0, 0, 2, 0],
		['3 l', 0, 0, 2, 0],
		// Esc clears a pending number.
		['3 escape l', 0, 0, 1, 0],
		['3 escape enter', 5, 0, 5, 1],
		// Clamping at both ends.
		['h h h', 0, 0, 0, 0],
		['l l l', 9, 0, 9, 0],
		['G l', 0, 0, 9, 0],
		// Going to a slide starts at its first step.
		['3 g', 2, 2, 2, 0],
	])('%j from slide %i step %i → slide %i step %i', (keys, slide, step, toSlide, toStep) => {
		expect(position(press(at(slide, step), keys))).toEqual({slide: toSlide, step: toStep});
	});

	it('a no-op returns the same object', () => {
		const first = at(0);
		expect(press(first, 'h')).toBe(first);
		expect(press(first, 'left up backspace pageup k')).toBe(first);
		expect(press(first, 'g')).toBe(first);
		expect(press(first, 'escape')).toBe(first);
		expect(press(first, '0')).toBe(first);
		expect(press(first, 'x')).toBe(first);
		expect(press(first, 'K')).toBe(first);
		const last = at(9);
		expect(press(last, 'l')).toBe(last);
		expect(press(last, 'G')).toBe(last);
		expect(reduce(last, {type: 'goto', slide: 42}, ctx)).toBe(last);
	});

	it('keeps the typed number and shows it until used', () => {
		expect(press(at(0), '1 2').count).toBe('12');
		expect(press(at(0), '1 2 enter').count).toBe('');
		expect(press(at(0), '1 2 escape').count).toBe('');
		// Longer than any slide number could be: the last digits are kept.
		expect(press(at(0), '1 2 3 4 5').count).toBe('345');
	});

	it('goto clamps', () => {
		expect(position(reduce(at(0), {type: 'goto', slide: 42}, ctx))).toEqual({slide: 9, step: 0});
		expect(position(reduce(at(5), {type: 'goto', slide: -3}, ctx))).toEqual({slide: 0, step: 0});
	});

	it('q and Ctrl-C quit', () => {
		expect(press(at(3), 'q').quit).toBe(true);
		expect(press(at(3), 'ctrl+c').quit).toBe(true);
		expect(press(at(3), 'l').quit).toBe(false);
	});
});

describe('notes and help', () => {
	it('s toggles the notes pane and resets its scroll', () => {
		const hidden = press(at(0), 's');
		expect(hidden.notesVisible).toBe(false);
		expect(press(hidden, 's').notesVisible).toBe(true);
		expect(press(at(0), 'J J K', notesCtx).notesScroll).toBe(1);
		expect(press(press(at(0), 'J J', notesCtx), 's').notesScroll).toBe(0);
	});

	it('moving to another slide resets the notes scroll, a step on the same slide keeps it', () => {
		expect(press(at(0), 'J J l', notesCtx).notesScroll).toBe(0);
		expect(press(at(2), 'J J l', notesCtx).notesScroll).toBe(2);
	});

	it('J stops at the end of the notes, so K moves back at once', () => {
		expect(press(at(0), 'J J J J J J', notesCtx).notesScroll).toBe(3);
		expect(press(at(0), 'J J J J J J K', notesCtx).notesScroll).toBe(2);
		const fits = press(at(0), 'J J', {...ctx, notesScrollLimit: 0});
		expect(fits.notesScroll).toBe(0);
		// A resize that made the pane taller leaves a scroll past the new end: K counts from the end.
		expect(press(at(0, 0, {notesScroll: 9}), 'K', notesCtx).notesScroll).toBe(2);
		expect(press(at(0, 0, {notesScroll: 9}), 'J', notesCtx).notesScroll).toBe(3);
	});

	it('? opens the help; any key closes it; q still quits', () => {
		const help = press(at(4), '?');
		expect(help.overlay).toBe('help');
		expect(press(help, '?').overlay).toBe('none');
		expect(press(help, 'escape').overlay).toBe('none');
		const closed = press(help, 'l');
		expect(closed.overlay).toBe('none');
		expect(closed.slide).toBe(4);
		expect(press(help, 'q').quit).toBe(true);
	});

	it('the help scrolls within its limit and opens at its top again', () => {
		const helpCtx: NavContext = {...ctx, helpScrollLimit: 4};
		const help = press(at(4), '?', helpCtx);
		expect(help.helpScroll).toBe(0);
		expect(press(help, 'k', helpCtx)).toBe(help);
		expect(press(help, 'j j', helpCtx).helpScroll).toBe(2);
		expect(press(help, 'space', helpCtx).helpScroll).toBe(4);
		expect(press(help, 'j j j j j j', helpCtx).helpScroll).toBe(4);
		// At the end, one k is one row up (no presses are counted past the end).
		expect(press(help, 'G k', helpCtx).helpScroll).toBe(3);
		expect(press(help, 'G g', helpCtx).helpScroll).toBe(0);
		expect(press(help, 'G escape ?', helpCtx).helpScroll).toBe(0);
		// Scrolling never moves the slide; a help that fits does not scroll.
		expect(press(help, 'j j', helpCtx).slide).toBe(4);
		expect(press(help, 'j', ctx)).toBe(help);
	});

	it('opening the help clears a typed number', () => {
		expect(press(at(0), '5 ?').count).toBe('');
	});
});

describe('search', () => {
	const hits = (state: NavState, list: readonly number[]) =>
		reduce(state, {type: 'searchHits', query: state.search.query, hits: list}, ctx);

	it('/ opens the search at the current slide; typing edits the query', () => {
		const open = press(at(5), '/');
		expect(open.overlay).toBe('search');
		expect(open.search).toEqual({query: '', origin: 5, originStep: 0, hits: [], hitsFor: '', wrapped: false});
		const typed = press(open, 'p a g e space t x backspace');
		expect(typed.search.query).toBe('page t');
		// Keys that navigate elsewhere are text here.
		expect(press(open, 'l j q G').search.query).toBe('ljqG');
		expect(press(open, 'l j q G').slide).toBe(5);
	});

	it('hits for a query are stored; the same hits again change nothing', () => {
		const typed = press(at(0), '/ x');
		const withHits = hits(typed, [2, 6]);
		expect(withHits.search.hits).toEqual([2, 6]);
		expect(withHits.search.hitsFor).toBe('x');
		expect(reduce(withHits, {type: 'searchHits', query: 'x', hits: withHits.search.hits}, ctx)).toBe(withHits);
	});

	it('as you type, shows the first hit at or after where the search began (incremental)', () => {
		const typed = hits(press(at(5), '/ x'), [1, 4, 7]);
		expect(typed.overlay).toBe('search');
		expect(position(typed)).toEqual({slide: 7, step: 0});
		expect(typed.search.wrapped).toBe(false);
		// The start itself counts, and keeps its revealed steps.
		expect(position(hits(press(at(4, 1), '/ x'), [1, 4, 7]))).toEqual({slide: 4, step: 1});
		// A longer query: the first of its hits, still counted from the start, not from the last shown.
		const longer = hits(press(typed, 'y'), [2, 9]);
		expect(position(longer)).toEqual({slide: 9, step: 0});
		// No hit: back at the start.
		const none = hits(press(longer, 'z'), []);
		expect(position(none)).toEqual({slide: 5, step: 0});
		// Backspace to a query with hits again.
		expect(position(hits(press(none, 'backspace backspace'), [1, 4, 7]))).toEqual({slide: 7, step: 0});
	});

	it('Enter before the hits (matched in slices): the hits still take the presenter to the first match', () => {
		const submitted = press(at(5), '/ x enter');
		expect(submitted.overlay).toBe('none');
		expect(position(submitted)).toEqual({slide: 5, step: 0});
		const found = hits(submitted, [1, 7]);
		expect(position(found)).toEqual({slide: 7, step: 0});
		expect(found.search.submitted).toBeUndefined();
		// '' goes back to where the search began, as after Enter on a shown match.
		expect(position(press(found, "' '"))).toEqual({slide: 5, step: 0});
		// Wrapped: said so.
		expect(hits(press(at(8), '/ x enter'), [1, 4]).search.wrapped).toBe(true);
		// Moved meanwhile: the hits are kept, the slide stays.
		const moved = hits(press(submitted, 'l'), [1, 7]);
		expect(position(moved)).toEqual({slide: 5, step: 1});
		expect(moved.search.hits).toEqual([1, 7]);
		// Hits for another query, or Enter after the hits came: nothing moves.
		expect(position(reduce(submitted, {type: 'searchHits', query: 'y', hits: [7]}, ctx))).toEqual({slide: 5, step: 0});
		const shown = press(hits(press(at(5), '/ x'), [1, 7]), 'enter');
		expect(shown.search.submitted).toBeUndefined();
	});

	it('hits for an older query are kept but do not move the slide', () => {
		const typed = press(at(5), '/ x y');
		const stale = reduce(typed, {type: 'searchHits', query: 'x', hits: [7]}, ctx);
		expect(position(stale)).toEqual({slide: 5, step: 0});
	});

	it('wraps to the first hit when none is after the start, and says so', () => {
		const typed = hits(press(at(8), '/ x'), [1, 4, 7]);
		expect(position(typed)).toEqual({slide: 1, step: 0});
		expect(typed.search.wrapped).toBe(true);
		expect(press(typed, 'enter').search.wrapped).toBe(true);
	});

	it('Enter stays on the match shown and closes the bar', () => {
		const jumped = press(hits(press(at(4, 1), '/ x'), [2, 6]), 'enter');
		expect(jumped.overlay).toBe('none');
		expect(position(jumped)).toEqual({slide: 6, step: 0});
		expect(jumped.search.hits).toEqual([2, 6]);
	});

	it('Enter with no hits closes the search where it began', () => {
		const closed = press(at(3, 1), '/ z enter');
		expect(closed.overlay).toBe('none');
		expect(position(closed)).toEqual({slide: 3, step: 1});
	});

	it('n and N step through the hits, wrapping and saying so', () => {
		const found = press(hits(press(at(0), '/ x'), [1, 4, 7]), 'enter');
		expect(found.slide).toBe(1);
		const n1 = press(found, 'n');
		expect([n1.slide, n1.search.wrapped]).toEqual([4, false]);
		const n2 = press(n1, 'n');
		expect([n2.slide, n2.search.wrapped]).toEqual([7, false]);
		const n3 = press(n2, 'n');
		expect([n3.slide, n3.search.wrapped]).toEqual([1, true]);
		const back = press(n3, 'N');
		expect([back.slide, back.search.wrapped]).toEqual([7, true]);
		const back2 = press(back, 'N');
		expect([back2.slide, back2.search.wrapped]).toEqual([4, false]);
		// Any other move clears the wrapped flag.
		expect(press(n3, 'l').search.wrapped).toBe(false);
	});

	it('Esc after a search clears its marks (a typed number first); then n has nothing to go to', () => {
		const found = press(hits(press(at(0), '/ x'), [1, 4, 7]), 'enter');
		const counting = press(found, '5');
		expect(press(counting, 'escape').search.hits).toEqual([1, 4, 7]);
		const cleared = press(found, 'escape');
		expect(cleared.search).toMatchObject({query: '', hits: [], hitsFor: ''});
		expect(position(cleared)).toEqual(position(found));
		expect(press(cleared, 'n')).toBe(cleared);
		expect(press(cleared, 'escape')).toBe(cleared);
	});

	it('n and N without hits do nothing', () => {
		const state = at(3);
		expect(press(state, 'n')).toBe(state);
		expect(press(state, 'N')).toBe(state);
	});

	it('Esc goes back to where the search began, revealed steps and all, and forgets the query', () => {
		const shown = hits(press(at(2, 1), '/ a b'), [5]);
		expect(position(shown)).toEqual({slide: 5, step: 0});
		const cancelled = press(shown, 'escape');
		expect(cancelled.overlay).toBe('none');
		expect(position(cancelled)).toEqual({slide: 2, step: 1});
		expect(cancelled.search).toEqual({query: '', origin: 2, originStep: 1, hits: [], hitsFor: '', wrapped: false});
		// Nothing to jump back to: the search was taken back.
		expect(press(cancelled, "' '")).toEqual(cancelled);
	});

	it("a shared talk's audience stays where the search began until Enter", () => {
		const typing = hits(press(at(2, 1), '/ x'), [6]);
		expect(position(typing)).toEqual({slide: 6, step: 0});
		expect(audiencePosition(typing)).toEqual({slide: 2, step: 1});
		expect(audiencePosition(press(typing, 'enter'))).toEqual({slide: 6, step: 0});
		expect(audiencePosition(press(typing, 'escape'))).toEqual({slide: 2, step: 1});
	});

	it('Ctrl-C quits from the search', () => {
		expect(press(at(0), '/ a ctrl+c').quit).toBe(true);
	});
});

describe('overview', () => {
	it('o opens it with the cursor on the current slide; moves clamp', () => {
		const open = press(at(3), 'o');
		expect(open.overlay).toBe('overview');
		expect(open.overview).toEqual({cursor: 3, filter: '', filtering: false});
		expect(press(open, 'j j').overview.cursor).toBe(5);
		expect(press(open, 'down k up').overview.cursor).toBe(2);
		expect(press(open, 'G').overview.cursor).toBe(9);
		expect(press(open, 'g').overview.cursor).toBe(0);
		expect(press(open, 'pagedown').overview.cursor).toBe(9);
		expect(press(open, 'space pageup').overview.cursor).toBe(0);
		const top = press(open, 'g');
		expect(press(top, 'k')).toBe(top);
	});

	it('Enter opens the slide under the cursor', () => {
		const opened = press(at(3, 0), 'o j j enter');
		expect(opened.overlay).toBe('none');
		expect(position(opened)).toEqual({slide: 5, step: 0});
	});

	it('Esc, o and q close it where you were', () => {
		for (const key of ['escape', 'o', 'q']) {
			const closed = press(at(2, 1), `o j ${key}`);
			expect(closed.overlay).toBe('none');
			expect(position(closed)).toEqual({slide: 2, step: 1});
			expect(closed.quit).toBe(false);
		}
	});

	it('/ filters: typing edits the filter (j and k are letters), Esc clears it', () => {
		const filtering = press(at(3), 'o /');
		expect(filtering.overview.filtering).toBe(true);
		const typed = press(filtering, 'm e j k m backspace');
		expect(typed.overview).toEqual({cursor: 0, filter: 'mejk', filtering: true});
		const cleared = press(typed, 'escape');
		expect(cleared.overview).toEqual({cursor: 3, filter: '', filtering: false});
		expect(cleared.overlay).toBe('overview');
		expect(press(cleared, 'escape').overlay).toBe('none');
	});

	it('while filtering, ↑ ↓ move and one Enter opens the highlighted slide', () => {
		const filtered: NavContext = {...ctx, overviewSlides: [2, 6, 8]};
		const typed = press(at(0), 'o / x', filtered);
		expect(press(typed, 'down down', filtered).overview).toEqual({cursor: 2, filter: 'x', filtering: true});
		expect(press(typed, 'down down down up', filtered).overview.cursor).toBe(1);
		expect(press(typed, 'pagedown', filtered).overview.cursor).toBe(2);
		const opened = press(typed, 'down enter', filtered);
		expect(opened.overlay).toBe('none');
		expect(position(opened)).toEqual({slide: 6, step: 0});
		expect(opened.overview).toEqual({cursor: 1, filter: '', filtering: false});
		// Typing again puts the cursor on the first entry of the new list.
		expect(press(typed, 'down y', filtered).overview.cursor).toBe(0);
	});

	it('Enter on an empty filtered list closes the overview where you were', () => {
		const closed = press(at(4, 1), 'o / z enter', {...ctx, overviewSlides: [] as number[]});
		expect(closed.overlay).toBe('none');
		expect(position(closed)).toEqual({slide: 4, step: 1});
	});
});

describe("'' jumps back", () => {
	const hits = (state: NavState, list: readonly number[]) =>
		reduce(state, {type: 'searchHits', query: state.search.query, hits: list}, ctx);

	it.each([
		['a number then Enter', '7 enter', 6],
		['a number then g', '9 g', 8],
		['G', 'G', 9],
		['g', 'g', 0],
		['the overview', 'o j j enter', 5],
	])("after %s, '' returns to the slide and step before it, and '' again undoes that", (_name, keys, target) => {
		const start = at(3, 0);
		const jumped = press(start, keys);
		expect(jumped.slide).toBe(target);
		const back = press(jumped, "' '");
		expect(position(back)).toEqual({slide: 3, step: 0});
		expect(position(press(back, "' '"))).toEqual({slide: target, step: 0});
	});

	it('keeps the revealed step it left', () => {
		expect(position(press(at(2, 2), "G ' '"))).toEqual({slide: 2, step: 2});
	});

	it('after a search, goes back to where the search began; n and N are jumps too', () => {
		const found = press(hits(press(at(1, 0), '/ x'), [4, 7]), 'enter');
		expect(found.slide).toBe(4);
		expect(position(press(found, "' '"))).toEqual({slide: 1, step: 0});
		const next = press(found, 'n');
		expect(next.slide).toBe(7);
		expect(press(next, "' '").slide).toBe(4);
	});

	it('walking with → ← is not a jump: it returns to where the last jump began', () => {
		expect(press(at(3), "G h h ' '").slide).toBe(3);
	});

	it('does nothing before any jump; one quote then another key is that key alone', () => {
		const start = at(3);
		expect(press(start, "' '")).toEqual(start);
		const quoted = press(start, "'");
		expect(quoted.pendingQuote).toBe(true);
		const moved = press(quoted, 'l');
		expect([moved.slide, moved.pendingQuote]).toEqual([4, false]);
		// G after a lone quote is G, and the next '' goes back from it.
		expect(press(start, "' G ' '").slide).toBe(3);
	});

	it('a jump to where you are is not remembered', () => {
		const jumped = press(at(3), 'G');
		expect(press(jumped, 'G')).toBe(jumped);
		expect(press(press(jumped, '1 0 enter'), "' '").slide).toBe(3);
	});

	it('the way back is clamped to a deck that shrank', () => {
		const jumped = press(at(8, 0), 'g');
		expect(press(jumped, "' '", {count: 5, steps: () => 1}).slide).toBe(4);
	});
});

describe('study view', () => {
	const study: NavContext = {...ctx, scrollLimit: 2};

	it('t switches views and clears scroll and number', () => {
		const studying = press(at(1), '4 t');
		expect(studying.view).toBe('study');
		expect(studying.count).toBe('');
		expect(press(studying, 't').view).toBe('present');
	});

	it('j scrolls to the scroll limit, then goes to the next slide', () => {
		const start = at(0, 0, {view: 'study'});
		expect(press(start, 'j', study).bodyScroll).toBe(1);
		expect(press(start, 'down j', study).bodyScroll).toBe(2);
		const next = press(start, 'j j j', study);
		expect([next.slide, next.bodyScroll]).toEqual([1, 0]);
	});

	it('k scrolls back up, then goes to the previous slide', () => {
		const scrolled = press(at(4, 0, {view: 'study'}), 'j j', study);
		expect(press(scrolled, 'k', study).bodyScroll).toBe(1);
		const previous = press(scrolled, 'k k k', study);
		expect([previous.slide, previous.bodyScroll]).toEqual([3, 0]);
	});

	it('without a scroll limit j is next', () => {
		expect(press(at(0, 0, {view: 'study'}), 'j').slide).toBe(1);
	});

	it('the notes pane keys are for presenting only', () => {
		const studying = at(0, 0, {view: 'study'});
		expect(press(studying, 'J')).toBe(studying);
	});

	it('s shows or hides the notes under the slide, apart from the pane', () => {
		const studying = at(0, 0, {view: 'study'});
		const hidden = press(studying, 's');
		expect(hidden).toMatchObject({studyNotes: false, notesVisible: studying.notesVisible, bodyScroll: 0});
		expect(press(hidden, 's').studyNotes).toBe(true);
		// Each view keeps its own: presenting's pane is untouched by studying without notes.
		expect(press(hidden, 't')).toMatchObject({view: 'present', notesVisible: true, studyNotes: false});
	});
});

describe('bookmarks and reloads', () => {
	it('m toggles a bookmark on the current slide, kept sorted', () => {
		const marked = press(at(5), 'm');
		expect(marked.bookmarks).toEqual([5]);
		expect(press(marked, 'g m').bookmarks).toEqual([0, 5]);
		expect(press(marked, 'm').bookmarks).toEqual([]);
	});

	it('deckReloaded clamps position, steps, bookmarks and the overview cursor to the new deck', () => {
		const state: NavState = {...at(8, 0), bookmarks: [1, 4, 8], overview: {cursor: 9, filter: '', filtering: false}};
		const smaller: NavContext = {count: 5, steps: slide => (slide === 4 ? 3 : 1)};
		const reloaded = reduce(state, {type: 'deckReloaded'}, smaller);
		expect(position(reloaded)).toEqual({slide: 4, step: 0});
		expect(reloaded.bookmarks).toEqual([1, 4]);
		expect(reloaded.overview.cursor).toBe(4);
		const fewerSteps = reduce(at(2, 2), {type: 'deckReloaded'}, {count: 10, steps: () => 1});
		expect(position(fewerSteps)).toEqual({slide: 2, step: 0});
		expect(position(reduce(at(2, 2), {type: 'deckReloaded'}, ctx))).toEqual({slide: 2, step: 2});
	});

	it('deckReloaded moves to where the slide (and the way back) went, clamped', () => {
		const jumped = press(at(1, 0, {notesScroll: 3}), 'G');
		const reloaded = reduce(jumped, {type: 'deckReloaded', slide: 8, jumpedFrom: 2}, ctx);
		expect(position(reloaded)).toEqual({slide: 8, step: 0});
		expect(reloaded.notesScroll).toBe(0);
		expect(reloaded.jumpedFrom).toEqual({slide: 2, step: 0});
		expect(press(reloaded, "' '").slide).toBe(2);
		const kept = reduce(at(2, 2, {notesScroll: 3}), {type: 'deckReloaded', slide: 2}, ctx);
		expect([kept.step, kept.notesScroll]).toEqual([2, 3]);
		expect(reduce(at(2), {type: 'deckReloaded', slide: 40}, ctx).slide).toBe(9);
	});

	it('deckReloaded (the action) takes the found slides only where the reload left them: one moved away from meanwhile keeps its number', () => {
		const from = press(at(1), 'G');
		const found = {slide: 8, jumpedFrom: 2};
		expect(deckReloaded(from, from, found)).toEqual({type: 'deckReloaded', slide: 8, jumpedFrom: 2});
		const moved = press(from, 'h');
		expect(deckReloaded(moved, from, found)).toEqual({type: 'deckReloaded', slide: undefined, jumpedFrom: 2});
		const jumpedAgain = press(press(from, 'g'), 'G');
		expect(deckReloaded(jumpedAgain, from, found)).toEqual({type: 'deckReloaded', slide: 8, jumpedFrom: undefined});
	});
});

describe('initialState', () => {
	it('is plain JSON', () => {
		const state = initialState({slide: 3, notesVisible: false, view: 'study', bookmarks: [1]});
		expect(JSON.parse(JSON.stringify(state))).toEqual(state);
		expect(state).toEqual({
			slide: 3,
			step: 0,
			count: '',
			pendingQuote: false,
			view: 'study',
			overlay: 'none',
			notesVisible: false,
			studyNotes: true,
			notesScroll: 0,
			bodyScroll: 0,
			bookmarks: [1],
			search: {query: '', origin: 0, originStep: 0, hits: [], hitsFor: '', wrapped: false},
			overview: {cursor: 0, filter: '', filtering: false},
			quit: false,
		});
	});
});
