// A paragraph's inline content (deck/elements.ts) as runs: each span's kind becomes a role on
// the runs inside it, outermost first. Links show their target after their text, as written;
// images show their alt text. Not wrapped: the block renderers wrap, the HTML writer does not.
import type {Inline} from '../deck/elements.js';
import {run, type RunExtra} from './lines.js';
import type {Role, Run} from './runs.js';
import {lastOf} from '../deck/checked.js';

const spanRoles: Readonly<Record<string, Role | undefined>> = {
	strong: 'strong',
	em: 'em',
	strike: 'strike',
	underline: 'underline',
	kbd: 'kbd',
	sub: undefined,
	sup: undefined,
};

/**
 * Inline content → runs, one array per hard line (a `break` starts the next). Every run's
 * text is the deck's sanitised text or a few characters of ours (the parentheses around a
 * link's target, an image's brackets).
 */
export function inlineRuns(inlines: readonly Inline[]): Run[][] {
	const lines: Run[][] = [[]];
	const add = (part: Run) => {
		if (part.text !== '') lastOf(lines).push(part);
	};

	// A line end left in text (marked keeps one where a guard left Markdown as written) breaks
	// the line as a terminal would: a run never holds a control character.
	const addText = (text: string, roles: readonly Role[], extra: RunExtra | undefined) => {
		if (!text.includes('\n')) {
			add(run(text, roles, extra));
			return;
		}

		text.split('\n').forEach((part, i) => {
			if (i > 0) lines.push([]);
			add(run(part, roles, extra));
		});
	};

	const visit = (items: readonly Inline[], roles: readonly Role[], href: string | undefined) => {
		const extra = href === undefined ? undefined : {href};
		for (const item of items) {
			switch (item.kind) {
				case 'text': {
					addText(item.text, roles, extra);
					break;
				}

				case 'code': {
					addText(item.text, [...roles, 'code'], extra);
					break;
				}

				case 'html': {
					addText(item.text, [...roles, 'html'], extra);
					break;
				}

				case 'break': {
					lines.push([]);
					break;
				}

				case 'image': {
					add(run(`[image: ${item.alt || item.href}]`, [...roles, 'dim'], extra));
					break;
				}

				case 'link': {
					// A bare URL shows once, and so does a GFM autolink (`www.x.org`, `a@x.org`: its
					// target is its text behind the scheme marked adds); other links show their text,
					// then the target.
					const text = plainText(item.children);
					if (isAutolink(text, item.href)) {
						add(run(text, [...roles, 'href'], {href: item.href}));
						break;
					}

					visit(item.children, [...roles, 'link'], item.href);
					add(run(' (', roles, extra));
					add(run(item.href, [...roles, 'href'], {href: item.href}));
					add(run(')', roles, extra));
					break;
				}

				default: {
					const role = spanRoles[item.kind];
					visit(item.children, role ? [...roles, role] : roles, href);
				}
			}
		}
	};

	visit(inlines, [], undefined);
	return lines;
}

function isAutolink(text: string, href: string): boolean {
	return text === href || `http://${text}` === href || `mailto:${text}` === href;
}

/** Inline content's text, without styles or link targets. */
export function plainText(inlines: readonly Inline[]): string {
	let text = '';
	for (const item of inlines) {
		if (item.kind === 'text' || item.kind === 'code' || item.kind === 'html') text += item.text;
		else if (item.kind === 'image') text += item.alt;
		else if (item.kind !== 'break') text += plainText(item.children);
	}

	return text;
}
