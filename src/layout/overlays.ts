// What replaces the slide area while an overlay is open: the help (drawn from the key table)
// and the overview (every slide's number and title, grouped by section).
import {parseSlide} from '../deck/parse.js';
import {sectionIndexIfKnown, slideHead} from '../deck/deck.js';
import type {Deck, DeckMeta} from '../deck/types.js';
import {helpRows} from '../nav/keys.js';
import type {NavState} from '../nav/reducer.js';
import {asciiLine} from './code.js';
import {fitToHeight, type Size} from './layout.js';
import {padTo, truncate} from './text.js';
import {styles, type Theme} from './theme.js';

type OverlayInput = Readonly<{deck: Deck; state: NavState; theme: Theme; overviewSlides?: readonly number[]}>;

export function overlayLines(input: OverlayInput, area: Size): string[] | undefined {
	switch (input.state.overlay) {
		case 'help': {
			return fitToHeight(helpLines(area, input), area.height, input.state.helpScroll ?? 0, input.theme).lines;
		}

		case 'overview': {
			return overviewLines(input, area);
		}

		default: {
			return undefined;
		}
	}
}

/** The help's lines before they are fitted to the area (taller than an 80x24 screen: it scrolls). */
export function helpLines(area: Size, input: Pick<OverlayInput, 'state' | 'theme'>): string[] {
	const {theme} = input;
	const s = styles(theme);
	const rows = helpRows(input.state.follow !== undefined);
	const keyWidth = Math.min(28, Math.max(...rows.map(row => row.keys.length)));
	const scrolls = rows.length + 4 > area.height;
	return [
		'  ' + s.title('Keys') + (scrolls ? s.dim(`  ${theme.glyphs.separator} j k ${theme.ascii ? '' : '↑ ↓ '}Space scroll`) : ''),
		'',
		...rows.map(row => '  ' + s.strong(padTo(truncate(row.keys, keyWidth, theme.glyphs.ellipsis), keyWidth)) + '  ' + row.help),
		'',
		'  ' + s.dim('Esc or ? closes this help.'),
	].map(line => truncate(line, area.width, theme.glyphs.ellipsis));
}

/** Slides the overview lists: all of them, or those whose title contains the filter. */
const allSlides = new WeakMap<Deck, number[]>();

export function overviewSlides(deck: Deck, filter: string): number[] {
	// Made once per deck: the overview is drawn at every key, and a deck may have millions of slides.
	let all = allSlides.get(deck);
	if (!all) {
		all = Array.from({length: deck.count}, (_, i) => i);
		allSlides.set(deck, all);
	}

	const needle = filter.trim().toLowerCase();
	if (needle === '') {
		return all;
	}

	return all.filter(i => parseSlide(deck, i).title.toLowerCase().includes(needle));
}

function overviewLines(input: OverlayInput, area: Size): string[] {
	const {deck, state, theme} = input;
	const s = styles(theme);
	const list = input.overviewSlides ?? overviewSlides(deck, state.overview.filter);
	const header =
		state.overview.filtering || state.overview.filter !== ''
			? `  Overview ${theme.glyphs.separator} filter: ${state.overview.filter}${state.overview.filtering ? '_' : ''}  (${list.length} slides)`
			: `  Overview ${theme.glyphs.separator} ${deck.count} slides ${theme.glyphs.separator} Enter opens, / filters, Esc closes`;
	const about = aboutDeck(deck.meta, theme.glyphs.separator);
	const top =
		about === ''
			? [s.title(truncate(header, area.width, theme.glyphs.ellipsis)), '']
			: [
					s.title(truncate(`  ${about}`, area.width, theme.glyphs.ellipsis)),
					s.dim(truncate(header, area.width, theme.glyphs.ellipsis)),
					'',
				];
	const rows = Math.max(1, area.height - top.length);
	// Keep the cursor in view: centre it once the list is longer than the area.
	const first = Math.max(0, Math.min(state.overview.cursor - Math.floor(rows / 2), list.length - rows));
	const numberWidth = String(deck.count).length;
	const lines = [...top];
	for (const index of list.slice(first, first + rows)) {
		const head = slideHead(deck, index);
		const plainTitle = parseSlide(deck, index).title;
		const title = (theme.ascii ? asciiLine(plainTitle) : plainTitle) || s.dim('(untitled)');
		const marks = (state.bookmarks.includes(index) ? theme.glyphs.bookmark : ' ') + (index === state.slide ? '>' : ' ');
		const indent = head.isSection || sectionIndexIfKnown(deck, index) === -1 ? '' : '  ';
		let line = ` ${marks} ${String(index + 1).padStart(numberWidth)}  ${indent}${head.isSection ? s.sectionTitle(title) : title}`;
		line = truncate(line, area.width, theme.glyphs.ellipsis);
		lines.push(list[state.overview.cursor] === index ? s.current(padTo(line, area.width)) : line);
	}

	return fitToHeight(lines, area.height, 0, theme).lines;
}

/** `Title · Author · Date` from the front matter (sanitised where it was read), '' without any. */
export function aboutDeck(meta: DeckMeta, separator: string): string {
	return [meta.title, meta.author, meta.date].filter(part => part !== undefined && part.trim() !== '').join(` ${separator} `);
}
