// Syntax highlighting, loaded only when a slide with a code block is shown (highlight.js is
// the largest thing Lectern could load). Its console warnings are swallowed.
import type {Highlighter} from '../layout/theme.js';

let loading: Promise<Highlighter> | undefined;

export function loadHighlighter(): Promise<Highlighter> {
	loading ??= import('cli-highlight').then(imported => {
		// CommonJS: bundled, its exports may sit on `default`.
		const module = (imported as {default?: typeof imported}).default ?? imported;
		const {highlight, supportsLanguage} = module;
		return {
			supports: (lang: string) => /^[\w+#.-]{1,32}$/.test(lang) && supportsLanguage(lang),
			highlight(code: string, lang: string) {
				const {warn, error, log} = console;
				console.warn = console.error = console.log = () => {};
				try {
					return highlight(code, {language: lang, ignoreIllegals: true});
				} finally {
					Object.assign(console, {warn, error, log});
				}
			},
		};
	});
	return loading;
}
