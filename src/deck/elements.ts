// The deck's own element types: what a slide holds, independent of marked. They are built
// from marked's tokens in one place (deck/elements-from-tokens.ts) and nothing past that
// place sees a marked `Token`, so a marked upgrade stops at the builder. Every string here
// is already sanitised (deck/sanitize.ts): no control byte, no escape sequence.
import type {Quiz} from './quiz.js';

/** Inline content of a paragraph, heading, list item text or table cell. */
export type Inline =
	| Readonly<{kind: 'text'; text: string}>
	/** Styled spans; `<b>`, `<i>`, `<u>`, `<s>` and friends from inline HTML land here too. */
	| Readonly<{kind: 'strong' | 'em' | 'strike' | 'underline' | 'sub' | 'sup' | 'kbd'; children: readonly Inline[]}>
	| Readonly<{kind: 'code'; text: string}>
	/** A link: its text and its target (shown after the text in a terminal, as written). */
	| Readonly<{kind: 'link'; href: string; children: readonly Inline[]}>
	/** A hard line break (two trailing spaces, a backslash, `<br>`). */
	| Readonly<{kind: 'break'}>
	/** An image: never drawn, its alt text and target shown. */
	| Readonly<{kind: 'image'; alt: string; href: string}>
	/** Raw HTML Lectern does not interpret: shown as the text written, never rendered. */
	| Readonly<{kind: 'html'; text: string}>;

/** Lines `from` to `to` of a code block, 1-based and inclusive. */
export type LineRange = Readonly<{from: number; to: number}>;

export type Alignment = 'left' | 'center' | 'right' | undefined;

export type ListItem = Readonly<{
	/** A task list item's box: checked or not; undefined for an ordinary item. */
	checked?: boolean;
	/** The item's blocks; a tight item's text is one paragraph. */
	children: readonly Element[];
	/** The reveal step from which the item shows, when later than its list's (a list revealed item by item). */
	step?: number;
}>;

export type AlertKind = 'note' | 'tip' | 'important' | 'warning' | 'caution';

/** One block of a slide. */
export type Element =
	| Readonly<{kind: 'heading'; depth: number; inlines: readonly Inline[]}>
	| Readonly<{kind: 'paragraph'; inlines: readonly Inline[]}>
	| Readonly<{kind: 'list'; ordered: boolean; start: number; loose: boolean; items: readonly ListItem[]}>
	| Readonly<{
			kind: 'table';
			align: readonly Alignment[];
			/** No cells: the table has no header row. */
			header: readonly (readonly Inline[])[];
			rows: readonly (readonly (readonly Inline[])[])[];
			/**
			 * Relative column widths (pandoc's dashes): such a table, wider than the slide, has its
			 * cells wrapped to fit in these proportions; a GFM table (none) shares the width by its
			 * cells' widths (layout/table.ts).
			 */
			widths?: readonly number[];
	  }>
	/**
	 * Source code, highlighted by language where a highlighter knows it. `highlights`: when the
	 * dialect gives line highlights (presenterm's `{1-4|6-10|all}`, reveal.js's `[1|3-5]`), the
	 * lines lit at each of the block's reveal steps (1-based, inclusive ranges; empty = all).
	 */
	| Readonly<{
			kind: 'code';
			lang: string;
			text: string;
			lineNumbers?: boolean;
			/** The number the gutter gives the first line (reveal.js's `[5: …]`); 1 when not set. */
			lineStart?: number;
			highlights?: readonly (readonly LineRange[])[];
			/** The reveal step that shows the first highlight group (set on the slide's blocks when parsed). */
			highlightFrom?: number;
	  }>
	/** A diagram (fences marked diagram/text/ascii…): lines drawn verbatim, never wrapped. */
	| Readonly<{kind: 'diagram'; lines: readonly string[]}>
	| Readonly<{kind: 'quote'; children: readonly Element[]}>
	/** A GitHub alert (`> [!NOTE]`), drawn as a labelled callout. */
	| Readonly<{kind: 'alert'; alert: AlertKind; children: readonly Element[]}>
	| Readonly<{kind: 'rule'}>
	/** Block-level HTML Lectern does not interpret: shown as text. */
	| Readonly<{kind: 'html'; text: string}>
	| Readonly<{kind: 'quiz'; quiz: Quiz}>;
