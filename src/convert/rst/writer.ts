// The parsed rst document → a Lectern deck. How section levels map (hieroglyph's defaults):
// when the deck uses more than one level, level 1 titles open `#` section slides and levels
// 2 and 3 are `##` slides; with one level every title is a `##` slide; deeper titles are
// headings inside their slide. The title block (a lone first title promoted as docutils
// does, or a first title holding only docinfo fields) becomes the front matter and a title
// slide. Notes gather under their slide in a `::: notes` block.
import YAML from 'yaml';
import {escapeLineStarts, escapeText} from './inline.js';
import {commentLine, inline, renderBlocks, type RenderContext} from './markdown.js';
import type {FieldItem, Node, RstDocument} from './nodes.js';
import {pushAll} from '../../deck/arrays.js';

export type ConvertSummary = Readonly<{slides: number; sections: number; notes: number; figures: number; warnings: number}>;

type OutSlide = {section: boolean; title: string | undefined; body: string[]; notes: string[]};

export function writeDeck(document: RstDocument): {markdown: string; summary: ConvertSummary} {
	const nodes = [...document.nodes];
	const title = takeTitleBlock(nodes, document.levels);
	const levels = document.levels - title.shift;
	const slides: OutSlide[] = [];
	let current: OutSlide | undefined;
	const context: RenderContext = {
		targets: document.targets,
		anonymousTargets: document.anonymousTargets,
		substitutions: document.substitutions,
		anonymousUsed: 0,
		figures: 0,
		onNotes: children => {
			const slide = current ?? open(false, undefined);
			pushAll(slide.notes, [...(slide.notes.length > 0 ? [''] : []), ...renderBlocks(children, context)]);
		},
	};

	let lastTitle: string | undefined;
	const increments = new Map<string, number>();
	const open = (section: boolean, heading: string | undefined): OutSlide => {
		current = {section, title: heading, body: [], notes: []};
		if (!section) lastTitle = heading;

		slides.push(current);
		return current;
	};

	const add = (lines: readonly string[]) => {
		if (lines.length === 0) return;
		// A section slide holds its title alone: content under it goes on a slide of the same name.
		const slide = current === undefined ? open(false, undefined) : current.section ? open(false, current.title) : current;
		pushAll(slide.body, [...(slide.body.length > 0 ? [''] : []), ...lines]);
	};

	if (title.title !== undefined) {
		open(false, title.title);
		add([...(title.subtitle === undefined ? [] : [`*${title.subtitle}*`]), ...title.info]);
	}

	// `rst-class:: build` waits for the list it applies to.
	let build: Node | undefined;
	for (const node of nodes) {
		const level = node.kind === 'heading' ? node.level - title.shift : 0;
		if (node.kind === 'heading' && level <= 3) {
			open(levels > 1 && level === 1, inline(node.title, context).join(' '));
		} else if (node.kind === 'heading') {
			add([`${'#'.repeat(Math.min(6, level))} ${inline(node.title, context).join(' ')}`]);
		} else if (node.kind === 'slide') {
			// `nextslide` without a title repeats the slide's; with :increment: it is numbered.
			const heading = node.title === undefined ? lastTitle : inline(node.title, context).join(' ');
			const count = (increments.get(heading ?? '') ?? 1) + 1;
			increments.set(heading ?? '', count);
			open(false, node.increment && heading !== undefined ? `${heading} (${count})` : heading);
			add(renderBlocks(node.children, context));
		} else if (node.kind === 'comment' && current?.section === true) {
			current.body.push(commentLine(node.text));
		} else if (node.kind === 'notes' && current !== undefined) {
			context.onNotes(node.children);
		} else if (node.kind === 'build') {
			build = node;
		} else {
			add(renderBlocks(build ? [build, node] : [node], context));
		}

		build = node.kind === 'build' || (node.kind === 'comment' && build) ? build : undefined;
	}

	return {
		markdown: frontMatter(title.meta) + slides.map(slideText).join('\n---\n\n'),
		summary: {
			slides: slides.filter(slide => !slide.section).length,
			sections: slides.filter(slide => slide.section).length,
			notes: slides.filter(slide => slide.notes.length > 0).length,
			figures: context.figures,
			warnings: document.warnings.length,
		},
	};
}

function slideText(slide: OutSlide): string {
	const heading = slide.title === undefined ? [] : [`${slide.section ? '#' : '##'} ${slide.title}`];
	const notes = slide.notes.length > 0 ? ['::: notes', ...slide.notes, ':::'] : [];
	const parts = [heading, slide.body, notes].filter(part => part.length > 0);
	return `${parts.map(part => part.join('\n')).join('\n\n')}\n`;
}

type TitleBlock = {title?: string; subtitle?: string; info: string[]; meta: Record<string, string>; shift: number};

/**
 * Take the title block off the front of `nodes`: a first title that is the only one of its
 * level (docutils promotes it to the document title, and the levels below move up), or a
 * first title followed only by docinfo fields (the hieroglyph habit: a title slide).
 */
function takeTitleBlock(nodes: Node[], levels: number): TitleBlock {
	const block: TitleBlock = {info: [], meta: {}, shift: 0};
	const nextIndex = (from: number) => nodes.findIndex((node, index) => index >= from && node.kind !== 'comment');
	const first = nextIndex(0);
	const heading = nodes[first];
	if (heading?.kind !== 'heading' || heading.level !== 1) {
		return block;
	}

	const countOf = (level: number) => nodes.filter(node => node.kind === 'heading' && node.level === level).length;
	let after = nextIndex(first + 1);
	const fieldsNext = nodes[after]?.kind === 'fields';
	const followedByTitle = fieldsNext && [undefined, 'heading'].includes(nodes[nextIndex(after + 1)]?.kind);
	if (countOf(1) === 1 && levels > 1) {
		block.shift = 1;
		const sub = nodes[after];
		if (sub?.kind === 'heading' && sub.level === 2 && countOf(2) === 1) {
			block.subtitle = plain(sub.title);
			block.shift = 2;
			nodes.splice(after, 1);
			after = nextIndex(after);
		}
	} else if (!followedByTitle) {
		return block;
	}

	block.title = plain(heading.title);
	block.meta['title'] = block.title;
	const fields = nodes[after];
	if (fields?.kind === 'fields') {
		for (const item of fields.items) {
			docinfo(item, block);
		}

		nodes.splice(after, 1);
	}

	nodes.splice(first, 1);
	return block;
}

function docinfo(item: FieldItem, block: TitleBlock): void {
	const value = item.body
		.map(node => (node.kind === 'paragraph' ? plain(node.text) : ''))
		.filter(Boolean)
		.join(' ');
	const name = plain(item.name);
	const key = name.toLowerCase().replace(/^authors$/, 'author');
	block.meta[key] = key in block.meta ? `${block.meta[key]}, ${value}` : value;
	block.info.push(escapeLineStarts(escapeText(`${name}: ${value}`)));
	if (block.info.length > 1) {
		block.info[block.info.length - 2] += '  ';
	}
}

/** Text of an inline rst string without its markup, for front matter. */
function plain(text: string): string {
	return text
		.replaceAll(/:[\w.+-]+:`/g, '`')
		.replaceAll(/``|`_{0,2}|\*\*?/g, '')
		.replaceAll(/\s+/g, ' ')
		.trim();
}

function frontMatter(meta: Record<string, string>): string {
	return Object.keys(meta).length === 0 ? '' : `---\n${YAML.stringify(meta)}---\n\n`;
}
