import {followSlideSteps} from '../deck/same-slide.js';
import type {Deck} from '../deck/types.js';
import {makeHighlighter} from '../layout/highlight.js';
import type {Size} from '../layout/layout.js';
import {overviewFilterSteps} from '../layout/overlays.js';
import {composeRows, type Regions, type ScreenInput} from '../layout/screen.js';
import type {Theme} from '../layout/theme.js';
import {keyToAction, type KeyName} from '../nav/keys.js';
import {navContextFor} from '../nav/context.js';
import {deckReloaded, reduce, type Action, type NavContext, type NavState} from '../nav/reducer.js';
import {incrementalIndex} from '../search/deck-docs.js';
import {matchingSlidesSteps} from '../search/index.js';
import {runInSlices, workSliceMs} from '../slices.js';
import type {FramePlan} from '../terminal/frame-writer.js';

/** How long after a change the frames ahead are composed (a speaker's presses are seconds apart). */
const rehearseAfterMs = 250;

type Position = Readonly<{slide: number; step: number; blank: boolean}>;

export type FollowerViewOptions = Readonly<{
	deck: Deck;
	initial: NavState;
	size: Size;
	theme: Theme;
	/** The talk's clock in seconds (shown only with --clock). */
	elapsed: () => number;
	compose: (input: ScreenInput) => Regions;
	/** The status bar's badges (detached, reconnecting). */
	badges: (state: NavState) => readonly string[];
	/** Puts the rows on the terminal (`ready`: their bytes, planned ahead by `plan`). */
	paint: (rows: readonly string[], ready?: FramePlan) => void;
	/** The bytes that would draw these rows over the screen as it is now (a frame ahead). */
	plan?: (rows: readonly string[]) => FramePlan | undefined;
	/**
	 * After each change of state or deck, and for each state composed ahead (the command loads
	 * the highlighter when code shows, or is about to).
	 */
	onChange?: (state: NavState, deck: Deck) => void;
	onQuit: () => void;
	/** How long a slice of work on the whole deck may take (default 8 ms; tests take 0: one step per slice). */
	sliceMs?: number;
}>;

export class FollowerView {
	private deck: Deck;
	private state: NavState;
	private size: Size;
	private theme: Theme;
	private regions: Regions | undefined;
	private searchIndex: ReturnType<typeof incrementalIndex> | undefined;
	/** One timer, restarted by each change: the rehearsal starts when it fires (see rehearse). */
	private rehearsal: NodeJS.Timeout | undefined;
	/** The frame being composed ahead, one per tick, and which rehearsal it belongs to. */
	private rehearsalStep: NodeJS.Timeout | undefined;
	private rehearsals = 0;
	/** Frames composed ahead, by what they were composed from (see frameKey). */
	private prepared = new Map<string, Prepared>();
	/** The same frames by the talk's position they show (see positionKey): what a position looks up. */
	private ahead = new Map<string, Prepared>();
	/**
	 * A new deck whose slide on screen is being found (in slices): the old deck stays on the
	 * screen meanwhile, and the talk's latest position (of the new deck) waits for it.
	 */
	private reloading: {stop: () => void; position?: Position} | undefined;
	/** The overview's filter being applied (in slices): the list grows in place. */
	private filtering: {deck: Deck; filter: string; list: number[]; stop: () => void} | undefined;
	/** The search being run (the index built, then matched, in slices). */
	private searching: {deck: Deck; query: string; stop: () => void} | undefined;
	private readonly options: FollowerViewOptions;

	constructor(options: FollowerViewOptions) {
		this.options = options;
		this.deck = options.deck;
		this.state = options.initial;
		this.size = options.size;
		this.theme = options.theme;
	}

	/** The screen as it is now (the first frame, and after a resize or a badge change). */
	render(): void {
		const input = this.screenInput(this.state);
		const ready = this.prepared.get(frameKey(input));
		this.show(ready?.regions ?? this.options.compose(input), ready);
	}

	/**
	 * The talk's position. Usually its frame was composed while the talk rested (the next step,
	 * the next slide, one back): then it costs a look-up and the write of bytes planned ahead,
	 * which is most of what a hall of followers on one machine does at each of the speaker's keys.
	 */
	position(position: Position): void {
		if (this.reloading) {
			this.reloading.position = position;
			return;
		}

		const ready = this.ahead.get(positionKey(position));
		if (ready && ready.elapsedSeconds === Math.floor(this.options.elapsed())) {
			// The state it was composed from is still this.state: any change clears `ahead`.
			this.state = ready.state;
			this.show(ready.regions, ready);
			return;
		}

		this.dispatch({type: 'remote', slide: position.slide, step: position.step, blank: position.blank});
	}

	/** Any action (a position goes through `position`). */
	dispatch(action: Action): void {
		this.commit(reduce(this.state, action, this.context()));
	}

