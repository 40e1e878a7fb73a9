// The frame writer against a terminal emulator: whatever it chooses to send (rows, a scroll),
// the screen must end up showing exactly the frame, and it must send less than a repaint.
import xterm from '@xterm/headless';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {FrameWriter, bestScroll, scrolled, type FramePlan} from '../../src/terminal/frame-writer.js';
import {stripSgr} from '../support/sgr.js';

const {Terminal} = xterm;
const cols = 40;
const height = 12;

/** A writer feeding an emulated 40x12 terminal; `screen()` reads its rows back. */
function emulated() {
	const term = new Terminal({cols, rows: height, allowProposedApi: true});
	// As the presenter runs: on the alternate screen, which has no scrollback.
	term.write('\u001B[?1049h');
	let sent = '';
	const writer = new FrameWriter(data => {
		sent += data;
		term.write(data);
	});
	return {
		writer,
		async draw(rows: readonly string[]): Promise<string> {
			sent = '';
			writer.draw(rows);
			await new Promise<void>(resolve => {
				term.write('', resolve);
			});
			return sent;
		},
		async drawPlanned(rows: readonly string[], plan: FramePlan): Promise<string> {
			sent = '';
			writer.draw(rows, plan);
			await new Promise<void>(resolve => {
				term.write('', resolve);
			});
			return sent;
		},
		screen: () =>
			Array.from({length: height}, (_, y) => term.buffer.active.getLine(term.buffer.active.baseY + y)?.translateToString(true) ?? ''),
	};
}

const frame = (lines: readonly string[]) => Array.from({length: height}, (_, i) => lines[i] ?? '');
const text = (n: number) => `line ${n} ${'x'.repeat(n % 17)}`;

describe('FrameWriter', () => {
	it('draws the first frame whole, then only the rows that changed', async () => {
		const t = emulated();
		const first = frame(Array.from({length: height}, (_, i) => text(i)));
		await t.draw(first);
		expect(t.screen()).toEqual(first);
		const second = [...first];
		second[3] = 'changed';
		const sent = await t.draw(second);
		expect(t.screen()).toEqual(second);
		expect(sent).toContain('changed');
		expect(sent).not.toContain('line 5');
		expect(await t.draw(second)).toBe('');
	});

	it('scrolls a band moved up by one and writes only the row that came into view', async () => {
		const t = emulated();
		const body = (from: number) => frame([...Array.from({length: height - 1}, (_, i) => text(from + i)), 'status']);
		await t.draw(body(0));
		const sent = await t.draw(body(1));
		expect(t.screen()).toEqual(body(1));
		expect(sent).toContain('\u001B[1;11r');
		expect(sent).toContain(text(11));
		expect(sent).not.toContain(text(5));
		const back = await t.draw(body(0));
		expect(t.screen()).toEqual(body(0));
		expect(back).toContain('\u001BM');
		expect(back).not.toContain(text(5));
	});

	it('writes a frame planned ahead as planned, and plans again once the screen changed under the plan', async () => {
		const t = emulated();
		const first = frame(['title', 'one']);
		await t.draw(first);
		const second = frame(['title', 'two']);
		const plan = t.writer.plan(second);
		expect(plan.data).toContain('two');
		expect(t.writer.draw(second, plan)).toBe(plan.data.length);
		const third = frame(['title', 'three']);
		const stale = t.writer.plan(third);
		await t.draw(frame(['other', 'screen']));
		const sent = await t.drawPlanned(third, stale);
		expect(t.screen()).toEqual(third);
		expect(sent).toContain('title');
	});

	it('finds no scroll where none helps', () => {
		const rows = frame(['a', 'b', 'c']);
		expect(bestScroll(rows, frame(['x', 'y', 'z']))).toBeUndefined();
		expect(bestScroll(rows, rows)).toBeUndefined();
		expect(scrolled(['a', 'b', 'c', 'd'], {top: 1, bottom: 3, by: 1})).toEqual(['a', 'c', 'd', '']);
		expect(scrolled(['a', 'b', 'c', 'd'], {top: 0, bottom: 2, by: -2})).toEqual(['', '', 'a', 'd']);
	});

	it('any sequence of frames ends with the screen showing the last one (property)', async () => {
		const row = fc.constantFrom('', 'alpha', 'beta', 'gamma', 'delta', '\u001B[1mbold\u001B[22m', 'é wide 日本', 'x'.repeat(cols));
		const frames = fc.array(fc.array(row, {minLength: height, maxLength: height}), {minLength: 1, maxLength: 6});
		await fc.assert(
			fc.asyncProperty(frames, async sequence => {
				const t = emulated();
				for (const rows of sequence) {
					await t.draw(rows);
					expect(t.screen()).toEqual(rows.map(line => stripSgr(line)));
				}
			}),
			{numRuns: 150},
		);
	});
});
