// A follower's first position used to pay for compiling the code that draws a position: V8
// compiles a function on its first call, and Lectern runs without the optimising compiler. In
// a hall of 200 followers in pseudo-terminals, the speaker's first key cost each follower
// 0.87 ms of CPU against 0.35-0.52 ms for the keys after it (perf record: a quarter of that
// key's samples in CompileLazy), and it was the slowest key of 20: key -> last follower 105 ms,
// the others 43-67 ms. So, while the talk rests after joining, a throwaway view of the same
// deck goes once through that path (its frames composed ahead, then the next position drawn
// from them) and paints nowhere.
import type {TalkPosition} from './protocol.js';
import {FollowerView, type FollowerViewOptions} from './follower-view.js';
import {FrameWriter, type FramePlan} from '../terminal/frame-writer.js';

/** After the throwaway view's frames ahead are composed (a view rehearses 250 ms after a change). */
const drawAfterMs = 400;

export type WarmUpOptions = Omit<FollowerViewOptions, 'paint' | 'plan' | 'onChange' | 'onQuit'> & {
	/** The position to draw (the next slide: what a speaker's first key most likely shows). */
	next: Pick<TalkPosition, 'slide' | 'step' | 'blank'>;
	/** Sees what the throwaway view drew (for tests); nothing reaches the terminal. */
	drawn?: (rows: readonly string[], ready: FramePlan | undefined) => void;
};

/** Starts the warm-up; returns a function that stops it (a follower that leaves early). */
export function warmPositionPath(options: WarmUpOptions): () => void {
	const {next, drawn, ...viewOptions} = options;
	const writer = new FrameWriter(() => {});
	const view = new FollowerView({
		...viewOptions,
		paint(rows, ready) {
			writer.draw(rows, ready);
			drawn?.(rows, ready);
		},
		plan: rows => writer.plan(rows),
		onQuit() {},
	});
	view.render();
	const timer = setTimeout(() => {
		view.position(next);
		view.dispose();
	}, drawAfterMs);
	return () => {
		clearTimeout(timer);
		view.dispose();
	};
}
