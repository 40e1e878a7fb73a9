// Ctrl-Z (a key in raw mode) and SIGTSTP from outside, for every full-screen command: save,
// give the terminal back and stop (like vim and less); once continued, draw the whole frame
// again (the shell drew over it), then let the command catch up with a changed size.
import type {Session} from './session.js';

export type Suspender = Readonly<{
	/** Suspend now (the App's Ctrl-Z). */
	suspend: () => void;
	/** Called after a resume, once the frame is redrawn (e.g. to re-read the terminal's size). */
	setAfterResume: (callback: () => void) => void;
	/** Stop listening for the signals. */
	dispose: () => void;
}>;

export function installSuspend(session: Session, redraw: () => void, beforeSuspend: () => void = () => {}): Suspender {
	let resumed = false;
	let afterResume = () => {};
	const suspend = () => {
		beforeSuspend();
		session.suspend();
		resumed = true;
		redraw();
		afterResume();
	};

	// A stop from outside (SIGSTOP, then SIGCONT) left the modes alone, but not the screen.
	const onContinue = () => {
		if (!resumed) {
			redraw();
		}

		resumed = false;
	};

	// From the start: without a handler, a SIGTSTP to an orphaned process group is dropped.
	process.on('SIGTSTP', suspend);
	process.on('SIGCONT', onContinue);
	return {
		suspend,
		setAfterResume(callback) {
			afterResume = callback;
		},
		dispose() {
			process.off('SIGTSTP', suspend);
			process.off('SIGCONT', onContinue);
		},
	};
}
