import {describe, expect, it} from 'vitest';
import {closesFence, isPause, isSeparator, matchFenceOpen, matchNoteOpen, noteSyntaxes, opensComment} from '../../src/deck/notes.js';
import {splitSlideText} from '../../src/deck/slide-text.js';

const visible = (raw: string) => splitSlideText(raw).steps.map(step => step.markdown);

describe('speaker notes: all five syntaxes', () => {
	it('<!-- notes: … --> on one line', () => {
		const text = splitSlideText('## T\n<!-- notes: one line -->\nbody');
		expect(text.notes).toBe('one line');
		expect(text.hasNotes).toBe(true);
		expect(visible('## T\n<!-- notes: one line -->\nbody')).toEqual(['## T\n<!---->\nbody']);
	});

	it('<!-- note: … --> (singular, any case)', () => {
		expect(splitSlideText('<!-- NOTE: shout -->').notes).toBe('shout');
	});

	it('<!-- notes: … --> over several lines', () => {
		const text = splitSlideText('## T\n<!-- notes: first\nsecond\nthird -->\nafter');
		expect(text.notes.trimEnd()).toBe('first\nsecond\nthird');
		expect(text.unterminatedNotesLine).toBe(-1);
		expect(visible('## T\n<!-- notes: first\nsecond\nthird -->\nafter')).toEqual(['## T\n<!---->\n\n\nafter']);
	});

	it('<!-- notes: with the text starting on the next line, indented', () => {
		const text = splitSlideText('<!-- notes:\n    indented one\n    indented two\n-->');
		expect(text.notes).toBe('indented one\nindented two');
	});

	it('<!-- speaker_note: … -->', () => {
		const text = splitSlideText('## T\n<!-- speaker_note: sn -->');
		expect(text.notes).toBe('sn');
		expect(visible('## T\n<!-- speaker_note: sn -->')).toEqual(['## T\n<!---->']);
		expect(splitSlideText('<!-- speaker-notes: dashed -->').notes).toBe('dashed');
	});

	it('::: notes … :::', () => {
		const text = splitSlideText('## T\n::: notes\nn1\nn2\n:::\nvis');
		expect(text.notes).toBe('n1\nn2');
		expect(visible('## T\n::: notes\nn1\nn2\n:::\nvis')).toEqual(['## T\n\n\n\n\nvis']);
		expect(splitSlideText('::: {.notes}\npandoc\n:::').notes).toBe('pandoc');
	});

	it('Note: and Notes: take the rest of the slide', () => {
		for (const opener of ['Note:', 'Notes:']) {
			const text = splitSlideText(`## T\nvis\n${opener}\nrest1\n\nrest2`);
			expect(text.notes).toBe('rest1\n\nrest2');
			expect(text.steps.map(step => step.markdown)).toEqual(['## T\nvis\n\n\n\n']);
		}
	});

	it('??? takes the rest of the slide', () => {
		const text = splitSlideText('## T\nvis\n???\nrest\n<!-- pause -->\nstill notes');
		expect(text.notes).toBe('rest\n<!-- pause -->\nstill notes');
		expect(text.steps).toHaveLength(1);
	});

	it('each line of a note is a blank line of the step, so the lines below keep their numbers', () => {
		const text = splitSlideText('## T\n<!-- notes: a\nb\nc -->\n\nafter\n\n::: notes\nd\n:::\nlast');
		expect(text.steps.map(step => step.markdown.split('\n').length)).toEqual([11]);
		expect(text.noteLines).toEqual([
			[1, 3],
			[7, 9],
		]);
	});

	it('joins several notes on one slide with a blank line', () => {
		expect(splitSlideText('<!-- notes: a -->\ntext\n<!-- notes: b -->').notes).toBe('a\n\nb');
	});

	it('Note: with text on the same line starts the notes with that text (reveal.js)', () => {
		const text = splitSlideText('## T\nvis\nNote: first line\nsecond');
		expect(text.hasNotes).toBe(true);
		expect(text.notes).toBe('first line\nsecond');
		expect(text.steps.map(step => step.markdown)).toEqual(['## T\nvis\n\n']);
	});

	it('matches ^note: case-insensitively, as reveal.js does', () => {
		for (const opener of ['note: x', 'NOTE: x', 'notes:x', 'NoTeS: x']) {
			const text = splitSlideText(`## T\nvis\n${opener}`);
			expect(text.notes, opener).toBe('x');
			expect(
				text.steps.map(step => step.markdown),
				opener,
			).toEqual(['## T\nvis\n']);
		}
	});

	it('a Note: not at the start of a line stays slide text', () => {
		for (const line of [' Note: indented', 'A Note: here', 'Notation: x']) {
			expect(splitSlideText(line).hasNotes, line).toBe(false);
		}
	});

	it('a slide without notes', () => {
		const text = splitSlideText('## T\nbody');
		expect(text.hasNotes).toBe(false);
		expect(text.notes).toBe('');
	});

	it('lists five syntaxes in one table', () => {
		expect(noteSyntaxes.map(syntax => syntax.until)).toEqual(['comment', 'comment', 'div', 'rest', 'rest']);
	});
});

