// rst inline markup → Markdown, one construct per test.
import {describe, expect, it} from 'vitest';
import {convertRst} from '../../src/convert/rst/index.js';
import {inlineToMarkdown, type InlineContext} from '../../src/convert/rst/inline.js';

function inline(text: string, context: Partial<InlineContext> = {}): string {
	return inlineToMarkdown(text, {targets: new Map(), anonymousTargets: [], substitutions: new Map(), anonymousUsed: 0, ...context});
}

describe('inline markup', () => {
	it('emphasis, strong and inline literals', () => {
		expect(inline('on system **X** and *Y*, run ``qemu-ppc ./a.out``')).toBe('on system **X** and *Y*, run `qemu-ppc ./a.out`');
	});

	it('a literal keeps its backslashes and backticks, in a longer code span', () => {
		expect(inline('``Kid\\ Icarus\\ \\(Europe\\).zip``')).toBe('`Kid\\ Icarus\\ \\(Europe\\).zip`');
		expect(inline('``a `tick` b``')).toBe('``a `tick` b``');
	});

	it("markup needs rst's start and end rules: a lone star or a star inside a word is text", () => {
		expect(inline('2 * 3 * 4')).toBe('2 \\* 3 \\* 4');
		expect(inline('a*b*c')).toBe('a\\*b\\*c');
		expect(inline('````')).toBe('\\`\\`\\`\\`');
	});

	it('links: embedded URLs, named and anonymous references, standalone URLs', () => {
		expect(inline('see `the docs <https://example.org/a_b>`_ now')).toBe('see [the docs](<https://example.org/a_b>) now');
		expect(inline('`Python`_ and Python_', {targets: new Map([['python', 'https://python.org']])})).toBe(
			'[Python](<https://python.org>) and [Python](<https://python.org>)',
		);
		expect(inline('`first`__ then `second`__', {anonymousTargets: ['https://a.example', 'https://b.example']})).toBe(
			'[first](<https://a.example>) then [second](<https://b.example>)',
		);
		expect(inline('see http://qubes-os.org/trac/wiki/QubesScreenshots.')).toBe('see <http://qubes-os.org/trac/wiki/QubesScreenshots>.');
		expect(inline('unknown_ reference')).toBe('unknown reference');
		expect(inline('see Python_.', {targets: new Map([['python', 'https://python.org']])})).toBe('see [Python](<https://python.org>).');
	});

	it('roles: code-like roles as code, :term: and the like as their text, :strong: and :emphasis: as such', () => {
		expect(inline(':term:`hypervisor` and :ref:`the intro <intro>`')).toBe('hypervisor and the intro');
		expect(inline(':code:`mov eax` :func:`open` :math:`x^2`')).toBe('`mov eax` `open` `x^2`');
		expect(inline(':strong:`big` :emphasis:`soft` `default role` :pep:`8`')).toBe('**big** *soft* *default role* PEP 8');
		expect(inline('`suffix form`:term:')).toBe('suffix form');
	});

	it('footnote references, substitutions and escapes', () => {
		expect(inline('true [1]_ and [#]_')).toBe('true \\[1\\] and \\[#\\]');
		expect(inline('the |VMM| runs', {substitutions: new Map([['vmm', '*virtual machine monitor*']])})).toBe(
			'the *virtual machine monitor* runs',
		);
		expect(inline('\\*not emphasis\\*')).toBe('\\*not emphasis\\*');
	});

	it('Markdown specials in plain text are escaped, snake_case stays readable', () => {
		expect(inline('a [b] <c> ~d~ x|y &amp; speaker_note _e_')).toBe('a \\[b\\] \\<c\\> \\~d\\~ x\\|y \\&amp; speaker_note \\_e\\_');
		expect(inline('# one\n- two\n1. three\nNote:\nnotes: later')).toBe('\\# one\n\\- two\n1\\. three\nNote\\:\nnotes\\: later');
	});

	it('stays linear on input full of unclosed markup or long name runs (no quadratic rescans)', () => {
		const text = '*a `b ``c :r:`d |e '.repeat(20_000);
		expect(inline(text).length).toBeGreaterThan(text.length);
		const names = 'a-'.repeat(200_000);
		expect(inline(names)).toBe(names);
		const angles = '`x '.concat('<a '.repeat(100_000), '`_');
		expect(inline(angles).length).toBeGreaterThan(100_000);
	});
});

describe('in a converted deck', () => {
	it('a phrase reference finds a target defined anywhere in the deck', () => {
		const {markdown} = convertRst('S\n-\n\nRead `the spec`_.\n\n.. _the spec: https://example.org/spec\n');
		expect(markdown).toContain('Read [the spec](<https://example.org/spec>).');
		expect(markdown).toContain('<!--\n.. _the spec: https://example.org/spec\n-->');
	});
});
