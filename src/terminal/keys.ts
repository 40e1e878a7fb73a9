// Keys from a raw terminal without Ink, for the follower (a read-only view that need not load
// React): Node's own keypress decoder (node:readline) splits the bytes into keys, escape
// sequences included, and each becomes one of nav/keys.ts's key names, as ui/key-name.ts
// names Ink's key records for the presenter.
import {emitKeypressEvents} from 'node:readline';
import {PassThrough} from 'node:stream';
import type {KeyName} from '../nav/keys.js';

/** What node:readline reports for a key. */
export type Keypress = Readonly<{name?: string; ctrl?: boolean; meta?: boolean; shift?: boolean; sequence?: string}>;

const namedKeys: Readonly<Record<string, KeyName>> = {
	up: 'up',
	down: 'down',
	left: 'left',
	right: 'right',
	pageup: 'pageup',
	pagedown: 'pagedown',
	home: 'home',
	end: 'end',
	return: 'enter',
	enter: 'enter',
	escape: 'escape',
	tab: 'tab',
	// Terminals send DEL (0x7f) for Backspace; the presenter takes Delete as Backspace too.
	backspace: 'backspace',
	delete: 'backspace',
	space: 'space',
};

/** The key's name, `ctrl+z` for the suspend key, or undefined for a key Lectern has no use for. */
export function keypressName(text: string | undefined, key: Keypress | undefined): KeyName | 'ctrl+z' | undefined {
	if (key?.ctrl && key.name === 'c') return 'ctrl+c';
	if (key?.ctrl && key.name === 'z') return 'ctrl+z';
	const named = key?.name === undefined ? undefined : namedKeys[key.name];
	if (named) return named;
	if (key?.ctrl || key?.meta) return undefined;
	// One printable character (readline hands escape sequences over without text).
	return text !== undefined && [...text].length === 1 && text >= ' ' && text !== '\u007F' ? text : undefined;
}

/**
 * Esc keys that came in one read with what follows them: `ESC ESC` (Esc pressed twice quickly,
 * or two presses batched by a slow link) or `ESC` and one character (Esc, then `q`). Both
 * decoders, node:readline's and Ink's, take such a read as one key, Meta+Esc or Meta+q; Lectern
 * binds no Meta key, so it is the keys that were pressed: each Esc, then the character. Undefined
 * for anything else (a terminal's escape sequences, `ESC [` and `ESC O`, are left to the decoder).
 */
export function escapeBurst(raw: string): KeyName[] | undefined {
	let escapes = 0;
	while (raw.charCodeAt(escapes) === 0x1b) escapes++;
	const after = raw.slice(escapes);
	const afterKey = after === '' || ([...after].length === 1 && after >= ' ' && after !== '\u007F' && after !== '[' && after !== 'O');
	if (escapes === 0 || !afterKey || escapes + (after === '' ? 0 : 1) < 2) {
		return undefined;
	}

	const names: KeyName[] = Array.from({length: escapes}, () => 'escape');
	return after === '' ? names : [...names, after === ' ' ? 'space' : after];
}

/** A decoder of raw reads into keys: call it with each read, in order. */
function keyDecoder(onKey: (name: KeyName) => void, onSuspend: () => void): (chunk: Buffer | string) => void {
	// node:readline waits half a second after an Esc for the rest of a sequence; a terminal
	// sends a sequence in one write, so an Esc that comes alone is the Esc key, at once (as Ink
	// takes it). Everything else goes through the decoder, made on the first key that needs it:
	// the presenter watches the keyboard from before its first frame, which need not wait for
	// node:readline's decoder and a stream (their code compiled, ~1 ms of a first frame's CPU).
	let decoder: PassThrough | undefined;
	const makeDecoder = () => {
		const made = new PassThrough();
		emitKeypressEvents(made);
		made.on('keypress', (text: string | undefined, key: Keypress | undefined) => {
			const name = keypressName(text, key);
			if (name === 'ctrl+z') {
				onSuspend();
			} else if (name !== undefined) {
				onKey(name);
			}
		});
		return made;
	};

	return chunk => {
		const burst = chunk[0] === '\u001B' || chunk[0] === 0x1b ? escapeBurst(chunk.toString()) : undefined;
		if (chunk.length === 1 && (chunk === '\u001B' || (typeof chunk !== 'string' && chunk[0] === 0x1b))) {
			onKey('escape');
		} else if (burst) {
			for (const name of burst) onKey(name);
		} else {
			decoder ??= makeDecoder();
			decoder.write(chunk);
		}
	};
}

/** Read keys from `stdin` (already in raw mode); returns a function that stops reading. */
export function listenKeys(stdin: NodeJS.ReadStream, onKey: (name: KeyName) => void, onSuspend: () => void): () => void {
	const onData = keyDecoder(onKey, onSuspend);
	stdin.on('data', onData);
	stdin.resume();
	return () => {
		stdin.off('data', onData);
		stdin.pause();
	};
}

/**
 * While the presenter starts (before Ink reads the keyboard: a large deck being read, the study
 * state, Ink itself loading), each key is told to `onKey` (the presenter quits on those the App
 * would quit on) and Ctrl-Z suspends; the keys are kept and handed back to the stream when the
 * returned function is called, for Ink to read as if they had just come. Read the way Ink reads
 * (`readable` and `read()`): a stream paused after flowing would not start reading again for
 * Ink's `readable` listener.
 *
 * `take` may answer a read itself (the search bar, see nav/early-keys.ts): a read it takes is
 * neither kept nor decoded (a `q` typed into the search bar is a letter). It is asked in order
 * until it first declines, and never after a read was kept, so Ink reads what is left in order.
 */
export function watchForQuit(
	stdin: NodeJS.ReadStream,
	onKey: (name: KeyName) => void,
	onSuspend: () => void,
	take?: (bytes: Buffer) => boolean,
): () => void {
	const kept: Buffer[] = [];
	let taking = take !== undefined;
	const decode = keyDecoder(onKey, onSuspend);
	const onReadable = () => {
		for (let chunk: unknown = stdin.read(); chunk !== null; chunk = stdin.read()) {
			const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
			taking &&= take?.(bytes) === true;
			if (taking) continue;
			// A key acted on here (suspend) must not act again once Ink reads the rest.
			if (!bytes.includes(0x1a)) kept.push(bytes);
			decode(bytes);
		}
	};

	stdin.on('readable', onReadable);
	return () => {
		stdin.off('readable', onReadable);
		if (kept.length > 0) stdin.unshift(Buffer.concat(kept));
	};
}
