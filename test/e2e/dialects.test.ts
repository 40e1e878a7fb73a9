// Decks written for other presenters (one small fixture per dialect and construct, in
// test/fixtures/dialects): `print` and `outline` match their golden files (the slide count,
// titles, notes and reveal steps each tool's author meant), and no raw markup of any dialect reaches
// print or the presenter's screen. UPDATE_GOLDEN=1 rewrites the golden files.
import fs from 'node:fs';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {repoRoot, runLectern, startLectern} from './helpers.js';
import {closeAll, keys} from './pty.js';

const dir = path.join(repoRoot, 'test', 'fixtures', 'dialects');
const fixtures = fs
	.readdirSync(dir)
	.filter(name => name.endsWith('.md'))
	.sort();
const update = process.env['UPDATE_GOLDEN'] === '1';

/** Markup that must never be shown as text: each dialect's syntax, and the lines authors hid. */
const rawMarkup = [
	'<!--',
	'-->',
	'. . .',
	'<span',
	'<kbd',
	'<br',
	'%title',
	'%author',
	'Note:',
	'[!NOTE]',
	'HIDDEN',
	'fn setup',
	'import sys',
	'cd /tmp/demo',
	'.element',
	'.slide',
	'^',
];

function golden(name: string, kind: 'print' | 'outline' | 'check', actual: string): void {
	const file = path.join(dir, `${name.replace(/\.md$/, '')}.${kind}.txt`);
	if (update || !fs.existsSync(file)) {
		fs.writeFileSync(file, actual);
	}

	expect(actual).toBe(fs.readFileSync(file, 'utf8'));
}

afterEach(async () => {
	await closeAll();
});

describe('dialect fixtures', () => {
	it('there is a fixture for every dialect', () => {
		expect(fixtures.map(name => name.replace(/\.md$/, ''))).toEqual(
			expect.arrayContaining(['commonmark', 'columns', 'lookatme', 'marp', 'mdp', 'patat', 'presenterm', 'reveal', 'slides']),
		);
	});

	it.each(fixtures)('%s: print and outline match their golden files, and print shows no raw markup', name => {
		const file = path.join('test', 'fixtures', 'dialects', name);
		const print = runLectern(['print', file, '--width', '80']);
		expect(print.status, print.stderr).toBe(0);
		golden(name, 'print', print.stdout);
		const outline = runLectern(['outline', file]);
		expect(outline.status, outline.stderr).toBe(0);
		// The reveal steps each slide has (from outline --json), under the outline.
		const json = runLectern(['outline', file, '--json']);
		const steps = (JSON.parse(json.stdout) as {slides: Array<{steps: number}>}).slides.map(slide => slide.steps);
		golden(name, 'outline', `${outline.stdout}reveal steps: ${steps.join(' ')}\n`);
		for (const markup of rawMarkup) {
			expect(print.stdout, `${markup} in print`).not.toContain(markup);
		}

		// What the dialect has and Lectern does not: one `not supported` line per construct.
		const check = runLectern(['check', file]);
		const unsupported = check.stdout
			.split('\n')
			.filter(line => line.includes('not supported'))
			.map(line => line.replace(/^[^:]*:/, ''));
		golden(name, 'check', unsupported.map(line => `${line}\n`).join(''));

		// mdp's centring arrows.
		expect(print.stdout).not.toMatch(/(?:^|\s)->\s.*\s<-\s*$/m);
	});

	it.each(fixtures)('%s: the presenter shows no raw markup on any slide or step', async name => {
		const count = runLectern(['outline', path.join('test', 'fixtures', 'dialects', name), '--json']);
		const slides = (JSON.parse(count.stdout) as {slides: unknown[]}).slides.length;
		const session = await startLectern([path.join('test', 'fixtures', 'dialects', name), '--no-watch']);
		await session.waitFor(new RegExp(`1/${slides}`));
		// Each key reveals the next step or slide; four per slide covers every step of these decks.
		for (let press = 0; press < slides * 4; press++) {
			const screen = session.screen();
			for (const markup of rawMarkup) {
				expect(screen, `${markup} on the screen`).not.toContain(markup);
			}

			session.press(keys.space);
			await session.settled();
		}

		await session.waitFor(new RegExp(`${slides}/${slides}`));
	});
});
