// The same statistics ptybench uses (median; p95 by linear interpolation), so our own
// figures and the harness's can sit in one table.

export function median(xs) {
	const v = xs.filter(x => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
	if (v.length === 0) return undefined;
	const mid = Math.floor(v.length / 2);
	return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

export function pct(xs, p) {
	const v = xs.filter(x => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
	if (v.length === 0) return undefined;
	const k = ((v.length - 1) * p) / 100;
	const lo = Math.floor(k);
	const hi = Math.min(lo + 1, v.length - 1);
	return v[lo] + (v[hi] - v[lo]) * (k - lo);
}

export function max(xs) {
	const v = xs.filter(x => typeof x === 'number' && Number.isFinite(x));
	return v.length ? Math.max(...v) : undefined;
}

export function ratio(a, b) {
	return typeof a === 'number' && typeof b === 'number' && b > 0 ? a / b : undefined;
}
