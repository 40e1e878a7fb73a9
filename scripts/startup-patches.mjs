// The start-up patches scripts/build.mjs applies to dependencies' source text, kept apart so
// that test/unit/startup-patches.test.ts can check each one still matches the installed package.
// The patched packages are pinned to exact versions in package.json (a copy nested under
// another package, by that package's exact pin).
/**
 * Start-up patches to dependencies, each for a measured cost (see docs/architecture.md):
 *
 * - string-width builds costly objects when it is imported: an Intl.Segmenter (the first one starts ICU's break iterator, about 15-30 ms) and
 *   string-width's `\\p{RGI_Emoji}` pattern (about 30 ms to compile). The first frame of a
 *   plain-text slide needs none of them (layout/text.ts measures one-cell text itself), so
 *   each is built on first use instead, behind the one method its module calls.
 * - Ink's text helpers make an Intl.Segmenter each when Ink is loaded (slice-ansi's tokenizer,
 *   @alcalzone/ansi-tokenize, and the older string-width under Ink's wrap-ansi). Lectern's
 *   tree has no Ink text, so none is ever used, but the first one alone started ICU's break
 *   iterator and its locale data: about 2.5 MiB of the presenter's peak memory (1,000 slides).
 *
 * The build fails if a module changes shape, so a patch is never silently lost.
 */
export const lazyHelpers = `
function lazySegmenter(...args) { let real; return {segment: text => (real ??= new Intl.Segmenter(...args)).segment(text)}; }
function lazyRegExp(source, flags) { let real; return {test: text => (real ??= new RegExp(source, flags)).test(text)}; }
`;
/** The package a patched file belongs to (its first path part, two for a scoped name). */
export function patchedPackage(file) {
	const parts = file.split('/');
	return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
}

export const startupPatches = [
	{file: 'string-width/index.js', from: 'const segmenter = new Intl.Segmenter();', to: 'const segmenter = lazySegmenter();'},
	{
		file: 'string-width/index.js',
		from: 'const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;',
		to: "const rgiEmojiRegex = lazyRegExp('^\\\\p{RGI_Emoji}$', 'v');",
	},
	{
		file: 'slice-ansi/tokenize-ansi.js',
		from: "const GRAPHEME_SEGMENTER = new Intl.Segmenter(undefined, {granularity: 'grapheme'});",
		to: "const GRAPHEME_SEGMENTER = lazySegmenter(undefined, {granularity: 'grapheme'});",
	},
	{
		file: '@alcalzone/ansi-tokenize/build/tokenize.js',
		from: 'const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });',
		to: 'const segmenter = lazySegmenter(undefined, { granularity: "grapheme" });',
	},
	{
		file: 'ink/node_modules/wrap-ansi/node_modules/string-width/index.js',
		from: 'const segmenter = new Intl.Segmenter();',
		to: 'const segmenter = lazySegmenter();',
	},
];

/**
 * Patches for the start-up snapshot's CommonJS bundle only (scripts/snapshot/): Ink's
 * reconciler awaits at its top level in two branches taken only with DEV=true (React
 * devtools), and a CommonJS script cannot hold a top-level await. Without the await the
 * branches are dead code all the same (the build defines DEV as "false").
 */
export const snapshotPatches = [
	{file: 'ink/build/reconciler.js', from: "await import('./devtools.js');", to: "import('./devtools.js');"},
	{file: 'ink/build/reconciler.js', from: '? await loadPackageJson()', to: '? loadPackageJson()'},
];
