// `lectern check <deck..> [--size WxH]..`: lint decks with the presenter's own layout.
// At each size the slide area is what the presenter shows at start-up: with the notes pane
// when it would be open (below the slide from 28 rows, right of it from 120 columns), without
// it on smaller terminals, where it starts hidden.
import {slideHead} from '../../deck/deck.js';
import {placeholderFigureFile} from '../../deck/figure-placeholder.js';
import {codeLanguages, htmlTagsShownAsText, imageTargets} from '../../deck/element-walk.js';
import {parseSlide, parseSlideOnce} from '../../deck/parse.js';
import {safeJson, sanitizeLine} from '../../deck/sanitize.js';
import type {Deck} from '../../deck/types.js';
import type {Slide} from '../../deck/types.js';
import {layoutSlide, renderSlideBodyOnce, type LayoutProblem, type Size} from '../../layout/layout.js';
import {minimumSize, notesShownAtStart, screenGeometry} from '../../layout/screen.js';
import {createTheme, themeNames, type Highlighter} from '../../layout/theme.js';
import {expandDeckPaths} from '../decks.js';
import {LecternError, exitCodes, formatError} from '../errors.js';
import {loadHighlighter} from '../highlighter.js';
import {loadDeck} from '../load.js';
import {timeProblems} from '../../deck/timing.js';
import {marpDirectives} from '../../deck/dialects/rules.js';
import {pushAll} from '../../deck/arrays.js';
import {itemAt} from '../../deck/checked.js';
import {writeLines} from '../write-lines.js';

export type CheckArgs = Readonly<{
	decks: readonly string[];
	size: readonly string[];
	json: boolean;
	ascii: boolean;
	maxSize: number;
	strict?: boolean;
}>;

export type CheckProblem = Readonly<{
	file: string;
	line: number;
	slide: number;
	title: string;
	severity: 'error' | 'warning';
	size?: string;
	message: string;
}>;

export function parseSize(text: string): Size {
	const match = /^(\d{1,4})x(\d{1,4})$/i.exec(text.trim());
	if (!match) {
		throw new LecternError(`--size ${text}: expected WIDTHxHEIGHT, such as 100x30`, {code: exitCodes.usage});
	}

	const size = {width: Number(match[1]), height: Number(match[2])};
	if (size.width < minimumSize.width || size.height < minimumSize.height) {
		throw new LecternError(`--size ${text}: below the ${minimumSize.width}x${minimumSize.height} the presenter needs at least`, {
			code: exitCodes.usage,
		});
	}

	return size;
}

export async function runCheck(args: CheckArgs): Promise<number> {
	const sizes = args.size.map(parseSize);
	const highlighter = await loadHighlighter().catch(() => undefined);
	let unreadable = false;
	const problems: CheckProblem[] = [];
	for (const file of expandDeckPaths(args.decks)) {
		try {
			pushAll(problems, checkDeck(file, sizes, args, highlighter));
		} catch (error) {
			if (!(error instanceof LecternError)) {
				throw error;
			}

			process.stderr.write(`${formatError(error)}\n`);
			unreadable = true;
		}
	}

	if (args.json) {
		process.stdout.write(`${safeJson(problems, 2)}\n`);
	} else {
		await writeLines(process.stdout, problems.length, i => formatProblem(itemAt(problems, i)));
	}

	if (unreadable) {
		return exitCodes.input;
	}

	// Like a linter: warnings (no notes, an unknown language) fail the check only with --strict.
	const failing = problems.filter(problem => problem.severity === 'error' || args.strict === true);
	return failing.length > 0 ? exitCodes.problems : exitCodes.ok;
}

export function formatProblem(problem: CheckProblem): string {
	const severity = problem.severity === 'warning' ? 'warning: ' : '';
	const at = problem.size ? ` (at ${problem.size})` : '';
	return sanitizeLine(`${problem.file}:${problem.line}: slide ${problem.slide} "${problem.title}": ${severity}${problem.message}${at}`);
}

