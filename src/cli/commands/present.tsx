// `lectern [present] [deck]` and `lectern study [deck]`: the full-screen presenter. The first
// frame is drawn straight from the pure layout while Ink and React load; from then on the
// Ink app's Screen paints each frame from the same layout, as line differences.
import {EventEmitter} from 'node:events';
import {onExit} from 'signal-exit';
import {appendFileSync} from 'node:fs';
import {hasHighlightableCode} from '../../deck/element-walk.js';
import {parseSlide} from '../../deck/parse.js';
import {nextTurn} from '../../slices.js';
import type {QuizAnswer} from '../../deck/quiz.js';
import {slideHead} from '../../deck/deck.js';
import type {Deck} from '../../deck/types.js';
import type {Size} from '../../layout/layout.js';
import {buildRegions, composeRows, loadingRows, notesShownAtStart} from '../../layout/screen.js';
import {createTheme, type Theme} from '../../layout/theme.js';
import {navContextFor} from '../../nav/context.js';
import {earlySearchKey, keysAhead} from '../../nav/early-keys.js';
import type {KeyName} from '../../nav/keys.js';
import {initialState, type NavState, type View} from '../../nav/reducer.js';
import {FrameWriter} from '../../terminal/frame-writer.js';
import {loadInk} from '../../ui/load-ink.js';
import {enterSession, type Session} from '../../terminal/session.js';
import {watchForQuit} from '../../terminal/keys.js';
import {sanitizeLine} from '../../deck/sanitize.js';
import {basename} from 'node:path';
import {terminalSize, watchResize} from '../../terminal/resize.js';
import {installSuspend, type Suspender} from '../../terminal/suspend.js';
import {LecternError, describeError, exitCodes} from '../errors.js';
import {loadHighlighter} from '../highlighter.js';
import {fileStamp, loadDeckInSlices, loadDeckStart} from '../load.js';
import {bundledDeck, parseLocation} from '../paths.js';
import {streamTheme} from '../terminal-env.js';
import {TalkClock} from '../clock.js';
import type {Study} from '../study.js';

export type PresentArgs = Readonly<{
	deck?: string;
	slide?: number;
	notes: boolean;
	watch: boolean;
	ascii: boolean;
	maxSize: number;
	view: View;
	restart?: boolean;
	/** Study only the slides with questions (`--quiz`), or only those with a missed one (`--retry`). */
	quiz?: boolean;
	retry?: boolean;
	/** Publish the talk under this name ('' for the deck's name): followers can join. */
	share?: string;
	/** Open the shared talk to this Unix group. */
	group?: string;
	shareNotes?: boolean;
	/** The speaker view: slide, next slide, notes and clock (always shares). */
	speaker?: boolean;
}>;

/**
 * Ink's stdout. Ink hosts the app but paints nothing itself (the tree renders no Ink
 * elements; Screen paints through the FrameWriter), so what Ink writes here is dropped.
 */
export class InkStdout extends EventEmitter {
	columns: number;
	rows: number;
	readonly isTTY = true;
	constructor(size: Size) {
		super();
		this.columns = size.width;
		this.rows = size.height;
	}

	write(): boolean {
		return true;
	}
}

/**
 * One full garbage collection in the start-up turn that has the whole deck read and its frame
 * next (before keys are answered by Ink): V8 runs none by itself in a session (bin/lectern.js,
 * --expose-gc), so what start-up left in the old generation (the first frame's parse and the
 * deck's head, the whole deck's read, Ink's evaluation) stayed under the heap the search index and
 * the keys' frames grew. 1,000-slide deck, pty, 2 runs each alternated (load 6-9): peak RSS of the
 * next/prev session 57,144-57,192 -> 56,448-56,472 KiB, G/g 56,600-56,884 -> 56,184-56,300, the
 * searching one 57,988-58,036 -> 57,276-57,312; one stretch of 15-25 ms CPU (loaded machine). In
 * the App's first idle slice instead, the collection met the first key (next/last up to 150-280 ms).
 * `gc` is read when called: Node without the flag (the tests, `node dist/lectern.js`) has none.
 */
