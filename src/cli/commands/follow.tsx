// `lectern follow [NAME | SOCKET]` and `lectern follow --ssh HOST [NAME]`: the audience's view
// of a talk. It is the presenter's App driven by the talk's positions (nav/hall.ts): the slide
// only, laid out locally at this terminal's size. `d` detaches to browse, `f` rejoins.
import {render} from 'ink';
import {parseSlide} from '../../deck/parse.js';
import type {Deck} from '../../deck/types.js';
import {createTheme} from '../../layout/theme.js';
import {limitsFor, type TalkPosition} from '../../hall/protocol.js';
import {openTalk, type Connection, type TalkSource} from '../../hall/client.js';
import {checkTalkName} from '../../hall/places.js';
import {buildRegions, composeRows, type ScreenInput} from '../../layout/screen.js';
import {followState} from '../../nav/hall.js';
import {initialState, type Action, type NavState} from '../../nav/reducer.js';
import {FrameWriter} from '../../terminal/frame-writer.js';
import {enterSession} from '../../terminal/session.js';
import {watchResize} from '../../terminal/resize.js';
import {installSuspend} from '../../terminal/suspend.js';
import {App} from '../../ui/App.js';
import {LecternError, exitCodes} from '../errors.js';
import {streamTheme} from '../terminal-env.js';
import {InkStdout, terminalSize} from './present.js';
import {findTalk} from './talks.js';

export type FollowArgs = Readonly<{talk?: string; ssh?: string; clock: boolean; ascii: boolean; maxSize: number}>;

/** The talk's state as last heard: what a (re)connection delivers before the screen opens. */
type Heard = {deck: Deck; position: TalkPosition; heardAt: number};

/** How long to wait for a talk's deck before giving up. */
const answerMs = 15_000;
const retryMs = 500;

