// `lectern convert <deck.rst> [-o out.md] [--check]`: bring a reStructuredText slide deck
// (hieroglyph/Sphinx) in as a Lectern Markdown deck. The reader is pure (src/convert/rst);
// this reads the file with the usual guards, writes the deck atomically or to stdout, and
// reports. The deck goes to stdout only when no -o is given, so the summary, warnings and
// check report then go to stderr.
import {convertRst} from '../../convert/rst/index.js';
import {openDeck} from '../../deck/deck.js';
import {sanitize, sanitizeLine} from '../../deck/sanitize.js';
import {LecternError, exitCodes, formatError} from '../errors.js';
import {loadHighlighter} from '../highlighter.js';
import {readDeckText} from '../load.js';
import {refuseInputAsOutput, writeOutput} from '../output-file.js';
import {checkOpenDeck, formatProblem} from './check.js';

export type ConvertArgs = Readonly<{file: string; output?: string; check: boolean; maxSize: number}>;

/** The size `--check` lays the converted deck out at: check's default. */
const checkSize = {width: 100, height: 30};

export async function runConvert(args: ConvertArgs): Promise<number> {
	const {file, output} = args;
	if (output !== undefined) {
		refuseInputAsOutput(file, output, 'Markdown deck');
	}

	const text = readDeckText(file, args.maxSize * 1024 * 1024);
	if (text.trim() === '') {
		throw new LecternError('is empty: there is no deck to convert', {file});
	}

	const {markdown, summary, warnings} = convertRst(text);
	for (const warning of warnings) {
		process.stderr.write(`${formatError(new LecternError(`warning: ${warning.message}`, {file, line: warning.line}))}\n`);
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
		`${sanitizeLine(
			// The total is what `outline` and the presenter count; section slides are among them.
			`converted ${file} → ${output ?? 'stdout'}: ${plural(summary.slides + summary.sections, 'slide')} ` +
				`(${plural(summary.sections, 'section slide')}), ` +
				`${summary.notes} with notes, ${plural(summary.figures, 'figure')} to redraw, ${plural(summary.warnings, 'warning')}`,
		)}\n`,
	);

	let checkErrors = 0;
	if (args.check) {
		const highlighter = await loadHighlighter().catch(() => undefined);
		const problems = checkOpenDeck(openDeck(markdown, output ?? 'stdout'), [checkSize], {ascii: false}, highlighter);
		checkErrors = problems.filter(problem => problem.severity === 'error').length;
		report.write(
			`check at ${checkSize.width}x${checkSize.height}: ${plural(checkErrors, 'error')}, ${plural(problems.length - checkErrors, 'warning')}\n`,
		);
		report.write(problems.map(problem => `${formatProblem(problem)}\n`).join(''));
	}

	return warnings.length > 0 || checkErrors > 0 ? exitCodes.problems : exitCodes.ok;
}
