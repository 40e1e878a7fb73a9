// Builds the CLI into dist/ as one ESM bundle plus lazily loaded chunks (Ink + React, the
// syntax highlighter), so start-up reads one file and the first frame waits for neither.
import {build} from 'esbuild';
import {rmSync} from 'node:fs';
import {readFile} from 'node:fs/promises';

rmSync('dist', {recursive: true, force: true});

/** Ink's optional devtools, never used: stubbed so the bundle does not look for them. */
const stubs = {
	name: 'stubs',
	setup(b) {
		b.onResolve({filter: /^react-devtools-core$/}, () => ({path: 'react-devtools-core', namespace: 'stub'}));
		b.onLoad({filter: /.*/, namespace: 'stub'}, () => ({contents: 'export default {};', loader: 'js'}));
	},
};

import {lazyHelpers, startupPatches} from './startup-patches.mjs';

const applied = new Set();
const patchStartup = {
	name: 'patch-startup',
	setup(b) {
		b.onLoad({filter: /[\\/]node_modules[\\/](string-width|yoga-layout)[\\/].*\.js$/}, async args => {
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
				applied.add(patch);
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
	// Linked maps (without the sources) so that `--debug` stack traces point at src/; Node reads
	// them only when bin/lectern.js turns source maps on.
	sourcemap: 'linked',
	sourcesContent: false,
	legalComments: 'none',
	plugins: [stubs, patchStartup],
	define: {'process.env.NODE_ENV': '"production"', 'process.env.DEV': '"false"'},
	// CommonJS dependencies bundled into ESM need a require for Node built-ins. Every chunk gets
	// this banner, but few chunks ever call require: so the real one is made on the first call
	// (an eager createRequire per chunk cost ~2% of the first frame's CPU, ~20 chunks load before it).
	banner: {
		js: "import {createRequire as __lecternCreateRequire} from 'node:module'; let __lecternRequire; function require(id) { return (__lecternRequire ??= __lecternCreateRequire(import.meta.url))(id); }",
	},
	logLevel: 'warning',
});

// A patch whose module is no longer bundled was not applied: say so rather than keep a dead patch.
for (const patch of startupPatches.filter(patch => !applied.has(patch))) {
	throw new Error(
		`patch-startup: ${patch.file} was not bundled, so \`${patch.from}\` was never patched; remove the patch from scripts/startup-patches.mjs`,
	);
}
