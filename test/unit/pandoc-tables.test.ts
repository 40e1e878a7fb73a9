import {describe, expect, it} from 'vitest';
import {convertPandocTables} from '../../src/deck/dialects/pandoc-tables.js';

const convert = (text: string) => convertPandocTables(text.split('\n'));

describe('pandoc tables become pipe tables, line for line', () => {
	it('a simple table: alignment from where the header sits over its dashes; a caption below', () => {
		const text = '  Right  Left     Center   Default\n-------  ------ ---------- -------\n     12  12        12      12\n\nTable: Numbers.';
		expect(convert(text)).toEqual([
			'| Right | Left | Center | Default |',
			'|-------:|:------|:----------:|-------|',
			'| 12 | 12 | 12 | 12 |',
			'',
			'Numbers.',
		]);
	});

	it('a headerless simple table between dashed lines gets a header of blank cells (pandoc: no header)', () => {
		expect(convert('----- -----\n  a    b\n----- -----\n')).toEqual(['|   |   |', '|:-----:|:-----:|', '| a | b |', '']);
	});

	it('a headerless multiline table: rows between the dashed lines, blank header cells', () => {
		const text = [
			'-------- ---------------',
			'one      first line',
			'         and more',
			'',
			'two      second',
			'-------- ---------------',
		].join('\n');
		expect(convert(text)).toEqual([
			'|   |   |',
			'|:--------|:---------------|',
			'| one | first line and more |',
			'| two | second |',
			'',
			'',
		]);
	});

	it('a multiline table: header and row cells join their lines; rows end at blank lines', () => {
		const text = [
			'------------------------',
			'Name     Says',
			'-------- ---------------',
			'one      first line',
			'         and more',
			'',
			'two      x | y',
			'------------------------',
		].join('\n');
		expect(convert(text)).toEqual([
			'| Name | Says |',
			'|:--------|:---------------|',
			'| one | first line and more |',
			'| two | x \\| y |',
			'',
			'',
			'',
			'',
		]);
	});

	it('a grid table: the = border ends the header; colons align', () => {
		const text = ['+-----+------+', '| A   | B    |', '+=====+=====:+', '| a1  | b1   |', '|     | more |', '+-----+------+'].join('\n');
		expect(convert(text)).toEqual(['| A | B |', '|-----|------:|', '| a1 | b1 more |', '', '', '']);
	});

	it('a grid cell keeps each list item on a line of its own, and a blank line between paragraphs', () => {
		const text = [
			'+------+------------+',
			'| A    | B          |',
			'+======+============+',
			'| a1   | - one      |',
			'|      |   more     |',
			'|      | 2. two     |',
			'|      |            |',
			'|      | after      |',
			'+------+------------+',
		].join('\n');
		expect(convert(text)[2]).toBe('| a1 | - one more<br>2. two<br><br>after |');
	});

	it('leaves what is not a table alone: a setext heading, a rule, a list, fenced code, a grid never closed', () => {
		for (const text of [
			'Title\n-----',
			'---\n\ntext',
			'- - -\n',
			'```\n----- -----\n a    b\n----- -----\n```',
			'+---+---+\n| a | b |\n',
		]) {
			expect(convert(text)).toEqual(text.split('\n'));
		}
	});

	it('stays linear on many unclosed table starts', () => {
		const text = '\n------------------\nrow\n'.repeat(50_000);
		expect(convert(text)).toHaveLength(text.split('\n').length);
	});
});
