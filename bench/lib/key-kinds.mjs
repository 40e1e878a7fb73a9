// Lectern's own key measurements, through the real binary in a pseudo-terminal: latency
// and bytes for every key kind the targets name (ptybench only presses "next").
import {readFileSync, writeFileSync, mkdirSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {PtySession} from './pty-driver.mjs';
import {childEnv, freshXdg, lecternBin} from './env.mjs';

/** Lectern's keys. Kept in one table so a changed binding is a one-line edit here. */
export const KEYS = {next: 'l', prev: 'h', last: 'G', first: 'g', notes: 's', search: '/', cancel: '\x1b', scroll: 'j', quit: 'q'};

// Not in slide 1's title or body, so the search bar is the only place it can appear.
const QUERY = 'virtio';
const KEY_TIMEOUT_MS = 5000;
// A scroll key that changes nothing in this long counts as a no-op.
const NOOP_MS = 800;

export const slideMark = i => `SLIDE ${String(i).padStart(4, '0')} MARK`;
const noteMark = i => `NOTEMARK${String(i).padStart(4, '0')}`;
const shows = text => lines => lines.some(l => l.includes(text));
const changedFrom = before => lines => lines.some((l, y) => l !== before[y]);

/**
 * The generated deck plus long speaker notes on every slide (gen_deck.py writes none):
 * the notes toggle needs something to show, and study mode something to scroll.
 */
/** Kinds measured on the deck with notes (writeNotesDeck), not on the benchmark deck itself. */
export const NOTES_DECK_KINDS = ['notes toggle', 'scroll (study)'];

export function writeNotesDeck(plainDeck, n) {
	const slides = readFileSync(plainDeck, 'utf8').trimEnd().split('\n\n---\n\n');
	const body = slides.map((s, i) => {
		const lines = [`${noteMark(i + 1)} what to say on slide ${i + 1}.`];
		for (let k = 1; k <= 24; k++) lines.push(`Note line ${k}: remind the room how the ${k % 2 ? 'guest' : 'host'} sees this.`);
		return `${s}\n\n<!-- notes:\n${lines.join('\n')}\n-->`;
	});
	const dir = path.join(path.dirname(path.dirname(plainDeck)), `${n}-notes`);
	mkdirSync(dir, {recursive: true});
	const file = path.join(dir, 'deck.md');
	writeFileSync(file, `${body.join('\n\n---\n\n')}\n`);
	return file;
}

/**
 * Runs `body(session, measure)` in a fresh Lectern once it shows slide 1; resolves with the
 * first error (the body returns one, or undefined) and the process's peak RSS.
 */
async function withLectern(args, size, o, body) {
	return withProgram(lecternBin, args, size, o, body);
}

/** withLectern for any program that shows slide 1's marker first (the key floor). */
async function withProgram(command, args, size, o, body) {
	const s = new PtySession(command, [...args], {cols: size.cols, rows: size.rows, env: childEnv(freshXdg())});
	const first = await s.waitFor(shows(slideMark(1)), o.timeoutMs);
	let error;
	if (first === undefined) {
		const said = s.tailText();
		error = `first slide not seen${s.exit ? ` (exit ${s.exit.exitCode})` : ` in ${o.timeoutMs / 1000}s`}${said ? `: ${said}` : ''}`;
	} else {
		await s.quiet(o.settleMs, o.timeoutMs);
		const measure = async (key, pred, timeoutMs = KEY_TIMEOUT_MS) => {
			const m = s.press(key);
			const t = await s.waitFor(pred, timeoutMs);
			const bytes = await s.quiet(o.settleMs, o.timeoutMs, m.bytes);
			return t === undefined ? {bytes} : {ms: t - m.t, bytes};
		};
		try {
			error = await body(s, measure);
		} catch (e) {
			error = `bench error: ${e.message}`;
		}
	}
	const rss = s.peakRssKiB();
	await s.close(KEYS.quit, o.timeoutMs);
	return {error, rss};
}

function rowFor(rows, deck, size, kind, key) {
	let row = rows.find(r => r.deck === deck && r.size === size.label && r.kind === kind);
	if (!row) {
		row = {deck, size: size.label, kind, key, ms: [], bytes: [], rss: [], errors: [], noops: 0};
		rows.push(row);
	}
	return row;
}

const record = (row, r) => {
	if (r.ms !== undefined) row.ms.push(r.ms);
	row.bytes.push(r.bytes);
};

/** next ×K then prev ×K, one session. */
async function navSession(rows, deck, o, size, withPrev) {
	const next = rowFor(rows, deck.label, size, 'next', KEYS.next);
	const prev = withPrev ? rowFor(rows, deck.label, size, 'previous', KEYS.prev) : undefined;
	const keys = Math.min(o.keys, deck.slides - 1);
	const {error, rss} = await withLectern([deck.file], size, o, async (_s, measure) => {
		for (let k = 1; k <= keys; k++) {
			const r = await measure(KEYS.next, shows(slideMark(k + 1)));
			record(next, r);
			if (r.ms === undefined) return `next: slide ${k + 1} not seen after key ${k}`;
		}
		for (let k = keys; prev && k >= 1; k--) {
			const r = await measure(KEYS.prev, shows(slideMark(k)));
			record(prev, r);
			if (r.ms === undefined) return `previous: slide ${k} not seen`;
		}
		return undefined;
	});
	note(error, rss, next, prev);
}

/** The kind of the key floor's row: Node answering each `l` with the next marker, nothing else. */
export const KEY_FLOOR_KIND = 'key floor';
const keyFloorScript = fileURLToPath(new URL('key-floor.mjs', import.meta.url));

/**
 * The key floor through this driver, K presses of `l`: what this machine's pseudo-terminal
 * round trip costs a Node program that does nothing else: subtracted from Lectern's per-kind
 * medians, it leaves Lectern's own part of a key (key_own.*).
 */
async function keyFloorSession(rows, o, size) {
	const row = rowFor(rows, 'node', size, KEY_FLOOR_KIND, KEYS.next);
	const {error, rss} = await withProgram(process.execPath, [keyFloorScript], size, o, async (_s, measure) => {
		for (let k = 1; k <= o.keys; k++) {
			const r = await measure(KEYS.next, shows(slideMark(k + 1)));
			record(row, r);
			if (r.ms === undefined) return `key floor: marker ${k + 1} not seen`;
		}
		return undefined;
	});
	note(error, rss, row);
}

/** G and g alternately, K of each. */
async function endsSession(rows, deck, o, size) {
	const last = rowFor(rows, deck.label, size, 'last', KEYS.last);
	const first = rowFor(rows, deck.label, size, 'first', KEYS.first);
	const {error, rss} = await withLectern([deck.file], size, o, async (_s, measure) => {
		for (let k = 0; k < o.keys; k++) {
			const g = await measure(KEYS.last, shows(slideMark(deck.slides)));
			record(last, g);
			if (g.ms === undefined) return `last: slide ${deck.slides} not seen`;
			const f = await measure(KEYS.first, shows(slideMark(1)));
			record(first, f);
			if (f.ms === undefined) return 'first: slide 1 not seen';
		}
		return undefined;
	});
	note(error, rss, last, first);
}

/** The notes toggle, K presses, judged by the note marker appearing or going. */
async function notesSession(rows, deck, o, size) {
	const row = rowFor(rows, deck.label, size, 'notes toggle', KEYS.notes);
	const {error, rss} = await withLectern([deck.notesFile], size, o, async (s, measure) => {
		for (let k = 0; k < o.keys; k++) {
			const visible = shows(noteMark(1))(s.lines());
			const r = await measure(KEYS.notes, lines => shows(noteMark(1))(lines) !== visible);
			record(row, r);
			if (r.ms === undefined) return `notes toggle: the notes of slide 1 never ${visible ? 'went' : 'appeared'}`;
		}
		return undefined;
	});
	note(error, rss, row);
}

/** `/`, then the query one letter at a time (each to the frame showing it), then Esc. */
async function searchSession(rows, deck, o, size) {
	const open = rowFor(rows, deck.label, size, 'search open', KEYS.search);
	const typing = rowFor(rows, deck.label, size, 'search typing', 'letters');
	const cancel = rowFor(rows, deck.label, size, 'search cancel', 'Esc');
	const cycles = Math.max(1, Math.ceil(o.keys / QUERY.length));
	const {error, rss} = await withLectern([deck.file], size, o, async (s, measure) => {
		for (let c = 0; c < cycles; c++) {
			// A row gained a `/`: the clock ticking in the status bar does not count.
			const before = s.lines();
			const slashes = l => l.split('/').length;
			const r = await measure(KEYS.search, lines => lines.some((l, y) => slashes(l) > slashes(before[y] ?? '')));
			record(open, r);
			if (r.ms === undefined) return 'search open: no "/" appeared';
			let bar = -1;
			for (let i = 1; i <= QUERY.length; i++) {
				const prefix = QUERY.slice(0, i);
				const typed = s.lines();
				// The row that changed and now holds the typed text is the search bar (the
				// slide may hold the same letters elsewhere: a diagram's `v` arrow).
				const t = await measure(QUERY[i - 1], lines => {
					const y = lines.findLastIndex((l, k) => l !== typed[k] && l.includes(prefix));
					if (y >= 0) bar = y;
					return y >= 0;
				});
				record(typing, t);
				if (t.ms === undefined) return `search typing: "${prefix}" not shown`;
			}
			const x = await measure(KEYS.cancel, lines => !(lines[bar] ?? '').includes(QUERY));
			record(cancel, x);
			if (x.ms === undefined) return 'search cancel: the query stayed on screen after Esc';
		}
		return undefined;
	});
	note(error, rss, open, typing, cancel);
}

/**
 * `j` in study mode. Lectern's `j` runs on into the next slide at the end of the text; a
 * `j` that changes nothing within NOOP_MS anyway is a no-op (bytes only), and `l`
 * (not measured) moves on.
 */
async function scrollSession(rows, deck, o, size) {
	const row = rowFor(rows, deck.label, size, 'scroll (study)', KEYS.scroll);
	const {error, rss} = await withLectern(['study', deck.notesFile], size, o, async (s, measure) => {
		for (let n = 0, noops = 0; n < o.keys && noops <= o.keys; ) {
			const r = await measure(KEYS.scroll, changedFrom(s.lines()), NOOP_MS);
			record(row, r);
			if (r.ms !== undefined) {
				n++;
				continue;
			}
			noops++;
			row.noops++;
			const moved = await measure(KEYS.next, changedFrom(s.lines()));
			if (moved.ms === undefined) return 'scroll: neither j nor l changed the screen';
		}
		return row.ms.length ? undefined : 'scroll: j never changed the screen';
	});
	note(error, rss, row);
}

function note(error, rss, ...rs) {
	for (const r of rs) {
		if (!r) continue;
		if (rss) r.rss.push(rss);
		if (error) r.errors.push(error);
	}
}

/**
 * All key kinds on `deck` at `main` size; next, notes and scroll also at the `extra`
 * sizes (bytes per key depend on the screen size); the ends (G/g) on `bigDeck` too.
 */
export async function measureKeyKinds({deck, bigDeck, main, extra, o, log}) {
	const rows = [];
	for (let rep = 0; rep < o.repeat; rep++) {
		const oo = {...o, repeatIndex: rep};
		log(`  key kinds, repeat ${rep + 1}/${o.repeat}`);
		await keyFloorSession(rows, oo, main);
		await navSession(rows, deck, oo, main, true);
		await endsSession(rows, deck, oo, main);
		await notesSession(rows, deck, oo, main);
		await searchSession(rows, deck, oo, main);
		await scrollSession(rows, deck, oo, main);
		for (const size of extra) {
			await navSession(rows, deck, oo, size, false);
			await notesSession(rows, deck, oo, size);
			await scrollSession(rows, deck, oo, size);
		}
		if (bigDeck) await endsSession(rows, bigDeck, {...oo, keys: Math.min(o.keys, 5)}, main);
	}
	return rows;
}
