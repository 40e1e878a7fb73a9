// Runs the shared harness (../shared/bench/ptybench.py) in place: generates the decks,
// then one interleaved invocation per deck size, read back through its --jsonl file.
import {spawn, spawnSync} from 'node:child_process';
import {mkdirSync, readFileSync, rmSync, existsSync} from 'node:fs';
import path from 'node:path';
import {outDir} from './env.mjs';
import {gist} from './text.mjs';

export function generateDeck(python, shared, n) {
	const dir = path.join(outDir, 'decks', String(n));
	const r = spawnSync(python, [path.join(shared, 'gen_deck.py'), String(n), dir], {encoding: 'utf8'});
	if (r.status !== 0) throw new Error(`gen_deck.py ${n} failed: ${(r.stderr || r.error?.message || '').trim()}`);
	return dir;
}

const running = new Set();

/** Ends the ptybench runs in flight (on Ctrl+C or kill), so none outlives the bench. */
export function stopChildren() {
	for (const child of running) child.kill('SIGTERM');
}

/** One ptybench invocation; resolves with its JSON lines (one per run) and its stderr notes. */
export function runPtybench(o) {
	const jsonl = path.join(outDir, `ptybench-${o.tag}.jsonl`);
	mkdirSync(outDir, {recursive: true});
	rmSync(jsonl, {force: true}); // ptybench appends
	const args = [
		path.join(o.shared, 'ptybench.py'),
		'--deck-dir',
		o.deckDir,
		'--tools',
		o.tools.join(','),
		'--tools-file',
		o.toolsFile,
		'--repeat',
		String(o.repeat),
		'--keys',
		String(o.keys),
		'--size',
		o.size,
		'--timeout',
		String(o.timeout),
		'--settle',
		String(o.settle),
		'--jsonl',
		jsonl,
	];
	if (o.keepTail) args.push('--keep-tail', String(o.keepTail));
	return new Promise(resolve => {
		const child = spawn(o.python, args, {env: o.env, stdio: ['ignore', 'pipe', 'pipe']});
		running.add(child);
		const notes = [];
		let out = '';
		let err = '';
		child.stdout.on('data', d => {
			out += d;
			for (let nl = out.indexOf('\n'); nl >= 0; nl = out.indexOf('\n')) {
				const line = out.slice(0, nl);
				out = out.slice(nl + 1);
				if (line.startsWith('{')) o.onRun?.(safeJson(line));
			}
		});
		child.stderr.on('data', d => {
			err += d;
		});
		child.on('error', e => notes.push(`ptybench did not start: ${e.message}`));
		child.on('close', code => {
			running.delete(child);
			for (const line of err
				.split('\n')
				.map(l => l.trim())
				.filter(Boolean)) {
				if (!/^Traceback|^\s*File /.test(line)) notes.push(line);
			}
			if (code !== 0) notes.push(`ptybench exited with ${code}${err ? `: ${lastLine(err)}` : ''}`);
			const runs = existsSync(jsonl)
				? readFileSync(jsonl, 'utf8')
						.split('\n')
						.filter(l => l.startsWith('{'))
						.map(safeJson)
						.filter(Boolean)
				: [];
			resolve({runs, notes});
		});
	});
}

/**
 * A warm-up run of every tool (one repeat, one key) that also finds the tools that cannot
 * show a first slide at this size within the timeout: those are left out of the measured
 * run, with the reason, instead of costing a timeout on every repeat.
 */
export async function probeTools(o) {
	const {runs, notes} = await runPtybench({...o, tag: `${o.tag}-probe`, repeat: 1, keys: 1, keepTail: 4000});
	const ok = [];
	const skipped = [];
	for (const tool of o.tools) {
		const run = runs.find(r => r.tool === tool);
		if (!run) {
			const why = notes.find(n => n.includes(tool)) ?? 'ptybench did not run it';
			skipped.push({tool, reason: why});
		} else if (run.error) {
			// ptybench says "not seen in 30s" also for a program that crashed at once; a
			// non-zero exit tells them apart (a timed-out one is quit with the quit key).
			// (negative: killed by a signal, after the timeout).
			const crashed = run.exit_code > 0 && run.first_ms === null;
			const said = crashed && run.tail ? gist(run.tail) : '';
			const why = crashed
				? `exited with ${run.exit_code} before showing the first slide`
				: `${run.error} in the warm-up run (raise --timeout, now ${o.timeout} s, to wait longer)`;
			skipped.push({tool, reason: `${why}${said ? `: ${said}` : ''}`});
		} else {
			ok.push(tool);
		}
	}
	return {ok, skipped, notes: notes.filter(n => !o.tools.some(t => n.includes(t)))};
}

function safeJson(line) {
	try {
		return JSON.parse(line);
	} catch {
		return undefined;
	}
}

function lastLine(text) {
	return text.trim().split('\n').pop()?.trim() ?? '';
}
