// Hostile decks, generated (no big committed fixtures). Payload decks carry a canary: plain
// text placed where a raw payload would swallow, hide or erase it (inside an OSC string,
// inside SGR 8), so "the canary is on screen" proves the payload was shown, not obeyed.
// Bad-file cases test the loader: each must render or end in a one-line error, never hang.

import {mkdir, mkdtemp, open, symlink, writeFile, chmod} from 'node:fs/promises';
import {execFileSync} from 'node:child_process';
import {join} from 'node:path';
import {defined} from './defined.js';

export type Expectation = 'render' | 'error';

export type HostileDeck = Readonly<{
	name: string;
	/** Text is written as UTF-8; bytes are written as they are. */
	content: string | Uint8Array;
	/** Visible text that must appear when the deck renders (null when there is none). */
	canary: string | null;
	expect: Expectation;
	/** What the expectation means in detail, e.g. which byte offset an error must name. */
	note?: string;
}>;

export type HostilePath = Readonly<{name: string; path: string; expect: Expectation; canary: string | null; note?: string}>;

const ESC = '\x1b';
const BEL = '\x07';
const ST = `${ESC}\\`;

/** Control-sequence payloads; `$` is where the canary goes. */
export const payloads: Readonly<Record<string, string>> = {
	'osc52-clipboard': `${ESC}]52;c;$${BEL}`,
	'osc0-title': `${ESC}]0;$${BEL}`,
	'osc2-title': `${ESC}]2;$${ST}`,
	'osc8-hyperlink': `${ESC}]8;;https://evil.example/${ST}$ https://good.example/${ESC}]8;;${ST}`,
	'sgr8-hidden': `${ESC}[8m$${ESC}[28m`,
	'csi-cursor-up': `${ESC}[5A$`,
	'csi-erase-screen': `$${ESC}[2J${ESC}[H`,
	'csi-erase-line': `$${ESC}[2K${ESC}[G`,
	'csi-mouse-mode': `${ESC}[?1000h${ESC}[?1006h$`,
	'csi-bracketed-paste': `${ESC}[?2004h$`,
	'query-dsr-6n': `${ESC}[6n$`,
	'query-da': `${ESC}[c${ESC}[>c$`,
	'query-decrqss': `${ESC}P$qm${ST}$`,
	'query-21t-title': `${ESC}[21t$`,
	'dcs-sixel': `${ESC}Pq#0;2;0;0;0$${ST}`,
	'apc-kitty-graphics': `${ESC}_Gf=100,a=T;$${ST}`,
	'pm-string': `${ESC}^$${ST}`,
	'sos-string': `${ESC}X$${ST}`,
	'c1-csi-8bit': `\u009b6n\u009b?1000h$`,
	'c1-osc-8bit': `\u009d52;c;$\u009c`,
	'c1-dcs-8bit': `\u0090$qm\u009c$`,
	// NUL is left out: a NUL byte makes the file binary (see the `binary-nul` case).
	'lone-c0': `\x05\x08\x0b\x0c\x0e\x7f$`,
};

const withCanary = (payload: string, canary: string): string => payload.replaceAll('$', canary);
const slug = (name: string): string => name.toUpperCase().replace(/[^A-Z\d]+/g, '-');

/** One deck per payload, in body text. */
function payloadDecks(): HostileDeck[] {
	return Object.entries(payloads).map(([name, payload]) => {
		const canary = `CANARY-${slug(name)}`;
		return {
			name: `payload-${name}`,
			content: `# Payload ${name}\n\nbefore ${withCanary(payload, canary)} after\n`,
			canary,
			expect: 'render',
		};
	});
}

// The same attack spelled so that only a later decoder (marked's entities, YAML escapes)
// produces the control character: OSC 52 with the canary inside, then a cursor report query.
type Spelling = Readonly<{name: string; esc: string; bel: string; csi: string}>;
const entitySpellings: readonly Spelling[] = [
	{name: 'raw', esc: ESC, bel: BEL, csi: '\u009b'},
	{name: 'dec', esc: '&#27;', bel: '&#7;', csi: '&#155;'},
	{name: 'hex', esc: '&#x1b;', bel: '&#x07;', csi: '&#x9b;'},
	{name: 'hex-upper-padded', esc: '&#X001B;', bel: '&#0007;', csi: '&#X9B;'},
];
const yamlSpellings: readonly Spelling[] = [
	{name: 'raw', esc: ESC, bel: BEL, csi: '\u009b'},
	{name: 'yaml-escape', esc: '\\e', bel: '\\a', csi: '\\x9b'},
	{name: 'yaml-unicode', esc: '\\u001b', bel: '\\u0007', csi: '\\u009b'},
	{name: 'entity', esc: '&#27;', bel: '&#7;', csi: '&#155;'},
];
const attack = (s: Spelling, canary: string): string => `${s.esc}]52;c;${canary}${s.bel}${s.esc}[6n${s.csi}21t`;