describe('speaker notes inside code fences are code', () => {
	it('no note syntax and no pause is recognised in a fence', () => {
		const raw = '## T\n```\n<!-- notes: no -->\n::: notes\nNote:\n???\n<!-- pause -->\n```\nafter';
		const text = splitSlideText(raw);
		expect(text.hasNotes).toBe(false);
		expect(text.notes).toBe('');
		expect(text.steps).toMatchObject([{markdown: raw, line: 0, first: 0}]);
	});

	it('also in a tilde fence, and recognised again after it closes', () => {
		const text = splitSlideText('~~~\nNote:\n~~~\nNote:\nreal');
		expect(text.notes).toBe('real');
		expect(text.steps.map(step => step.markdown)).toEqual(['~~~\nNote:\n~~~\n\n']);
	});
});

describe('unterminated notes', () => {
	it('a notes comment that never closes: its 0-based line, and the rest is notes', () => {
		const text = splitSlideText('## T\n\n<!-- notes: never\nclosed');
		expect(text.unterminatedNotesLine).toBe(2);
		expect(text.notes).toBe('never\nclosed');
		expect(text.steps.map(step => step.markdown)).toEqual(['## T\n\n<!---->\n']);
	});

	it('a ::: notes block that never closes', () => {
		expect(splitSlideText('## T\n::: notes\nnever').unterminatedNotesLine).toBe(1);
	});

	it('Note: and ??? cannot be unterminated', () => {
		expect(splitSlideText('Note:\nx').unterminatedNotesLine).toBe(-1);
		expect(splitSlideText('???\nx').unterminatedNotesLine).toBe(-1);
	});
});

describe('pauses', () => {
	it('splits the visible text into steps with their starting lines', () => {
		expect(splitSlideText('## A\n<!-- pause -->\nb\n<!-- pause -->\nc').steps).toMatchObject([
			{markdown: '## A', line: 0, first: 0},
			{markdown: 'b', line: 2, first: 1},
			{markdown: 'c', line: 4, first: 2},
		]);
	});

	it('accepts spacing variants, not other comments', () => {
		expect(isPause('<!--pause-->')).toBe(true);
		expect(isPause('  <!--   pause   -->  ')).toBe(true);
		expect(isPause('<!-- pause now -->')).toBe(false);
		expect(isPause('text <!-- pause -->')).toBe(false);
	});
});

describe('titles and sections', () => {
	it.each([
		['## The *x86* MMU ##', 2, 'The *x86* MMU'],
		['# Closing hashes #####', 1, 'Closing hashes'],
		['   ### Indented ###   ', 3, 'Indented'],
		['text first\n## Second line', 2, 'Second line'],
		['## First\n# Second', 2, 'First'],
		['#NoSpace', 0, ''],
		['    # four spaces is code', 0, ''],
		['plain text', 0, ''],
	])('%j', (raw, depth, title) => {
		const text = splitSlideText(raw);
		expect(text.titleDepth).toBe(depth);
		expect(text.titleSource).toBe(title);
	});

	it('ignores a heading inside a fence', () => {
		expect(splitSlideText('```\n# not a title\n```\n## Real').titleSource).toBe('Real');
	});

	it.each([
		['# Part', true],
		['\n# Part\n\n', true],
		['# Part\n\n<!-- notes: x -->\n', true],
		['<!-- just a comment -->\n# Part', true],
		['# Part\nNote:\nnotes only', true],
		['# Part\ntext', false],
		['text\n# Part', false],
		['## Sub', false],
		['# Part\n<!-- pause -->\nmore', false],
		['# Part\n```\ncode\n```', false],
	])('isSection(%j) is %s', (raw, expected) => {
		expect(splitSlideText(raw).isSection).toBe(expected);
	});
});

describe('line syntax helpers', () => {
	it('separators', () => {
		expect(isSeparator('---')).toBe(true);
		expect(isSeparator('---   ')).toBe(true);
		expect(isSeparator('<!-- end_slide -->')).toBe(true);
		expect(isSeparator(' ---')).toBe(false);
		expect(isSeparator('----')).toBe(false);
	});

	it('fence openers and closers', () => {
		expect(matchFenceOpen('```ts title')).toEqual({marker: '```', info: 'ts title'});
		expect(matchFenceOpen('   ~~~~')).toEqual({marker: '~~~~', info: ''});
		expect(matchFenceOpen('    ```')).toBeUndefined();
		expect(matchFenceOpen('``` a`b')).toBeUndefined();
		expect(matchFenceOpen('~~~ a`b')).toEqual({marker: '~~~', info: 'a`b'});
		expect(closesFence('```', '```')).toBe(true);
		expect(closesFence('`````', '```')).toBe(true);
		expect(closesFence('```', '````')).toBe(false);
		expect(closesFence('~~~', '```')).toBe(false);
		expect(closesFence('``` x', '```')).toBe(false);
		expect(closesFence('    ```', '```')).toBe(false);
	});

	it('note openers', () => {
		expect(matchNoteOpen('<!-- notes: hi -->')?.rest).toBe(' hi -->');
		expect(matchNoteOpen('::: notes')?.syntax.until).toBe('div');
		expect(matchNoteOpen('<!-- other -->')).toBeUndefined();
	});

	it('comments that stay open', () => {
		expect(opensComment('<!-- open')).toBe(true);
		expect(opensComment('<!-- closed -->')).toBe(false);
		expect(opensComment('<!---->')).toBe(false);
		expect(opensComment('no comment')).toBe(false);
	});
});
