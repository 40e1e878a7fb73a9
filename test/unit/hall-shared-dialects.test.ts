// A follower reads the shared deck with the same pipeline as the leader: every dialect's
// slides (alignment, spacing, the introduction slide, columns, hidden code lines, pandoc
// tables, incremental lists, breaks…) look the same on both, step for step, and no note, in any
// dialect's note syntax, is in what the leader sends unless it shares the notes.
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {openDeck, slideHead, slideText} from '../../src/deck/deck.js';
import type {DialectName} from '../../src/deck/dialects/dialect.js';
import type {Deck} from '../../src/deck/types.js';
import {encodeMessage, limitsFor, parseMessage} from '../../src/hall/protocol.js';
import {deckFromShared, shareDeck, withoutNotes} from '../../src/hall/shared-deck.js';
import {buildRegions, composeRows} from '../../src/layout/screen.js';
import {createTheme} from '../../src/layout/theme.js';
import {initialState} from '../../src/nav/reducer.js';

const fixtures = 'test/fixtures/dialects';
const colour = createTheme({level: 3, ascii: false});

/** The slide's rows as the audience sees them (the notes hidden), without the status bar. */
function audienceRows(deck: Deck, slide: number, step: number, width: number, height: number): string[] {
	const state = {...initialState({slide, notesVisible: false, view: 'present'}), step};
	return composeRows(buildRegions({deck, state, size: {width, height}, theme: colour, elapsedSeconds: 0})).slice(0, -1);
}

/** The deck a follower builds from what the leader sends, through the protocol's checks. */
function followed(deck: Deck, withNotes = false): {deck: Deck; line: string} {
	const line = encodeMessage({type: 'deck', deck: shareDeck(deck, withNotes)});
	const parsed = parseMessage(line.trimEnd(), limitsFor(8 * 1024 * 1024));
	if (!('message' in parsed) || parsed.message.type !== 'deck') throw new Error(`not a deck: ${JSON.stringify(parsed)}`);
	return {deck: deckFromShared(parsed.message.deck, 'talk'), line};
}

function expectSameSlides(leader: Deck, follower: Deck): void {
	expect(follower.count).toBe(leader.count);
	expect(follower.dialect).toBe(leader.dialect);
	for (let i = 0; i < leader.count; i++) {
		const steps = slideHead(leader, i).steps;
		expect(slideHead(follower, i).steps, `slide ${i + 1}'s steps`).toBe(steps);
		for (let step = 0; step < steps; step++) {
			for (const [width, height] of [
				[80, 24],
				[100, 30],
			] as const) {
				expect(audienceRows(follower, i, step, width, height), `slide ${i + 1}, step ${step + 1}, ${width}x${height}`).toEqual(
					audienceRows(leader, i, step, width, height),
				);
			}
		}
	}
}

/** Note lines long enough to be told apart from the slides' own text. */
function noteLinesOf(deck: Deck): string[] {
	const lines: string[] = [];
	for (let i = 0; i < deck.count; i++) {
		const text = slideText(deck, i);
		const visible = text.steps.map(step => step.markdown).join('\n');
		for (const line of text.notes.split('\n')) {
			const trimmed = line.trim();
			if (trimmed.length >= 8 && !visible.includes(trimmed)) lines.push(trimmed);
		}
	}

	return lines;
}

const decks = readdirSync(fixtures).filter(name => name.endsWith('.md'));

describe('every dialect fixture, followed', () => {
	it.each(decks)('%s: the same slides and steps on a follower, and none of its notes sent', name => {
		const file = path.join(fixtures, name);
		const leader = openDeck(readFileSync(file, 'utf8'), file);
		const {deck: follower, line} = followed(leader);
		expectSameSlides(leader, follower);
		for (const note of noteLinesOf(leader)) {
			expect(line, `the note "${note}"`).not.toContain(JSON.stringify(note).slice(1, -1));
		}
	});

	it('with --share-notes the follower has the notes as the leader reads them', () => {
		const file = path.join(fixtures, 'presenterm-layout.md');
		const leader = openDeck(readFileSync(file, 'utf8'), file);
		const {deck: follower} = followed(leader, true);
		expectSameSlides(leader, follower);
		for (let i = 0; i < leader.count; i++) {
			expect(slideText(follower, i).notes).toBe(slideText(leader, i).notes);
		}
	});

	it('the presenterm fixture is read as presenterm by the follower: intro centred, alignment, spacing', () => {
		const file = path.join(fixtures, 'presenterm-layout.md');
		const {deck: follower} = followed(openDeck(readFileSync(file, 'utf8'), file));
		expect(follower.intro).toBe(true);
		const intro = audienceRows(follower, 0, 0, 100, 30);
		const title = intro.findIndex(row => row.includes('Packing a suitcase'));
		// Centred, from the middle row down.
		expect(title).toBeGreaterThan(8);
		expect(intro[title]?.indexOf('Packing')).toBeGreaterThan(30);
		const aligned = audienceRows(follower, 3, 0, 100, 30).join('\n');
		expect(aligned).toMatch(/ {40,}.*Socks fill the gaps on the right\./);
	});
});