// `inside`: the payload itself is displayed there, so the canary goes only inside the payload
// (a raw OSC would swallow it). Elsewhere the payload may never be shown and the canary sits beside.
type Context = Readonly<{name: string; inside: boolean; deck: (payload: string, canary: string) => string}>;
const contexts: readonly Context[] = [
	{name: 'text', inside: true, deck: p => `# Text\n\nsee ${p} here\n`},
	{name: 'heading', inside: true, deck: p => `# Heading ${p}\n\nbody\n`},
	{name: 'notes', inside: true, deck: p => `# Notes\n\nbody\n\n<!-- notes: remember ${p} -->\n`},
	{name: 'table-cell', inside: true, deck: p => `# Table\n\n| a | b |\n|---|---|\n| ${p} | b |\n`},
	{name: 'link-text', inside: true, deck: p => `# Link\n\n[${p}](https://example.com/)\n`},
	{name: 'link-target', inside: false, deck: (p, c) => `# Link\n\n[${c}](https://example.com/${p})\n\n<https://example.com/${p}>\n`},
	{name: 'fence-info', inside: false, deck: (p, c) => `# Code\n\n\`\`\`${p}\n${c}\n\`\`\`\n`},
	{name: 'image-alt', inside: false, deck: (p, c) => `# Image\n\n![${p}](pic.png "${p}")\n\n${c}\n`},
];

function contextDecks(): HostileDeck[] {
	const decks: HostileDeck[] = [];
	for (const context of contexts) {
		for (const spelling of entitySpellings) {
			const canary = `CANARY-${slug(context.name)}-${slug(spelling.name)}`;
			decks.push({
				name: `context-${context.name}-${spelling.name}`,
				content: context.deck(attack(spelling, context.inside ? canary : 'x'), canary),
				canary,
				expect: 'render',
				...(context.name === 'notes' ? {note: 'the canary shows in the notes pane'} : {}),
			});
		}
	}
	decks.push({
		name: 'front-matter-title-invisible',
		// The status bar has room for a short title only: one of each kind there, all in the author.
		content: `---\ntitle: "CANARY-FM-TITLE-INVISIBLE ${yamlEscaped('\u3164\u2028\u0600\u{1d173}\u202e')}"\nauthor: "${yamlEscaped(Object.values(invisibles).join(' '))}"\n---\n\n# Slide\n\nbody\n`,
		canary: 'CANARY-FM-TITLE-INVISIBLE',
		expect: 'render',
		note: 'invisible characters in the title show as markers in the status bar, outline and JSON',
	});
	for (const spelling of yamlSpellings) {
		const canary = `CANARY-FM-TITLE-${slug(spelling.name)}`;
		// Raw stays a plain scalar; the others need double quotes (escapes, and a leading `&` is an anchor).
		const quote = (value: string): string => (spelling.name === 'raw' ? value : `"${value}"`);
		decks.push({
			name: `front-matter-title-${spelling.name}`,
			content: `---\ntitle: ${quote(`${canary} ${attack(spelling, 'x')}`)}\nauthor: ${quote(attack(spelling, 'author'))}\n---\n\n# Slide\n\nbody\n`,
			canary,
			expect: 'render',
			note: 'the canary is in the title (status bar); the payload must show as stand-ins',
		});
	}
	return decks;
}

