// What replaces the slide area while an overlay is open: the help (drawn from the key table)
// and the overview (every slide's number and title, grouped by section).
import {parseSlide, slideTitle} from '../deck/parse.js';
import {sectionIndexIfKnown, slideHead} from '../deck/deck.js';
import type {Deck, DeckMeta} from '../deck/types.js';
import {helpRows} from '../nav/keys.js';
import type {NavState} from '../nav/reducer.js';
import {allSlides, type SlideList} from '../nav/slide-list.js';
import {asciiText} from './ascii.js';
import {fitToHeight, type Size} from './layout.js';
import {blankLine, join, line, padLine, run, truncateLine, withRoles} from './lines.js';
import type {Line, Role} from './runs.js';
import type {Theme} from './theme.js';

type OverlayInput = Readonly<{deck: Deck; state: NavState; theme: Theme; overviewSlides?: SlideList}>;

export function overlayLines(input: OverlayInput, area: Size): Line[] | undefined {
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
export function helpLines(area: Size, input: Pick<OverlayInput, 'state' | 'theme'>): Line[] {
	const {theme} = input;
	const rows = helpRows(input.state.follow !== undefined);
	const keyWidth = Math.min(28, Math.max(...rows.map(row => row.keys.length)));
	const scrolls = rows.length + 4 > area.height;
	const ellipsis = run(theme.glyphs.ellipsis);
	const indent = run('  ');
	const scrollHint = scrolls ? [run(`  ${theme.glyphs.separator} j k ${theme.ascii ? '' : '↑ ↓ '}Space scroll`, ['dim'])] : [];
	return [
		line([indent, run('Keys', ['title']), ...scrollHint]),
		blankLine,
		...rows.map(row =>
			join(indent, withRoles(padLine(truncateLine(line([run(row.keys)]), keyWidth, ellipsis), keyWidth), ['strong']), run(`  ${row.help}`)),
		),
		blankLine,
		line([indent, run('Esc or ? closes this help.', ['dim'])]),
	].map(each => truncateLine(each, area.width, ellipsis));
}

/** Slides the overview lists: all of them, or those whose title contains the filter. */
export function overviewSlides(deck: Deck, filter: string): SlideList {
	if (filter.trim() === '') {
		return allSlides(deck.count);
	}

	const found: number[] = [];
	const steps = overviewFilterSteps(deck, filter, found);
	while (!steps.next().done) {
		// each step is one slide's title
	}

	return found;
}

/**
 * The slides whose title holds `filter` (a non-blank one), pushed onto `found` in order,
 * pausing after each slide (its title is read from its text: one slide of a huge deck can be
 * the most a slice holds); returns how many slides were looked at after each pause.
 */
export function* overviewFilterSteps(deck: Deck, filter: string, found: number[]): Generator<number, void> {
	const needle = filter.trim().toLowerCase();
	for (let i = 0; i < deck.count; i++) {
		if (slideTitle(deck, i).toLowerCase().includes(needle)) found.push(i);
		yield i + 1;
	}
}

/** One line of text cut to the area's width, with `roles` around it. */
function cutLine(text: string, width: number, theme: Theme, roles?: readonly Role[]): Line {
	return truncateLine(line([run(text, roles)]), width, run(theme.glyphs.ellipsis, roles));
}

/** The typing cursor, as the search bar in the status bar draws it. */
function filterCursor(theme: Theme): string {
	return theme.ascii ? '_' : '▏';
}

function overviewLines(input: OverlayInput, area: Size): Line[] {
	const {deck, state, theme} = input;
	const list = input.overviewSlides ?? overviewSlides(deck, state.overview.filter);
	const header =
		state.overview.filtering || state.overview.filter !== ''
			? `  Overview ${theme.glyphs.separator} filter: ${state.overview.filter}${state.overview.filtering ? filterCursor(theme) : ''}  (${list.length} slide${list.length === 1 ? '' : 's'})`
			: `  Overview ${theme.glyphs.separator} ${deck.count} slides ${theme.glyphs.separator} Enter opens, / filters, Esc closes`;
	// The deck's title, author and date are deck text: converted in ASCII mode like the titles below.
	const aboutText = aboutDeck(deck.meta, theme.glyphs.separator);
	const about = theme.ascii ? asciiText(aboutText) : aboutText;
	const top =
		about === ''
			? [cutLine(header, area.width, theme, ['title']), blankLine]
			: [cutLine(`  ${about}`, area.width, theme, ['title']), cutLine(header, area.width, theme, ['dim']), blankLine];
	const rows = Math.max(1, area.height - top.length);
	// Keep the cursor in view: centre it once the list is longer than the area.
	const first = Math.max(0, Math.min(state.overview.cursor - Math.floor(rows / 2), list.length - rows));
	const numberWidth = String(deck.count).length;
	const lines = [...top];
	for (const index of list.slice(first, first + rows)) {
		const head = slideHead(deck, index);
		const plainTitle = parseSlide(deck, index).title;
		const title = theme.ascii ? asciiText(plainTitle) : plainTitle;
		const marks = (state.bookmarks.includes(index) ? theme.glyphs.bookmark : ' ') + (index === state.slide ? '>' : ' ');
		const indent = head.isSection || sectionIndexIfKnown(deck, index) === -1 ? '' : '  ';
		const shown = title === '' ? run('(untitled)', ['dim']) : head.isSection ? run(title, ['section']) : run(title);
		const entry = truncateLine(
			line([run(` ${marks} ${String(index + 1).padStart(numberWidth)}  ${indent}`), shown]),
			area.width,
			run(theme.glyphs.ellipsis),
		);
		lines.push(list.at(state.overview.cursor) === index ? withRoles(padLine(entry, area.width), ['current']) : entry);
	}

	return fitToHeight(lines, area.height, 0, theme).lines;
}

/** `Title · Author · Date` from the front matter (sanitised where it was read), '' without any. */
export function aboutDeck(meta: DeckMeta, separator: string): string {
	return [meta.title, meta.author, meta.date].filter(part => part !== undefined && part.trim() !== '').join(` ${separator} `);
}
