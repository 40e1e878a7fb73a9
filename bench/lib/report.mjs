// The printed report: the comparison table, Lectern's own table, and the targets of issues 8 and 18.
import {median, ratio} from './stats.mjs';
import {FLOOR, KEY_FLOOR, LECTERN, kindFigures, searchFigures, summarizeTool} from './summary.mjs';
import {NOTES_DECK_KINDS} from './key-kinds.mjs';

const f1 = x => (typeof x === 'number' && Number.isFinite(x) ? x.toFixed(1) : '-');
const f0 = x => (typeof x === 'number' && Number.isFinite(x) ? String(Math.round(x)) : '-');
const fx = x => (typeof x === 'number' && Number.isFinite(x) ? `${x.toFixed(2)}x` : '-');

export function mdTable(head, rows) {
	const w = head.map((h, i) => Math.max(h.length, ...rows.map(r => String(r[i]).length)));
	const line = cells => `| ${cells.map((c, i) => String(c).padEnd(w[i])).join(' | ')} |`;
	return [line(head), `|${w.map(x => '-'.repeat(x + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

/** Footnotes shared by both tables: a cell says [n], the text follows the table. */
class Notes {
	list = [];
	add(text) {
		const i = this.list.indexOf(text);
		if (i >= 0) return `[${i + 1}]`;
		this.list.push(text);
		return `[${this.list.length}]`;
	}
	toString() {
		return this.list.map((t, i) => `[${i + 1}] ${t}`).join('\n');
	}
}

function errorCell(errors, notes) {
	if (!errors.length) return '0';
	return `${errors.length} ${notes.add(errors[0])}`;
}

export function comparisonTable(sizes, lecture, notes) {
	const head = [
		'deck',
		'tool',
		'runs',
		'first ms',
		'x floor',
		'key ms med',
		'key ms p95',
		'bytes/key',
		'RSS MiB',
		'restored',
		'errors',
		'L÷ first',
		'L÷ key',
		'L÷ bytes',
		'L÷ RSS',
	];
	const rows = [];
	for (const s of sizes) {
		const floor = s.byTool.get(FLOOR);
		const lec = s.byTool.get(LECTERN);
		for (const [tool, t] of s.byTool) {
			const peer = ![LECTERN, FLOOR, KEY_FLOOR].includes(tool) && lec && !lec.errors.length;
			rows.push([
				s.label,
				tool,
				t.runs,
				f1(t.first),
				fx(ratio(t.first, floor?.first)),
				f1(t.keyMed),
				f1(t.keyP95),
				f0(t.bytes),
				f1(t.rssMiB),
				`${t.restored}/${t.runs}`,
				errorCell(t.errors, notes),
				peer ? fx(ratio(lec.first, t.first)) : '',
				peer ? fx(ratio(lec.keyMed, t.keyMed)) : '',
				peer ? fx(ratio(lec.bytes, t.bytes)) : '',
				peer ? fx(ratio(lec.rssMiB, t.rssMiB)) : '',
			]);
		}
		for (const sk of s.skipped) {
			rows.push([
				s.label,
				sk.tool,
				0,
				'-',
				'-',
				'-',
				'-',
				'-',
				'-',
				'-',
				`skipped ${notes.add(`${sk.tool} at ${s.label} slides: ${sk.reason}`)}`,
				'',
				'',
				'',
				'',
			]);
		}
		for (const n of s.notes ?? []) notes.add(`${s.label} slides: ${n}`);
	}
	if (lecture) {
		const l = lecture.lecture;
		const floorMs = median(lecture.floor.ms);
		const shown = l.marker ? ` showing "${l.marker}"` : '';
		const own = notes.add(
			`${l.file}, measured by our own pty driver, not ptybench: first frame = spawn to the screen${shown}; x floor against \`node -e\` (${f1(floorMs)} ms) run by the same driver in the same loop`,
		);
		const small = lecture.small;
		const same = small?.ms.length
			? notes.add(
					`the generated ${small.label}-slide deck, measured by the same driver in the same loop as the lecture row (not a target: it says what the driver's floor makes of Lectern's start, so the lecture's row can be read against it)`,
				)
			: undefined;
		const ownRow = (label, r) => [
			label,
			LECTERN,
			r.ms.length + r.errors.length,
			f1(median(r.ms)),
			fx(ratio(median(r.ms), floorMs)),
			'-',
			'-',
			'-',
			f1(r.rss.length ? Math.max(...r.rss) / 1024 : undefined),
			'-',
			errorCell(r.errors, notes),
			'',
			'',
			'',
			'',
		];
		rows.push(ownRow(`lecture ${own}`, l));
		if (same) rows.push(ownRow(`${small.label}, own driver ${same}`, small));
	}
	return mdTable(head, rows);
}

