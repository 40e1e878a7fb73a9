// The harness tested on small inline programs, so an e2e failure points at Lectern, not at it.
import fs from 'node:fs';
import {afterEach, describe, expect, it} from 'vitest';
import {closeAll, keys, startPty, type PtyOptions} from './pty.js';

afterEach(closeAll);

// A miniature full-screen app: alternate screen, hidden cursor, raw keys, resize, clean exit.
const fullScreen = String.raw`
const out = process.stdout;
const show = (row, text) => out.write('\x1b[' + row + ';1H\x1b[2K' + text);
process.stdin.setRawMode(true);
out.write('\x1b[?1049h\x1b[?25l\x1b[2J\x1b[5;10Hhello harness');
// Ask where the cursor is, and only say ready once the answer is in, so keys never share its read.
out.write('\x1b[6n');
process.stdin.on('data', data => {
	const text = String(data);
	if (/^\x1b\[\d+;\d+R$/.test(text)) {
		show(7, 'cpr ' + JSON.stringify(text));
		return show(9, 'ready ' + out.columns + 'x' + out.rows);
	}
	if (text === 'q') {
		out.write('\x1b[?25h\x1b[?1049l');
		process.stdin.setRawMode(false);
		out.write('bye\n');
		process.exit(0);
	}
	if (text === 'a') return out.write('\x1b[?1h');
	show(6, 'key ' + JSON.stringify(text));
});
out.on('resize', () => show(8, 'size ' + out.columns + 'x' + out.rows));
`;

function node(script: string, options: Partial<PtyOptions> = {}) {
	return startPty({command: process.execPath, args: ['-e', script], cols: 60, rows: 12, ...options});
}

describe('pty harness', () => {
	it('shows a full-screen program as a terminal would', async () => {
		const t = await node(fullScreen);
		await t.waitFor('ready 60x12');
		expect(t.row(4)).toBe('         hello harness');
		expect(t.altScreen()).toBe(true);
		expect(t.cursorHidden()).toBe(true);
		expect(t.screen().split('\n')).toHaveLength(12);
		expect(t.raw()).toContain('\u001B[?1049h');
		// The emulator answered the cursor-position query through the pty.
		expect(t.row(6)).toBe('cpr "\\u001b[5;23R"');
	});

	it('sends keys as xterm does, following the cursor-key mode', async () => {
		const t = await node(fullScreen);
		await t.waitFor('ready');
		t.press(keys.right);
		await t.waitFor('key "\\u001b[C"');
		t.press(keys.ctrlC);
		await t.waitFor('key "\\u0003"');
		t.press('a');
		await t.waitFor((_, session) => session.modes().applicationCursorKeysMode);
		t.press(keys.up);
		await t.waitFor('key "\\u001bOA"');
		t.press(keys.pageDown);
		await t.waitFor('key "\\u001b[6~"');
		expect(t.row(-1)).toBe('');
	});

	it('restores the screen and reports the exit', async () => {
		const t = await node(fullScreen);
		await t.waitFor('ready');
		t.press('q');
		expect(await t.exited()).toEqual({exitCode: 0, signal: undefined});
		expect(t.altScreen()).toBe(false);
		expect(t.cursorHidden()).toBe(false);
		expect(t.screen()).toContain('bye');
		expect(t.screen()).not.toContain('hello harness');
	});

	it('delivers a resize to the program with the new size', async () => {
		const t = await node(fullScreen);
		await t.waitFor('ready 60x12');
		t.resize(80, 24);
		await t.waitFor('size 80x24');
		expect(t.screen().split('\n')).toHaveLength(24);
	});

	it('reads the tty modes the program set', async () => {
		const t = await node(fullScreen);
		await t.waitFor('ready');
		const modes = await t.ttyModes();
		expect(modes).toMatchObject({icanon: false, echo: false, isig: false});
	});

	it('kills with a signal and reports it', async () => {
		const t = await node('process.stdout.write("up\\n"); setInterval(() => {}, 1000);');
		await t.waitFor('up');
		t.kill('SIGTERM');
		expect(await t.exited()).toEqual({exitCode: 0, signal: 'SIGTERM'});
	});

	it('reports a non-zero exit code', async () => {
		const t = await node('console.error("lectern: broken"); process.exit(2);');
		expect(await t.exited()).toEqual({exitCode: 2, signal: undefined});
		expect(t.screen()).toContain('lectern: broken');
	});

	it('fails a wait with the screen in the message', async () => {
		const t = await node('process.stdout.write("only this\\n"); setInterval(() => {}, 1000);');
		await t.waitFor('only this');
		const error = await t.waitFor('never shown', {timeout: 200}).catch((error: unknown) => error);
		expect(error).toBeInstanceOf(Error);
		expect(String(error)).toMatch(/timed out after 200 ms .*never shown/);
		expect(String(error)).toContain('  0|only this');
		expect((error as Error).stack).toContain('pty-harness.test.ts');
	});

	it('fails a wait at once when the program exits first', async () => {
		const t = await node('process.stdout.write("done\\n");');
		const error = await t.waitFor('never shown', {timeout: 20_000}).catch((error: unknown) => error);
		expect(String(error)).toMatch(/exited \(code 0\)/);
		expect(String(error)).toContain('done');
	});

	it('gives a predictable environment that tests can override', async () => {
		const script =
			'for (const name of ["TERM", "LANG", "COLUMNS", "NO_COLOR", "CI", "HOME", "XDG_STATE_HOME"]) console.log(name + "=" + process.env[name]);';
		const t = await node(script, {cols: 100, env: {NO_COLOR: '1', COLUMNS: '10'}});
		await t.exited();
		const screen = t.screen();
		expect(screen).toContain('TERM=xterm-256color');
		expect(screen).toContain('LANG=C.UTF-8');
		expect(screen).toContain('COLUMNS=10');
		expect(screen).toContain('NO_COLOR=1');
		expect(screen).toContain('CI=undefined');
		expect(screen).toContain(`HOME=${t.home}`);
		expect(screen).toContain(`XDG_STATE_HOME=${t.home}/state`);
	});

	it('kills what is still running and removes its home on closeAll', async () => {
		const t = await node('process.stdout.write("running\\n"); setInterval(() => {}, 1000);');
		await t.waitFor('running');
		expect(fs.existsSync(t.home)).toBe(true);
		await closeAll();
		expect(t.exitStatus).toEqual({exitCode: 0, signal: 'SIGKILL'});
		expect(() => process.kill(t.pid, 0)).toThrow();
		expect(fs.existsSync(t.home)).toBe(false);
	});
});
