import fc from 'fast-check';
import {Lexer} from 'marked';
import {describe, expect, it} from 'vitest';
import {inlineMarkdown, inlinesFromTokens, isPlainInline} from '../../src/deck/elements-from-tokens.js';

// inlineMarkdown skips marked for text with no inline syntax in it: what marked makes of such
// text must be exactly that text.
const lexed = (text: string) => inlinesFromTokens(Lexer.lexInline(text));

describe('isPlainInline', () => {
	it('is true for words, numbers and punctuation that start no inline Markdown', () => {
		for (const text of ['Slide 1', 'Why (and how)?', 'é 日本 — 42%, "quoted", a/b + c = d; #3', '', ' two  spaces ', 'w.w.w. ww.']) {
			expect(isPlainInline(text)).toBe(true);
			expect(inlineMarkdown(text)).toEqual(lexed(text));
		}
	});

	it('is false wherever marked could read something else than the text', () => {
		for (const text of [
			'a *b*',
			'a _b_',
			'`c`',
			'~~s~~',
			'[l](u)',
			'![i](u)',
			'<b>x</b>',
			'&amp;',
			'a\\*',
			'x@y.z',
			'http://x',
			'www.x',
			'WWW.x',
			'a\nb',
		]) {
			expect(isPlainInline(text)).toBe(false);
		}
	});

	it('gives what marked gives, for any text it lets through', () => {
		const alphabet = fc.constantFrom(...'aZ09 .,;?()-#/+=%$\'"é日\t|{}^'.split(''), 'www', 'http');
		fc.assert(
			fc.property(fc.array(alphabet, {maxLength: 40}), parts => {
				const text = parts.join('');
				fc.pre(isPlainInline(text));
				expect(inlineMarkdown(text)).toEqual(lexed(text));
			}),
			{numRuns: 2000},
		);
	});
});
