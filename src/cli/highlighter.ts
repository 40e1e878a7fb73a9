// Syntax highlighting, loaded only when a slide with a code block is shown (highlight.js's
// grammars are the largest thing Lectern could load). lowlight runs highlight.js 11 and gives
// a tree of scoped text; layout/code.ts turns it into runs and the theme styles the scopes.
import type {Highlighter} from '../layout/theme.js';
import {nextTurn, runInSlices, workSliceMs} from '../slices.js';

let loading: Promise<Highlighter> | undefined;

/** A language name as a fence's info string gives it: a hostile info string never reaches highlight.js. */
const languageName = /^[\w+#.-]{1,32}$/;

/**
 * The highlighter, loaded a turn of the event loop after it is asked for (the presenter asks
 * right after Ink's first render, in the same stretch) and its grammars registered in slices of
 * `workSliceMs` (see registerSteps): loading lowlight and registering all ~190 grammars at once
 * held the presenter 130-220 ms on a deck with code (bench/stalls.mjs, realistic-6mb).
 */
export function loadHighlighter(): Promise<Highlighter> {
	loading ??= nextTurn()
		.then(async () => import('lowlight'))
		.then(
			async ({all, createLowlight}) =>
				new Promise<Highlighter>(resolve => {
					const lowlight = createLowlight();
					runInSlices(
						registerSteps(all, (name, grammar) => lowlight.register(name, grammar)),
						workSliceMs,
						() => {
							resolve({
								supports: (lang: string) => languageName.test(lang) && lowlight.registered(lang),
								highlight: (code: string, lang: string) => lowlight.highlight(lang, code),
							});
						},
					);
				}),
		);
	return loading;
}

/** Registers `grammars` one a step: a grammar's definition runs when it is registered (0.1-1 ms each, --no-opt). */
export function* registerSteps<G>(
	grammars: Readonly<Record<string, G>>,
	register: (name: string, grammar: G) => void,
): Generator<void, void> {
	for (const [name, grammar] of Object.entries(grammars)) {
		register(name, grammar);
		yield;
	}
}
