// Code and diagram blocks: verbatim lines, never wrapped. Highlighting comes from the
// injected highlighter and only for a language it knows, so a hostile info string never
// reaches it and its warnings never reach the terminal.
import {sanitize} from '../deck/sanitize.js';
import {blankLine, line, run} from './lines.js';
import type {Line, Run} from './runs.js';
import type {HighlightNode, Highlighter, Theme} from './theme.js';

/**
 * A code block's lines as runs. With a highlighter that knows `lang`, each piece carries role
 * `syntax` and its highlight.js scope chain (outermost first, `meta string`; a sub-scope as
 * `title.function`) and text outside any scope no role; without one, each line is one `code`
 * run. The code was sanitised with the deck, and highlighting only splits it into pieces.
 */
export function codeLines(code: string, lang: string, highlighter?: Highlighter): Line[] {
	if (highlighter && lang !== '' && highlighter.supports(lang)) {
		try {
			return treeLines(highlighter.highlight(code, lang));
		} catch {
			// Fall through to plain code.
		}
	}

	return sanitize(code)
		.split('\n')
		.map(text => (text === '' ? blankLine : line([run(text, ['code'])])));
}

/** A highlight tree's text, split into lines, each text node a run with its scope chain. */
function treeLines(tree: HighlightNode): Line[] {
	const lines: Line[] = [];
	let current: Run[] = [];
	const add = (text: string, scope: string) => {
		const parts = text.split('\n');
		parts.forEach((part, i) => {
			if (i > 0) {
				lines.push(line(current));
				current = [];
			}

			if (part !== '') current.push(scope === '' ? run(part) : run(part, ['syntax'], {scope}));
		});
	};

	const visit = (node: HighlightNode, scope: string) => {
		if (typeof node.value === 'string') {
			if (node.type === 'text') add(node.value, scope);
			return;
		}

		const name = scopeName(node.properties?.className);
		const inner = name === '' ? scope : scope === '' ? name : `${scope} ${name}`;
		for (const child of node.children ?? []) visit(child, inner);
	};

	visit(tree, '');
	lines.push(line(current));
	return lines;
}

/** `['hljs-title', 'function_']` → `title.function`. */
function scopeName(className: unknown): string {
	if (!Array.isArray(className) || className.length === 0) return '';
	const [first, ...rest] = className.map(name =>
		String(name)
			.replace(/^hljs-/, '')
			.replace(/_+$/, ''),
	);
	return [first, ...rest].join('.');
}

/** Box drawing and arrows → ASCII in a string (see ascii.ts). */
export {asciiText as asciiLine} from './ascii.js';

/** A code block as the terminal shows it: highlighted only where colour is on. */
export function themedCodeLines(code: string, lang: string, theme: Theme): Line[] {
	return codeLines(code, lang, theme.level > 0 ? theme.highlighter : undefined);
}
