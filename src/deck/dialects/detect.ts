// Which presenter a deck was written for, from its front matter and its first 64 KiB: each
// dialect's telltale lines score a point, and the highest score wins (plain Markdown, read as
// Lectern's own, when nothing stands out). Bounded, so a huge deck costs the same to detect.
//
// presenterm's comment commands are its evidence even though Lectern reads several of them
// too: its own names (end_slide, speaker_note, and the layout commands Lectern has no syntax
// for) count, and the commands both tools share (pause, the column commands) count as well
// once one of those is there, so that a Lectern deck with pauses stays Lectern's. What rules
// presenterm out is what presenterm itself would refuse or show otherwise: a one-line
// comment that is none of its commands (`<!-- notes: … -->`: presenterm stops with an
// error), or `---` slide separators in a deck without `end_slide` (presenterm draws them as
// rules in one long slide).
import type {DialectName} from './dialect.js';

const window = 64 * 1024;

/** presenterm's comment commands, as its documentation lists them (a one-line comment is a command there). */
const presentermCommand =
	/^<!--\s*(?:end_slide|pause|jump_to_middle|reset_layout|skip_slide|no_footer|new_?lines?(?:\s*:\s*\d+)?|(?:speaker_note|column_layout|column|incremental_lists|alignment|font_size|list_item_newlines|include|snippet_output|comment)\s*:.*|\/\/.*)\s*-->$/i;
const oneLineComment = /^<!--.*-->[ \t]*$/gm;
/**
 * A `---` line that is a thematic break, not a heading's underline: first, or after a blank
 * line, an ATX heading, a closing fence or a comment's end. A slide separator in Lectern's
 * decks (and most others').
 */