export async function runFollow(args: FollowArgs): Promise<number> {
	if (process.env['TERM'] === 'dumb') {
		throw new LecternError('TERM=dumb cannot show a full-screen follower', {code: exitCodes.usage});
	}

	const source = await resolveSource(args);
	if (!process.stdin.isTTY || !process.stdout.isTTY) {
		throw new LecternError('following needs a terminal on standard input and output', {code: exitCodes.usage});
	}

	const limits = limitsFor(args.maxSize * 1024 * 1024);
	let relayErrors = '';
	const connectionFailed = (reason: string) =>
		new LecternError(
			`${source.name}: ${
				relayErrors
					.trim()
					.split('\n')
					.at(-1)
					?.replace(/^lectern: /, '') || reason
			}`,
			{code: exitCodes.usage},
		);

	// Listeners the App subscribes to; the connection feeds them.
	const deckListeners = new Set<(result: {deck: Deck} | {error: string}) => void>();
	const actionListeners = new Set<(action: Action) => void>();
	let heard: Heard | undefined;
	let connection: Connection | undefined;
	let status: 'live' | 'reconnecting' = 'live';
	let finish: (code: number, line?: string) => void = () => {};
	let statusChanged = () => {};

	/** Connect; resolves when the talk's deck and position have arrived (or the attempt failed). */
	const connect = () =>
		new Promise<void>((resolve, reject) => {
			let ready = false;
			const timer = setTimeout(() => {
				connection?.close();
				reject(connectionFailed('the talk did not answer'));
			}, answerMs);
			connection = openTalk(
				source,
				limits,
				{
					deck(shared) {
						// The pace is the speaker's to watch; it is planned from the notes too, which a
						// follower may not have, so a follower's clock (--clock) shows the time only.
						const deck: Deck = {...shared, meta: {...shared.meta, duration: undefined}};
						heard = {
							deck,
							position: heard?.position ?? {slide: 0, step: 0, blank: false, clock: {elapsed: 0, paused: true}},
							heardAt: performance.now(),
						};
						for (const listener of deckListeners) {
							listener({deck});
						}
					},
					position(position) {
						heard = {deck: heard!.deck, position, heardAt: performance.now()};
						for (const listener of actionListeners) {
							listener({type: 'remote', slide: position.slide, step: position.step, blank: position.blank});
						}

						if (!ready) {
							ready = true;
							clearTimeout(timer);
							resolve();
						}
					},
					ended() {
						clearTimeout(timer);
						if (ready) {
							finish(exitCodes.ok, 'the talk has ended\n');
						} else {
							reject(connectionFailed('the talk has ended'));
						}
					},
					problem(message) {
						clearTimeout(timer);
						const error = new LecternError(`${source.name}: ${message}`, {code: exitCodes.input});
						if (ready) {
							finish(error.code, `lectern: ${error.message}\n`);
						} else {
							reject(error);
						}
					},
					lost(reason) {
						clearTimeout(timer);
						if (ready) {
							reconnect();
						} else {
							reject(connectionFailed(reason === 'ENOENT' || reason === 'ECONNREFUSED' ? 'no such talk is running' : reason));
						}
					},
				},
				text => {
					relayErrors = (relayErrors + text).slice(-4096);
				},
			);
		});

	// A leader that went away without ending the talk (crashed, or dropped a follower that fell
	// behind) is waited for: the same name, restarted, is rejoined.
	let retryTimer: NodeJS.Timeout | undefined;
	const reconnect = () => {
		status = 'reconnecting';
		statusChanged();
		retryTimer = setTimeout(() => {
			relayErrors = '';
			connect().then(() => {
				status = 'live';
				statusChanged();
			}, reconnect);
		}, retryMs);
	};

	await connect();
	const first = heard!;
	let theme = streamTheme(process.stdout, process.env, args.ascii);
	let size = terminalSize();
	const initial: NavState = {
		...initialState({slide: first.position.slide, notesVisible: false, view: 'present'}),
		step: first.position.step,
		blank: first.position.blank,
		follow: followState({slide: first.position.slide, step: first.position.step, blank: first.position.blank}),
	};
	const elapsed = () => {
		const clock = heard?.position.clock;
		if (!clock) {
			return 0;
		}

		return clock.elapsed + (clock.paused ? 0 : (performance.now() - heard!.heardAt) / 1000);
	};

	const finished = new Promise<{code: number; line?: string}>(resolve => {
		finish = (code, line) => {
			resolve({code, line});
		};
	});
	const session = enterSession(process.stdin, process.stdout, () => {
		finish(exitCodes.internal);
	});
	const writer = new FrameWriter(session.write);
	const compose = (input: ScreenInput) => buildRegions({...input, hideClock: !args.clock});
	const badges = (state: NavState): readonly string[] => [
		...(status === 'reconnecting' ? ['reconnecting…'] : []),
		...(state.follow && !state.follow.attached ? ['detached: f to follow'] : []),
	];
	// What is on the screen, to draw again whole after a suspend (Ctrl-Z, SIGTSTP).
	let lastRows: readonly string[] = composeRows(
		compose({deck: first.deck, state: initial, size, theme, elapsedSeconds: elapsed(), badges: badges(initial)}),
	);
	writer.draw(lastRows);

	let closing = false;
	const suspender = installSuspend(session, () => {
		if (!session.isDead() && !closing) {
			writer.invalidate();
			writer.draw(lastRows);
		}
	});
	const sink = new InkStdout(size);
	const paint = (rows: readonly string[]) => {
		if (!session.isDead() && !closing) {
			lastRows = rows;
			writer.draw(rows);
		}
	};

	let badgeFunction = (state: NavState) => badges(state);
	const app = () => (
		<App
			deck={first.deck}
			theme={theme}
			initial={initial}
			size={size}
			elapsed={elapsed}
			badges={badgeFunction}
			compose={compose}
			subscribeReload={listener => {
				deckListeners.add(listener);
				return () => deckListeners.delete(listener);
			}}
			subscribeActions={listener => {
				actionListeners.add(listener);
				return () => actionListeners.delete(listener);
			}}
			onChange={maybeLoadHighlighter}
			onQuit={() => {
				finish(exitCodes.ok);
			}}
			paint={paint}
			onSuspend={suspender.suspend}
		/>
	);
	// Code is highlighted as the presenter shows it, once a slide with code comes up.
	let highlighterRequested = false;
	function maybeLoadHighlighter(state: NavState, current: Deck) {
		if (
			highlighterRequested ||
			theme.level === 0 ||
			!parseSlide(current, state.slide).blocks.some(block => block.kind === 'code' && block.lang !== '')
		) {
			return;
		}

		highlighterRequested = true;
		void import('../highlighter.js')
			.then(async ({loadHighlighter}) => loadHighlighter())
			.then(
				highlighter => {
					theme = createTheme({level: theme.level, attributes: true, ascii: theme.ascii, highlighter, background: theme.background});
					instance.rerender(app());
				},
				() => {},
			);
	}

	const instance = render(app(), {
		stdout: sink as unknown as NodeJS.WriteStream,
		stdin: process.stdin,
		debug: true,
		exitOnCtrlC: false,
		patchConsole: false,
	});
	instance.waitUntilExit().catch((error: unknown) => {
		finish(exitCodes.internal, `lectern: internal error: ${String((error as Error)?.message ?? error).split('\n')[0]}\n`);
	});
	// The status bar's badges changed: a new function makes the App lay the screen out again.
	statusChanged = () => {
		badgeFunction = (state: NavState) => badges(state);
		instance.rerender(app());
	};

	const resize = watchResize(process.stdout, () => {
		size = terminalSize();
		sink.columns = size.width;
		sink.rows = size.height;
		writer.invalidate();
		instance.rerender(app());
	});
	suspender.setAfterResume(resize.now);
	const result = await finished;
	closing = true;
	resize.dispose();
	clearTimeout(retryTimer);
	connection?.close();
	suspender.dispose();
	instance.unmount();
	session.restore();
	if (result.line) {
		(result.code === exitCodes.ok ? process.stdout : process.stderr).write(result.line);
	}

	return result.code;
}

async function resolveSource(args: FollowArgs): Promise<TalkSource> {
	if (args.ssh !== undefined) {
		if (args.ssh === '' || args.ssh.startsWith('-') || /\s/.test(args.ssh)) {
			throw new LecternError(`--ssh ${args.ssh}: expected a host, such as user@server`, {code: exitCodes.usage});
		}

		if (args.talk === undefined) {
			throw new LecternError("follow --ssh HOST needs the talk's name: lectern follow --ssh HOST NAME (lectern talks on HOST lists them)", {
				code: exitCodes.usage,
			});
		}

		return {kind: 'ssh', host: args.ssh, name: checkTalkName(args.talk)};
	}

	if (args.talk?.includes('/')) {
		const name = args.talk
			.split('/')
			.at(-1)!
			.replace(/\.sock$/, '');
		return {kind: 'socket', path: args.talk, name};
	}

	const place = await findTalk(args.talk);
	return {kind: 'socket', path: place.socket, name: place.name};
}