export function lecternTable(kinds, search, ownFloorMs, notes) {
	const head = ['Lectern', 'deck', 'size', 'n', 'ms med', 'ms p95', 'x node', 'bytes/key med', 'bytes/key max', 'RSS MiB', 'errors'];
	const rows = kinds.map(r => {
		const f = kindFigures(r);
		const what = r.noops
			? `${r.kind} ${notes.add(`${r.kind} at ${r.size}: ${r.noops} presses changed nothing within 0.8 s (end of the text, or a slow frame); they count in bytes/key only, and an unmeasured l moved on`)}`
			: r.kind;
		const key = r.key === '\x1b' ? 'Esc' : r.key;
		return [
			`${what} (${key})`,
			r.deck,
			r.size,
			f.n,
			f1(f.med),
			f1(f.p95),
			'',
			f0(f.bytes),
			f0(f.bytesMax),
			f1(f.rssMiB),
			errorCell(r.errors, notes),
		];
	});
	for (const r of search) {
		const f = searchFigures(r);
		const err = errorCell(r.errors, notes);
		const hits = r.hits === undefined ? '' : `, ${r.hits} hits`;
		rows.push([`search "${r.query}" wall${hits}`, r.deck, '-', f.n, f1(f.wall), f1(f.wallP95), fx(f.wallRatio), '-', '-', '-', err]);
		if (f.n && f.load === undefined) {
			rows.push([
				`search load / query ${notes.add('the CLI wrote no `lectern-timing load_ms=… query_ms=…` line to stderr under LECTERN_TIMING=1')}`,
				r.deck,
				'-',
				0,
				'-',
				'-',
				'-',
				'-',
				'-',
				'-',
				'-',
			]);
		} else if (f.n) {
			rows.push(['search load_ms', r.deck, '-', r.load.length, f1(f.load), '-', fx(ratio(f.load, f.floor)), '-', '-', '-', '0']);
			rows.push([
				'search query_ms',
				r.deck,
				'-',
				r.queryMs.length,
				f1(f.query),
				f1(f.queryP95),
				fx(ratio(f.query, f.floor)),
				'-',
				'-',
				'-',
				'0',
			]);
		}
	}
	notes.add(`x node: against \`node -e\` start-up; own driver's floor: ${f1(ownFloorMs)} ms`);
	return mdTable(head, rows);
}

