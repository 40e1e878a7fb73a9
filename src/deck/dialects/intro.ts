// presenterm's introduction slide: a deck whose front matter gives a title, a sub title or
// its author(s) opens with a slide built from them. It is made here as Markdown put before
// the deck's body, so every reader (the presenter, print, search, a follower) sees one more
// slide and nothing else changes. It takes at most three lines, which the front matter it
// comes from always has, so the body's line numbers stay those of the file. The deck says it
// has one (`intro`): presenterm draws it centred, from the middle row down, and it has no notes
// to ask for.
import type {FrontMatter} from '../front-matter.js';
import {sanitizeLine} from '../sanitize.js';

/** One line of plain text from a front-matter value (a list is joined by commas). */
function plainValue(value: unknown): string {
	const items = Array.isArray(value) ? value : [value];
	return items
		.filter(item => item !== undefined && item !== null && typeof item !== 'object')
		.map(item => sanitizeLine(String(item)).replaceAll('\u2424', ' ').replaceAll(/\s+/g, ' ').trim())
		.filter(item => item !== '')
		.join(', ');
}

/** Backslash before every ASCII punctuation mark: the text is shown as written, never read as Markdown. */
function escapeMarkdown(text: string): string {
	return text.replaceAll(/[!-/:-@[-`{-~]/g, '\\$&');
}

/** The front matter with the introduction slide before its body, when it has something to show. */
export function withIntroSlide(front: FrontMatter): FrontMatter {
	const {meta} = front;
	const extra = meta.extra;
	// presenterm's title may hold inline Markdown; after `# ` it can only be the heading's text.
	const title = plainValue(meta.title);
	const authors = plainValue(meta.author) || plainValue(extra['authors']);
	const details = [
		plainValue(extra['sub_title']),
		plainValue(extra['event']),
		plainValue(extra['location']),
		plainValue(meta.date),
		authors,
	]
		.filter(part => part !== '')
		.map(escapeMarkdown);
	if (title === '' && details.length === 0) {
		return front;
	}

	const lines = [...(title === '' ? [] : [`# ${title}`]), ...(details.length === 0 ? [] : [details.join('<br>')]), '<!-- end_slide -->'];
	if (lines.length > front.bodyLine) {
		return front;
	}

	return {
		meta: authors !== '' && meta.author === undefined ? {...meta, author: authors} : meta,
		body: `${lines.join('\n')}\n${front.body}`,
		bodyLine: front.bodyLine - lines.length,
		intro: true,
	};
}