function collectStartupGarbage(): void {
	(globalThis as {gc?: () => void}).gc?.();
}

/** The terminal as the presenter holds it, taken before the first frame (or the loading frame). */
type PresenterScreen = Readonly<{session: Session; writer: FrameWriter; suspender: Suspender; releaseKeys: () => void}>;

/** LECTERN_TRACE=file: start-up and render timings and memory, for profiling (see docs/architecture.md). */
function trace(message: string): void {
	if (process.env['LECTERN_TRACE']) {
		const {rss, heapUsed, external} = process.memoryUsage();
		const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
		// CPU time as well as wall time: on a busy machine it is the steadier of the two.
		const {user, system} = process.cpuUsage();
		appendFileSync(
			process.env['LECTERN_TRACE'],
			`${message} at ${performance.now().toFixed(1)} ms, cpu ${((user + system) / 1000).toFixed(1)} ms (rss ${mib(rss)} MiB, heap ${mib(heapUsed)}, external ${mib(external)})\n`,
		);
	}
}

/**
 * The slides `--quiz` walks through (those with questions), or `--retry` (those with a missed
 * one, whose missed answers are left out so they can be answered again; the stored ones stay
 * until a new answer replaces them).
 */
function quizWalk(
	deck: Deck,
	answers: Readonly<Record<string, QuizAnswer>> | undefined,
	retry: boolean,
): {slides: number[]; answers: Readonly<Record<string, QuizAnswer>> | undefined} {
	const missed = Object.entries(answers ?? {})
		.filter(([, answer]) => !answer.right)
		.map(([key]) => key);
	const slides = retry
		? [...new Set(missed.map(key => Number(key.split(':')[0])))].filter(index => index < deck.count).sort((a, b) => a - b)
		: Array.from({length: deck.count}, (_, index) => index).filter(index => slideHead(deck, index).quizzes > 0);
	if (slides.length === 0) {
		throw new LecternError(retry ? 'no missed questions to retry in this deck' : 'this deck has no self-check questions (quiz blocks)', {
			file: deck.file,
			code: exitCodes.usage,
		});
	}

	const kept = retry ? Object.fromEntries(Object.entries(answers ?? {}).filter(([key]) => !missed.includes(key))) : answers;
	return {slides, answers: kept};
}

