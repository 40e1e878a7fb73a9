// The key table: key names → actions, per screen. The help overlay draws this same table,
// so what `?` shows is what the keys do.
import type {Action, NavState} from './reducer.js';

/** Names of keys as the UI layer reports them: a printable character, or one of these. */
export type KeyName =
	| 'right'
	| 'left'
	| 'up'
	| 'down'
	| 'pageup'
	| 'pagedown'
	| 'home'
	| 'end'
	| 'enter'
	| 'escape'
	| 'backspace'
	| 'tab'
	| 'space'
	| 'ctrl+c'
	| (string & {});

export type Binding = Readonly<{
	keys: readonly KeyName[];
	action: Action;
	help: string;
	/** How the help shows the keys, when not just their names (a key pressed twice). */
	label?: string;
	/** Where the binding applies; absent means both views. */
	view?: 'present' | 'study';
	/** False: the help names it in another row. */
	inHelp?: boolean;
	/** The help's text when it is not `help` and the view (keys that do one thing in each view). */
	helpRow?: string;
}>;

const label: Readonly<Record<string, string>> = {
	right: '→',
	left: '←',
	up: '↑',
	down: '↓',
	pageup: 'PgUp',
	pagedown: 'PgDn',
	home: 'Home',
	end: 'End',
	enter: 'Enter',
	escape: 'Esc',
	backspace: 'Backspace',
	space: 'Space',
	'ctrl+c': 'Ctrl-C',
	tab: 'Tab',
};

export function keyLabel(key: KeyName): string {
	return label[key] ?? key;
}

/** Keys on the slide (no overlay open). Earlier entries win. */
export const slideBindings: readonly Binding[] = [
	{keys: ['q', 'ctrl+c'], action: {type: 'quit'}, help: 'quit'},
	// In the help, these rows name j ↓ and k ↑ for both views; the next and previous rows leave them out.
	{
		keys: ['j', 'down'],
		action: {type: 'scrollDown'},
		help: 'scroll down, then next slide',
		view: 'study',
		helpRow: 'next step or slide (study: scroll down first)',
	},
	{
		keys: ['k', 'up'],
		action: {type: 'scrollUp'},
		help: 'scroll up, then previous slide',
		view: 'study',
		helpRow: 'previous step or slide (study: scroll up first)',
	},
	{keys: ['right', 'down', 'l', 'j', 'space', 'enter', 'pagedown'], action: {type: 'next'}, help: 'next step or slide'},
	{keys: ['left', 'up', 'h', 'k', 'backspace', 'pageup'], action: {type: 'prev'}, help: 'previous step or slide'},
	{keys: ['g', 'home'], action: {type: 'first'}, help: 'first slide (a number then g: that slide)'},
	{keys: ['G', 'end'], action: {type: 'last'}, help: 'last slide (a number then G: that slide)'},
	{
		keys: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
		action: {type: 'digit', digit: ''},
		help: 'a number then Enter: go to that slide; on a question (study): pick a choice, a: type an answer',
	},
	// Named in the digits' row: the help must fit a 100x30 screen.
	{keys: ['a'], action: {type: 'quizAnswer'}, help: 'type the answer to a question, then Enter', view: 'study', inHelp: false},
	{keys: ['s'], action: {type: 'toggleNotes'}, help: 'show or hide the notes (the pane, or under the slide in study)'},
	{keys: ['J'], action: {type: 'scrollNotes', by: 1}, help: 'scroll the notes down', view: 'present'},
	{keys: ['K'], action: {type: 'scrollNotes', by: -1}, help: 'scroll the notes up', view: 'present'},
	{keys: ['t'], action: {type: 'toggleView'}, help: 'switch between presenting and study mode'},
	{keys: ['m'], action: {type: 'toggleBookmark'}, help: 'bookmark this slide (or remove the bookmark)'},
	{keys: ['/'], action: {type: 'searchOpen'}, help: 'search the deck'},
	{keys: ['n'], action: {type: 'searchNext'}, help: 'next matching slide'},
	{keys: ['N'], action: {type: 'searchPrev'}, help: 'previous matching slide'},
	{keys: ["'"], label: "''", action: {type: 'jumpBack'}, help: 'back before the last jump (search, number, g, G, o)'},
	{keys: ['o'], action: {type: 'overviewOpen'}, help: 'overview of all slides'},
	{keys: ['?'], action: {type: 'helpOpen'}, help: 'this help'},
	{keys: ['escape'], action: {type: 'cancel'}, help: 'close an overlay, clear a number, then the search marks'},
	{keys: ['b', '.'], action: {type: 'blank'}, help: "blank the screen, followers' too, until the next key", view: 'present'},
	{keys: ['p'], action: {type: 'togglePause'}, help: "pause or resume the talk's clock", view: 'present'},
];

/**
 * A follower with the talk: read-only, it can only quit, detach to browse on its own, or show
 * the notes the lecturer shared (`--share-notes`; nothing is sent otherwise).
 */
const attachedFollowerKeys: Readonly<Record<string, Action>> = {
	q: {type: 'quit'},
	'ctrl+c': {type: 'quit'},
	d: {type: 'detach'},
	s: {type: 'toggleNotes'},
	'?': {type: 'helpOpen'},
};

/** What the help says about a follower's own keys (only a follower's help shows them). */
const followerHelp: ReadonlyArray<{keys: string; help: string}> = [
	{keys: 'd', help: 'leave the talk to browse on your own (following)'},
	{keys: 'f', help: 'follow the talk again (following)'},
	{keys: 's', help: 'show or hide the notes the lecturer shared (following)'},
];

