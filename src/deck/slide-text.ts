// One slide's source, split into what the audience sees (in reveal steps) and what only the
// speaker reads. Works line by line with the syntax table in notes.ts, reading code blocks
// and headings with the same block rules as the slide scanner (blocks.ts).
import {BlockTracker, type BlockLine} from './blocks.js';
import type {Dialect, Spacing} from './dialects/dialect.js';
import {dialects} from './dialects/rules.js';
import {isDivClose, isPause, matchFenceOpen, matchNoteOpen, type NoteSyntax} from './notes.js';
import {minOf} from './arrays.js';
import {isQuizInfo} from './quiz.js';
import {highlightSteps as countHighlightSteps} from './dialects/fence-info.js';
import {convertPandocTables} from './dialects/pandoc-tables.js';
import {group, itemAt} from './checked.js';

/**
 * One reveal step's Markdown. `items`: the list items that start in it; `startsWithItem`: its
 * first line starts one; `endsInList`: its last line is inside one. A list revealed item by
 * item is cut into steps at its items, and the parser reads those steps back as one list
 * (after a pause only when no blank line stands between the items).
 */
export type SlideStep = Readonly<{
	markdown: string;
	line: number;
	first: number;
	items: number;
	startsWithItem: boolean;
	endsInList: boolean;
	/** The step was cut at a list item revealed on its own (incremental lists), not at a pause. */
	cutAtItem: boolean;
}>;

export type SlideText = Readonly<{
	/**
	 * Visible Markdown between pauses, with the 0-based line (within the slide) it starts on and
	 * the reveal step that first shows it. Usually one reveal step each; a code block with line
	 * highlights (`{1-4|6-10|all}`) adds one step for each `|`, after its own text.
	 */
	steps: readonly SlideStep[];
	/** Reveal steps of the slide (without a quiz's answer step). */
	revealSteps: number;
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
	/**
	 * The lines the notes take, first and last (0-based, within the slide), in order: a talk
	 * shares the slide's source without them (hall/shared-deck.ts), each read as one blank line.
	 */
	noteLines: readonly (readonly [first: number, last: number])[];
	/** The dialect's directives Lectern does not carry out (0-based lines): dropped from the slide. */
	unsupported: readonly Readonly<{line: number; what: string}>[];
	/** Fenced `quiz` blocks on the slide (self-check questions). */
	quizzes: number;
	/**
	 * Lines (0-based within the slide) the author aligned: mdp's `-> text <-` (centred),
	 * presenterm's `<!-- alignment: center|right -->` (until `alignment: left`).
	 */
	aligned: ReadonlyMap<number, 'center' | 'right'>;
	/**
	 * The spacing presenterm's comments ask before a block, by the block's first line (0-based
	 * within the slide): blank rows more than usual (`new_lines`), or the vertical middle (`jump_to_middle`).
	 */
	spacing: ReadonlyMap<number, Spacing>;
	/** Lines of the slide's source left out past the per-slide caps (limits.ts `boundSlideSource`); set by deck.ts. */
	linesLeft?: number;
}>;

/** A line the audience would see some of: not blank, not the empty comment left for a dropped one. */
const emptyComment = /^\s*<!---->\s*$/;
const isShown = (text: string) => text.trim() !== '' && text.trim() !== '<!---->';

/** An HTML comment read as speaker notes (Marp, patat: every comment that is not a directive). */
const commentNote: NoteSyntax = {name: '<!-- … -->', open: /^\s*<!--(.*)$/, until: 'comment'};
const incrementalDirective = /^\s*<!--\s*incremental_lists\s*:\s*(true|false)\s*-->\s*$/i;
const layoutComment = /^\s*<!--\s*(?:column_layout\s*:|column\s*:|reset_layout\s*-->)/i;

const atxHeading = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const commentOnly = /^\s*<!--.*-->\s*$/;

/**
 * `incrementalLists`: each list item after the first is a reveal step, nested ones too (patat's
 * setting; presenterm turns it on and off with `<!-- incremental_lists: true|false -->`). In
 * patat, as in pandoc, a list that opens a block quote takes the opposite setting (see
 * isIncrementalItem).
 */
