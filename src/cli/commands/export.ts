// `lectern export deck.md [-o deck.html] [--format html|md] [--no-notes] [--notes open|collapsed]`:
// the deck as a handout, one self-contained HTML page (or a Markdown file) written atomically.
// The page is built by src/export from the deck's own elements; this reads the deck with the
// usual guards, loads the highlighter when a slide has code, and writes the file.
import {extname} from 'node:path';
import {sanitizeLine} from '../../deck/sanitize.js';
import type {Deck} from '../../deck/types.js';
import {streamedHandout} from '../../export/handout.js';
import {handoutPageParts} from '../../export/html-page.js';
import {handoutMarkdownParts} from '../../export/markdown.js';
import {LecternError, exitCodes} from '../errors.js';
import {loadHighlighter} from '../highlighter.js';
import {loadDeck} from '../load.js';
import {refuseInputAsOutput, writeOutputParts} from '../output-file.js';
import {writeParts} from '../write-lines.js';

export type ExportArgs = Readonly<{
	deck: string;
	output?: string;
	format: 'html' | 'md';
	notes: boolean;
	notesMode: 'open' | 'collapsed';
	maxSize: number;
	version: string;
}>;

export async function runExport(args: ExportArgs): Promise<number> {
	// The deck first: a path that is no deck (a folder, a missing file) is said as such.
	const deck = loadDeck(args.deck, args.maxSize * 1024 * 1024);
	const output = args.output ?? defaultOutput(args.deck, args.format);
	if (output !== '-') refuseInputAsOutput(args.deck, output, args.format === 'md' ? 'Markdown handout' : 'HTML page');
	const {handout, slidesWithNotes} = streamedHandout(deck, {notes: args.notes});
	const generator = `Lectern ${args.version}`;
	const highlighter = args.format === 'html' && mayHoldCode(deck) ? await loadHighlighter().catch(() => undefined) : undefined;
	// Made a slide at a time as the output takes it (a generator): never the whole page at once.
	const parts =
		args.format === 'md'
			? handoutMarkdownParts(handout)
			: handoutPageParts(handout, {notes: args.notes ? args.notesMode : 'none', generator, highlighter});
	if (output === '-') {
		await writeParts(process.stdout, parts);
		return exitCodes.ok;
	}

	await writeOutputParts(output, parts);
	process.stdout.write(`${sanitizeLine(`exported ${args.deck} → ${output}: ${summary(deck, slidesWithNotes())}`)}\n`);
	return exitCodes.ok;
}

/** `talk.md` → `talk.html`, or `talk.handout.md` (never the deck itself). */
export function defaultOutput(deck: string, format: 'html' | 'md'): string {
	const stem = extname(deck) === '' ? deck : deck.slice(0, -extname(deck).length);
	if (stem === '' || stem.endsWith('/')) {
		throw new LecternError('give the output file with -o', {file: deck, code: exitCodes.usage});
	}

	return format === 'md' ? `${stem}.handout.md` : `${stem}.html`;
}

/**
 * Whether a slide or a note may hold a fenced code block, the only kind with a language to
 * highlight (the highlighter is loaded only then). Read from the text, not the parsed slides:
 * the page is written a slide at a time, and the highlighter must be there before the first.
 */
function mayHoldCode(deck: Deck): boolean {
	return deck.body.includes('```') || deck.body.includes('~~~');
}

function summary(deck: Deck, slidesWithNotes: number): string {
	return `${deck.count} slide${deck.count === 1 ? '' : 's'}, ${slidesWithNotes} with notes`;
}
