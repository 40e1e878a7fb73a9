// detect.ts counts each dialect's sign by running its pattern only at the lines that can open a
// match: the counts must be what the global match over the whole head gives, on every deck the
// tests know, the hostile corpus and generated text made of the pieces the signs are built from.
import {readFileSync} from 'node:fs';
import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {signCounts} from '../../src/deck/dialects/detect.js';
import {hostileDecks} from '../support/hostile-corpus.js';
import {knownDecks} from '../support/known-decks.js';

/** The signs as detect.ts spells them, counted the plain way. */
const patterns = [
	/^(?:<!--\s*(?:notes?|speaker-notes?|speaker_notes|time)\s*:.*|```(?:diagram|quiz)\b.*)$/gim,
	/^<!--\s*(?:end_slide|speaker_note\s*:.*|incremental_lists\s*:.*|jump_to_middle|new_?lines?(?:\s*:\s*\d+)?|alignment\s*:.*)\s*-->\s*$/gim,
	/^<!--[ \t]*\n[ \t]*speaker_note[ \t]*:/gm,
	/^\.\s\.\s\.\s*$/gm,
	/^(?:--|<!--\s*\.(?:slide|element)\s*:.*-->)\s*$/gim,
	/^<!--\s*stop\s*-->\s*$/gim,
	/^(?:%(?:title|author|date):.*|->.*<-)\s*$/gm,
	/^<!--\s*_?(?:paginate|class|backgroundColor|backgroundImage|header|footer|headingDivider|theme|color)\s*:.*-->\s*$/gm,
	/^\s*\/\/\/ /gm,
];

const plainCounts = (head: string) => patterns.map(pattern => head.match(pattern)?.length ?? 0);

describe('signCounts', () => {
	test('counts as the global match does on the fixtures, the bundled decks and the hostile corpus', () => {
		let counted = 0;
		for (const file of knownDecks()) {
			const text = readFileSync(file, 'utf8').slice(0, 64 * 1024);
			expect(signCounts(text), file).toEqual(plainCounts(text));
			counted += plainCounts(text).reduce((a, b) => a + b, 0);
		}

		// Signs were found, of most kinds: the comparison was not between zeros.
		expect(counted).toBeGreaterThan(100);
		for (const deck of hostileDecks()) {
			const text = (typeof deck.content === 'string' ? deck.content : Buffer.from(deck.content).toString('utf8')).slice(0, 64 * 1024);
			expect(signCounts(text), deck.name).toEqual(plainCounts(text));
		}
	});

	test('counts as the global match does on generated text', () => {
		const pieces = [
			'\n',
			'\n\n',
			' ',
			'\t',
			'x',
			'.',
			'. . .',
			'.\n.\n.',
			'--',
			'---',
			'->',
			'<-',
			'%title:',
			'%',
			'<!--',
			'-->',
			'<!-- notes: a -->',
			'<!-- NOTES:',
			'<!-- time: 1m -->',
			'<!--\n',
			'speaker_note: |',
			'<!-- speaker_note: x -->',
			'<!-- end_slide -->',
			'<!-- END_SLIDE -->',
			'<!-- new_lines: 2 -->',
			'<!-- .slide: data -->',
			'<!-- stop -->',
			'<!-- STOP -->',
			'<!-- _class: lead -->',
			'<!-- paginate: true -->',
			'<!-- theme: x -->',
			'<!-- Theme: x -->',
			'<!--  \t',
			'<!--\u00a0',
			'<!--\t.slide: x -->',
			'<!-- _class: x -->',
			'<!--x',
			' notes: y',
			'\tstop -->',
			'```',
			'```quiz',
			'```diagram x',
			'```QUIZ',
			'```Diagram',
			'/// ',
			'///',
			'\r',
			'\r\n',
			'\u2028',
			'\u2029',
		];
		fc.assert(
			fc.property(fc.array(fc.constantFrom(...pieces), {maxLength: 40}), parts => {
				const text = parts.join('');
				expect(signCounts(text)).toEqual(plainCounts(text));
			}),
			{numRuns: 3000},
		);
	});
});
