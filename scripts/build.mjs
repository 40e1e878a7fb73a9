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
 * string-width creates an Intl.Segmenter when it is imported, which starts ICU's break
 * iterator (about 25 ms) before the first frame even when no line needs it. Create it on
 * first use instead. Fails the build if string-width changes shape, so the patch is never
 * silently lost.
 */
const lazySegmenter = {
	name: 'lazy-segmenter',
	setup(b) {
		// Only the top-level string-width (8.x); cli-table3 keeps its own old copy, which has no segmenter.
		b.onLoad({filter: /^[^]*?[\\/]node_modules[\\/]string-width[\\/]index\.js$/}, async args => {
			if (args.path.split(/[\\/]node_modules[\\/]/).length !== 2) {
				return undefined;
			}

			const source = await readFile(args.path, 'utf8');
			const eager = 'const segmenter = new Intl.Segmenter();';
			if (!source.includes(eager) || !source.includes('segmenter.segment(')) {
				throw new Error(`lazy-segmenter: ${args.path} no longer creates its segmenter as expected; update scripts/build.mjs`);
			}

			return {
				contents: source.replace(eager, 'let segmenter;').replaceAll('segmenter.segment(', '(segmenter ??= new Intl.Segmenter()).segment('),
				loader: 'js',
			};
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
	plugins: [stubs, lazySegmenter],
	define: {'process.env.NODE_ENV': '"production"', 'process.env.DEV': '"false"'},
	// CommonJS dependencies bundled into ESM need a require for Node built-ins.
	banner: {js: "import {createRequire as __lecternRequire} from 'node:module'; const require = __lecternRequire(import.meta.url);"},
	logLevel: 'warning',
});
