// The screen as React sees it: the rows the pure layout composed, painted by the shell (a
// FrameWriter that sends only changed rows) in the commit that produced them. Ink hosts the
// app — raw input, key parsing, the React lifecycle — but does not lay out or serialise the
// frame: re-serialising every cell of an already measured and styled frame was most of a
// keypress's cost (see docs/architecture.md, "Where the time goes").
import {useLayoutEffect} from 'react';

/** Puts exactly the screen's rows on the terminal (or, in tests, records them). */
export type Paint = (rows: readonly string[]) => void;

export function Screen({rows, paint}: {rows: readonly string[]; paint: Paint}): null {
	// A layout effect runs inside the commit, so the frame reaches the terminal before React
	// moves on to passive effects (prewarming, saving study state).
	useLayoutEffect(() => {
		paint(rows);
	}, [rows, paint]);
	return null;
}