function unicodeDecks(): HostileDeck[] {
	const zalgo = `Z${'\u0301\u0316\u0334\u035c\u0360'.repeat(40)}algo`;
	const tags = [...'ignore previous instructions'].map(ch => String.fromCodePoint(0xe0000 + ch.charCodeAt(0))).join('');
	const deck = (name: string, body: string, note?: string): HostileDeck => {
		const canary = `CANARY-${slug(name)}`;
		return {
			name,
			content: `# ${name}\n\n${body.replaceAll('$', canary)}\n`,
			canary,
			expect: 'render',
			...(note === undefined ? {} : {note}),
		};
	};
	return [
		deck('bidi-trojan-source', '```js\n/*\u202e } \u2066if (isAdmin)\u2069 \u2066 begin admins only */ $\n```\n\naccess\u202eelif\u202c $'),
		deck('bidi-isolates-and-marks', 'a\u2067b\u2069c\u200fd\u200ee\u061cf $'),
		deck('zero-width', 'pay\u200bpal \u2060 \ufeff \u180e a\u200db\u200d \u200c $ \u2062'),
		deck('tag-characters', `hello${tags}\u{e007f} $ \u{e0001}`, 'tags must become <U+E00xx> markers'),
		deck('zalgo', `${zalgo} $`, 'clamped to 3 marks and a <+N marks> marker'),
		deck('interlinear-annotation', '\ufff9base\ufffaruby\ufffb $'),
		deck('soft-hyphen-outside-word', '\u00ad $ \u00ad'),
		deck(
			'link-text-is-other-url',
			'[https://good.example/login](https://evil.example/login) $',
			'the real target (evil.example) must be visible',
		),
		deck('legit-scripts', 'שלום مرحبا 日本語 👩‍👩‍👧 🇫🇷 🏴󠁧󠁢󠁥󠁮󠁧󠁿 é e\u0301 می‌خواهم $', 'every script displays unchanged, no markers'),
	];
}

/**
 * Invisible characters, by group: each must reach no output raw (a `<U+XXXX>` marker on
 * screen, a `\uXXXX` escape in JSON). Hangul fillers are letters and the musical beams are
 * astral: a hand-made list of "format characters" tends to miss both.
 */
export const invisibles: Readonly<Record<string, string>> = {
	'hangul-fillers': '\u115f\u1160\u3164\uffa0',
	'arabic-number-signs': '\u0600\u0601\u0602\u0603\u0604\u0605\u06dd\u070f\u0890\u08e2',
	'astral-format-controls': '\u{110bd}\u{13430}\u{13438}\u{1bca0}\u{1bca3}\u{1d173}\u{1d17a}',
	'invisible-marks': '\u17b4\u17b5\u180b\u180c\u034f',
	'unassigned-ignorables': '\u2065\ufff0\ufff8\u{e0fff}',
	'bidi-and-separators': '\u202e\u2066\u2069\u2028\u2029\u061c\u200f',
	'zero-width': '\u200b\u2060\ufeff\u2063\u180e',
};

/** YAML double-quoted escapes for everything but ASCII letters, digits and spaces. */
const yamlEscaped = (text: string): string =>
	[...text].map(ch => (/^[\w ]$/.test(ch) ? ch : `\\U${defined(ch.codePointAt(0)).toString(16).padStart(8, '0')}`)).join('');

/** One deck per group of invisibles: in the heading, the text, a table cell, code and the notes. */
function invisibleDecks(): HostileDeck[] {
	return Object.entries(invisibles).map(([name, chars]) => {
		const canary = `CANARY-INVISIBLE-${slug(name)}`;
		return {
			name: `invisible-${name}`,
			content: `# Hidden ${chars}here\n\n${chars} ${canary} ${chars} and a${chars}b\n\n| a${chars} | b |\n|---|---|\n| ${chars} | c |\n\n\`\`\`\ncode${chars}\n\`\`\`\n\n<!-- notes: note${chars} -->\n`,
			canary,
			expect: 'render',
			note: 'every invisible character shows as a <U+XXXX> marker',
		};
	});
}

const encoder = new TextEncoder();
const utf16 = (text: string, bigEndian: boolean): Uint8Array => {
	const bytes = new Uint8Array(2 + text.length * 2);
	const view = new DataView(bytes.buffer);
	view.setUint16(0, 0xfeff, !bigEndian);
	for (let i = 0; i < text.length; i++) view.setUint16(2 + i * 2, text.charCodeAt(i), !bigEndian);
	return bytes;
};
const concat = (...parts: readonly Uint8Array[]): Uint8Array => {
	const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
	let offset = 0;
	for (const part of parts) {
		out.set(part, offset);
		offset += part.length;
	}
	return out;
};

const badUtf8Prefix = '# Bad UTF-8\n\nok ';

