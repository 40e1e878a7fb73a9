// marked's block lexer, with a cheap test in front of the block rules whose patterns are
// large: at each block marked tries its rules in turn, and V8 compiles a regular expression
// the first time it runs (the start-up snapshot cannot keep compiled ones, see
// scripts/snapshot/regexps.mjs). On the first slide of a deck of plain headings, lists and
// paragraphs, compiling the html, blockquote, table and setext-heading patterns was about
// 3 ms of the ~19 ms from start to the first frame (CPU profile, 15 runs, 10-slide bench deck).
// Each test below only says when the rule's pattern cannot match (a necessary condition read off
// marked's pattern); when it may, marked's own rule decides, so the tokens are marked's.
import {Lexer, type Token, type Tokens, Tokenizer} from 'marked';

/** Up to three spaces, then `char`: how every html, blockquote and def pattern starts. */
function opensWith(text: string, from: number, chars: string): boolean {
	let at = from;
	while (at < from + 3 && text.charCodeAt(at) === 32) {
		at++;
	}

	return at < text.length && chars.includes(text.charAt(at));
}

// A setext underline, and the line starts that end the paragraph it would underline (marked's
// lookahead after each newline of the heading's text: blank, a list item, a fence, a quote, an ATX
// heading); both read one line, without its newline.
const setextUnderline = /^ {0,3}(?:=+|-+)[ \t]*$/;
const endsSetextText = /^ {0,3}(?:[*+-] |\d{1,9}[.)] |#{1,6}(?:\s|$)|>|`{3}|~{3})/;
// Past this many lines the question is left to marked's pattern (which is bounded the same way),
// unless the caller keeps a SetextRun.
const setextScanLines = 64;

/**
 * The last run of text lines maySetextHeading read to its end without finding an underline:
 * `text` the string it was asked about, `last` where the line that ended the run starts (or the
 * text's end), `end` where that line ends. The question asked again from a later line of the
 * same run has the same answer, no. Inside a list item marked takes text a line at a time and
 * asks about a setext heading before each line, and its pattern read the rest of the run each
 * time: a capped slide of one item with 1,000 continuation lines took 80-140 ms to lex (--no-opt),
 * the presenter's longest stretch on it (bench/stalls.mjs list-continuation, start and reload).
 */
export type SetextRun = {text: string; last: number; end: number};

/** A fresh SetextRun (nothing read yet). */
export function setextRun(): SetextRun {
	return {text: '', last: 0, end: 0};
}

/**
 * Whether a setext heading may start here: an underline follows the text before the paragraph
 * ends. With `run`, the whole run is read (no line cap) and remembered, so the same question from
 * inside it is answered without reading it again.
 */
export function maySetextHeading(src: string, run?: SetextRun): boolean {
	if (run && insideRun(src, run)) {
		return false;
	}

	let lines = 0;
	for (let newline = src.indexOf('\n'); newline >= 0; newline = src.indexOf('\n', newline + 1)) {
		if (++lines > setextScanLines && !run) {
			return true;
		}

		const end = src.indexOf('\n', newline + 1);
		const lineEnd = end < 0 ? src.length : end;
		const line = src.slice(newline + 1, lineEnd);
		if (setextUnderline.test(line)) {
			return true;
		}

		// `trim` removes exactly what `\s` matches: a blank line ends the text.
		if (line.trim() === '' || endsSetextText.test(line)) {
			if (run) remember(run, src, newline + 1, lineEnd);
			return false;
		}
	}

	if (run) remember(run, src, src.length, src.length);
	return false;
}

function remember(run: SetextRun, text: string, last: number, end: number): void {
	run.text = text;
	run.last = last;
	run.end = end;
}

/**
 * Whether `src` is the remembered run's text from a line before the one that ended the run: the
 * characters from there to that line's end are the same (only they decide the answer).
 */
function insideRun(src: string, run: SetextRun): boolean {
	const skipped = run.text.length - src.length;
	return skipped >= 0 && skipped < run.last && run.text.startsWith(src.slice(0, run.end - skipped), skipped);
}

/** Whether a GFM table may start here: its second line is a delimiter row (`|`, `:` or `-` first). */
export function mayTable(src: string): boolean {
	const newline = src.indexOf('\n');
	return newline >= 0 && opensWith(src, newline + 1, '|:-');
}

