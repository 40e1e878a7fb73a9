import {readFileSync} from 'node:fs';
import {render} from 'ink-testing-library';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {openDeck} from '../../src/deck/deck.js';
import {createTheme} from '../../src/layout/theme.js';
import {initialState, type NavState} from '../../src/nav/reducer.js';
import {App} from '../../src/ui/App.js';

const guide = openDeck(readFileSync('decks/guide.md', 'utf8'), 'decks/guide.md');
const theme = createTheme({level: 0, ascii: false});

/** An app mounted with ink-testing-library; its frames are the rows App painted. */
type Rendered = ReturnType<typeof render> & {lastFrame: () => string | undefined; frames: string[]};
const mounted: Rendered[] = [];

afterEach(() => {
	for (const app of mounted.splice(0)) {
		app.unmount();
		app.cleanup();
	}
});

function mount(
	options: {
		deck?: ReturnType<typeof openDeck>;
		initial?: NavState;
		width?: number;
		height?: number;
		onQuit?: (state: NavState) => void;
		onChange?: (state: NavState) => void;
	} = {},
) {
	const onQuit = options.onQuit ?? vi.fn();
	// What a terminal would show: the painted rows, without the padding at their ends.
	let painted: readonly string[] | undefined;
	const frames: string[] = [];
	const paint = (rows: readonly string[]) => {
		painted = rows;
		frames.push(rows.map(row => row.trimEnd()).join('\n'));
	};
	const ink = render(
		<App
			deck={options.deck ?? guide}
			theme={theme}
			initial={options.initial ?? initialState()}
			size={{width: options.width ?? 100, height: options.height ?? 30}}
			elapsed={() => 0}
			onQuit={onQuit}
			onChange={options.onChange}
			paint={paint}
		/>,
	);
	const app: Rendered = {...ink, frames, lastFrame: () => painted?.map(row => row.trimEnd()).join('\n')};
	mounted.push(app);
	return app;
}

/** Wait until the last frame satisfies `predicate` (Ink renders after the input is handled). */
async function frameWhere(app: Rendered, predicate: (frame: string) => boolean): Promise<string> {
	await vi.waitFor(
		() => {
			expect(predicate(app.lastFrame() ?? '')).toBe(true);
		},
		{timeout: 5000, interval: 5},
	);
	return app.lastFrame() ?? '';
}

const statusRow = (frame: string) => frame.split('\n').at(-1) ?? '';

