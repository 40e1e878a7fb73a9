import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {openDeck} from '../../src/deck/deck.js';
import {parseSlide} from '../../src/deck/parse.js';
import {handoutOf, streamedHandout} from '../../src/export/handout.js';
import {handoutPage, handoutPageParts} from '../../src/export/html-page.js';
import {handoutMarkdown, handoutMarkdownParts} from '../../src/export/markdown.js';

const guide = openDeck(readFileSync('decks/guide.md', 'utf8'), 'decks/guide.md');

describe('the handout of a deck', () => {
	it('gives each slide the title, section and content its parse gives', () => {
		const handout = handoutOf(guide, {notes: true});
		expect(handout.slides).toHaveLength(guide.count);
		for (const [i, slide] of handout.slides.entries()) {
			const parsed = parseSlide(guide, i);
			expect(slide.number).toBe(i + 1);
			expect(slide.title).toBe(parsed.title);
			expect(slide.notes).toEqual(parsed.noteElements);
			// Read again after another slide: parsed again, the same.
			const blocks = slide.blocks;
			expect(handout.slides[(i + 1) % guide.count]?.blocks).toBeDefined();
			expect(slide.blocks).toEqual(blocks);
		}
	});

	it('counts the slides with notes that the writer read, each once, and none without notes', () => {
		const withNotes = streamedHandout(guide, {notes: true});
		expect(withNotes.slidesWithNotes()).toBe(0);
		handoutPage(withNotes.handout, {notes: 'open', generator: 'x'});
		const expected = Array.from({length: guide.count}, (_, i) => parseSlide(guide, i)).filter(
			slide => slide.noteElements.length > 0,
		).length;
		expect(expected).toBeGreaterThan(0);
		expect(withNotes.slidesWithNotes()).toBe(expected);
		handoutMarkdown(withNotes.handout);
		expect(withNotes.slidesWithNotes()).toBe(expected);

		const without = streamedHandout(guide, {notes: false});
		handoutPage(without.handout, {notes: 'none', generator: 'x'});
		expect(without.slidesWithNotes()).toBe(0);
	});

	it('is written in many parts, a slide and an outline entry at a time, never as one text', () => {
		const deck = openDeck(Array.from({length: 300}, (_, i) => `# Slide ${i + 1}\n\ntext ${i}\n`).join('\n---\n\n'), 'many.md');
		const handout = handoutOf(deck, {notes: true});
		for (const made of [() => handoutPageParts(handout, {notes: 'open', generator: 'x'}), () => handoutMarkdownParts(handout)]) {
			const parts = [...made()];
			expect(parts.length).toBeGreaterThanOrEqual(300);
			expect(Math.max(...parts.map(part => part.length))).toBeLessThan(pageStyleAndScript() + 1000);
		}

		expect(handoutPage(handout, {notes: 'open', generator: 'x'})).toContain(
			'<li><a href="#300"><span class="n">300</span> Slide 300</a></li>\n</ol>',
		);
		expect(handoutMarkdown(handout).endsWith('### 300. Slide 300\n\ntext 299\n')).toBe(true);
	});
});

/** The page's head holds its style sheet and its end the script: the largest parts written at once. */
function pageStyleAndScript(): number {
	const page = handoutPage(handoutOf(openDeck('# x\n', 'x.md'), {notes: false}), {notes: 'none', generator: 'x'});
	return page.length;
}
