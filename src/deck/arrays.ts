// Array helpers that never spread: `push(...items)` and `Math.min(...values)` pass every item
// as an argument on the stack, which overflows at about 100,000 (a 130,000-line code block, a
// deck of 300,000 one-line slides).

export function pushAll<T>(target: T[], items: Iterable<T>): T[] {
	for (const item of items) {
		target.push(item);
	}

	return target;
}

/** The smallest of `values`, or `empty` when there is none. */
export function minOf(values: Iterable<number>, empty: number): number {
	let min = Number.POSITIVE_INFINITY;
	for (const value of values) {
		min = Math.min(min, value);
	}

	return min === Number.POSITIVE_INFINITY ? empty : min;
}

/** The largest of `values`, or `empty` when there is none. */
export function maxOf(values: Iterable<number>, empty: number): number {
	let max = Number.NEGATIVE_INFINITY;
	for (const value of values) {
		max = Math.max(max, value);
	}

	return max === Number.NEGATIVE_INFINITY ? empty : max;
}