describe('App', () => {
	it('reduces a burst of keys each against its own layout: l then j in one read scrolls the long slide it reached', async () => {
		const long = Array.from({length: 40}, (_, i) => `line ${i + 1}`).join('\n\n');
		const deck = openDeck(`# Short\n\nshort\n\n---\n\n## Long\n\n${long}\n\n---\n\n## Third\n\nthird\n`, 'burst.md');
		const app = mount({deck, initial: initialState({view: 'study'}), height: 12});
		app.stdin.write('lj');
		// With the first slide's scroll limit (0), j would have gone on to the third slide.
		const frame = await frameWhere(app, frame => frame.includes('more above (1 line)'));
		expect(statusRow(frame)).toContain('2/3');
	});

	it('shows the first slide, its notes and the status bar', () => {
		const frame = mount().lastFrame() ?? '';
		const rows = frame.split('\n');
		expect(rows).toHaveLength(30);
		expect(rows[0]).toBe('  Lectern');
		expect(frame).toContain('A terminal lecture presenter: Markdown decks, a speaker-notes pane, deck-wide search, self-study');
		expect(frame).toContain('── notes ──');
		expect(frame).toContain('Welcome! You are reading the speaker notes.');
		expect(statusRow(frame)).toContain('1/28');
		expect(statusRow(frame)).toContain('Lectern — a guide');
		expect(statusRow(frame)).toContain('00:00:00');
	});

	it('l goes to the next slide', async () => {
		const app = mount();
		app.stdin.write('l');
		const frame = await frameWhere(app, text => statusRow(text).includes('2/28'));
		expect(frame.split('\n')[0]).toBe('');
		expect(frame).toContain('Getting around');
		expect(frame).not.toContain('Welcome! You are reading');
	});

	it('several keys in a row: l l h', async () => {
		const app = mount();
		app.stdin.write('l');
		await frameWhere(app, text => statusRow(text).includes('2/28'));
		app.stdin.write('l');
		await frameWhere(app, text => statusRow(text).includes('3/28'));
		app.stdin.write('h');
		const frame = await frameWhere(app, text => statusRow(text).includes('2/28'));
		expect(frame).toContain('Getting around');
	});

	it('a number and Enter go to that slide', async () => {
		const app = mount();
		app.stdin.write('3');
		await frameWhere(app, text => statusRow(text).includes('go to 3'));
		app.stdin.write('\r');
		const frame = await frameWhere(app, text => statusRow(text).includes('3/28'));
		expect(frame.split('\n')[0]).toBe('  What Lectern is');
	});

	it('s hides the notes pane and shows it again', async () => {
		const app = mount();
		expect(app.lastFrame()).toContain('── notes ──');
		app.stdin.write('s');
		const hidden = await frameWhere(app, text => !text.includes('── notes ──'));
		expect(hidden).not.toContain('Welcome! You are reading');
		expect(hidden.split('\n')).toHaveLength(30);
		expect(statusRow(hidden)).toContain('1/28');
		app.stdin.write('s');
		await frameWhere(app, text => text.includes('── notes ──'));
	});

	it('? shows the help drawn from the key table; Esc closes it', async () => {
		const app = mount({initial: initialState({notesVisible: false})});
		app.stdin.write('?');
		const help = await frameWhere(app, text => text.includes('Keys'));
		expect(help.split('\n')[0]).toBe('  Keys');
		expect(help).toContain('→ l Space Enter PgDn  next step or slide');
		expect(help).toContain('q Ctrl-C');
		app.stdin.write('\u001B');
		const closed = await frameWhere(app, text => !text.includes('next step or slide'));
		expect(closed.split('\n')[0]).toBe('  Lectern');
	});

	it('two Escs in one read are two Escs (the filter closes, then the overview); Esc and q in one read quit', async () => {
		const app = mount({initial: initialState({notesVisible: false})});
		app.stdin.write('o');
		await frameWhere(app, text => text.includes('Overview'));
		app.stdin.write('/');
		app.stdin.write('z');
		await frameWhere(app, text => text.includes('filter: z'));
		app.stdin.write('\u001B\u001B');
		const closed = await frameWhere(app, text => !text.includes('Overview'));
		expect(statusRow(closed)).toContain('1/28');
		// Esc and q in one read: Esc, then quit (not Meta+q, a key Lectern has no use for).
		const quit = vi.fn();
		const again = mount({initial: initialState({notesVisible: false}), onQuit: quit});
		again.stdin.write('?');
		await frameWhere(again, text => text.includes('Keys'));
		again.stdin.write('\u001Bq');
		await vi.waitFor(() => {
			expect(quit).toHaveBeenCalledOnce();
		});
	});

	// Study's "seen" is what was on screen: the shell marks seen each state App reports, and App
	// reports the states it paints. Keys that arrive in one read are reduced together and only
	// the slide they end on is drawn, so the slides a burst passes over are not counted.
	it('study: a burst of keys reports only the slide it ends on; each slide drawn is reported', async () => {
		const reported = new Set<number>();
		const app = mount({initial: initialState({view: 'study'}), onChange: state => reported.add(state.slide)});
		const slideOf = (frame: string) => Number(/\b(\d+)\/28\b/.exec(statusRow(frame))?.[1]) - 1;
		app.stdin.write('llll');
		await frameWhere(app, text => statusRow(text).includes('5/28'));
		app.stdin.write('l');
		await frameWhere(app, text => statusRow(text).includes('6/28'));
		app.stdin.write('l');
		await frameWhere(app, text => statusRow(text).includes('7/28'));
		expect([...reported].sort((a, b) => a - b)).toEqual([0, 4, 5, 6]);
		expect([...new Set(app.frames.map(slideOf))].sort((a, b) => a - b)).toEqual([0, 4, 5, 6]);
	});

	it('q calls onQuit with the final state', async () => {
		const onQuit = vi.fn();
		const app = mount({onQuit});
		app.stdin.write('l');
		await frameWhere(app, text => statusRow(text).includes('2/28'));
		app.stdin.write('q');
		await vi.waitFor(
			() => {
				expect(onQuit).toHaveBeenCalledTimes(1);
			},
			{timeout: 5000, interval: 5},
		);
		expect(onQuit.mock.calls[0]?.[0]).toMatchObject({slide: 1, quit: true});
	});

	it('lays out to the size it is given, not to the test terminal', () => {
		const frame = mount({width: 60, height: 12}).lastFrame() ?? '';
		expect(frame.split('\n')).toHaveLength(12);
		expect(Math.max(...frame.split('\n').map(row => row.length))).toBeLessThanOrEqual(60);
	});

	it('says when the terminal is too small', () => {
		const frame = mount({width: 30, height: 8}).lastFrame() ?? '';
		expect(frame.replace(/\s+/g, ' ').trim()).toBe('terminal too small: need at least 40x10, have 30x8');
	});
});
