// front-matter.ts reads `key: value` front matter without the YAML parser: wherever it answers,
// the mapping must be what `yaml` gives (parseDocument as readYaml calls it, then toJS); what it
// does not answer goes to yaml, so readFrontMatter's result is yaml's either way.
import {readFileSync} from 'node:fs';
import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {parseDocument} from 'yaml';
import {plainFrontMatter, readFrontMatter} from '../../src/deck/front-matter.js';
import {hostileDecks} from '../support/hostile-corpus.js';
import {knownDecks} from '../support/known-decks.js';

/** What yaml reads, as readYaml reads it; undefined when yaml reports an error. */
function yamlValue(text: string): unknown {
	const doc = parseDocument(text, {prettyErrors: false, uniqueKeys: false});
	return doc.errors.length > 0 ? undefined : doc.toJS({maxAliasCount: 50});
}

/** Held equal where the fast path answers; returns whether it did. */
function check(text: string): boolean {
	const plain = plainFrontMatter(text);
	if (plain === undefined) return false;
	const yaml = yamlValue(text) as Record<string, unknown>;
	expect(plain, JSON.stringify(text)).toEqual(yaml);
	// Key order too (extra keeps it).
	expect(Object.keys(plain), JSON.stringify(text)).toEqual(Object.keys(yaml));
	return true;
}

/** The YAML between a deck's opening `---` and its closing line, as readFrontMatter cuts it. */
function frontOf(text: string): string | undefined {
	const normal = text.replaceAll('\r\n', '\n');
	if (!/^---[ \t]*\n/.test(normal)) return undefined;
	const rest = normal.slice(normal.indexOf('\n') + 1);
	const close = /^(?:---|\.\.\.)[ \t]*$/m.exec(rest);
	return close ? rest.slice(0, close.index) : undefined;
}

