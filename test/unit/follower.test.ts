// The follower without Ink: its keys (node:readline's decoder → key names), its command line
// read without yargs, and its view (the presenter's reducer and layout, driven by positions).
import {PassThrough} from 'node:stream';
import {describe, expect, it, vi} from 'vitest';
import {quickFollowArgs} from '../../src/cli/quick-follow.js';
import {openDeck} from '../../src/deck/deck.js';
import {FollowerView} from '../../src/hall/follower-view.js';
import {buildRegions} from '../../src/layout/screen.js';
import {createTheme} from '../../src/layout/theme.js';
import {followState} from '../../src/nav/hall.js';
import {initialState, type NavState} from '../../src/nav/reducer.js';
import {FrameWriter, type FramePlan} from '../../src/terminal/frame-writer.js';
import {escapeBurst, keypressName, listenKeys} from '../../src/terminal/keys.js';
import {defined} from '../support/defined.js';

/** The key names (and `suspend`) that the bytes decode to, as a raw terminal sends them. */
async function namesOf(bytes: string): Promise<string[]> {
	const stdin = new PassThrough() as unknown as NodeJS.ReadStream;
	const names: string[] = [];
	const stop = listenKeys(
		stdin,
		name => names.push(name),
		() => names.push('suspend'),
	);
	(stdin as unknown as PassThrough).write(bytes);
	// A lone Esc is told from the start of a sequence after a moment.
	await new Promise(resolve => setTimeout(resolve, 20));
	stop();
	return names;
}

describe("a follower's keys", () => {
	it('names what a raw terminal sends as the presenter names it', async () => {
		expect(await namesOf('qdfsG?/ab')).toEqual(['q', 'd', 'f', 's', 'G', '?', '/', 'a', 'b']);
		expect(await namesOf('\u001B[A\u001B[B\u001B[C\u001B[D\u001B[5~\u001B[6~\u001B[H\u001B[F')).toEqual([
			'up',
			'down',
			'right',
			'left',
			'pageup',
			'pagedown',
			'home',
			'end',
		]);
		expect(await namesOf('\r\n\t \u007F\u001B[3~')).toEqual(['enter', 'enter', 'tab', 'space', 'backspace', 'backspace']);
		expect(await namesOf('\u0003\u001A')).toEqual(['ctrl+c', 'suspend']);
		expect(await namesOf('\u001B')).toEqual(['escape']);
		expect(await namesOf('é漢')).toEqual(['é', '漢']);
	});

	it('takes two Escs in one read as two Escs, and Esc with a key in one read as both', async () => {
		expect(await namesOf('\u001B\u001B')).toEqual(['escape', 'escape']);
		expect(await namesOf('\u001B\u001B\u001B')).toEqual(['escape', 'escape', 'escape']);
		expect(await namesOf('\u001Bq')).toEqual(['escape', 'q']);
		expect(await namesOf('\u001B\u001Bq')).toEqual(['escape', 'escape', 'q']);
		// A terminal's sequences stay whole.
		expect(await namesOf('\u001B[A')).toEqual(['up']);
		expect(escapeBurst('\u001B[A')).toBeUndefined();
		expect(escapeBurst('\u001BOA')).toBeUndefined();
		expect(escapeBurst('\u001B')).toBeUndefined();
		expect(escapeBurst('\u001B ')).toEqual(['escape', 'space']);
		expect(escapeBurst('\u001B\u0001')).toBeUndefined();
	});

	it('ignores control and meta keys Lectern has no use for', async () => {
		expect(await namesOf('\u0001\u0005\u001Bx')).toEqual([]);
		expect(keypressName(undefined, {name: 'f5', sequence: '\u001B[15~'})).toBeUndefined();
	});
});

