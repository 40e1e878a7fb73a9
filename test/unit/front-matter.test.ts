import {describe, expect, it} from 'vitest';
import {openDeck} from '../../src/deck/deck.js';
import {FrontMatterError, readFrontMatter} from '../../src/deck/front-matter.js';

/** The error readFrontMatter throws, for asserting its message and line. */
function failure(text: string): FrontMatterError {
	try {
		readFrontMatter(text);
	} catch (error) {
		if (error instanceof FrontMatterError) {
			return error;
		}

		throw error;
	}

	throw new Error('expected a FrontMatterError');
}

describe('front matter: values', () => {
	it('reads the known keys and keeps unknown ones in extra', () => {
		const text = '---\ntitle: My talk\nauthor: Ann\ndate: 2026-11-25\nduration: 45\ntheme: dark\naudience: newcomers\nlevel: 3\n---\n# A';
		expect(readFrontMatter(text)).toEqual({
			meta: {title: 'My talk', author: 'Ann', date: '2026-11-25', theme: 'dark', duration: 45, extra: {audience: 'newcomers', level: 3}},
			body: '# A',
			bodyLine: 9,
		});
	});

	it('turns scalar values into strings', () => {
		expect(readFrontMatter('---\ntitle: 12\nauthor: true\n---\nx').meta).toEqual({title: '12', author: 'true', extra: {}});
	});

	it('sanitises the values where they are read, for every output', () => {
		const {meta} = readFrontMatter(
			'---\ntitle: "Intro\\u009d0;HACKED\\u009c"\nauthor: "a\\u202eb\\u3164"\ndate: "x\\ny"\ntheme: "\\e[31m"\n---\nx',
		);
		expect(meta.title).toBe('Intro<U+009D>0;HACKED<U+009C>');
		expect(meta.author).toBe('a<U+202E>b<U+3164>');
		expect(meta.date).toBe('x\u2424y');
		expect(meta.theme).toBe('\u241B[31m');
	});

	it('ignores a duration that is not a positive number', () => {
		expect(readFrontMatter('---\nduration: abc\n---\nx').meta.duration).toBeUndefined();
		expect(readFrontMatter('---\nduration: -5\n---\nx').meta.duration).toBeUndefined();
		expect(readFrontMatter('---\nduration: "30"\n---\nx').meta.duration).toBe(30);
	});

	it('keeps the last of duplicate keys', () => {
		expect(readFrontMatter('---\ntitle: a\ntitle: b\n---\nx').meta.title).toBe('b');
	});

	it('accepts ... as the closing line', () => {
		expect(readFrontMatter('---\ntitle: T\n...\nbody')).toEqual({meta: {title: 'T', extra: {}}, body: 'body', bodyLine: 3});
	});

	it('is absent unless the very first line is ---', () => {
		expect(readFrontMatter('no front\n---\nx')).toEqual({meta: {extra: {}}, body: 'no front\n---\nx', bodyLine: 0});
		expect(readFrontMatter('\n---\ntitle: x\n---\ny').body).toBe('\n---\ntitle: x\n---\ny');
	});

	it('may be empty', () => {
		expect(readFrontMatter('---\n---\nbody')).toEqual({meta: {extra: {}}, body: 'body', bodyLine: 2});
		expect(readFrontMatter('---\n\n---\nbody')).toEqual({meta: {extra: {}}, body: 'body', bodyLine: 3});
		expect(readFrontMatter('---\n# only a comment\n---\nbody').meta).toEqual({extra: {}});
	});

	it('keeps the blank line after it in the body', () => {
		expect(readFrontMatter('---\ntitle: T\n---\n\nbody')).toEqual({meta: {title: 'T', extra: {}}, body: '\nbody', bodyLine: 3});
	});

	it('reaches the deck through openDeck', () => {
		const deck = openDeck('---\ntitle: Talk\nduration: 20\n---\n## A', 'x.md');
		expect(deck.meta).toEqual({title: 'Talk', duration: 20, extra: {}});
		expect(deck.bodyLine).toBe(4);
	});
});