	/** A key the follower pressed (as App's input handler: Enter first runs a pending search). */
	key(name: KeyName): void {
		const action = keyToAction(name, this.state);
		if (!action) {
			return;
		}

		const pending = action.type === 'textSubmit' ? this.pendingHits(this.state) : undefined;
		const ready = pending ? reduce(this.state, pending, this.context()) : this.state;
		this.commit(reduce(ready, action, this.context()));
	}

	/**
	 * The keys of one read, in order. A paste into the search bar comes as one read of many
	 * letters: they are typed into the query together, and the live search (its first slice runs
	 * at once) and the frame follow once, for the whole text; one key at a time, each letter
	 * started a search of its own (11 letters: 11 slices of 8 ms in one stretch, ~85 ms).
	 */
	keys(names: readonly KeyName[]): void {
		let typed: NavState | undefined;
		for (const name of names) {
			const from = typed ?? this.state;
			const action = from.overlay === 'search' ? keyToAction(name, from) : undefined;
			if (action?.type === 'textInput' || action?.type === 'textBackspace') {
				typed = reduce(from, action, this.context());
				continue;
			}

			if (typed) {
				this.commit(typed);
				typed = undefined;
			}

			this.key(name);
		}

		if (typed) this.commit(typed);
	}

	/**
	 * The talk's deck changed (the lecturer's edit): stay on the same slide where it went. That
	 * slide is found in slices (an edited title on 100,000 slides goes through all of them, 2.5 s
	 * in one stretch), the old deck on the screen and keys answered meanwhile; a later deck wins.
	 */
	setDeck(after: Deck): void {
		this.reloading?.stop();
		const before = this.deck;
		const from = this.state;
		const job: NonNullable<typeof this.reloading> = {stop: () => {}};
		this.reloading = job;
		job.stop = runInSlices(followSlideSteps(before, after, from), this.sliceMs(), found => {
			if (this.reloading === job) this.reloading = undefined;
			this.deck = after;
			this.searchIndex = undefined;
			this.searching?.stop();
			this.searching = undefined;
			this.prepared.clear();
			this.commit(reduce(this.state, deckReloaded(this.state, from, found), this.context()), true);
			if (job.position) this.position(job.position);
		});
	}

	setSize(size: Size): void {
		this.size = size;
		this.prepared.clear();
		this.render();
	}

	setTheme(theme: Theme): void {
		this.theme = theme;
		this.prepared.clear();
		this.render();
	}

	dispose(): void {
		clearTimeout(this.rehearsal);
		clearTimeout(this.rehearsalStep);
		this.reloading?.stop();
		this.filtering?.stop();
		this.searching?.stop();
	}

	private sliceMs(): number {
		return this.options.sliceMs ?? workSliceMs;
	}

	/** Puts regions on the screen (with their rows and bytes when composed ahead); what was composed ahead is stale then. */
	private show(regions: Regions, ready?: Prepared): void {
		this.prepared.clear();
		this.ahead.clear();
		this.regions = regions;
		this.options.paint(ready?.rows ?? composeRows(regions), ready?.plan);
		this.rehearse();
	}

	private commit(next: NavState, force = false): void {
		// The live search: a changed query finds its slides before the frame is drawn.
		const hits = this.pendingHits(next);
		const state = hits ? reduce(next, hits, this.context()) : next;
		if (state === this.state && !force) {
			return;
		}

		this.state = state;
		this.render();
		this.options.onChange?.(state, this.deck);
		if (state.quit) {
			this.options.onQuit();
		}
	}

	private screenInput(state: NavState): ScreenInput {
		const query = state.overlay === 'search' || state.search.hitsFor !== '' ? state.search.query : '';
		return {
			deck: this.deck,
			state,
			size: this.size,
			theme: this.theme,
			elapsedSeconds: Math.floor(this.options.elapsed()),
			badges: this.options.badges(state),
			highlight: query === '' ? undefined : makeHighlighter(query),
			overviewSlides: this.overviewList(state),
		};
	}

	/** The same context as the presenter's (nav/context.ts). */
	private context(): NavContext {
		const {deck, regions, state} = this;
		return navContextFor(deck, regions, this.overviewList(state));
	}

	/**
	 * The slides whose title holds the overview's filter, as far as they are found: the filter
	 * runs in slices (each title is read from its slide: seconds on hundreds of thousands of
	 * slides), the list growing in place and the screen drawn again after each slice, as the
	 * presenter's (ui/App.tsx useOverviewFilter). Undefined without a filter.
	 */
	private overviewList(state: NavState): number[] | undefined {
		const filter = state.overlay === 'overview' ? state.overview.filter : '';
		if (filter.trim() === '') {
			this.filtering?.stop();
			this.filtering = undefined;
			return undefined;
		}

		const {deck} = this;
		if (this.filtering?.deck === deck && this.filtering.filter === filter) {
			return this.filtering.list;
		}

		this.filtering?.stop();
		const list: number[] = [];
		const job = {deck, filter, list, stop: () => {}};
		this.filtering = job;
		// The first slice runs here, inside a render: only the later ones draw again.
		let now = true;
		const drawn = () => {
			if (!now && this.filtering === job) this.render();
		};
		job.stop = runInSlices(overviewFilterSteps(deck, filter, list), this.sliceMs(), drawn, drawn);
		now = false;
		return list;
	}

