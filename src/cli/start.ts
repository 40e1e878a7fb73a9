// The CLI's start: run the command, set the exit code, and make sure an uncaught error still
// leaves one line on stderr (the terminal session restores itself on exit). A function, not
// top-level code, so that the start-up snapshot (scripts/snapshot/entry.mjs) can hold this
// module already evaluated and call it only when a run begins.
import {internalErrorText, runGuarded} from './errors.js';
import {quickPresentArgs} from './quick-present.js';
import {quickFollowArgs} from './quick-follow.js';
import {quickSearchArgs} from './quick-search.js';

export async function startCli(): Promise<void> {
	process.on('uncaughtException', error => {
		process.stderr.write(internalErrorText(error, process.argv.includes('--debug')));
		process.exit(1);
	});

	// A reader that stops early (`lectern print deck.md | head`) is not a fault: leave quietly.
	process.stdout.on('error', error => {
		if ((error as NodeJS.ErrnoException).code === 'EPIPE') {
			process.exit(Number(process.exitCode ?? 0));
		}

		// Others (the presenter's session) handle a dead terminal; alone, stay an uncaught error.
		if (process.stdout.listenerCount('error') === 1) {
			throw error;
		}
	});

	const argv = process.argv.slice(2);
	const quick = quickPresentArgs(argv);
	const follow = quick ? undefined : quickFollowArgs(argv);
	const search = quick || follow ? undefined : quickSearchArgs(argv);
	const code = quick
		? await runGuarded(async () => (await import('./commands/present.js')).runPresent(quick), argv)
		: follow
			? await runGuarded(async () => (await import('./commands/follow.js')).runFollow(follow), argv)
			: search
				? await runGuarded(async () => (await import('./commands/search.js')).runSearch(search), argv)
				: await (await import('./main.js')).main(argv);
	process.exitCode = code;
	// Ink, the watcher and stdin may keep the loop alive after a quit: leave now, but only once
	// stdout has taken everything: a pipe takes 64 KiB at a time and exit() drops the rest.
	// Nothing queued: no write at all, since even an empty one fails on a full device (/dev/full)
	// and would make a command with nothing to say (a clean check, the first Node of an
	// optimised re-run) report an error.
	if (process.stdout.writableLength === 0) {
		setImmediate(() => process.exit(code));
		return;
	}

	process.stdout.write('', () => {
		setImmediate(() => process.exit(code));
	});
}