function checkDeck(file: string, sizes: readonly Size[], args: CheckArgs, highlighter: Highlighter | undefined): CheckProblem[] {
	const deck = loadDeck(file, args.maxSize * 1024 * 1024);
	if (!args.json && deck.dialect && deck.dialect !== 'lectern') {
		process.stderr.write(`${sanitizeLine(`lectern: ${file}: read as ${deck.dialect} Markdown (--dialect NAME to choose another)`)}\n`);
	}

	return checkOpenDeck(deck, sizes, args, highlighter);
}

/** Check a deck already read (`lectern convert --check` checks the text it made). */
export function checkOpenDeck(
	deck: Deck,
	sizes: readonly Size[],
	args: Pick<CheckArgs, 'ascii'>,
	highlighter: Highlighter | undefined,
): CheckProblem[] {
	const {file} = deck;
	const theme = createTheme({level: 0, ascii: args.ascii});
	const problems: CheckProblem[] = [];
	// Binary search over the slides' first lines: a deck of many slides with many scan warnings stays linear-ish.
	const slideOf = (line: number) => {
		let low = 0;
		let high = deck.count - 1;
		while (low < high) {
			const middle = (low + high + 1) >> 1;
			if (slideHead(deck, middle).source.line <= line) low = middle;
			else high = middle - 1;
		}

		return low;
	};

	// The slide being checked, parsed without keeping it: a deck of 300,000 slides kept whole
	// made the check's memory, and with it the garbage collector's work, grow with every slide.
	let checking: {index: number; slide: Slide} | undefined;
	const add = (index: number, line: number, message: string, severity: 'error' | 'warning' = 'error', size?: Size) => {
		problems.push({
			file,
			line,
			slide: index + 1,
			title: checking?.index === index ? checking.slide.title : parseSlide(deck, index).title,
			severity,
			message,
			size: size ? `${size.width}x${size.height}` : undefined,
		});
	};

	const {theme: themeName} = deck.meta;
	if (themeName !== undefined && !(themeNames as readonly string[]).includes(themeName.trim().toLowerCase())) {
		add(0, 1, `unknown theme "${themeName}" (the themes are ${themeNames.join(', ')}): auto is used`, 'warning');
	}

	for (const key of unusedFrontMatter(deck)) {
		add(0, 1, `not supported: front matter ${key}, ignored`, 'warning');
	}

	for (const warning of deck.warnings) {
		add(slideOf(warning.line), warning.line, warning.message, warning.severity);
	}

	for (const problem of timeProblems(deck)) {
		add(problem.slide, problem.line, problem.message, 'warning');
	}

	for (let i = 0; i < deck.count; i++) {
		const slide = parseSlideOnce(deck, i);
		checking = {index: i, slide};
		const head = slide.head;
		for (const problem of slide.problems) {
			add(i, problem.line, problem.message, problem.severity);
		}

		if (slide.blocks.length === 0 && !head.isSection) {
			add(i, head.source.line, 'the slide is empty');
			continue;
		}

		// presenterm's introduction slide is made from the front matter: it has no place for notes.
		if (!head.isSection && !head.hasNotes && !(deck.intro && i === 0)) {
			add(i, head.source.line, 'no speaker notes', 'warning');
		}

		for (const block of slide.blocks) {
			const figure = block.kind === 'diagram' ? placeholderFigureFile(block.lines) : undefined;
			if (figure !== undefined) {
				add(
					i,
					block.line,
					`figure to redraw${figure === '' ? '' : ` (${figure})`}: replace the placeholder with a text diagram`,
					'warning',
				);
			}

			for (const target of imageTargets([block.element])) {
				const shown = target.length > 40 ? `${target.slice(0, 39)}…` : target;
				add(i, block.line, `not supported: image ${shown}, shown as its text`, 'warning');
			}

			for (const tag of htmlTagsShownAsText([block.element])) {
				add(i, block.line, `not supported: HTML <${tag}>, shown as text`, 'warning');
			}

			// Fences inside list items and quotes too, each language once per block.
			for (const lang of new Set(codeLanguages([block.element]))) {
				if (lang !== '' && !(highlighter?.supports(lang) ?? true)) {
					add(i, block.line, `unknown fence language "${lang}" (shown without highlighting)`, 'warning');
				}
			}
		}

		const seen = new Set<string>();
		for (const size of sizes) {
			const geometry = screenGeometry(size, notesShownAtStart(size, true));
			if (geometry.kind === 'too-small') {
				throw new LecternError(
					`--size ${size.width}x${size.height}: below the ${minimumSize.width}x${minimumSize.height} the presenter needs at least`,
					{code: exitCodes.usage},
				);
			}

			for (const problem of layoutSlide(slide, head.steps - 1, geometry.slide, theme, renderSlideBodyOnce).problems) {
				const message = describe(problem);
				if (!seen.has(message)) {
					seen.add(message);
					add(i, problem.kind === 'wide' ? problem.line : head.source.line, message, 'error', size);
				}
			}
		}
	}

	// In the file's order, as a linter lists them (deck-wide warnings are found before the slides'; a
	// slide's own problems before its layout's). The sort is stable: one line's problems keep their order.
	return problems.sort((a, b) => a.line - b.line);
}