describe('front matter: errors', () => {
	it('an unclosed block is an error on line 1', () => {
		const error = failure('---\ntitle: x\n# A\n');
		expect(error.line).toBe(1);
		expect(error.message).toBe('front matter opened by --- on line 1 is never closed: add a --- line after it');
	});

	it('invalid YAML names the file line of the fault', () => {
		// File lines: 1 `---`, 2 `a: 1`, 3 `b: 2`, 4 the tab-indented line.
		const tab = failure('---\na: 1\nb: 2\n\tc: 3\n---\nbody');
		expect(tab.message).toBe('front matter is not valid YAML: Tabs are not allowed as indentation');
		expect(tab.line).toBe(4);
		const quote = failure('---\na: 1\nb: 2\nc: "unterminated\n---\nbody');
		expect(quote.message).toBe('front matter is not valid YAML: Missing closing "quote');
		expect(quote.line).toBe(4);
		const flow = failure('---\ntitle: [unclosed\n---\nbody');
		expect(flow.message).toMatch(/^front matter is not valid YAML: /);
		expect(flow.line).toBe(2);
	});

	it('a sequence or a scalar is not a mapping', () => {
		for (const yaml of ['- a\n- b', 'just a string', '42']) {
			const error = failure(`---\n${yaml}\n---\nbody`);
			expect(error.message).toBe('front matter must be a YAML mapping such as "title: My talk"');
			expect(error.line).toBe(2);
		}
	});

	it('an alias bomb is refused, not expanded', () => {
		const row = (name: string, of: string) => `${name}: &${name} [${Array.from({length: 9}, () => of).join(',')}]`;
		const yaml = [
			'a: &a ["x","x","x","x","x","x","x","x","x"]',
			row('b', '*a'),
			row('c', '*b'),
			row('d', '*c'),
			row('e', '*d'),
			row('f', '*e'),
			row('g', '*f'),
			row('h', '*g'),
		].join('\n');
		const error = failure(`---\n${yaml}\n---\nbody`);
		expect(error.message).toBe('front matter is not valid YAML: Excessive alias count indicates a resource exhaustion attack');
	});

	it('a few aliases are fine', () => {
		expect(readFrontMatter('---\nx: &x hello\ntitle: *x\n---\nb').meta.title).toBe('hello');
	});
});

describe('front matter: custom tags run nothing', () => {
	it('!!js/function stays a string and is never called', () => {
		const global = globalThis as {lecternPwned?: boolean};
		global.lecternPwned = false;
		const meta = readFrontMatter('---\ntitle: !!js/function "function () { globalThis.lecternPwned = true }"\n---\nb').meta;
		expect(meta.title).toBe('function () { globalThis.lecternPwned = true }');
		expect(typeof meta.title).toBe('string');
		expect(global.lecternPwned).toBe(false);
		delete global.lecternPwned;
	});

	it('an unknown local tag keeps its value as a string', () => {
		expect(readFrontMatter('---\ntitle: !foo bar\nx: !!js/undefined ""\n---\nb').meta).toEqual({title: 'bar', extra: {x: ''}});
	});

	it('!!js/regexp is not compiled', () => {
		const meta = readFrontMatter('---\nx: !!js/regexp /a+/\n---\nb').meta;
		expect(meta.extra['x']).toBe('/a+/');
	});
});

describe('front matter: nesting', () => {
	it.for([
		['flow sequences', `[`.repeat(20_000) + `]`.repeat(20_000)],
		['flow mappings', `${'{a: '.repeat(5000)}1${'}'.repeat(5000)}`],
	])('%s nested too deeply are refused by name, not as a stack overflow', ([, value]) => {
		const error = failure(`---\ntitle: x\na: ${value}\n---\n# S\n`);
		expect(error.message).toBe('front matter is not valid YAML: nesting too deep');
	});
});
