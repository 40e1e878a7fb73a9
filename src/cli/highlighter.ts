// Syntax highlighting, loaded only when a slide with a code block is shown (highlight.js is
// the largest thing Lectern could load). Its console warnings are swallowed.
import type {Highlighter} from '../layout/theme.js';

let loading: Promise<Highlighter> | undefined;

export function loadHighlighter(): Promise<Highlighter> {
	loading ??= import('cli-highlight').then(imported => {
		// CommonJS with `__esModule`: depending on the loader, the named exports are on the
		// namespace or on `default` (and `default` may be its default export, `highlight`).
		const fallback = (imported as unknown as {default?: typeof imported}).default;
		const module = (typeof imported.supportsLanguage === 'function' ? imported : fallback ?? imported) as typeof imported;
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