function badFileDecks(): HostileDeck[] {
	const text = (name: string) => `# ${name}\n\nCANARY-${slug(name)} é 日本\n\n---\n\n# Two\n\nend\n`;
	const file = (name: string, content: string | Uint8Array, expect: Expectation, canary: string | null, note?: string): HostileDeck => ({
		name,
		content,
		canary,
		expect,
		...(note === undefined ? {} : {note}),
	});
	const canaryOf = (name: string) => `CANARY-${slug(name)}`;
	return [
		file('empty', '', 'error', null, 'a deck with no slides: one line, exit 2'),
		file('whitespace-only', ' \n\t\n   \n\n', 'error', null),
		file('only-separators', '\n---\n\n---\n\n<!-- end_slide -->\n\n---\n', 'error', null),
		file('only-separators-at-top', '---\n\n---\n\n---\n', 'error', null, 'an empty front matter, then one separator: no slides'),
		file(
			'binary-nul',
			concat(encoder.encode('# Binary\n\n'), new Uint8Array([0, 1, 2, 0, 0xff, 0, 0x89, 0x50, 0x4e, 0x47, 0])),
			'error',
			null,
			'"binary file"',
		),
		file(
			'invalid-utf8',
			concat(encoder.encode(badUtf8Prefix), new Uint8Array([0xc3, 0x28, 0xff]), encoder.encode(' tail\n')),
			'error',
			null,
			`error names byte offset ${encoder.encode(badUtf8Prefix).length}`,
		),
		file(
			'overlong-utf8',
			concat(encoder.encode('# Overlong\n\n'), new Uint8Array([0xc0, 0x9b, 0xe0, 0x80, 0x9b]), encoder.encode('[6n\n')),
			'error',
			null,
			`overlong ESC / CSI; error names byte offset ${encoder.encode('# Overlong\n\n').length}`,
		),
		file(
			'utf8-encoded-c1',
			'# C1\n\n\u009b6n \u0085 CANARY-UTF8-ENCODED-C1\n',
			'render',
			'CANARY-UTF8-ENCODED-C1',
			'C1 shown as <U+009B> markers',
		),
		file('utf16le-bom', utf16(text('utf16le-bom'), false), 'render', canaryOf('utf16le-bom'), 'transcoded'),
		file('utf16be-bom', utf16(text('utf16be-bom'), true), 'render', canaryOf('utf16be-bom'), 'transcoded'),
		file('utf16le-no-bom', utf16(text('utf16le-no-bom'), false).slice(2), 'error', null, 'NUL bytes: "binary file"'),
		file(
			'utf8-bom',
			concat(new Uint8Array([0xef, 0xbb, 0xbf]), encoder.encode(text('utf8-bom'))),
			'render',
			canaryOf('utf8-bom'),
			'BOM stripped: the first title shows no <U+FEFF>',
		),
		file('crlf', text('crlf').replaceAll('\n', '\r\n'), 'render', canaryOf('crlf'), 'two slides, no ␍ stand-ins'),
		file('cr-only', text('cr-only').replaceAll('\n', '\r'), 'render', canaryOf('cr-only'), 'two slides, no ␍ stand-ins'),
		file('tabs', '# Tabs\n\n\tindented code\n\n- a\n\t- b\tc\n\nCANARY-TABS\tafter\n', 'render', 'CANARY-TABS'),
		file('long-line', `# Long\n\nCANARY-LONG-LINE ${'word '.repeat(2000)}\n`, 'render', 'CANARY-LONG-LINE'),
		file('long-line-unbroken', `# Long\n\nCANARY-LONG-UNBROKEN ${'x'.repeat(10_000)}\n`, 'render', 'CANARY-LONG-UNBROKEN'),
		file(
			'nested-lists',
			`# Lists\n\nCANARY-NESTED-LISTS\n\n${'- '.repeat(10_000)}deep\n`,
			'render',
			'CANARY-NESTED-LISTS',
			'nesting depth capped',
		),
		file(
			'nested-quotes',
			`# Quotes\n\nCANARY-NESTED-QUOTES\n\n${'> '.repeat(10_000)}deep\n`,
			'render',
			'CANARY-NESTED-QUOTES',
			'nesting depth capped',
		),
		file('brackets', `# Brackets\n\nCANARY-BRACKETS\n\n${'['.repeat(100_000)}\n`, 'render', 'CANARY-BRACKETS', 'no quadratic hang'),
		file('asterisks', `# Stars\n\nCANARY-ASTERISKS\n\n${'*'.repeat(100_000)}\n`, 'render', 'CANARY-ASTERISKS', 'no quadratic hang'),
		file(
			'emphasis-pairs',
			`# Emphasis\n\nCANARY-EMPHASIS-PAIRS\n\n${'*a'.repeat(50_000)}\n`,
			'render',
			'CANARY-EMPHASIS-PAIRS',
			'no quadratic hang',
		),
		file(
			'front-matter-unclosed',
			'---\ntitle: Unclosed\nauthor: someone\n\n# Slide\n\nCANARY-FM-UNCLOSED\n',
			'error',
			null,
			'names the front matter and line 1',
		),
		file('front-matter-invalid-yaml', '---\ntitle: [unclosed\n  : : bad\n---\n\n# Slide\n\nbody\n', 'error', null, 'names the line'),
		file(
			'front-matter-huge',
			`---\ntitle: Huge\npadding: "${'x'.repeat(1_000_000)}"\n---\n\n# Slide\n\nbody\n`,
			'error',
			null,
			'front matter over the size cap',
		),
		file(
			'front-matter-custom-tags',
			'---\ntitle: !!js/function "function () { return 1 }"\nauthor: !foo bar\ntheme: !!binary aGk=\n---\n\n# Slide\n\nCANARY-FM-TAGS\n',
			'render',
			'CANARY-FM-TAGS',
			'tags never executed; values are plain strings or dropped',
		),
		file(
			'front-matter-alias-bomb',
			`---\n${aliasBomb()}---\n\n# Slide\n\nbody\n`,
			'error',
			null,
			'excessive aliases refused (or rendered with aliases bounded)',
		),
		file('front-matter-not-a-map', '---\n- a\n- b\n---\n\n# Slide\n\nbody\n', 'error', null, 'front matter must be a mapping'),
		file(
			'front-matter-deep-sequence',
			`---\ntitle: Deep\ndeep: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n---\n\n# Slide\n\nbody\n`,
			'error',
			null,
			'"nesting too deep", not a stack overflow (issue 12 item 8)',
		),
		file(
			'front-matter-deep-mapping',
			`---\ntitle: Deep\ndeep: ${'{a: '.repeat(5000)}1${'}'.repeat(5000)}\n---\n\n# Slide\n\nbody\n`,
			'error',
			null,
			'"nesting too deep", not a stack overflow (issue 12 item 8)',
		),
		hugeDeck(),
	];
}

