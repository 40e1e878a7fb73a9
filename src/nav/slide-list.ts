// The overview's list: every slide, or the slides its filter kept. Every slide is a range, not
// an array: the list is asked for at each key and each frame, and a deck may have millions of
// slides (an array of 300,000 numbers, made at each key, held `o` for 50-140 ms).

/** What the overview asks of its list; a filter's `number[]` is one too. */
export type SlideList = Readonly<{
	length: number;
	at: (index: number) => number | undefined;
	indexOf: (slide: number) => number;
	slice: (start: number, end: number) => readonly number[];
}>;

/** Slides 0 to count - 1, in order, without an array of them. */
export function allSlides(count: number): SlideList {
	const inRange = (n: number) => Number.isInteger(n) && n >= 0 && n < count;
	return {
		length: count,
		at: index => (inRange(index) ? index : undefined),
		indexOf: slide => (inRange(slide) ? slide : -1),
		slice(start, end) {
			const from = Math.max(0, start);
			const to = Math.min(count, end);
			return Array.from({length: Math.max(0, to - from)}, (_, i) => from + i);
		},
	};
}
