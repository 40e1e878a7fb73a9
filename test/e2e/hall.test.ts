// The lecture hall end to end: a leader (`present --share`, `speaker`) and real `lectern
// follow` processes, each in its own pseudo-terminal, sharing a private runtime folder.
// Every step waits for what the screens show, never for time.
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {lecternBin, repoRoot, runLectern, tempDir} from './cli-helpers.js';
import {closeAll, keys, startPty, type PtySession} from './pty.js';
import {defined} from '../support/defined.js';
import {protocolVersion} from '../../src/hall/protocol.js';

const deckText = `---
title: Hall test
duration: 30
---

## Alpha slide

first point

<!-- pause -->

second point

<!-- notes: secret-note for the speaker -->

---

## Beta slide

beta body

---

## Gamma slide

gamma body
`;

let place: {dir: string; remove: () => void};
let deck: string;
let env: Record<string, string>;

beforeEach(() => {
	place = tempDir('lectern-hall-');
	deck = path.join(place.dir, 'talk.md');
	fs.writeFileSync(deck, deckText);
	// Every process of a test shares the runtime and temp folders, as one user's would.
	env = {XDG_RUNTIME_DIR: place.dir, TMPDIR: place.dir};
});

afterEach(async () => {
	await closeAll();
	place.remove();
});

/** Polls a condition the screen cannot show (a process state), up to a hang guard. */
async function until(condition: () => boolean, what: string, timeout = 10_000): Promise<void> {
	const end = Date.now() + timeout;
	while (!condition()) {
		if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
		await new Promise(resolve => setTimeout(resolve, 20));
	}
}

async function lectern(args: readonly string[], cols = 100, rows = 30, extraEnv: Record<string, string> = {}): Promise<PtySession> {
	return startPty({
		command: process.execPath,
		args: [lecternBin, ...args],
		cwd: repoRoot,
		cols,
		rows,
		env: {...env, ...extraEnv},
		timeout: 15_000,
	});
}

/** A program under a shell that prints its exit status and keeps the terminal open. */
async function underShell(args: readonly string[], cols = 80, rows = 24, extraEnv: Record<string, string> = {}): Promise<PtySession> {
	const script = '"$0" "$@"; echo "exited with $?"; exec sleep 600';
	return startPty({
		command: '/bin/sh',
		args: ['-c', script, process.execPath, lecternBin, ...args],
		cwd: repoRoot,
		cols,
		rows,
		env: {...env, ...extraEnv},
		timeout: 15_000,
	});
}

const status = (t: PtySession) => t.row(-1);
const at = (slide: number) => (_: string, t: PtySession) => new RegExp(`(^|\\s)${slide}/3(\\s|$)`).test(status(t));

async function leader(args: readonly string[] = []): Promise<PtySession> {
	const t = await lectern(['present', deck, '--share', 'hall', ...args]);
	await t.waitFor(at(1));
	return t;
}

async function follower(cols: number, rows: number, args: readonly string[] = ['hall']): Promise<PtySession> {
	const t = await lectern(['follow', ...args], cols, rows);
	await t.waitFor(/Alpha slide|Beta slide|Gamma slide/);
	return t;
}

describe('a leader and three followers', () => {
	it('→, a reveal step, G, a reload and b reach every follower, at its own size, without the notes', async () => {
		const lead = await leader();
		const followers = [await follower(80, 24), await follower(100, 30), await follower(60, 20)];
		await lead.waitFor(/3 followers/);
		for (const f of followers) {
			await f.waitFor('first point');
			expect(f.screen()).not.toContain('second point');
		}

		lead.press(keys.right);
		await Promise.all(followers.map(async f => f.waitFor('second point')));
		lead.press(keys.right);
		await Promise.all(followers.map(async f => f.waitFor('beta body')));
		lead.press('G');
		await Promise.all(followers.map(async f => f.waitFor('gamma body')));
		fs.writeFileSync(deck, deckText.replace('## Gamma slide', '## Gamma rewritten'));
		await Promise.all(followers.map(async f => f.waitFor('Gamma rewritten')));
		lead.press('b');
		await Promise.all([lead, ...followers].map(async t => t.waitFor('back in a moment')));
		lead.press(keys.right);
		await Promise.all(followers.map(async f => f.waitFor('Gamma rewritten')));
		for (const [i, f] of followers.entries()) {
			const [cols, rows] = defined(
				(
					[
						[80, 24],
						[100, 30],
						[60, 20],
					] as const
				)[i],
			);
			expect(f.screen().split('\n')).toHaveLength(rows);
			expect(
				f
					.screen()
					.split('\n')
					.every(row => row.length <= cols),
			).toBe(true);
			expect(f.raw()).not.toContain('secret-note');
			// No clock without --clock.
			expect(status(f)).not.toMatch(/\d\d:\d\d:\d\d/);
		}
	});
});

