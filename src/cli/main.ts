// The command line: yargs for parsing and help; each command lives in its own module and is
// loaded only when run. Errors become one line on stderr and an exit code.
import yargs, {type Argv} from 'yargs';
import {dialectNames, type DialectName} from '../deck/dialects/dialect.js';
import {LecternError, exitCodes, runGuarded} from './errors.js';
import {forceDialect} from './load.js';
import {rerunOptimisedIfHuge} from './optimised-rerun.js';
import {coerceInteger, coerceIntegerOr, maxSizeOption, slideOption, widthOption} from './numbers.js';
import {presentDefaults} from './quick-present.js';
import {searchDefaults} from './quick-search.js';

function coerceDialect(value: string | undefined): DialectName | undefined {
	if (value === undefined || (dialectNames as readonly string[]).includes(value)) {
		return value as DialectName | undefined;
	}

	throw new LecternError(`--dialect ${value}: expected one of ${dialectNames.join(', ')}`, {code: exitCodes.usage});
}

/** A string option's value among `choices` (checked here: yargs' `choices` list breaks mid-word in the help). */
function oneOf<T extends string>(option: string, value: unknown, choices: readonly T[]): T {
	if (typeof value === 'string' && (choices as readonly string[]).includes(value)) return value as T;
	throw new LecternError(`${option} ${String(value)}: expected one of ${choices.join(', ')}`, {code: exitCodes.usage});
}

const version = '0.1.0';

// Numeric options have no yargs type: yargs' `number` turns `5x` into NaN before our check can
// name what was typed, and `string` would label them [string] in --help. Untyped, with numbers
// left unparsed (parserConfiguration below), the value reaches coerceInteger exactly as typed.
const maxSize = {
	requiresArg: true,
	default: String(presentDefaults.maxSize),
	defaultDescription: String(presentDefaults.maxSize),
	coerce: coerceIntegerOr(maxSizeOption, presentDefaults.maxSize),
	describe: 'largest deck file to read, in MiB (1 to 1024)',
} as const;

function shareOptions<T>(y: Argv<T>) {
	return y
		.option('group', {type: 'string', describe: 'let this Unix group follow (socket 0660); default: only you'})
		.option('share-notes', {type: 'boolean', default: false, describe: 'send the speaker notes to followers too'});
}

/** `--share deck.md` reads as the deck when no deck was given: `--share` takes an optional name. */
function shareArgs(args: {deck?: string; share?: string}): {deck?: string; share?: string} {
	if (args.deck === undefined && args.share !== undefined && /\.(?:md|markdown)$/i.test(args.share)) {
		return {deck: args.share, share: ''};
	}

	return {deck: args.deck, share: args.share};
}

/**
 * A batch command over `decks` (print, check, export, outline): run again in a Node without
 * --no-opt when they are huge (optimised-rerun.ts), else run here; its exit code either way.
 */
async function runBatch(decks: readonly string[], command: () => Promise<number>): Promise<void> {
	process.exitCode = (await rerunOptimisedIfHuge(decks)) ?? (await command());
}

function presentOptions<T>(y: Argv<T>) {
	return y
		.positional('deck', {type: 'string', describe: 'deck file, or deck.md:N for slide N (default: the lecture)'})
		.option('slide', {requiresArg: true, coerce: coerceInteger(slideOption), describe: 'open at slide N (1-based)'})
		.option('notes', {type: 'boolean', default: presentDefaults.notes, describe: 'show the speaker notes (s shows or hides them)'})
		.option('watch', {type: 'boolean', default: presentDefaults.watch, describe: 'reload when the deck file changes'})
		.option('ascii', {type: 'boolean', default: presentDefaults.ascii, describe: 'ASCII glyphs (automatic without a UTF-8 locale)'})
		.option('max-size', maxSize);
}

/** Options whose value is the next argument, where a search's query may come after them. */
const searchValueOptions = new Set(['--max-size', '--dialect']);

/**
 * A lone `-` given where a deck goes: Lectern reads decks from files, and yargs made `-` an empty
 * name (`lectern print -` said "lectern: : no such file") or dropped it from a list (`outline -`
 * and `search WORD -` read the bundled decks). Right after an option (`export deck.md -o -`, the
 * page on stdout) it is that option's value, and a search's first word is its query.
 */
function refuseStdinDeck(argv: readonly string[]): void {
	// Their arguments are talks, not decks.
	if (argv[0] === 'follow' || argv[0] === 'relay' || argv[0] === 'talks') return;
	let positionals = 0;
	let afterDashes = false;
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i] as string;
		const previous = argv[i - 1];
		const optionValue = !afterDashes && previous !== undefined && previous !== '--' && /^-[^=]+$/.test(previous);
		if (arg === '--' && !afterDashes) {
			afterDashes = true;
		} else if (arg === '-' && !optionValue && !(argv[0] === 'search' && positionals === 1)) {
			throw new LecternError('-: a deck is read from a file, not from standard input: give its path (a file named - is ./-)', {
				code: exitCodes.usage,
			});
		} else if (afterDashes || (!arg.startsWith('-') && !(previous !== undefined && searchValueOptions.has(previous)))) {
			positionals++;
		}
	}
}

