// One slide's source, split into what the audience sees (in reveal steps) and what only the
// speaker reads. Works line by line, fence-aware, with the syntax table in notes.ts.
import {closesFence, isDivClose, isPause, matchFenceOpen, matchNoteOpen} from './notes.js';

export type SlideText = Readonly<{
	/** Visible Markdown per reveal step, with the 0-based line (within the slide) it starts on. */
	steps: readonly Readonly<{markdown: string; line: number}>[];
	/** Speaker notes (Markdown), '' when none. */
	notes: string;
	hasNotes: boolean;
	/** The first ATX heading: its depth and Markdown text (0 and '' when none). */
	titleDepth: number;
	titleSource: string;
	/** Only a `#` heading is visible: the slide opens a section. */
	isSection: boolean;
	/** A notes comment or `::: notes` block that never closes (0-based line), or -1. */
	unterminatedNotesLine: number;
}>;

const atxHeading = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const commentOnly = /^\s*<!--.*-->\s*$/;

export function splitSlideText(raw: string): SlideText {
	const lines = raw.split('\n');
	const steps: Array<{markdown: string; line: number}> = [];
	let current: string[] = [];
	let currentStart = 0;
	const notes: string[] = [];
	let hasNotes = false;
	let fence: string | undefined;
	let notesMode: 'comment' | 'div' | 'rest' | undefined;
	let notesLine = -1;
	let titleDepth = 0;
	let titleSource = '';
	let visibleLines = 0;
	let sectionHeading = false;

	for (let i = 0; i < lines.length; i++) {
		const line = lines[i]!;
		if (notesMode === 'rest') {
			notes.push(line);
			continue;
		}

		if (notesMode === 'comment') {
			const close = line.indexOf('-->');
			if (close === -1) {
				notes.push(line);
			} else {
				notes.push(line.slice(0, close));
				notesMode = undefined;
			}

			continue;
		}

		if (notesMode === 'div') {
			if (isDivClose(line)) {
				notesMode = undefined;
			} else {
				notes.push(line);
			}

			continue;
		}

		if (fence) {
			if (closesFence(line, fence)) {
				fence = undefined;
			}

			current.push(line);
			continue;
		}

		const open = matchFenceOpen(line);
		if (open) {
			fence = open.marker;
			current.push(line);
			visibleLines++;
			continue;
		}

		if (isPause(line)) {
			steps.push({markdown: current.join('\n'), line: currentStart});
			current = [];
			currentStart = i + 1;
			continue;
		}

		const note = matchNoteOpen(line);
		if (note) {
			hasNotes = true;
			notesLine = i;
			if (notes.length > 0) {
				notes.push('');
			}

			if (note.syntax.until === 'comment') {
				const close = note.rest.indexOf('-->');
				if (close === -1) {
					notes.push(note.rest.trimStart());
					notesMode = 'comment';
				} else {
					notes.push(note.rest.slice(0, close).trim());
				}
			} else {
				notes.push(note.rest.trim());
				notesMode = note.syntax.until;
			}

			current.push('');
			continue;
		}

		current.push(line);
		if (line.trim() === '' || commentOnly.test(line)) {
			continue;
		}

		visibleLines++;
		const heading = atxHeading.exec(line);
		if (heading && titleDepth === 0) {
			titleDepth = heading[1]!.length;
			titleSource = (heading[2] ?? '').trim();
			sectionHeading = titleDepth === 1 && visibleLines === 1;
		}
	}

	steps.push({markdown: current.join('\n'), line: currentStart});
	const unterminated = notesMode === 'comment' || notesMode === 'div' ? notesLine : -1;
	return {
		steps,
		notes: trimBlankLines(notes).join('\n'),
		hasNotes,
		titleDepth,
		titleSource,
		isSection: sectionHeading && visibleLines === 1,
		unterminatedNotesLine: unterminated,
	};
}

function trimBlankLines(lines: string[]): string[] {
	let start = 0;
	let end = lines.length;
	while (start < end && lines[start]!.trim() === '') {
		start++;
	}

	while (end > start && lines[end - 1]!.trim() === '') {
		end--;
	}

	// Notes indented to line up with a comment's opening keep their shape, minus the indent.
	const kept = lines.slice(start, end);
	const indent = Math.min(...kept.filter(line => line.trim() !== '').map(line => line.length - line.trimStart().length));
	return Number.isFinite(indent) && indent > 0 ? kept.map(line => line.slice(indent)) : kept;
}
