// Builds the CLI into dist/ as one ESM bundle plus lazily loaded chunks (Ink + React, the
// syntax highlighter), so start-up reads one file and the first frame waits for neither.
// Then the start-up snapshot's script (dist/snapshot-script.cjs) and, from it, the snapshot
// itself (scripts/snapshot/make.mjs; LECTERN_NO_SNAPSHOT=1 skips both).
import {build} from 'esbuild';
import {rmSync, writeFileSync} from 'node:fs';
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {lazyHelpers, patchedPackage, snapshotPatches, startupPatches} from './startup-patches.mjs';

rmSync('dist', {recursive: true, force: true});

/**
 * Ink's optional devtools, never used: stubbed so the bundle does not look for them. Ink's
 * layout engine (Yoga, WebAssembly) is replaced by a stand-in: Lectern's tree has no Ink
 * elements to lay out (see src/ui/yoga-stand-in.ts).
 */
const stubs = {
	name: 'stubs',
	setup(b) {
		b.onResolve({filter: /^react-devtools-core$/}, () => ({path: 'react-devtools-core', namespace: 'stub'}));
		b.onResolve({filter: /^yoga-layout$/}, () => ({path: path.resolve('src/ui/yoga-stand-in.ts')}));
		b.onLoad({filter: /.*/, namespace: 'stub'}, () => ({contents: 'export default {};', loader: 'js'}));
	},
};

const applied = new Set();
/** Applies the patches to their packages' source text as they are bundled. */
function patchPlugin(patchList) {
	const packages = [...new Set(patchList.map(patch => patchedPackage(patch.file)))];
	return {
		name: 'patch-startup',
		setup(b) {
			b.onLoad({filter: new RegExp(`[\\\\/]node_modules[\\\\/](${packages.join('|')})[\\\\/].*\\.js$`)}, async args => {
				// The file as the patch names it, from the first node_modules on: a nested copy
				// (another version) is patched only when its patch names it under its parent.
				const file = args.path
					.split(/[\\/]node_modules[\\/]/)
					.slice(1)
					.join('/node_modules/')
					.replaceAll('\\', '/');
				const patches = patchList.filter(patch => patch.file === file);
				if (patches.length === 0) {
					return undefined;
				}

				let source = await readFile(args.path, 'utf8');
				for (const patch of patches) {
					if (!source.includes(patch.from)) {
						throw new Error(`patch-startup: ${patch.file} no longer has \`${patch.from}\`; update scripts/startup-patches.mjs`);
					}

					source = source.replace(patch.from, () => patch.to);
					applied.add(patch);
				}

				const helpers = patches.some(patch => patch.to.includes('lazy')) ? lazyHelpers : '';
				return {contents: source + helpers, loader: 'js'};
			});
		},
	};
}

const define = {'process.env.NODE_ENV': '"production"', 'process.env.DEV': '"false"'};
const minify = process.env.LECTERN_DEV !== '1';

