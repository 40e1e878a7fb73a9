// Preloaded into a measured Lectern (`node --require bench/lib/stall-probe.cjs …`; CommonJS,
// because a start-up snapshot's run takes --require and not --import):
// records every time the event loop was held longer than `threshold` ms, that is every
// synchronous stretch during which `q`, Ctrl-C and signals would have waited. A 2 ms
// interval timer notes how late it fires; the lateness is the stretch's length (to within
// the tick). Each stretch also gets the process's CPU time over it (`cpu`): on a loaded
// machine the wall time includes time the process was not scheduled, the CPU time does not
// (with --single-threaded, garbage collection runs on this thread and is counted too).
// Written as JSON to $LECTERN_STALLS when the process exits.
const {writeFileSync} = require('node:fs');
const {performance} = require('node:perf_hooks');

const file = process.env.LECTERN_STALLS;
const tick = 2;
const threshold = 10;
const stalls = [];
let last = performance.now();
let lastHr = process.hrtime.bigint();
let lastCpu = cpuMs();
function cpuMs() {
	const {user, system} = process.cpuUsage();
	return (user + system) / 1000;
}

const timer = setInterval(() => {
	const now = performance.now();
	const cpu = cpuMs();
	const late = now - last - tick;
	if (late >= threshold) {
		// `at`: when the stretch began, on the wall clock, so the driver can say what it was doing;
		// `hrUs`: the same on the monotonic clock of a --cpu-prof profile (microseconds).
		stalls.push({at: performance.timeOrigin + last, ms: Math.round(late), cpu: Math.round(cpu - lastCpu), hrUs: Number(lastHr / 1000n)});
	}

	last = now;
	lastCpu = cpu;
	lastHr = process.hrtime.bigint();
}, tick);
timer.unref();

if (file) {
	process.on('exit', () => {
		// When the process began to exit (after the exit handlers before this one): the rest of
		// `q → exit` is Node's own teardown.
		writeFileSync(file, JSON.stringify({stalls, exitAt: performance.timeOrigin + performance.now()}));
	});
}