/** One deck per note syntax (read in the dialect named), each note holding a secret the audience must never receive. */
const noteDecks: ReadonlyArray<readonly [DialectName, string]> = [
	[
		'lectern',
		'## One\n\nshown one\n\n<!-- notes: SECRET-lectern-comment\nstill SECRET-lectern-comment-2 -->\n\nafter one\n\n---\n\n## Two\n\n- a\n- b\n\n::: notes\nSECRET-lectern-div\n:::\n\n- c\n\n---\n\n## Three\n\nshown three\n\n???\nSECRET-lectern-rest\n\nSECRET-lectern-rest-2\n',
	],
	[
		'presenterm',
		'---\ntitle: T\nauthor: A\n---\n\nOne\n===\n\n<!-- alignment: center -->\n\nshown one\n\n<!-- speaker_note: SECRET-presenterm -->\n\n<!-- pause -->\n\nafter\n\n<!-- end_slide -->\n\nTwo\n===\n\n<!-- speaker_note: |\n  SECRET-presenterm-multi\n  more SECRET-presenterm-multi-2\n-->\n\n<!-- new_lines: 2 -->\n\nshown two\n',
	],
	[
		'marp',
		'---\nmarp: true\n---\n\n# One\n\nline one\nline two\n\n<!-- SECRET-marp-comment -->\n\n---\n\n<!-- _class: lead -->\n\n# Two\n\n<!--\nSECRET-marp-multi\n-->\n\ntext\n',
	],
	[
		'patat',
		'---\npatat:\n  incrementalLists: true\n  speakerNotes:\n    file: /tmp/notes.txt\n---\n\n# One\n\n- a\n- b\n\n<!-- SECRET-patat-comment -->\n\n. . .\n\nafter\n\n# Two\n\n<!--\nSECRET-patat-multi\n-->\n\n| x |\n|---|\n| 1 |\n',
	],
	[
		'reveal',
		'## One\n\nshown\n\nNote: SECRET-reveal-note\nSECRET-reveal-note-2\n\n---\n\n## Two\n\nfragment <!-- .element: class="fragment" -->\n\nNote:\nSECRET-reveal-3\n',
	],
];

describe('notes in every note syntax stay with the leader', () => {
	it.each(noteDecks)('%s', (dialect, text) => {
		const leader = openDeck(text, 'talk.md', dialect);
		expect(Array.from({length: leader.count}, (_, i) => slideText(leader, i).notes).join('\n')).toContain('SECRET');
		const {deck: follower, line} = followed(leader);
		expect(line).not.toContain('SECRET');
		expectSameSlides(leader, follower);
		for (let i = 0; i < follower.count; i++) {
			expect(slideHead(follower, i).hasNotes).toBe(false);
		}

		expect(followed(leader, true).line).toContain('SECRET');
	});
});

describe('a note comment between two list items', () => {
	// The leader's splitter leaves an empty comment where the note was, which ends the first list
	// (CommonMark); the follower's copy must end it too, not join both into one loose list.
	it.each([
		['lectern', '## T\n\n- a\n- b\n<!-- notes: SECRET-1 -->\n- c\n- d\n'],
		[
			'presenterm',
			'---\ntitle: x\n---\nT\n===\n\n- a\n- b\n<!-- speaker_note: SECRET-2 -->\n- c\n- d\n<!-- end_slide -->\n\nU\n===\n\nx\n',
		],
		['marp', '---\nmarp: true\n---\n\n# T\n\n- a\n- b\n<!-- SECRET-3 -->\n- c\n- d\n'],
		['patat', '---\npatat:\n  speakerNotes:\n    file: /tmp/n.txt\n---\n\n# T\n\n- a\n- b\n<!-- SECRET-4 -->\n- c\n- d\n'],
	] as const)('%s: the follower shows the same two lists, and no note', (dialect, text) => {
		const leader = openDeck(text, 'talk.md', dialect);
		const {deck: follower, line} = followed(leader);
		expect(line).not.toContain('SECRET');
		expectSameSlides(leader, follower);
		expect(slideHead(follower, 0).hasNotes).toBe(false);
	});
});

describe('withoutNotes', () => {
	it('blanks the lines of each note, so every other line keeps its number', () => {
		expect(
			withoutNotes('a\nn1\nn2\nb\nn3\nc', [
				[1, 2],
				[4, 4],
			]),
		).toBe('a\n\n\nb\n\nc');
		expect(withoutNotes('a\nn1', [[1, 1]])).toBe('a\n');
		expect(withoutNotes('a\nb', [])).toBe('a\nb');
	});

	it('leaves an empty comment where a note comment began, at its indent', () => {
		expect(withoutNotes('- a\n  <!-- notes: x\n  y -->\n- b', [[1, 2]])).toBe('- a\n  <!---->\n\n- b');
		expect(withoutNotes('a\n???\nn', [[1, 2]])).toBe('a\n\n');
	});
});