describe('following', () => {
	it('a late joiner starts where the talk is; d detaches to browse, f rejoins', async () => {
		const lead = await leader();
		lead.press(keys.right, keys.right);
		await lead.waitFor(at(2));
		const f = await follower(80, 24);
		await f.waitFor('beta body');
		f.press('d');
		await f.waitFor('detached: f to follow');
		f.press(keys.left);
		await f.waitFor('second point');
		lead.press('G');
		await lead.waitFor(at(3));
		// Detached: the talk moved, this screen did not.
		await f.settled();
		expect(f.screen()).toContain('second point');
		f.press('f');
		await f.waitFor('gamma body');
		expect(status(f)).not.toContain('detached');
		// Attached again, keys cannot move the talk or this screen.
		f.press(keys.left, 'g');
		lead.press('g');
		await f.waitFor('first point');
		await lead.waitFor(at(1));
	});

	it('with --share-notes a follower shows the notes with s; without it there are none to show', async () => {
		const lead = await leader(['--share-notes']);
		const f = await follower(120, 30);
		await f.settled();
		expect(f.screen()).not.toContain('secret-note');
		f.press('s');
		await f.waitFor('secret-note');
		f.press('s');
		await f.waitFor((screen: string) => !screen.includes('secret-note'));
		lead.press('q');
		await closeAll();
		const plain = await leader();
		const g = await follower(120, 30);
		g.press('s');
		await g.settled();
		expect(g.screen()).not.toContain('secret-note');
		plain.press('q');
	});

	it("a follower runs at a lower scheduling priority than the lecturer's Lectern (nice +10)", async () => {
		const lead = await leader();
		const f = await follower(80, 24);
		const niceOf = (pid: number) => Number(fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ')[16]);
		expect(niceOf(f.pid)).toBe(Math.min(19, niceOf(lead.pid) + 10));
	});

	it('Ctrl-Z suspends a follower like the presenter: terminal restored, stopped; SIGCONT redraws and it follows again', async () => {
		const lead = await leader();
		const f = await follower(80, 24);
		f.press(keys.ctrlZ);
		const stateOf = () => {
			const stat = fs.readFileSync(`/proc/${f.pid}/stat`, 'utf8');
			return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
		};
		await f.waitFor(() => !f.altScreen(), {description: 'the follower off the alternate screen'});
		// The stop comes after the last bytes, so the screen cannot tell it: the process state is polled.
		await until(() => stateOf() === 'T', 'the follower to stop');
		process.kill(f.pid, 'SIGCONT');
		await f.waitFor((_, session) => session.altScreen() && session.screen().includes('first point'));
		lead.press('G');
		await f.waitFor('gamma body');
	});

	it('when the leader quits, a follower says the talk has ended and exits 0', async () => {
		const lead = await leader();
		const f = await underShell(['follow', 'hall']);
		await f.waitFor('first point');
		lead.press('q');
		await f.waitFor('exited with 0');
		expect(f.screen()).toContain('the talk has ended');
		expect(f.altScreen()).toBe(false);
	});

	it('a leader sharing a deck of 100,000 slides makes it for its first follower in slices: q meanwhile quits at once, and the follower hears the end', async () => {
		const big = path.join(place.dir, 'big.md');
		fs.writeFileSync(big, Array.from({length: 100_000}, (_, i) => `## Slide ${i + 1}\n\ntext ${i + 1}`).join('\n\n---\n\n'));
		const lead = await lectern(['present', big, '--share', 'big']);
		await lead.waitFor(/\s1\/100000\s/, {timeout: 60_000});
		const f = await underShell(['follow', 'big']);
		// Connected: the leader counts it, and starts making the deck it sends.
		await lead.waitFor(/1 follower/, {timeout: 60_000});
		lead.press('q');
		expect(await lead.exited(60_000)).toEqual({exitCode: 0, signal: undefined});
		expect(lead.altScreen()).toBe(false);
		await f.waitFor(/exited with \d+/, {timeout: 60_000});
		expect(f.altScreen()).toBe(false);
	});

	it('a crashed leader leaves a stale socket: a new leader replaces it and followers rejoin', async () => {
		const first = await leader();
		const f = await follower(80, 24);
		first.kill('SIGKILL');
		await f.waitFor('reconnecting');
		expect(fs.existsSync(path.join(place.dir, 'lectern', 'hall.sock'))).toBe(true);
		const second = await leader();
		second.press('G');
		// The follower may rejoin before or after the G: either way it ends on gamma, live. The
		// frame's bytes can reach the emulator in two reads, so the screen is waited for whole.
		await f.waitFor((screen, t) => screen.includes('gamma body') && !status(t).includes('reconnecting'), {
			description: 'gamma, no longer reconnecting',
		});
		await second.waitFor(/1 follower/);
	});

	it('a second leader cannot take the same name: one line, exit 2', async () => {
		await leader();
		const second = await underShell(['present', deck, '--share', 'hall']);
		await second.waitFor('exited with 2');
		expect(second.screen()).toContain('lectern: a talk named "hall" is already running; name this one with --share NAME');
		expect(second.screen()).not.toMatch(/^\s+at /m);
	});

	it('lectern talks lists it; follow with no name joins the only talk', async () => {
		await leader();
		const f = await follower(80, 24, []);
		await f.waitFor('first point');
		const listed = await runLectern(['talks'], {env});
		expect(listed.stdout).toBe('hall  Hall test  slide 1/3  1 follower\n');
		expect(listed.status).toBe(0);
	});

	it('follow names a talk that is not running: one line, exit 2', async () => {
		const result = await runLectern(['follow', 'nothing-here'], {env});
		expect(result.stderr).toBe('lectern: no talk named "nothing-here" is running\n');
		expect(result.status).toBe(2);
	});
});

describe('security', () => {
	it('by default the folder is 0700 and the socket 0600; --group gives the socket 0660 and the group', async () => {
		await leader();
		const privateDir = path.join(place.dir, 'lectern');
		expect(fs.statSync(privateDir).mode & 0o777).toBe(0o700);
		expect(fs.statSync(path.join(privateDir, 'hall.sock')).mode & 0o777).toBe(0o600);
		// The user's own primary group: no special set-up needed.
		const groupName = execFileSync('id', ['-gn'], {encoding: 'utf8'}).trim();
		const gid = defined(process.getgid?.(), 'the group id (POSIX)');
		const group = await lectern(['present', deck, '--share', 'class', '--group', groupName]);
		await group.waitFor(at(1));
		const groupDir = path.join(place.dir, `lectern-${defined(process.getuid?.(), 'the user id (POSIX)')}.${groupName}`);
		const socket = fs.statSync(path.join(groupDir, 'class.sock'));
		expect(socket.mode & 0o777).toBe(0o660);
		expect(socket.gid).toBe(gid);
		expect(fs.statSync(groupDir).mode & 0o777).toBe(0o750);
		// Followers find group talks too.
		const f = await follower(80, 24, ['class']);
		await f.waitFor('first point');
	});

	it('a follower that never reads does not hold up the leader or the other followers, and is dropped', async () => {
		// A deck large enough that its one message overflows the socket's buffers.
		fs.writeFileSync(deck, `${deckText}\n---\n\n## Bulk\n\n${'words to fill the buffers '.repeat(40_000)}\n`);
		const lead = await lectern(['present', deck, '--share', 'hall'], 100, 30, {LECTERN_FOLLOWER_STALL_MS: '1000'});
		await lead.waitFor(/(^|\s)1\/4(\s|$)/);
		const stuck = net.createConnection(path.join(place.dir, 'lectern', 'hall.sock'));
		stuck.pause();
		await lead.waitFor(/1 follower/);
		const f = await follower(80, 24);
		await lead.waitFor(/2 followers/);
		lead.press(keys.right);
		await lead.waitFor('step 2/2');
		for (const [key, slide] of [
			[keys.right, 2],
			[keys.right, 3],
			[keys.right, 4],
			[keys.left, 3],
			[keys.left, 2],
		] as const) {
			lead.press(key);
			await lead.waitFor(new RegExp(`(^|\\s)${slide}/4(\\s|$)`));
		}

		await f.waitFor('beta body');
		// The stuck one is dropped once it has not drained for a while; the reader stays.
		await lead.waitFor(/ 1 follower /);
		stuck.destroy();
	});
});

describe("the deck's dialect on followers", () => {
	/** The rows above the status bar (which says other things on each side). */
	const slideRows = (t: PtySession) => t.screen().split('\n').slice(0, -1);

	it('a presenterm deck looks the same on a follower as on the projector: the intro centred, new_lines, jump_to_middle, alignment', async () => {
		const fixture = path.join(repoRoot, 'test/fixtures/dialects/presenterm-layout.md');
		const lead = await lectern(['present', fixture, '--share', 'suitcase'], 100, 30);
		await lead.waitFor(/(^|\s)1\/4(\s|$)/);
		// The projector's view: the slide alone, as the audience sees it.
		lead.press('s');
		await lead.waitFor(screen => !screen.includes('── notes'));
		const f = await lectern(['follow', 'suitcase'], 100, 30);
		const slides = [
			'Packing a suitcase',
			'Part one: the plan',
			'Three empty rows sit above this line.',
			'Everything else stays on the left.',
		];
		for (const [i, text] of slides.entries()) {
			if (i > 0) lead.press(keys.right);
			await lead.waitFor(text);
			await f.waitFor(text);
			await Promise.all([lead.settled(), f.settled()]);
			expect(slideRows(f), `slide ${i + 1}`).toEqual(slideRows(lead));
		}

		// What each slide shows as presenterm draws it, not as plain Markdown would.
		lead.press('g');
		await f.waitFor(screen => /^ {20,}Packing a suitcase/m.test(screen));
		expect(
			f
				.screen()
				.split('\n')
				.findIndex(row => row.includes('Packing a suitcase')),
		).toBeGreaterThan(8);
		lead.press('G');
		await f.waitFor(/^ {30,}Socks fill the gaps on the right\.$/m);
		expect(f.screen()).toMatch(/^ {20,}Fragile things travel in the middle\.$/m);
		expect(f.screen()).not.toContain('<!--');
		expect(f.screen()).not.toContain('speaker_note');
	});

	it.each([
		[
			'lectern',
			'## One\n\nshown one\n\n<!-- notes: SECRET-1\nSECRET-2 -->\n\n---\n\n## Two\n\n::: notes\nSECRET-3\n:::\n\nshown two\n\n???\nSECRET-4\n',
		],
		[
			'presenterm',
			'One\n===\n\n<!-- alignment: center -->\n\nshown one\n\n<!-- speaker_note: SECRET-1 -->\n\n<!-- end_slide -->\n\nTwo\n===\n\n<!-- speaker_note: |\n  SECRET-2\n-->\n\nshown two\n',
		],
		['marp', '---\nmarp: true\n---\n\n# One\n\nshown one\n\n<!-- SECRET-1 -->\n\n---\n\n# Two\n\n<!--\nSECRET-2\n-->\n\nshown two\n'],
		[
			'patat',
			'---\npatat:\n  speakerNotes:\n    file: notes.txt\n---\n\n# One\n\nshown one\n\n<!-- SECRET-1 -->\n\n. . .\n\nshown two\n\n::: notes\nSECRET-2\n:::\n',
		],
		['reveal', '## One\n\nshown one\n\nNote: SECRET-1\nSECRET-2\n\n---\n\n## Two\n\nshown two\n\nnote:\nSECRET-3\n'],
	])('%s notes never reach a follower without --share-notes', async (dialect, text) => {
		fs.writeFileSync(deck, text);
		const lead = await lectern(['present', deck, '--share', 'hall', '--dialect', dialect], 100, 30);
		await lead.waitFor('shown one');
		await lead.waitFor('SECRET-1');
		// Everything a follower is sent, read straight from the talk's socket.
		const sent = await new Promise<string>((resolve, reject) => {
			let bytes = '';
			const socket = net.createConnection(path.join(place.dir, 'lectern', 'hall.sock'));
			socket.setEncoding('utf8');
			socket.on('data', (chunk: string) => {
				bytes += chunk;
				if (bytes.includes('"type":"position"')) {
					socket.destroy();
					resolve(bytes);
				}
			});
			socket.on('error', reject);
		});
		expect(sent).toContain(`"dialect":"${dialect}"`);
		expect(sent).toContain('shown two');
		expect(sent).not.toContain('SECRET');
		const f = await lectern(['follow', 'hall'], 100, 30);
		await f.waitFor('shown one');
		lead.press(keys.right);
		await f.waitFor('shown two');
		f.press('s');
		await f.settled();
		expect(f.screen()).not.toContain('SECRET');
		lead.press('q');
		await lead.exited();
	});
});

describe('hostile talks', () => {
	async function fakeTalk(lines: readonly string[]): Promise<net.Server> {
		const dir = path.join(place.dir, 'lectern');
		fs.mkdirSync(dir, {mode: 0o700, recursive: true});
		const server = net.createServer(socket => {
			socket.on('error', () => {});
			socket.end(`${lines.join('\n')}\n`);
		});
		await new Promise<void>(resolve => server.listen(path.join(dir, 'evil.sock'), resolve));
		return server;
	}

	const v = protocolVersion;
	const hello = JSON.stringify({v, type: 'hello', talk: 'evil', title: 'x', slide: 0, count: 1, followers: 1});
	const evilDeck = JSON.stringify({
		v,
		type: 'deck',
		deck: {
			meta: {title: 'T\u001B]52;c;AAAA\u0007'},
			dialect: 'presenterm',
			intro: false,
			reading: {incrementalLists: false, commentNotes: false},
			slides: ['## Evil \u001B[2J\u001B]0;pwned\u0007 title\n\n<!-- alignment: center -->\n\nbody \u009B31m'],
		},
	});
	const position = JSON.stringify({v, type: 'position', slide: 0, step: 0, blank: false, clock: {elapsed: 0, paused: false}});

	it.each([
		[
			'an unknown version',
			[JSON.stringify({v: 9, type: 'hello'})],
			`lectern: evil: the talk speaks protocol version 9; this lectern speaks version ${v} (update one of them)`,
		],
		['malformed JSON', [`{"v":${v},"type":`], 'lectern: evil: the talk sent a message that is not JSON'],
		[
			'an oversized message',
			[hello, `{"v":${v},"type":"position","x":"${'y'.repeat(10_000)}"}`],
			'lectern: evil: the talk sent a message over the 4 KiB limit',
		],
	])('%s ends the connection with one line, no stack', async (_name, lines, message) => {
		const server = await fakeTalk(lines);
		const t = await underShell(['follow', path.join(place.dir, 'lectern', 'evil.sock')], 140);
		await t.waitFor('exited with 2');
		server.close();
		expect(t.screen()).not.toMatch(/^\s+at /m);
		expect(
			t
				.screen()
				.split('\n')
				.filter(line => line.startsWith('lectern:')),
		).toEqual([message]);
		expect(t.screen()).toContain(message);
	});

	it('escape sequences in a shared deck reach the screen only as visible stand-ins', async () => {
		const server = await fakeTalk([hello, evilDeck, position]);
		const t = await lectern(['follow', path.join(place.dir, 'lectern', 'evil.sock')]);
		await t.waitFor('Evil');
		expect(t.raw()).not.toContain('\u001B]52');
		expect(t.raw()).not.toContain('\u001B]0;pwned');
		expect(t.screen()).toContain('␛');
		server.close();
	});
});

describe('speaker view', () => {
	it('shows the slide, the next slide, the notes and the clock; p pauses; its keys drive the followers', async () => {
		const speaker = await lectern(['speaker', deck, '--share', 'hall'], 120, 30);
		await speaker.waitFor('secret-note');
		// The frame may reach the emulator in several chunks: wait for each part.
		await speaker.waitFor(/next: 1 more step, then 2 · Beta slide/);
		await speaker.waitFor(/elapsed \d+:\d\d +\d+:\d\d left/);
		const f = await follower(80, 24);
		speaker.press(keys.right, keys.right);
		await f.waitFor('beta body');
		await speaker.waitFor(/now: 2\/3/);
		await speaker.waitFor('next: 3 · Gamma slide');
		speaker.press('p');
		await speaker.waitFor('paused');
		speaker.resize(80, 24);
		await speaker.waitFor(/now: 2\/3/);
	});

	it('a follower shows the clock with --clock', async () => {
		await leader();
		const f = await follower(100, 30, ['hall', '--clock']);
		await f.waitFor(/\d\d:\d\d:\d\d/);
	});
});

describe('follow --ssh', () => {
	it('runs lectern relay on the host through the ssh command and follows the talk locally', async () => {
		const log = path.join(place.dir, 'ssh-args');
		const standIn = path.join(place.dir, 'fake-ssh');
		// Stands in for ssh: notes its arguments, then runs the remote command here
		// (`-T HOST lectern relay NAME` → `lectern relay NAME`).
		fs.writeFileSync(standIn, `#!/bin/sh\necho "$@" > "${log}"\nshift 2\nshift\nexec "${process.execPath}" "${lecternBin}" "$@"\n`, {
			mode: 0o755,
		});
		const lead = await leader();
		const f = await lectern(['follow', '--ssh', 'course.example.org', 'hall'], 80, 24, {LECTERN_SSH: standIn});
		await f.waitFor('first point');
		expect(fs.readFileSync(log, 'utf8')).toBe('-T course.example.org lectern relay hall\n');
		await lead.waitFor(/1 follower/);
		lead.press(keys.right, keys.right);
		await f.waitFor('beta body');
		lead.press('q');
		expect((await f.exited()).exitCode).toBe(0);
	});

	it('relay refuses to write to a terminal', async () => {
		await leader();
		const t = await underShell(['relay', 'hall'], 160);
		await t.waitFor('exited with 2');
		expect(t.screen()).toContain("lectern: relay writes a talk's messages for lectern follow --ssh, not for a terminal");
	});
});

describe('pace', () => {
	it("outline --times prints each slide's planned start; check warns when the weights exceed the duration", async () => {
		fs.writeFileSync(
			deck,
			deckText
				.replace('## Beta slide\n', '## Beta slide\n\n<!-- time: 20m -->\n')
				.replace('## Gamma slide\n', '## Gamma slide\n\n<!-- time: 15m -->\n'),
		);
		const outline = await runLectern(['outline', '--times', deck], {env});
		expect(outline.status).toBe(0);
		expect(outline.stdout.split('\n').slice(1)).toEqual([
			'  1   0:00  Alpha slide',
			'  2   0:00  Beta slide',
			'  3  20:00  Gamma slide',
			'',
		]);
		const check = await runLectern(['check', deck], {env});
		expect(check.stdout).toContain(
			'slide 3 "Gamma slide": warning: the slides\' time weights add up to 35 min, more than the 30 min duration',
		);
	});
});
