// The block lexer's tests in front of marked's rules (src/deck/block-lexer.ts) must never turn
// away a block marked would have read: the tokens are compared with marked's own lexer on the
// CommonMark spec's examples, every deck the tests know, the hostile corpus and generated text
// made of the pieces the tests look at.
import {readFileSync} from 'node:fs';
import specModule from 'commonmark-spec';
import fc from 'fast-check';
import {Lexer, Tokenizer} from 'marked';
import {describe, expect, test, vi} from 'vitest';
import {lexBlocks, lexInline, maySetextHeading, mayTable, plainParagraph, setextRun} from '../../src/deck/block-lexer.js';
import {hostileDecks} from '../support/hostile-corpus.js';
import {knownDecks} from '../support/known-decks.js';

const marked = (markdown: string) => new Lexer({gfm: true}).lex(markdown);

describe('the guarded block lexer', () => {
	test("gives marked's tokens on every CommonMark spec example", () => {
		for (const {markdown, number} of specModule.tests) {
			const text = markdown.replaceAll('→', '\t');
			expect(lexBlocks(text), `example ${number}`).toEqual(marked(text));
		}
	});

	test("gives marked's tokens on the fixtures, the bundled decks and the hostile corpus", () => {
		for (const file of knownDecks()) {
			const text = readFileSync(file, 'utf8');
			expect(lexBlocks(text), file).toEqual(marked(text));
		}

		for (const deck of hostileDecks()) {
			const text = typeof deck.content === 'string' ? deck.content : Buffer.from(deck.content).toString('utf8');
			// marked itself takes seconds on some of the large ones (limits.ts keeps them from it).
			if (text.length < 20_000) expect(lexBlocks(text), deck.name).toEqual(marked(text));
		}
	});

	const pieces = [
		'word',
		' ',
		'   ',
		'    ',
		'\t',
		'\n',
		'\n\n',
		' \n',
		'\u00a0',
		'\u2028',
		'\r',
		'a\n',
		'<',
		'<div>',
		'</div>',
		'<!-- x -->',
		'<!--',
		'-->',
		'<!-->',
		'<!--->',
		' <!-- a\n\n',
		'\n\n\n',
		'<?x?>',
		'<![CDATA[',
		'>',
		'> ',
		'[',
		']',
		'[a]: /url',
		'[a]',
		'(',
		')',
		'"',
		'|',
		'| a |',
		'|---|',
		':',
		'-',
		'--',
		'---',
		'- ',
		'* ',
		'+ ',
		'1. ',
		'1) ',
		'1.',
		'-x',
		'#x',
		'``',
		'=',
		'===',
		'#',
		'## ',
		'`',
		'```',
		'~~~',
		'\\',
		'_',
		'*',
		'**',
		'__',
		'~',
		'~~',
		'1',
		'2. ',
		'<DIV>',
		'<p>',
		'  <',
		'    <div>',
		'www.',
		'www.a.b',
		'http://',
		'https://x.org',
		'HTTP://',
		'mailto:',
		'xmpp:',
		'a@b.c',
		'@',
		'x.y+z-',
		'  ',
		'\t- ',
		'  - ',
		'   | a |',
		' :-- |',
	];
	test("gives marked's tokens on generated text", () => {
		fc.assert(
			fc.property(fc.array(fc.constantFrom(...pieces), {maxLength: 40}), parts => {
				const text = parts.join('');
				expect(lexBlocks(text)).toEqual(marked(text));
			}),
			{numRuns: 5000},
		);
	});

	test("gives marked's tokens on list items and quotes of many text lines, with or without an underline among them", () => {
		const line = fc.constantFrom('x', 'word and more', '', '===', '---', '- item', '> quote', '# head', '1. one', '  x', '    code', '-x');
		fc.assert(
			fc.property(
				fc.constantFrom('- ', '> ', '', '1. '),
				fc.array(line, {minLength: 1, maxLength: 80}),
				fc.constantFrom('\n', '\n  ', '\n   '),
				(start, lines, joint) => {
					const text = `${start}${lines.join(joint)}`;
					expect(lexBlocks(text)).toEqual(marked(text));
				},
			),
			{numRuns: 3000},
		);
	});

	test("asks marked's setext pattern about a run of text lines once, not before each line (a list item's text goes a line at a time)", () => {
		const lheading = vi.spyOn(Tokenizer.prototype, 'lheading');
		try {
			const text = `- ${'x\n  '.repeat(1000)}`;
			expect(lexBlocks(text)).toEqual(marked(text));
			lheading.mockClear();
			lexBlocks(text);
			// Each line asked the pattern (past the first 64) before runs were remembered.
			expect(lheading.mock.calls.length).toBeLessThan(10);
		} finally {
			lheading.mockRestore();
		}
	});

	test('a remembered run answers again from its later lines, and only for the same text', () => {
		const run = setextRun();
		const text = `${'a\n'.repeat(100)}\nafter`;
		expect(maySetextHeading(text, run)).toBe(false);
		expect(run.text).toBe(text);
		expect(maySetextHeading(text.slice(50), run)).toBe(false);
		// Another text as long as a later part of the run, with an underline: read, not taken from the run.
		const other = `b\n===${text.slice(55)}`;
		expect(other.length).toBe(text.length - 50);
		expect(maySetextHeading(other, run)).toBe(true);
		// Past 64 lines without a run the question is left to marked; with one, the run is read to its end.
		const long = `${'a\n'.repeat(200)}\n`;
		expect(maySetextHeading(long)).toBe(true);
		expect(maySetextHeading(long, setextRun())).toBe(false);
		expect(maySetextHeading(`${'a\n'.repeat(200)}==`, setextRun())).toBe(true);
	});

	test("gives marked's inline tokens on generated text", () => {
		fc.assert(
			fc.property(fc.array(fc.constantFrom(...pieces), {maxLength: 30}), parts => {
				const text = parts.join('');
				expect(lexInline(text)).toEqual(Lexer.lexInline(text, {gfm: true}));
			}),
			{numRuns: 3000},
		);
	});

	// marked's own paragraph pattern: where the cheap reading answers, it answers the same.
	const paragraphPattern = Lexer.rules.block.gfm.paragraph;
	test("reads a paragraph as marked's pattern does wherever it answers", () => {
		const lines = [...pieces, 'word', 'two words', '| a | b |', '---', ' - x', '    code', '1) x', '> q', '<div>'];
		fc.assert(
			fc.property(fc.array(fc.constantFrom(...lines), {minLength: 1, maxLength: 12}), fc.boolean(), (parts, newlineEnd) => {
				const text = parts.join('\n') + (newlineEnd ? '\n' : '');
				const answer = plainParagraph(text);
				if (answer !== undefined) {
					const match = paragraphPattern.exec(text);
					expect(answer?.[0]).toBe(match?.[0]);
					expect(answer?.[1]).toBe(match?.[1]);
				}
			}),
			{numRuns: 5000},
		);
		expect(plainParagraph('One line\nand its continuation\n\nNext')?.[0]).toBe('One line\nand its continuation');
		expect(plainParagraph('Text\n- a list')).toBeUndefined();
		expect(plainParagraph('Text\nmore\n|---|')).toBeUndefined();
	});

	test('turns plain text away from the setext heading and table patterns', () => {
		expect(maySetextHeading('A paragraph\nover two lines\n\n---\n')).toBe(false);
		expect(maySetextHeading('A paragraph\n## then a heading\n===\n')).toBe(false);
		expect(maySetextHeading('A title\n===\n')).toBe(true);
		expect(maySetextHeading('A title\nover two lines\n   --- \n')).toBe(true);
		// Lines that only look like the ones ending a paragraph leave the question to marked.
		for (const text of ['a\n-x\n===', 'a\n1.x\n---', 'a\n#x\n===', 'a\n``x\n---', 'a\n    > x\n===']) {
			expect(maySetextHeading(text), text).toBe(true);
			expect(lexBlocks(text), text).toEqual(marked(text));
		}

		expect(mayTable('Plain words\nmore words\n')).toBe(false);
		expect(mayTable('| a | b |\n|---|---|\n')).toBe(true);
		expect(mayTable('a | b\n   :-- | --:\n')).toBe(true);
	});
});
