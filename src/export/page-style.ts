// The handout page's style sheet, inlined into the page (the page's Content-Security-Policy
// allows exactly this text, by its hash). Light and dark follow the reader's system; print
// gives one slide per page with its notes below, so a browser's "Save as PDF" is the handout.
//
// The monospace stack lists fonts whose box-drawing glyphs are one cell wide and reach the
// line's edges, first: a diagram then keeps its columns and its lines join. A font without
// those glyphs would make the browser borrow them, one by one, from another font of another width.

export const pageStyle = `
:root {
	color-scheme: light dark;
	--bg: #fdfdfc; --fg: #1d1f21; --dim: #5f6368; --rule: #d5d8dc; --accent: #1a5fb4;
	--panel: #f3f4f6; --notes: #f7f3e8; --notes-rule: #c9a44c; --code-bg: #f3f4f6; --match: #ffe58f;
	--kw: #8839ef; --str: #b3261e; --num: #1e7d32; --com: #6a737d; --fn: #9a6700; --type: #0b7285;
	--mono: "DejaVu Sans Mono", Menlo, Consolas, "Cascadia Mono", "Liberation Mono", "Noto Sans Mono", ui-monospace, monospace;
}
@media (prefers-color-scheme: dark) {
	:root {
		--bg: #16181c; --fg: #e6e6e6; --dim: #9aa0a6; --rule: #3a3f47; --accent: #8ab4f8;
		--panel: #1f2228; --notes: #23211b; --notes-rule: #a8893a; --code-bg: #1f2228; --match: #6b5a00;
		--kw: #c792ea; --str: #f28b82; --num: #81c995; --com: #8b949e; --fn: #fdd663; --type: #78d9ec;
	}
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
	margin: 0 auto; max-width: 52rem; padding: 1rem; background: var(--bg); color: var(--fg);
	font: 1rem/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif;
	overflow-wrap: break-word;
}
a { color: var(--accent); }
h1, h2, h3, h4, h5, h6 { line-height: 1.25; margin: 1.2em 0 0.5em; }
.deck-head h1 { margin-top: 0.5rem; font-size: 1.9rem; }
.byline { color: var(--dim); margin-top: 0; }
nav.outline { border: 1px solid var(--rule); border-radius: 6px; padding: 0.5rem 1rem; background: var(--panel); }
nav.outline h2 { font-size: 1.1rem; margin: 0.3rem 0; }
nav.outline ol { list-style: none; padding-left: 1.2rem; margin: 0.2rem 0 0.4rem; }
nav.outline > ol { padding-left: 1rem; }
nav.outline .section { margin: 0.25rem 0; }
nav.outline .section > summary > a, nav.outline p.section > a { font-weight: 600; }
nav.outline .n { color: var(--dim); font-variant-numeric: tabular-nums; display: inline-block; min-width: 2.2em; }
nav.outline .count { color: var(--dim); font-size: 0.85em; }
nav.outline a { text-decoration: none; }
nav.outline a:hover { text-decoration: underline; }
.keys { color: var(--dim); font-size: 0.85rem; }
.searchbar { position: sticky; top: 0; z-index: 2; background: var(--bg); padding: 0.5rem 0; border-bottom: 1px solid var(--rule); }
.searchbar input { font: inherit; width: min(100%, 24rem); padding: 0.2rem 0.4rem; }
#search-count { color: var(--dim); font-size: 0.85rem; margin-left: 0.5rem; }
section.slide { border-top: 2px solid var(--rule); margin-top: 2rem; padding-top: 0.5rem; scroll-margin-top: 3.5rem; }
section.slide.is-section > .body > :is(h2, h3) { font-size: 1.7rem; color: var(--accent); }
.slide-head { color: var(--dim); font-size: 0.85rem; display: flex; gap: 0.6rem; }
.slide-head a { text-decoration: none; font-variant-numeric: tabular-nums; }
.body :first-child { margin-top: 0.4rem; }
pre, code, kbd { font-family: var(--mono); }
code, kbd { font-size: 0.92em; background: var(--code-bg); border-radius: 3px; padding: 0 0.2em; }
kbd { border: 1px solid var(--rule); }
pre {
	font-size: 0.875rem; line-height: 1.2; background: var(--code-bg); border-radius: 6px; padding: 0.6rem 0.8rem;
	overflow-x: auto; white-space: pre; overflow-wrap: normal; tab-size: 4;
	font-variant-ligatures: none; font-kerning: none; letter-spacing: 0;
}
pre code { background: none; padding: 0; font-size: inherit; }
pre.diagram { line-height: 1.15; }
pre.raw-html { color: var(--dim); }
.href { color: var(--dim); overflow-wrap: anywhere; }
.html { color: var(--dim); font-family: var(--mono); font-size: 0.9em; }
.dim { color: var(--dim); }
.task { font-family: var(--mono); }
blockquote { margin: 0.8rem 0; padding: 0 1rem; border-left: 4px solid var(--rule); color: var(--dim); }
.alert { margin: 0.8rem 0; padding: 0.3rem 1rem; border-left: 4px solid var(--accent); background: var(--panel); }
.alert-label { font-weight: 600; margin: 0.3rem 0; }
.alert-warning, .alert-caution { border-left-color: var(--str); }
.alert-tip { border-left-color: var(--num); }
.table { overflow-x: auto; }
table { border-collapse: collapse; margin: 0.6rem 0; }
th, td { border: 1px solid var(--rule); padding: 0.25rem 0.6rem; vertical-align: top; }
th { background: var(--panel); }
.al-left { text-align: left; } .al-center { text-align: center; } .al-right { text-align: right; }
.placed { display: flex; flex-direction: column; align-items: flex-start; }
.placed > * { max-width: 100%; min-width: 0; }
.placed.center { align-items: center; } .placed.right { align-items: flex-end; }
.placed.center > :is(p, h2, h3, h4, h5, h6) { text-align: center; } .placed.right > :is(p, h2, h3, h4, h5, h6) { text-align: right; }
.notes { margin: 1rem 0 0.5rem; padding: 0.2rem 1rem; background: var(--notes); border-left: 4px solid var(--notes-rule); }
.notes-label, .notes > summary { font-weight: 600; color: var(--dim); margin: 0.4rem 0; cursor: pointer; }
.quiz { border: 1px dashed var(--rule); border-radius: 6px; padding: 0.2rem 1rem; margin: 0.8rem 0; }
.quiz .question { font-weight: 600; }
.quiz details { margin: 0.5rem 0; }
.quiz summary { cursor: pointer; color: var(--accent); }
.hl-keyword, .hl-selector-tag, .hl-built_in, .hl-doctag { color: var(--kw); }
.hl-string, .hl-regexp, .hl-addition, .hl-attribute { color: var(--str); }
.hl-number, .hl-literal, .hl-symbol, .hl-bullet { color: var(--num); }
.hl-comment, .hl-quote, .hl-meta { color: var(--com); }
.hl-title, .hl-section, .hl-name { color: var(--fn); }
.hl-type, .hl-attr, .hl-variable, .hl-params, .hl-property { color: var(--type); }
.hl-emphasis { font-style: italic; } .hl-strong { font-weight: 600; }
mark { background: var(--match); color: inherit; }
[hidden] { display: none !important; }
body.outline-open nav.outline {
	position: fixed; z-index: 3; top: 0.5rem; right: 0.5rem; bottom: 0.5rem; width: min(26rem, calc(100% - 1rem));
	overflow-y: auto; box-shadow: 0 4px 24px rgba(0, 0, 0, 0.35);
}
footer { color: var(--dim); font-size: 0.8rem; margin: 3rem 0 1rem; }
@media print {
	:root { --bg: #fff; --fg: #000; --panel: #f2f2f2; --notes: #f7f7f7; --code-bg: #f2f2f2; }
	body { max-width: none; padding: 0; font-size: 10.5pt; }
	nav.outline, .searchbar, .keys, footer { display: none !important; }
	section.slide { break-before: page; border-top: none; margin-top: 0; }
	section.slide:first-of-type { break-before: auto; }
	pre { font-size: 8pt; overflow: hidden; break-inside: avoid; }
	a { color: inherit; }
}
`;
