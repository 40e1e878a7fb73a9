// Syntax highlighting, loaded only when a slide with a code block is shown (highlight.js's
// grammars are the largest thing Lectern could load). lowlight runs highlight.js 11 and gives
// a tree of scoped text; layout/code.ts turns it into runs and the theme styles the scopes.
import type * as Lowlight from 'lowlight';
import type {Highlighter} from '../layout/theme.js';
import {nextTurn, runInSlices, workSliceMs} from '../slices.js';

let loading: Promise<Highlighter> | undefined;

/** A language name as a fence's info string gives it: a hostile info string never reaches highlight.js. */
const languageName = /^[\w+#.-]{1,32}$/;

type Grammar = (typeof Lowlight.all)[string];
type Hljs = Parameters<Grammar>[0];
type Language = ReturnType<Grammar>;

/**
 * The highlighter, loaded a turn of the event loop after it is asked for (the presenter asks
 * right after Ink's first render, in the same stretch) and its grammars registered in slices of
 * `workSliceMs` (see registerSteps): loading lowlight and registering all ~190 grammars at once
 * held the presenter 130-220 ms on a deck with code (bench/stalls.mjs, realistic-6mb). In a run
 * from the start-up snapshot its 1 MB file is compiled in one turn and run in the next (one
 * stretch of ~17 ms CPU idle, 45-53 ms loaded, 13 of the 17 compiling), and the first slice
 * waits a turn after that.
 */
export function loadHighlighter(): Promise<Highlighter> {
	loading ??= nextTurn()
		.then(async () => {
			// Imported here: imported statically, the start-up snapshot would evaluate it (38 KB more blob).
			(await import('../../scripts/snapshot/dist-require.mjs')).distPrepare('lowlight');
			await nextTurn();
			return import('lowlight');
		})
		.then(async lowlight => {
			await nextTurn();
			return highlighterFrom(lowlight);
		});
	return loading;
}

/**
 * A highlighter from lowlight's grammars, registered in slices. A grammar that throws when it
 * is registered, gives no language, or makes registering throw is left out: its code blocks
 * stay unhighlighted (layout/code.ts), the others are highlighted, and nothing is printed
 * (highlight.js itself would log the error and its stack on stderr, over the presenter's
 * screen). Registering runs in later turns of the event loop, where a throw would be an
 * uncaught exception that ends the presenter (the old code, all at once, gave a rejection).
 */
export async function highlighterFrom({all, createLowlight}: Pick<typeof Lowlight, 'all' | 'createLowlight'>): Promise<Highlighter> {
	const lowlight = createLowlight();
	const failed = new Set<string>();
	const guarded =
		(name: string, grammar: Grammar): Grammar =>
		(hljs: Hljs): Language => {
			try {
				const language = grammar(hljs);
				if (typeof language === 'object' && language !== null) return language;
			} catch {
				// Left out below.
			}

			failed.add(name);
			return {name, contains: []};
		};
	return new Promise<Highlighter>(resolve => {
		runInSlices(
			registerSteps(all, (name, grammar) => {
				try {
					lowlight.register(name, guarded(name, grammar));
				} catch {
					// lowlight's or highlight.js's own code threw (it registers aliases, names the language).
					failed.add(name);
				}
			}),
			workSliceMs,
			() => {
				resolve({
					supports: (lang: string) => languageName.test(lang) && !failed.has(lang) && lowlight.registered(lang),
					highlight: (code: string, lang: string) => lowlight.highlight(lang, code),
				});
			},
		);
	});
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