/** Keys in the help: it scrolls when it is taller than the screen (80x24); q quits, any other key closes it. */
const helpKeys: Readonly<Record<string, Action>> = {
	down: {type: 'helpScroll', by: 1},
	j: {type: 'helpScroll', by: 1},
	up: {type: 'helpScroll', by: -1},
	k: {type: 'helpScroll', by: -1},
	space: {type: 'helpScroll', by: 10},
	pagedown: {type: 'helpScroll', by: 10},
	pageup: {type: 'helpScroll', by: -10},
	home: {type: 'helpScroll', by: -Infinity},
	g: {type: 'helpScroll', by: -Infinity},
	end: {type: 'helpScroll', by: Infinity},
	G: {type: 'helpScroll', by: Infinity},
	q: {type: 'quit'},
	'ctrl+c': {type: 'quit'},
};

/** Keys in the overview. */
export const overviewBindings: readonly Binding[] = [
	{keys: ['ctrl+c'], action: {type: 'quit'}, help: 'quit'},
	{keys: ['down', 'j'], action: {type: 'overviewMove', by: 1}, help: 'move down'},
	{keys: ['up', 'k'], action: {type: 'overviewMove', by: -1}, help: 'move up'},
	{keys: ['pagedown', 'space'], action: {type: 'overviewMove', by: 10}, help: 'page down'},
	{keys: ['pageup'], action: {type: 'overviewMove', by: -10}, help: 'page up'},
	{keys: ['home', 'g'], action: {type: 'overviewMove', by: -Infinity}, help: 'first slide'},
	{keys: ['end', 'G'], action: {type: 'overviewMove', by: Infinity}, help: 'last slide'},
	{keys: ['enter'], action: {type: 'overviewOpenSlide'}, help: 'open the slide'},
	{keys: ['/'], action: {type: 'overviewFilterOpen'}, help: 'filter by title (↑ ↓ and Enter still work)'},
	{keys: ['escape', 'o', 'q'], action: {type: 'cancel'}, help: 'close the overview'},
];

/** Map a key to an action for the current state; text entry (search, filter) comes first. */
export function keyToAction(key: KeyName, state: NavState): Action | undefined {
	if (state.overlay === 'help') {
		return helpKeys[key] ?? {type: 'cancel'};
	}

	if (state.follow) {
		if (state.follow.attached) {
			return attachedFollowerKeys[key];
		}

		if (key === 'f' && state.overlay === 'none') {
			return {type: 'rejoin'};
		}
	}

	if (state.overlay === 'search' || (state.quizEntry?.typing !== undefined && state.quizEntry.slide === state.slide)) {
		return textEntryAction(key);
	}

	if (state.overlay === 'overview' && state.overview.filtering) {
		return filterEntryAction(key);
	}

	const table = state.overlay === 'overview' ? overviewBindings : slideBindings;
	for (const binding of table) {
		if (binding.view !== undefined && binding.view !== state.view) {
			continue;
		}

		if (binding.keys.includes(key)) {
			// Blanking and the clock are the leader's.
			if (state.follow && (binding.action.type === 'blank' || binding.action.type === 'togglePause')) {
				return undefined;
			}

			return binding.action.type === 'digit' ? {type: 'digit', digit: key} : binding.action;
		}
	}

	return undefined;
}

/** Typing the overview's filter: keys that name no character still move and open. */
function filterEntryAction(key: KeyName): Action | undefined {
	switch (key) {
		case 'down': {
			return {type: 'overviewMove', by: 1};
		}

		case 'up': {
			return {type: 'overviewMove', by: -1};
		}

		case 'pagedown': {
			return {type: 'overviewMove', by: 10};
		}

		case 'pageup': {
			return {type: 'overviewMove', by: -10};
		}

		case 'enter': {
			return {type: 'overviewOpenSlide'};
		}

		default: {
			return textEntryAction(key);
		}
	}
}

function textEntryAction(key: KeyName): Action | undefined {
	switch (key) {
		case 'ctrl+c': {
			return {type: 'quit'};
		}

		case 'escape': {
			return {type: 'cancel'};
		}

		case 'enter': {
			return {type: 'textSubmit'};
		}

		case 'backspace': {
			return {type: 'textBackspace'};
		}

		case 'space': {
			return {type: 'textInput', text: ' '};
		}

		default: {
			return [...key].length === 1 ? {type: 'textInput', text: key} : undefined;
		}
	}
}

/**
 * The help overlay's rows: keys and what they do, from the tables above. A follower's help
 * names its own keys and leaves out the leader's (blank, the clock).
 */
export function helpRows(following = false): Array<{keys: string; help: string}> {
	// Each key in one row: the first that names it (a follower's own rows replace the slide's `s`).
	const named = new Set<string>(following ? followerHelp.map(row => row.keys) : []);
	const rows: Array<{keys: string; help: string}> = [];
	for (const binding of slideBindings) {
		if (binding.inHelp === false || (following && binding.view === 'present')) {
			continue;
		}

		const keys = binding.keys.filter(key => !named.has(key));
		for (const key of keys) {
			named.add(key);
		}

		if (keys.length === 0) {
			continue;
		}

		rows.push({
			keys: binding.label ?? (binding.action.type === 'digit' ? '0-9' : keys.map(key => keyLabel(key)).join(' ')),
			help: binding.helpRow ?? binding.help + (binding.view === 'study' ? ' (study)' : binding.view === 'present' ? ' (presenting)' : ''),
		});
	}

	rows.push({keys: 'Ctrl-Z', help: 'suspend (the shell comes back; fg returns here)'});
	if (following) {
		rows.push(...followerHelp);
	}

	rows.push({keys: 'in the overview', help: '↑ ↓ move, Enter open, / filter, Esc close'});
	return rows;
}