const ruleSeparator =
	/(?:^|\n)(?:[ \t]*|#{1,6}(?:[ \t][^\n]*)?|[ \t]*(?:`{3,}|~{3,})[ \t]*|[^\n]*-->[ \t]*)\n---[ \t]*(?=\n|$)|^---[ \t]*(?=\n|$)/g;
const endSlide = /^<!--\s*end_slide\s*-->[ \t]*$/im;

/**
 * What a match of a sign needs somewhere in the head: one of these strings (all of them, when
 * `all` is set). A line start is `^` at 0 or after `\n` here: where other line breaks occur
 * (`\r`, U+2028, U+2029) every pattern runs.
 */
type Needs = (head: string) => boolean;

const someOf =
	(...texts: string[]): Needs =>
	head =>
		texts.some(text => head.includes(text));
const atLineStart =
	(text: string): Needs =>
	head =>
		head.startsWith(text) || head.includes(`\n${text}`);

/**
 * Each dialect's sign, and what a match of it needs (a letter spelled both ways where the
 * pattern ignores case; in the patterns that do without the `u` flag, d and q have no other
 * spelling). The rarer string first: `-` is common in a deck (a search for `->` stopped at each
 * of the 1,000-slide bench deck's box drawings, ~0.7 M instructions).
 */
const signs: ReadonlyArray<readonly [DialectName, RegExp, Needs]> = [
	// Lectern's own: its notes and time comments, diagram and quiz fences. (`---` separators are
	// every other tool's too: they only rule presenterm out.)
	[
		'lectern',
		/^(?:<!--\s*(?:notes?|speaker-notes?|speaker_notes|time)\s*:.*|```(?:diagram|quiz)\b.*)$/gim,
		someOf('<!--', '```d', '```D', '```q', '```Q'),
	],
	[
		'presenterm',
		/^<!--\s*(?:end_slide|speaker_note\s*:.*|incremental_lists\s*:.*|jump_to_middle|new_?lines?(?:\s*:\s*\d+)?|alignment\s*:.*)\s*-->\s*$/gim,
		someOf('<!--'),
	],
	// A multi-line note as presenterm documents it: `<!--` alone, then `speaker_note: |`.
	['presenterm', /^<!--[ \t]*\n[ \t]*speaker_note[ \t]*:/gm, head => head.includes('<!--') && head.includes('speaker_note')],
	['patat', /^\.\s\.\s\.\s*$/gm, atLineStart('.')],
	['reveal', /^(?:--|<!--\s*\.(?:slide|element)\s*:.*-->)\s*$/gim, head => atLineStart('--')(head) || head.includes('<!--')],
	['lookatme', /^<!--\s*stop\s*-->\s*$/gim, someOf('<!--')],
	[
		'mdp',
		/^(?:%(?:title|author|date):.*|->.*<-)\s*$/gm,
		head => someOf('%title:', '%author:', '%date:')(head) || (head.includes('<-') && head.includes('->')),
	],
	[
		'marp',
		/^<!--\s*_?(?:paginate|class|backgroundColor|backgroundImage|header|footer|headingDivider|theme|color)\s*:.*-->\s*$/gm,
		someOf('<!--'),
	],
	['slides', /^\s*\/\/\/ /gm, someOf('/// ')],
];

/**
 * How often each sign occurs in `head` (`head.match(pattern)?.length`). Each match reads the
 * whole head, nine times 64 KiB (~5 M instructions of a first frame's ~160 M, callgrind,
 * 1,000-slide bench deck, half of it compiling the patterns): a pattern whose match needs a
 * string the head does not hold is not run (a string search, ~100 times cheaper), and most of
 * them need a comment.
 */
export function signCounts(head: string): number[] {
	const otherBreaks = head.includes('\r') || head.includes('\u2028') || head.includes('\u2029');
	return signs.map(([, pattern, needs]) => (otherBreaks || needs(head) ? (head.match(pattern)?.length ?? 0) : 0));
}

/** The commands presenterm shares with Lectern: more evidence for presenterm once some of its own is there. */
const sharedCommands = /^<!--\s*(?:pause|column_layout\s*:.*|column\s*:.*|reset_layout)\s*-->\s*$/gim;

/** Whether presenterm could not have read the deck as its author meant (see the top of this file). */
function notPresenterm(head: string): boolean {
	for (const comment of head.matchAll(oneLineComment)) {
		const text = comment[0].trim();
		// An empty comment says nothing either way; presenterm lets vim's modelines and fold marks pass.
		if (!/^<!--\s*(?:vim:.*|\{\{\{|\}\}\})?\s*-->$/.test(text) && !presentermCommand.test(text)) return true;
	}

	ruleSeparator.lastIndex = 0;
	return ruleSeparator.test(head) && !endSlide.test(head);
}

/** Front-matter keys only one tool uses. */
function fromMeta(extra: Readonly<Record<string, unknown>>): DialectName | undefined {
	if (extra['marp'] === true) {
		return 'marp';
	}

	if (typeof extra['patat'] === 'object' && extra['patat'] !== null) {
		return 'patat';
	}

	if ('sub_title' in extra || 'options' in extra) {
		return 'presenterm';
	}

	if ('styles' in extra || 'extensions' in extra) {
		return 'lookatme';
	}

	if ('paging' in extra) {
		return 'slides';
	}

	return undefined;
}

export function detectDialect(text: string, extra: Readonly<Record<string, unknown>>): DialectName {
	const known = fromMeta(extra);
	if (known) {
		return known;
	}

	const head = text.length > window ? text.slice(0, window) : text;
	const scores = new Map<DialectName, number>();
	const counts = signCounts(head);
	for (const [index, [name]] of signs.entries()) {
		scores.set(name, (scores.get(name) ?? 0) + (counts[index] ?? 0));
	}

	const presenterm = scores.get('presenterm') ?? 0;
	if (presenterm > 0 && notPresenterm(head)) {
		scores.delete('presenterm');
	} else if (presenterm > 0) {
		scores.set('presenterm', presenterm + (head.match(sharedCommands)?.length ?? 0));
	}

	// The first highest score: Lectern's own on a tie.
	let best: DialectName = 'lectern';
	let bestScore = 0;
	for (const [name, score] of scores) {
		if (score > bestScore) {
			best = name;
			bestScore = score;
		}
	}

	return best;
}
