// The cold search's prefilter may say "maybe" too often, never "no" for a slide that matches:
// checked against the real parse and search on generated slides full of Markdown that splits,
// decorates and encodes words.
import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {openDeck, slideSource} from '../../src/deck/deck.js';
import {slideDoc} from '../../src/search/deck-docs.js';
import {buildIndex, parseQuery, search} from '../../src/search/index.js';
import {mayMatch, prefilterNeedles, withoutSplitters} from '../../src/search/prefilter.js';

const pieces = [
	'shadow',
	'page',
	'sha',
	'dow',
	'mémoire',
	'ＶＭＭ',
	'vmm',
	'kvm_run',
	'vt-d',
	'0x1234',
	' ',
	' ',
	'\n',
	'\n\n',
	'**',
	'*',
	'_',
	'__',
	'`',
	'~~',
	'\\*',
	'\\_',
	'&amp;',
	'&eacute;',
	'&#77;',
	'<b>',
	'</b>',
	'<br>',
	'[',
	'](http://x)',
	'][r]',
	'\n\n[r]: http://shadow\n',
	'(',
	')',
	'<!-- x -->',
	'# ',
	'## ',
	'- ',
	'1. ',
	'> ',
	'| a | b |\n|---|---|\n| ',
	'```\n',
	'<!-- notes: ',
	' -->',
	'Note: ',
	'\u001B',
	'\u202E',
];
const words = ['shadow', 'page', 'memoire', 'vmm', 'kvm_run', 'vt-d', 'sha', 'dow', 'm', 'é', '"shadow page"', 'shadow*page'];

const slideText = fc.array(fc.constantFrom(...pieces), {minLength: 1, maxLength: 30}).map(parts => parts.join(''));

describe('search prefilter', () => {
	test('never rules out a slide that the full search finds', () => {
		fc.assert(
			fc.property(
				fc.array(slideText, {minLength: 1, maxLength: 6}),
				fc.array(fc.constantFrom(...words), {minLength: 1, maxLength: 2}),
				(slides, queryWords) => {
					const deck = openDeck(`# Deck\n\n${slides.join('\n\n---\n\n')}\n`, 'deck.md');
					const query = parseQuery(queryWords.join(' '));
					const needles = prefilterNeedles(query);
					const found = search(buildIndex(Array.from({length: deck.count}, (_, i) => slideDoc(deck, i))), query).map(hit => hit.doc.slide);
					for (const slide of found) {
						expect(
							mayMatch(slideSource(deck, slide), needles),
							`slide ${slide}: ${JSON.stringify(slideSource(deck, slide))} for ${JSON.stringify(queryWords)}`,
						).toBe(true);
					}
				},
			),
			{numRuns: 150},
		);
	});

	test('rules out slides without the words, so a selective query parses few slides', () => {
		const needles = prefilterNeedles(parseQuery('topic42 memory'));
		expect(mayMatch('## Topic 41\n\nMemory and pages\n', needles)).toBe(false);
		expect(mayMatch('## Topic **42**\n\nMemory\n', needles)).toBe(false);
		expect(mayMatch('## Topic42\n\n*Mem*ory\n', needles)).toBe(true);
		expect(mayMatch('## TOPIC42 MÉMORY\n', needles)).toBe(true);
		// An entity, inline HTML or a link can split a word in the source: always parsed.
		expect(mayMatch('Me&#109;ory topic42', needles)).toBe(true);
		expect(mayMatch('Mem<b>ory</b> topic42', needles)).toBe(true);
		// A link is read with and without its target.
		expect(mayMatch('[Mem](https://x.org)ory [topic](https://y.org)42', needles)).toBe(true);
		expect(mayMatch('[Memory](https://topic42.org)', needles)).toBe(true);
		expect(mayMatch('[Memory](https://topic41.org)', needles)).toBe(false);
		// Speaker notes in a comment are searched; a comment inside a word does not hide it.
		expect(mayMatch('# Memory\n\n<!-- notes: ask about topic42 -->', needles)).toBe(true);
		expect(mayMatch('Mem<!-- x -->ory topic42', needles)).toBe(true);
		expect(mayMatch('# Memory\n\n<!-- notes: ask about topic41 -->', needles)).toBe(false);
	});

	test('leaves out link targets and comments as the regular expression it replaces does, on any text', () => {
		const splitters = /\]\([^)\n]*\)|\]\[[^\]\n]*\]|<!--[\s\S]*?-->/g;
		const text = fc
			.array(fc.constantFrom('](', '][', ']', '[', '(', ')', '<!--', '-->', '<!-->', '--', '\n', 'a', ' ', '<!'), {maxLength: 40})
			.map(parts => parts.join(''));
		fc.assert(
			fc.property(text, source => {
				expect(withoutSplitters(source), JSON.stringify(source)).toBe(source.replace(splitters, ']'));
			}),
			{numRuns: 2000},
		);
	});

	test('reads each closer once: unclosed targets and comments on a long line cost work linear in the line', () => {
		// The regular expression it replaces read the rest of the line again at every `](` and the
		// rest of the text at every unclosed `<!--`: counted here through indexOf's scanned lengths.
		const line = `${'\\[\\]('.repeat(20_000)}${'<!-- '.repeat(20_000)}`;
		const original = String.prototype.indexOf;
		let scanned = 0;
		String.prototype.indexOf = function (this: string, needle: string, from?: number) {
			const at = original.call(this, needle, from);
			scanned += (at === -1 ? this.length : at) - (from ?? 0);
			return at;
		};
		try {
			expect(withoutSplitters(line)).toBe(line);
		} finally {
			String.prototype.indexOf = original;
		}

		expect(scanned).toBeLessThan(10 * line.length);
	});
});
