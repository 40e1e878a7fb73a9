// CommonMark's block structure, line by line, without parsing any inline Markdown: which
// line opens or closes a fence or an HTML block, which `---` is a thematic break and which
// underlines a setext heading, and whether a line sits inside a list item or a quote. The
// slide scanner, the slide splitter and the pathological-input guard all read lines through
// this one tracker, so they agree with each other and with CommonMark (spec 0.31) on where
// code and HTML start and end. It follows the reference parser's (commonmark.js) block phase:
// match the open containers, try block starts, else continue or lazily continue a paragraph.
// Cost: a few character tests per line; a regular expression only on a line that starts
// with `<`, a fence or a marker.
//
// Why the quick paths (hand-written, each driven against the general path by
// test/unit/blocks-quick.test.ts): the general path copies the line and tries every block
// start in turn, and read that way the 6 MB deck of bench/stalls.mjs took 5.5-6x the CPU of
// the scanner before this tracker (aa98e18, which knew only fences and comments). With the
// quick paths for the lines a deck is mostly made of (prose, blank lines, list items, fences,
// comments, rules and headings, also right under a list), one object shape per leaf and per
// container, no NaN where small integers flow, and next() small enough to be inlined into the
// scan (the general path is a method of its own): 1.3-1.6x (CPU medians of interleaved runs on
// a loaded 2-core machine, e.g. 15.5 ms before the tracker, 66 ms before this work, 21.3 ms).
// The rest is the work the old scanner skipped: it looked at no blank, prose or list line.
// Those figures were with V8's optimising compiler; the bin runs with --no-opt, where nothing
// is inlined and each call, comparison and field write is paid for as written: there the scan
// took 2.4-4x the old one's (bench/scan.mjs). skipQuiet reads the lines a slide scan has
// nothing to do with (prose, blank lines, code, comments, list items, quotes) in one loop of
// its own, and hands over the two commonest events (an ATX heading, a `---` separator) without
// next(): 1.0-1.05x on the bench's generated deck, 1.05-1.3x on the stalls bench's 6 MB deck,
// 1.45x on the lecture (20 copies), 0.5x in a long code block; 3-3.3x on 10,000 slides of
// nested lists and quotes, whose lines go through quickContainer's matching of containers.

export type LineKind =
	| 'blank'
	| 'text' // paragraph text (also a lazy continuation line)
	| 'fence-open'
	| 'fence-close'
	| 'code' // inside a fenced or an indented code block
	| 'html-start' // the first line of an HTML block (it may also be its last)
	| 'html' // inside an HTML block
	| 'heading' // an ATX heading
	| 'setext' // the underline of a setext heading
	| 'break'; // a thematic break

/** What one line is. The tracker reuses this object: read it before the next line. */
export type BlockLine = {
	kind: LineKind;
	/** No list item or block quote holds the block this line belongs to. */
	top: boolean;
	/** Heading level (ATX or setext); 0 otherwise. */
	level: number;
	/** For `text` and `setext`: the 0-based line where the paragraph (the heading's text) started. */
	paragraphLine: number;
	/** For `setext`: the offset in the source where the heading's text started (its first line's start). */
	paragraphStart: number;
	/** Columns the line's containers (quote bars, list indents) take before its content. */
	contentStart: number;
	/** The line starts an item of a list that no other container holds. */
	topItem: boolean;
	/** Where the containers this line opened start in the stack (see containers()), or -1 when it opened none. */
	openedFrom: number;
};

/** A block quote or a list item (`indent`: the columns its content starts at). One shape for both, as for Leaf. */
type Container = {quote: boolean; indent: number; hasContent: boolean};
const quoteContainer = (): Container => ({quote: true, indent: 0, hasContent: false});

function isItemWithContent(container: Container | undefined): boolean {
	return container !== undefined && !container.quote && container.hasContent;
}

/**
 * The leaf block open at the last line. One object shape for every kind, each field meaningful
 * for some: the tracker reads `type` on every line, and five shapes made that read megamorphic
 * (with a NaN for "no character", half of a 6 MB deck's scan time: -1 stands for it now).
 */
type Leaf = {
	type: 'none' | 'paragraph' | 'fence' | 'indented' | 'html';
	/** 0-based line the block opened on (paragraph, fence, HTML). */
	line: number;
	/** A paragraph's offset in the source (its first line's start); -1 for the rest. */
	start: number;
	// `definitions`: every line so far is a link reference definition (`[id]: url`), which
	// CommonMark takes out of the paragraph, leaving nothing for a setext underline to make a heading of.
	definitions: boolean;
	/** A fence's character and length. */
	char: number;
	length: number;
	/** An HTML block's kind: 1 to 7, as CommonMark numbers its start conditions. */
	kind: number;
};

// Every leaf is made by one of these, so every leaf has one shape.
const paragraphLeaf = (line: number, start: number, definitions: boolean): Leaf => ({
	type: 'paragraph',
	line,
	start,
	definitions,
	char: 0,
	length: 0,
	kind: 0,
});
const fenceLeaf = (line: number, char: number, length: number): Leaf => ({
	type: 'fence',
	line,
	start: -1,
	definitions: false,
	char,
	length,
	kind: 0,
});
const htmlLeaf = (line: number, kind: number): Leaf => ({type: 'html', line, start: -1, definitions: false, char: 0, length: 0, kind});
const none: Leaf = {type: 'none', line: -1, start: -1, definitions: false, char: 0, length: 0, kind: 0};
const indentedCode: Leaf = {type: 'indented', line: -1, start: -1, definitions: false, char: 0, length: 0, kind: 0};
const space = 0x20;
const tab = 0x09;

