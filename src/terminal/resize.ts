// Resize events come in storms while a window is dragged: the full-screen commands redraw
// once per burst, 30 ms after the last event (and after a resume from Ctrl-Z, through `now`).
import type {Size} from '../layout/layout.js';

export type ResizeWatch = Readonly<{
	/** Run the redraw after the usual pause, as if the terminal had been resized. */
	now: () => void;
	/** Stop listening and drop a pending redraw. */
	dispose: () => void;
}>;

export function watchResize(stdout: NodeJS.WriteStream, redraw: () => void): ResizeWatch {
	let timer: NodeJS.Timeout | undefined;
	const onResize = () => {
		clearTimeout(timer);
		timer = setTimeout(redraw, 30);
	};

	stdout.on('resize', onResize);
	return {
		now: onResize,
		dispose() {
			clearTimeout(timer);
			stdout.off('resize', onResize);
		},
	};
}

/** The terminal's size now (80x24 when it does not say). */
export function terminalSize(): Size {
	return {width: process.stdout.columns || 80, height: process.stdout.rows || 24};
}