// marked's html pattern from its comment alternative on (the only one that starts `<!--`, so the
// one taken): a directive such as `<!-- time: 1m -->` is read without compiling the whole
// pattern (0.8 ms of the bundled lecture's first frame, CPU profile, 12 runs).
const htmlComment = /^ {0,3}<!--(?:-?>|[\s\S]*?(?:-->|$))[^\n]*(?:\n+|$)/;
const blankLine = /^[ \t]*$/;

/** marked's html token text: the match without its trailing blank lines, past the first. */
function withoutBlankTail(text: string): string {
	const lines = text.split('\n');
	let last = lines.length - 1;
	while (last >= 0 && blankLine.test(lines[last] ?? '')) {
		last--;
	}

	return lines.length - last <= 2 ? text : lines.slice(0, last + 1).join('\n');
}

class GuardedTokenizer extends Tokenizer {
	override html(src: string): Tokens.HTML | undefined {
		if (!opensWith(src, 0, '<')) {
			return undefined;
		}

		// A comment may interrupt a paragraph (marked's test for that accepts `<!--`), so marked
		// would take it whatever came before.
		const comment = htmlComment.exec(src);
		if (comment) {
			const raw = withoutBlankTail(comment[0]);
			return {type: 'html', block: true, raw, pre: false, text: raw};
		}

		return super.html(src);
	}

	override blockquote(src: string): Tokens.Blockquote | undefined {
		return opensWith(src, 0, '>') ? super.blockquote(src) : undefined;
	}

	override def(src: string): Tokens.Def | undefined {
		return opensWith(src, 0, '[') ? super.def(src) : undefined;
	}

	override table(src: string): Tokens.Table | undefined {
		return mayTable(src) ? super.table(src) : undefined;
	}

	private readonly setextRun = setextRun();

	override lheading(src: string): Tokens.Heading | undefined {
		return maySetextHeading(src, this.setextRun) ? super.lheading(src) : undefined;
	}
}

/**
 * One of marked's patterns with a cheap answer in front: `answer` gives the match (or null)
 * when the text settles it, undefined to leave the text to the pattern itself. marked calls
 * exec or test on these patterns and nothing else (block-lexer.test.ts holds the tokens equal).
 */
function answered(pattern: RegExp, answer: (text: string) => RegExpExecArray | null | undefined): RegExp {
	const exec = (text: string): RegExpExecArray | null => {
		const given = answer(text);
		return given === undefined ? pattern.exec(text) : given;
	};
	return {exec, test: (text: string) => exec(text) !== null} as unknown as RegExp;
}

/** A match of the whole `text` at the start of `input`, in group 1 too (as marked's paragraph pattern gives it). */
function wholeMatch(text: string, input: string): RegExpExecArray {
	const match = [text, text] as unknown as RegExpExecArray;
	match.index = 0;
	match.input = input;
	return match;
}

// The line starts that may end a paragraph in marked's pattern (after up to three spaces): a
// thematic break (- _ *), an ATX heading, a quote, a fence (` ~), a list item (* + - 1), HTML.
const endsParagraph = '-_*#>`~+1<';

/** Whether `text` from `from` to `to` holds spaces and tabs only. */
function spacesOnly(text: string, from: number, to: number): boolean {
	for (let at = from; at < to; at++) {
		const code = text.charCodeAt(at);
		if (code !== 32 && code !== 9) {
			return false;
		}
	}

	return true;
}

/**
 * marked's paragraph match, when no line after the first can end the paragraph: each next line
 * is taken until an empty one (or the end), as the pattern takes it. Undefined (marked's pattern
 * decides) when a line opens with one of the starts above, is spaces and tabs only, or is followed
 * by a line that could be a table's delimiter row (`|`, `:` or `-` first).
 */
export function plainParagraph(src: string): RegExpExecArray | null | undefined {
	if (src === '' || src.charCodeAt(0) === 10) {
		return undefined;
	}

	let end = src.indexOf('\n');
	while (end >= 0) {
		const start = end + 1;
		const next = src.indexOf('\n', start);
		const lineEnd = next < 0 ? src.length : next;
		if (lineEnd === start) {
			break;
		}

		if (spacesOnly(src, start, lineEnd) || opensWith(src, start, endsParagraph) || (next >= 0 && opensWith(src, next + 1, '|:-'))) {
			return undefined;
		}

		end = next;
	}

	return wholeMatch(end < 0 ? src : src.slice(0, end), src);
}

