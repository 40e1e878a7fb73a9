// Opens and draws a small deck's slides once while the snapshot is built, off any terminal, so
// that the code the first frame runs is compiled already (the snapshot keeps the bytecode,
// see regexps.mjs for the one exception): a run then starts with it ready instead of
// compiling it lazily. The sample holds what the bundled lecture's first slide has (front
// matter, notes, a time directive) and the usual Markdown blocks.
import {existsSync} from 'node:fs';
import {Socket} from 'node:net';
import {Duplex} from 'node:stream';
import path from 'node:path';
import {runPresent} from '../../src/cli/commands/present.tsx';
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
 * The JavaScript of the streams that stdin and stdout are (their handles are made at run time),
 * compiled after regexps.mjs's reset: finding the regular expressions collects garbage over and
 * over, and V8 drops the bytecode of functions that have not run for a few collections. Nothing
 * here runs a regular expression (whose machine code the snapshot cannot hold) or keeps a handle.
 * (Node's fs and Buffer functions the deck's reading uses are compiled again at run time even when
 * run here: what they get from Node's own code cache is not kept in the snapshot.)
 */
export function warmNodeInternals() {
	const stream = new Duplex({read() {}, write: (_chunk, _encoding, done) => done()});
	const listener = () => {};
	stream.on('readable', listener);
	stream.off('readable', listener);
	stream.write('x');
	stream.destroy();
	new Socket().destroy();
}

/**
 * The presenter's own function (runPresent: 5 KB of source, its closures inside) compiled, after
 * regexps.mjs's reset like the above: the warm-up draws through the layout but never calls it
 * (it needs a terminal), so every run parsed and compiled it before the first frame (~1.5 M of
 * 156 M instructions to the first frame, callgrind, 10-slide bench deck). With TERM=dumb it
 * throws at its first statement: no deck read, no regular expression run.
 */
export function warmPresenterEntry() {
	const term = process.env.TERM;
	process.env.TERM = 'dumb';
	try {
		runPresent({notes: false, watch: false, ascii: false, maxSize: 1, view: 'present'}).catch(() => {});
	} finally {
		if (term === undefined) delete process.env.TERM;
		else process.env.TERM = term;
	}
}
