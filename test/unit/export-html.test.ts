// The HTML writer: runs → spans, elements → blocks, the page around them. Deck text is always
// escaped, links keep only http, https and mailto targets, and the page's policy allows its
// own style and script by hash and nothing else.
import {createHash} from 'node:crypto';
import {describe, expect, it} from 'vitest';
import type {Element, Inline} from '../../src/deck/elements.js';
import {openDeck} from '../../src/deck/deck.js';
import {handoutOf, type Handout} from '../../src/export/handout.js';
import {elementHtml, inlineHtml} from '../../src/export/html-elements.js';
import {contentSecurityPolicy, handoutPage} from '../../src/export/html-page.js';
import {escapeHtml, runHtml, safeHref} from '../../src/export/html-runs.js';
import {pageScript} from '../../src/export/page-script.js';
import {pageStyle} from '../../src/export/page-style.js';

/** Blocks of a handout slide, placed as written (no alignment, no extra rows). */
const placed = (...elements: Element[]) => elements.map(element => ({element}));
import {loadHighlighter} from '../../src/cli/highlighter.js';

const text = (value: string): Inline => ({kind: 'text', text: value});
const paragraph = (...inlines: Inline[]): Element => ({kind: 'paragraph', inlines});

describe('runs → HTML', () => {
	it('escapes every character HTML reads', () => {
		expect(escapeHtml(`<a href="x" onclick='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
	});

	it('draws roles as elements, outermost first, and other roles as classes', () => {
		expect(runHtml({text: 'a<b', width: 3, roles: ['strong', 'code']})).toBe('<strong><code>a&lt;b</code></strong>');
		expect(runHtml({text: 'x', width: 1, roles: ['em', 'strike', 'underline', 'kbd']})).toBe('<em><s><u><kbd>x</kbd></u></s></em>');
		expect(runHtml({text: 'x', width: 1, roles: ['dim']})).toBe('<span class="dim">x</span>');
		expect(runHtml({text: 'if', width: 2, roles: ['syntax'], scope: 'meta keyword'})).toBe('<span class="hl-meta hl-keyword">if</span>');
		expect(runHtml({text: 'f', width: 1, roles: ['syntax'], scope: 'title.function'})).toBe('<span class="hl-title hl-function">f</span>');
		expect(runHtml({text: 'f', width: 1, roles: ['syntax'], scope: '"><script>'})).toBe('f');
	});

	it('links only http, https and mailto targets', () => {
		expect(safeHref('https://example.org/a?b=1&c=2')).toBe('https://example.org/a?b=1&c=2');
		expect(safeHref('HTTP://example.org')).toBe('HTTP://example.org');
		expect(safeHref('mailto:someone@example.org')).toBe('mailto:someone@example.org');
		for (const bad of [
			'javascript:alert(1)',
			'JaVaScRiPt:alert(1)',
			'data:text/html,<script>',
			'vbscript:x',
			'file:///etc/passwd',
			'//example.org',
			'https://exa mple.org',
			'https://example.org/"onmouseover="x',
			'https://example.org/<U+202E>',
			'mailto:javascript:alert(1)',
			'',
		]) {
			expect(safeHref(bad), bad).toBeUndefined();
		}

		expect(runHtml({text: 'go', width: 2, roles: ['link'], href: 'https://example.org/?a=1&b=2'})).toBe(
			'<a href="https://example.org/?a=1&amp;b=2" rel="noopener noreferrer nofollow">go</a>',
		);
		expect(runHtml({text: 'go', width: 2, roles: ['link'], href: 'javascript:alert(1)'})).toBe('<span class="link">go</span>');
	});
});

describe('elements → HTML', () => {
	it('shows a link with its target, and a target it will not link as text', () => {
		const link = (href: string): Inline => ({kind: 'link', href, children: [text('here')]});
		expect(inlineHtml([link('https://example.org')])).toBe(
			'<a href="https://example.org" rel="noopener noreferrer nofollow">here</a> (<a class="href" href="https://example.org" rel="noopener noreferrer nofollow">https://example.org</a>)',
		);
		const bad = inlineHtml([link('javascript:alert(1)')]);
		expect(bad).toBe('<span class="link">here</span> (<span class="href">javascript:alert(1)</span>)');
		expect(bad).not.toContain('<a');
	});

	it('keeps raw HTML as text, inline and as a block', () => {
		const inline = inlineHtml([{kind: 'html', text: '<img src=x onerror=alert(1)>'}]);
		expect(inline).toBe('<span class="html">&lt;img src=x onerror=alert(1)&gt;</span>');
		expect(elementHtml({kind: 'html', text: '<script>alert(1)</script>\n'}, {})).toBe(
			'<pre class="raw-html">&lt;script&gt;alert(1)&lt;/script&gt;</pre>',
		);
	});

	it('keeps the sanitiser’s stand-ins as they are', () => {
		expect(elementHtml(paragraph(text('a␛[31mb <U+202E> c')), {})).toBe('<p>a␛[31mb &lt;U+202E&gt; c</p>');
	});

	it('draws headings one level below the page title, and breaks as <br>', () => {
		expect(elementHtml({kind: 'heading', depth: 1, inlines: [text('Part')]}, {})).toBe('<h2>Part</h2>');
		expect(elementHtml({kind: 'heading', depth: 6, inlines: [text('Deep')]}, {})).toBe('<h6>Deep</h6>');
		expect(inlineHtml([text('a'), {kind: 'break'}, text('b')])).toBe('a<br>b');
	});

	it('draws lists, task boxes and a numbered list’s start', () => {
		const list: Element = {
			kind: 'list',
			ordered: true,
			start: 3,
			loose: false,
			items: [{children: [paragraph(text('three'))]}, {checked: true, children: [paragraph(text('four'))]}],
		};
		expect(elementHtml(list, {})).toBe('<ol start="3">\n<li>three</li>\n<li><span class="task">[x]</span> four</li>\n</ol>');
	});

	it('draws tables with their alignment as classes (the policy forbids style attributes)', () => {
		const table: Element = {
			kind: 'table',
			align: ['left', 'right', undefined],
			header: [[text('a')], [text('b')], [text('c')]],
			rows: [[[text('1')], [text('2')], [text('<3')]]],
		};
		const html = elementHtml(table, {});
		expect(html).toContain('<th class="al-left">a</th><th class="al-right">b</th><th>c</th>');
		expect(html).toContain('<td>&lt;3</td>');
		expect(html).toMatch(/^<div class="table"><table>/);
		expect(html).not.toContain('style=');
	});

	it('draws a headerless table without a head', () => {
		const html = elementHtml({kind: 'table', align: [undefined], header: [], rows: [[[text('x')]]]}, {});
		expect(html).toBe('<div class="table"><table>\n<tbody>\n<tr><td>x</td></tr>\n</tbody>\n</table></div>');
	});

	it('draws a diagram line by line, verbatim and escaped', () => {
		const html = elementHtml({kind: 'diagram', lines: ['┌─<a>─┐', '└─────┘']}, {});
		expect(html).toBe('<pre class="diagram"><span class="line">┌─&lt;a&gt;─┐</span>\n<span class="line">└─────┘</span></pre>');
	});

	it('highlights code through the layout’s runs, and leaves a language it does not know plain', async () => {
		const highlighter = await loadHighlighter();
		const html = elementHtml({kind: 'code', lang: 'js', text: 'const a = "<b>";\n'}, {highlighter});
		expect(html).toMatch(/^<pre class="code" data-lang="js"><code>/);
		expect(html).toContain('<span class="hl-keyword">const</span>');
		expect(html).toContain('&quot;&lt;b&gt;&quot;');
		const plain = elementHtml({kind: 'code', lang: '"><x', text: '<x>'}, {highlighter});
		expect(plain).toBe('<pre class="code"><code><code>&lt;x&gt;</code></code></pre>');
	});

	it('shows a question, its choices, and its answer folded', () => {
		const html = elementHtml(
			{
				kind: 'quiz',
				quiz: {
					question: 'Which <one>?',
					choices: [
						{text: 'a', correct: false},
						{text: 'b', correct: true},
					],
					answers: [],
					explanation: 'Because.',
				},
			},
			{},
		);
		expect(html).toContain('<p class="question">Which &lt;one&gt;?</p>');
		expect(html).toContain('<ol class="choices"><li>a</li><li>b</li></ol>');
		expect(html).toContain('<details class="answer"><summary>Answer</summary>\n<p>Answer: 2. b</p>\n<p>Because.</p>\n</details>');
	});
});

const handout: Handout = {
	title: 'Deck <title>',
	byline: 'Ada · 2026',
	slides: [
		{number: 1, title: 'Intro', isSection: false, section: 0, blocks: placed(paragraph(text('hello'))), notes: [paragraph(text('say hi'))]},
		{
			number: 2,
			title: 'Part one',
			isSection: true,
			section: 2,
			blocks: placed({kind: 'heading', depth: 1, inlines: [text('Part one')]}),
			notes: [],
		},
		{number: 3, title: 'Inside', isSection: false, section: 2, blocks: placed(paragraph(text('x'))), notes: [paragraph(text('note'))]},
	],
};

describe('the page', () => {
	const page = handoutPage(handout, {notes: 'open', generator: 'Lectern test'});

	it('allows exactly its own style and script, by hash, and nothing from elsewhere', () => {
		const sha = (value: string) => `'sha256-${createHash('sha256').update(value).digest('base64')}'`;
		expect(contentSecurityPolicy).toContain("default-src 'none'");
		expect(contentSecurityPolicy).toContain(`style-src ${sha(pageStyle)}`);
		expect(contentSecurityPolicy).toContain(`script-src ${sha(pageScript)}`);
		expect(contentSecurityPolicy).not.toContain('unsafe');
		expect(page).toContain(`<style>${pageStyle}</style>`);
		expect(page).toContain(`<script>${pageScript}</script>`);
		// The policy comes before anything it governs.
		expect(page.indexOf('Content-Security-Policy')).toBeLessThan(page.indexOf('<style>'));
		expect(page.match(/<script/g)).toHaveLength(1);
	});

	it('numbers each slide as deck.md:N does, with an outline by section', () => {
		expect(page.match(/<section id="\d+"/g)).toEqual(['<section id="1"', '<section id="2"', '<section id="3"']);
		expect(page).toContain('<title>Deck &lt;title&gt;</title>');
		expect(page).toContain('<span>Part one › Inside</span>');
		const outline = page.slice(page.indexOf('<nav'), page.indexOf('</nav>'));
		expect(outline).toContain('<ol>\n<li><a href="#1"><span class="n">1</span> Intro</a></li>\n</ol>');
		expect(outline).toMatch(
			/<details class="section"><summary><a href="#2">.*Part one<\/a> <span class="count">1 slide<\/span><\/summary>/,
		);
	});

	it('puts notes under their slide, open, folded or not at all', () => {
		expect(page).toContain('<aside class="notes"><p class="notes-label">Notes</p>\n<p>say hi</p>\n</aside>');
		const folded = handoutPage(handout, {notes: 'collapsed', generator: 'x'});
		expect(folded).toContain('<details class="notes"><summary>Notes</summary>\n<p>say hi</p>\n</details>');
		const none = handoutPage(handout, {notes: 'none', generator: 'x'});
		expect(none).not.toContain('say hi');
		expect(none).not.toContain('class="notes"');
	});
});

describe("the page places blocks as the terminal does (presenterm's alignment and new_lines, mdp's centring)", () => {
	const deck = openDeck(
		[
			'<!-- end_slide -->',
			'',
			'Placed',
			'======',
			'',
			'<!-- alignment: right -->',
			'',
			'Set right.',
			'',
			'- one',
			'- two',
			'',
			'<!-- alignment: center -->',
			'',
			'In the middle.',
			'',
			'<!-- alignment: left -->',
			'',
			'<!-- new_lines: 3 -->',
			'',
			'Back on the left, three rows lower.',
		].join('\n'),
		'x.md',
		'presenterm',
	);
	const handout = handoutOf(deck, {notes: false});
	const page = handoutPage(handout, {notes: 'none', generator: 'x'});

	it('carries the slide blocks’ placement into the handout', () => {
		expect(handout.slides[0]?.blocks.map(block => [block.element.kind, block.align, block.space])).toEqual([
			['heading', undefined, undefined],
			['paragraph', 'right', undefined],
			['list', 'right', undefined],
			['paragraph', 'center', undefined],
			['paragraph', undefined, 3],
		]);
	});

	it('writes aligned blocks in a placed box, and the asked rows as blank lines above the block', () => {
		expect(page).toContain('<div class="placed right">\n<p>Set right.</p>\n</div>');
		expect(page).toContain('<div class="placed right">\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n</div>');
		expect(page).toContain('<div class="placed center">\n<p>In the middle.</p>\n</div>');
		expect(page).toContain('<div class="new-lines" aria-hidden="true"><br><br><br></div>\n<p>Back on the left, three rows lower.</p>');
		expect(pageStyle).toContain('.placed.right { align-items: flex-end; }');
	});

	it('never writes more blank lines than the terminal draws', () => {
		const many = handoutPage(handoutOf(openDeck('a\n\n<!-- new_lines: 100000 -->\n\nb', 'x.md', 'presenterm'), {notes: false}), {
			notes: 'none',
			generator: 'x',
		});
		expect(many.match(/<br>/g)).toHaveLength(200);
	});
});
