// Syntax highlighting, loaded only when a slide with a code block is shown (highlight.js's
// grammars are the largest thing Lectern could load). lowlight runs highlight.js 11 and gives
// a tree of scoped text; layout/code.ts turns it into runs and the theme styles the scopes.
import type {Highlighter} from '../layout/theme.js';

let loading: Promise<Highlighter> | undefined;

/** A language name as a fence's info string gives it: a hostile info string never reaches highlight.js. */
const languageName = /^[\w+#.-]{1,32}$/;

export function loadHighlighter(): Promise<Highlighter> {
	loading ??= import('lowlight').then(({all, createLowlight}) => {
		const lowlight = createLowlight(all);
		return {
			supports: (lang: string) => languageName.test(lang) && lowlight.registered(lang),
			highlight: (code: string, lang: string) => lowlight.highlight(lang, code),
		};
	});
	return loading;
}
