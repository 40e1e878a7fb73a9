// `lectern search <query> [paths..]`: grep for slides. One heading line per matching slide
// with a location the presenter opens as is (`deck.md:23` = slide 23), then snippets.
import {safeJson, sanitizeLine} from '../../deck/sanitize.js';
import {pushAll} from '../../deck/arrays.js';
import {styles} from '../../layout/theme.js';
import {slideSource} from '../../deck/deck.js';
import {slideDoc} from '../../search/deck-docs.js';
import {buildIndex, parseQuery, search, type Hit, type SearchDoc} from '../../search/index.js';
import {plainSlideDoc} from '../../search/plain-slide.js';
import {mayMatch, prefilterNeedles} from '../../search/prefilter.js';
import {expandDeckPaths} from '../decks.js';
import {LecternError, exitCodes, formatError} from '../errors.js';
import {loadDeck} from '../load.js';
import {streamTheme} from '../terminal-env.js';

export type SearchArgs = Readonly<{query: string; paths?: readonly string[]; notes: boolean; json: boolean; l: boolean; maxSize: number}>;

/** Milliseconds, for LECTERN_TIMING: not `performance.now()`, whose first use loads perf_hooks (11 of Node's own modules). */
function now(): number {
	return Number(process.hrtime.bigint()) / 1e6;
}

export function runSearch(args: SearchArgs): number {
	const started = now();
	let failed = false;
	const query = parseQuery(args.query);
	if (query.terms.length === 0) {
		throw new LecternError('the query is empty: give words to find, such as lectern search "page table"', {code: exitCodes.usage});
	}

	const needles = prefilterNeedles(query);
	const docs: SearchDoc[] = [];
	let slides = 0;
	for (const file of expandDeckPaths(args.paths)) {
		// One deck that cannot be read or searched is reported; the others' hits still print.
		try {
			const deck = loadDeck(file, args.maxSize * 1024 * 1024);
			const found: SearchDoc[] = [];
			// Only the slides whose source may hold every term are read (see prefilter.ts), and
			// only those plainer ones cannot answer for are parsed (see plain-slide.ts).
			for (let i = 0; i < deck.count; i++) {
				if (mayMatch(slideSource(deck, i), needles)) {
					found.push(plainSlideDoc(deck, i, file) ?? slideDoc(deck, i, file));
				}
			}

			slides += deck.count;
			pushAll(docs, found);
		} catch (error) {
			const known = error instanceof LecternError;
			process.stderr.write(
				`${formatError(known ? error : new LecternError(`cannot search this deck: ${(error as Error).message}`, {file}))}\n`,
			);
			failed = true;
		}
	}

	const index = buildIndex(docs);
	const loaded = now();
	const hits = search(index, query, {notes: args.notes});
	const searched = now();
	if (process.env['LECTERN_TIMING'] === '1') {
		process.stderr.write(
			`lectern-timing load_ms=${(loaded - started).toFixed(1)} query_ms=${(searched - loaded).toFixed(2)} slides=${slides} parsed=${docs.length}\n`,
		);
	}

	process.stdout.write(formatHits(hits, args));
	if (failed) {
		return exitCodes.input;
	}

	return hits.length > 0 ? 0 : 1;
}

function formatHits(hits: readonly Hit[], args: SearchArgs): string {
	if (args.l) {
		// Decks in the order of their best hit; with --json, one object per deck with its matching slides.
		const slidesByDeck = new Map<string, number[]>();
		for (const hit of hits) {
			const slides = slidesByDeck.get(hit.doc.deck) ?? [];
			slides.push(hit.doc.slide + 1);
			slidesByDeck.set(hit.doc.deck, slides);
		}

		return [...slidesByDeck]
			.map(([deck, slides]) => (args.json ? safeJson({deck, slides: slides.sort((a, b) => a - b)}) : sanitizeLine(deck)))
			.map(line => `${line}\n`)
			.join('');
	}

	if (args.json) {
		return hits
			.map(
				hit =>
					`${safeJson({
						deck: hit.doc.deck,
						slide: hit.doc.slide + 1,
						location: `${hit.doc.deck}:${hit.doc.slide + 1}`,
						section: hit.doc.section,
						title: hit.doc.title,
						rank: hit.rank,
						snippets: hit.snippets.map(snippet => ({field: snippet.field, text: sanitizeLine(snippet.text), ranges: snippet.ranges})),
					})}\n`,
			)
			.join('');
	}

	const theme = streamTheme(process.stdout, process.env, false);
	const s = styles(theme);
	const lines: string[] = [];
	for (const hit of hits) {
		const crumbs = [hit.doc.section, hit.doc.title].filter(Boolean).join(` ${theme.glyphs.crumb} `) || '(untitled)';
		lines.push(`${s.marker(sanitizeLine(`${hit.doc.deck}:${hit.doc.slide + 1}`))}  ${s.strong(sanitizeLine(crumbs))}`);
		for (const snippet of hit.snippets) {
			let text = '';
			let at = 0;
			for (const [start, end] of snippet.ranges) {
				text += sanitizeLine(snippet.text.slice(at, start)) + s.match(sanitizeLine(snippet.text.slice(start, end)));
				at = end;
			}

			text += sanitizeLine(snippet.text.slice(at));
			const label = snippet.field === 'notes' ? s.dim('notes: ') : '';
			lines.push(`    ${label}${text}`);
		}
	}

	return lines.map(line => `${line}\n`).join('');
}
