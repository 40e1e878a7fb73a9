import fc from 'fast-check';
import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {DeckError, openDeck, stepsOf} from '../../src/deck/deck.js';
import {FrontMatterError} from '../../src/deck/front-matter.js';
import {parseSlide} from '../../src/deck/parse.js';
import type {Deck} from '../../src/deck/types.js';
import {layoutSlide, renderNotes} from '../../src/layout/layout.js';
import {createTheme, type ColorLevel} from '../../src/layout/theme.js';
import {sgrConceals, tokenize} from '../support/ecma48.js';
import {writeAnsi} from '../../src/layout/write.js';
import {defined} from '../support/defined.js';
import {stripSgr} from '../support/sgr.js';

const ESC = '\u001B';

const atom = fc.oneof(
	{weight: 6, arbitrary: fc.string({unit: fc.constantFrom(...'abcdefXYZ0189 .,:'), minLength: 1, maxLength: 12})},
	{weight: 2, arbitrary: fc.constantFrom('日本語', '漢字かな', '한국어 ', '中文字符串', 'ｆｕｌｌ')},
	{weight: 2, arbitrary: fc.constantFrom('😀', '👍🏽', '👨‍👩‍👧', '🇯🇵', '🏴󠁧󠁢󠁳󠁣󠁴󠁿', '✅', '❤️')},
	{weight: 1, arbitrary: fc.integer({min: 0, max: 0x1f}).map(code => String.fromCharCode(code))},
	{
		weight: 1,
		arbitrary: fc.oneof(
			fc.constant('\u007F'),
			fc.integer({min: 0x80, max: 0x9f}).map(code => String.fromCharCode(code)),
		),
	},
	{
		weight: 2,
		arbitrary: fc.constantFrom(
			`${ESC}[31m`,
			`${ESC}]52;c;aGk=\u0007`,
			`${ESC}[2J`,
			'\u009B6n',
			`${ESC}P$qm${ESC}\\`,
			`${ESC}[8m`,
			`${ESC}]8;;http://e/${ESC}\\`,
		),
	},
	{
		weight: 2,
		arbitrary: fc.constantFrom('&#27;', '&#x1b;', '&#x9b;', '&#155;', '&#7;', '&#0;', '&#x202e;', '&amp;', '&lt;', '&nbsp;', '&#X001B;[1m'),
	},
	{
		weight: 3,
		arbitrary: fc.constantFrom(
			'*',
			'_',
			'`',
			'[',
			']',
			'(',
			')',
			'**b**',
			'*i*',
			'`c`',
			'[l](http://x.org)',
			'<http://y.org>',
			'<b>',
			'</b>',
			'\\',
			'~~s~~',
			'![i](p.png)',
		),
	},
	{
		weight: 1,
		arbitrary: fc.constantFrom('\u202E', '\u200B', '\u200D', '\u00AD', 'e\u0301\u0301\u0301\u0301\u0301', '\uFEFF', '\uD800', '\t'),
	},
	{weight: 1, arbitrary: fc.integer({min: 20, max: 120}).map(n => 'w'.repeat(n))},
	{weight: 1, arbitrary: fc.integer({min: 5, max: 60}).map(n => '漢'.repeat(n))},
);

const text = fc.array(atom, {maxLength: 10}).map(parts => parts.join(''));

const line = fc.oneof(
	{weight: 5, arbitrary: text},
	{weight: 1, arbitrary: fc.constant('')},
	{weight: 2, arbitrary: fc.tuple(fc.integer({min: 1, max: 6}), text).map(([depth, title]) => `${'#'.repeat(depth)} ${title}`)},
	{
		weight: 2,
		arbitrary: fc
			.tuple(fc.integer({min: 0, max: 4}), fc.constantFrom('- ', '* ', '1. ', '> ', '- [ ] '), text)
			.map(([depth, marker, item]) => '  '.repeat(depth) + marker + item),
	},
	{weight: 2, arbitrary: fc.constantFrom('```', '```diagram', '```text', '```ascii', '```js', '```zz', '~~~', '````', '   ```')},
	{weight: 2, arbitrary: fc.array(text, {minLength: 1, maxLength: 4}).map(cells => `| ${cells.join(' | ')} |`)},
	{weight: 1, arbitrary: fc.constantFrom('|---|---|', '| --- | :-: | --: |')},
	{weight: 2, arbitrary: fc.constantFrom('---', '<!-- end_slide -->', '<!-- pause -->', '***')},
	{weight: 2, arbitrary: text.map(note => `<!-- notes: ${note} -->`)},
	{weight: 1, arbitrary: fc.constantFrom('<!-- notes:', '<!--', '-->', 'Note:', '???', '::: notes', ':::', '<div>', '</div>')},
	{weight: 1, arbitrary: fc.constantFrom(`${'- '.repeat(40)}deep`, `${'> '.repeat(40)}deep`, '['.repeat(2000), '_a'.repeat(1000))},
);