function aliasBomb(): string {
	const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
	for (let level = 1; level < 10; level++) {
		const previous = String.fromCharCode(0x60 + level);
		const current = String.fromCharCode(0x61 + level);
		lines.push(`${current}: &${current} [${Array(9).fill(`*${previous}`).join(',')}]`);
	}
	lines.push('title: *j');
	return `${lines.join('\n')}\n`;
}

const hugeSlideCount = 100_000;

/** 100,000 slides, built only when `content` is read (about 2 MB). */
function hugeDeck(): HostileDeck {
	let built: string | undefined;
	return {
		name: 'slides-100000',
		get content(): string {
			built ??= Array.from({length: hugeSlideCount}, (_, i) => `# Slide ${i + 1}\n`)
				.join('\n---\n\n')
				.replace('\n', '\n\nCANARY-SLIDES-100000\n');
			return built;
		},
		canary: 'CANARY-SLIDES-100000',
		expect: 'render',
		note: `${hugeSlideCount} slides; first frame fast, last slide reachable`,
	};
}

/** Every hostile deck; a pure function, new objects each call. */
/**
 * Decks built to cost time or stack rather than to smuggle bytes (issue 12, items 6 to 8): long
 * lines and long runs, inputs that slipped past the parse guard, arrays of hundreds of
 * thousands of lines, big tables, marked's published ReDoS inputs. Each must render (its
 * canary at the start stays visible) within the same bound as any other deck.
 */
