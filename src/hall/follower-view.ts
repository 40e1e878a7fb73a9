import {findSameSlide} from '../deck/same-slide.js';
import type {Deck} from '../deck/types.js';
import {makeHighlighter} from '../layout/highlight.js';
import type {Size} from '../layout/layout.js';
import {overviewSlides} from '../layout/overlays.js';
import {composeRows, type Regions, type ScreenInput} from '../layout/screen.js';
import type {Theme} from '../layout/theme.js';
import {keyToAction, type KeyName} from '../nav/keys.js';
import {navContextFor} from '../nav/context.js';
import {reduce, type Action, type NavContext, type NavState} from '../nav/reducer.js';
import {incrementalIndex} from '../search/deck-docs.js';
import {matchingSlides} from '../search/index.js';
import type {FramePlan} from '../terminal/frame-writer.js';

/** How long after a change the frames ahead are composed (a speaker's presses are seconds apart). */
const rehearseAfterMs = 250;

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
	/** After each change of state or deck (the command loads the highlighter when code shows). */
	onChange?: (state: NavState, deck: Deck) => void;
	onQuit: () => void;
}>;

export class FollowerView {
	private deck: Deck;
	private state: NavState;
	private size: Size;
	private theme: Theme;
	private regions: Regions | undefined;
	private searchIndex: ReturnType<typeof incrementalIndex> | undefined;
	private rehearsal: NodeJS.Timeout | undefined;
	/** Frames composed ahead, by what they were composed from (see frameKey). */
	private prepared = new Map<string, Prepared>();
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
		this.prepared.clear();
		this.regions = ready?.regions ?? this.options.compose(input);
		this.options.paint(ready?.rows ?? composeRows(this.regions), ready?.plan);
		this.rehearse();
	}

	/** A position from the talk, or any other action. */
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

	/** The talk's deck changed (the lecturer's edit): stay on the same slide where it went. */
	setDeck(after: Deck): void {
		const before = this.deck;
		this.deck = after;
		this.searchIndex = undefined;
		this.prepared.clear();
		const {state} = this;
		const context = this.context();
		this.commit(
			reduce(
				state,
				{
					type: 'deckReloaded',
					slide: findSameSlide(before, after, state.slide),
					jumpedFrom: state.jumpedFrom && findSameSlide(before, after, state.jumpedFrom.slide),
				},
				context,
			),
			true,
		);
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
			overviewSlides:
				state.overlay === 'overview' && state.overview.filter !== '' ? overviewSlides(this.deck, state.overview.filter) : undefined,
		};
	}

	/** The same context as the presenter's (nav/context.ts). */
	private context(): NavContext {
		const {deck, regions, state} = this;
		const filtered = state.overlay === 'overview' && state.overview.filter !== '' ? overviewSlides(deck, state.overview.filter) : undefined;
		return navContextFor(deck, regions, filtered);
	}

	/** The hits the open search bar waits for (its query changed since the last search), if any. */
	private pendingHits(state: NavState): Action | undefined {
		const {query, hitsFor} = state.search;
		if (state.overlay !== 'search' || query === hitsFor) {
			return undefined;
		}

		this.searchIndex ??= incrementalIndex(this.deck);
		const hits = query.trim() === '' ? [] : matchingSlides(this.searchIndex.slides(), query);
		return {type: 'searchHits', query, hits};
	}

	/**
	 * While the talk rests, compose the frames of where it most likely goes next (the next
	 * step, the next slide, one step back), one per tick, with the bytes that would draw each
	 * over the screen as it is: a position then only writes what is ready. It starts a moment
	 * after the last change: every follower on the machine gets the same position at once,
	 * and their work ahead must not delay the others' drawing it.
	 */
	private rehearse(): void {
		clearTimeout(this.rehearsal);
		const {state} = this;
		const follow = state.follow;
		if (!follow?.attached || state.overlay !== 'none') {
			return;
		}

		const remote = (slide: number, step: number): Action => ({type: 'remote', slide, step, blank: false});
		const ahead: Action[] = [
			remote(follow.slide, follow.step + 1),
			remote(follow.slide + 1, 0),
			// Back: the step before, or the last step of the slide before (a step past the end is clamped).
			follow.step > 0 ? remote(follow.slide, follow.step - 1) : remote(follow.slide - 1, Number.MAX_SAFE_INTEGER),
		];
		const next = (index: number) => {
			const action = ahead[index];
			if (!action || this.state !== state) {
				return;
			}

			const after = reduce(state, action, this.context());
			if (after !== state) {
				const input = this.screenInput(after);
				const regions = this.options.compose(input);
				const rows = composeRows(regions);
				this.prepared.set(frameKey(input), {regions, rows, plan: this.options.plan?.(rows)});
			}

			this.rehearsal = setTimeout(next, 0, index + 1);
		};

		this.rehearsal = setTimeout(next, rehearseAfterMs, 0);
	}
}

/** A frame composed ahead: its regions, rows, and the bytes that draw it over the current screen. */
type Prepared = Readonly<{regions: Regions; rows: readonly string[]; plan: FramePlan | undefined}>;

/**
 * What a frame is composed from besides the deck, size and theme (a change of those clears
 * the prepared frames): the state, the clock's second and the badges. The search highlighter
 * and the overview's list follow from the state.
 */
function frameKey(input: ScreenInput): string {
	return `${input.elapsedSeconds}|${input.badges?.join('\u0000') ?? ''}|${JSON.stringify(input.state)}`;
}
