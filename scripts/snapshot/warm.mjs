// Opens and draws a small deck's slides once while the snapshot is built, off any terminal, so
// that the code the first frame runs is compiled already (the snapshot keeps the bytecode,
// see regexps.mjs for the one exception): a run then starts with it ready instead of
// compiling it lazily. The sample holds what the bundled lecture's first slide has (front
// matter, notes, a time directive) and the usual Markdown blocks.
import {isUtf8} from 'node:buffer';
import {closeSync, constants, existsSync, fstatSync, openSync, readSync} from 'node:fs';
import {Socket} from 'node:net';
import {Duplex} from 'node:stream';
import path from 'node:path';
import {loadDeckStart} from '../../src/cli/load.ts';
import {openDeck} from '../../src/deck/deck.ts';
import {buildRegions, composeRows} from '../../src/layout/screen.ts';
import {streamTheme} from '../../src/cli/terminal-env.ts';
import {initialState} from '../../src/nav/reducer.ts';
import {FrameWriter} from '../../src/terminal/frame-writer.ts';

const sample = `---
title: Warming up
author: Lectern
duration: 10
---

## Warming up

<!-- time: 1m -->

A paragraph with **bold**, _emphasis_, \`code\` and a [link](https://example.org),
wrapped over two lines.

- a list
  - nested item
1. numbered

<!-- notes:
A note for the speaker.
-->

---

## Second slide

| a | b |
|---|---|
| 1 | 2 |

> a quote

\`\`\`
plain code
\`\`\`
`;

function draw(deck, slides) {
	for (const env of [{TERM: 'xterm-256color', COLORTERM: 'truecolor'}, {TERM: 'xterm'}]) {
		const theme = streamTheme({isTTY: true}, env, false);
		for (const size of [
			{width: 100, height: 30},
			{width: 80, height: 24},
		]) {
			for (let slide = 0; slide < Math.min(slides, deck.count); slide++) {
				const state = initialState({slide, notesVisible: slide === 1});
				const rows = composeRows(buildRegions({deck, state, size, theme, elapsedSeconds: 0, badges: []}));
				new FrameWriter(() => {}).draw(rows);
			}
		}
	}
}

export function warmUp() {
	draw(openDeck(sample, 'warm-up.md'), Number.POSITIVE_INFINITY);
	// The bundled lecture as `npx lectern` opens it (make.mjs runs in the package's folder):
	// reading and decoding the file and its dialect's rules too.
	const lecture = path.resolve('decks', 'virtualization.md');
	if (existsSync(lecture)) {
		draw(loadDeckStart(lecture).deck, 3);
	}
}

/**
 * Node's own code that every first frame runs (reading the deck's start, the keyboard's and the
 * terminal's streams), compiled once more after regexps.mjs's reset: finding the regular
 * expressions collects garbage over and over, and V8 drops the bytecode of functions that have
 * not run for a few collections (the warm-up's reads among them). Nothing here runs a regular
 * expression (whose machine code the snapshot cannot hold) or keeps a handle.
 */
export function warmNodeInternals() {
	const lecture = path.resolve('decks', 'virtualization.md');
	if (existsSync(lecture)) {
		const fd = openSync(lecture, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
		try {
			fstatSync(fd);
			const bytes = Buffer.allocUnsafe(4096);
			const read = readSync(fd, bytes, 0, bytes.length, null);
			const text = bytes.subarray(0, read);
			if (text.indexOf(0) === -1 && isUtf8(text)) {
				text.subarray(0, text.lastIndexOf(0x0a) + 1).toString('utf8');
			}
		} finally {
			closeSync(fd);
		}
	}

	// The stdin and stdout streams' JavaScript (their handles are made at run time).
	const stream = new Duplex({read() {}, write: (_chunk, _encoding, done) => done()});
	const listener = () => {};
	stream.on('readable', listener);
	stream.off('readable', listener);
	stream.write('x');
	stream.destroy();
	new Socket().destroy();
}
