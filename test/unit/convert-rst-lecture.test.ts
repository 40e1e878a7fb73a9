// The bundled course began as a hieroglyph deck; its reconstructed source (a copy of
// ../shared/lecture/original-slides.rst) must convert into a deck that check accepts, with every
// part, slide, note and figure of the original, in order.
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {checkOpenDeck} from '../../src/cli/commands/check.js';
import {convertRst} from '../../src/convert/rst/index.js';
import {openDeck, slideHead} from '../../src/deck/deck.js';
import {parseSlide} from '../../src/deck/parse.js';
import {defined} from '../support/defined.js';

const source = readFileSync('test/fixtures/rst/original-slides.rst', 'utf8');
const lines = source.split('\n');
const conversion = convertRst(source);
const deck = openDeck(conversion.markdown, 'original-slides.md');
const slides = Array.from({length: deck.count}, (_, index) => {
	const slide = parseSlide(deck, index);
	return {title: slide.title, section: slideHead(deck, index).isSection, notes: slide.notesText};
});

/** Titles of the source, in order: `=` underlines are parts, `-` underlines slides. */
const sourceTitles = lines.flatMap((line, index) => {
	const under = lines[index + 1] ?? '';
	if (line.trim() === '' || /^\s/.test(line) || line.startsWith('..') || !/^(=+|-+)$/.test(under) || under.length < line.length) {
		return [];
	}

	return [{title: line, part: under.startsWith('=')}];
});

const flat = (text: string) => text.replaceAll(/[*`]/g, '').replaceAll(/::$/g, ':').replaceAll(/\s+/g, ' ').trim();

describe('converting the original hieroglyph lecture', () => {
	it('converts without a warning', () => {
		expect(conversion.warnings).toEqual([]);
		expect(sourceTitles.length).toBeGreaterThan(90);
	});

	it('keeps every part and slide in order: parts as section slides, the first title as the title slide', () => {
		const [deckTitle, ...rest] = sourceTitles;
		expect(deck.meta).toMatchObject({title: defined(deckTitle).title, author: 'Ivan Boule, Olivier Matz', date: '2013-12-19'});
		// A part with text of its own gets a slide of the same name after its section slide.
		const extra = slides.filter(
			(slide, index) => !slide.section && slides[index - 1]?.section && defined(slides[index - 1]).title === slide.title,
		);
		expect(extra.map(slide => slide.title)).toEqual(['Conclusion / Evolution of Virtualization']);
		const shown = slides.filter(slide => !extra.includes(slide)).map(slide => [slide.title, slide.section]);
		expect(shown).toEqual([[defined(deckTitle).title, false], ...rest.map(entry => [entry.title, entry.part])]);
		expect(conversion.summary).toMatchObject({
			sections: rest.filter(entry => entry.part).length,
			slides: slides.length - conversion.summary.sections,
		});
	});

	it('keeps every note, French text exact, on the slide it was written under', () => {
		// The n-th source title t (part or slide) is the n-th converted slide titled t of that kind.
		let heading: {title: string; part: boolean} | undefined;
		const seen = new Map<string, number>();
		let checked = 0;
		for (let index = 0; index < lines.length; index++) {
			const under = lines[index + 1] ?? '';
			const entry = /^[-=]+$/.test(under)
				? sourceTitles.find(candidate => candidate.title === lines[index] && candidate.part === under.startsWith('='))
				: undefined;
			if (entry) {
				heading = entry;
				seen.set(`${entry.part}${entry.title}`, (seen.get(`${entry.part}${entry.title}`) ?? 0) + 1);
			}

			if (lines[index] !== '.. note::' || !heading) continue;
			const nth = defined(seen.get(`${heading.part}${heading.title}`));
			const at = defined(
				slides
					.map((slide, position) => ({slide, position}))
					.filter(({slide}) => slide.title === defined(heading).title && slide.section === defined(heading).part)[nth - 1],
			).position;
			// A part's notes written after its own text go with that text, on the slide after the section slide.
			const next = slides[at + 1];
			const notes = defined(slides[at]).notes + (heading.part && next?.title === heading.title ? ` ${next.notes}` : '');
			expect(notes.trim(), `notes at line ${index + 1} under "${heading.title}"`).not.toBe('');
			for (let line = index + 1; line < lines.length && (lines[line] === '' || defined(lines[line]).startsWith('   ')); line++) {
				const text = flat(defined(lines[line]).replace(/^\s*- /, ''));
				if (text !== '') {
					expect(flat(notes), `line ${line + 1}`).toContain(text);
					checked++;
				}
			}
		}

		expect(checked).toBeGreaterThan(300);
		expect(slides.some(slide => slide.notes.includes('généralisation de la mémoire virtuelle'))).toBe(true);
	});

	it('check accepts the deck with no errors, and lists every figure as a placeholder to redraw, in order', () => {
		const problems = checkOpenDeck(deck, [{width: 100, height: 30}], {ascii: false}, undefined);
		expect(problems.filter(problem => problem.severity === 'error')).toEqual([]);
		const figures = [...source.matchAll(/^\s*\.\. figure:: (\S+)$/gm)].map(match => match[1]);
		expect(figures.length).toBe(29);
		expect(conversion.summary.figures).toBe(29);
		const listed = problems.flatMap(problem => /^figure to redraw \((.+?)\)/.exec(problem.message)?.[1] ?? []);
		expect(listed).toEqual(figures);
		// The other warnings are the slides the original left without notes.
		expect(problems.every(problem => /^(figure to redraw|no speaker notes)/.test(problem.message))).toBe(true);
	});
});
