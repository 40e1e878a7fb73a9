// The HTML writer's inline half: typed runs (layout/runs.ts) → HTML. Each role becomes an
// element or a class, outermost first; every run's text is escaped, so deck text can only
// ever be text. A link becomes an anchor only for http, https and mailto targets; any other
// target stays visible as text (the layout shows every target after its link's text).
import type {Line, Role, Run} from '../layout/runs.js';

const escapes: Readonly<Record<string, string>> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'};

/** Text for an element's content or a quoted attribute value. */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, char => escapes[char] ?? char);
}

/**
 * The target an anchor may carry: http, https or mailto, with nothing a browser would read
 * differently from what is shown (no whitespace, no stand-in's angle brackets); else undefined.
 */
export function safeHref(href: string | undefined): string | undefined {
	if (href === undefined) return undefined;
	return /^(?:https?:\/\/[^\s<>"'`\\]+|mailto:[^\s<>"'`\\/]+@[^\s<>"'`\\]+)$/i.test(href) ? href : undefined;
}

/** Roles drawn with an element of their own; the others become a class on a span. */
const elements: Readonly<Partial<Record<Role, string>>> = {
	strong: 'strong',
	em: 'em',
	strike: 's',
	underline: 'u',
	code: 'code',
	kbd: 'kbd',
	match: 'mark',
};

/** A highlight.js scope chain (`meta string`, `title.function`) as classes: `hl-meta hl-string`, `hl-title hl-function`. */
function scopeClasses(scope: string | undefined): string {
	if (scope === undefined || scope === '') return '';
	const names = scope.split(/[\s.]+/).filter(name => /^[\w-]+$/.test(name));
	return names.map(name => `hl-${name}`).join(' ');
}

function openTag(role: Role, part: Run): {open: string; close: string} {
	const element = elements[role];
	if (element !== undefined) return {open: `<${element}>`, close: `</${element}>`};
	if (role === 'link' || role === 'href') {
		const href = safeHref(part.href);
		const name = role === 'href' ? ' class="href"' : '';
		return href === undefined
			? {open: `<span class="${role === 'href' ? 'href' : 'link'}">`, close: '</span>'}
			: {open: `<a${name} href="${escapeHtml(href)}" rel="noopener noreferrer nofollow">`, close: '</a>'};
	}

	if (role === 'syntax') {
		const classes = scopeClasses(part.scope);
		return classes === '' ? {open: '', close: ''} : {open: `<span class="${classes}">`, close: '</span>'};
	}

	return {open: `<span class="${role}">`, close: '</span>'};
}

/** One run as HTML: its escaped text inside its roles' elements. */
export function runHtml(part: Run): string {
	const text = escapeHtml(part.text);
	const roles = part.roles;
	if (!roles || roles.length === 0) return text;
	let open = '';
	let close = '';
	for (const role of roles) {
		const tag = openTag(role, part);
		open += tag.open;
		close = tag.close + close;
	}

	return open + text + close;
}

export function runsHtml(runs: readonly Run[]): string {
	let html = '';
	for (const part of runs) html += runHtml(part);
	return html;
}

/** Lines of runs joined by `separator` (a newline inside `<pre>`, `<br>` in prose). */
export function linesHtml(lines: readonly (Line | readonly Run[])[], separator: string): string {
	return lines.map(each => runsHtml(isLine(each) ? each.runs : each)).join(separator);
}

function isLine(value: Line | readonly Run[]): value is Line {
	return !Array.isArray(value);
}
