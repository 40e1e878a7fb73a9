// The dialects' line rules (see dialect.ts). Each follows its tool's documentation; what a
// tool does that Lectern does not (images, code execution, themes, transitions) is named as
// an unsupported directive, so `check` can say so in one line.
import type {Dialect, DialectName, Directive} from './dialect.js';
import {group} from '../checked.js';

const comment = (body: string) => new RegExp(`^\\s*<!--\\s*${body}.*-->\\s*$`, 'i');
const directive = (name: string, body: string, supported: boolean): Directive => ({pattern: comment(body), name, supported});

const plain: Dialect = {name: 'lectern'};

/** presenterm's languages with `/// ` hidden lines, and their usual aliases. */
const slashHidden: ReadonlySet<string> = new Set(
	'python py bash sh shell zsh fish kotlin kt java javascript js typescript ts c c++ cpp go golang'.split(' '),
);

/** presenterm's new_lines beyond this draw this many: more than any screen has rows (a deck may be hostile). */
export const maxNewLines = 200;

const presenterm: Dialect = {
	name: 'presenterm',
	directives: [
		directive('font_size', 'font_size\\s*:', false),
		directive('list_item_newlines', 'list_item_newlines\\s*:', false),
		directive('skip_slide', 'skip_slide', false),
		directive('no_footer', 'no_footer', false),
		directive('include', 'include\\s*:', false),
		directive('snippet_output', 'snippet_output\\s*:', false),
		directive('user comment', '(?:\\/\\/|comment\\s*:)', true),
	],
	alignment(line) {
		const match = /^\s*<!--\s*alignment\s*:\s*(center|left|right)\s*-->\s*$/i.exec(line);
		return match ? (group(match, 1).toLowerCase() as 'left' | 'center' | 'right') : undefined;
	},
	spacing(line) {
		if (/^\s*<!--\s*jump_to_middle\s*-->\s*$/i.test(line)) return {rows: 0, middle: true};
		// `new_line`/`newline` is one row; `new_lines: N`/`newlines: N` is N.
		const rows = /^\s*<!--\s*new_?lines?\s*(?::\s*(\d+)\s*)?-->\s*$/i.exec(line);
		return rows ? {rows: Math.min(Number(rows[1] ?? 1), maxNewLines)} : undefined;
	},
	// rustdoc's `# ` hides a line of Rust; presenterm's `/// ` hides one in the languages its
	// documentation lists (in any other, `///` is left as written).
	hiddenCodeLine: (line, lang) =>
		lang === 'rust' || lang === 'rs' ? /^\s*#(?: |$)/.test(line) : slashHidden.has(lang) && /^\s*\/\/\/(?: |$)/.test(line),
};

const patat: Dialect = {
	name: 'patat',
	headingSplit: 'pandoc',
	pause: line => /^\s*\.\s\.\s\.\s*$/.test(line),
	commentNotes: 'when-set',
	pandocTables: true,
	// No space between `<!--` and `config:` (patat's rule: `<!-- config:` is an ordinary comment).
	configComment: /^\s*<!--config:/,
};

/** Marp's directives (its documentation's global and local ones), as comments or front-matter keys. */
export const marpDirectives: readonly string[] = [
	'theme',
	'style',
	'headingDivider',
	'size',
	'math',
	'title',
	'author',
	'description',
	'image',
	'keywords',
	'url',
	'marp',
	'paginate',
	'header',
	'footer',
	'class',
	'backgroundColor',
	'backgroundImage',
	'backgroundPosition',
	'backgroundRepeat',
	'backgroundSize',
	'color',
	'transition',
];

const marp: Dialect = {
	name: 'marp',
	commentNotes: true,
	breaks: true,
	directives: [directive('fit', 'fit\\s*-->', true), ...marpDirectives.map(name => directive(name, `_?${name}\\s*:`, false))],
};

const fragmentComment = /\s*<!--\s*\.element\s*:[^>]*\bfragment\b[^>]*-->\s*$/;

const reveal: Dialect = {
	name: 'reveal',
	// reveal.js cuts the text before it reads any Markdown: `---` (and `--`, a vertical slide,
	// shown in order) end a slide even under a line of text.
	separator: (line, read) => read.kind !== 'code' && read.kind !== 'fence-close' && read.kind !== 'html' && /^--(?:-)?\s*$/.test(line),
	directives: [directive('.slide', '\\.slide\\s*:', false), directive('.element', '\\.element\\s*:', false)],
	// The element attributes apply to the element the comment follows: on a line of its own, the block above.
	fragmentAbove: line => /^\s*<!--\s*\.element\s*:[^>]*\bfragment\b[^>]*-->\s*$/.test(line),
	rewrite(line) {
		const fragment = fragmentComment.exec(line);
		return fragment && fragment.index > 0 && line.slice(0, fragment.index).trim() !== ''
			? {line: line.slice(0, fragment.index), pauseBefore: true}
			: {line};
	},
};

const slides: Dialect = {
	name: 'slides',
	hiddenCodeLine: line => /^\s*\/\/\/(?: |$)/.test(line),
};

const lookatme: Dialect = {
	name: 'lookatme',
	headingSplit: 'lookatme',
	pause: line => /^\s*<!--\s*stop\s*-->\s*$/i.test(line),
};

const mdp: Dialect = {
	name: 'mdp',
	// mdp draws each source line as a line of its own: it never joins a paragraph's lines.
	breaks: true,
	// A rule of three or more `-` or `*` after a blank line (mdp reads no setext `---`).
	separator: (line, read, previousBlank) => previousBlank && read.top && /^(?:-{3,}|\*{3,})\s*$/.test(line),
	pause: line => /^\s*(?:\^|<br\s*\/?>)\s*$/i.test(line),
	rewrite(line) {
		const centred = /^(\s*)->\s?(.*?)\s?<-\s*$/.exec(line);
		return centred ? {line: group(centred, 1) + group(centred, 2), centred: true} : {line};
	},
};

export const dialects: Readonly<Record<DialectName, Dialect>> = {lectern: plain, presenterm, patat, marp, reveal, slides, lookatme, mdp};
