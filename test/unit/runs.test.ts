// The render model's run utilities: widths in cells, wrapping, clipping, the ASCII fallback,
// search marks, syntax highlighting to runs and both writers (issue 14).
import {describe, expect, it} from 'vitest';
import {loadHighlighter} from '../../src/cli/highlighter.js';
import {codeLines} from '../../src/layout/code.js';
import {inlineRuns} from '../../src/layout/inline.js';
import {
	asciiLineRuns,
	clipLine,
	join,
	line,
	lineText,
	markRanges,
	padLine,
	run,
	sliceLine,
	textLine,
	truncateLine,
	wrapHangingLine,
	wrapRuns,
} from '../../src/layout/lines.js';
import type {Line} from '../../src/layout/runs.js';
import {createTheme} from '../../src/layout/theme.js';
import {writeAnsi, writePlain} from '../../src/layout/write.js';
import {defined} from '../support/defined.js';

const colour = createTheme({level: 3, ascii: false});
const plain = createTheme({level: 0, ascii: false});
const texts = (lines: readonly Line[]) => lines.map(lineText);

describe('runs are measured in cells', () => {
	it('CJK and emoji take two cells, combining marks none', () => {
		expect(run('abc').width).toBe(3);
		expect(run('日本語').width).toBe(6);
		expect(run('👍🏽 ok').width).toBe(5);
		expect(run('e\u0301').width).toBe(1);
		expect(line([run('日本'), run('x', ['strong']), run('')]).width).toBe(5);
	});

	it('a line leaves out empty runs', () => {
		expect(line([run(''), run('a')]).runs).toHaveLength(1);
	});
});

describe('wrapping runs', () => {
	it('moves whole words, keeps each run its roles across the break', () => {
		const lines = wrapRuns([run('one '), run('two three', ['strong']), run(' four')], 9);
		expect(texts(lines)).toEqual(['one two', 'three', 'four']);
		expect(defined(lines[0]).runs.map(part => part.roles ?? [])).toEqual([[], ['strong']]);
		expect(defined(defined(lines[1]).runs[0]).roles).toEqual(['strong']);
		expect(lines.map(each => each.width)).toEqual([7, 5, 4]);
	});

	it('breaks a word longer than the width, and CJK by cells', () => {
		expect(texts(wrapRuns([run('abcdefghij')], 4))).toEqual(['abcd', 'efgh', 'ij']);
		expect(texts(wrapRuns([run('日本語の文')], 4))).toEqual(['日本', '語の', '文']);
	});

	it('drops spaces at either end of a row, keeps those between words', () => {
		expect(texts(wrapRuns([run('  a  b   ')], 10))).toEqual(['a  b']);
		expect(texts(wrapRuns([run('')], 10))).toEqual(['']);
	});

	it('hangs continuation lines under a bullet', () => {
		expect(texts(wrapHangingLine(textLine('  • alpha beta gamma'), 12))).toEqual(['  • alpha', '    beta', '    gamma']);
	});
});

describe('slicing and clipping', () => {
	const wide = line([run('ab'), run('日本', ['code']), run('cd')]);

	it('slices by cells, leaving out a wide character cut by an edge', () => {
		expect(lineText(sliceLine(wide, 1, 5))).toBe('b日');
		expect(lineText(sliceLine(wide, 3, 8))).toBe('本cd');
		expect(sliceLine(wide, 3, 8).width).toBe(4);
		expect(defined(sliceLine(wide, 2, 6).runs[0]).roles).toEqual(['code']);
	});

	it('clips with a marker in the last cell, padding where a wide character was cut', () => {
		const marker = run('›', ['marker']);
		expect(clipLine(wide, 8, marker)).toEqual({line: wide, clipped: false});
		const clipped = clipLine(wide, 4, marker);
		expect(clipped.clipped).toBe(true);
		expect(lineText(clipped.line)).toBe('ab ›');
		expect(clipped.line.width).toBe(4);
	});

	it('truncates with an ellipsis and pads to a width', () => {
		expect(lineText(truncateLine(textLine('abcdef'), 4, run('…')))).toBe('abc…');
		expect(lineText(padLine(textLine('ab'), 4))).toBe('ab  ');
		expect(lineText(padLine(textLine('日本語'), 5))).toBe('日本 ');
	});
});

describe('ASCII fallback on runs', () => {
	it('maps box drawing and arrows one cell for one, keeping roles', () => {
		const ascii = asciiLineRuns(line([run('┌─┐ ', ['diagram']), run('A ──▶ B', ['strong'])]));
		expect(lineText(ascii)).toBe('+-+ A --> B');
		expect(ascii.width).toBe(11);
		expect(defined(ascii.runs[1]).roles).toEqual(['strong']);
	});
});

describe('search marks', () => {
	it('mark ranges across runs, inside the roles already there', () => {
		const marked = markRanges(line([run('foo '), run('barbaz', ['strong'])]), [[2, 7]], 'match');
		expect(marked.runs.map(part => [part.text, part.roles ?? []])).toEqual([
			['fo', []],
			['o ', ['match']],
			['bar', ['strong', 'match']],
			['baz', ['strong']],
		]);
	});
});

