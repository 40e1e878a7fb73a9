// Syntax highlighting, loaded only when a slide with a code block is shown (highlight.js's
// grammars are the largest thing Lectern could load). emphasize runs highlight.js 11 through
// lowlight and styles the classes with chalk, at the colour level the terminal was given.
import type {ChalkInstance} from 'chalk';
import type {Highlighter} from '../layout/theme.js';

let loading: Promise<Highlighter> | undefined;

/** A language name as a fence's info string gives it: a hostile info string never reaches highlight.js. */
const languageName = /^[\w+#.-]{1,32}$/;

export function loadHighlighter(level: 1 | 2 | 3): Promise<Highlighter> {
	loading ??= Promise.all([import('emphasize'), import('chalk')]).then(([{all, createEmphasize}, {Chalk}]) => {
		const emphasize = createEmphasize(all);
		const sheet = codeSheet(new Chalk({level}));
		return {
			supports: (lang: string) => languageName.test(lang) && emphasize.registered(lang),
			highlight: (code: string, lang: string) => emphasize.highlight(lang, code, sheet).value,
		};
	});
	return loading;
}

/** highlight.js classes (without `hljs-`) → styles: the palette cli-highlight used, so slides look as before. */
function codeSheet(chalk: ChalkInstance): Record<string, (text: string) => string> {
	return {
		keyword: chalk.blue,
		built_in: chalk.cyan,
		type: chalk.cyan.dim,
		literal: chalk.blue,
		number: chalk.green,
		regexp: chalk.red,
		string: chalk.red,
		class: chalk.blue,
		function: chalk.yellow,
		comment: chalk.green,
		doctag: chalk.green,
		meta: chalk.gray,
		tag: chalk.gray,
		name: chalk.blue,
		attr: chalk.cyan,
		emphasis: chalk.italic,
		strong: chalk.bold,
		link: chalk.underline,
		addition: chalk.green,
		deletion: chalk.red,
	};
}