const frontMatter = fc.option(
	fc
		.tuple(text, fc.constantFrom('', 'duration: 20\n', 'theme: x\n'))
		.map(([title, rest]) => `---\ntitle: "${title.replaceAll('\\', '').replaceAll('"', '')}"\n${rest}---\n`),
	{nil: ''},
);

const deckText = fc.tuple(frontMatter, fc.array(line, {minLength: 1, maxLength: 40})).map(([front, lines]) => front + lines.join('\n'));

const size = fc.record({width: fc.integer({min: 40, max: 200}), height: fc.integer({min: 10, max: 60})});
const themeOptions = fc.record({level: fc.constantFrom<ColorLevel>(0, 1, 2, 3), ascii: fc.boolean()});

function open(textOfDeck: string): Deck | undefined {
	try {
		return openDeck(textOfDeck, 'random.md');
	} catch (error) {
		// The only ways a deck may fail to open; both carry a line for the user.
		if (error instanceof DeckError || error instanceof FrontMatterError) {
			return undefined;
		}

		throw error;
	}
}

/** What is wrong with one output line, or undefined: only our own SGR may reach the terminal. */
function lineFault(output: string, width: number, level: ColorLevel): string | undefined {
	if (stringWidth(output) > width) {
		return `wider than ${width}: ${stringWidth(output)}`;
	}

	if (level === 0 && output.includes(ESC)) {
		return 'an escape sequence at colour level 0';
	}

	for (const token of tokenize(output)) {
		if (token.kind === 'text') {
			continue;
		}

		const sgr =
			token.kind === 'csi' &&
			!token.eightBit &&
			!token.malformed &&
			token.prefix === '' &&
			token.intermediates === '' &&
			token.final === 'm' &&
			/^[\d;]*$/.test(token.params) &&
			!sgrConceals(token.params);
		if (!sgr) {
			return `control ${JSON.stringify(token.raw)}`;
		}
	}

	const bare = stripSgr(output);
	// eslint-disable-next-line no-control-regex
	const control = /\p{Cc}/u.exec(bare);
	return control ? `control character U+${defined(control[0].codePointAt(0)).toString(16).padStart(4, '0')}` : undefined;
}

describe('layout properties over random Markdown', () => {
	it('every slide at every size: exactly height lines, none too wide, only our own SGR', () => {
		fc.assert(
			fc.property(deckText, size, themeOptions, fc.nat(), (source, area, options, stepSeed) => {
				const deck = open(source);
				if (!deck) {
					return;
				}

				const theme = createTheme(options);
				for (let index = 0; index < Math.min(deck.count, 8); index++) {
					const slide = parseSlide(deck, index);
					const steps = stepsOf(deck, index);
					for (const step of new Set([0, stepSeed % steps, steps - 1])) {
						const lines = layoutSlide(slide, step, area, theme).lines.map(line => writeAnsi(line, theme));
						expect(lines).toHaveLength(area.height);
						for (const output of lines) {
							const fault = lineFault(output, area.width, options.level);
							if (fault) {
								expect.fail(`slide ${index + 1} step ${step} at ${area.width}x${area.height}: ${fault} in ${JSON.stringify(output)}`);
							}
						}
					}

					// The notes pane's text width as the screen lays it out (right of the slide or below).
					const notesWidth = area.width >= 120 ? Math.max(30, Math.floor(area.width * 0.34)) - 1 : area.width - 4;
					for (const output of renderNotes(slide.noteElements, notesWidth, theme).map(line => writeAnsi(line, theme))) {
						const fault = lineFault(output, notesWidth, options.level);
						if (fault) {
							expect.fail(`notes of slide ${index + 1} at width ${notesWidth}: ${fault} in ${JSON.stringify(output)}`);
						}
					}
				}
			}),
			{numRuns: 300},
		);
	});

	it('the parsed slide never holds a raw control character', () => {
		fc.assert(
			fc.property(deckText, source => {
				const deck = open(source);
				if (!deck) {
					return;
				}

				for (let index = 0; index < deck.count; index++) {
					const slide = parseSlide(deck, index);
					const strings = JSON.stringify([slide.title, slide.bodyText, slide.notesText, slide.blocks, slide.noteElements]);
					// JSON.stringify escapes C0 as \uXXXX but leaves C1 as is; look for both.
					expect(/\\u00(?:0[0-8bcef]|1[0-9a-f])|\\u007f|[\u0080-\u009F]/i.test(strings)).toBe(false);
				}
			}),
			{numRuns: 200},
		);
	});
});
