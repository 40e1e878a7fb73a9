import {describe, expect, it} from 'vitest';
import {helpRows, keyLabel, keyToAction, overviewBindings, slideBindings, type KeyName} from '../../src/nav/keys.js';
import {initialState, type NavState} from '../../src/nav/reducer.js';
import {defined} from '../support/defined.js';

const presenting = initialState();
const studying = initialState({view: 'study'});
const inOverlay = (overlay: NavState['overlay'], extra: Partial<NavState> = {}): NavState => ({...initialState(), overlay, ...extra});

describe('the slide key table', () => {
	it.each([
		['right', {type: 'next'}],
		['down', {type: 'next'}],
		['l', {type: 'next'}],
		['j', {type: 'next'}],
		['space', {type: 'next'}],
		['enter', {type: 'next'}],
		['pagedown', {type: 'next'}],
		['left', {type: 'prev'}],
		['up', {type: 'prev'}],
		['h', {type: 'prev'}],
		['k', {type: 'prev'}],
		['backspace', {type: 'prev'}],
		['pageup', {type: 'prev'}],
		['g', {type: 'first'}],
		['home', {type: 'first'}],
		['G', {type: 'last'}],
		['end', {type: 'last'}],
		['0', {type: 'digit', digit: '0'}],
		['7', {type: 'digit', digit: '7'}],
		['s', {type: 'toggleNotes'}],
		['J', {type: 'scrollNotes', by: 1}],
		['K', {type: 'scrollNotes', by: -1}],
		['t', {type: 'toggleView'}],
		['m', {type: 'toggleBookmark'}],
		['/', {type: 'searchOpen'}],
		['n', {type: 'searchNext'}],
		['N', {type: 'searchPrev'}],
		['o', {type: 'overviewOpen'}],
		["'", {type: 'jumpBack'}],
		['?', {type: 'helpOpen'}],
		['escape', {type: 'cancel'}],
		['q', {type: 'quit'}],
		['ctrl+c', {type: 'quit'}],
	] as const)('presenting: %s', (key, action) => {
		expect(keyToAction(key, presenting)).toEqual(action);
	});

	it.each([
		['j', {type: 'scrollDown'}],
		['down', {type: 'scrollDown'}],
		['k', {type: 'scrollUp'}],
		['up', {type: 'scrollUp'}],
		['l', {type: 'next'}],
		['space', {type: 'next'}],
		['h', {type: 'prev'}],
		['t', {type: 'toggleView'}],
	] as const)('studying: %s', (key, action) => {
		expect(keyToAction(key, studying)).toEqual(action);
	});

	it('the presenting-only keys do nothing in study mode', () => {
		for (const key of ['J', 'K']) {
			expect(keyToAction(key, studying)).toBeUndefined();
		}
	});

	it('s shows or hides the notes in both views', () => {
		expect(keyToAction('s', presenting)).toEqual({type: 'toggleNotes'});
		expect(keyToAction('s', studying)).toEqual({type: 'toggleNotes'});
	});

	it('unbound keys do nothing', () => {
		for (const key of ['x', 'tab', 'Z', '€', 'f1']) {
			expect(keyToAction(key, presenting)).toBeUndefined();
		}
	});

	it('every binding is reachable: its first key gives its action in a view it applies to', () => {
		for (const binding of slideBindings) {
			const state = binding.view === 'study' ? studying : presenting;
			for (const key of binding.keys) {
				const action = keyToAction(key, state);
				// Only study's scroll bindings may shadow a key of a later binding.
				if (binding.view === undefined && state === presenting) {
					expect(action).toEqual(binding.action.type === 'digit' ? {type: 'digit', digit: key} : binding.action);
				}
			}

			expect(keyToAction(defined(binding.keys[0]), state)).toEqual(
				binding.action.type === 'digit' ? {type: 'digit', digit: binding.keys[0]} : binding.action,
			);
		}
	});
});