/** Issue 8's targets, each PASS / FAIL / n/a (not measured in this run). */
export function targets({sizes, lecture, kinds, search, cold, longLines = [], exports = [], kindDeck, regressions}) {
	const out = [];
	const verdict = cond => (cond === undefined ? 'n/a ' : cond ? 'PASS' : 'FAIL');
	const lecOf = n => {
		const s = sizes.find(x => x.n === n);
		const l = s?.byTool.get(LECTERN);
		return l && !l.errors.length ? {l, floor: s.byTool.get(FLOOR), s} : undefined;
	};
	const firsts = [10, 100, 1000, 10000]
		.map(n => [n, lecOf(n)])
		.filter(([, v]) => v)
		.map(([n, v]) => [String(n), ratio(v.l.first, v.floor?.first)]);
	if (lecture?.lecture.ms.length) firsts.push(['lecture', ratio(median(lecture.lecture.ms), median(lecture.floor.ms))]);
	const firstLine = firsts.map(([n, r]) => `${n}: ${fx(r)}`).join(', ') || 'not measured';
	const okFirst = firsts.length ? firsts.every(([, r]) => r !== undefined && r <= 2.5) : undefined;
	out.push(`${verdict(okFirst)}  first frame <= 2.5x node -e (issue 8): ${firstLine}`);
	const okFirst18 = firsts.length ? firsts.every(([, r]) => r !== undefined && r <= 1.3) : undefined;
	out.push(`${verdict(okFirst18)}  first frame <= 1.3x node -e (issue 18): ${firstLine}`);

	const want = ['next', 'previous', 'last', 'notes toggle', 'search typing'];
	const kr = want.map(k => kinds.find(r => r.kind === k && r.deck === kindDeck.label && r.size === kindDeck.size));
	const kf = kr.map(r => (r && !r.errors.length && r.ms.length ? kindFigures(r) : undefined));
	const okKeys = kf.some(f => !f) ? undefined : kf.every(f => f.med <= 4 && f.p95 <= 10);
	out.push(
		`${verdict(okKeys)}  key median <= 4 ms, p95 <= 10 ms on ${kindDeck.label} slides: ${want.map((k, i) => `${k} ${kf[i] ? `${f1(kf[i].med)}/${f1(kf[i].p95)}` : 'n/a'}`).join(', ')}`,
	);

	const big = [...sizes].reverse().find(s => lecOf(s.n) && s.byTool.get('patat'));
	const pb = big?.byTool.get('patat')?.bytes;
	const lb = big ? lecOf(big.n).l.bytes : undefined;
	out.push(
		`${verdict(pb === undefined || lb === undefined ? undefined : lb <= pb)}  next-slide bytes/key <= patat's${big ? ` (${big.label} slides): lectern ${f0(lb)} B, patat ${f0(pb)} B` : ': not measured'}`,
	);

	// The issue's deck is the generated one; the copy with 25 lines of notes per slide (three
	// times the bytes) is reported beside it, not judged.
	const kindRss = withNotes =>
		kinds.filter(r => r.deck === '1000' && NOTES_DECK_KINDS.includes(r.kind) === withNotes).flatMap(r => r.rss.map(k => k / 1024));
	const rss = [lecOf(1000)?.l.rssMiB, ...kindRss(false)].filter(x => x !== undefined);
	const peak = rss.length ? Math.max(...rss) : undefined;
	const notesRss = kindRss(true);
	const notesPeak = notesRss.length ? `; with 25 lines of notes per slide: ${f1(Math.max(...notesRss))} MiB` : '';
	out.push(
		`${verdict(peak === undefined ? undefined : peak * 1048576 < 80e6)}  peak RSS < 80 MB on 1000 slides: ${peak === undefined ? 'not measured' : `${f1(peak)} MiB`}${notesPeak}`,
	);

	// Issue 18: every run on the 1,000-slide deck (ptybench's and our own sessions, the one that
	// searches included) within 1.3x the peak RSS of a bare `node -e` in the same run.
	const floorRss = lecOf(1000)?.floor?.rssMiB;
	const rssRatio = peak === undefined || floorRss === undefined ? undefined : peak / floorRss;
	out.push(
		`${verdict(rssRatio === undefined ? undefined : rssRatio <= 1.3)}  peak RSS <= 1.3x node -e on 1000 slides (issue 18): ${rssRatio === undefined ? 'not measured' : `${f1(peak)} MiB vs ${f1(floorRss)} MiB: ${fx(rssRatio)}`}`,
	);

	// Lectern on 10,000 slides against Lectern on 10, in one interleaved loop (run.mjs). It was
	// each size's first frame ÷ its own invocation's `node -e`, but that floor is the same program
	// whatever the deck, so the ratio of the two was mostly the two floors' noise: 163.3 vs 163.1
	// ms of Lectern read as 1.25x because one floor took 103.4 ms and the other 128.7.
	const same = sizes.find(s => s.n === 10000)?.sameLoop;
	const sameOk = same && !same.big.errors.length && !same.small.errors.length;
	const grow = sameOk ? ratio(same.big.first, same.small.first) : undefined;
	out.push(
		`${verdict(grow === undefined ? undefined : grow <= 1.1)}  10,000 slides open within 10% of 10: ${grow === undefined ? 'not measured' : `${f1(same.big.first)} vs ${f1(same.small.first)} ms, Lectern on each deck in one loop of ${same.big.runs}: ${fx(grow)}`}`,
	);

	const g = kinds.find(r => r.kind === 'last' && r.deck === '10000');
	const gf = g && !g.errors.length && g.ms.length ? kindFigures(g) : undefined;
	out.push(
		`${verdict(gf ? gf.med <= 4 && gf.p95 <= 10 : undefined)}  G on 10,000 slides is a normal key (<= 4 ms median, 10 ms p95): ${gf ? `${f1(gf.med)}/${f1(gf.p95)} ms` : 'not measured'}`,
	);

	const s10k = search.find(r => r.deck === '10000');
	const q = s10k ? searchFigures(s10k).query : undefined;
	out.push(
		`${verdict(q === undefined ? undefined : q < 50)}  search over 10,000 slides < 50 ms after load: ${q === undefined ? 'not measured' : `${f1(q)} ms`}`,
	);

	const coldRatio = cold && !cold.errors.length ? ratio(median(cold.wall), median(cold.version)) : undefined;
	out.push(
		`${verdict(coldRatio === undefined ? undefined : coldRatio <= 1.5)}  cold search "${cold?.query ?? ''}" over ${cold?.deck ?? '5000'} slides <= 1.5x lectern --version (issue 18): ${coldRatio === undefined ? `not measured${cold?.errors.length ? ` (${cold.errors[0]})` : ''}` : `${f1(median(cold.wall))} vs ${f1(median(cold.version))} ms: ${fx(coldRatio)}`}`,
	);
	const judged = regressions && regressions.compared > 0 ? regressions : undefined;
	out.push(
		`${verdict(judged ? judged.flagged.length === 0 : undefined)}  key latency, bytes per key and large decks: no regression over 10% (issue 18): ${
			judged
				? `${judged.compared} metrics against the baseline of ${judged.saved.slice(0, 10)}${judged.flagged.length ? `, over: ${judged.flagged.join(', ')}` : ''} (table with --compare)`
				: 'not judged (no baseline, or a --quick run)'
		}`,
	);

	// Issue 12: one long line, laid out and printed; linear is 10x from 100 KB to 1 MB.
	for (const row of longLines) {
		const r = row.errors.length ? undefined : ratio(row.bigMs, row.smallMs);
		out.push(
			`${verdict(r === undefined ? undefined : r <= 12)}  print one long line (${row.kind}), 1 MB <= 12x 100 KB (issue 12): ${r === undefined ? `not measured${row.errors.length ? ` (${row.errors[0]})` : ''}` : `${f1(row.bigMs)} vs ${f1(row.smallMs)} ms (node -e ${f1(row.floorMs)} ms): ${fx(r)}`}`,
		);
	}

	// Issue 14: the handout page, written end to end (start-up included).
	for (const row of exports) {
		const ms = row.errors.length ? undefined : row.ms;
		const figure =
			ms === undefined ? `not measured${row.errors.length ? ` (${row.errors[0]})` : ''}` : `${f1(ms)} ms (node -e ${f1(row.floorMs)} ms)`;
		out.push(
			row.deck === 'the lecture'
				? `${verdict(ms === undefined ? undefined : ms < 1000)}  export the lecture < 1 s (issue 14): ${figure}`
				: `info  export ${row.deck} (issue 14): ${figure}`,
		);
	}
	return out.join('\n');
}

export {Notes, summarizeTool};