function costlyDecks(): HostileDeck[] {
	const deck = (name: string, body: string, note: string): HostileDeck => {
		const canary = `CANARY-${slug(name)}`;
		return {name: `costly-${name}`, content: `# ${name}\n\n${canary}\n\n${body}\n`, canary, expect: 'render', note};
	};
	return [
		deck('one-word-1mb', 'x'.repeat(1_000_000), 'one 1 MB line: cut at the line cap with a marker'),
		deck('short-words-1mb', 'a '.repeat(500_000), 'one 1 MB line of short words'),
		deck('cjk-line', '日本語'.repeat(100_000), 'one line of 300,000 wide characters'),
		deck('short-word-lines', 'word and more\n'.repeat(60_000), 'a 780 KB paragraph: plain text past the parse cap'),
		deck('www-autolinks', 'www.a '.repeat(100_000), 'a run of GFM www autolinks'),
		deck('email-autolinks', 'a.a@ '.repeat(100_000), 'a run of GFM e-mail autolink starts'),
		deck('entities', '&amp;&#27;&lt;'.repeat(50_000), 'a run of entities'),
		deck('backtick-runs', '` `` ```'.repeat(50_000), 'runs of backticks'),
		deck('huge-table-cell', `| a | b |\n|---|---|\n| ${'x'.repeat(500_000)} | y |`, 'one table cell of 500,000 characters'),
		deck('table-30000-rows', `| a | b |\n|---|---|\n${'| x | y |\n'.repeat(30_000)}`, 'tens of thousands of table rows'),
		deck('table-900-rows', `| a | b |\n|---|---|\n${'| x | y |\n'.repeat(900)}`, 'a table drawn up to its row cap'),
		deck(
			'html-block-underscores',
			`<div>\n${'_a '.repeat(5000)}\n${'*a '.repeat(5000)}\n</div>`,
			'delimiter runs in an HTML block (read as inline HTML)',
		),
		deck('heading-underscores', `## ${'_a'.repeat(50_000)}`, 'a heading line that went to the inline lexer unguarded'),
		deck(
			'fence-bypass',
			`\`\`\`a\`\n${'_a'.repeat(50_000)}`,
			'not a fence (backtick in a backtick info string): the guard must count what follows',
		),
		deck(
			'nested-list-lines',
			Array.from({length: 3000}, (_, i) => `${' '.repeat(2 * i)}- x`).join('\n'),
			'thousands of ever deeper list lines',
		),
		deck(
			'nested-quote-lines',
			Array.from({length: 3000}, (_, i) => `${'>'.repeat(i + 1)} x`).join('\n'),
			'thousands of ever deeper quote lines',
		),
		deck('list-continuation', `- ${'x\n  '.repeat(40_000)}`, 'one list item of 40,000 lines (marked re-reads it per line)'),
		deck('emphasis-runs', `${'*a '.repeat(1400)}\n\n${'_a '.repeat(1400)}`, 'delimiter runs just under the guard'),
		deck('redos-link-definition', `[x]:${' '.repeat(50_000)}x${' '.repeat(50_000)}x`, 'CVE-2022-21680 (GHSA-rrrm-qjm4-v8hf): block.def'),
		deck('redos-reflink-search', `[x]: x\n\n${'\\[\\]('.repeat(50_000)}`, 'CVE-2022-21681 (GHSA-5v2h-r2cx-5xgj): inline.reflinkSearch'),
		deck('redos-emphasis', `_${'__a'.repeat(30_000)}`, 'older em/strong advisories: long underscore runs'),
		deck('redos-brackets-images', '!['.repeat(50_000), 'nested image brackets'),
		deck('code-130000-lines', `\`\`\`\n${'x\n'.repeat(130_000)}\`\`\``, 'a 130,000-line code block (push(...) overflowed)'),
		deck('unterminated-fence', `\`\`\`\n${'x\n'.repeat(200_000)}`, 'an unterminated fence and 200,000 lines'),
		deck('unterminated-notes', `<!-- notes:\n${'x\n'.repeat(200_000)}`, 'an unterminated notes comment and 200,000 lines'),
		deck('lines-300000', 'x\n'.repeat(300_000), 'one slide of 300,000 lines: one paragraph'),
		deck('list-items-100000', '- x\n'.repeat(100_000), 'one list of 100,000 items'),
		deck('table-5000-columns', `${'|a'.repeat(5000)}|\n${'|-'.repeat(5000)}|\n${'|b'.repeat(5000)}|`, 'a table 5,000 columns wide'),
		deck('nested-inline-delimiters', `${'*a _'.repeat(5000)}x${'_ a*'.repeat(5000)}`, 'emphasis nested 10,000 deep'),
		deck('nested-link-brackets', `${'['.repeat(20_000)}x${'](y)'.repeat(20_000)}`, 'links nested 20,000 deep'),
	];
}

/**
 * Decks of many tiny slides (issue 12): `make(n)` builds one of n slides; `full` is the size the
 * corpus renders (print, outline, search, check and the presenter), `small` the size the scaling
 * test counts work at (N against 2N, in test/unit/scaling.test.ts). The first slide carries the
 * canary where the deck's shape allows a line of text.
 */
