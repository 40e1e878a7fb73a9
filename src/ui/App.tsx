// The Ink root: keys → actions → reduce, size → layout, file changes → reload. Everything it
// draws comes from layout/screen.ts (painted by Screen); everything it decides comes from
// nav/reducer.ts.
import {useInput, useStdin} from 'ink';
import {useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState} from 'react';
import {sectionIndexOf} from '../deck/deck.js';
import {followSlideSteps} from '../deck/same-slide.js';
import type {Deck} from '../deck/types.js';
import {makeHighlighter} from '../layout/highlight.js';
import {overviewFilterSteps} from '../layout/overlays.js';
import type {Size} from '../layout/layout.js';
import {buildRegions, composeRows, type Regions, type ScreenInput} from '../layout/screen.js';
import type {Theme} from '../layout/theme.js';
import {keyToAction} from '../nav/keys.js';
import {navContextFor} from '../nav/context.js';
import {deckReloaded, reduce, type Action, type NavContext, type NavState} from '../nav/reducer.js';
import {incrementalIndex} from '../search/deck-docs.js';
import {matchingSlidesSteps} from '../search/index.js';
import {runInSlices, typingSliceMs, workSliceMs} from '../slices.js';
import {escapeBurst} from '../terminal/keys.js';
import {keyNames} from './key-name.js';
import {Screen, type Paint} from './Screen.js';

/** How long one idle slice of index building may hold the event loop. */
const sliceMs = 1;
/** How long after a key the index building stays paused. */
const busyMs = 300;

/** The keys a presenter presses most, whose frames are computed ahead while idle. */
const likelyActions: readonly Action[] = [
	{type: 'next'},
	{type: 'prev'},
	{type: 'toggleNotes'},
	{type: 'last'},
	{type: 'first'},
	{type: 'scrollDown'},
];

export type AppProps = Readonly<{
	deck: Deck;
	theme: Theme;
	initial: NavState;
	size: Size;
	/** Seconds since the talk started, read once a second for the clock. */
	elapsed: () => number;
	/** Subscribe to deck reloads (new deck or an error message); returns an unsubscribe. */
	subscribeReload?: (listener: (result: {deck: Deck} | {error: string}) => void) => () => void;
	/** Extra status-bar badges (study progress). */
	badges?: (state: NavState, deck: Deck) => readonly string[];
	/** Study `--quiz` / `--retry`: the only slides next and previous go to. */
	walk?: readonly number[];
	/** A one-line hint shown in the status bar until the first key. */
	hint?: string;
	onChange?: (state: NavState, deck: Deck) => void;
	onQuit: (state: NavState) => void;
	/** Ctrl-Z: the shell suspends the process (restoring the terminal) and redraws after `fg`. */
	onSuspend?: () => void;
	/** Draws the composed rows; the shell's frame writer, or a recorder in tests. */
	paint: Paint;
	/** Actions from outside the keyboard (a follower's talk position); returns an unsubscribe. */
	subscribeActions?: (listener: (action: Action) => void) => () => void;
	/** The screen's composition (default: the presenter's; the speaker view and followers differ). */
	compose?: (input: ScreenInput) => Regions;
}>;

