import {describe, expect, it} from 'vitest';
import {backgroundFor} from '../../src/cli/terminal-env.js';
import {openDeck} from '../../src/deck/deck.js';
import {initialState} from '../../src/nav/reducer.js';
import {aboutDeck, overlayLines} from '../../src/layout/overlays.js';
import {writePlain} from '../../src/layout/write.js';
import {createTheme, styles} from '../../src/layout/theme.js';

describe('theme: from the front matter', () => {
	it.each([
		['dark', {}, 'dark'],
		['light', {COLORFGBG: '15;0'}, 'light'],
		[' Light ', {}, 'light'],
		['auto', {COLORFGBG: '0;15'}, 'light'],
		['auto', {COLORFGBG: '0;default;7'}, 'light'],
		['auto', {COLORFGBG: '15;0'}, 'dark'],
		['auto', {COLORFGBG: '7;8'}, 'dark'],
		['auto', {}, 'dark'],
		[undefined, {COLORFGBG: '0;15'}, 'light'],
		[undefined, {COLORFGBG: 'junk'}, 'dark'],
		['solarized', {COLORFGBG: '0;15'}, 'light'],
		['solarized', {}, 'dark'],
	] as const)('theme %j with %j is %s', (theme, env, background) => {
		expect(backgroundFor(theme, env)).toBe(background);
	});

	it('a light background gets darker hues for titles, code and links, and its own memo key', () => {
		const dark = createTheme({level: 1, ascii: false});
		const light = createTheme({level: 1, ascii: false, background: 'light'});
		expect(styles(dark).title('T')).toBe('\u001B[1m\u001B[36mT\u001B[39m\u001B[22m');
		expect(styles(light).title('T')).toBe('\u001B[1m\u001B[34mT\u001B[39m\u001B[22m');
		expect(styles(dark).code('c')).toBe('\u001B[33mc\u001B[39m');
		expect(styles(light).code('c')).toBe('\u001B[31mc\u001B[39m');
		expect(light.id).not.toBe(dark.id);
	});
});

describe('title, author and date', () => {
	it('aboutDeck joins what the front matter has', () => {
		expect(aboutDeck({title: 'T', author: 'A', date: '2026-12-01', extra: {}}, '·')).toBe('T · A · 2026-12-01');
		expect(aboutDeck({title: 'T', extra: {}}, '·')).toBe('T');
		expect(aboutDeck({author: ' ', extra: {}}, '·')).toBe('');
	});

	it('the overview header shows them above the slide list', () => {
		const deck = openDeck('---\ntitle: Paging\nauthor: Ann Lee\ndate: 2026-12-01\n---\n\n# One\n\n---\n\n# Two\n', 'd.md');
		const state = {...initialState({slide: 0, notesVisible: false, view: 'present', bookmarks: []}), overlay: 'overview' as const};
		const lines = (overlayLines({deck, state, theme: createTheme({level: 0, ascii: false})}, {width: 80, height: 20}) ?? []).map(
			writePlain,
		);
		expect(lines[0]?.trim()).toBe('Paging · Ann Lee · 2026-12-01');
		expect(lines[1]).toMatch(/^ {2}Overview · 2 slides/);
		expect(lines[3]).toMatch(/1 {2}One/);
	});
});