function describe(problem: LayoutProblem): string {
	if (problem.kind === 'tall') {
		return `content is ${problem.rows} rows tall, the slide area has ${problem.available}`;
	}

	return `${problem.what} is ${problem.width} columns wide, the slide area has ${problem.available} (clipped)`;
}

/**
 * Front-matter settings of other presenters that Lectern does not carry out, by presenter (from
 * their documentation). Other keys are the author's own metadata (the guide's `audience`), and
 * `theme` has its own message above.
 */
const presenterSettings: ReadonlyMap<string, string> = new Map([
	// Marp's directives but the ones Lectern reads (title, author, theme, marp) and page metadata.
	...marpDirectives
		.filter(key => !['title', 'author', 'theme', 'marp', 'description', 'image', 'keywords', 'url'].includes(key))
		.map(key => [key, 'Marp'] as const),
	['paging', 'slides'],
	['styles', 'lookatme'],
	['extensions', 'lookatme'],
	['options', 'presenterm'],
	...['revealOptions', 'highlightTheme', 'css', 'scripts', 'separator', 'verticalSeparator'].map(key => [key, 'reveal-md'] as const),
]);
const readPatatSettings = new Set(['incrementalLists', 'slideLevel', 'speakerNotes', 'wrap']);
/** presenterm's `options` Lectern carries out. */
const readPresentermOptions = new Set(['incremental_lists']);

/** Other presenters' front-matter settings in the deck (`patat.wrap` for a patat setting), as `"key" (presenter)`, in order. */
function unusedFrontMatter(deck: Deck): string[] {
	const unused: string[] = [];
	const settingName = (key: string) => sanitizeLine(key.length > 40 ? `${key.slice(0, 39)}…` : key);
	for (const key of Object.keys(deck.meta.extra)) {
		const presenter = presenterSettings.get(key);
		const options = deck.meta.extra[key];
		if (key === 'options' && typeof options === 'object' && options !== null && !Array.isArray(options)) {
			for (const option of Object.keys(options)) {
				if (!readPresentermOptions.has(option)) unused.push(`"options.${settingName(option)}" (presenterm)`);
			}
		} else if (presenter !== undefined) {
			unused.push(`"${key}" (${presenter})`);
		}
	}

	const patat = deck.meta.extra['patat'];
	if (typeof patat === 'object' && patat !== null && !Array.isArray(patat)) {
		for (const key of Object.keys(patat)) {
			if (!readPatatSettings.has(key)) unused.push(`"patat.${sanitizeLine(key.length > 40 ? `${key.slice(0, 39)}…` : key)}" (patat)`);
		}
	}

	return unused;
}