export function App(props: AppProps) {
	const [deck, setDeck] = useState(props.deck);
	// The deck a reload replaces (the listener below outlives renders).
	const deckRef = useRef(props.deck);
	const [state, setState] = useState(props.initial);
	const [message, setMessage] = useState<{text: string; kind: 'error' | 'info'} | undefined>(
		props.hint ? {text: props.hint, kind: 'info'} : undefined,
	);
	const [elapsed, setElapsed] = useState(() => Math.floor(props.elapsed()));
	// When the last key came: idle work waits while someone is pressing keys.
	const lastKeyAt = useRef(0);
	// Bumped once every slide's section is known (learnt in idle slices): the status bar shows it then.
	const [sectionsReady, setSectionsReady] = useState(0);
	// The hits of a search matched in slices (a large deck) come through here (see dispatch below).
	const hitsListener = useRef<(action: Action) => void>(() => {});
	const search = useDeckSearch(
		deck,
		lastKeyAt,
		() => {
			setSectionsReady(count => count + 1);
		},
		action => {
			hitsListener.current(action);
		},
	);
	const overviewFilter = useOverviewFilter(deck, state.overlay === 'overview' ? state.overview.filter : '');
	const overviewList = overviewFilter?.list;
	const highlight = useMemo(() => {
		const query = state.overlay === 'search' || state.search.hitsFor !== '' ? state.search.query : '';
		return makeHighlighter(query);
	}, [state.overlay, state.search.query, state.search.hitsFor]);
	const compose = props.compose ?? buildRegions;
	// biome-ignore lint/correctness/useExhaustiveDependencies: the filter's list grows in place (scanned counts it); sectionsReady says the sections are known
	const regions = useMemo(
		() =>
			compose({
				deck,
				state,
				size: props.size,
				theme: props.theme,
				elapsedSeconds: elapsed,
				message,
				badges: props.badges?.(state, deck),
				highlight,
				overviewSlides: overviewList,
			}),
		[
			compose,
			deck,
			state,
			props.size,
			props.theme,
			elapsed,
			message,
			props.badges,
			highlight,
			overviewList,
			overviewFilter?.scanned,
			sectionsReady,
		],
	);
	const rows = useMemo(() => composeRows(regions), [regions]);
	// What the reducer knows of the deck and the screen, for the state it reduces: a burst of
	// keys reduces several states before the next render, so each gets the scroll limits and
	// overview list of its own layout (the rendered state's are this render's).
	const navContext = (current: NavState): NavContext => {
		// A reload not drawn yet: the new deck's count and steps, and no layout of it yet.
		if (deckRef.current !== deck) {
			return navContextFor(deckRef.current, undefined, undefined, props.walk);
		}

		// The filtered list is found in slices (useOverviewFilter): a burst that changes the filter
		// moves in the whole list until the next render has the filtered one.
		const overview =
			current === state || (current.overlay === 'overview' && current.overview.filter === state.overview.filter) ? overviewList : undefined;
		const laidOut =
			current === state
				? regions
				: compose({deck, state: current, size: props.size, theme: props.theme, elapsedSeconds: elapsed, overviewSlides: overview});
		return navContextFor(deck, laidOut, overview, props.walk);
	};

	// The latest render's navContext, for the callbacks and listeners made once (React's
	// latest-callback pattern). The reducer never reads a ref: it is handed the context built
	// for the very state it reduces, from that state's own layout (above).
	const navContextOf = useRef(navContext);
	navContextOf.current = navContext;

	const dispatch = useCallback((action: Action) => {
		setState(current => reduce(current, action, navContextOf.current(current)));
	}, []);
	hitsListener.current = dispatch;

	// The read behind the key useInput reports next: Ink's key record cannot tell `ESC ESC` (two
	// Escs in one read) from one Esc, nor `ESC q` from Meta+q (see escapeBurst). Ink emits each
	// read here, and this listener goes first.
	const {internal_eventEmitter: inputEvents} = useStdin();
	const rawInput = useRef('');
	useEffect(() => {
		const remember = (raw: string) => {
			rawInput.current = raw;
		};

		inputEvents.prependListener('input', remember);
		return () => {
			inputEvents.removeListener('input', remember);
		};
	}, [inputEvents]);

	useInput((input, key) => {
		lastKeyAt.current = performance.now();
		if (key.ctrl && input === 'z') {
			props.onSuspend?.();
			return;
		}

		const names = escapeBurst(rawInput.current) ?? keyNames(input, key);
		if (names.length === 0) {
			return;
		}

		setMessage(current => (current?.kind === 'info' ? undefined : current));
		setState(current =>
			names.reduce((state, name) => {
				const action = keyToAction(name, state);
				if (!action) {
					return state;
				}

				// Enter may come in the same burst as the query, before the live search ran: run it now.
				const pending = action.type === 'textSubmit' ? search.pendingHits(state) : undefined;
				const ready = pending ? reduce(state, pending, navContextOf.current(state)) : state;
				return reduce(ready, action, navContextOf.current(ready));
			}, current),
		);
	});

	// Opening the search bar finishes the index in the next tick, after the bar is drawn and
	// before a person can type the first letter.
	useEffect(() => {
		if (state.overlay !== 'search') {
			return;
		}

		const timer = setTimeout(() => {
			search.prepare();
		}, 0);
		return () => {
			clearTimeout(timer);
		};
	}, [state.overlay, search]);

	// Live search: recompute the matching slides whenever the query changes.
	useEffect(() => {
		const pending = search.pendingHits(state);
		if (pending) {
			dispatch(pending);
		}
	}, [state, search, dispatch]);

	useEffect(() => {
		const timer = setInterval(() => {
			setElapsed(Math.floor(props.elapsed()));
		}, 1000);
		timer.unref();
		return () => {
			clearInterval(timer);
		};
	}, [props.elapsed]);

	useEffect(() => props.subscribeActions?.(dispatch), [props.subscribeActions, dispatch]);

	// The state of the latest render, for the reload listener (made once).
	const stateRef = useRef(state);
	stateRef.current = state;
	useEffect(() => {
		let stopFollowing = () => {};
		const unsubscribe = props.subscribeReload?.(result => {
			stopFollowing();
			if ('error' in result) {
				setMessage({text: `reload failed: ${result.error}`, kind: 'error'});
				return;
			}

			// Follow the slide on screen (and the way back) to where the edit put it: found in
			// slices, as a huge deck may have to be gone through, then shown.
			const before = deckRef.current;
			const after = result.deck;
			const from = stateRef.current;
			stopFollowing = runInSlices(followSlideSteps(before, after, from), workSliceMs, found => {
				setMessage(undefined);
				deckRef.current = after;
				setDeck(after);
				setState(current => reduce(current, deckReloaded(current, from, found), navContextFor(after)));
			});
		});
		return () => {
			stopFollowing();
			unsubscribe?.();
		};
	}, [props.subscribeReload]);

	// While the presenter is idle, compute (and drop) the frames the most pressed keys would
	// show, one per tick: the keypress then finds its slide laid out and its code compiled.
	useEffect(() => {
		let timer: NodeJS.Timeout | undefined;
		const rehearse = (next: number) => {
			const action = likelyActions[next];
			if (!action) {
				return;
			}

			const after = reduce(state, action, navContextOf.current(state));
			if (after !== state) {
				compose({
					deck,
					state: after,
					size: props.size,
					theme: props.theme,
					elapsedSeconds: 0,
					highlight,
					badges: props.badges?.(after, deck),
				});
			}

			timer = setTimeout(rehearse, 0, next + 1);
		};

		// With the search bar, help or overview open, keys type or move in a list instead.
		if (state.overlay === 'none') {
			timer = setTimeout(rehearse, 0, 0);
		}

		return () => {
			clearTimeout(timer);
		};
	}, [compose, deck, state, props.size, props.theme, highlight, props.badges]);

	// In the commit that paints the state, not after it: a signal or a closed terminal can end
	// the process between the paint and a passive effect, and the exit handler saves what the
	// shell was told (a bookmark on screen is a bookmark saved).
	useLayoutEffect(() => {
		props.onChange?.(state, deck);
		if (state.quit) {
			props.onQuit(state);
		}
	}, [state, deck, props.onChange, props.onQuit]);

	return <Screen rows={rows} paint={props.paint} />;
}