describe('plainFrontMatter', () => {
	test('reads the usual front matter', () => {
		expect(plainFrontMatter('title: My talk\nauthor: Ann\ndate: 2026-11-25\nduration: 45\n')).toEqual({
			title: 'My talk',
			author: 'Ann',
			date: '2026-11-25',
			duration: 45,
		});
		const lecture = frontOf(readFileSync('decks/virtualization.md', 'utf8'));
		expect(lecture && check(lecture)).toBe(true);
	});

	test.each([
		['a quoted value', 'title: "x: y"\nauthor: \'A # B\'\n'],
		['a list', 'authors:\n  - a\n  - b\n'],
		['a nested mapping', 'patat:\n  incrementalLists: true\n  speakerNotes:\n    file: /tmp/notes.txt\n'],
		['booleans', 'marp: true\npaginate: False\n'],
		['a comment and a blank line', '# c\ntitle: x\n\n  # d\nauthor: y\n'],
		['a URL', 'backgroundImage: https://example.org/a#b\n'],
	])('reads %s as yaml does', (_, text) => {
		expect(check(text)).toBe(true);
	});

	test.each([
		['an escape', 'title: "a\\tb"\n'],
		['a quote in quotes', "title: 'it''s'\n"],
		['a comment after a value', 'title: x # c\n'],
		['a trailing colon', 'title: a:\n'],
		['a block scalar', 'style: |\n  a\n'],
		['only comments', '# c\n'],
		["a list at the key's indent", 'tags:\n- a\n'],
		['a mapping in a list', 'tags:\n  - a: b\n'],
		['a flow list', 'tags: [a, b]\n'],
		['null', 'title: null\n'],
		['an empty value', 'title:\n'],
		['a float', 'duration: 1.5\n'],
		['.inf', 'duration: .inf\n'],
		['a leading zero', 'duration: 045\n'],
		['hexadecimal', 'level: 0x1F\n'],
		['octal', 'level: 0o17\n'],
		['an exponent', 'duration: 1e3\n'],
		['a colon and a space in the value', 'title: Part 1: intro\n'],
		['a trailing space', 'title: x \n'],
		['two spaces after the colon', 'title:  x\n'],
		['a tab', 'title:\tx\n'],
		['uneven indentation', 'a:\n  b: 1\n   c: 2\n'],
		['a repeated key', 'title: a\ntitle: b\n'],
		['a key yaml treats apart', '__proto__: x\n'],
		['a key yaml reads as a boolean', 'true: x\n'],
		['a control character', 'title: a\u0085b\n'],
		['nothing', ''],
	])('leaves %s to yaml', (_, text) => {
		expect(plainFrontMatter(text)).toBeUndefined();
	});

	test('gives what yaml gives on the fixtures, the bundled decks and the hostile corpus', () => {
		let answered = 0;
		const texts = [
			...knownDecks().map(file => readFileSync(file, 'utf8')),
			...hostileDecks().map(deck => (typeof deck.content === 'string' ? deck.content : Buffer.from(deck.content).toString('utf8'))),
		];
		for (const text of texts) {
			const front = frontOf(text);
			if (front !== undefined && check(front)) answered++;
		}

		expect(answered).toBeGreaterThan(3);
	});

	test('gives what yaml gives on generated lines', () => {
		const keys = ['title', 'author', 'date', 'theme', 'duration', 'x', '_a', 'a-b', 'a_1', 'null', 'True', 'y', 'no', 'on', 'inf', 'nan'];
		const pieces = [
			'a',
			'Z',
			'0',
			'1',
			'9',
			' ',
			'  ',
			'\t',
			'-',
			'+',
			'.',
			',',
			':',
			'#',
			'e',
			'E',
			'x',
			'o',
			'inf',
			'.inf',
			'nan',
			'true',
			'False',
			'null',
			'~',
			"'",
			'"',
			'[',
			']',
			'{',
			'}',
			'&',
			'*',
			'!',
			'|',
			'>',
			'%',
			'@',
			'`',
			'?',
			'\\',
			'/',
			'(',
			')',
			'_',
			'é',
			'\u00a0',
			'\u00ad',
			'\u2014',
			'\u2028',
			'\u200b',
			'\ufeff',
			'\u{1f680}',
			'\u3000',
			'2013-12-19',
			'12:30',
			'1e3',
			'0o17',
			'0x1f',
			' #',
			': ',
		];
		// Values mostly of what the fast path takes (words, numbers, quotes around them), and
		// values of anything.
		const usual = [
			'a',
			'Z',
			'0',
			'1',
			'9',
			' ',
			'-',
			'.',
			',',
			'(',
			')',
			'/',
			"'",
			'"',
			'é',
			'\u2014',
			'\u{1f680}',
			'2013-12-19',
			'inf',
			'true',
		];
		const value = fc
			.oneof(
				{arbitrary: fc.array(fc.constantFrom(...usual), {minLength: 1, maxLength: 6}), weight: 3},
				{arbitrary: fc.array(fc.constantFrom(...pieces), {minLength: 1, maxLength: 8}), weight: 1},
			)
			.map(parts => parts.join(''));
		const scalar = fc.oneof(
			{arbitrary: value, weight: 4},
			{arbitrary: value.map(text => `"${text}"`), weight: 1},
			{arbitrary: value.map(text => `'${text}'`), weight: 1},
		);
		type Tree = {kind: 'scalar'; text: string} | {kind: 'map'; entries: [string, Tree][]} | {kind: 'list'; items: string[]};
		const {tree} = fc.letrec<{tree: Tree}>(tie => ({
			tree: fc.oneof(
				{depthSize: 'small', withCrossShrink: true},
				{arbitrary: scalar.map(text => ({kind: 'scalar', text}) as Tree), weight: 5},
				{
					arbitrary: fc
						.array(fc.tuple(fc.constantFrom(...keys), tie('tree')), {minLength: 1, maxLength: 3})
						.map(entries => ({kind: 'map', entries}) as Tree),
					weight: 1,
				},
				{arbitrary: fc.array(scalar, {minLength: 1, maxLength: 3}).map(items => ({kind: 'list', items}) as Tree), weight: 1},
			),
		}));
		const render = (entries: [string, Tree][], indent: string, step: string): string[] =>
			entries.flatMap(([key, node]) =>
				node.kind === 'scalar'
					? [`${indent}${key}: ${node.text}`]
					: node.kind === 'list'
						? [`${indent}${key}:`, ...node.items.map(item => `${indent}${step}- ${item}`)]
						: [`${indent}${key}:`, ...render(node.entries, indent + step, step)],
			);
		const document = fc.tuple(
			fc.array(fc.tuple(fc.constantFrom(...keys), tree), {minLength: 1, maxLength: 4}),
			fc.constantFrom(' ', '  ', '    '),
			fc.boolean(),
		);
		let answered = 0;
		fc.assert(
			fc.property(document, ([entries, step, newline]) => {
				const lines = render(entries, '', step);
				// A blank or comment line somewhere, now and then.
				const extra = ['', '  ', '# note', ' # note', '\t'][lines.length % 6];
				if (extra !== undefined) lines.splice(lines.length % 3, 0, extra);
				if (check(lines.join('\n') + (newline ? '\n' : ''))) answered++;
			}),
			{numRuns: 6000},
		);
		// The fast path answered often enough for the comparison to mean something.
		expect(answered).toBeGreaterThan(500);
	});

	test('readFrontMatter reads the same meta either way', () => {
		const text = '---\ntitle: System Virtualization\nauthor: Ann (2013)\ndate: 2013-12-19\nduration: 90\nlevel: 3\n---\n# A';
		expect(readFrontMatter(text).meta).toEqual({
			title: 'System Virtualization',
			author: 'Ann (2013)',
			date: '2013-12-19',
			theme: undefined,
			duration: 90,
			extra: {level: 3},
		});
	});
});
