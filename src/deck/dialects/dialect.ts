// What each presenter's Markdown dialect adds to plain Markdown, as line rules the scanner
// and the slide splitter apply: more separators, pauses, notes, directives to drop, hidden
// code lines. One small table per dialect (the files beside this one); the scanner reads them
// without parsing Markdown, so a dialect costs nothing on the start-up path.
import type {BlockLine} from '../blocks.js';

export const dialectNames = ['lectern', 'presenterm', 'patat', 'marp', 'reveal', 'slides', 'lookatme', 'mdp'] as const;
export type DialectName = (typeof dialectNames)[number];

/** A directive comment's fate: shown as nothing (its effect is Lectern's or harmless), or reported as unsupported. */
export type Directive = Readonly<{pattern: RegExp; name: string; supported: boolean}>;

/** What a spacing comment asks of the block after it. */
export type Spacing = Readonly<{rows: number; middle?: boolean}>;

export type Dialect = Readonly<{
	name: DialectName;
	/**
	 * Another line that ends a slide (besides `---` and `<!-- end_slide -->` as CommonMark reads
	 * them). The scan never asks it about the lines it reads in one loop (BlockTracker.skipQuiet):
	 * paragraph text starting with a letter or the like, blank lines, a code fence's lines and
	 * runs, comments (but a line holding `end_slide`), a list item starting with a bullet or a
	 * number: a separator line must start otherwise (`---`, `***`, `--` and the like are read).
	 */
	separator?: (line: string, read: BlockLine, previousBlank: boolean) => boolean;
	/**
	 * A deck without separators: cut at headings of these levels. `lookatme` picks the level as
	 * lookatme does (the lowest level, or the next one when the lowest occurs once).
	 */
	headingSplit?: 'lookatme' | 'pandoc';
	/** Another line that is a pause. */
	pause?: (line: string) => boolean;
	/**
	 * Every HTML comment that is not a directive is a speaker note: always (Marp), or when the
	 * deck's settings say so (patat: `speakerNotes` under `patat:`; otherwise comments are hidden).
	 */
	commentNotes?: boolean | 'when-set';
	/** pandoc's simple, multiline and grid tables are read (patat). */
	pandocTables?: boolean;
	/** A comment that configures the tool for one slide (patat's `<!--config:`): never a note, dropped and reported. */
	configComment?: RegExp;
	/** Comments with a meaning in the dialect: dropped from the slide, reported when unsupported. */
	directives?: readonly Directive[];
	/** A code line the author hid from the audience. */
	hiddenCodeLine?: (line: string, lang: string) => boolean;
	/** Each source line of a paragraph is its own line (Marp's `breaks`). */
	breaks?: boolean;
	/** A comment on a line of its own that makes the block above it a reveal step (reveal.js's fragment class). */
	fragmentAbove?: (line: string) => boolean;
	/** Rewrites one visible line (mdp's `-> centred <-`, reveal's trailing fragment comment). */
	rewrite?: (line: string) => {line: string; pauseBefore?: boolean; centred?: boolean};
	/** A comment line that aligns the blocks after it (presenterm's `<!-- alignment: center|right|left -->`, left being the default). */
	alignment?: (line: string) => 'left' | 'center' | 'right' | undefined;
	/**
	 * A comment line that moves the next block down: `rows` blank rows more than usual (presenterm's
	 * `<!-- new_lines: N -->`), or to the vertical middle of the slide (`<!-- jump_to_middle -->`).
	 */
	spacing?: (line: string) => Spacing | undefined;
}>;