export async function main(argv: readonly string[]): Promise<number> {
	const parser = yargs([...argv])
		.scriptName('lectern')
		.parserConfiguration({'parse-numbers': false})
		.usage('$0 [deck]  present a Markdown deck (press ? for the keys)')
		.command(
			['present [deck]', '$0 [deck]'],
			'present a deck full-screen (default)',
			y => shareOptions(presentOptions(y)).option('share', {type: 'string', describe: 'share the talk as NAME (default: the file name)'}),
			async args => {
				const {runPresent} = await import('./commands/present.js');
				process.exitCode = await runPresent({...args, ...shareArgs(args), view: 'present', restart: false});
			},
		)
		.command(
			'speaker [deck]',
			'speaker view: slide, next, notes, clock',
			y => shareOptions(presentOptions(y)).option('share', {type: 'string', describe: "the talk's name (default: the deck's file name)"}),
			async args => {
				const {runPresent} = await import('./commands/present.js');
				const shared = shareArgs(args);
				process.exitCode = await runPresent({
					...args,
					...shared,
					share: shared.share ?? '',
					speaker: true,
					view: 'present',
					restart: false,
				});
			},
		)
		.command(
			'follow [talk]',
			'follow a shared talk (d detaches, f rejoins)',
			y =>
				y
					.positional('talk', {type: 'string', describe: "the talk's name or socket (default: the only talk running)"})
					.option('ssh', {type: 'string', describe: 'follow a talk on HOST through ssh (runs lectern relay there)'})
					.option('clock', {type: 'boolean', default: false, describe: "show the talk's clock"})
					.option('ascii', {type: 'boolean', default: false})
					.option('max-size', maxSize),
			async args => {
				const {runFollow} = await import('./commands/follow.js');
				process.exitCode = await runFollow(args);
			},
		)
		.command(
			'talks',
			'list the talks you can follow',
			y => y.option('json', {type: 'boolean', default: false}),
			async args => {
				const {runTalks} = await import('./commands/talks.js');
				process.exitCode = await runTalks(args);
			},
		)
		.command(
			'relay <talk>',
			'a talk on stdout (what follow --ssh runs)',
			y => y.positional('talk', {type: 'string', demandOption: true}),
			async args => {
				const {runRelay} = await import('./commands/relay.js');
				process.exitCode = await runRelay(args);
			},
		)
		.command(
			'study [deck]',
			'study alone: notes under each slide, resume',
			y =>
				presentOptions(y)
					.option('restart', {type: 'boolean', default: false, describe: 'start from the first slide instead of resuming'})
					.option('quiz', {type: 'boolean', default: false, describe: 'walk only through the slides with self-check questions'})
					.option('retry', {type: 'boolean', default: false, describe: 'walk only through the questions you missed, to answer them again'})
					.option('stats', {
						type: 'boolean',
						default: false,
						describe: 'print your progress (seen, bookmarks, quiz score per section, missed questions) and exit',
					})
					.option('json', {type: 'boolean', default: false, describe: 'with --stats: as JSON'}),
			async args => {
				if (args.stats) {
					const {runStats} = await import('./commands/stats.js');
					process.exitCode = runStats(args);
					return;
				}

				const {runPresent} = await import('./commands/present.js');
				process.exitCode = await runPresent({...args, deck: args.deck, view: 'study'});
			},
		)
		.command(
			'print <deck>',
			'write the deck as text to stdout',
			y =>
				y
					.positional('deck', {type: 'string', demandOption: true, describe: 'deck file, or deck.md:N for slide N only'})
					.option('width', {
						requiresArg: true,
						coerce: coerceInteger(widthOption),
						describe: 'width in columns, 20 to 1000 (default: the terminal, or 80)',
					})
					.option('slides', {type: 'string', describe: 'only these slides: 3, 3-7, 3- or 1,4-6'})
					.option('notes', {type: 'boolean', default: true, describe: 'include the speaker notes'})
					.option('answers', {
						type: 'string',
						choices: ['inline', 'end'] as const,
						default: 'inline' as const,
						describe: "quiz answers under each question, or at each section's end",
					})
					.option('ascii', {type: 'boolean', default: false})
					.option('max-size', maxSize),
			async args => runBatch([args.deck], async () => (await import('./commands/print.js')).runPrint(args)),
		)
		.command(
			'search <query> [paths..]',
			'find slides (exit 0 found, 1 none, 2 error)',
			y =>
				y
					.positional('query', {type: 'string', demandOption: true, describe: 'words (all must occur) and "quoted phrases"'})
					.positional('paths', {type: 'string', array: true, describe: 'deck files or directories (default: the bundled decks)'})
					.option('notes', {type: 'boolean', default: searchDefaults.notes, describe: 'search the speaker notes too'})
					.option('json', {type: 'boolean', default: searchDefaults.json, describe: 'one JSON object per match'})
					.option('l', {
						alias: 'files-with-matches',
						type: 'boolean',
						default: searchDefaults.l,
						describe: 'list matching decks only (--json: deck and slides)',
					})
					.option('max-size', maxSize),
			async args => {
				const {runSearch} = await import('./commands/search.js');
				process.exitCode = runSearch(args);
			},
		)
		.command(
			'outline [decks..]',
			'sections and slide titles as a tree',
			y =>
				y
					.positional('decks', {type: 'string', array: true})
					.option('json', {type: 'boolean', default: false})
					.option('times', {type: 'boolean', default: false, describe: "each slide's planned start (duration, time weights)"})
					.option('max-size', maxSize),
			async args => runBatch(args.decks ?? [], async () => (await import('./commands/outline.js')).runOutline(args)),
		)
		.command(
			'check <decks..>',
			'lint decks (0 clean, 1 errors, 2 failed)',
			y =>
				y
					.positional('decks', {type: 'string', array: true, default: undefined, describe: 'deck files or directories (*.md, recursively)'})
					.option('size', {
						type: 'string',
						array: true,
						nargs: 1,
						default: ['100x30'],
						describe: 'terminal size WxH to check at (repeatable; at least 40x10)',
					})
					.option('strict', {type: 'boolean', default: false, describe: 'warnings fail the check too (exit 1)'})
					.option('json', {type: 'boolean', default: false})
					.option('ascii', {type: 'boolean', default: false})
					.option('max-size', maxSize),
			async args =>
				runBatch(args.decks ?? [], async () => (await import('./commands/check.js')).runCheck({...args, decks: args.decks ?? []})),
		)
		.command(
			'convert <file>',
			'convert an rst deck to Markdown (exit 0/1/2)',
			y =>
				y
					.positional('file', {type: 'string', demandOption: true, describe: 'the .rst deck'})
					.option('output', {alias: 'o', type: 'string', describe: 'write the Markdown deck here (default: stdout)'})
					.option('check', {type: 'boolean', default: false, describe: 'run check on the result and print its report'})
					.option('max-size', maxSize),
			async args => {
				const {runConvert} = await import('./commands/convert.js');
				process.exitCode = await runConvert({file: args.file, output: args.output, check: args.check, maxSize: args.maxSize});
			},
		)
		.command(
			'export <deck>',
			'a handout: one HTML page, or Markdown',
			y =>
				y
					.positional('deck', {type: 'string', demandOption: true, describe: 'the deck file'})
					// requiresArg: a value is taken even when it is `-` (yargs took `--output -` for an empty
					// value and a stray `-`: "Unknown argument: -"), and a missing one is a usage error.
					.option('output', {alias: 'o', type: 'string', requiresArg: true, describe: 'the file (default: deck.html; - for stdout)'})
					.option('format', {type: 'string', default: 'html', describe: 'html (one page) or md'})
					.option('notes', {
						type: 'string',
						default: 'open',
						describe: 'notes: open or collapsed (--no-notes: none)',
					})
					.option('max-size', maxSize),
			async args => {
				// Checked before any second run: a usage error needs no second Node.
				const format = oneOf('--format', args.format, ['html', 'md'] as const);
				const notes = (args.notes as unknown) !== false;
				const notesMode = notes ? oneOf('--notes', args.notes, ['open', 'collapsed'] as const) : 'open';
				await runBatch([args.deck], async () =>
					(await import('./commands/export.js')).runExport({
						deck: args.deck,
						output: args.output,
						format,
						notes,
						notesMode,
						maxSize: args.maxSize,
						version,
					}),
				);
			},
		)
		.option('debug', {type: 'boolean', default: false, hidden: true})
		// Checked here rather than with yargs' `choices`, whose list the help breaks mid-word at 80 columns.
		.option('dialect', {type: 'string', coerce: coerceDialect, describe: "read as this tool's Markdown (see README)"})
		.middleware(args => {
			forceDialect(args.dialect as DialectName | undefined);
		})
		.version(version)
		.help()
		.alias('h', 'help')
		.alias('v', 'version')
		.strict()
		.wrap(Math.min(100, process.stdout.columns || 80))
		.exitProcess(false)
		.fail((message, error) => {
			// yargs re-throws an option's coerce error (a bad number) as its own YError.
			if (error?.name === 'YError') {
				throw new LecternError(error.message, {code: exitCodes.usage});
			}

			throw error ?? new LecternError(`${message} (see lectern --help)`, {code: exitCodes.usage});
		});
	return runGuarded(async () => {
		refuseStdinDeck(argv);
		await parser.parseAsync();
		return Number(process.exitCode ?? 0);
	}, argv);
}
