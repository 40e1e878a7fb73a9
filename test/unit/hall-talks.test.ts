// `lectern talks` (and follow's lookup) ask each socket for its hello line. The leader sends
// the deck right after it, often in the same chunk: the hello must still be read.
import {mkdtempSync, rmSync} from 'node:fs';
import {createServer} from 'node:net';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, expect, test} from 'vitest';
import {askTalk} from '../../src/cli/commands/talks.js';
import {protocolVersion} from '../../src/hall/protocol.js';

const dirs: string[] = [];
afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, {recursive: true, force: true});
});

async function serve(payload: string): Promise<{socket: string; close: () => void}> {
	const dir = mkdtempSync(path.join(tmpdir(), 'lectern-talks-'));
	dirs.push(dir);
	const socket = path.join(dir, 'talk.sock');
	const server = createServer(connection => {
		connection.end(payload);
	});
	await new Promise<void>(resolve => server.listen(socket, resolve));
	return {socket, close: () => server.close()};
}

const hello = JSON.stringify({v: protocolVersion, type: 'hello', talk: 'guide', title: 'Guide', slide: 2, count: 27, followers: 1});

test('the hello is read when the long deck line arrives in the same chunk', async () => {
	const deck = JSON.stringify({v: protocolVersion, type: 'deck', text: 'x'.repeat(20_000)});
	const server = await serve(`${hello}\n${deck}\n`);
	const info = await askTalk(server.socket);
	server.close();
	expect(info).toMatchObject({type: 'hello', talk: 'guide', slide: 2, count: 27});
});

test('a socket that sends only an over-long line is no talk', async () => {
	const server = await serve(`${'x'.repeat(20_000)}\n`);
	expect(await askTalk(server.socket)).toBeUndefined();
	server.close();
});
