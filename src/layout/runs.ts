// The layout's output: typed lines made of runs of text with style roles, measured in cells.
// Every output is written from these by one writer each (ANSI for the terminal, plain text for
// piped `print`, HTML for `export`); no writer parses escape sequences back out of a string.
// Search marks, the ASCII fallback and clipping work on runs too.

/**
 * What a run of text is. A writer maps each role to its own styling: the ANSI writer through
 * the theme (colours and attributes at the terminal's colour depth), the HTML writer to a
 * class. A run can carry several (a `code` span inside a `strong` inside a `link`).
 */
export type Role =
	// slide structure
	| 'title' // the slide's title line
	| 'section' // a section slide's title
	| 'heading' // a heading inside a slide
	| 'quote' // a block quote's text and bar
	| 'alert' // a callout's label and bar (the kind is in the run's `alert`)
	| 'bullet' // a list marker: bullet, number, task box
	| 'rule' // a horizontal rule, a table's borders
	| 'table-header'
	// inline
	| 'strong'
	| 'em'
	| 'strike'
	| 'underline'
	| 'code'
	| 'kbd'
	| 'link' // a link's text
	| 'href' // a link's target, shown after its text
	| 'html' // raw HTML shown as text
	| 'diagram'
	// syntax highlighting of a code block (highlight.js scope, e.g. keyword, string, comment)
	| 'syntax'
	// chrome and marks
	| 'dim'
	| 'marker' // a clip or cut marker (›, "more below")
	| 'match' // a search match
	| 'current' // the selected row (overview, search results)
	| 'status'
	| 'error'
	| 'error-bar';

/**
 * A run: sanitised text (never a control byte or escape) with its roles. `width` is its width
 * in terminal cells, measured once when the run is made (cells.ts).
 */
export type Run = Readonly<{
	text: string;
	width: number;
	roles?: readonly Role[];
	/** With role `syntax`: the highlight.js scope (keyword, string, title.function…). */
	scope?: string;
	/** With role `link` or `href`: the target (the HTML writer links only http, https and mailto). */
	href?: string;
	/** With role `alert`: which. */
	alert?: string;
}>;

/** One line of output: runs in order, and their total width in cells. */
export type Line = Readonly<{runs: readonly Run[]; width: number}>;
