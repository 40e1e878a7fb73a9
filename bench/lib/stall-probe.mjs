// Preloaded into a measured Lectern (`node --import bench/lib/stall-probe.mjs bin/lectern.js …`):
// records every time the event loop was held longer than `threshold` ms, that is every
// synchronous stretch during which `q`, Ctrl-C and signals would have waited. A 2 ms
// interval timer notes how late it fires; the lateness is the stretch's length (to within
// the tick). Written as JSON to $LECTERN_STALLS when the process exits.
import {writeFileSync} from 'node:fs';
import {performance} from 'node:perf_hooks';

const file = process.env.LECTERN_STALLS;
const tick = 2;
const threshold = 10;
const stalls = [];
let last = performance.now();
const timer = setInterval(() => {
	const now = performance.now();
	const late = now - last - tick;
	if (late >= threshold) {
		// `at`: when the stretch began, on the wall clock, so the driver can say what it was doing.
		stalls.push({at: performance.timeOrigin + last, ms: Math.round(late)});
	}

	last = now;
}, tick);
timer.unref();

if (file) {
	process.on('exit', () => {
		writeFileSync(file, JSON.stringify({stalls}));
	});
}