await build({
	entryPoints: {lectern: 'src/cli/run.ts'},
	outdir: 'dist',
	bundle: true,
	splitting: true,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	minify,
	// Linked maps (without the sources) so that `--debug` stack traces point at src/; Node reads
	// them only when bin/lectern.js turns source maps on.
	sourcemap: 'linked',
	sourcesContent: false,
	legalComments: 'none',
	plugins: [stubs, patchPlugin(startupPatches)],
	define,
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

if (process.env.LECTERN_NO_SNAPSHOT !== '1') {
	// The start-up snapshot's script: the CLI as one CommonJS script, which is what
	// `node --build-snapshot` takes (no ES modules, no top-level await). The large packages the
	// first frame does not run are CommonJS files of their own in dist/, read when a run first
	// needs them (scripts/snapshot/dist-require.mjs): the snapshot holds its script's source, and
	// every byte of it is read, checksummed and copied on every start and kept for the process's
	// life (see docs/architecture.md). Each is a package the rest of the script does not import
	// but through the names below: lowlight (highlight.js's grammars), Ink with React (loaded
	// after the first frame; React is one copy, Ink's, which the App's imports get too), yargs
	// (only command lines the quick paths do not read), chokidar (the watcher, after the first
	// frame) and yaml (front matter beyond the usual, and convert).
	const distParts = {
		lowlight: {file: 'snapshot-lowlight.cjs'},
		ink: {file: 'snapshot-ink.cjs', key: 'ink'},
		react: {file: 'snapshot-ink.cjs', key: 'react'},
		// main.ts takes yargs's default export; an ES module imports a CommonJS one's module.exports as its default.
		yargs: {file: 'snapshot-yargs.cjs', key: 'default'},
		chokidar: {file: 'snapshot-chokidar.cjs'},
		// The front matter's usual YAML is read without it (src/deck/front-matter.ts); the rest, and
		// `lectern convert`, read it from here: 115 KB of the script's source, twice (blob and heap).
		yaml: {file: 'snapshot-yaml.cjs'},
	};
	const distRequire = JSON.stringify(path.resolve('scripts/snapshot/dist-require.mjs'));
	const snapshotParts = {
		name: 'snapshot-parts',
		setup(b) {
			b.onResolve({filter: new RegExp(`^(${Object.keys(distParts).join('|')})$`)}, args => ({path: args.path, namespace: 'dist-part'}));
			b.onLoad({filter: /.*/, namespace: 'dist-part'}, args => {
				const part = distParts[args.path];
				const exported = part.key ? `.${part.key}` : '';
				return {
					contents: `module.exports = require(${distRequire}).distRequire('./${part.file}')${exported};`,
					loader: 'js',
					resolveDir: path.resolve('scripts/snapshot'),
				};
			});
		},
	};
	// Ink's React devtools (and with them the ws package) are never loaded.
	const noDevtools = {
		name: 'no-devtools',
		setup(b) {
			b.onResolve({filter: /^\.\/devtools\.js$/}, () => ({path: 'devtools', namespace: 'stub'}));
		},
	};
	const options = {
		outdir: 'dist',
		outExtension: {'.js': '.cjs'},
		bundle: true,
		format: 'cjs',
		platform: 'node',
		target: 'node20',
		minify,
		legalComments: 'none',
		// The bundle's place is known only when a run starts (entry.mjs sets it).
		define: {...define, 'import.meta.url': 'globalThis.__lecternModuleUrl'},
		logLevel: 'warning',
	};
	await build({
		...options,
		entryPoints: {'snapshot-script': 'scripts/snapshot/entry.mjs'},
		plugins: [stubs, patchPlugin([...startupPatches, ...snapshotPatches]), noDevtools, snapshotParts],
	});
	await build({
		...options,
		entryPoints: {
			'snapshot-lowlight': 'lowlight',
			'snapshot-ink': 'scripts/snapshot/ink.cjs',
			'snapshot-yargs': 'yargs',
			'snapshot-chokidar': 'chokidar',
			'snapshot-yaml': 'yaml',
		},
		plugins: [stubs, patchPlugin([...startupPatches, ...snapshotPatches]), noDevtools],
	});

	// esbuild leaves a few non-ASCII characters in regular expression literals (bullets, box
	// drawing), and one of them makes V8 hold a whole script as a two-byte string: twice its
	// size, for the snapshot's script in the snapshot and in memory on every start, for the
	// others in memory once loaded. \uXXXX means the same code unit in a regular expression as
	// in a string (a surrogate pair stays a pair).
	for (const name of ['snapshot-script', 'snapshot-ink', 'snapshot-yargs', 'snapshot-chokidar', 'snapshot-yaml']) {
		const scriptFile = path.join('dist', `${name}.cjs`);
		const script = await readFile(scriptFile, 'utf8');
		writeFileSync(
			scriptFile,
			script.replace(/[\u0080-\uFFFF]/g, unit => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`),
		);
	}
}
