// Reads that the code has made sure of but TypeScript cannot see: with noUncheckedIndexedAccess
// every `items[i]` is typed `| undefined`, even inside the loop that checked `i < items.length`,
// and every capture group too, even one the pattern always fills. Where no plainer form says it
// (for-of, destructuring, `charAt` for a string), these say it and check it: if the reasoning is
// ever wrong they fail at once with a plain message, where a `!` would let `undefined` travel on.

/** `items[index]`, for an index the caller knows is in range (of a list that holds no `undefined`). */
export function itemAt<T>(items: ArrayLike<T>, index: number): T {
	const item = items[index];
	if (item === undefined) {
		throw new RangeError(`index ${index} is outside a list of ${items.length}`);
	}

	return item;
}

/** The last item, for a list the caller knows is not empty. */
export function lastOf<T>(items: ArrayLike<T>): T {
	return itemAt(items, items.length - 1);
}

/** Capture group `index` of a match, for a group the pattern always fills when it matches. */
export function group(match: RegExpMatchArray | RegExpExecArray, index: number): string {
	const text = match[index];
	if (text === undefined) {
		throw new RangeError(`capture group ${index} of ${String(match[0])} took no part in the match`);
	}

	return text;
}

/** `value`, which the caller has made sure is there by the time it asks (`what` says why). */
export function defined<T>(value: T | undefined | null, what: string): T {
	if (value === undefined || value === null) {
		throw new TypeError(`missing: ${what}`);
	}

	return value;
}
