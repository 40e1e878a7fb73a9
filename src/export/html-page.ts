// The handout as one self-contained HTML page: the deck's title, an outline by section, then
// each slide as `<section id="N">` (N as in `deck.md:N`) with its notes below it. Style and
// script are inline and the Content-Security-Policy allows exactly them (by hash) and nothing
// else: no request leaves the page, and no markup from a deck could run if any got in.
import {createHash} from 'node:crypto';
import type {Handout, HandoutSlide} from './handout.js';
import {outlineOf} from './handout.js';
import {elementsHtml, placedBlocksHtml, type ElementContext} from './html-elements.js';
import {escapeHtml} from './html-runs.js';
import {pageScript} from './page-script.js';
import {pageStyle} from './page-style.js';

export type NotesMode = 'open' | 'collapsed' | 'none';

export type PageOptions = ElementContext &
	Readonly<{
		notes: NotesMode;
		/** Shown in the footer: what the page was made by. */
		generator: string;
	}>;

const hash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The page's policy: its own style sheet and script, nothing from anywhere, no forms, no base. */
export const contentSecurityPolicy = [
	"default-src 'none'",
	`style-src ${hash(pageStyle)}`,
	`script-src ${hash(pageScript)}`,
	"img-src 'none'",
	"base-uri 'none'",
	"form-action 'none'",
].join('; ');

/** The page as one string (tests, small decks); `handoutPageParts` gives it in pieces. */
export function handoutPage(handout: Handout, options: PageOptions): string {
	return [...handoutPageParts(handout, options)].join('');
}

/**
 * The page, a slide at a time, so a deck of many slides is never held as one string (300,000
 * tiny slides make a 70 MB page), and made only as fast as its reader takes it (a generator:
 * the writer asks for the next part when the last is written).
 */
export function* handoutPageParts(handout: Handout, options: PageOptions): Generator<string, void, undefined> {
	const title = handout.title === '' ? 'Lectern handout' : handout.title;
	const out: string[] = [
		'<!doctype html>',
		'<html lang="en">',
		'<head>',
		'<meta charset="utf-8">',
		`<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}">`,
		'<meta name="viewport" content="width=device-width, initial-scale=1">',
		'<meta name="referrer" content="no-referrer">',
		'<meta http-equiv="x-dns-prefetch-control" content="off">',
		'<meta name="color-scheme" content="light dark">',
		`<meta name="generator" content="${escapeHtml(options.generator)}">`,
		`<title>${escapeHtml(title)}</title>`,
		`<style>${pageStyle}</style>`,
		'</head>',
		'<body>',
		'<header class="deck-head">',
		`<h1>${escapeHtml(title)}</h1>`,
	];
	if (handout.byline !== '') out.push(`<p class="byline">${escapeHtml(handout.byline)}</p>`);
	out.push('<p class="keys" hidden>Keys: ← → previous and next slide · / search slides and notes · o outline · Esc close</p>', '</header>');
	yield `${out.join('\n')}\n`;
	yield* outlineParts(handout);
	yield '\n<div class="searchbar" hidden><input id="search" type="search" aria-label="Search the slides and their notes" placeholder="Search slides and notes  ( / )" autocomplete="off"><span id="search-count" aria-live="polite"></span></div>\n<main>\n';
	const slides = handout.slides;
	for (const slide of slides) {
		// A section slide's number is its place: its title is the one at that index.
		yield `${slideHtml(slide, slide.section > 0 ? (slides[slide.section - 1]?.title ?? '') : '', options)}\n`;
	}

	yield ['</main>', `<footer>${escapeHtml(options.generator)}</footer>`, `<script>${pageScript}</script>`, '</body>', '</html>', ''].join(
		'\n',
	);
}

function slideHtml(slide: HandoutSlide, sectionTitle: string, options: PageOptions): string {
	const crumbs = [slide.isSection ? '' : sectionTitle, slide.title].filter(part => part !== '').join(' › ');
	const classes = slide.isSection ? 'slide is-section' : 'slide';
	const out = [
		`<section id="${slide.number}" class="${classes}">`,
		`<header class="slide-head"><a href="#${slide.number}">${slide.number}</a>${crumbs === '' ? '' : `<span>${escapeHtml(crumbs)}</span>`}</header>`,
		`<div class="body">\n${placedBlocksHtml(slide.blocks, options)}\n</div>`,
	];
	if (options.notes !== 'none' && slide.notes.length > 0) {
		const notes = elementsHtml(slide.notes, options);
		out.push(
			options.notes === 'collapsed'
				? `<details class="notes"><summary>Notes</summary>\n${notes}\n</details>`
				: `<aside class="notes"><p class="notes-label">Notes</p>\n${notes}\n</aside>`,
		);
	}

	out.push('</section>');
	return out.join('\n');
}

/**
 * Slides before any section first, then each section as a `<details>` holding its slides'
 * titles: a long lecture's outline stays one screen high, and opens without a script. Written a
 * title at a time: the outline of 300,000 slides is tens of megabytes.
 */
function* outlineParts(handout: Handout): Generator<string, void, undefined> {
	const link = (slide: HandoutSlide) =>
		`<a href="#${slide.number}"><span class="n">${slide.number}</span> ${escapeHtml(slide.title || `Slide ${slide.number}`)}</a>`;
	function* list(slides: readonly HandoutSlide[]): Generator<string, void, undefined> {
		if (slides.length === 0) return;
		yield '<ol>\n';
		for (let i = 0; i < slides.length; i++) {
			const slide = slides[i];
			if (slide) yield `${i > 0 ? '\n' : ''}<li>${link(slide)}</li>`;
		}

		yield '\n</ol>';
	}
	yield '<nav class="outline" aria-label="Outline">\n<h2>Outline</h2>';
	for (const group of outlineOf(handout)) {
		yield '\n';
		if (group.slide === undefined) {
			yield* list(group.slides);
		} else if (group.slides.length === 0) {
			yield `<p class="section">${link(group.slide)}</p>`;
		} else {
			const count = `<span class="count">${group.slides.length} slide${group.slides.length === 1 ? '' : 's'}</span>`;
			yield `<details class="section"><summary>${link(group.slide)} ${count}</summary>\n`;
			yield* list(group.slides);
			yield '\n</details>';
		}
	}

	yield '\n</nav>';
}
