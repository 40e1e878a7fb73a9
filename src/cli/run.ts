// The bundle's entry point: run the CLI, set the exit code, and make sure an uncaught error
// still leaves one line on stderr (the terminal session restores itself on exit).
import {main} from './main.js';

process.on('uncaughtException', error => {
	process.stderr.write(`lectern: internal error: ${String(error.message).split('\n')[0]} (run with --debug for details)\n`);
	if (process.argv.includes('--debug')) {
		process.stderr.write(String(error.stack) + '\n');
	}

	process.exit(1);
});

const code = await main(process.argv.slice(2));
process.exitCode = code;
// Ink, the watcher and stdin may keep the loop alive after a quit: leave now.
setImmediate(() => process.exit(code));
