// The docs and the program agree: the examples in README.md, docs/deck-format.md and the
// bundled guide are run (or measured with `lectern check`) and compared with what they claim.
import fs from 'node:fs';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {openDeck} from '../../src/deck/deck.js';
import {parseSlide} from '../../src/deck/parse.js';
import {slideBindings} from '../../src/nav/keys.js';
import {describeRun, linesOf, repoRoot, runLectern, tempDir} from './cli-helpers.js';
import {defined} from '../support/defined.js';

const read = (file: string) => fs.readFileSync(path.join(repoRoot, file), 'utf8');
const readme = read('README.md');
const deckFormat = read('docs/deck-format.md');
const guide = read('decks/guide.md');
const {dir, remove} = tempDir('lectern-docs-');
afterAll(() => remove());

/** Words of a shell command line: quotes group, `#` starts a comment. */
function shellWords(line: string): string[] {
	return [...line.replace(/\s+#.*$/, '').matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map(match => match[1] ?? match[2] ?? defined(match[3]));
}

/** The fenced blocks of a Markdown text, in order. */
function fences(text: string, lang: string): string[] {
	const blocks: string[] = [];
	let open: {lang: string; lines: string[]} | undefined;
	for (const line of text.split('\n')) {
		if (open === undefined && line.startsWith('```')) {
			open = {lang: line.slice(3).trim(), lines: []};
		} else if (open !== undefined && line === '```') {
			if (open.lang === lang) blocks.push(open.lines.map(kept => `${kept}\n`).join(''));
			open = undefined;
		} else {
			open?.lines.push(line);
		}
	}

	return blocks;
}

/** A deck of one slide holding a `rows`-row diagram `width` columns wide, with or without a title. */
function diagramDeck(width: number, rows: number, title: boolean): string {
	const file = path.join(dir, `diagram-${width}x${rows}${title ? '-titled' : ''}.md`);
	const lines = Array.from({length: rows}, () => 'x'.repeat(width));
	fs.writeFileSync(file, `${title ? '## Title\n\n' : ''}\`\`\`text\n${lines.join('\n')}\n\`\`\`\n\n<!-- notes: n -->\n`);
	return file;
}

async function fits(file: string, size: string): Promise<boolean> {
	const result = await runLectern(['check', file, '--size', size]);
	expect([0, 1], describeRun(['check', file], result)).toContain(result.status);
	return result.status === 0;
}

describe('README', () => {
	it('every `lectern search` example finds something in the bundled decks', async () => {
		const commands = fences(readme, 'sh')
			.flatMap(block => block.split('\n'))
			.filter(line => line.startsWith('npx lectern search '));
		expect(commands.length).toBeGreaterThanOrEqual(3);
		for (const command of commands) {
			const args = shellWords(command).slice(2);
			const result = await runLectern(args, {cwd: repoRoot});
			expect(result.status, describeRun(args, result)).toBe(0);
			expect(result.stdout, command).not.toBe('');
		}
	});

	it('the search sample is what `lectern search "shadow page"` prints first, title line included', async () => {
		const sample = defined(fences(readme, '').find(block => block.startsWith('decks/virtualization.md:')));
		const result = await runLectern(['search', 'shadow page'], {cwd: repoRoot});
		expect(result.status).toBe(0);
		expect(linesOf(result.stdout).slice(0, linesOf(sample).length)).toEqual(linesOf(sample));
	});

	it('the slide area it names for 80x24 is the one check measures', async () => {
		const [, width, height] = /at 80x24 the slide area is (\d+)x(\d+)/.exec(readme.replaceAll('\n', ' ')) ?? [];
		const [w, h] = [Number(width), Number(height)];
		expect(w).toBeGreaterThan(0);
		expect(await fits(diagramDeck(w, h, false), '80x24')).toBe(true);
		expect(await fits(diagramDeck(w + 1, h, false), '80x24')).toBe(false);
		expect(await fits(diagramDeck(w, h + 1, false), '80x24')).toBe(false);
	});
});

describe('docs/deck-format.md', () => {
	it('the largest diagram it allows passes check at 80x24 and 100x30, and one row or column more does not', async () => {
		const [, width, height] = /Diagrams: at most (\d+) columns wide and (\d+) rows tall/.exec(deckFormat) ?? [];
		const [w, h] = [Number(width), Number(height)];
		expect(w).toBeGreaterThan(0);
		const largest = diagramDeck(w, h, true);
		expect(await fits(largest, '80x24')).toBe(true);
		expect(await fits(largest, '100x30')).toBe(true);
		expect(await fits(diagramDeck(w, h + 1, true), '100x30')).toBe(false);
		expect(await fits(diagramDeck(w + 1, h, true), '80x24')).toBe(false);
	});
});

describe('the bundled guide', () => {
	it('its search example prints what the slide shows', async () => {
		const command = defined(fences(guide, 'sh').find(block => block.startsWith('lectern search '))).trim();
		const sample = defined(fences(guide, 'text').find(block => /^decks\/\S+:\d+ {2}/.test(block)));
		const args = shellWords(command).slice(1);
		const result = await runLectern(args, {cwd: repoRoot});
		expect(result.status, describeRun(args, result)).toBe(0);
		expect(linesOf(result.stdout).slice(0, linesOf(sample).length)).toEqual(linesOf(sample));
	});

	it('claims a key works in study mode only when it does', () => {
		const deck = openDeck(guide, 'decks/guide.md');
		for (let index = 0; index < deck.count; index++) {
			const notes = parseSlide(deck, index).notesText.replaceAll(/\s+/g, ' ');
			for (const match of notes.matchAll(/[^.]*\bpress (\S+) to [^.]*/gi)) {
				const key = defined(match[1]).replaceAll(/[`,]/g, '');
				const binding = slideBindings.find(candidate => candidate.keys.includes(key));
				if (binding?.view !== 'present') continue;
				// A present-only key: the sentence (or the one before) must not promise it in study mode.
				expect(match[0], `slide ${index + 1}: ${key}`).not.toMatch(/study/i);
				expect(match[0], `slide ${index + 1}: ${key}`).toMatch(/present/i);
			}
		}
	});
});
