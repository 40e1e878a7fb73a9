// A slide's search document read straight from its text, without marked, for the slides plain
// enough that the result is sure to be the parse's (`slideDoc`). Cold search parses only the
// slides the prefilter lets through, but each parse under the bin's V8 flags (no optimising
// compiler) costs about half a millisecond, most of a cold search over a deck of short slides.
//
// Plain enough means: one reveal step; lines that are blank (or a dropped comment's `<!---->`), an ATX heading, a `- ` bullet item
// on one line, or a paragraph line starting with a letter; words of ASCII letters and digits
// with a few punctuation marks, and `*emphasis*` or `**strong**` around whole words; and fenced
// blocks without an info string (code as written) of printable ASCII lines. Anything
// else (and any doubt) returns undefined, and the slide is parsed. test/unit/plain-slide.test.ts
// holds this equal to the parse on the fixtures, the bundled decks and the hostile corpus.
// The presenter's search index reads its slides this way too (deck-docs.ts incrementalIndex).
import {slideText} from '../deck/deck.js';
import {dialects} from '../deck/dialects/rules.js';
import {sectionCrumb} from '../deck/parse.js';
import type {SlideText} from '../deck/slide-text.js';
import type {Deck} from '../deck/types.js';
import type {SearchDoc} from './index.js';

/** What marked reads as text alone (no `/` or `@`: autolinks; no `[`, `<`, `&`, `\`, `_`, `` ` ``, `*` left over). */
const plainWords = /^[A-Za-z0-9 ,.:;?!'()-]*$/;
/** Emphasis that opens after a space and closes before a space or punctuation, around letters, digits and spaces. */
const emphasis = /(?<=^|[ (])(\*{1,2})([A-Za-z0-9](?:[A-Za-z0-9 ]*[A-Za-z0-9])?)\1(?=$|[ ).,:;?!])/g;
/** GFM's extended autolink starts without a scheme. */
const bareLink = /www\./i;
const heading = /^#{1,6} ([^ #](?:[^#]*[^ #])?)$/;
const paragraphStart = /^[A-Za-z]/;
/** A fence with no info string, opening or closing. */
const bareFence = '```';
/** A line inside such a fence that is sure to be code as written: printable ASCII, no fence of its own. */
const plainCodeLine = /^(?! {0,3}(?:```|~~~))[\x20-\x7e]*$/;

/** One line of inline Markdown as plain text, or undefined when it holds more than words and simple emphasis. */
function plainInline(text: string): string | undefined {
	if (text.endsWith(' ') || bareLink.test(text)) return undefined;
	const words = text.includes('*') ? text.replace(emphasis, '$2') : text;
	return plainWords.test(words) ? words : undefined;
}

/**
 * Markdown of plain lines → what `elementsToPlain` makes of its parse, or undefined (see the top).
 * `hidden`: the lines the deck's dialect leaves out of a code block (none here, or the parse's
 * code would differ).
 */
export function plainMarkdown(markdown: string, hidden?: (line: string) => boolean): string | undefined {
	const out: string[] = [];
	let previous: 'blank' | 'heading' | 'item' | 'paragraph' = 'blank';
	let paragraph = '';
	const lines = markdown.split('\n');
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i] as string;
		// `<!---->`: where slide-text.ts dropped a notes comment; an HTML block that shows nothing.
		if (line === '' || line === '<!---->') {
			if (previous === 'paragraph') out.push(paragraph);
			previous = 'blank';
			continue;
		}

		if (line.length > 1000) return undefined;
		if (line === bareFence) {
			// A fence interrupts a paragraph; one right after an item line is left to marked.
			if (previous === 'item') return undefined;
			if (previous === 'paragraph') out.push(paragraph);
			let end = i + 1;
			for (; end < lines.length && lines[end] !== bareFence; end++) {
				const code = lines[end] as string;
				if (code.length > 1000 || !plainCodeLine.test(code) || hidden?.(code)) return undefined;
			}

			// Not closed in the slide: left to marked.
			if (end === lines.length) return undefined;
			// Code as written, each line's trailing spaces and the blank lines left out (elementsToPlain).
			for (let k = i + 1; k < end; k++) out.push((lines[k] as string).trimEnd());
			i = end;
			previous = 'blank';
			continue;
		}

		const title = heading.exec(line);
		let text: string | undefined;
		if (title) {
			text = plainInline(title[1] as string);
			if (text === undefined) return undefined;
			if (previous === 'paragraph') out.push(paragraph);
			out.push(text);
			previous = 'heading';
		} else if (line.startsWith('- ')) {
			// An item right after a paragraph line, or a line right after an item, is where
			// CommonMark's rules get subtle (interrupting, lazy continuation): left to marked.
			text = paragraphStart.test(line.slice(2)) && previous !== 'paragraph' ? plainInline(line.slice(2)) : undefined;
			if (text === undefined) return undefined;
			out.push(`  ${text}`);
			previous = 'item';
		} else if (paragraphStart.test(line) && previous !== 'item') {
			text = plainInline(line);
			if (text === undefined) return undefined;
			// A soft line break inside a paragraph reads as a space (parse.ts sanitizeToken).
			paragraph = previous === 'paragraph' ? `${paragraph} ${text}` : text;
			previous = 'paragraph';
		} else {
			return undefined;
		}
	}

	if (previous === 'paragraph') out.push(paragraph);
	return out.filter(line => line.trim() !== '').join('\n');
}

/**
 * The title, body and notes a parse of slide `text` (a slide of `deck`) gives as plain
 * text, without parsing it, or undefined when that is not sure to be the same.
 */
export function plainSlideFields(deck: Deck, text: SlideText): {title: string; body: string; notes: string} | undefined {
	if (text.steps.length !== 1) return undefined;
	const dialect = dialects[deck.dialect ?? 'lectern'];
	const hiddenLine = dialect.hiddenCodeLine;
	const hidden = hiddenLine ? (line: string) => hiddenLine(line, '') : undefined;
	const body = plainMarkdown((text.steps[0] as {markdown: string}).markdown, hidden);
	const notes = body === undefined ? undefined : plainMarkdown(text.notes, hidden);
	const title = notes === undefined ? undefined : plainInline(text.titleSource);
	if (body === undefined || notes === undefined || title === undefined) return undefined;
	return {title, body, notes};
}

/** `slideDoc(deck, index, deckName)` without parsing the slide, or undefined when that is not sure to be the same. */
export function plainSlideDoc(deck: Deck, index: number, deckName: string = deck.file): SearchDoc | undefined {
	const fields = plainSlideFields(deck, slideText(deck, index));
	return (
		fields && {
			deck: deckName,
			slide: index,
			title: fields.title,
			section: sectionCrumb(deck, index),
			body: fields.body,
			notes: fields.notes,
		}
	);
}
