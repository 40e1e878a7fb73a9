// `lectern outline [deck..]`: sections and slide titles with their numbers, as a tree.
import {resolve} from 'node:path';
import {sectionIndexOf, slideHead} from '../../deck/deck.js';
import {parseSlide} from '../../deck/parse.js';
import {sanitizeLine} from '../../deck/sanitize.js';
import {createTheme} from '../../layout/theme.js';
import {defaultStateDir, loadState} from '../../state/store.js';
import {expandDeckPaths} from '../decks.js';
import {loadDeck} from '../load.js';
import {prefersAscii} from '../terminal-env.js';

export type OutlineArgs = Readonly<{decks?: readonly string[]; json: boolean; maxSize: number}>;

export function runOutline(args: OutlineArgs): number {
	const glyphs = createTheme({level: 0, ascii: prefersAscii(process.env)}).glyphs;
	const out: string[] = [];
	for (const file of expandDeckPaths(args.decks)) {
		const deck = loadDeck(file, args.maxSize * 1024 * 1024);
		const bookmarks = new Set(loadState(defaultStateDir(), resolve(file)).state?.bookmarks ?? []);
		const slides = Array.from({length: deck.count}, (_, i) => {
			const head = slideHead(deck, i);
			return {slide: i + 1, title: parseSlide(deck, i).title, isSection: head.isSection, section: sectionIndexOf(deck, i), line: head.source.line, bookmarked: bookmarks.has(i)};
		});
		if (args.json) {
			out.push(JSON.stringify({deck: file, title: deck.meta.title ?? null, slides: slides.map(({section, ...rest}) => ({...rest, section: section === -1 ? null : slides[section]!.title}))}));
			continue;
		}

		const width = String(deck.count).length;
		out.push(sanitizeLine(`${file}${deck.meta.title ? ` ${glyphs.separator} ${deck.meta.title}` : ''}`));
		for (const slide of slides) {
			const mark = slide.bookmarked ? glyphs.bookmark : ' ';
			const indent = slide.isSection || slide.section === -1 ? '' : '    ';
			out.push(`${mark}${String(slide.slide).padStart(width + 1)}  ${indent}${sanitizeLine(slide.title || '(untitled)')}`);
		}
	}

	process.stdout.write(out.map(line => line + '\n').join(''));
	return 0;
}