/** The first character that is not a space. */
function firstAfterSpaces(text: string): string {
	let at = 0;
	while (text.charCodeAt(at) === 32) {
		at++;
	}

	return text.charAt(at);
}

/**
 * Whether marked's autolink pattern may match: it starts `www.`, or a run of the characters of
 * an address or a scheme is followed by `@` or `:` (`mailto:`, `https:`, `me@host`).
 */
function mayAutolink(text: string): boolean {
	if (text.startsWith('www.')) {
		return true;
	}

	let at = 0;
	while (at < text.length && addressChar(text.charCodeAt(at))) {
		at++;
	}

	const code = text.charCodeAt(at);
	return code === 58 || code === 64;
}

/** [A-Za-z0-9._+-] */
function addressChar(code: number): boolean {
	return (
		(code >= 97 && code <= 122) ||
		(code >= 65 && code <= 90) ||
		(code >= 48 && code <= 57) ||
		code === 46 ||
		code === 95 ||
		code === 43 ||
		code === 45
	);
}

type Rules = Tokenizer['rules'];
type OtherRules = Rules['other'];
let guarded: {from: Rules; to: Rules} | undefined;

/** The same rules: each lexer gets a new object holding marked's three. */
function sameRules(one: Rules, other: Rules): boolean {
	return one.block === other.block && one.inline === other.inline && one.other === other.other;
}

/**
 * marked's rules with cheap answers in front of the patterns a first slide of paragraphs and
 * lists would otherwise compile (the start-up snapshot keeps no compiled pattern, see
 * scripts/snapshot/regexps.mjs; instruction counts under callgrind, 10-slide bench deck):
 * the paragraph pattern (7.0 M instructions to compile; a table's and HTML's starts are in it), the
 * HTML start a list item's next line is tested with (2.8 M: case-insensitive, every block tag), the
 * emphasis opener (2.9 M: Unicode punctuation), the autolink (0.4 M); and one list item
 * pattern per marker instead of one per list.
 */
function guardedRules(rules: Rules): Rules {
	if (guarded && sameRules(guarded.from, rules)) {
		return guarded.to;
	}

	const {other, block, inline} = rules;
	const htmlBegins = new Map<number, RegExp>();
	const listItems = new Map<string, RegExp>();
	const guardedOther: OtherRules = {
		...other,
		htmlBeginRegex: (indent: number) => {
			let pattern = htmlBegins.get(indent);
			if (!pattern) {
				pattern = answered(other.htmlBeginRegex(indent), text => (firstAfterSpaces(text) === '<' ? undefined : null));
				htmlBegins.set(indent, pattern);
			}

			return pattern;
		},
		listItemRegex: (bullet: string) => {
			let pattern = listItems.get(bullet);
			if (!pattern) {
				pattern = other.listItemRegex(bullet);
				listItems.set(bullet, pattern);
			}

			return pattern;
		},
	};
	const to: Rules = {
		other: guardedOther,
		block: {...block, paragraph: answered(block.paragraph, plainParagraph)},
		inline: {
			...inline,
			emStrongLDelim: answered(inline.emStrongLDelim, text => (text.startsWith('*') || text.startsWith('_') ? undefined : null)),
			url: answered(inline.url, text => (mayAutolink(text) ? undefined : null)),
		},
	};
	guarded = {from: rules, to};
	return to;
}

/** A lexer with the tests above: the block rules' (GuardedTokenizer) and the patterns' (guardedRules). */
function guardedLexer(): Lexer {
	const tokenizer = new GuardedTokenizer();
	const lexer = new Lexer({gfm: true, tokenizer});
	tokenizer.rules = guardedRules(tokenizer.rules);
	return lexer;
}

/** GitHub-flavoured Markdown → marked's block tokens (inline tokens inside), as `new Lexer({gfm: true}).lex`. */
export function lexBlocks(markdown: string): Token[] {
	return guardedLexer().lex(markdown);
}

/** A line of GitHub-flavoured inline Markdown → marked's inline tokens, as `Lexer.lexInline(markdown, {gfm: true})`. */
export function lexInline(markdown: string): Token[] {
	return guardedLexer().inlineTokens(markdown);
}