const htmlOpen: readonly RegExp[] = [
	/^<(?:script|pre|textarea|style)(?:\s|>|$)/i,
	/^<!--/,
	/^<[?]/,
	/^<![A-Za-z]/,
	/^<!\[CDATA\[/,
	/^<[/]?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[123456]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|section|search|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:\s|[/]?[>]|$)/i,
	// biome-ignore lint/suspicious/noControlCharactersInRegex: CommonMark's unquoted attribute value excludes U+0000-U+0020 (controls and space), as the spec says
	/^(?:<[A-Za-z][A-Za-z0-9-]*(?:\s+[a-zA-Z_:][a-zA-Z0-9_.:-]*(?:\s*=\s*(?:[^"'=<>`\u0000-\u0020]+|'[^']*'|"[^"]*"))?)*\s*\/?>|<\/[A-Za-z][A-Za-z0-9-]*\s*>)\s*$/i,
];

const htmlClose: readonly RegExp[] = [/<\/(?:script|pre|textarea|style)>/i, /-->/, /\?>/, />/, /\]\]>/];

const thematicBreak = /^(?:(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|(?:-[ \t]*){3,})$/;
const setextUnderline = /^(?:=+|-+)[ \t]*$/;
const atxHeading = /^#{1,6}(?:[ \t]|$)/;
const orderedMarker = /^(\d{1,9})[.)]/;
// One whole link reference definition on one line (the common form; a title on the next line is read as text).
const linkDefinition = /^\[(?:[^\][\\]|\\.){1,999}\]:[ \t]*(?:<[^<>]*>|\S+)(?:[ \t]+(?:"[^"]*"|'[^']*'|\([^()]*\)))?[ \t]*$/;

/** Tabs become spaces to the next multiple of four columns: CommonMark's tab stops. */
function expandTabs(line: string): string {
	let out = '';
	let from = 0;
	for (let i = line.indexOf('\t'); i !== -1; i = line.indexOf('\t', i + 1)) {
		out += line.slice(from, i);
		out += ' '.repeat(4 - (out.length % 4));
		from = i + 1;
	}

	return out + line.slice(from);
}

/** Spaces at `pos`, counted up to `limit` (a container needs only its own indent's worth). */
function spacesAt(line: string, pos: number, limit = Number.POSITIVE_INFINITY): number {
	let at = pos;
	while (at - pos < limit && line.charCodeAt(at) === space) {
		at++;
	}

	return at - pos;
}

/**
 * Containers (list items, quotes) open at once; a deeper marker is paragraph text. Matching a
 * line against its open containers costs one step each, so an unbounded stack made a deck of
 * thousands of ever deeper list lines cost the cube of its length.
 */
export const containerLimit = 64;

/** The characters a block (or a container's marker) can start with; any other starts paragraph text. */
const blockStarts = new Uint8Array(128);
for (const char of ' \t>#`~<=-*_+[0123456789') {
	blockStarts[char.charCodeAt(0)] = 1;
}

/** A line starting with `c` can only be paragraph text (an empty line's -1, or NaN, is not, and is never looked up). */
function startsText(c: number): boolean {
	return c >= 0 && (c >= 128 || blockStarts[c] === 0);
}

const blanks = /[ \t]*/y;

/**
 * Only spaces and tabs between `start` and `end`: a blank line. A sticky regular expression
 * (no match object made), not a loop over charCodeAt, which costs several times as much per
 * character.
 */
function isBlankBetween(source: string, start: number, end: number): boolean {
	// A line with text ends with it, mostly: then no search.
	const last = start < end ? source.charCodeAt(end - 1) : space;
	if (last !== space && last !== tab) {
		return false;
	}

	blanks.lastIndex = start;
	blanks.test(source);
	return blanks.lastIndex >= end;
}

const noTab = /[^\t\n]*/y;

/** A tab between `start` and `end` (a line's end, or the source's: the search stops at a line end). */
function hasTabBetween(source: string, start: number, end: number): boolean {
	noTab.lastIndex = start;
	noTab.test(source);
	return noTab.lastIndex < end && source.charCodeAt(noTab.lastIndex) === tab;
}

/** The level of an ATX heading starting at `start` (its first `#`), or 0. */
function atxLevel(source: string, start: number, end: number): number {
	let level = 1;
	while (level < 7 && start + level < end && source.charCodeAt(start + level) === 0x23) {
		level++;
	}

	const after = start + level < end ? source.charCodeAt(start + level) : -1;
	return level <= 6 && (after === -1 || after === space || after === tab) ? level : 0;
}

/** The length of a code fence's opening run starting at `start` (three or more backticks or tildes; backticks with none after), or 0. */
function fenceRun(source: string, start: number, end: number): number {
	const c = source.charCodeAt(start);
	let length = 1;
	while (start + length < end && source.charCodeAt(start + length) === c) {
		length++;
	}

	if (length < 3) {
		return 0;
	}

	// A backtick fence's info string has no backtick.
	for (let at = start + length; c === 0x60 && at < end; at++) {
		if (source.charCodeAt(at) === 0x60) {
			return 0;
		}
	}

	return length;
}

/** skipEvent for a `---` thematic break (headings are 1 to 6). */
export const separatorEvent = 7;

// What skipQuiet may read next, by the leaf open and whether containers are: small integers, compared once per line.
const noneTop = 0;
const paragraphTop = 1;
const fenceTop = 2;
const commentTop = 3;
const otherMode = 4;

function quietMode(leaf: Leaf, stack: readonly Container[]): number {
	if (stack.length > 0) {
		return otherMode;
	}

	switch (leaf.type) {
		case 'none': {
			return noneTop;
		}

		case 'paragraph': {
			return paragraphTop;
		}

		case 'fence': {
			return fenceTop;
		}

		default: {
			return leaf.type === 'html' && leaf.kind === 2 ? commentTop : otherMode;
		}
	}
}

/**
 * A list item's marker at `start`, a line's start, followed by one space and a character that
 * starts text (quickContainer's list item on the first column): its length, or 0. `interrupts`:
 * it would interrupt a paragraph, which only a bullet or the number 1 does.
 */
function itemMarker(source: string, start: number, end: number, interrupts: boolean): number {
	const c = source.charCodeAt(start);
	let marker = 0;
	if (c === 0x2d || c === 0x2b || c === 0x2a) {
		// The commonest item, a bullet, one space and text, tested without a call.
		const after = source.charCodeAt(start + 2);
		return source.charCodeAt(start + 1) === space && start + 2 < end && (after >= 128 || blockStarts[after] === 0) ? 1 : 0;
	}

	if (c >= 0x30 && c <= 0x39) {
		while (marker < 9 && start + marker < end && source.charCodeAt(start + marker) >= 0x30 && source.charCodeAt(start + marker) <= 0x39) {
			marker++;
		}

		const delimiter = source.charCodeAt(start + marker);
		if ((delimiter !== 0x2e && delimiter !== 0x29) || (interrupts && !(marker === 1 && c === 0x31))) {
			return 0;
		}

		marker++;
	} else {
		return 0;
	}

	return source.charCodeAt(start + marker) === space && startsText(start + marker + 1 < end ? source.charCodeAt(start + marker + 1) : -1)
		? marker
		: 0;
}

/** The stack cut to its first `count` containers (pop is cheaper than setting the length). */
function truncate(stack: Container[], count: number): void {
	while (stack.length > count) {
		stack.pop();
	}
}

/** A fence opener's marker, or undefined: three or more backticks or tildes, backticks with no backtick after. */
export function fenceMarker(rest: string): string | undefined {
	const c = rest.charCodeAt(0);
	if (c !== 0x60 && c !== 0x7e) {
		return undefined;
	}

	let length = 1;
	while (rest.charCodeAt(length) === c) {
		length++;
	}

	if (length < 3 || (c === 0x60 && rest.includes('`', length))) {
		return undefined;
	}

	return rest.slice(0, length);
}

export class BlockTracker {
	/** 0-based number of the line last read. */
	line = -1;
	private stack: Container[] = [];
	private leaf: Leaf = none;
	private readonly out: BlockLine = {
		kind: 'blank',
		top: true,
		level: 0,
		paragraphLine: -1,
		paragraphStart: -1,
		contentStart: 0,
		topItem: false,
		openedFrom: -1,
	};
	/** What skipQuiet read: its last line was blank; some line was not (set only when it read some). */
	skippedBlank = false;
	skippedContent = false;
	/** Where the line skipQuiet stopped at ends (-1: not known, it has no line end or the line limit stopped the skip). */
	lineEnd = -1;
	/**
	 * The line skipQuiet read last, when it was an ATX heading (its level, 1 to 6) or a `---`
	 * thematic break (separatorEvent) outside any container; 0 otherwise. `eventStart`: its offset.
	 */
	skipEvent = 0;
	eventStart = -1;
	private openedTopItem = false;
	private openedFrom = -1;
	private commentSource: string | undefined;
	private commentClose = -1;
	// The next `end_slide` in endSlideSource at or after a comment skipQuiet reads (its length: none).
	private endSlideSource: string | undefined;
	private endSlideAt = -1;

	/** Inside a fenced or indented code block (the next line may still leave it, when a container closes). */
	inCode(): boolean {
		return this.leaf.type === 'fence' || this.leaf.type === 'indented';
	}

	/** The fence or HTML block still open (after the last line), with the line it opened on. */
	openBlock(): {what: 'fence'; marker: string; line: number} | {what: 'html'; comment: boolean; line: number} | undefined {
		const leaf = this.leaf;
		if (leaf.type === 'fence') {
			return {what: 'fence', marker: String.fromCharCode(leaf.char).repeat(leaf.length), line: leaf.line};
		}

		if (leaf.type === 'html' && leaf.kind <= 5) {
			return {what: 'html', comment: leaf.kind === 2, line: leaf.line};
		}

		return undefined;
	}

	/**
	 * The open containers, outermost first: `q` a block quote, `i` a list item (`q` then `i`: a
	 * list in a quote). With BlockLine.openedFrom it tells which items and quotes a line opened.
	 */
	containers(): string {
		let kinds = '';
		for (const container of this.stack) {
			kinds += container.quote ? 'q' : 'i';
		}

		return kinds;
	}

	/** Some list item holds the line last read. */
	inItem(): boolean {
		return this.stack.some(container => !container.quote);
	}

	/** Read the next line: `source.slice(start, end)` (the whole of `source` by default), without its line end. */
	next(source: string, start = 0, end = source.length): BlockLine {
		this.line++;
		this.openedTopItem = false;
		this.openedFrom = -1;
		const leaf = this.leaf;
		const first = start < end ? source.charCodeAt(start) : -1;
		if (this.stack.length === 0 && (leaf.type === 'none' || leaf.type === 'paragraph')) {
			// The common cases: an empty line, and prose (a letter, a table's `|`…), which cannot start any block, at the top level.
			if (start === end) {
				this.leaf = none;
				return this.result('blank', 0);
			}

			if (startsText(first)) {
				if (leaf.type === 'none') {
					this.leaf = paragraphLeaf(this.line, start, false);
				} else {
					leaf.definitions = false;
				}

				return this.result('text', 0);
			}
		}

		if (leaf.type === 'fence' && this.stack.length === 0 && first > space && first !== leaf.char) {
			// A line of code at the top level that cannot close its fence.
			return this.result('code', 0);
		}

		// What quickContainer reads: an empty line, a line led by blanks, a `>`, a bullet or a number.
		if (first <= space || first === 0x3e || first === 0x2d || first === 0x2b || first === 0x2a || (first >= 0x30 && first <= 0x39)) {
			const quick = this.quickContainer(source, start, end, first);
			if (quick) {
				return quick;
			}
		}

		if (this.stack.length === 0 && first === 0x23 && (leaf.type === 'none' || leaf.type === 'paragraph')) {
			// An ATX heading at the top level, read without copying the line.
			const level = atxLevel(source, start, end);
			if (level > 0) {
				this.leaf = none;
				return this.result('heading', 0, level);
			}
		}

		if (this.stack.length > 0) {
			const closing = this.blockStartClosingContainers(source, start, end, first);
			if (closing) {
				return closing;
			}
		}

		if (this.stack.length === 0) {
			const quick = this.topLevelQuick(source, start, end);
			if (quick) {
				return quick;
			}
		}

		return this.general(source, start, end, leaf);
	}

	/**
	 * Reads on from `pos` (a line's start in `source`) the lines a slide scan has nothing to do
	 * with, as next() reads them, up to line `lineLimit` (not included): paragraph text outside
	 * any container that starts with a character no block starts with, blank lines (outside a
	 * fence or comment; empty ones under list items too), a code fence's lines outside any
	 * container (its opening and closing runs on the first column too), an HTML comment opened
	 * on the first column (unless the line holds `end_slide`) and its lines, and a list item on
	 * the first column (a bullet or a number, one space, text), indented lines and quotes that
	 * quickContainer answers. An ATX heading or a `---` thematic break outside any container is
	 * read and ends the skip (skipEvent says which, for the scan to record). It stops before any
	 * other line (other rules, setext underlines, HTML blocks...), which next() reads, and at a
	 * line without a line end (a source's last line). Returns the offset of the first line left
	 * unread.
	 *
	 * Why: one loop with no call but indexOf per line, for a deck's commonest lines. Read one by
	 * one through next() and the scan's own work, they took 2.5-4x the CPU of the scanner
	 * before this tracker (aa98e18) with the bin's flags (no optimising compiler, so nothing is
	 * inlined: each call and each field of the reused BlockLine costs). test/unit/scan-quiet.test.ts
	 * drives the scan with and without this path through the same random decks.
	 *
	 * `skippedBlank`: the last line read was blank; `skippedContent`: some line read was not.
	 */
	skipQuiet(source: string, pos: number, lineLimit: number): number {
		const stack = this.stack;
		let leaf = this.leaf;
		let mode = quietMode(leaf, stack);
		let line = this.line;
		let at = pos;
		let end = -1;
		let blank = false;
		let content = false;
		let event = 0;
		// The hottest lines first, each tested with as few operations as it can be: with no
		// optimising compiler, every comparison and call is paid for as written.
		for (;;) {
			if (line + 1 >= lineLimit) {
				end = -1;
				break;
			}

			end = source.indexOf('\n', at);
			if (end === -1) {
				break;
			}

			// On an empty line, the line end's code (10): below a space, and no block start.
			const c = source.charCodeAt(at);
			if (mode === fenceTop) {
				if (c > space && c !== leaf.char) {
					// A line of code.
				} else if (c === leaf.char) {
					let length = 1;
					while (source.charCodeAt(at + length) === c) {
						length++;
					}

					if (length >= leaf.length && isBlankBetween(source, at + length, end)) {
						leaf = none;
						mode = noneTop;
					}
				} else if (c === space) {
					// Up to three spaces may indent the fence's closing run (next() reads that line); four make code.
					if (!source.startsWith('    ', at)) {
						let indent = 1;
						while (source.charCodeAt(at + indent) === space) {
							indent++;
						}

						const after = source.charCodeAt(at + indent);
						if (at + indent < end && (after === leaf.char || after === tab)) {
							break;
						}
					}
				} else if (at !== end) {
					// A tab or another control character.
					break;
				}

				blank = false;
				content = true;
			} else if (mode <= paragraphTop && at !== end && (c >= 128 || blockStarts[c] === 0)) {
				// Paragraph text.
				if (mode === noneTop) {
					leaf = paragraphLeaf(line + 1, at, false);
					mode = paragraphTop;
				} else {
					leaf.definitions = false;
				}

				blank = false;
				content = true;
			} else if (mode === commentTop) {
				if (this.commentSource !== source || this.commentClose < at) {
					const close = source.indexOf('-->', at);
					this.commentSource = source;
					this.commentClose = close === -1 ? source.length : close;
				}

				const close = this.commentClose;
				if (close + 3 <= end) {
					leaf = none;
					mode = noneTop;
				} else {
					// The lines after this one that end before the close are the comment's too: counted in a loop of their own.
					while (line + 2 < lineLimit) {
						const after = source.indexOf('\n', end + 1);
						if (after === -1 || after >= close) {
							break;
						}

						line++;
						at = end + 1;
						end = after;
					}
				}

				blank = false;
				content = true;
			} else if (stack.length === 0 && (at === end || ((c === space || c === tab) && isBlankBetween(source, at, end)))) {
				if (mode > paragraphTop) {
					break;
				}

				leaf = none;
				mode = noneTop;
				blank = true;
			} else if (at === end) {
				// List items with content stay open; a quote or an empty item closes (as quickContainer reads it).
				let matched = 0;
				while (isItemWithContent(stack[matched])) {
					matched++;
				}

				if (matched === stack.length && !(leaf.type === 'none' || leaf.type === 'paragraph')) {
					break;
				}

				truncate(stack, matched);
				leaf = none;
				mode = matched === 0 ? noneTop : otherMode;
				blank = true;
			} else if (c === 0x23 && mode <= paragraphTop) {
				// An ATX heading outside any container: read here, and handed to the scan (skipEvent).
				const level = atxLevel(source, at, end);
				if (level === 0) {
					break;
				}

				event = level;
				this.eventStart = at;
				leaf = none;
				mode = noneTop;
				blank = false;
				line++;
				at = end + 1;
				break;
			} else if (c === 0x2d && mode === noneTop && end - at === 3 && source.startsWith('---', at)) {
				// `---` after no paragraph: a thematic break, the separator every dialect reads (handed over too).
				event = separatorEvent;
				this.eventStart = at;
				blank = false;
				line++;
				at = end + 1;
				break;
			} else if (
				c === 0x3c &&
				(mode <= paragraphTop || stack.length > 0) &&
				source.startsWith('<!--', at) &&
				!this.endSlideBetween(source, at, end)
			) {
				// A comment on the first column (no container holds it) that cannot be `<!-- end_slide -->`.
				const close = source.indexOf('-->', at);
				this.commentSource = source;
				this.commentClose = close === -1 ? source.length : close;
				truncate(stack, 0);
				if (close !== -1 && close + 3 <= end) {
					leaf = none;
					mode = noneTop;
				} else {
					leaf = htmlLeaf(line + 1, 2);
					mode = commentTop;
				}

				blank = false;
				content = true;
			} else if (c === 0x60 || c === 0x7e) {
				// A fence on the first column: no container holds it.
				const length = mode <= paragraphTop || stack.length > 0 ? fenceRun(source, at, end) : 0;
				if (length === 0) {
					break;
				}

				truncate(stack, 0);
				leaf = fenceLeaf(line + 1, c, length);
				mode = fenceTop;
				blank = false;
				content = true;
			} else if (
				c === 0x3e &&
				source.charCodeAt(at + 1) === space &&
				at + 2 < end &&
				(stack.length === 0 ? mode <= paragraphTop : stack.length === 1 && stack[0]?.quote === true && mode === otherMode) &&
				startsText(source.charCodeAt(at + 2))
			) {
				// `> text`: a lone quote's paragraph opened or gone on (quickContainer's first case, without its calls).
				if (stack.length === 0) {
					stack.push(quoteContainer());
					leaf = paragraphLeaf(line + 1, at, false);
				} else if (leaf.type === 'paragraph') {
					leaf.definitions = false;
				} else if (leaf.type === 'none') {
					leaf = paragraphLeaf(line + 1, at, false);
				} else {
					break;
				}

				mode = otherMode;
				blank = false;
				content = true;
			} else if (c === space || c === tab || c === 0x3e) {
				// Indented lines and quotes: quickContainer's, as next() would ask it (text or blank
				// lines, in or out of containers, where a slide scan has nothing to do).
				this.leaf = leaf;
				this.line = line + 1;
				const read = this.quickContainer(source, at, end, c);
				if (read === undefined) {
					this.line = line;
					break;
				}

				leaf = this.leaf;
				mode = quietMode(leaf, stack);
				blank = read.kind === 'blank';
				content ||= !blank;
			} else {
				const first = stack[0];
				const marker =
					mode <= paragraphTop
						? itemMarker(source, at, end, mode === paragraphTop)
						: first !== undefined && !first.quote
							? itemMarker(source, at, end, false)
							: 0;
				if (marker === 0) {
					break;
				}

				// A list item on the first column closes the containers open (none holds a line that
				// starts so); a lone item's container is reused for the next (nothing else holds it).
				if (stack.length === 1 && first !== undefined && !first.quote) {
					first.indent = marker + 1;
					first.hasContent = true;
				} else {
					truncate(stack, 0);
					stack.push({quote: false, indent: marker + 1, hasContent: true});
				}

				if (leaf.type === 'paragraph') {
					// The last item's paragraph ends here: its leaf, held by nothing else, is the new one's.
					leaf.line = line + 1;
					leaf.start = at;
					leaf.definitions = false;
				} else {
					leaf = paragraphLeaf(line + 1, at, false);
				}

				mode = otherMode;
				blank = false;
				content = true;
			}

			line++;
			at = end + 1;
		}

		this.lineEnd = event === 0 ? end : -1;
		this.skipEvent = event;
		if (at !== pos) {
			this.leaf = leaf;
			this.line = line;
			this.skippedBlank = blank;
			this.skippedContent = content;
		}

		return at;
	}

	/**
	 * `end_slide` between `start` and `end`: the next one in the source is looked for once, not
	 * once per comment (a deck without one would be searched to its end on every comment).
	 */
	private endSlideBetween(source: string, start: number, end: number): boolean {
		if (this.endSlideSource !== source || this.endSlideAt < start) {
			const at = source.indexOf('end_slide', start);
			this.endSlideSource = source;
			this.endSlideAt = at === -1 ? source.length : at;
		}

		return this.endSlideAt < end;
	}

	/**
	 * The general path, CommonMark's block phase on a copy of the line (tabs expanded). A method
	 * of its own, so that next() stays small enough for the compiler to inline into the scan.
	 */
	private general(source: string, start: number, end: number, leaf: Leaf): BlockLine {
		const raw = start === 0 && end === source.length ? source : source.slice(start, end);
		const line = raw.includes('\t') ? expandTabs(raw) : raw;
		const stack = this.stack;
		let pos = 0;
		let matched = 0;
		let contentEnd = line.length;
		while (contentEnd > 0 && line.charCodeAt(contentEnd - 1) === space) {
			contentEnd--;
		}

		for (const container of stack) {
			const blank = pos >= contentEnd;
			const indent = blank ? line.length - pos : spacesAt(line, pos, container.quote ? 4 : container.indent);
			if (container.quote) {
				if (indent > 3 || line.charCodeAt(pos + indent) !== 0x3e) {
					break;
				}

				pos += indent + 1;
				if (line.charCodeAt(pos) === space) {
					pos++;
				}
			} else if (blank) {
				if (!container.hasContent) {
					break;
				}

				pos += indent;
			} else if (indent >= container.indent) {
				pos += container.indent;
			} else {
				break;
			}

			matched++;
		}

		const allMatched = matched === stack.length;
		// A fence, an HTML block or indented code goes on only inside all its containers.
		if (allMatched && leaf.type === 'fence') {
			const indent = spacesAt(line, pos);
			const rest = line.slice(pos + indent);
			if (indent <= 3 && rest.charCodeAt(0) === leaf.char) {
				let length = 1;
				while (rest.charCodeAt(length) === leaf.char) {
					length++;
				}

				if (length >= leaf.length && spacesAt(rest, length) === rest.length - length) {
					this.leaf = none;
					return this.result('fence-close', pos);
				}
			}

			return this.result('code', pos);
		}

		const blank = spacesAt(line, pos) === line.length - pos;
		if (allMatched && leaf.type === 'html') {
			if (blank && leaf.kind >= 6) {
				this.leaf = none;
				return this.result('blank', pos);
			}

			if (htmlClose[leaf.kind - 1]?.test(pos === 0 ? line : line.slice(pos))) {
				this.leaf = none;
			}

			return this.result('html', pos);
		}

		if (allMatched && leaf.type === 'indented' && (blank || spacesAt(line, pos) >= 4)) {
			return this.result(blank ? 'blank' : 'code', pos);
		}

		const opened: Container[] = [];
		// Whether the open paragraph could still take this line (as its own or lazily).
		const paragraphOpen = leaf.type === 'paragraph';
		for (;;) {
			if (matched + opened.length >= containerLimit) {
				break;
			}

			const indent = spacesAt(line, pos);
			const at = pos + indent;
			const c = line.charCodeAt(at);
			const tipParagraph = paragraphOpen && opened.length === 0;
			// Only the paragraph itself (all containers matched) can be interrupted or underlined.
			const inParagraph = tipParagraph && allMatched;
			if (at === line.length) {
				break;
			}

			if (indent >= 4) {
				if (tipParagraph) {
					break;
				}

				this.close(matched, opened, true);
				this.leaf = indentedCode;
				return this.result('code', pos + 4);
			}

			if (startsText(c)) {
				// Text after the containers' markers: nothing more opens.
				break;
			}

			if (c === 0x3e) {
				// >
				pos = at + 1;
				if (line.charCodeAt(pos) === space) {
					pos++;
				}

				opened.push(quoteContainer());
				continue;
			}

			const rest = line.slice(at);
			if (c === 0x23 && atxHeading.test(rest)) {
				this.close(matched, opened, true);
				this.leaf = none;
				let level = 1;
				while (rest.charCodeAt(level) === 0x23) {
					level++;
				}

				return this.result('heading', at, level);
			}

			const marker = fenceMarker(rest);
			if (marker) {
				this.close(matched, opened, true);
				this.leaf = fenceLeaf(this.line, c, marker.length);
				return this.result('fence-open', pos);
			}

			if (c === 0x3c) {
				// <
				const kind = htmlOpen.findIndex(pattern => pattern.test(rest)) + 1;
				if (kind > 0 && (kind < 7 || !tipParagraph)) {
					this.close(matched, opened, true);
					const closed = htmlClose[kind - 1]?.test(line.slice(pos)) === true;
					this.leaf = closed ? none : htmlLeaf(this.line, kind);
					return this.result('html-start', pos);
				}
			}

			if (inParagraph && (c === 0x3d || c === 0x2d) && !leaf.definitions && setextUnderline.test(rest)) {
				const started = leaf.line;
				this.close(matched, opened, true);
				this.leaf = none;
				this.out.paragraphLine = started;
				this.out.paragraphStart = leaf.start;
				return this.result('setext', pos, c === 0x3d ? 1 : 2);
			}

			if ((c === 0x2a || c === 0x2d || c === 0x5f) && thematicBreak.test(rest)) {
				this.close(matched, opened, true);
				this.leaf = none;
				return this.result('break', pos);
			}

			const item = listItem(rest, indent, inParagraph);
			if (!item) {
				break;
			}

			this.openedTopItem ||= matched === 0 && opened.length === 0;
			opened.push({quote: false, indent: item.indent, hasContent: !item.blank});
			pos = at + item.width;
			if (item.blank) {
				pos = line.length;
			}
		}

		const restBlank = spacesAt(line, pos) === line.length - pos;
		if (!allMatched && opened.length === 0 && paragraphOpen && !restBlank) {
			// A lazy continuation line: the paragraph goes on and its containers stay open.
			leaf.definitions = false;
			return this.result('text', pos);
		}

		const continues = allMatched && opened.length === 0 && paragraphOpen && !restBlank;
		this.close(matched, opened, !restBlank);
		if (restBlank) {
			this.leaf = none;
			return this.result('blank', pos);
		}

		const definition = line.charCodeAt(pos) === 0x5b && linkDefinition.test(pos === 0 ? line : line.slice(pos));
		if (continues) {
			leaf.definitions &&= definition;
		} else {
			this.leaf = paragraphLeaf(this.line, start, definition);
		}

		return this.result('text', pos);
	}

	/**
	 * The commonest lines outside any container, answered without copying the line: an empty
	 * line, a line inside a fence that cannot close it, a line inside an HTML comment.
	 */
	private topLevelQuick(source: string, start: number, end: number): BlockLine | undefined {
		const leaf = this.leaf;
		const first = start < end ? source.charCodeAt(start) : space;
		if ((first === space || first === tab) && isBlankBetween(source, start, end)) {
			if (leaf.type === 'fence') {
				return this.result('code', 0);
			}

			if (leaf.type === 'html' && leaf.kind <= 5) {
				return this.result('html', 0);
			}

			if (leaf.type !== 'indented') {
				this.leaf = none;
			}

			return this.result('blank', 0);
		}

		if (leaf.type === 'fence') {
			let at = start;
			while (at < end && at - start < 4 && source.charCodeAt(at) === space) {
				at++;
			}

			if (at - start >= 4 || (at < end && source.charCodeAt(at) !== leaf.char && source.charCodeAt(at) !== tab)) {
				return this.result('code', 0);
			}

			if (at < end && source.charCodeAt(at) === leaf.char) {
				// A run of the fence's character: it closes the fence when long enough and alone on the line.
				let length = 1;
				while (at + length < end && source.charCodeAt(at + length) === leaf.char) {
					length++;
				}

				if (length >= leaf.length && isBlankBetween(source, at + length, end)) {
					this.leaf = none;
					return this.result('fence-close', 0);
				}

				return this.result('code', 0);
			}
		}

		if (leaf.type === 'html' && leaf.kind === 2) {
			// The next `-->` is looked for once, not once per line (an unclosed comment is linear).
			if (this.commentSource !== source || this.commentClose < start) {
				const close = source.indexOf('-->', start);
				this.commentSource = source;
				this.commentClose = close === -1 ? source.length : close;
			}

			if (this.commentClose + 3 <= end) {
				this.leaf = none;
			}

			return this.result('html', 0);
		}

		if (leaf.type === 'none' || leaf.type === 'paragraph') {
			return this.topLevelBlockStart(source, start, end, leaf);
		}

		return undefined;
	}

	/**
	 * Block starts at the first column, outside any container, read with at most one regular
	 * expression on the line: a code fence, an HTML comment, a thematic break or a setext
	 * underline. Anything else (or anything less plain) is the general path's.
	 */
	private topLevelBlockStart(source: string, start: number, end: number, leaf: Leaf): BlockLine | undefined {
		const c = source.charCodeAt(start);
		if (c === 0x60 || c === 0x7e) {
			const length = fenceRun(source, start, end);
			if (length === 0) {
				return undefined;
			}

			this.leaf = fenceLeaf(this.line, c, length);
			return this.result('fence-open', 0);
		}

		if (c === 0x3c) {
			return source.startsWith('<!--', start) ? this.openComment(source, start, end) : undefined;
		}

		if (c !== 0x2d && c !== 0x3d && c !== 0x2a && c !== 0x5f) {
			return undefined;
		}

		const line = source.slice(start, end);
		if (leaf.type === 'paragraph' && (c === 0x3d || c === 0x2d) && !leaf.definitions && setextUnderline.test(line)) {
			this.leaf = none;
			this.out.paragraphLine = leaf.line;
			this.out.paragraphStart = leaf.start;
			return this.result('setext', 0, c === 0x3d ? 1 : 2);
		}

		if (c !== 0x3d && thematicBreak.test(line)) {
			this.leaf = none;
			return this.result('break', 0);
		}

		return undefined;
	}

	/** An HTML comment opening at `start`, on the first column. */
	private openComment(source: string, start: number, end: number): BlockLine {
		// The `-->` looked for here is the one that closes the comment, so each is looked for once
		// (the source's length stands for none: a number that stays a small integer).
		const close = source.indexOf('-->', start);
		this.commentSource = source;
		this.commentClose = close === -1 ? source.length : close;
		this.leaf = close !== -1 && close + 3 <= end ? none : htmlLeaf(this.line, 2);
		return this.result('html-start', 0);
	}

	/**
	 * A code fence, an HTML comment or an ATX heading on the first column under open
	 * containers: no container holds a line that starts so (a quote needs its `>`, a list item
	 * its indent), and each of these interrupts a paragraph, so all containers close and the
	 * block opens at the top level, as the general path reads it.
	 */
	private blockStartClosingContainers(source: string, start: number, end: number, first: number): BlockLine | undefined {
		if (first === 0x23) {
			const level = atxLevel(source, start, end);
			if (level === 0) {
				return undefined;
			}

			truncate(this.stack, 0);
			this.leaf = none;
			return this.result('heading', 0, level);
		}

		if (first === 0x60 || first === 0x7e) {
			const length = fenceRun(source, start, end);
			if (length === 0) {
				return undefined;
			}

			truncate(this.stack, 0);
			this.leaf = fenceLeaf(this.line, first, length);
			return this.result('fence-open', 0);
		}

		if (first === 0x3c && source.startsWith('<!--', start)) {
			truncate(this.stack, 0);
			return this.openComment(source, start, end);
		}

		return undefined;
	}

	/**
	 * Two common container lines read without copying the line, as the general path would read
	 * them: a list item at the start of a line with one space and text after its marker (it
	 * closes whatever containers are open, since none can match a line that starts so), and a
	 * `> text` line opening or continuing a lone block quote's paragraph.
	 */
	private quickContainer(source: string, start: number, end: number, first: number): BlockLine | undefined {
		const leaf = this.leaf;
		const stack = this.stack;
		const plainLeaf = leaf.type === 'none' || leaf.type === 'paragraph';
		if (start === end || ((first === space || first === tab) && isBlankBetween(source, start, end))) {
			// An empty line (or one of spaces and tabs): list items with content stay open, a quote or an empty item closes.
			let matched = 0;
			while (isItemWithContent(stack[matched])) {
				matched++;
			}

			// The general path puts a blank line's content after its spaces once a list item holds it (tabs expanded).
			const tabs = matched > 0 && start < end && hasTabBetween(source, start, end);
			if ((matched === stack.length && !plainLeaf) || tabs) {
				return undefined;
			}

			truncate(stack, matched);

			this.leaf = none;
			return this.result('blank', matched > 0 ? end - start : 0);
		}

		if (first === 0x3e) {
			if (source.charCodeAt(start + 1) !== space || !startsText(start + 2 < end ? source.charCodeAt(start + 2) : -1)) {
				return undefined;
			}

			if (stack.length === 1 && stack[0]?.quote && leaf.type === 'paragraph') {
				// The quote's paragraph goes on.
				leaf.definitions = false;
				return this.result('text', 2);
			}

			if (stack.length === 0 && plainLeaf) {
				stack.push(quoteContainer());
				this.openedFrom = 0;
			} else if (!(stack.length === 1 && stack[0]?.quote && leaf.type === 'none')) {
				return undefined;
			}

			this.leaf = paragraphLeaf(this.line, start, false);
			return this.result('text', 2);
		}

		if (first !== space && first !== 0x2d && first !== 0x2b && first !== 0x2a && !(first >= 0x30 && first <= 0x39)) {
			return undefined;
		}

		// Leading spaces, and the list items (only list items) they reach into, as the general path matches them.
		let lead = 0;
		while (start + lead < end && source.charCodeAt(start + lead) === space) {
			lead++;
		}

		let pos = 0;
		let matched = 0;
		// An indexed loop: for-of's iterator costs several calls a step without an optimising compiler (the bin's --no-opt).
		for (; matched < stack.length; matched++) {
			const container = stack[matched];
			if (container === undefined || container.quote || lead - pos < container.indent) {
				break;
			}

			pos += container.indent;
		}

		const allMatched = matched === stack.length;
		if (allMatched ? !plainLeaf : stack[matched]?.quote === true) {
			return undefined;
		}

		const at = start + lead;
		const c = at < end ? source.charCodeAt(at) : -1;
		if (startsText(c)) {
			if (leaf.type === 'paragraph') {
				// The paragraph goes on: in its containers, or lazily (they stay open).
				leaf.definitions = false;
				if (allMatched) {
					this.markContent(matched);
				}

				return this.result('text', pos);
			}

			if (lead - pos > 3) {
				return undefined;
			}

			truncate(stack, matched);

			this.markContent(matched);
			this.leaf = paragraphLeaf(this.line, start, false);
			return this.result('text', pos);
		}

		if (lead - pos > 3) {
			return undefined;
		}

		let marker = 0;
		if (c === 0x2d || c === 0x2b || c === 0x2a) {
			marker = 1;
		} else if (c >= 0x30 && c <= 0x39) {
			while (marker < 9 && at + marker < end && source.charCodeAt(at + marker) >= 0x30 && source.charCodeAt(at + marker) <= 0x39) {
				marker++;
			}

			const delimiter = source.charCodeAt(at + marker);
			if (delimiter !== 0x2e && delimiter !== 0x29) {
				return undefined;
			}

			// Only an item numbered 1 interrupts the paragraph it would otherwise continue.
			if (allMatched && leaf.type === 'paragraph' && !(marker === 1 && c === 0x31)) {
				return undefined;
			}

			marker++;
		} else {
			return undefined;
		}

		if (
			source.charCodeAt(at + marker) !== space ||
			!startsText(at + marker + 1 < end ? source.charCodeAt(at + marker + 1) : -1) ||
			matched + 1 >= containerLimit
		) {
			return undefined;
		}

		truncate(stack, matched);

		this.markContent(matched);
		stack.push({quote: false, indent: lead - pos + marker + 1, hasContent: true});
		this.leaf = paragraphLeaf(this.line, start, false);
		this.openedTopItem = matched === 0;
		this.openedFrom = matched;
		return this.result('text', lead + marker + 1);
	}

	/** The first `count` containers hold a line with content (what close() does for a line with some). */
	private markContent(count: number): void {
		const stack = this.stack;
		for (let i = 0; i < count; i++) {
			const container = stack[i];
			if (container?.quote === false) {
				container.hasContent = true;
			}
		}
	}

	/** Close the containers past `matched` and open `opened` inside the rest; `content`: the line has some. */
	private close(matched: number, opened: Container[], content: boolean): void {
		truncate(this.stack, matched);

		if (opened.length > 0) {
			this.openedFrom = matched;
		}

		for (let i = 0; i < opened.length; i++) {
			const container = opened[i];
			if (container !== undefined) {
				this.stack.push(container);
			}
		}

		// Whatever this line holds, the list items around it now have content.
		if (content) {
			this.markContent(this.stack.length);
		}
	}

	private result(kind: LineKind, contentStart: number, level = 0): BlockLine {
		const out = this.out;
		out.kind = kind;
		out.top = this.stack.length === 0;
		out.level = level;
		out.contentStart = contentStart;
		out.topItem = this.openedTopItem;
		out.openedFrom = this.openedFrom;
		if (kind === 'text') {
			out.paragraphLine = this.leaf.line;
		} else if (kind !== 'setext') {
			out.paragraphLine = -1;
		}

		return out;
	}
}

/** A list item's marker at the start of `rest`: the columns to its content, or undefined. */
function listItem(rest: string, indent: number, interrupts: boolean): {indent: number; width: number; blank: boolean} | undefined {
	const c = rest.charCodeAt(0);
	let markerLength: number;
	if (c === 0x2d || c === 0x2b || c === 0x2a) {
		markerLength = 1;
	} else {
		const ordered = c >= 0x30 && c <= 0x39 ? orderedMarker.exec(rest) : null;
		if (!ordered || (interrupts && ordered[1] !== '1')) {
			return undefined;
		}

		markerLength = ordered[0].length;
	}

	const after = rest.charCodeAt(markerLength);
	if (!(Number.isNaN(after) || after === space || after === tab)) {
		return undefined;
	}

	const spaces = spacesAt(rest, markerLength);
	const blank = markerLength + spaces === rest.length;
	if (interrupts && blank) {
		return undefined;
	}

	const padding = spaces >= 5 || blank ? markerLength + 1 : markerLength + spaces;
	return {indent: indent + padding, width: Math.min(padding, rest.length), blank};
}