describe('writers', () => {
	const styled = line([run('A', ['title']), run(' and '), run('b', ['strong']), run('c', ['strong'])]);

	it('plain: the text alone', () => {
		expect(writePlain(styled)).toBe('A and bc');
	});

	it('ANSI: roles nest outermost first, runs drawn alike are written as one', () => {
		expect(writeAnsi(styled, colour)).toBe('\u001B[1m\u001B[36mA\u001B[39m\u001B[22m and \u001B[1mbc\u001B[22m');
		expect(writeAnsi(line([run('x', ['strong', 'code'])]), colour)).toBe('\u001B[1m\u001B[33mx\u001B[39m\u001B[22m');
	});

	it('ANSI: from one run to the next only the layers that differ close and open (a match inside bold text)', () => {
		const marked = line([run('xx ', ['strong']), run('ab', ['strong', 'match']), run(' yy', ['strong'])]);
		expect(writeAnsi(marked, colour)).toBe('\u001B[1mxx \u001B[30m\u001B[43mab\u001B[49m\u001B[39m\u001B[1m yy\u001B[22m');
	});

	it('ANSI without colour writes no escape at all', () => {
		expect(writeAnsi(line([run('x', ['code']), run('y', ['link'])]), plain)).toBe('xy');
	});
});

describe('inline content to runs', () => {
	it('spans become roles, links show their target, breaks start a line', () => {
		const lines = inlineRuns([
			{kind: 'text', text: 'see '},
			{kind: 'link', href: 'https://x.org', children: [{kind: 'strong', children: [{kind: 'text', text: 'docs'}]}]},
			{kind: 'break'},
			{kind: 'code', text: 'a<b'},
			{kind: 'link', href: 'https://y.org', children: [{kind: 'text', text: 'https://y.org'}]},
		]);
		expect(lines.map(runs => runs.map(part => part.text).join(''))).toEqual(['see docs (https://x.org)', 'a<bhttps://y.org']);
		expect(defined(defined(lines[0])[1]).roles).toEqual(['link', 'strong']);
		expect(defined(lines[0])[3]).toMatchObject({roles: ['href'], href: 'https://x.org'});
		expect(defined(defined(lines[1])[0]).roles).toEqual(['code']);
		expect(defined(defined(lines[1])[1]).roles).toEqual(['href']);
	});

	it('a GFM autolink (www. or an e-mail address) shows once, linked to the target marked gives it', () => {
		const autolink = (text: string, href: string) =>
			inlineRuns([{kind: 'link', href, children: [{kind: 'text', text}]}]).map(runs => runs.map(part => part.text).join(''));
		expect(autolink('www.6wind.com', 'http://www.6wind.com')).toEqual(['www.6wind.com']);
		expect(autolink('a@x.org', 'mailto:a@x.org')).toEqual(['a@x.org']);
		expect(autolink('x.org', 'https://y.org')).toEqual(['x.org (https://y.org)']);
		expect(
			defined(defined(inlineRuns([{kind: 'link', href: 'mailto:a@x.org', children: [{kind: 'text', text: 'a@x.org'}]}])[0])[0]),
		).toMatchObject({
			roles: ['href'],
			href: 'mailto:a@x.org',
		});
	});
});

describe('code to runs', () => {
	it('without a highlighter: one code run a line', () => {
		const lines = codeLines('a = 1\n\nb', 'py');
		expect(texts(lines)).toEqual(['a = 1', '', 'b']);
		expect(defined(defined(lines[0]).runs[0]).roles).toEqual(['code']);
	});

	it('with lowlight: highlight.js scopes on syntax runs, the text unchanged, one line each', async () => {
		const highlighter = await loadHighlighter();
		const code = 'def f(x):\n    """doc\n    more"""\n    return 1';
		const lines = codeLines(code, 'python', highlighter);
		expect(texts(lines)).toEqual(code.split('\n'));
		expect(defined(lines[0]).runs[0]).toMatchObject({text: 'def', roles: ['syntax'], scope: 'keyword'});
		// A string over two lines is a string on both (each line is written on its own).
		expect(defined(lines[2]).runs[0]).toMatchObject({roles: ['syntax'], scope: 'string'});
		expect(writeAnsi(defined(lines[0]), colour).startsWith('\u001B[34mdef\u001B[39m')).toBe(true);
		expect(defined(lines[3]).runs.find(part => part.text === '1')).toMatchObject({scope: 'number'});
	});

	it('a language the highlighter does not know stays plain code', async () => {
		const highlighter = await loadHighlighter();
		expect(defined(defined(codeLines('x', 'no-such-language', highlighter)[0]).runs[0]).roles).toEqual(['code']);
	});
});

describe('join', () => {
	it('joins lines and runs', () => {
		expect(lineText(join(textLine('a'), run('b'), textLine('c')))).toBe('abc');
	});
});

describe('line ends', () => {
	it('start a new line when wrapping, and never reach a run', () => {
		const lines = wrapRuns([run('one\ntwo three', ['strong'])], 20);
		expect(texts(lines)).toEqual(['one', 'two three']);
		expect(lines.every(each => each.runs.every(part => !part.text.includes('\n')))).toBe(true);
		expect(inlineRuns([{kind: 'text', text: 'a\nb'}]).map(runs => runs.map(part => part.text).join(''))).toEqual(['a', 'b']);
	});
});
