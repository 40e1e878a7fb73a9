// `lectern follow [NAME | SOCKET]` and `lectern follow --ssh HOST [NAME]`: the audience's view
// of a talk: the presenter's reducer and layout driven by the talk's positions (nav/hall.ts),
// the slide only, laid out locally at this terminal's size. `d` detaches to browse, `f`
// rejoins. It runs without Ink and React (hall/follower-view.ts): a hall of followers on one
// machine costs each of them a small process and a position costs each only its changed rows.
import {hasHighlightableCode} from '../../deck/element-walk.js';
import {parseSlide} from '../../deck/parse.js';
import type {Deck} from '../../deck/types.js';
import {createTheme} from '../../layout/theme.js';
import {limitsFor, type TalkPosition} from '../../hall/protocol.js';
import {openTalk, type Connection, type TalkSource} from '../../hall/client.js';
import {checkTalkName} from '../../hall/places.js';
import {hallTrace} from '../../hall/trace.js';
import {FollowerView} from '../../hall/follower-view.js';
import {warmPositionPath} from '../../hall/warm-up.js';
import {buildRegions, type ScreenInput} from '../../layout/screen.js';
import {followState} from '../../nav/hall.js';
import {initialState, type NavState} from '../../nav/reducer.js';
import {FrameWriter, type FramePlan} from '../../terminal/frame-writer.js';
import {listenKeys} from '../../terminal/keys.js';
import type {KeyName} from '../../nav/keys.js';
import {enterSession} from '../../terminal/session.js';
import {terminalSize, watchResize} from '../../terminal/resize.js';
import {installSuspend} from '../../terminal/suspend.js';
import {LecternError, exitCodes} from '../errors.js';
import {streamTheme} from '../terminal-env.js';
import {findTalk} from './talks.js';
import {defined, lastOf} from '../../deck/checked.js';
import {getPriority, setPriority} from 'node:os';

export type FollowArgs = Readonly<{talk?: string; ssh?: string; clock: boolean; ascii: boolean; maxSize: number}>;

/** The talk's state as last heard: what a (re)connection delivers before the screen opens. */
type Heard = {deck: Deck; position: TalkPosition; heardAt: number};

/** How long to wait for a talk's deck before giving up. */
const answerMs = 15_000;
const retryMs = 500;
/** How much lower than its own start a follower's scheduling priority is (nice). */
const followerNice = 10;