export function splitSlideText(
	raw: string,
	dialect: Dialect = dialects.lectern,
	options: {incrementalLists?: boolean; commentNotes?: boolean} = {},
): SlideText {
	const commentNotes = dialect.commentNotes === 'when-set' ? options.commentNotes === true : dialect.commentNotes === true;
	let incremental = options.incrementalLists === true;
	// Whether the current step's last block is a top-level list (the next item reveals in a step).
	let inList = false;
	const lines = dialect.pandocTables ? convertPandocTables(raw.split('\n')) : raw.split('\n');
	const unsupported: Array<{line: number; what: string}> = [];
	const steps: SlideStep[] = [];
	// The current step's list items, whether its first visible line started one, whether its last is in one.
	let stepItems = 0;
	let startsWithItem: boolean | undefined;
	let endsInList = false;
	// An item of an incremental list was shown: the next one is a step of its own (until the list ends).
	let listRevealing = false;
	// An incremental list ended: presenterm shows what follows it in a step of its own.
	let pauseAfterList = false;
	const endList = () => {
		pauseAfterList ||= listRevealing && dialect.name === 'presenterm';
		listRevealing = false;
	};
	let cutAtItem = false;
	// By the stack index of each open quote: whether its first block is a list (patat inverts that list).
	const quoteOfList: boolean[] = [];
	let current: string[] = [];
	let currentStart = 0;
	// Reveal steps so far, and the ones the current text's line highlights add.
	let revealed = 0;
	let highlightSteps = 0;
	// Where the last block of the document itself began (its index in `current`, its line): a
	// reveal.js fragment comment below it makes it a step of its own.
	let blockStart: {index: number; line: number} | undefined;
	const endStep = (nextStart: number) => {
		steps.push({
			markdown: current.join('\n'),
			line: currentStart,
			first: revealed,
			items: stepItems,
			startsWithItem: startsWithItem === true,
			endsInList,
			cutAtItem,
		});
		cutAtItem = false;
		revealed += 1 + highlightSteps;
		highlightSteps = 0;
		stepItems = 0;
		startsWithItem = undefined;
		endsInList = false;
		current = [];
		currentStart = nextStart;
		blockStart = undefined;
	};
	const notes: string[] = [];
	let hasNotes = false;
	const noteLines: Array<[number, number]> = [];
	const tracker = new BlockTracker();
	// The open paragraph's lines: a setext heading's text when an underline follows.
	let paragraph: string[] = [];
	let visibleBeforeParagraph = 0;
	let notesMode: 'comment' | 'div' | 'rest' | undefined;
	// A presenterm YAML note opened on a line of its own: its next line holds the `speaker_note:` key.
	let yamlKeyNext = false;
	// Inside a YAML literal block (`speaker_note: |`): each line is a line of the note.
	let yamlLiteral = false;
	let notesLine = -1;
	let titleDepth = 0;
	let titleSource = '';
	let visibleLines = 0;
	let sectionHeading = false;
	let quizzes = 0;
	const aligned = new Map<number, 'center' | 'right'>();
	let alignment: 'center' | 'right' | undefined;
	const spacing = new Map<number, Spacing>();
	// Spacing asked for the next block, not yet met.
	let pendingSpacing: Spacing | undefined;
	// A comment line dropped from the slide (a directive, a note) still ends the list or paragraph
	// above it, as CommonMark reads an HTML comment: an empty comment stands in its place, so two
	// lists around a directive stay two lists (a blank line would join them into one loose list).
	const dropComment = (line: string) => {
		const stand = `${line.slice(0, line.length - line.trimStart().length)}<!---->`;
		if (tracker.next(stand).top) {
			endList();
		}

		current.push(stand);
	};

	for (let i = 0; i < lines.length; i++) {
		let line = itemAt(lines, i);
		if (notesMode !== undefined) {
			extendLast(noteLines, i);
			// A blank line for each line of notes: the steps keep the slide's line numbers, which
			// the alignment and spacing of the blocks below are looked up by.
			current.push('');
		}

		if (notesMode === 'rest') {
			notes.push(line);
			continue;
		}

		if (notesMode === 'comment') {
			const close = line.indexOf('-->');
			let text = close === -1 ? line : line.slice(0, close);
			if (yamlKeyNext) {
				// The `speaker_note:` key of a YAML comment, on the line after `<!--`.
				text = text.replace(/^\s*speaker_note\s*:/i, '');
				yamlLiteral = isLiteralBlock(text);
				text = yamlNoteStart(text);
				yamlKeyNext = false;
			} else if (yamlLiteral && text.trim() !== '') {
				// A YAML literal block (`|`) keeps its lines, as presenterm shows them: a hard break each.
				text = `${text.trimEnd()}  `;
			}

			notes.push(text);
			if (close !== -1) {
				notesMode = undefined;
				yamlLiteral = false;
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

		let read: BlockLine | undefined;
		if (tracker.inCode()) {
			read = tracker.next(line);
			if (read.kind === 'code' || read.kind === 'fence-close' || read.kind === 'blank') {
				current.push(line);
				continue;
			}
			// Otherwise the line closed the list item holding the code: it is read below.
		}

		// An empty comment (the one a dropped note or directive leaves, which a follower's copy of
		// the slide holds) is dropped the same way again, so it is never a note or a step of its own.
		if (!read && emptyComment.test(line)) {
			dropComment(line);
			continue;
		}

		const aligning = read ? undefined : dialect.alignment?.(line);
		if (aligning !== undefined) {
			alignment = aligning === 'left' ? undefined : aligning;
			dropComment(line);
			continue;
		}

		const spaced = read ? undefined : dialect.spacing?.(line);
		if (spaced) {
			// Two in a row add up; a jump to the middle stays asked for.
			pendingSpacing = {
				rows: (pendingSpacing?.rows ?? 0) + spaced.rows,
				...(spaced.middle || pendingSpacing?.middle ? {middle: true} : {}),
			};
			dropComment(line);
			continue;
		}

		if (alignment && !read) {
			aligned.set(i, alignment);
		}

		if (!read && dialect.rewrite) {
			const rewritten = dialect.rewrite(line);
			line = rewritten.line;
			if (rewritten.centred) {
				aligned.set(i, 'center');
			}

			if (rewritten.pauseBefore && current.some(isShown)) {
				tracker.next('');
				endStep(i);
			}
		}

		const toggle = !read && dialect.name === 'presenterm' ? incrementalDirective.exec(line) : null;
		if (toggle) {
			incremental = group(toggle, 1).toLowerCase() === 'true';
			dropComment(line);
			continue;
		}

		if (!read && dialect.fragmentAbove?.(line)) {
			tracker.next('');
			if (blockStart && current.slice(0, blockStart.index).some(isShown)) {
				const block = current.slice(blockStart.index);
				current = current.slice(0, blockStart.index);
				endStep(blockStart.line);
				current = block;
			}

			current.push('');
			continue;
		}

		const directive =
			!read && dialect.directives && commentOnly.test(line) ? dialect.directives.find(known => known.pattern.test(line)) : undefined;
		if (directive) {
			dropComment(line);
			if (!directive.supported) {
				const shown = line.trim();
				unsupported.push({line: i, what: shown.length > 60 ? `<!-- ${directive.name} … -->` : shown});
			}

			continue;
		}

		if (!read && (isPause(line) || dialect.pause?.(line))) {
			tracker.next('');
			endStep(i + 1);
			continue;
		}

		const config = !read && dialect.configComment?.test(line);
		if (config) {
			unsupported.push({line: i, what: `${line.trim().slice(0, 40)}${line.trim().length > 40 || !line.includes('-->') ? ' … -->' : ''}`});
		}

		// presenterm reads every comment as YAML, so its multi-line notes are `<!--` alone, then
		// `speaker_note: |` and the note's lines (its documentation's form).
		const yamlNote =
			!read && dialect.name === 'presenterm' && /^\s*<!--\s*$/.test(line) && /^\s*speaker_note\s*:/i.test(lines[i + 1] ?? '');
		const note = read
			? undefined
			: yamlNote
				? {syntax: commentNote, rest: ''}
				: (matchNoteOpen(line) ?? (commentNotes && !config && !layoutComment.test(line) ? matchComment(line) : undefined));
		if (note) {
			yamlKeyNext = yamlNote;
			const comment = note.syntax.until === 'comment';
			if (comment) {
				dropComment(line);
			} else {
				tracker.next('');
				current.push('');
			}

			hasNotes = true;
			notesLine = i;
			noteLines.push([i, i]);
			if (notes.length > 0) {
				notes.push('');
			}

			if (comment) {
				const close = note.rest.indexOf('-->');
				// `<!-- speaker_note: |` (a YAML block) starts the note on the next line.
				const speaker = /^\s*<!--\s*speaker[_-]notes?\s*:/i.test(line);
				yamlLiteral = speaker && isLiteralBlock(note.rest);
				const rest = speaker ? yamlNoteStart(note.rest) : note.rest;
				if (close === -1) {
					notes.push(rest.trimStart());
					notesMode = 'comment';
				} else {
					notes.push(rest.slice(0, close).trim());
				}
			} else {
				notes.push(note.rest.trim());
				notesMode = note.syntax.until;
			}

			continue;
		}

		read ??= tracker.next(line);
		// List items this line starts, and whether one of them is revealed in a step of its own.
		let opensItems = 0;
		let revealsItem = false;
		// An incremental list starts: both tools pause before its first item (and presenterm after
		// its last: pause_before/after_incremental_lists, on by default), while patat shows what
		// follows a list with its last item.
		let firstItem = false;
		if (read.openedFrom >= 0) {
			const containers = tracker.containers();
			for (let k = read.openedFrom; k < containers.length; k++) {
				if (containers[k] === 'q') {
					quoteOfList[k] = containers[k + 1] === 'i';
				} else {
					opensItems++;
					if (isIncrementalItem(dialect, incremental, containers, k, quoteOfList)) {
						if (listRevealing) revealsItem = true;
						else firstItem = true;
						listRevealing = true;
					}
				}
			}
		} else if (read.top && read.kind !== 'blank') {
			endList();
		}

		if (revealsItem && current.some(isShown)) {
			endStep(i);
			cutAtItem = true;
		} else if (
			(firstItem && (current.some(isShown) || steps.length === 0)) ||
			(pauseAfterList && read.kind !== 'blank' && current.some(isShown))
		) {
			// A list that opens the slide opens it with an empty step, as in both tools; right
			// after a pause no second one is added.
			endStep(i);
		}

		if (read.kind !== 'blank') {
			pauseAfterList = false;
		}

		if (read.kind !== 'blank') {
			startsWithItem ??= opensItems > 0;
			endsInList = !read.top && tracker.inItem();
		}

		stepItems += opensItems;

		if (
			(read.topItem && !inList) ||
			(read.top && (read.kind === 'heading' || read.kind === 'fence-open' || read.kind === 'html-start' || read.kind === 'break')) ||
			(read.top && read.kind === 'text' && read.paragraphLine === tracker.line)
		) {
			blockStart = {index: current.length, line: i};
		}

		if (read.kind !== 'blank') {
			inList = read.topItem || (inList && !read.top);
			// The first line of the next block takes the spacing (a column comment is not a block).
			if (pendingSpacing && !commentOnly.test(line)) {
				spacing.set(i, pendingSpacing);
				pendingSpacing = undefined;
			}
		}

		// Marp's `breaks`: a trailing double space makes each source line its own line.
		current.push(dialect.breaks && read.kind === 'text' ? `${line.trimEnd()}  ` : line);
		if (read.kind === 'fence-open') {
			visibleLines++;
			// A fence in a list item or a quote starts after its containers' markers.
			const info = matchFenceOpen(read.top ? line : line.slice(fenceStart(line)))?.info ?? '';
			if (read.top && isQuizInfo(info)) {
				quizzes++;
			} else if (!isQuizInfo(info)) {
				highlightSteps += countHighlightSteps(info);
			}

			continue;
		}

		if (read.kind === 'text') {
			if (read.paragraphLine === tracker.line) {
				paragraph = [];
				visibleBeforeParagraph = visibleLines;
			}

			paragraph.push(line.trim());
		}

		if (line.trim() === '' || commentOnly.test(line)) {
			continue;
		}

		visibleLines++;
		if (titleDepth > 0 || !read.top) {
			continue;
		}

		if (read.kind === 'heading') {
			titleDepth = read.level;
			// A comment in a heading (Marp's `<!--fit-->`) is not part of the title.
			titleSource = (atxHeading.exec(line)?.[2] ?? '').replaceAll(/<!--.*?-->/g, '').trim();
			sectionHeading = titleDepth === 1 && visibleLines === 1;
		} else if (read.kind === 'setext') {
			// The heading's text is the paragraph above its underline; together they are one visible line.
			titleDepth = read.level;
			titleSource = paragraph.join(' ');
			visibleLines = visibleBeforeParagraph + 1;
			sectionHeading = titleDepth === 1 && visibleLines === 1;
		}
	}

	endStep(lines.length);
	const unterminated = notesMode === 'comment' || notesMode === 'div' ? notesLine : -1;
	return {
		steps,
		revealSteps: revealed,
		notes: trimBlankLines(notes).join('\n'),
		hasNotes,
		titleDepth,
		titleSource,
		isSection: sectionHeading && visibleLines === 1,
		unterminatedNotesLine: unterminated,
		noteLines,
		unsupported,
		quizzes,
		aligned,
		spacing,
	};
}

/**
 * Whether the list item opened at `containers[index]` is revealed on its own. presenterm: every
 * item of a list outside quotes, nested ones too. patat follows pandoc: a list takes the deck's
 * setting, nested lists too, but a list that is a block quote's first block takes the opposite;
 * nothing else inside a quote is revealed item by item.
 */
function isIncrementalItem(
	dialect: Dialect,
	incremental: boolean,
	containers: string,
	index: number,
	quoteOfList: readonly boolean[],
): boolean {
	if (dialect.name === 'presenterm') {
		return incremental && !containers.slice(0, index).includes('q');
	}

	if (dialect.name !== 'patat') {
		return false;
	}

	for (let k = 0; k < index; k++) {
		if (containers[k] === 'q' && (quoteOfList[k] !== true || containers[k + 1] !== 'i')) {
			return false;
		}
	}

	return index > 0 && containers[index - 1] === 'q' ? !incremental : incremental;
}

/** Where a fence opened inside containers (`> - ```js`) starts: its first run of three backticks or tildes. */
function fenceStart(line: string): number {
	const at = line.search(/`{3}|~{3}/);
	return at === -1 ? 0 : at;
}

function extendLast(spans: Array<[number, number]>, line: number): void {
	const last = spans.at(-1);
	if (last) last[1] = line;
}

/** A YAML literal block's indicator (`|`, `|-`, `|+`, `|2`): the lines below keep their breaks. */
function isLiteralBlock(rest: string): boolean {
	return /^\s*\|[-+]?\d?\s*$/.test(rest);
}

/** A YAML note's first line without its block indicator (`|`, `>`, `|-`…): the note is the lines below. */
function yamlNoteStart(rest: string): string {
	return /^\s*[|>][-+]?\d?\s*$/.test(rest) ? '' : rest;
}

function matchComment(line: string): {syntax: NoteSyntax; rest: string} | undefined {
	const match = commentNote.open.exec(line);
	return match ? {syntax: commentNote, rest: group(match, 1)} : undefined;
}

function trimBlankLines(lines: string[]): string[] {
	let start = 0;
	let end = lines.length;
	while (start < end && lines[start]?.trim() === '') {
		start++;
	}

	while (end > start && lines[end - 1]?.trim() === '') {
		end--;
	}

	// Notes indented to line up with a comment's opening keep their shape, minus the indent.
	const kept = lines.slice(start, end);
	const indent = minOf(
		kept.filter(line => line.trim() !== '').map(line => line.length - line.trimStart().length),
		Number.POSITIVE_INFINITY,
	);
	return Number.isFinite(indent) && indent > 0 ? kept.map(line => line.slice(indent)) : kept;
}
