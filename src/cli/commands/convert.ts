// `lectern convert <deck.rst> [-o out.md] [--check]`: bring a reStructuredText slide deck
// (hieroglyph/Sphinx) in as a Lectern Markdown deck. The reader is pure (src/convert/rst);
// this reads the file with the usual guards, writes the deck atomically or to stdout, and
// reports. The deck goes to stdout only when no -o is given, so the summary, warnings and
// check report then go to stderr.
import {randomBytes} from 'node:crypto';
import {closeSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeSync} from 'node:fs';
import {basename, dirname, join} from 'node:path';
import {convertRst} from '../../convert/rst/index.js';
import {openDeck} from '../../deck/deck.js';
import {sanitize, sanitizeLine} from '../../deck/sanitize.js';
import {LecternError, exitCodes, formatError} from '../errors.js';
import {loadHighlighter} from '../highlighter.js';
import {readDeckText} from '../load.js';
import {checkOpenDeck, formatProblem} from './check.js';

export type ConvertArgs = Readonly<{file: string; output?: string; check: boolean; maxSize: number}>;

/** The size `--check` lays the converted deck out at: check's default. */
const checkSize = {width: 100, height: 30};

export async function runConvert(args: ConvertArgs): Promise<number> {
	const {file, output} = args;
	if (output !== undefined) {
		refuseInputAsOutput(file, output);
	}

	const text = readDeckText(file, args.maxSize * 1024 * 1024);
	if (text.trim() === '') {
		throw new LecternError('is empty: there is no deck to convert', {file});
	}

	const {markdown, summary, warnings} = convertRst(text);
	for (const warning of warnings) {
		process.stderr.write(formatError(new LecternError(`warning: ${warning.message}`, {file, line: warning.line})) + '\n');
	}

	if (output === undefined) {
		// Lectern sanitises a deck when it shows it; a terminal gets the same treatment here.
		process.stdout.write(process.stdout.isTTY ? sanitize(markdown) : markdown);
	} else {
		writeOutput(output, markdown);
	}

	const report = output === undefined ? process.stderr : process.stdout;
	const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
	report.write(
		sanitizeLine(
			// The total is what `outline` and the presenter count; section slides are among them.
			`converted ${file} → ${output ?? 'stdout'}: ${plural(summary.slides + summary.sections, 'slide')} ` +
				`(${plural(summary.sections, 'section slide')}), ` +
				`${summary.notes} with notes, ${plural(summary.figures, 'figure')} to redraw, ${plural(summary.warnings, 'warning')}`,
		) + '\n',
	);

	let checkErrors = 0;
	if (args.check) {
		const highlighter = await loadHighlighter().catch(() => undefined);
		const problems = checkOpenDeck(openDeck(markdown, output ?? 'stdout'), [checkSize], {ascii: false}, highlighter);
		checkErrors = problems.filter(problem => problem.severity === 'error').length;
		report.write(
			`check at ${checkSize.width}x${checkSize.height}: ${plural(checkErrors, 'error')}, ${plural(problems.length - checkErrors, 'warning')}\n`,
		);
		report.write(problems.map(problem => formatProblem(problem) + '\n').join(''));
	}

	return warnings.length > 0 || checkErrors > 0 ? exitCodes.problems : exitCodes.ok;
}

/** Converting a file onto itself would lose the original: refuse, whatever the spelling of the path. */
function refuseInputAsOutput(input: string, output: string): void {
	let same = false;
	try {
		const a = statSync(input);
		const b = statSync(output);
		if (b.isDirectory()) {
			throw new LecternError('is a directory: give -o the path of the Markdown file to write', {file: output, code: exitCodes.usage});
		}

		same = a.dev === b.dev && a.ino === b.ino;
	} catch (error) {
		if (error instanceof LecternError) {
			throw error;
		}
		// The output does not exist yet (or the input does not: reading it says so).
	}

	if (same) {
		throw new LecternError('-o is the input file: write the Markdown deck to another file', {file: output, code: exitCodes.usage});
	}
}

/**
 * Written whole or not at all: a temp file beside the output (same file system), flushed, then
 * renamed over it. (write-file-atomic does this too, but it needs `__filename`, which the ES
 * module bundle does not have.)
 */
function writeOutput(output: string, markdown: string): void {
	const temp = join(dirname(output), `.${basename(output)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
	try {
		const fd = openSync(temp, 'wx', 0o644);
		try {
			writeSync(fd, markdown);
			fsyncSync(fd);
		} finally {
			closeSync(fd);
		}

		renameSync(temp, output);
	} catch (error) {
		rmSync(temp, {force: true});
		const code = (error as NodeJS.ErrnoException).code;
		const reason =
			code === 'ENOENT'
				? 'its folder does not exist'
				: code === 'EACCES' || code === 'EPERM'
					? 'permission denied'
					: `cannot be written (${code ?? (error as Error).message})`;
		throw new LecternError(`${reason}: nothing was written`, {file: output});
	}
}
