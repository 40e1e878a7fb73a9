// With noUncheckedIndexedAccess a test's `rows[0]`, `map.get(name)` or `find(…)` is typed
// `| undefined`. `defined` says the test needs it there, and fails right at that line with a
// plain message when it is not (a `!` would fail later, with a TypeError or a confusing diff).
import {defined as checked} from '../../src/deck/checked.js';

export function defined<T>(value: T | undefined | null, what = 'a value this test needs'): T {
	return checked(value, what);
}
