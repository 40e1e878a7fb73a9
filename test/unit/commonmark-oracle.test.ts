// The slide scanner against CommonMark's reference parser, over every example of the spec:
// each example, put between two slides, must split where commonmark.js finds thematic breaks
// (`---` lines) of the document itself. Twice: with blank lines around the separators, and
// with none (where a `---` right under the example's last line may underline it as a heading). That is the whole of what the scanner claims to read
// of Markdown, so any difference is a deck that the scanner cuts where no Markdown reader would.
import {Parser} from 'commonmark';
import specModule from 'commonmark-spec';
import {describe, expect, it} from 'vitest';
import {findSeparators} from '../../src/deck/scan.js';
import {defined} from '../support/defined.js';

const {tests} = specModule;

/** Examples where Lectern deliberately reads otherwise, and why. */
// None today: every example splits as the reference parser reads it.
const deliberate: ReadonlyMap<number, string> = new Map<number, string>([]);

/** The spec writes a tab as →. */
function wrap(markdown: string, tight: boolean): string {
	const example = markdown.replaceAll('→', '\t');
	return tight ? `first\n\n---\n${example}---\nlast\n` : `first\n\n---\n\n${example}\n---\n\nlast\n`;
}

/** 1-based lines of the document's own `---` thematic breaks, as the reference parser reads them. */
function referenceBreaks(text: string): number[] {
	const lines = text.split('\n');
	const breaks: number[] = [];
	for (let node = new Parser().parse(text).firstChild; node; node = node.next) {
		const line = node.sourcepos[0][0];
		if (node.type === 'thematic_break' && /^---\s*$/.test(defined(lines[line - 1]))) {
			breaks.push(line);
		}
	}

	return breaks;
}

function lecternBreaks(text: string): number[] {
	return findSeparators(text).separators.map(separator => separator.line + 1);
}

describe('the scanner agrees with the CommonMark reference parser', () => {
	it('has all 652 examples of the spec to compare', () => {
		expect(tests).toHaveLength(652);
	});

	it.each(tests.filter(test => !deliberate.has(test.number)).map(test => [test.number, test.section, test.markdown] as const))(
		'example %i (%s)',
		(_number, _section, markdown) => {
			for (const tight of [false, true]) {
				const text = wrap(markdown, tight);
				expect(lecternBreaks(text), text).toEqual(referenceBreaks(text));
			}
		},
	);

	it.each([...deliberate].map(([number, why]) => [number, why] as const))('example %i differs on purpose: %s', number => {
		const markdown = defined(tests.find(test => test.number === number)).markdown;
		expect(
			[false, true].some(tight => {
				const text = wrap(markdown, tight);
				return JSON.stringify(lecternBreaks(text)) !== JSON.stringify(referenceBreaks(text));
			}),
		).toBe(true);
	});
});