describe('text entry: search and overview filter', () => {
	const search = inOverlay('search');
	const filter = inOverlay('overview', {overview: {cursor: 0, filter: '', filtering: true}});

	it.each([search, filter])('keys are text, with Esc, Backspace and Ctrl-C special (%#)', state => {
		expect(keyToAction('l', state)).toEqual({type: 'textInput', text: 'l'});
		expect(keyToAction('j', state)).toEqual({type: 'textInput', text: 'j'});
		expect(keyToAction("'", state)).toEqual({type: 'textInput', text: "'"});
		expect(keyToAction('q', state)).toEqual({type: 'textInput', text: 'q'});
		expect(keyToAction('/', state)).toEqual({type: 'textInput', text: '/'});
		expect(keyToAction('é', state)).toEqual({type: 'textInput', text: 'é'});
		expect(keyToAction('日', state)).toEqual({type: 'textInput', text: '日'});
		expect(keyToAction('space', state)).toEqual({type: 'textInput', text: ' '});
		expect(keyToAction('escape', state)).toEqual({type: 'cancel'});
		expect(keyToAction('backspace', state)).toEqual({type: 'textBackspace'});
		expect(keyToAction('ctrl+c', state)).toEqual({type: 'quit'});
		expect(keyToAction('left', state)).toBeUndefined();
	});

	it('in the search bar Enter submits; arrows are not text', () => {
		expect(keyToAction('enter', search)).toEqual({type: 'textSubmit'});
		expect(keyToAction('down', search)).toBeUndefined();
		expect(keyToAction('pagedown', search)).toBeUndefined();
	});

	it('in the overview filter ↑ ↓ PgUp PgDn move and Enter opens the highlighted slide', () => {
		expect(keyToAction('down', filter)).toEqual({type: 'overviewMove', by: 1});
		expect(keyToAction('up', filter)).toEqual({type: 'overviewMove', by: -1});
		expect(keyToAction('pagedown', filter)).toEqual({type: 'overviewMove', by: 10});
		expect(keyToAction('pageup', filter)).toEqual({type: 'overviewMove', by: -10});
		expect(keyToAction('enter', filter)).toEqual({type: 'overviewOpenSlide'});
	});
});

describe('the overview key table', () => {
	const overview = inOverlay('overview');

	it.each([
		['down', {type: 'overviewMove', by: 1}],
		['j', {type: 'overviewMove', by: 1}],
		['up', {type: 'overviewMove', by: -1}],
		['k', {type: 'overviewMove', by: -1}],
		['pagedown', {type: 'overviewMove', by: 10}],
		['space', {type: 'overviewMove', by: 10}],
		['pageup', {type: 'overviewMove', by: -10}],
		['g', {type: 'overviewMove', by: -Infinity}],
		['home', {type: 'overviewMove', by: -Infinity}],
		['G', {type: 'overviewMove', by: Infinity}],
		['end', {type: 'overviewMove', by: Infinity}],
		['enter', {type: 'overviewOpenSlide'}],
		['/', {type: 'overviewFilterOpen'}],
		['escape', {type: 'cancel'}],
		['o', {type: 'cancel'}],
		['q', {type: 'cancel'}],
		['ctrl+c', {type: 'quit'}],
	] as const)('%s', (key, action) => {
		expect(keyToAction(key, overview)).toEqual(action);
	});

	it('every overview binding is listed once per key', () => {
		const keys = overviewBindings.flatMap(binding => binding.keys);
		expect(new Set(keys).size).toBe(keys.length);
	});
});

