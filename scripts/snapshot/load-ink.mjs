// The snapshot bundle's src/ui/load-ink.ts: loads Yoga (WebAssembly, compiled now, never in
// the snapshot) and hands it to Ink through the `yoga-layout` stand-in (yoga.mjs).
import {distRequire} from './dist-require.mjs';

export async function loadInk() {
	globalThis.__lecternYoga ??= await distRequire('./snapshot-yoga.cjs').loadYoga();
	return Promise.all([import('ink'), import('../../src/ui/App.tsx')]);
}
