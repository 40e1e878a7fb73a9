// `lectern print <deck>`: the deck as text on stdout, laid out by the same function the
// presenter uses. No cursor movement; colour only on a terminal and never with NO_COLOR.
import {slideHead} from '../../deck/deck.js';
import {parseSlide, sectionTitle} from '../../deck/parse.js';
import {renderNotes, renderSlideBody} from '../../layout/layout.js';
import {cellWidth, truncate} from '../../layout/text.js';
import {styles} from '../../layout/theme.js';
import {loadDeck} from '../load.js';
import {streamTheme} from '../terminal-env.js';

export type PrintArgs = Readonly<{deck: string; width?: number; notes: boolean; ascii: boolean; maxSize: number}>;

export function runPrint(args: PrintArgs): number {
	const deck = loadDeck(args.deck, args.maxSize * 1024 * 1024);
	const width = Math.max(20, Math.floor(args.width ?? (process.stdout.isTTY ? process.stdout.columns : 80) ?? 80));
	const theme = streamTheme(process.stdout, process.env, args.ascii);
	const s = styles(theme);
	const rule = theme.glyphs.horizontal;
	const out: string[] = [];
	for (let i = 0; i < deck.count; i++) {
		const slide = parseSlide(deck, i);
		const crumbs = [sectionTitle(deck, i), slide.title].filter(Boolean).join(` ${theme.glyphs.crumb} `);
		const label = `${rule}${rule} ${i + 1}/${deck.count}${crumbs === '' ? '' : ` ${theme.glyphs.separator} ${crumbs}`} `;
		const head = truncate(label, width, theme.glyphs.ellipsis);
		out.push(s.dim(head + rule.repeat(Math.max(0, width - cellWidth(head)))), '');
		out.push(...renderSlideBody(slide, slideHead(deck, i).steps - 1, width, theme).lines);
		if (args.notes && slide.notes.length > 0) {
			out.push('', '  ' + s.dim('Notes:'), ...renderNotes(slide.notes, width - 4, theme).map(line => '  ' + line));
		}

		out.push('');
	}

	process.stdout.write(out.map(line => line.trimEnd()).join('\n') + '\n');
	return 0;
}