describe('the help overlay', () => {
	const help = inOverlay('help');

	it('j k arrows, Space and the page keys scroll it; any other key closes it; q and Ctrl-C quit', () => {
		for (const key of ['?', 'escape', 'l', 'enter', 'x', 'h']) {
			expect(keyToAction(key, help)).toEqual({type: 'cancel'});
		}

		expect(keyToAction('q', help)).toEqual({type: 'quit'});
		expect(keyToAction('ctrl+c', help)).toEqual({type: 'quit'});
		for (const key of ['j', 'down']) expect(keyToAction(key, help)).toEqual({type: 'helpScroll', by: 1});
		for (const key of ['k', 'up']) expect(keyToAction(key, help)).toEqual({type: 'helpScroll', by: -1});
		for (const key of ['space', 'pagedown']) expect(keyToAction(key, help)).toEqual({type: 'helpScroll', by: 10});
		expect(keyToAction('pageup', help)).toEqual({type: 'helpScroll', by: -10});
		expect(keyToAction('G', help)).toEqual({type: 'helpScroll', by: Infinity});
		expect(keyToAction('g', help)).toEqual({type: 'helpScroll', by: -Infinity});
	});

	it('a follower opens it with ? and scrolls it like anyone, even while attached to the talk', () => {
		const attached = {...initialState(), follow: {attached: true, slide: 0, step: 0, blank: false}};
		expect(keyToAction('?', attached)).toEqual({type: 'helpOpen'});
		expect(keyToAction('j', {...attached, overlay: 'help'})).toEqual({type: 'helpScroll', by: 1});
		expect(keyToAction('escape', {...attached, overlay: 'help'})).toEqual({type: 'cancel'});
	});

	it("names Ctrl-Z, and a follower's d, f and s only in a follower's help (without the leader's b and p)", () => {
		const rows = helpRows();
		expect(rows.find(row => row.keys === 'Ctrl-Z')?.help).toMatch(/suspend/);
		expect(rows.some(row => row.keys === 'd' || row.keys === 'f')).toBe(false);
		const following = helpRows(true);
		expect(following.find(row => row.keys === 'd')?.help).toMatch(/browse on your own/);
		expect(following.find(row => row.keys === 'f')?.help).toMatch(/follow the talk again/);
		expect(following.find(row => row.keys === 's' && row.help.includes('(following)'))?.help).toMatch(/notes the lecturer shared/);
		expect(following.some(row => row.keys === 'b .' || row.keys === 'p')).toBe(false);
		expect(rows.some(row => row.keys === 'b .')).toBe(true);
	});

	it("names each key in one row only, a follower's too (its own s replaces the slide's)", () => {
		for (const rows of [helpRows(), helpRows(true)]) {
			const keys = rows.filter(row => row.keys !== 'in the overview').flatMap(row => row.keys.split(' '));
			expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);
		}

		expect(helpRows(true).filter(row => row.keys === 's')).toEqual([
			{keys: 's', help: 'show or hide the notes the lecturer shared (following)'},
		]);
	});

	it('lists every slide binding, drawn from the table', () => {
		const rows = helpRows();
		const shown = slideBindings.filter(binding => binding.inHelp !== false);
		// ... and Ctrl-Z and the overview's keys, which have no binding of their own.
		expect(rows).toHaveLength(shown.length + 2);
		// A binding left out of the help is named in another row.
		expect(rows.find(row => row.keys === '0-9')?.help).toContain('a: type an answer');
		// Each binding's row names its keys but those an earlier row named (j ↓ and k ↑: the study rows).
		const named = new Set<string>();
		for (const binding of shown) {
			const keys = binding.keys.filter(key => !named.has(key));
			for (const key of keys) named.add(key);
			const label = binding.label ?? (binding.action.type === 'digit' ? '0-9' : keys.map(key => keyLabel(key)).join(' '));
			expect(rows.map(row => row.keys)).toContain(label);
		}

		expect(rows.at(-1)).toEqual({keys: 'in the overview', help: '↑ ↓ move, Enter open, / filter, Esc close'});
	});

	it('shows the exact rows for the main keys', () => {
		const rows = helpRows();
		const find = (keys: string) => rows.find(row => row.keys === keys)?.help;
		expect(find('→ l Space Enter PgDn')).toBe('next step or slide');
		expect(find('← h Backspace PgUp')).toBe('previous step or slide');
		expect(find('g Home')).toBe('first slide (a number then g: that slide)');
		expect(find('G End')).toBe('last slide (a number then G: that slide)');
		expect(find('s')).toBe('show or hide the notes (the pane, or under the slide in study)');
		expect(find('?')).toBe('this help');
		expect(find('Esc')).toBe('close an overlay, clear a number, then the search marks');
		expect(find('q Ctrl-C')).toBe('quit');
		expect(find('/')).toBe('search the deck');
		expect(find('n')).toBe('next matching slide');
		expect(find("''")).toBe('back before the last jump (search, number, g, G, o)');
		expect(find('N')).toBe('previous matching slide');
		expect(find('o')).toBe('overview of all slides');
		expect(find('j ↓')).toBe('next step or slide (study: scroll down first)');
		expect(find('k ↑')).toBe('previous step or slide (study: scroll up first)');
		expect(find('0-9')).toBe('a number then Enter: go to that slide; on a question (study): pick a choice, a: type an answer');
	});

	it('includes every key the presenter promises', () => {
		const shown = helpRows().flatMap(row => row.keys.split(' '));
		for (const key of [
			'→',
			'↓',
			'l',
			'j',
			'Space',
			'Enter',
			'PgDn',
			'←',
			'↑',
			'h',
			'k',
			'Backspace',
			'PgUp',
			'g',
			'Home',
			'G',
			'End',
			's',
			'?',
			'Esc',
			'q',
			'Ctrl-C',
			'/',
			'n',
			'N',
			'o',
		]) {
			expect(shown).toContain(key);
		}
	});
});

describe('keyLabel', () => {
	it.each([
		['right', '→'],
		['left', '←'],
		['up', '↑'],
		['down', '↓'],
		['pageup', 'PgUp'],
		['pagedown', 'PgDn'],
		['home', 'Home'],
		['end', 'End'],
		['enter', 'Enter'],
		['escape', 'Esc'],
		['backspace', 'Backspace'],
		['space', 'Space'],
		['ctrl+c', 'Ctrl-C'],
		['tab', 'Tab'],
		['x', 'x'],
	] as const)('%s → %s', (key: KeyName, label) => {
		expect(keyLabel(key)).toBe(label);
	});
});
