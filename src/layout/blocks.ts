// One element of a slide (deck/elements.ts) → typed lines no wider than `width` (tables may be
// wider: callers clip; table.ts wraps those that say their columns' relative widths). Prose is wrapped in cells with hanging indents; quotes and callouts
// draw a bar; lists and tables are in list.ts and table.ts.
import type {AlertKind, Element, Inline} from '../deck/elements.js';
import {pushAll} from '../deck/arrays.js';
import {themedCodeLines} from './code.js';
import {codeAtStep} from './code-steps.js';
import {inlineRuns} from './inline.js';
import {blankLine, join, line, run, textLine, withRoles, wrapHangingLine} from './lines.js';
import {renderList} from './list.js';
import {renderQuiz} from './quiz.js';
import type {Line, Role, Run} from './runs.js';
import {renderTable} from './table.js';
import type {Theme} from './theme.js';

/**
 * Inline content wrapped to `width`: each hard line on its own, continuation lines hanging
 * under a leading bullet or number the text itself starts with. `roles` go around every run.
 */
export function proseLines(inlines: readonly Inline[], width: number, roles: readonly Role[] = []): Line[] {
	const lines: Line[] = [];
	for (const runs of inlineRuns(inlines)) {
		const styled = roles.length > 0 ? withRoles(line(runs), roles) : line(runs);
		pushAll(lines, wrapHangingLine(styled, width));
	}

	return lines;
}

/**
 * Render one element. `depth`: how deep in lists it sits, for the bullet glyph. Code and
 * diagrams inside a list or quote are wrapped like the text around them; at the top of a
 * slide the layout clips them instead (layout.ts). `step`: the reveal step shown, for code's
 * line highlights (the last group when not given: print, notes).
 */
export function renderElement(element: Element, width: number, theme: Theme, depth = 0, step = Number.POSITIVE_INFINITY): Line[] {
	switch (element.kind) {
		case 'heading': {
			return proseLines(element.inlines, width, ['heading']);
		}

		case 'paragraph': {
			return proseLines(element.inlines, width);
		}

		case 'list': {
			return renderList(element, width, theme, depth, step, renderElement);
		}

		case 'table': {
			return renderTable(element, theme, width);
		}

		case 'code': {
			return codeAtStep(themedCodeLines(element.text, element.lang, theme), element, step).flatMap(each => wrapHangingLine(each, width));
		}

		case 'diagram': {
			return element.lines.flatMap(text => wrapHangingLine(textLine(text, ['diagram']), width));
		}

		case 'quote':
		case 'alert': {
			return renderQuote(element.children, element.kind === 'alert' ? element.alert : undefined, width, theme, step);
		}

		case 'rule': {
			return [textLine(theme.glyphs.horizontal.repeat(Math.max(1, width)), ['rule'])];
		}

		case 'html': {
			// A block of nothing but <br> tags is an empty line; other HTML shows as written.
			if (/^\s*(?:<br\s*\/?>\s*)+$/i.test(element.text)) return [blankLine];
			return element.text
				.replace(/\n+$/, '')
				.split('\n')
				.flatMap(text => wrapHangingLine(textLine(text, ['html']), width));
		}

		case 'quiz': {
			// The layout draws a slide's questions itself (its steps, a student's answers); one
			// anywhere else shows with its answer, as print shows it.
			return renderQuiz(element.quiz, width, theme, {mode: 'reveal', answered: true});
		}
	}
}

/** Deeply nested quotes stop adding bars once little width is left, so they stay in it. */
const minQuoteWidth = 10;

/**
 * A block quote or a GitHub alert: its blocks rendered as usual, two cells narrower, behind a
 * bar; an alert opens with its label.
 */
function renderQuote(children: readonly Element[], alert: AlertKind | undefined, width: number, theme: Theme, step: number): Line[] {
	const barred = width - 2 >= minQuoteWidth;
	const inner = barred ? width - 2 : width;
	const lines: Line[] = [];
	children.forEach((child, i) => {
		if (i > 0) lines.push(blankLine);
		pushAll(lines, renderElement(child, inner, theme, 0, step));
	});
	const label = alert ? line([run(alertLabel(alert, theme), ['alert', 'strong'], {alert})]) : undefined;
	if (!barred) return label ? [label, ...lines] : lines;
	const bar: Run = run(theme.glyphs.vertical, alert ? ['quote', 'alert'] : ['quote'], alert ? {alert} : undefined);
	const space = run(' ');
	const body = lines.map(each => (each.width === 0 ? line([bar]) : join(bar, space, withRoles(each, ['quote']))));
	return label ? [join(bar, space, label), ...body] : body;
}

const alertIcons: Readonly<Record<AlertKind, string>> = {note: 'ℹ', tip: '✱', important: '❢', warning: '⚠', caution: '⛔'};

function alertLabel(alert: AlertKind, theme: Theme): string {
	const name = alert.charAt(0).toUpperCase() + alert.slice(1);
	return theme.ascii ? `${name.toUpperCase()}:` : `${alertIcons[alert]} ${name}`;
}
