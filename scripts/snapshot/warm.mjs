// Opens and draws a small deck's slides once while the snapshot is built, off any terminal, so
// that the code the first frame runs is compiled already (the snapshot keeps the bytecode,
// see regexps.mjs for the one exception): a run then starts with it ready instead of
// compiling it lazily. The sample holds what the bundled lecture's first slide has (front
// matter, notes, a time directive) and the usual Markdown blocks.
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

export function warmUp() {
	const deck = openDeck(sample, 'warm-up.md');
	for (const env of [{TERM: 'xterm-256color', COLORTERM: 'truecolor'}, {TERM: 'xterm'}]) {
		const theme = streamTheme({isTTY: true}, env, false);
		for (const size of [
			{width: 100, height: 30},
			{width: 80, height: 24},
		]) {
			for (let slide = 0; slide < deck.count; slide++) {
				const state = initialState({slide, notesVisible: slide === 1});
				const rows = composeRows(buildRegions({deck, state, size, theme, elapsedSeconds: 0, badges: []}));
				new FrameWriter(() => {}).draw(rows);
			}
		}
	}
}
