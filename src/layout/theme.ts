// Colours and glyphs. Colour depth and ASCII fallback are inputs (the CLI reads NO_COLOR,
// TERM and the locale), so layout stays a pure function of its arguments.
import {Chalk, type ChalkInstance} from 'chalk';

export type ColorLevel = 0 | 1 | 2 | 3;

/** Syntax highlighting, loaded lazily by the shell and handed to layout. */
export type Highlighter = Readonly<{
	supports: (lang: string) => boolean;
	highlight: (code: string, lang: string) => string;
}>;

export type Glyphs = Readonly<{
	bullet: readonly string[];
	clipRight: string;
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

export type Theme = Readonly<{
	/** Distinguishes layouts made with different themes in memo keys. */
	id: string;
	level: ColorLevel;
	ascii: boolean;
	chalk: ChalkInstance;
	glyphs: Glyphs;
	highlighter?: Highlighter;
}>;

const unicodeGlyphs: Glyphs = {
	bullet: ['•', '◦', '▪'],
	clipRight: '›',
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

export function createTheme(options: {level: ColorLevel; ascii: boolean; highlighter?: Highlighter}): Theme {
	return {
		id: `${options.level}${options.ascii ? 'a' : 'u'}${options.highlighter ? 'h' : ''}`,
		level: options.level,
		ascii: options.ascii,
		chalk: new Chalk({level: options.level}),
		glyphs: options.ascii ? asciiGlyphs : unicodeGlyphs,
		highlighter: options.highlighter,
	};
}

/** Styles shared by the slide, the notes and the chrome. */
export function styles(theme: Theme) {
	const c = theme.chalk;
	return {
		title: c.bold.cyan,
		heading: c.bold,
		sectionTitle: c.bold.cyan,
		strong: c.bold,
		em: c.italic,
		code: c.yellow,
		link: c.blue,
		href: c.blue.underline,
		quote: c.gray.italic,
		html: c.gray,
		dim: c.dim,
		marker: c.magenta,
		match: c.black.bgYellow,
		current: c.inverse,
		status: c.inverse,
		error: c.red.bold,
		errorBar: c.bgRed.white.bold,
	} as const;
}
