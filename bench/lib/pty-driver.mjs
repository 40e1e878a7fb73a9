// A small pseudo-terminal driver for the measurements ptybench does not make (several key
// kinds, study mode, the bundled lecture): spawn a program in node-pty, feed its output to
// @xterm/headless, and wait for screen predicates. Times are taken when the chunk that
// made the predicate true arrived, so they exclude our own emulation time.
import {readFileSync, readdirSync} from 'node:fs';
import {performance} from 'node:perf_hooks';
import pty from '@lydell/node-pty';
import xterm from '@xterm/headless';
import {gist} from './text.mjs';

const TAIL_BYTES = 4096;

export class PtySession {
	constructor(cmd, args, {cols, rows, env, cwd}) {
		this.cols = cols;
		this.rows = rows;
		this.bytes = 0;
		this.tail = Buffer.alloc(0);
		this.waiters = new Set();
		this.textWaiters = new Set();
		this.quietWaiters = new Set();
		// The end of what arrived (for a text split between chunks), whether a synchronized
		// update is open at its end, and the chunks held back from the emulator (see hold()).
		this.rawTail = '';
		this.syncOpen = false;
		this.held = undefined;
		this.exit = undefined;
		this.term = new xterm.Terminal({cols, rows, scrollback: 0, allowProposedApi: true});
		this.t0 = performance.now();
		this.proc = pty.spawn(cmd, args, {cols, rows, env, cwd, name: env.TERM ?? 'xterm-256color', encoding: null});
		// Answer cursor-position and device-attribute queries the way a terminal would.
		this.term.onData(reply => {
			if (!this.exit) this.proc.write(reply);
		});
		this.proc.onData(chunk => this.#onChunk(chunk));
		this.exited = new Promise(resolve => {
			this.proc.onExit(e => {
				this.exit = e;
				// Let pending output reach the screen before anyone judges it.
				this.release();
				for (const w of this.textWaiters) w.resolve(undefined);
				this.textWaiters.clear();
				this.term.write('', () => {
					for (const w of this.waiters) w.resolve(undefined);
					this.waiters.clear();
					resolve(e);
				});
			});
		});
	}

	#onChunk(chunk) {
		const at = performance.now();
		const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
		this.bytes += buf.length;
		this.tail = Buffer.concat([this.tail, buf]).subarray(-TAIL_BYTES);
		for (const q of this.quietWaiters) q.poke();
		if (this.textWaiters.size > 0 || this.held) this.#arrived(buf, at);
		if (this.held) this.held.push(buf);
		else this.term.write(buf, () => this.#check(at));
	}

	#arrived(buf, at) {
		const chunk = buf.toString('latin1');
		const text = this.rawTail + chunk;
		const opened = text.lastIndexOf('\u001B[?2026h');
		const closed = text.lastIndexOf('\u001B[?2026l');
		if (opened !== closed) this.syncOpen = opened > closed;
		for (const w of this.textWaiters) {
			// Only text that ends in this chunk: what the tail held was there before the waiter.
			const index = w.found ? -1 : text.indexOf(w.text, Math.max(0, this.rawTail.length - w.text.length + 1));
			if (index !== -1) w.found = true;
			if (w.found && !this.syncOpen) {
				this.textWaiters.delete(w);
				w.resolve(at);
			}
		}

		this.rawTail = text.slice(-64);
	}

