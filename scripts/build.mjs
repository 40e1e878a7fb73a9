// Builds the CLI into dist/ as one ESM bundle plus lazily loaded chunks (Ink + React, the
// syntax highlighter), so start-up reads one file and the first frame waits for neither.
import {build} from 'esbuild';
import {rmSync} from 'node:fs';
import {readFile} from 'node:fs/promises';

rmSync('dist', {recursive: true, force: true});

/** Modules that marked-terminal imports but Lectern never uses (it renders code and links itself). */
const stubs = {
	name: 'stubs',
	setup(b) {
		b.onResolve({filter: /^(cli-highlight|node-emoji|supports-hyperlinks)$/}, args =>
			args.importer.includes('marked-terminal') ? {path: args.path, namespace: 'stub'} : undefined);
		b.onResolve({filter: /^react-devtools-core$/}, () => ({path: 'react-devtools-core', namespace: 'stub'}));
		b.onLoad({filter: /.*/, namespace: 'stub'}, args => ({
			contents: args.path === 'supports-hyperlinks'
				? 'export default {stdout: false, stderr: false};'
				: args.path === 'cli-highlight'
					? 'export function highlight(code) { return code; }'
					: args.path === 'node-emoji' ? 'export function get() { return undefined; }' : 'export default {};',
			loader: 'js',
		}));
	},
};

/**
 * Start-up patches to dependencies, each for a measured cost (see docs/architecture.md):
 *
 * - string-width, wrap-ansi and slice-ansi build costly objects when they are imported: an
 *   Intl.Segmenter each (the first one starts ICU's break iterator, about 15-30 ms) and
 *   string-width's `\\p{RGI_Emoji}` pattern (about 30 ms to compile). The first frame of a
 *   plain-text slide needs none of them (layout/text.ts measures one-cell text itself), so
 *   each is built on first use instead, behind the one method its module calls.
 * - yoga-layout (Ink's layout engine) embeds its WebAssembly as a data: URL and, where a
 *   global `fetch` exists (Node 18+), reads it with fetch, which loads Node's whole HTTP
 *   client (undici): about 80 ms before Ink can take the first key. Its own synchronous
 *   base64 path gives the same bytes.
 *
 * The build fails if a module changes shape, so a patch is never silently lost.
 */
const lazyHelpers = `
function lazySegmenter(...args) { let real; return {segment: text => (real ??= new Intl.Segmenter(...args)).segment(text)}; }
function lazyRegExp(source, flags) { let real; return {test: text => (real ??= new RegExp(source, flags)).test(text)}; }
`;
const startupPatches = [
	{file: 'string-width/index.js', from: 'const segmenter = new Intl.Segmenter();', to: 'const segmenter = lazySegmenter();'},
	{file: 'string-width/index.js', from: 'const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;', to: "const rgiEmojiRegex = lazyRegExp('^\\\\p{RGI_Emoji}$', 'v');"},
	{file: 'wrap-ansi/index.js', from: 'const segmenter = new Intl.Segmenter();', to: 'const segmenter = lazySegmenter();'},
	{file: 'slice-ansi/tokenize-ansi.js', from: "const GRAPHEME_SEGMENTER = new Intl.Segmenter(undefined, {granularity: 'grapheme'});", to: "const GRAPHEME_SEGMENTER = lazySegmenter(undefined, {granularity: 'grapheme'});"},
	{file: 'yoga-layout/dist/binaries/yoga-wasm-base64-esm.js', from: 'return w||"function"!=typeof fetch?Promise.resolve()', to: 'return true?Promise.resolve()'},
];
const patchStartup = {
	name: 'patch-startup',
	setup(b) {
		b.onLoad({filter: /[\\/]node_modules[\\/](string-width|wrap-ansi|slice-ansi|yoga-layout)[\\/].*\.js$/}, async args => {
			// Only the top-level copies (the versions Lectern depends on); nested old copies differ.
			const [, inModules, ...nested] = args.path.split(/[\\/]node_modules[\\/]/);
			const patches = startupPatches.filter(patch => nested.length === 0 && inModules?.replaceAll('\\', '/') === patch.file);
			if (patches.length === 0) {
				return undefined;
			}

			let source = await readFile(args.path, 'utf8');
			for (const patch of patches) {
				if (!source.includes(patch.from)) {
					throw new Error(`patch-startup: ${patch.file} no longer has \`${patch.from}\`; update scripts/build.mjs`);
				}

				source = source.replace(patch.from, () => patch.to);
			}

			const helpers = patches.some(patch => patch.to.includes('lazy')) ? lazyHelpers : '';
			return {contents: source + helpers, loader: 'js'};
		});
	},
};

await build({
	entryPoints: {lectern: 'src/cli/run.ts'},
	outdir: 'dist',
	bundle: true,
	splitting: true,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	minify: process.env.LECTERN_DEV !== '1',
	sourcemap: false,
	legalComments: 'none',
	plugins: [stubs, patchStartup],
	define: {'process.env.NODE_ENV': '"production"', 'process.env.DEV': '"false"'},
	// CommonJS dependencies bundled into ESM need a require for Node built-ins.
	banner: {js: "import {createRequire as __lecternRequire} from 'node:module'; const require = __lecternRequire(import.meta.url);"},
	logLevel: 'warning',
});