	/**
	 * The hits the search waits for (its query changed since the last search), if they are found
	 * at once; else they are found in slices (the index built, then matched: on hundreds of
	 * thousands of slides that took seconds at once, deaf to `q`) and come later, to the open
	 * bar or after Enter, as the presenter's (ui/App.tsx useDeckSearch).
	 */
	private pendingHits(state: NavState): Action | undefined {
		const {query, hitsFor} = state.search;
		if (query === hitsFor) {
			return undefined;
		}

		if (query.trim() === '') {
			return state.overlay === 'search' ? {type: 'searchHits', query, hits: []} : undefined;
		}

		const {deck} = this;
		if (this.searching?.deck === deck && this.searching.query === query) {
			return undefined;
		}

		if (state.overlay !== 'search') {
			return undefined;
		}

		this.searching?.stop();
		this.searchIndex ??= incrementalIndex(deck);
		const job = {deck, query, stop: () => {}};
		this.searching = job;
		let now = true;
		let found: Action | undefined;
		job.stop = runInSlices(searchSteps(this.searchIndex, query), this.sliceMs(), hits => {
			if (this.searching === job) this.searching = undefined;
			const action: Action = {type: 'searchHits', query, hits};
			if (now) found = action;
			else if (this.deck === deck) this.commit(reduce(this.state, action, this.context()));
		});
		now = false;
		return found;
	}

	/**
	 * While the talk rests, compose the frames of where it most likely goes next (the next
	 * step, the next slide, one step back), one per tick, with the bytes that would draw each
	 * over the screen as it is: a position then only writes what is ready. It starts a moment
	 * after the last change: every follower on the machine gets the same position at once,
	 * and their work ahead must not delay the others' drawing it. A change only restarts the
	 * one timer (and stops a rehearsal under way): the least work at each position.
	 */
	private rehearse(): void {
		this.rehearsals++;
		clearTimeout(this.rehearsalStep);
		if (this.rehearsal) {
			this.rehearsal.refresh();
		} else {
			this.rehearsal = setTimeout(() => {
				this.rehearseNow();
			}, rehearseAfterMs);
		}
	}

	private rehearseNow(): void {
		const {state} = this;
		const follow = state.follow;
		if (!follow?.attached || state.overlay !== 'none') {
			return;
		}

		const rehearsal = this.rehearsals;
		const remote = (slide: number, step: number): Action => ({type: 'remote', slide, step, blank: false});
		const ahead: Action[] = [
			remote(follow.slide, follow.step + 1),
			remote(follow.slide + 1, 0),
			// Back: the step before, or the last step of the slide before (a step past the end is clamped).
			follow.step > 0 ? remote(follow.slide, follow.step - 1) : remote(follow.slide - 1, Number.MAX_SAFE_INTEGER),
		];
		const next = (index: number) => {
			const action = ahead[index];
			if (!action || this.rehearsals !== rehearsal) {
				return;
			}

			const after = reduce(state, action, this.context());
			if (after !== state) {
				const input = this.screenInput(after);
				const regions = this.options.compose(input);
				const rows = composeRows(regions);
				const prepared = {state: after, elapsedSeconds: input.elapsedSeconds, regions, rows, plan: this.options.plan?.(rows)};
				this.prepared.set(frameKey(input), prepared);
				if (after.follow) this.ahead.set(positionKey(after.follow), prepared);
				this.options.onChange?.(after, this.deck);
			}

			this.rehearsalStep = setTimeout(next, 0, index + 1);
		};

		next(0);
	}
}

/** The slides matching `query`: the rest of the index built a slide a step, then matched in steps. */
function* searchSteps(index: ReturnType<typeof incrementalIndex>, query: string): Generator<void, number[]> {
	while (!index.advance(1)) yield;
	return yield* matchingSlidesSteps(index.slides(), query);
}

/** The talk's position a frame composed ahead shows (clamped to the deck, as `remote` is). */
function positionKey(position: Position): string {
	return `${position.slide}:${position.step}:${position.blank ? 1 : 0}`;
}

/**
 * A frame composed ahead: the state it shows, the clock's second it was composed with, its
 * regions, rows, and the bytes that draw it over the current screen.
 */
type Prepared = Readonly<{state: NavState; elapsedSeconds: number; regions: Regions; rows: readonly string[]; plan: FramePlan | undefined}>;

/**
 * What a frame is composed from besides the deck, size and theme (a change of those clears
 * the prepared frames): the state, the clock's second and the badges. The search highlighter
 * and the overview's list follow from the state.
 */
function frameKey(input: ScreenInput): string {
	return `${input.elapsedSeconds}|${input.badges?.join('\u0000') ?? ''}|${JSON.stringify(input.state)}`;
}