describe('follow read without yargs', () => {
	it('takes the talk, --clock, --ascii, --ssh HOST and --max-size N', () => {
		expect(quickFollowArgs(['follow'])).toEqual({clock: false, ascii: false, maxSize: 10});
		expect(quickFollowArgs(['follow', 'os101', '--clock', '--ascii', '--max-size', '5'])).toEqual({
			talk: 'os101',
			clock: true,
			ascii: true,
			maxSize: 5,
		});
		expect(quickFollowArgs(['follow', '--ssh', 'me@server', 'os101'])).toEqual({
			talk: 'os101',
			ssh: 'me@server',
			clock: false,
			ascii: false,
			maxSize: 10,
		});
	});

	it('leaves anything else to yargs (its errors and help)', () => {
		for (const argv of [
			['present', 'x'],
			['follow', '--help'],
			['follow', 'a', 'b'],
			['follow', '--max-size', '0'],
			['follow', '--ssh'],
			['follow', '--clock=yes'],
		]) {
			expect(quickFollowArgs(argv)).toBeUndefined();
		}
	});
});

describe("a follower's view", () => {
	const deck = openDeck('# Alpha\n\nfirst\n\n---\n\n# Beta\n\none\n\n<!-- pause -->\n\ntwo\n\n---\n\n# Gamma\n\nlast', 'talk');
	const theme = createTheme({level: 0, ascii: false});
	const start: NavState = {
		...initialState({notesVisible: false}),
		follow: followState({slide: 0, step: 0, blank: false}),
	};

	function viewOf() {
		const frames: string[][] = [];
		let quit = false;
		const view = new FollowerView({
			deck,
			initial: start,
			size: {width: 60, height: 12},
			theme,
			elapsed: () => 0,
			compose: input => buildRegions({...input, hideClock: true}),
			badges: state => (state.follow && !state.follow.attached ? ['detached: f to follow'] : []),
			paint: rows => frames.push([...rows]),
			onQuit() {
				quit = true;
			},
		});
		view.render();
		const screen = () => defined(frames.at(-1)).join('\n');
		return {view, frames, screen, quit: () => quit};
	}

	it('moves with the talk, reveal steps included, and paints only when the screen changes', () => {
		const {view, frames, screen} = viewOf();
		expect(screen()).toContain('Alpha');
		view.dispatch({type: 'remote', slide: 1, step: 0, blank: false});
		expect(screen()).toContain('Beta');
		expect(screen()).not.toContain('two');
		view.dispatch({type: 'remote', slide: 1, step: 1, blank: false});
		expect(screen()).toContain('two');
		const painted = frames.length;
		view.dispatch({type: 'remote', slide: 1, step: 1, blank: false});
		expect(frames).toHaveLength(painted);
		view.key('l');
		expect(screen()).toContain('Beta');
		view.dispose();
	});

	it('composes the next step, the next slide and one back while the talk rests; a position then writes what is ready', () => {
		vi.useFakeTimers();
		try {
			let composed = 0;
			let written = '';
			const readies: Array<FramePlan | undefined> = [];
			const writer = new FrameWriter(data => {
				written += data;
			});
			const view = new FollowerView({
				deck,
				initial: {...start, slide: 1, follow: followState({slide: 1, step: 0, blank: false})},
				size: {width: 60, height: 12},
				theme,
				elapsed: () => 0,
				compose(input) {
					composed++;
					return buildRegions({...input, hideClock: true});
				},
				badges: () => [],
				paint(rows, ready) {
					readies.push(ready);
					writer.draw(rows, ready);
				},
				plan: rows => writer.plan(rows),
				onQuit() {},
			});
			view.render();
			vi.runAllTimers();
			expect(composed).toBe(4);
			for (const [slide, step, shows] of [
				[1, 1, 'two'],
				[1, 0, 'step 1/2'],
				[0, 0, 'Alpha'],
			] as const) {
				vi.runAllTimers();
				const before = composed;
				written = '';
				view.position({slide, step, blank: false});
				expect(composed).toBe(before);
				expect(readies.at(-1)).toBeDefined();
				expect(written).toContain(shows);
			}

			// A position nobody expected (a jump), or one arriving before the rest: laid out then.
			// (As the talk sends it: a message with its own type and the clock.)
			vi.runAllTimers();
			let before = composed;
			view.position({type: 'position', slide: 2, step: 0, blank: false, clock: {elapsed: 0, paused: false}} as {
				slide: number;
				step: number;
				blank: boolean;
			});
			expect(composed).toBe(before + 1);
			expect(written).toContain('Gamma');
			before = composed;
			view.position({slide: 1, step: 0, blank: false});
			expect(composed).toBe(before + 1);
			expect(written).toContain('Beta');
			view.dispose();
		} finally {
			vi.useRealTimers();
		}
	});

	it('a frame composed ahead with the clock at another second is composed again (--clock)', () => {
		vi.useFakeTimers();
		try {
			let seconds = 5;
			let composed = 0;
			const frames: string[] = [];
			const view = new FollowerView({
				deck,
				initial: start,
				size: {width: 60, height: 12},
				theme,
				elapsed: () => seconds,
				compose(input) {
					composed++;
					return buildRegions(input);
				},
				badges: () => [],
				paint: rows => frames.push(rows.join('\n')),
				onQuit() {},
			});
			view.render();
			vi.runAllTimers();
			seconds = 65;
			const before = composed;
			view.position({slide: 1, step: 0, blank: false});
			expect(composed).toBe(before + 1);
			expect(frames.at(-1)).toContain('Beta');
			expect(frames.at(-1)).toContain('00:01:05');
			view.dispose();
		} finally {
			vi.useRealTimers();
		}
	});

	it('d detaches to browse with the usual keys and a search; f rejoins where the talk is', () => {
		const {view, screen} = viewOf();
		view.key('d');
		expect(screen()).toContain('detached: f to follow');
		view.key('G');
		expect(screen()).toContain('Gamma');
		view.dispatch({type: 'remote', slide: 1, step: 0, blank: false});
		expect(screen()).toContain('Gamma');
		for (const key of ['/', 'a', 'l', 'p', 'h', 'a', 'enter']) {
			view.key(key);
		}

		expect(screen()).toContain('Alpha');
		view.key('f');
		expect(screen()).toContain('Beta');
		expect(screen()).not.toContain('detached');
		view.dispose();
	});

	it('? opens the help while attached; it scrolls when taller than the screen and Esc closes it', () => {
		const {view, screen} = viewOf();
		view.key('?');
		const top = screen();
		expect(top).toContain('Keys');
		view.key('j');
		expect(screen()).not.toEqual(top);
		view.key('escape');
		expect(screen()).toContain('Alpha');
		view.dispose();
	});

	describe('work on the whole deck goes in slices, keys answered between them', () => {
		// 600 slides; a slice of 0 ms is one step (one slide's title, 128 slides looked at, ...).
		const many = (first = '') =>
			openDeck(first + Array.from({length: 600}, (_, i) => `# Slide ${i + 1}\n\nbody ${i + 1}`).join('\n\n---\n\n'), 'talk');

		function slicedView(initial: NavState) {
			const frames: string[] = [];
			let quit = false;
			const view = new FollowerView({
				deck: many(),
				initial,
				size: {width: 60, height: 12},
				theme,
				elapsed: () => 0,
				compose: input => buildRegions({...input, hideClock: true}),
				badges: () => [],
				paint: rows => frames.push(rows.join('\n')),
				onQuit() {
					quit = true;
				},
				sliceMs: 0,
			});
			view.render();
			const screen = () => defined(frames.at(-1));
			return {view, frames, screen, quit: () => quit};
		}

		/** Turns of the event loop (the slices run between them) until `done` or too many. */
		async function turnsUntil(done: () => boolean): Promise<number> {
			let turns = 0;
			while (!done() && turns < 5000) {
				await new Promise(resolve => setImmediate(resolve));
				turns++;
			}

			return turns;
		}

		it("a new deck: the old one stays on screen while the slide is found, q is answered, the talk's position waits for it", async () => {
			const {view, screen, quit} = slicedView({...start, slide: 299, follow: followState({slide: 299, step: 0, blank: false})});
			expect(screen()).toContain('body 300');
			// A slide above (and the slide on screen edited): its title is found past every slide's text.
			const slides = Array.from({length: 600}, (_, i) => `# Slide ${i + 1}\n\nbody ${i === 299 ? 'edited' : i + 1}`);
			const edited = openDeck(`# New\n\nnew\n\n---\n\n${slides.join('\n\n---\n\n')}`, 'talk');
			view.setDeck(edited);
			expect(screen()).toContain('body 300');
			// The talk moved on in the new deck meanwhile.
			view.position({slide: 302, step: 0, blank: false});
			expect(screen()).toContain('body 300');
			const turns = await turnsUntil(() => screen().includes('Slide 302'));
			expect(turns).toBeGreaterThan(1);
			expect(screen()).toContain('body 302');
			expect(quit()).toBe(false);
			view.setDeck(many());
			view.key('q');
			expect(quit()).toBe(true);
			view.dispose();
		});

		it("a new deck's slide is parsed a slice before it is laid out and drawn (each a stretch of its own)", async () => {
			const {view, screen} = slicedView(start);
			view.setDeck(openDeck('# Fresh\n\nnew text', 'talk'));
			expect(screen()).toContain('Slide 1');
			const turns = await turnsUntil(() => screen().includes('Fresh'));
			expect(turns).toBeGreaterThanOrEqual(2);
			view.dispose();
		});

		it("the overview's filter grows its list in slices; Esc is answered before it is done", async () => {
			const {view, screen} = slicedView({...start, follow: {...followState({slide: 0, step: 0, blank: false}), attached: false}});
			for (const key of ['o', '/', '5', '9']) view.key(key);
			// Slides 59, 159, ..., 559 and 590-599: found one title a slice, the list growing meanwhile.
			expect(screen()).not.toContain('(16 slides)');
			const counts = new Set<string>();
			await turnsUntil(() => {
				counts.add(/\((\d+) slides?\)/.exec(screen())?.[1] ?? '');
				return screen().includes('(16 slides)');
			});
			expect(screen()).toContain('(16 slides)');
			expect(counts.size).toBeGreaterThan(2);
			view.key('0');
			expect(screen()).not.toContain('(1 slide)');
			view.key('escape');
			view.key('escape');
			expect(screen()).not.toContain('Overview');
			// The filter stopped with the overview: nothing draws it again.
			const shown = screen();
			await turnsUntil(() => screen() !== shown);
			expect(screen()).toBe(shown);
			view.dispose();
		});

		it('a search builds the index and matches in slices; Enter before the hits goes to the first match when they come', async () => {
			const {view, screen} = slicedView({...start, follow: {...followState({slide: 0, step: 0, blank: false}), attached: false}});
			for (const key of ['/', 'b', 'o', 'd', 'y', ' ', '4', '5', '0', 'enter']) view.key(key);
			expect(screen()).toContain('body 1');
			await turnsUntil(() => screen().includes('body 450'));
			expect(screen()).toContain('body 450');
			view.dispose();
		});

		it('the keys of one read (a paste into the search bar) run one search and draw one frame', async () => {
			const {view, frames, screen} = slicedView({...start, follow: {...followState({slide: 0, step: 0, blank: false}), attached: false}});
			view.key('/');
			const drawn = frames.length;
			view.keys(['b', 'o', 'd', 'y', ' ', '4', '5', '0']);
			// One frame for the eight letters (one key at a time: a frame and a search each).
			expect(frames.length).toBe(drawn + 1);
			expect(screen()).toContain('/body 450');
			await turnsUntil(() => screen().includes('1/1'));
			view.keys(['backspace', 'backspace', 'backspace', '3', '3', '3', 'enter']);
			await turnsUntil(() => screen().includes('body 333'));
			expect(screen()).toContain('body 333');
			view.dispose();
		});
	});

	it('a new deck keeps the slide where the edit put it; q quits', () => {
		const {view, screen, quit} = viewOf();
		view.dispatch({type: 'remote', slide: 2, step: 0, blank: false});
		view.setDeck(openDeck('# Intro\n\nnew\n\n---\n\n# Alpha\n\nfirst\n\n---\n\n# Beta\n\none\n\n---\n\n# Gamma\n\nlast', 'talk'));
		expect(screen()).toContain('Gamma');
		view.key('q');
		expect(quit()).toBe(true);
		view.dispose();
	});
});