export type TinySlideDeck = Readonly<{
	name: string;
	make: (n: number) => string;
	full: number;
	small: number;
	/** Slides the full-size deck has. */
	slides: number;
	note: string;
}>;

export const tinySlideDecks: readonly TinySlideDeck[] = [
	{
		name: 'tiny-hash',
		make: n => '#\n'.repeat(n),
		full: 300_000,
		small: 20_000,
		slides: 300_000,
		note: '`#` alone on a line, 300,000 times',
	},
	{
		name: 'tiny-setext',
		make: n => 'a\n=\n'.repeat(n),
		full: 100_000,
		small: 10_000,
		slides: 100_000,
		note: 'a setext heading, 100,000 times',
	},
	{
		name: 'tiny-separated',
		make: n => 'x\n\n---\n\n'.repeat(n),
		full: 200_000,
		small: 20_000,
		slides: 200_000,
		note: 'one letter between separators, 200,000 times',
	},
	{
		name: 'tiny-leading-separators',
		make: n => `${'\n---\n'.repeat(n)}# last\n`,
		full: 200_000,
		small: 20_000,
		slides: 1,
		note: 'blank slides before the only one (each dropped with a shift was quadratic)',
	},
	{
		name: 'tiny-patat-headings',
		make: n => `---\npatat:\n  slideLevel: 1\n---\n\n${'# h\n\ntext\n\n---\n\n'.repeat(n)}`,
		full: 40_000,
		small: 4_000,
		slides: 40_000,
		note: 'pandoc slide levels: headings and rules (every heading was compared with every rule)',
	},
];

function tinyDecks(): HostileDeck[] {
	return tinySlideDecks.map(deck => {
		let built: string | undefined;
		return {
			name: deck.name,
			get content(): string {
				built ??= deck.make(deck.full);
				return built;
			},
			canary: null,
			expect: 'render',
			note: `${deck.note}: every command linear in the slides`,
		};
	});
}

export function hostileDecks(): HostileDeck[] {
	return [
		...payloadDecks(),
		...contextDecks(),
		...unicodeDecks(),
		...invisibleDecks(),
		...badFileDecks(),
		...costlyDecks(),
		...tinyDecks(),
	];
}

/**
 * Path cases, created in `tmpDir` (which must exist): things that are not a readable regular
 * deck of sane size. The over-size file is sparse, so it costs no disk.
 */
export async function hostilePaths(tmpDir: string): Promise<HostilePath[]> {
	const dir = await mkdtemp(join(tmpDir, 'hostile-'));
	const paths: HostilePath[] = [];
	const good = join(dir, 'good.md');
	await writeFile(good, '# Good\n\nCANARY-PATH-GOOD\n');

	const directory = join(dir, 'a-directory.md');
	await mkdir(directory);
	paths.push({name: 'directory', path: directory, expect: 'error', canary: null});

	const fifo = join(dir, 'fifo.md');
	execFileSync('mkfifo', [fifo]);
	paths.push({name: 'fifo', path: fifo, expect: 'error', canary: null, note: 'must not block waiting for a writer'});

	const loopA = join(dir, 'loop-a.md');
	const loopB = join(dir, 'loop-b.md');
	await symlink(loopB, loopA);
	await symlink(loopA, loopB);
	paths.push({name: 'symlink-loop', path: loopA, expect: 'error', canary: null});

	const dangling = join(dir, 'dangling.md');
	await symlink(join(dir, 'nowhere.md'), dangling);
	paths.push({name: 'dangling-symlink', path: dangling, expect: 'error', canary: null});

	const linked = join(dir, 'link-to-good.md');
	await symlink(good, linked);
	paths.push({name: 'symlink-to-deck', path: linked, expect: 'render', canary: 'CANARY-PATH-GOOD'});

	const zero = join(dir, 'zero.md');
	await symlink('/dev/zero', zero);
	paths.push({name: 'dev-zero', path: '/dev/zero', expect: 'error', canary: null, note: 'character device, never read'});
	paths.push({name: 'symlink-to-dev-zero', path: zero, expect: 'error', canary: null});

	const huge = join(dir, 'huge.md');
	const handle = await open(huge, 'w');
	await handle.truncate(1024 ** 3);
	await handle.close();
	paths.push({name: 'over-size', path: huge, expect: 'error', canary: null, note: 'sparse 1 GiB: refused by size before reading'});

	paths.push({name: 'missing', path: join(dir, 'missing.md'), expect: 'error', canary: null});

	const escName = join(dir, `evil-${ESC}]0;CANARY-PATH-NAME${BEL}-\u202egnp.md`);
	await writeFile(escName, '# Named\n\nCANARY-PATH-NAME-BODY\n');
	paths.push({
		name: 'file-name-escapes',
		path: escName,
		expect: 'render',
		canary: 'CANARY-PATH-NAME-BODY',
		note: 'the name shows with stand-ins wherever it is printed',
	});
	paths.push({
		name: 'missing-file-name-escapes',
		path: join(dir, `gone-${ESC}[2J${ESC}]52;c;CANARY-PATH-MISSING${BEL}.md`),
		expect: 'error',
		canary: 'CANARY-PATH-MISSING',
		note: 'the one-line error shows the name with stand-ins',
	});

	if (process.getuid?.() !== 0) {
		const unreadable = join(dir, 'unreadable.md');
		await writeFile(unreadable, '# Secret\n');
		await chmod(unreadable, 0o000);
		paths.push({name: 'unreadable', path: unreadable, expect: 'error', canary: null});
	}
	return paths;
}

