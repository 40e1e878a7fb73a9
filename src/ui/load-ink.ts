// Ink and the App, loaded after the first frame. Its own module so that the start-up
// snapshot's bundle (scripts/snapshot/) can load Yoga first: Ink's layout engine is
// WebAssembly behind a top-level await, which a snapshot's CommonJS bundle cannot hold.
export function loadInk() {
	return Promise.all([import('ink'), import('./App.js')]);
}
