// The rule of `npm run bench -- --compare` (issue 18: "key latency, bytes per key and large-deck
// figures: no regression over 10%"), as a pure function of a baseline and this run's figures, so
// a unit test can hold it to sample numbers (test/unit/bench-compare.test.ts). bench/baseline.mjs
// reads and writes the file.
//
// Kinds of metric (every one lower-is-better):
//   first.N, first.lecture, search_*   a time ÷ a bare-Node time of the same run (start-up ÷ start-up)
//   rss.N                              peak RSS ÷ bare Node's peak RSS
//   next_bytes.N, bytes.*              bytes written per key, as is (the machine plays no part)
//   key_own.KIND.DECK.SIZE             Lectern's own part of a key in ms: our driver's key median
//                                      minus the key floor's (bench/lib/key-floor.mjs) in the same run
// key_own is CPU work (the pseudo-terminal's round trip, which is the machine's and differed 2x
// between two machines, is the floor subtracted): a CPU twice as slow doubles it. So a baseline
// figure is scaled by this machine's speed against the baseline's before it is compared: the
// ratio of the two runs' calibrations (bench/lib/calibrate.mjs, a fixed workload's CPU ms). A
// baseline without a calibration is taken at face value (speed 1), and the report says so.

export const THRESHOLD = 0.1;

/** Metrics in ms of Lectern's CPU work: scaled by the machines' speed ratio. */
export const SCALED = /^key_own\./;

// What counts as noise, per metric: a change below this is never flagged however large in
// percent. `ms` is converted to ratio units with this run's floor (floors_ms); `abs` is in the
// metric's own units.
const SLACK = [
	[/^first\./, {ms: 5}],
	// One median of 20-100 presses of a ~1 ms figure: the same build's moved by up to 0.3 ms
	// between runs on an idle machine (bench/README.md).
	[SCALED, {abs: 0.3}],
	[/^search_wall\./, {ms: 5}],
	[/^search_query\./, {ms: 1}],
	[/bytes\./, {abs: 64}],
	[/^rss\./, {abs: 0.05}],
];

/**
 * How this run's machine relates to the baseline's: `speed` multiplies the baseline's SCALED
 * figures (this machine's calibration ms ÷ the baseline's: above 1, this machine is slower), and
 * `notes` say what a reader must know (another machine, no calibration).
 */
export function machineContext(baseline, current) {
	const notes = [];
	const was = baseline.calibration?.ms;
	const now = current.calibration?.ms;
	let speed = 1;
	if (was > 0 && now > 0) speed = now / was;
	else
		notes.push(
			`no CPU calibration in ${was > 0 ? 'this run' : 'the baseline'}: its key_own figures (ms of Lectern's own work per key) are compared as they are, which holds only on a CPU of the same speed`,
		);
	const a = baseline.machine;
	const b = current.machine;
	const other = !a || !b ? undefined : ['cpu', 'cpus', 'kernel', 'node'].filter(k => a[k] !== b[k]);
	if (!a) notes.push('the baseline does not say which machine it was measured on');
	else if (other?.length)
		notes.push(`the baseline was measured on another machine (${other.map(k => `${k}: ${a[k]} -> ${b[k]}`).join('; ')})`);
	if (speed !== 1) notes.push(`key_own baseline figures scaled by ${speed.toFixed(3)} (CPU calibration ${now} ms now, ${was} ms then)`);
	return {speed, notes};
}

/**
 * Rows for every metric in either: `was` is the baseline's figure, `base` the figure compared
 * against (`was` at this machine's speed for SCALED metrics). `REGRESSION` when worse than `base`
 * by more than THRESHOLD and by more than the noise allowance.
 */
export function compare(baseline, current) {
	const {speed} = machineContext(baseline, current);
	const names = [...new Set([...Object.keys(baseline.metrics ?? {}), ...Object.keys(current.metrics)])].sort();
	return names.map(name => {
		const was = baseline.metrics?.[name];
		const now = current.metrics[name];
		if (was === undefined || now === undefined) return {name, was, now, status: was === undefined ? 'new' : 'not measured'};
		const base = SCALED.test(name) ? was * speed : was;
		const rule = SLACK.find(([re]) => re.test(name))?.[1] ?? {abs: 0};
		const floor = current.floors?.[name];
		const slack = rule.ms !== undefined && floor ? rule.ms / floor : (rule.abs ?? 0);
		const change = base > 0 ? now / base - 1 : now > 0 ? Number.POSITIVE_INFINITY : 0;
		const flagged = change > THRESHOLD && now - base > slack;
		return {name, was, base, now, change, status: flagged ? 'REGRESSION' : change < -THRESHOLD ? 'better' : 'ok'};
	});
}