	#check(at) {
		if (this.waiters.size === 0) return;
		const lines = this.lines();
		for (const w of this.waiters) {
			if (w.pred(lines)) {
				this.waiters.delete(w);
				w.resolve(at);
			}
		}
	}

	/** The rows on screen as plain text (trailing spaces trimmed). */
	lines() {
		const buf = this.term.buffer.active;
		const out = [];
		for (let y = 0; y < this.rows; y++) out.push(buf.getLine(y)?.translateToString(true) ?? '');
		return out;
	}

	/**
	 * Resolves with the arrival time of the chunk after which `pred(lines)` held, or
	 * undefined on timeout or exit. Checks the screen as it is now first.
	 */
	waitFor(pred, timeoutMs) {
		return new Promise(resolve => {
			if (this.exit) return resolve(pred(this.lines()) ? performance.now() : undefined);
			const timer = setTimeout(() => {
				this.waiters.delete(w);
				resolve(undefined);
			}, timeoutMs);
			const w = {
				pred,
				resolve: t => {
					clearTimeout(timer);
					resolve(t);
				},
			};
			this.waiters.add(w);
			this.term.write('', () => this.#check(performance.now()));
		});
	}

	/**
	 * Resolves with the arrival time of the chunk that brought `text` (ASCII, written in one
	 * piece) and closed the synchronized update it came in, if any: when a terminal would show
	 * it. It reads the bytes, not the screen, so the emulator's time is not in it (and held
	 * chunks count); undefined on timeout or exit. Check the screen afterwards.
	 */
	waitForText(text, timeoutMs) {
		return new Promise(resolve => {
			if (this.exit) return resolve(undefined);
			const timer = setTimeout(() => {
				this.textWaiters.delete(w);
				resolve(undefined);
			}, timeoutMs);
			const w = {
				text,
				found: false,
				resolve: t => {
					clearTimeout(timer);
					resolve(t);
				},
			};
			this.textWaiters.add(w);
		});
	}

	/**
	 * Keep what arrives from the emulator until release(): a bench driving hundreds of
	 * sessions reads every one's bytes first and emulates afterwards, so its emulation does
	 * not hold up its reading of the others.
	 */
	hold() {
		this.held ??= [];
	}

	/** Feed the held chunks to the emulator. */
	release() {
		const held = this.held ?? [];
		this.held = undefined;
		for (const buf of held) this.term.write(buf);
	}

	/** Resolves once no output arrived for `settleMs` (or `maxMs` passed); returns bytes since `fromBytes`. */
	quiet(settleMs, maxMs, fromBytes = this.bytes) {
		return new Promise(resolve => {
			const start = performance.now();
			let timer;
			const q = {
				poke: () => {
					clearTimeout(timer);
					if (performance.now() - start > maxMs) return done();
					timer = setTimeout(done, settleMs);
				},
			};
			const done = () => {
				clearTimeout(timer);
				this.quietWaiters.delete(q);
				resolve(this.bytes - fromBytes);
			};
			this.quietWaiters.add(q);
			if (this.exit) return done();
			q.poke();
		});
	}

	/** Writes a key; returns the time and byte count just before, to measure from. */
	press(data) {
		const mark = {t: performance.now(), bytes: this.bytes};
		if (!this.exit) this.proc.write(data);
		return mark;
	}

	/** Peak resident memory of the process tree in KiB (sum of each process's VmHWM). */
	peakRssKiB() {
		let sum = 0;
		for (const pid of treePids(this.proc.pid)) sum += hwmKiB(pid) ?? 0;
		return sum || undefined;
	}

	/** What a crashed program said, in one line. */
	tailText() {
		return gist(this.tail.toString('utf8'));
	}

	/** Quits with `key`; kills the process if it has not exited within `timeoutMs`. */
	async close(key, timeoutMs) {
		const t = performance.now();
		if (!this.exit && key !== undefined) this.proc.write(key);
		const ok = await Promise.race([this.exited.then(() => true), sleep(timeoutMs).then(() => false)]);
		if (!ok) {
			this.#kill('SIGTERM');
			const gone = await Promise.race([this.exited.then(() => true), sleep(3000).then(() => false)]);
			if (!gone) this.#kill('SIGKILL');
			await Promise.race([this.exited, sleep(3000)]);
		}
		this.term.dispose();
		return {quitOk: ok, exitMs: performance.now() - t, exitCode: this.exit?.exitCode};
	}

	#kill(signal) {
		try {
			this.proc.kill(signal);
		} catch {
			// already gone
		}
	}
}

// Unreferenced: a race against a long timeout must not keep the bench alive after it is won.
export function sleep(ms) {
	return new Promise(resolve => setTimeout(resolve, ms).unref());
}

function treePids(pid) {
	const out = [];
	const todo = [pid];
	while (todo.length) {
		const p = todo.pop();
		out.push(p);
		try {
			for (const tid of readdirSync(`/proc/${p}/task`)) {
				const kids = readFileSync(`/proc/${p}/task/${tid}/children`, 'utf8').split(/\s+/).filter(Boolean);
				todo.push(...kids.map(Number));
			}
		} catch {
			// exited, or no /proc
		}
	}
	return out;
}

function hwmKiB(pid) {
	try {
		const m = /^VmHWM:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
		return m ? Number(m[1]) : undefined;
	} catch {
		return undefined;
	}
}
