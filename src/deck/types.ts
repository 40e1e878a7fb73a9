// The deck model: plain, readonly data. Nothing here knows about terminals, Ink or files.
import type {DialectName} from './dialects/dialect.js';
import type {Element, LineRange} from './elements.js';
import type {Quiz} from './quiz.js';

/** Where something came from: a deck file and a 1-based line in it. */
export type SourcePos = Readonly<{file: string; line: number}>;

/** Front-matter values Lectern understands; unknown keys are kept in `extra`. */
export type DeckMeta = Readonly<{
	title?: string;
	author?: string;
	date?: string;
	theme?: string;
	/** Planned length of the talk in minutes (for the pace indicator). */
	duration?: number;
	extra: Readonly<Record<string, unknown>>;
}>;

/** What one slide is, learnt from its lines alone (no Markdown parse): cheap enough for every slide. */
export type SlideHead = Readonly<{
	index: number;
	/** Where the slide's text starts in the deck file (its first non-blank line). */
	source: SourcePos;
	/** Markdown of the slide's first heading (empty when it has none). */
	titleSource: string;
	/** Depth of that heading (0 when there is none). */
	titleDepth: number;
	/** A slide holding only a `#` heading: it opens a section. */
	isSection: boolean;
	/** Number of reveal steps: 1 + the number of `<!-- pause -->` markers, + 1 for a slide's quiz answers. */
	steps: number;
	hasNotes: boolean;
	/** Self-check questions (`quiz` blocks) on the slide. */
	quizzes: number;
}>;

/** A problem `check` reports; an error unless it says it is only a warning. */
export type DeckWarning = Readonly<{line: number; message: string; severity?: 'warning'}>;

/**
 * A number per slide (where it starts or ends in `body`, its first line): a plain array, or for
 * a deck of hundreds of thousands of slides cut at headings an Int32Array (see scan.ts
 * splitAtHeadings): `new Array(5_000_001)` alone took ~40 ms in one stretch, a typed array's
 * memory is zeroed by the system as it is touched, and the garbage collector never walks it.
 */
export type SlideOffsets = readonly number[] | Int32Array;

/**
 * A loaded deck. Slides are found by the block scanner; each slide's head and parse are
 * computed on demand (see deck.ts), so opening a huge deck costs one scan.
 */
export type Deck = Readonly<{
	file: string;
	/** Whose Markdown the deck is read as (detected, or forced with --dialect); 'lectern' for plain. */
	dialect?: DialectName;
	meta: DeckMeta;
	/** The first slide is presenterm's introduction slide, made from the front matter (drawn centred, no notes expected). */
	intro?: boolean;
	/** The deck text after the front matter, LF line ends. */
	body: string;
	/** 0-based line of `body`'s first line in the file. */
	bodyLine: number;
	count: number;
	starts: SlideOffsets;
	ends: SlideOffsets;
	/** 0-based line (within body) where each slide starts. */
	lines: SlideOffsets;
	/** Line ends in `body`, when the deck was scanned whole (a slide's line count then needs no count). */
	newlines?: number;
	/** Problems found while scanning (unterminated fences and comments), 1-based file lines. */
	warnings: readonly DeckWarning[];
	/**
	 * Set on a deck opened from the start of a larger file (`openDeckHead`): it holds only the
	 * slides read so far, so `count` is a lower bound and is not shown as the deck's length.
	 */
	partial?: boolean;
}>;

/**
 * A block of a parsed slide, shown from reveal step `step` (0-based) on; `line` is 1-based in the file.
 * `element`: what the block holds as the deck's own element (elements.ts), for every kind.
 */
export type Block = (
	| Readonly<{kind: 'markdown'; step: number; line: number}>
	| Readonly<{kind: 'diagram'; step: number; line: number; lines: readonly string[]}>
	/**
	 * Source code. `lineNumbers`: drawn with its lines numbered. `highlights` (see elements.ts): the
	 * lines lit at each highlight step, the first at reveal step `highlightFrom`, the next one step
	 * later, and so on; the last stays lit. Lines not lit are drawn dimmed.
	 */
	| Readonly<{
			kind: 'code';
			step: number;
			line: number;
			lang: string;
			code: string;
			lineNumbers?: boolean;
			lineStart?: number;
			highlights?: readonly (readonly LineRange[])[];
			highlightFrom?: number;
	  }>
	/** A self-check question; `answerStep` is the reveal step that shows its answer when presenting, `ordinal` its place among the slide's questions. */
	| Readonly<{kind: 'quiz'; step: number; line: number; quiz: Quiz; answerStep: number; ordinal: number}>
) &
	/**
	 * `align`: the author centred the block or set it right (mdp's `-> text <-`, presenterm's
	 * `<!-- alignment: … -->`). `space`: blank rows before it, more than the usual one (presenterm's
	 * `<!-- new_lines: N -->`). `middle`: it starts at the vertical middle of the slide when the
	 * slide is drawn in a known height (presenterm's `<!-- jump_to_middle -->`, its introduction slide).
	 * `continuesList`: the list goes on from the list block above it, across a reveal step, with no
	 * blank line between them in the source: drawn as one tight list.
	 */
	Readonly<{element: Element; column?: Column; align?: 'center' | 'right'; space?: number; middle?: boolean; continuesList?: true}>;

/**
 * A block inside side-by-side columns (`<!-- column_layout: [2, 1] -->`, `<!-- column: N -->`,
 * `<!-- reset_layout -->`): which layout it belongs to (numbered within the slide), the
 * layout's relative column widths, and its column.
 */
export type Column = Readonly<{layout: number; widths: readonly number[]; index: number}>;

/** A fully parsed slide: its head plus the blocks and notes the layout draws. */
export type Slide = Readonly<{
	head: SlideHead;
	/** Plain-text title (inline Markdown removed), sanitised; '' when the slide has none. */
	title: string;
	blocks: readonly Block[];
	/** Speaker notes as the deck's own elements (sanitised). */
	noteElements: readonly Element[];
	/** Plain text of the body and of the notes, for search. */
	bodyText: string;
	notesText: string;
	/** Problems found while parsing (1-based file lines), reported by `check`. */
	problems: readonly DeckWarning[];
}>;
