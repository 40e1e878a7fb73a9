// Ink and the App, loaded after the first frame (Ink's Yoga is a stand-in: src/ui/yoga-stand-in.ts).
export function loadInk() {
	return Promise.all([import('ink'), import('./App.js')]);
}
