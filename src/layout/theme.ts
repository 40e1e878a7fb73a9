// Colours and glyphs. Colour depth and ASCII fallback are inputs (the CLI reads NO_COLOR,
// TERM and the locale), so layout stays a pure function of its arguments.
import {Chalk, type ChalkInstance} from 'chalk';
import type {Role} from './runs.js';

export type ColorLevel = 0 | 1 | 2 | 3;

/**
 * A highlighted piece of code as lowlight gives it (a hast tree): elements carry highlight.js
 * classes (`hljs-keyword`), text nodes the code. Only what layout reads is typed.
 */
export type HighlightNode = Readonly<{
	type: string;
	value?: string;
	properties?: Readonly<{className?: unknown}>;
	children?: readonly HighlightNode[];
}>;

/** Syntax highlighting, loaded lazily by the shell and handed to layout (code.ts turns its trees into runs). */
export type Highlighter = Readonly<{
	supports: (lang: string) => boolean;
	highlight: (code: string, lang: string) => HighlightNode;
}>;

export type Glyphs = Readonly<{
	bullet: readonly string[];
	clipRight: string;
	moreAbove: string;
	moreBelow: string;
	ellipsis: string;
	vertical: string;
	horizontal: string;
	progressFull: string;
	progressEmpty: string;
	separator: string;
	crumb: string;
	bookmark: string;
	seen: string;
}>;

/** The built-in themes: colours for a dark or a light terminal background. */
export type Background = 'dark' | 'light';
export const themeNames = ['auto', 'dark', 'light'] as const;

export type Theme = Readonly<{
	/** Distinguishes layouts made with different themes in memo keys. */
	id: string;
	level: ColorLevel;
	/** Whether anything is styled at all (colour or attributes): if not, text is written plain. */
	styled: boolean;
	background: Background;
	ascii: boolean;
	/** Colours, at the terminal's depth (none with NO_COLOR or when piped). */
	chalk: ChalkInstance;
	/** Bold, dim, inverse…: kept with NO_COLOR, which asks for no colour, not no emphasis. */
	attributes: ChalkInstance;
	glyphs: Glyphs;
	highlighter?: Highlighter;
}>;

const unicodeGlyphs: Glyphs = {
	bullet: ['•', '◦', '▪'],
	clipRight: '›',
	moreAbove: '▲ more above',
	moreBelow: '▼ more below',
	ellipsis: '…',
	vertical: '│',
	horizontal: '─',
	progressFull: '▰',
	progressEmpty: '▱',
	separator: '·',
	crumb: '›',
	bookmark: '★',
	seen: '✓',
};

const asciiGlyphs: Glyphs = {
	bullet: ['*', '-', '+'],
	clipRight: '>',
	moreAbove: '^ more above',
	moreBelow: 'v more below',
	ellipsis: '~',
	vertical: '|',
	horizontal: '-',
	progressFull: '#',
	progressEmpty: '.',
	separator: '-',
	crumb: '>',
	bookmark: '*',
	seen: '+',
};

export function createTheme(options: {
	level: ColorLevel;
	ascii: boolean;
	attributes?: boolean;
	highlighter?: Highlighter;
	background?: Background;
}): Theme {
	const attributes = options.attributes ?? options.level > 0;
	const background = options.background ?? 'dark';
	return {
		id: `${options.level}${attributes ? 'b' : ''}${options.ascii ? 'a' : 'u'}${options.highlighter ? 'h' : ''}${background === 'light' ? 'l' : ''}`,
		level: options.level,
		styled: options.level > 0 || attributes,
		background,
		ascii: options.ascii,
		chalk: new Chalk({level: options.level}),
		attributes: new Chalk({level: attributes ? (Math.max(1, options.level) as ColorLevel) : 0}),
		glyphs: options.ascii ? asciiGlyphs : unicodeGlyphs,
		highlighter: options.highlighter,
	};
}

/** Styles shared by the slide, the notes and the chrome. */
export function styles(theme: Theme) {
	const c = theme.chalk;
	const a = theme.attributes;
	const both = (attribute: (text: string) => string, colour: (text: string) => string) => (text: string) => attribute(colour(text));
	// Cyan and yellow are bright on black and faint on white: a light background gets the darker hues.
	const light = theme.background === 'light';
	const accent = light ? c.blue : c.cyan;
	return {
		title: both(a.bold, accent),
		heading: a.bold,
		sectionTitle: both(a.bold, accent),
		strong: a.bold,
		em: a.italic,
		code: light ? c.red : c.yellow,
		link: light ? c.magenta : c.blue,
		href: both(a.underline, light ? c.magenta : c.blue),
		quote: both(a.italic, c.gray),
		html: c.gray,
		dim: a.dim,
		strike: both(a.dim, a.strikethrough),
		marker: c.magenta,
		match: theme.level > 0 ? c.black.bgYellow : a.inverse,
		current: a.inverse,
		status: a.inverse,
		error: both(a.bold, c.red),
		errorBar: theme.level > 0 ? both(a.bold, c.bgRed.white) : a.inverse,
	} as const;
}

export type Style = (text: string) => string;

/**
 * What the ANSI writer draws each role with: the styles above, by role. A role without a
 * style (a bullet, a table header, a diagram) is drawn as plain text.
 */
export function roleStyles(theme: Theme): Readonly<Partial<Record<Role, Style>>> {
	const s = styles(theme);
	return {
		title: s.title,
		section: s.sectionTitle,
		heading: s.heading,
		quote: s.quote,
		rule: s.dim,
		strong: s.strong,
		em: s.em,
		strike: s.strike,
		underline: theme.attributes.underline,
		code: s.code,
		kbd: s.code,
		link: s.link,
		href: s.href,
		html: s.html,
		dim: s.dim,
		marker: s.marker,
		match: s.match,
		current: s.current,
		status: s.status,
		error: s.error,
		'error-bar': s.errorBar,
	};
}

/** highlight.js scopes (without `hljs-`) → styles: the palette cli-highlight used, so code looks as before. */
export function syntaxStyles(theme: Theme): Readonly<Record<string, Style>> {
	const chalk = theme.chalk;
	return {
		keyword: chalk.blue,
		built_in: chalk.cyan,
		type: chalk.cyan.dim,
		literal: chalk.blue,
		number: chalk.green,
		regexp: chalk.red,
		string: chalk.red,
		class: chalk.blue,
		function: chalk.yellow,
		comment: chalk.green,
		doctag: chalk.green,
		meta: chalk.gray,
		tag: chalk.gray,
		name: chalk.blue,
		attr: chalk.cyan,
		emphasis: chalk.italic,
		strong: chalk.bold,
		link: chalk.underline,
		addition: chalk.green,
		deletion: chalk.red,
	};
}
