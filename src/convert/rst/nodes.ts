// The typed tree the reStructuredText reader builds and the Markdown writer walks. Inline text
// is kept as rst source (`Inline`) and converted by inline.ts when written, so the block parser
// never has to know about emphasis, roles or links. Every node carries its 1-based source line.

/** Inline rst text: the lines of a paragraph joined with `\n`, markup not yet interpreted. */
export type Inline = string;

export type Node =
	/** A section title; `level` 1 is the deck's first heading style (docutils' order of first use). */
	| Readonly<{kind: 'heading'; line: number; level: number; title: Inline}>
	| Readonly<{kind: 'paragraph'; line: number; text: Inline}>
	| Readonly<{kind: 'bullets'; line: number; items: readonly (readonly Node[])[]}>
	| Readonly<{kind: 'enumerated'; line: number; start: number; items: readonly (readonly Node[])[]}>
	| Readonly<{kind: 'definitions'; line: number; items: readonly DefinitionItem[]}>
	| Readonly<{kind: 'fields'; line: number; items: readonly FieldItem[]}>
	/** A literal block (`::`, `code-block`, doctest); `lang` '' when the deck names none. */
	| Readonly<{kind: 'literal'; line: number; text: string; lang: string}>
	| Readonly<{kind: 'quote'; line: number; children: readonly Node[]}>
	| Readonly<{kind: 'lines'; line: number; lines: readonly Inline[]}>
	| Readonly<{kind: 'table'; line: number; header: readonly (readonly Inline[])[]; rows: readonly (readonly Inline[])[]}>
	/**
	 * rst comments, or a directive that only configures the HTML build, as written (`.. ` and
	 * all; consecutive ones merged): kept in an HTML comment.
	 */
	| Readonly<{kind: 'comment'; line: number; text: string}>
	| Readonly<{kind: 'transition'; line: number}>
	/** `.. note::`, hieroglyph's `ifnotslides`/`notslides` and speaker-note directives. */
	| Readonly<{kind: 'notes'; line: number; children: readonly Node[]}>
	| Readonly<{kind: 'figure'; line: number; file: string; alt: string; caption: Inline; size: string; legend: readonly Node[]}>
	/** Admonitions other than `note` (warning, tip, …), topics, sidebars: a labelled block quote. */
	| Readonly<{kind: 'admonition'; line: number; label: Inline; children: readonly Node[]}>
	/** hieroglyph's `slide`, `nextslide` and `interslide`: a slide of its own inside a section. */
	| Readonly<{kind: 'slide'; line: number; title: Inline | undefined; increment: boolean; children: readonly Node[]}>
	/** hieroglyph's `rst-class:: build`: the next list is revealed one item at a time. */
	| Readonly<{kind: 'build'; line: number}>
	/** Not understood: the source lines, kept verbatim in a `text` fence, and why. */
	| Readonly<{kind: 'unknown'; line: number; text: string; reason: string}>;

export type DefinitionItem = Readonly<{term: Inline; classifiers: readonly Inline[]; body: readonly Node[]}>;
export type FieldItem = Readonly<{name: Inline; body: readonly Node[]}>;

/** A warning for the author: what was not understood, at which line of the rst file. */
export type ConvertWarning = Readonly<{line: number; message: string}>;

/** A parsed document: the flat sequence of top-level nodes, and the link targets it defines. */
export type RstDocument = Readonly<{
	nodes: readonly Node[];
	/** Named hyperlink targets (`.. _name: url`), names normalised (lower case, single spaces). */
	targets: ReadonlyMap<string, string>;
	/** Anonymous targets (`.. __: url`), in order. */
	anonymousTargets: readonly string[];
	/** `.. |name| replace:: text` substitutions. */
	substitutions: ReadonlyMap<string, Inline>;
	/** Number of heading levels the deck uses. */
	levels: number;
	warnings: readonly ConvertWarning[];
}>;

export function normalizeName(name: string): string {
	return name.trim().toLowerCase().replaceAll(/\s+/g, ' ');
}