export async function runPresent(args: PresentArgs): Promise<number> {
	if (process.env['TERM'] === 'dumb') {
		throw new LecternError('TERM=dumb cannot show a full-screen presenter; run: lectern print <deck>', {code: exitCodes.usage});
	}

	const location = parseLocation(args.deck ?? bundledDeck());
	const file = location.file;
	trace('present start');
	const maxBytes = args.maxSize * 1024 * 1024;
	const requested = args.slide ?? location.slide;
	// A large deck's first frame is drawn from its first slides while the rest is read, when it
	// starts among them. The stamp is the file's as read: a save while starting (before the
	// watcher runs) is not missed.
	let start: ReturnType<typeof loadDeckStart> | undefined = loadDeckStart(file, maxBytes, args.view === 'present');
	const loadedStamp = start.stamp;
	// The deck first: a wrong path is the more useful thing to hear about.
	if (!process.stdin.isTTY || !process.stdout.isTTY) {
		throw new LecternError(
			'presenting needs a terminal on standard input and output; to write the deck as text, run: lectern print <deck>',
			{code: exitCodes.usage},
		);
	}

	let finish: (code: number) => void = () => {};
	let fail: (error: Error) => void = () => {};
	const finished = new Promise<number>((resolve, reject) => {
		finish = resolve;
		fail = reject;
	});
	// What is on the screen, to draw again whole after a suspend.
	let lastRows: readonly string[] = [];
	let closing = false;
	// Set by `q` or Ctrl-C before Ink reads the keyboard: each step of the start-up stops there.
	let quitting = false;
	let study: Study | undefined;
	let screen: PresenterScreen | undefined;
	// Once the first frame is drawn, the search bar's keys are answered before Ink is up (see
	// nav/early-keys.ts); the state they make is the App's first. The other keys read before Ink
	// is up are followed from that state (`quitsAhead`), for whether they quit.
	let takeEarlyKey: ((bytes: Buffer) => boolean) | undefined;
	let quitsAhead: ((key: KeyName) => boolean) | undefined;
	let tookKeys = false;
	const takeScreen = (): PresenterScreen => {
		const session = enterSession(process.stdin, process.stdout, () => {
			finish(exitCodes.internal);
		});
		const writer = new FrameWriter(session.write);
		const redraw = () => {
			if (!session.isDead() && !closing) {
				writer.invalidate();
				writer.draw(lastRows);
			}
		};

		// Ctrl-Z and SIGTSTP: save, give the terminal back, stop; redraw once continued.
		const suspender = installSuspend(session, redraw, () => study?.flush());
		// Until Ink reads the keyboard (released just before it does), `q` and Ctrl-C quit from here:
		// before the first frame any of them; after it, those the App will take as quitting (a `q`
		// typed into the search bar or closing the overview is none, as Ink will read it).
		const releaseKeys = watchForQuit(
			process.stdin,
			key => {
				if (!(quitsAhead ? quitsAhead(key) : key === 'q' || key === 'ctrl+c')) return;
				quitting = true;
				finish(exitCodes.ok);
			},
			() => {
				suspender.suspend();
			},
			bytes => takeEarlyKey?.(bytes) ?? false,
		);
		return {session, writer, suspender, releaseKeys};
	};

	// Leaving before Ink is up (q while starting), as the session's end below does: the
	// terminal restored, the state's warning said, and what was shown (the first frame) saved.
	const leaveEarly = (taken: PresenterScreen, shown?: {state: NavState; deck: Deck}) => {
		closing = true;
		taken.releaseKeys();
		taken.suspender.dispose();
		taken.session.restore();
		if (study?.warning) process.stderr.write(`${study.warning}\n`);
		if (shown) study?.save(shown.state, shown.deck);
		else study?.flush();
		return exitCodes.ok;
	};

	// A step of the start-up after the screen is taken: a failure restores the terminal first, so
	// main's one line lands where it can be read.
	const restoring = async <T,>(step: () => T | Promise<T>): Promise<T> => {
		try {
			return await step();
		} catch (error) {
			screen?.session.restore();
			throw error;
		}
	};

	let deck: Deck;
	if (start.deck && !(start.deck.partial && (requested ?? 1) > start.deck.count)) {
		deck = start.deck;
	} else {
		// A deck too large to read at once whose start cannot give the first frame (studying,
		// which resumes anywhere; a slide asked for past the start; no separator early on): the
		// screen first, saying what is read, then the deck in slices, answering q meanwhile.
		screen = takeScreen();
		const loadingTheme = streamTheme(process.stdout, process.env, args.ascii, undefined);
		lastRows = loadingRows(
			`reading ${sanitizeLine(basename(file))} ${loadingTheme.ascii ? '...' : '\u2026'}`,
			terminalSize(),
			loadingTheme,
		);
		screen.writer.draw(lastRows);
		trace('loading frame drawn');
		const loaded = await restoring(async () => loadDeckInSlices(file, maxBytes, () => quitting));
		if (!loaded) {
			return leaveEarly(screen);
		}

		deck = loaded;
	}

	// This function's locals live as long as the session: holding `start` kept a large deck's
	// head (its first 64 KiB of text, its first slide's parse and layout) once the whole deck
	// replaced it.
	start = undefined;

	trace(`deck loaded${deck.partial ? ' (its start)' : ''}`);
	let theme = streamTheme(process.stdout, process.env, args.ascii, deck.meta.theme);
	let size = terminalSize();
	const firstSlide = (index: number) => Math.min(Math.max(0, index), deck.count - 1);
	const openStudy = async () =>
		(await import('../study.js')).openStudy(deck, {
			view: args.view,
			restart: Boolean(args.restart),
			requested: requested === undefined ? undefined : firstSlide(requested - 1),
		});
	// One state per deck serves both views. Studying needs the saved place before the first
	// frame; presenting needs only the bookmarks, read once the whole deck is (the store and
	// node:crypto load after the first frame).
	study = args.view === 'study' ? await restoring(openStudy) : undefined;
	// Whatever way the process ends (q, a signal, the terminal gone, an error), what the student
	// did is saved: the debounced save is flushed synchronously in the exit handler.
	onExit(() => {
		study?.flush();
	});
	const walk = args.quiz || args.retry ? await restoring(() => quizWalk(deck, study?.answers, Boolean(args.retry))) : undefined;
	const resume = requested === undefined ? (study?.resumeSlide ?? 0) : requested - 1;
	const slide = walk ? (walk.slides.includes(resume) ? resume : (walk.slides[0] ?? resume)) : resume;
	let initial = initialState({
		slide: firstSlide(slide),
		notesVisible: notesShownAtStart(size, args.notes),
		studyNotes: args.notes,
		view: args.view,
		bookmarks: study?.bookmarks ?? [],
		answers: walk?.answers ?? study?.answers,
	});
	const clock = new TalkClock();
	const elapsed = () => clock.elapsed();
	// Sharing and the speaker view are loaded only when asked for: the plain presenter's
	// start-up and keys carry none of it. The talk starts before the screen, so a taken
	// name is one line on a normal terminal.
	const leader =
		args.share !== undefined || args.speaker
			? await restoring(async () =>
					(await import('../../hall/leader.js')).startLeader({
						name: await talkName(args, file),
						group: args.group,
						shareNotes: Boolean(args.shareNotes),
						deck,
						state: initial,
						clock,
					}),
				)
			: undefined;
	const compose = args.speaker ? (await import('../../layout/speaker.js')).buildSpeakerRegions : buildRegions;
	const badgesOf = (state: NavState, current: Deck) => [...(leader ? [leader.badge()] : []), ...(study?.badges(state, current) ?? [])];
	// The study state may open after the first frame (presenting keeps bookmarks too): ask it each time.
	let badges = badgesOf;
	let highlighterRequested = false;
	if (quitting && screen) {
		leader?.close();
		return leaveEarly(screen, {state: initial, deck});
	}

	// The first slide's parse, then (a turn of the event loop later) its layout and the screen: in
	// one stretch with the start's scan and the modules' compiling they held signals up to 100-135
	// ms on a capped slide of 1,000 list items or continuation lines (bench/stalls.mjs, loaded).
	await nextTurn();
	parseSlide(deck, initial.slide);
	await nextTurn();
	screen ??= takeScreen();
	const {session, writer, suspender} = screen;
	const drawFirstFrame = () => {
		try {
			lastRows = composeRows(
				compose({
					deck,
					state: initial,
					size,
					theme,
					elapsedSeconds: 0,
					message: study?.hint && !walk && !tookKeys ? {text: study.hint, kind: 'info'} : undefined,
					badges: badges(initial, deck),
				}),
			);
			writer.draw(lastRows);
		} catch (error) {
			// Leave the alternate screen first: main's one line must land where it can be read.
			session.restore();
			throw error;
		}
	};

	trace('before first frame');
	drawFirstFrame();
	trace('first frame drawn');
	takeEarlyKey = bytes => {
		const next = closing ? undefined : earlySearchKey(bytes, initial, navContextFor(deck, undefined, undefined, walk?.slides));
		if (!next) return false;
		initial = next;
		tookKeys = true;
		drawFirstFrame();
		return true;
	};
	// The first key not taken above ends the taking: `initial` is then the state Ink starts from.
	quitsAhead = keysAhead(
		() => initial,
		() => navContextFor(deck, undefined, undefined, walk?.slides),
	);
	// Ink loads while the rest of a large deck is read: a turn after the first frame, and the
	// deck's first slice a turn after Ink's modules, the study store's after both, Ink's first
	// render after that. In the snapshot a dynamic import evaluates its modules at once (in a
	// microtask), and these in one stretch with the frame came to 104 ms (111 CPU) on the 10 MiB
	// `#` deck (bench/stalls.mjs, a garbage collection of ~30 ms among them).
	// A `q` read in any of those turns leaves at once (the terminal back within a turn), not after
	// Ink's modules and the study store.
	const quitNow = () => {
		if (!quitting) return undefined;
		leader?.close();
		return leaveEarly(screen, {state: initial, deck});
	};
	await nextTurn();
	const quitBeforeInk = quitNow();
	if (quitBeforeInk !== undefined) return quitBeforeInk;
	const inkLoaded = loadInk();
	// Awaited below; a failure before then must not count as unhandled.
	inkLoaded.catch(() => {});
	await nextTurn();
	if (deck.partial) {
		// In slices: a key or a signal that comes meanwhile is answered.
		const whole = await restoring(async () => loadDeckInSlices(file, maxBytes, () => quitting));
		if (!whole) {
			leader?.close();
			return leaveEarly(screen, {state: initial, deck});
		}

		deck = whole;
		// The status bar learns the deck's length (the slide parsed a turn before its layout, as above).
		await nextTurn();
		parseSlide(deck, initial.slide);
		await nextTurn();
		collectStartupGarbage();
		drawFirstFrame();
		trace('whole deck loaded');
	}

	if (!study) {
		await nextTurn();
		const quitBeforeStudy = quitNow();
		if (quitBeforeStudy !== undefined) return quitBeforeStudy;
		study = await restoring(openStudy);
		initial = {...initial, bookmarks: study.bookmarks};
		// `t` studies: the progress badge must be there.
		badges ??= badgesOf;
	}

	const [{render}, {App}] = await restoring(async () => inkLoaded);
	await nextTurn();
	const quitBeforeRender = quitNow();
	if (quitBeforeRender !== undefined) return quitBeforeRender;

	// A resize while Ink loaded came before anyone listened for it: look again.
	const loadedSize = terminalSize();
	if (loadedSize.width !== size.width || loadedSize.height !== size.height) {
		size = loadedSize;
		writer.invalidate();
	}

	const sink = new InkStdout(size);
	const paint = (rows: readonly string[]) => {
		if (!session.isDead() && !closing) {
			lastRows = rows;
			const written = writer.draw(rows);
			trace(`frame, ${written} chars`);
		}
	};
	let latest: {state: NavState; deck: Deck} = {state: initial, deck};
	const reloadListeners = new Set<(result: {deck: Deck} | {error: string}) => void>();
	const onChange = (state: NavState, current: Deck) => {
		latest = {state, deck: current};
		clock.setPaused(Boolean(state.clockPaused));
		leader?.update(state, current);
		study?.update(state, current);
		maybeLoadHighlighter(state, current);
	};

	const app = () => (
		<App
			deck={deck}
			theme={theme}
			initial={initial}
			size={size}
			elapsed={elapsed}
			hint={walk || tookKeys ? undefined : study?.hint}
			badges={badges}
			walk={walk?.slides}
			compose={compose}
			subscribeReload={listener => {
				reloadListeners.add(listener);
				return () => reloadListeners.delete(listener);
			}}
			onChange={onChange}
			onQuit={() => {
				finish(exitCodes.ok);
			}}
			onSuspend={suspender.suspend}
			paint={paint}
		/>
	);

	// From here Ink reads the keyboard, the keys typed while starting first.
	screen.releaseKeys();
	const instance = render(app(), {
		stdout: sink as unknown as NodeJS.WriteStream,
		stdin: process.stdin,
		debug: true,
		exitOnCtrlC: false,
		patchConsole: false,
		onRender: ({renderTime}) => {
			trace(`ink render ${renderTime.toFixed(2)} ms`);
		},
	});

	// A render error ends the session: the terminal is restored, then main prints one line.
	instance.waitUntilExit().catch((error: unknown) => {
		fail(error instanceof Error ? error : new Error(String(error)));
	});

	function maybeLoadHighlighter(state: NavState, current: Deck) {
		if (highlighterRequested || theme.level === 0) {
			return;
		}

		if (hasHighlightableCode(parseSlide(current, state.slide))) {
			highlighterRequested = true;
			void loadHighlighter().then(
				highlighter => {
					theme = createTheme({level: theme.level, attributes: true, ascii: theme.ascii, highlighter, background: theme.background});
					// After quitting, a rerender would mount a fresh App (and report its first state).
					if (!closing) instance.rerender(app());
				},
				() => {},
			);
		}
	}

	maybeLoadHighlighter(initial, deck);

	const resize = watchResize(process.stdout, () => {
		if (closing) {
			return;
		}

		size = terminalSize();
		sink.columns = size.width;
		sink.rows = size.height;
		writer.invalidate();
		instance.rerender(app());
	});
	suspender.setAfterResume(resize.now);
	// A reload that changes the front matter's `theme:` recolours the talk (the highlighter stays).
	let themeName = deck.meta.theme;
	reloadListeners.add(result => {
		if (!('deck' in result) || result.deck.meta.theme === themeName) return;
		themeName = result.deck.meta.theme;
		const fresh = streamTheme(process.stdout, process.env, args.ascii, themeName);
		const {highlighter} = theme;
		theme = highlighter
			? createTheme({level: fresh.level, attributes: true, ascii: fresh.ascii, highlighter, background: fresh.background})
			: fresh;
		if (!closing) instance.rerender(app());
	});
	// A follower joined or left: the status bar's count changes.
	leader?.talk.onFollowers(() => {
		badges = (state, current) => badgesOf(state, current);
		if (!closing) {
			instance.rerender(app());
		}
	});
	const stopWatching = args.watch
		? await startWatching(file, args.maxSize, reloadListeners, () => fileStamp(file) !== loadedStamp)
		: () => {};
	try {
		return await finished;
	} finally {
		closing = true;
		resize.dispose();
		suspender.dispose();
		stopWatching();
		instance.unmount();
		session.restore();
		// Said after the screen is restored, where it can be read (the status bar said it too).
		if (study?.warning) process.stderr.write(`${study.warning}\n`);
		study?.save(latest.state, latest.deck);
		leader?.close();
	}
}

async function talkName(args: PresentArgs, file: string): Promise<string> {
	const {checkTalkName, talkNameFor} = await import('../../hall/places.js');
	return args.share ? checkTalkName(args.share) : talkNameFor(file);
}

async function startWatching(
	file: string,
	maxSize: number,
	listeners: ReadonlySet<(result: {deck: Deck} | {error: string}) => void>,
	changedSinceLoad: () => boolean,
): Promise<() => void> {
	const {watchFile} = await import('../../watch.js');
	// Reloads are read in slices (keys and signals are answered meanwhile); a later save wins
	// over a reload still being read.
	let latest = 0;
	return watchFile(
		file,
		async () => {
			const reload = ++latest;
			let result: {deck: Deck} | {error: string};
			try {
				const reloaded = await loadDeckInSlices(file, maxSize * 1024 * 1024);
				if (!reloaded) return;
				result = {deck: reloaded};
			} catch (error) {
				// Named as on stderr: the file (and line) first, so the message says which file failed.
				result = {error: error instanceof LecternError ? describeError(error) : String(error)};
			}

			if (reload !== latest) {
				return;
			}

			for (const listener of listeners) {
				listener(result);
			}
		},
		undefined,
		changedSinceLoad,
	);
}

export type {Theme};
