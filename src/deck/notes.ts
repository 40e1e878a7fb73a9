import {group, itemAt} from './checked.js';
// Line-level syntax of a deck that Markdown itself does not know: separators, pauses and the
// speaker-note conventions other presenters use. One table, so the scanner, the slide parser
// and the guide all agree on what a line means.

/** How a speaker-note syntax starts, and where its notes end. */
export type NoteSyntax = Readonly<{
	name: string;
	/** Matches the opening line; group 1, when present, is text on that same line. */
	open: RegExp;
	/**
	 * `comment`: notes run to the next `-->` (which may be on the opening line);
	 * `div`: notes run to a line that is just `:::`;
	 * `rest`: notes run to the end of the slide.
	 */
	until: 'comment' | 'div' | 'rest';
}>;

export const noteSyntaxes: readonly NoteSyntax[] = [
	{name: '<!-- notes: … -->', open: /^\s*<!--\s*notes?\s*:(.*)$/i, until: 'comment'},
	{name: '<!-- speaker_note: … -->', open: /^\s*<!--\s*speaker[_-]notes?\s*:(.*)$/i, until: 'comment'},
	{name: '::: notes … :::', open: /^\s*:::\s*\{?\.?notes\}?\s*$/i, until: 'div'},
	// reveal.js's `^note:`, case-insensitive: the marker's own line is the first line of notes.
	{name: 'Note: (rest of the slide)', open: /^notes?:(.*)$/i, until: 'rest'},
	{name: '??? (rest of the slide)', open: /^\?\?\?\s*$/, until: 'rest'},
];

const separatorLine = /^(?:---|<!--\s*end_slide\s*-->)\s*$/;
const pauseLine = /^\s*<!--\s*pause\s*-->\s*$/;
const divClose = /^\s*:::\s*$/;
const fenceOpen = /^ {0,3}(`{3,}|~{3,})(.*)$/;

export function isSeparator(line: string): boolean {
	return separatorLine.test(line);
}

export function isPause(line: string): boolean {
	return pauseLine.test(line);
}

export function isDivClose(line: string): boolean {
	return divClose.test(line);
}

/** What every note syntax's opening line has in it: most lines have neither, and need no pattern tried. */
const noteOpenHint = /<!--|:|\?\?\?/;

export function matchNoteOpen(line: string): {syntax: NoteSyntax; rest: string} | undefined {
	if (!noteOpenHint.test(line)) {
		return undefined;
	}

	// Indexes, not for…of: this meets every line of every slide, and the bin's V8 runs without
	// its optimising compiler, where for…of allocates per element (see parse.ts sanitizeToken).
	for (let i = 0; i < noteSyntaxes.length; i++) {
		const syntax = itemAt(noteSyntaxes, i);
		const match = syntax.open.exec(line);
		if (match) {
			return {syntax, rest: match[1] ?? ''};
		}
	}

	return undefined;
}

/** A fence opener: its marker (for the matching closer) and info string. */
export function matchFenceOpen(line: string): {marker: string; info: string} | undefined {
	const match = fenceOpen.exec(line);
	if (!match) {
		return undefined;
	}

	const marker = group(match, 1);
	const info = group(match, 2).trim();
	// A backtick fence's info string may not contain backticks (CommonMark).
	if (marker.startsWith('`') && info.includes('`')) {
		return undefined;
	}

	return {marker, info};
}

export function closesFence(line: string, marker: string): boolean {
	const trimmed = line.trim();
	if (line.length - line.trimStart().length > 3) {
		return false;
	}

	return trimmed.length >= marker.length && /^(`+|~+)$/.test(trimmed) && trimmed[0] === marker[0];
}

/** Where an HTML comment that does not close on its own line starts. */
export function opensComment(line: string): boolean {
	const start = line.indexOf('<!--');
	return start !== -1 && !line.includes('-->', start + 4);
}
