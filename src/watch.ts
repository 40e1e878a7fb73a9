// Live reload: watch the deck file and report changes, debounced, surviving editors that
// save by writing a new file and renaming it over the old one.
import {watch} from 'chokidar';

/** `changedSinceLoad` is asked once the watcher is ready: a save before that raised no event. */
export function watchFile(file: string, onChange: () => void, debounceMs = 80, changedSinceLoad: () => boolean = () => false): () => void {
	let timer: NodeJS.Timeout | undefined;
	const watcher = watch(file, {ignoreInitial: true, awaitWriteFinish: false, atomic: true});
	const fire = () => {
		clearTimeout(timer);
		timer = setTimeout(onChange, debounceMs);
	};

	watcher.on('ready', () => {
		if (changedSinceLoad()) {
			fire();
		}
	});
	watcher
		.on('change', fire)
		.on('add', fire)
		.on('error', () => {
			// A watcher that fails leaves the deck as it is; presenting goes on.
		});
	return () => {
		clearTimeout(timer);
		void watcher.close();
	};
}
