// The search bar's keys answered before Ink reads the keyboard (nav/early-keys.ts), and the key
// watcher that asks for them (terminal/keys.ts's watchForQuit).
import {PassThrough} from 'node:stream';
import {describe, expect, it} from 'vitest';
import {earlySearchKey, keysAhead} from '../../src/nav/early-keys.js';
import {initialState, type NavContext, type NavState} from '../../src/nav/reducer.js';
import {watchForQuit} from '../../src/terminal/keys.js';

const ctx: NavContext = {count: 20, steps: () => 1};
const bytes = (text: string) => Buffer.from(text, 'latin1');

/** The state after each read in turn; undefined once a read is not taken. */
function reads(...chunks: string[]): NavState | undefined {
	let state: NavState | undefined = initialState({slide: 3});
	for (const chunk of chunks) state = state && earlySearchKey(bytes(chunk), state, ctx);
	return state;
}

describe('earlySearchKey', () => {
	it('opens the search bar on / and types into it, one key a read or several in one', () => {
		expect(reads('/')?.overlay).toBe('search');
		expect(reads('/', 'v', 'i', 'r')?.search.query).toBe('vir');
		expect(reads('/vir')?.search.query).toBe('vir');
		expect(reads('/', 'a b')?.search.query).toBe('a b');
	});

	it('takes q as a letter once the bar is open, and Backspace and Delete as Backspace', () => {
		expect(reads('/', 'q')?.search.query).toBe('q');
		expect(reads('/', 'ab', '\u007f')?.search.query).toBe('a');
		expect(reads('/', 'ab', '\b')?.search.query).toBe('a');
	});

	it('closes the bar on a lone Esc, back where the search began', () => {
		const closed = reads('/', 'x', '\u001b');
		expect(closed?.overlay).toBe('none');
		expect(closed?.slide).toBe(3);
	});

	it('leaves everything else to Ink, the whole read', () => {
		expect(reads('l')).toBeUndefined();
		expect(reads('q')).toBeUndefined();
		expect(reads('\u001b')).toBeUndefined();
		expect(reads('/', '\r')).toBeUndefined();
		expect(reads('/', '\u001b[A')).toBeUndefined();
		expect(reads('/', 'ab\u001b')).toBeUndefined();
		expect(reads('/l\r')).toBeUndefined();
		expect(earlySearchKey(Buffer.from('/é'), initialState(), ctx)).toBeUndefined();
		expect(earlySearchKey(Buffer.alloc(0), initialState(), ctx)).toBeUndefined();
	});
});

describe('keysAhead', () => {
	/** Which of `keys`, followed from slide 4, quit. */
	const quitting = (...keys: string[]) => {
		const quits = keysAhead(
			() => initialState({slide: 3}),
			() => ctx,
		);
		return keys.filter(key => quits(key));
	};

	it('quits on q and Ctrl-C on a slide', () => {
		expect(quitting('l', 'q')).toEqual(['q']);
		expect(quitting('ctrl+c')).toEqual(['ctrl+c']);
	});

	it('takes q as the App will: a letter of a query, closing the overview, quitting from the help', () => {
		expect(quitting('/', 'q', 'u', 'i', 'z', 'enter')).toEqual([]);
		expect(quitting('/', 'q', 'enter', 'q')).toEqual(['q']);
		expect(quitting('o', 'q', 'q')).toEqual(['q']);
		expect(quitting('?', 'q')).toEqual(['q']);
		expect(quitting('/', 'q', 'ctrl+c')).toEqual(['ctrl+c']);
	});

	it('starts from the state the early keys made, asked when the first key comes', () => {
		let state = initialState({slide: 3});
		const quits = keysAhead(
			() => state,
			() => ctx,
		);
		state = reads('/', 'ab') ?? state;
		expect(quits('q')).toBe(false);
		expect(quits('escape')).toBe(false);
		expect(quits('q')).toBe(true);
	});
});

/** A stand-in for a raw terminal's stdin, read the way watchForQuit reads it. */
function fakeStdin(): PassThrough & NodeJS.ReadStream {
	return new PassThrough() as PassThrough & NodeJS.ReadStream;
}

const readable = () => new Promise(resolve => setImmediate(resolve));

describe('watchForQuit with a key taker', () => {
	it('takes reads until the first it declines, then keeps that one and every later one for Ink', async () => {
		const stdin = fakeStdin();
		const taken: string[] = [];
		const told: string[] = [];
		const release = watchForQuit(
			stdin,
			key => told.push(key),
			() => {},
			chunk => {
				const text = chunk.toString();
				if (text === 'l') return false;
				taken.push(text);
				return true;
			},
		);
		for (const key of ['/', 'q', 'l', 'x', 'q']) {
			stdin.write(key);
			await readable();
		}

		release();
		expect(taken).toEqual(['/', 'q']);
		// The keys taken are not told (the q is a letter); those after the declined read are.
		expect(told).toEqual(['l', 'x', 'q']);
		expect(stdin.read()?.toString()).toBe('lxq');
	});

	it('keeps every read when there is no taker, as before', async () => {
		const stdin = fakeStdin();
		const release = watchForQuit(
			stdin,
			() => {},
			() => {},
		);
		stdin.write('/');
		await readable();
		stdin.write('v');
		await readable();
		release();
		expect(stdin.read()?.toString()).toBe('/v');
	});
});
