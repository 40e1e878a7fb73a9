// The HTML writer's block half: the deck's elements (deck/elements.ts) → HTML. Inline content
// and code go through the layout's runs (inlineRuns, codeLines), the same runs the terminal
// draws, and are written by html-runs.ts; nothing here parses Markdown or escape sequences.
// Every string from the deck is escaped where it is written.
import type {Alignment, Element, Inline, ListItem} from '../deck/elements.js';
import {maxNewLines} from '../deck/dialects/rules.js';
import type {Quiz} from '../deck/quiz.js';
import {codeLines} from '../layout/code.js';
import {inlineRuns} from '../layout/inline.js';
import type {Highlighter} from '../layout/theme.js';
import type {HandoutBlock} from './handout.js';
import {escapeHtml, linesHtml} from './html-runs.js';

export type ElementContext = Readonly<{
	/** Highlights code blocks in the languages it knows; without one, code is plain. */
	highlighter?: Highlighter;
}>;

const alertLabels: Readonly<Record<string, string>> = {
	note: 'Note',
	tip: 'Tip',
	important: 'Important',
	warning: 'Warning',
	caution: 'Caution',
};

/** Inline content as HTML; a hard break is a `<br>`. */
export function inlineHtml(inlines: readonly Inline[]): string {
	return linesHtml(inlineRuns(inlines), '<br>');
}

export function elementsHtml(elements: readonly Element[], context: ElementContext): string {
	return elements.map(element => elementHtml(element, context)).join('\n');
}

/**
 * A slide's blocks as the terminal layout places them: presenterm's `alignment` (and mdp's
 * centring) centres or sets right prose line by line, and a list, quote, code or table as one
 * block by its widest line (page-style.ts `.placed`); `new_lines` adds that many blank lines
 * above the block (at most maxNewLines, as in the terminal).
 */
export function placedBlocksHtml(blocks: readonly HandoutBlock[], context: ElementContext): string {
	return blocks
		.map(block => {
			const html = elementHtml(block.element, context);
			const aligned = block.align ? `<div class="placed ${block.align}">\n${html}\n</div>` : html;
			const rows = Math.min(Math.max(0, Math.trunc(block.space ?? 0)), maxNewLines);
			return rows > 0 ? `<div class="new-lines" aria-hidden="true">${'<br>'.repeat(rows)}</div>\n${aligned}` : aligned;
		})
		.join('\n');
}

export function elementHtml(element: Element, context: ElementContext): string {
	switch (element.kind) {
		case 'heading': {
			// The page's own title is the h1: a deck's `#` is an h2, and so on.
			const level = Math.min(6, element.depth + 1);
			return `<h${level}>${inlineHtml(element.inlines)}</h${level}>`;
		}

		case 'paragraph': {
			return `<p>${inlineHtml(element.inlines)}</p>`;
		}

		case 'list': {
			const tag = element.ordered ? 'ol' : 'ul';
			const start = element.ordered && element.start !== 1 ? ` start="${Math.trunc(element.start)}"` : '';
			const items = element.items.map(item => `<li>${listItemHtml(item, element.loose, context)}</li>`).join('\n');
			return `<${tag}${start}>\n${items}\n</${tag}>`;
		}

		case 'table': {
			const cell = (tag: 'th' | 'td', inlines: readonly Inline[], index: number) =>
				`<${tag}${alignClass(element.align[index])}>${inlineHtml(inlines)}</${tag}>`;
			const head = `<tr>${element.header.map((inlines, i) => cell('th', inlines, i)).join('')}</tr>`;
			const rows = element.rows.map(row => `<tr>${row.map((inlines, i) => cell('td', inlines, i)).join('')}</tr>`).join('\n');
			const thead = element.header.length > 0 ? `<thead>${head}</thead>\n` : '';
			return `<div class="table"><table>\n${thead}<tbody>\n${rows}\n</tbody>\n</table></div>`;
		}

		case 'code': {
			const lines = codeLines(element.text.replace(/\n$/, ''), element.lang, context.highlighter);
			const lang = /^[\w+#.-]{1,32}$/.test(element.lang) ? ` data-lang="${escapeHtml(element.lang)}"` : '';
			return `<pre class="code"${lang}><code>${linesHtml(lines, '\n')}</code></pre>`;
		}

		case 'diagram': {
			// One element per line, so each line's drawn width can be measured (test/browser).
			const lines = element.lines.map(line => `<span class="line">${escapeHtml(line)}</span>`).join('\n');
			return `<pre class="diagram">${lines}</pre>`;
		}

		case 'quote': {
			return `<blockquote>\n${elementsHtml(element.children, context)}\n</blockquote>`;
		}

		case 'alert': {
			const label = alertLabels[element.alert] ?? 'Note';
			return `<div class="alert alert-${element.alert}">\n<p class="alert-label">${label}</p>\n${elementsHtml(element.children, context)}\n</div>`;
		}

		case 'rule': {
			return '<hr>';
		}

		case 'html': {
			return `<pre class="raw-html">${escapeHtml(element.text.replace(/\n$/, ''))}</pre>`;
		}

		case 'quiz': {
			return quizHtml(element.quiz);
		}
	}
}

function alignClass(align: Alignment): string {
	return align === undefined ? '' : ` class="al-${align}"`;
}

/** A tight item's one paragraph is its text; a task item shows its box as the terminal does. */
function listItemHtml(item: ListItem, loose: boolean, context: ElementContext): string {
	const box = item.checked === undefined ? '' : `<span class="task">${item.checked ? '[x]' : '[ ]'}</span> `;
	const [first, ...rest] = item.children;
	if (!loose && first?.kind === 'paragraph') {
		const more = rest.length === 0 ? '' : `\n${elementsHtml(rest, context)}`;
		return box + inlineHtml(first.inlines) + more;
	}

	return box + elementsHtml(item.children, context);
}

/**
 * A self-check question as a reader meets it: the question and its choices, then the answer
 * folded in a `<details>`, so a reader can try first (a printed handout opens them all).
 */
function quizHtml(quiz: Quiz): string {
	const out = ['<div class="quiz">', `<p class="question">${escapeHtml(quiz.question)}</p>`];
	if (quiz.choices.length > 0) {
		out.push(`<ol class="choices">${quiz.choices.map(choice => `<li>${escapeHtml(choice.text)}</li>`).join('')}</ol>`);
	}

	const answer: string[] = [];
	if (quiz.choices.length > 0) {
		const right = quiz.choices.flatMap((choice, i) => (choice.correct ? [`${i + 1}. ${escapeHtml(choice.text)}`] : []));
		answer.push(`<p>${right.length === 1 ? 'Answer' : 'Answers'}: ${right.join('; ') || 'none of these'}</p>`);
	} else if (quiz.answers.length > 0) {
		answer.push(`<p>Answer: ${quiz.answers.map(text => escapeHtml(text)).join(' or ')}</p>`);
	}

	if (quiz.explanation !== '') answer.push(`<p>${escapeHtml(quiz.explanation)}</p>`);
	if (answer.length > 0) out.push('<details class="answer"><summary>Answer</summary>', ...answer, '</details>');
	out.push('</div>');
	return out.join('\n');
}