/**
 * A study state file that is not a regular file of sane size (issue 12.4). `make` puts the
 * case at the state file's path; reading it must give a one-line warning and a fresh state,
 * never a hang (FIFO), an endless read (/dev/zero) or a read of the keyboard (/dev/tty).
 */
export type HostileStateFile = Readonly<{name: string; make: (file: string) => Promise<void>; reason: RegExp}>;

export const hostileStateFiles: readonly HostileStateFile[] = [
	{
		name: 'state-fifo',
		make: async file => {
			execFileSync('mkfifo', [file]);
		},
		reason: /not a regular file \(a FIFO\)/,
	},
	{name: 'state-symlink-to-dev-zero', make: async file => symlink('/dev/zero', file), reason: /not a regular file \(a character device\)/},
	{name: 'state-symlink-to-dev-tty', make: async file => symlink('/dev/tty', file), reason: /not a regular file \(a character device\)/},
	{name: 'state-directory', make: async file => mkdir(file), reason: /not a regular file \(a directory\)/},
	{
		name: 'state-over-size',
		make: async file => {
			const handle = await open(file, 'w');
			await handle.truncate(1024 ** 3);
			await handle.close();
		},
		reason: /larger than \d+ bytes/,
	},
	{
		name: 'state-escapes',
		make: async file =>
			writeFile(
				file,
				JSON.stringify({version: 1, deck: `${ESC}]0;CANARY-STATE${BEL}\u202e\u2028`, slide: 0, seen: [], bookmarks: [], updatedAt: 'x'}),
			),
		reason: /it belongs to .*CANARY-STATE/,
	},
];

/**
 * The JSON paths: decks whose file names and front-matter titles carry what JSON.stringify
 * leaves raw (C1, DEL, bidi controls, U+2028/U+2029, invisibles) next to what it escapes (C0),
 * for `outline --json`, `search --json` and `check --json`. Each slide holds its canary and
 * no notes, so check reports it too. Created in `tmpDir`, which must exist.
 */
export async function hostileJsonPaths(tmpDir: string): Promise<HostilePath[]> {
	const dir = await mkdtemp(join(tmpDir, 'json-'));
	const cases: ReadonlyArray<readonly [string, string]> = [
		['c1', '\u009b31mC1\u009d0;HACKED\u009c'],
		['del', 'del\u007fete'],
		['bidi', '\u202eevil\u2066x\u2069\u061c'],
		['separators', 'line\u2028para\u2029end'],
		['invisible', `hangul\u3164arabic\u0600beam\u{1d173}`],
		['c0', `esc${ESC}[31m${BEL}red`],
	];
	const paths: HostilePath[] = [];
	for (const [name, payload] of cases) {
		const canary = `CANARY-JSON-${slug(name)}`;
		const path = join(dir, `deck-${payload}.md`);
		const yamlTitle = JSON.stringify(`Intro ${payload} ${canary}`);
		await writeFile(
			path,
			`---\ntitle: ${yamlTitle}\nauthor: ${JSON.stringify(payload)}\n---\n\n# Slide ${payload}\n\n${canary} ${payload}\n`,
		);
		paths.push({
			name: `json-${name}`,
			path,
			expect: 'render',
			canary,
			note: 'JSON output escapes the payload as \\uXXXX; the path survives unchanged',
		});
	}
	return paths;
}