export async function runFollow(args: FollowArgs): Promise<number> {
	if (process.env['TERM'] === 'dumb') {
		throw new LecternError('TERM=dumb cannot show a full-screen follower', {code: exitCodes.usage});
	}

	const source = await resolveSource(args);
	if (!process.stdin.isTTY || !process.stdout.isTTY) {
		throw new LecternError('following needs a terminal on standard input and output', {code: exitCodes.usage});
	}

	// An audience screen yields to the lecturer's Lectern: each position wakes every follower on
	// the machine, and a woken follower that took the leader's core would hold up its handing
	// the position to the followers after it (with hundreds of them, most of a key's latency).
	try {
		setPriority(Math.min(19, getPriority() + followerNice));
	} catch {}

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

	// Where the connection sends a new deck and position once the screen is up.
	let deckListener = (_deck: Deck) => {};
	let positionListener = (_position: TalkPosition) => {};
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
						deckListener(deck);
					},
					position(position) {
						heard = {deck: defined(heard, 'the deck, which a talk sends before any position').deck, position, heardAt: performance.now()};
						// A rejoined talk's first position is drawn without the reconnecting badge, in
						// one frame (not the talk's slide with the badge, then the badge taken off).
						const rejoined = !ready && status === 'reconnecting';
						if (rejoined) {
							status = 'live';
						}

						positionListener(position);
						if (rejoined) {
							statusChanged();
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
			// The first position of the new connection has set the status live.
			connect().then(() => {}, reconnect);
		}, retryMs);
	};

	await connect();
	const first = defined(heard, 'the talk, which connect() waits for');
	let theme = streamTheme(process.stdout, process.env, args.ascii);
	let size = terminalSize();
	const initial: NavState = {
		...initialState({slide: first.position.slide, notesVisible: false, view: 'present'}),
		step: first.position.step,
		blank: first.position.blank,
		follow: followState({slide: first.position.slide, step: first.position.step, blank: first.position.blank}),
	};
	const elapsed = () => {
		if (!heard?.position.clock) {
			return 0;
		}

		const {clock} = heard.position;
		return clock.elapsed + (clock.paused ? 0 : (performance.now() - heard.heardAt) / 1000);
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
	let lastRows: readonly string[] = [];
	let closing = false;
	const paint = (rows: readonly string[], ready?: FramePlan) => {
		if (!session.isDead() && !closing) {
			lastRows = rows;
			writer.draw(rows, ready);
		}
	};

	const suspender = installSuspend(session, () => {
		if (!session.isDead() && !closing) {
			writer.invalidate();
			writer.draw(lastRows);
		}
	});
	const view = new FollowerView({
		deck: first.deck,
		initial,
		size,
		theme,
		// Without --clock the time is not shown: frames composed ahead stay good.
		elapsed: args.clock ? elapsed : () => 0,
		compose,
		badges,
		paint,
		plan: rows => writer.plan(rows),
		onChange: maybeLoadHighlighter,
		onQuit() {
			finish(exitCodes.ok);
		},
	});
	view.render();
	// The code that draws a position is compiled while the talk rests, not at the first key.
	const stopWarmUp = warmPositionPath({
		deck: first.deck,
		initial,
		size,
		theme,
		elapsed: () => 0,
		compose,
		badges,
		next: {slide: first.position.slide + 1, step: 0, blank: false},
	});
	deckListener = deck => {
		view.setDeck(deck);
	};
	positionListener = position => {
		const read = hallTrace && {at: hallTrace.now(), cpu: process.cpuUsage()};
		view.position(position);
		if (hallTrace && read) {
			const cpu = process.cpuUsage(read.cpu);
			hallTrace.log({event: 'follower', slide: position.slide, step: position.step, start: read.at, cpuMs: (cpu.user + cpu.system) / 1000});
		}
	};
	// The status bar's badges changed.
	statusChanged = () => {
		view.render();
	};
	// The keys of one read go to the view together (see FollowerView.keys: a paste into the
	// search bar runs one search, not one a letter): the decoder gives them one by one, in one go.
	let read: KeyName[] = [];
	const stopKeys = listenKeys(
		process.stdin,
		name => {
			if (read.length === 0) {
				queueMicrotask(() => {
					const names = read;
					read = [];
					view.keys(names);
				});
			}

			read.push(name);
		},
		suspender.suspend,
	);
	// The talk's clock, when shown, moves once a second.
	const clockTimer = args.clock
		? setInterval(() => {
				view.render();
			}, 1000)
		: undefined;

	// Code is highlighted as the presenter shows it, once a slide with code comes up.
	let highlighterRequested = false;
	// The slide last looked at: a step or a blank screen changes nothing here.
	let looked: {deck: Deck; slide: number} | undefined;
	function maybeLoadHighlighter(state: NavState, current: Deck) {
		if (highlighterRequested || theme.level === 0 || (looked?.deck === current && looked.slide === state.slide)) {
			return;
		}

		looked = {deck: current, slide: state.slide};
		if (!hasHighlightableCode(parseSlide(current, state.slide))) {
			return;
		}

		highlighterRequested = true;
		void import('../highlighter.js')
			.then(async ({loadHighlighter}) => loadHighlighter())
			.then(
				highlighter => {
					theme = createTheme({level: theme.level, attributes: true, ascii: theme.ascii, highlighter, background: theme.background});
					if (!closing) view.setTheme(theme);
				},
				() => {},
			);
	}

	maybeLoadHighlighter(initial, first.deck);
	const resize = watchResize(process.stdout, () => {
		if (closing) {
			return;
		}

		size = terminalSize();
		writer.invalidate();
		view.setSize(size);
	});
	suspender.setAfterResume(resize.now);
	const result = await finished;
	closing = true;
	resize.dispose();
	clearInterval(clockTimer);
	clearTimeout(retryTimer);
	connection?.close();
	suspender.dispose();
	stopKeys();
	view.dispose();
	stopWarmUp();
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
		const name = lastOf(args.talk.split('/')).replace(/\.sock$/, '');
		return {kind: 'socket', path: args.talk, name};
	}

	const place = await findTalk(args.talk);
	return {kind: 'socket', path: place.socket, name: place.name};
}
