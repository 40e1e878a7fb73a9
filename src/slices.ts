// Work cut into slices, so the presenter answers keys, Ctrl-C and signals while it runs: a
// generator's steps run until a slice's time is up, and the next slice waits a turn of the
// event loop (setImmediate runs after the poll for input). The sliced load (cli/load.ts), the
// live search, the overview's filter and following a reload (ui/App.tsx), and the same in a
// follower (hall/follower-view.ts) all go this way; the pure work is a generator in the core
// that pauses every so many lines or slides (openDeckSteps, matchingSlidesSteps,
// overviewFilterSteps, findSameSlideSteps).

/**
 * How long a slice may hold the event loop while someone is typing (the search bar's hurried
 * index and its live matching): a key that arrives during a slice waits for its end, and its
 * frame then takes about 2-3 ms of the 10 ms p95 the bench aims at. With 8 ms slices, the
 * first letters typed within ~150 ms of `/` on 1,000 slides (the index still being built)
 * answered in 10-31 ms (stall probe, loaded machine); the bench's search typing p95 was 13.2 ms.
 */
export const typingSliceMs = 2;

/**
 * How long a slice of work on the whole deck may hold the event loop when nobody is typing into
 * it (following the slide through a reload, the overview's filter, a follower's search): a key
 * waits at most this long, well under the 100 ms the presenter owes `q`.
 */
export const workSliceMs = 8;

/** Steps until one finishes the work or `sliceMs` have passed (at least one step). */
export function runSlice<T>(steps: Iterator<unknown, T>, sliceMs: number): IteratorResult<unknown, T> {
	const end = performance.now() + sliceMs;
	let step: IteratorResult<unknown, T>;
	do {
		step = steps.next();
	} while (!step.done && performance.now() < end);
	return step;
}

/** A turn of the event loop: keys, signals and timers are answered before the next slice. */
export function nextTurn(): Promise<void> {
	return new Promise(resolve => {
		setImmediate(resolve);
	});
}

/**
 * Runs `steps` in slices of about `sliceMs`: the first now, each next one a turn of the event
 * loop later, `paused` after each slice that did not finish, `done` with the result (at once
 * when the first slice finishes). Returns what stops it (`done` is then never called).
 */
export function runInSlices<T>(steps: Iterator<unknown, T>, sliceMs: number, done: (result: T) => void, paused?: () => void): () => void {
	let immediate: NodeJS.Immediate | undefined;
	let stopped = false;
	const slice = () => {
		const step = runSlice(steps, sliceMs);
		if (step.done) {
			done(step.value);
			return;
		}

		paused?.();
		if (!stopped) immediate = setImmediate(slice);
	};

	slice();
	return () => {
		stopped = true;
		clearImmediate(immediate);
	};
}