/**
 * The deck's search index, built in idle slices; the slices first learn every slide's section,
 * which the index needs and the status bar shows. Opening the search bar hurries the slices
 * (no pause for keys, slices of typingSliceMs back to back) but never finishes the index at once: on a deck of
 * hundreds of thousands of slides that took seconds, deaf to `q`. The hits wait for the index.
 */
function useDeckSearch(deck: Deck, lastKeyAt: {readonly current: number}, onSectionsKnown: () => void, onHits: (action: Action) => void) {
	const builder = useMemo(() => incrementalIndex(deck), [deck]);
	const onHitsRef = useRef(onHits);
	onHitsRef.current = onHits;
	// The query being matched in slices, and what stops it (a new query, a new deck, the end).
	const matching = useRef<{query: string; builder: typeof builder; stop: () => void} | undefined>(undefined);
	// biome-ignore lint/correctness/useExhaustiveDependencies: a new deck's index stops the matching of the old one's
	useEffect(
		() => () => {
			matching.current?.stop();
			matching.current = undefined;
		},
		[builder],
	);
	const sectionsKnownRef = useRef(onSectionsKnown);
	sectionsKnownRef.current = onSectionsKnown;
	// The deck whose index is complete: a render then runs the search the bar waits for.
	const [indexed, setIndexed] = useState<Deck>();
	const hurry = useRef(() => {});
	useEffect(() => {
		let timer: NodeJS.Timeout | undefined;
		let immediate: NodeJS.Immediate | undefined;
		let sectionsKnown = 0;
		let urgent = false;
		// Slices of about a millisecond, each queued behind input (setImmediate runs after the
		// poll for I/O), and none while keys are coming: first which section every slide is in
		// (so `G` on a huge deck finds it known), then the search documents.
		const slice = () => {
			const sinceKey = performance.now() - lastKeyAt.current;
			if (!urgent && sinceKey < busyMs) {
				timer = setTimeout(slice, busyMs - sinceKey);
				return;
			}

			const end = performance.now() + (urgent ? typingSliceMs : sliceMs);
			let done = false;
			while (!done && performance.now() < end) {
				if (sectionsKnown < deck.count) {
					sectionsKnown = Math.min(deck.count, sectionsKnown + 8);
					sectionIndexOf(deck, sectionsKnown - 1);
					if (sectionsKnown === deck.count) {
						sectionsKnownRef.current();
					}
				} else {
					done = builder.advance(1);
				}
			}

			if (done) {
				setIndexed(deck);
			} else {
				immediate = setImmediate(slice);
			}
		};

		hurry.current = () => {
			urgent = true;
			clearTimeout(timer);
			clearImmediate(immediate);
			immediate = setImmediate(slice);
		};
		// After the start-up work (Ink's first render, the rehearsed frames).
		timer = setTimeout(slice, 100);
		return () => {
			clearTimeout(timer);
			clearImmediate(immediate);
		};
	}, [deck, builder, lastKeyAt]);
	const ready = indexed === deck;
	return useMemo(
		() => ({
			prepare(): void {
				hurry.current();
			},
			/**
			 * The hits the search waits for (its query changed since the last search), once the
			 * index is complete: while the bar is open, or after Enter came before the index was.
			 */
			pendingHits(state: NavState): Action | undefined {
				const {query, hitsFor} = state.search;
				if (query === hitsFor) {
					return undefined;
				}

				if (query.trim() === '') {
					return state.overlay === 'search' ? {type: 'searchHits', query, hits: []} : undefined;
				}

				if (!ready || (matching.current?.query === query && matching.current.builder === builder)) {
					return undefined;
				}

				// Matched in slices (hundreds of thousands of slides took up to half a second at once):
				// the hits are returned when the first slice finds them all, else handed on when found.
				matching.current?.stop();
				let found: Action | undefined;
				let now = true;
				const job = {query, builder, stop: () => {}};
				matching.current = job;
				job.stop = runInSlices(matchingSlidesSteps(builder.slides(), query), typingSliceMs, hits => {
					if (matching.current === job) matching.current = undefined;
					const action: Action = {type: 'searchHits', query, hits};
					if (now) found = action;
					else onHitsRef.current(action);
				});
				now = false;
				return found;
			},
		}),
		[builder, ready],
	);
}

/**
 * The slides whose title holds the overview's filter, found in slices (each title is read from
 * its slide: seconds on a deck of hundreds of thousands of slides), so keys are answered
 * meanwhile; the list grows in place and `scanned` says how far it got. Undefined without a filter.
 */
function useOverviewFilter(deck: Deck, filter: string): {list: number[]; scanned: number} | undefined {
	const [found, setFound] = useState<{deck: Deck; filter: string; list: number[]; scanned: number}>();
	useEffect(() => {
		if (filter.trim() === '') {
			return;
		}

		const list: number[] = [];
		let scanned = 0;
		const steps = overviewFilterSteps(deck, filter, list);
		const counted = {
			next: () => {
				const step = steps.next();
				if (!step.done) scanned = step.value;
				return step;
			},
		};
		const show = () => {
			setFound({deck, filter, list, scanned});
		};
		return runInSlices(
			counted,
			workSliceMs,
			() => {
				scanned = deck.count;
				show();
			},
			show,
		);
	}, [deck, filter]);
	if (filter.trim() === '') {
		return undefined;
	}

	return found?.deck === deck && found.filter === filter ? found : {list: [], scanned: 0};
}
