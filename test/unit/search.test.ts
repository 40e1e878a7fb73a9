import {describe, expect, test} from 'vitest';
import {openDeck} from '../../src/deck/deck.js';
import {deckDocs, incrementalIndex} from '../../src/search/deck-docs.js';
import {
	buildIndex,
	foldedChunkSlides,
	foldedColumns,
	foldSlide,
	highlightRanges,
	matchingSlides,
	matchingSlidesSteps,
	matchStepSlides,
	parseQuery,
	search,
	type SearchDoc,
} from '../../src/search/index.js';

/** The presenter's folded slides of `deck` find, for each query (notes on and off), the slides the full index finds; returns them. */
function expectFoldedLikeIndex(deck: ReturnType<typeof openDeck>, queries: readonly string[]) {
	const folded = incrementalIndex(deck).slides();
	const index = buildIndex(deckDocs(deck));
	for (const query of queries) {
		for (const notes of [true, false]) {
			const expected = search(index, query, {notes})
				.map(hit => hit.doc.slide)
				.sort((a, b) => a - b);
			expect(matchingSlides(folded, query, {notes}), `${query} notes=${notes}`).toEqual(expected);
		}
	}

	return folded;
}

let next = 0;
function doc(fields: Partial<SearchDoc>): SearchDoc {
	return {deck: 'deck.md', slide: next++, title: '', section: '', body: '', notes: '', ...fields};
}

const find = (docs: readonly SearchDoc[], query: string, options?: {notes?: boolean; maxWidth?: number}) =>
	search(buildIndex(docs), query, options);
const slides = (docs: readonly SearchDoc[], query: string, options?: {notes?: boolean}) =>
	find(docs, query, options).map(hit => hit.doc.slide);

describe('search: matching', () => {
	test('every word must occur, in any order, in any of the fields', () => {
		const docs = [
			doc({slide: 0, title: 'Shadow tables', notes: 'The hypervisor keeps them in sync'}),
			doc({slide: 1, title: 'Shadow tables', body: 'Nothing about the other word'}),
			doc({slide: 2, body: 'hypervisor first, then shadow'}),
		];
		expect(slides(docs, 'shadow hypervisor')).toEqual([0, 2]);
		expect(slides(docs, 'HYPERVISOR shadow')).toEqual([0, 2]);
		expect(find(docs, 'shadow hypervisor')[0]?.fields).toEqual(['title', 'notes']);
	});

	test('words match inside longer words, ignoring case and accents', () => {
		const docs = [doc({slide: 0, body: 'Les pages de la MÉMOIRE virtuelle'})];
		expect(slides(docs, 'page memoire')).toEqual([0]);
		expect(slides(docs, 'ｍéｍｏｉｒｅ')).toEqual([0]);
	});

	test('a phrase must occur as is; its words alone need not be adjacent', () => {
		const docs = [
			doc({slide: 0, body: 'the page table'}),
			doc({slide: 1, body: 'a page of the table'}),
			doc({slide: 2, body: 'the table page'}),
			doc({slide: 3, body: 'a shadow\npage  table, wrapped'}),
		];
		expect(slides(docs, '"page table"')).toEqual([0, 3]);
		expect(slides(docs, 'page table')).toEqual([0, 1, 2, 3]);
		expect(slides(docs, '"shadow page table"')).toEqual([3]);
		expect(slides(docs, '"page table')).toEqual([0, 3]);
	});

	test('notes count unless turned off', () => {
		const docs = [doc({slide: 0, title: 'Traps', notes: 'mention VMX'}), doc({slide: 1, body: 'VMX traps'})];
		expect(slides(docs, 'vmx traps')).toEqual([0, 1]);
		expect(slides(docs, 'vmx traps', {notes: false})).toEqual([1]);
		expect(find(docs, 'traps', {notes: false})[0]?.fields).toEqual(['title']);
	});

	test('section names are context, not searched', () => {
		const docs = [doc({slide: 0, section: 'Paging', title: 'Frames'})];
		expect(slides(docs, 'paging')).toEqual([]);
		expect(find(docs, 'frames')[0]?.doc.section).toBe('Paging');
	});

	test('a deck indexed slice by slice searches like one indexed at once', () => {
		const deck = openDeck(
			'# Traps\n---\n## Two\ntraps here\n\n---\n## Three\n<!-- notes: traps in the notes -->\n\n---\n## Four\nnothing',
			'd.md',
		);
		const builder = incrementalIndex(deck);
		expect(builder.advance(1)).toBe(false);
		expect(builder.advance(2)).toBe(false);
		const folded = builder.slides();
		expect(folded).toEqual(foldedColumns(deckDocs(deck).map(doc => foldSlide(doc))));
		expect(matchingSlides(folded, 'traps')).toEqual([0, 1, 2]);
		expect(builder.advance(1)).toBe(true);
	});

	test("the presenter's folded slides find what the index finds, in slide order", () => {
		const deck = openDeck(
			[
				'# Mémoire et pages\n\nLa table des “pages” ombre',
				'## Shadow paging\n\nThe guest’s page table, shadowed\n\n<!-- notes: mention the TLB and ﬁle mappings -->',
				'## TLB\n\nA cache of translations: *shadow*\n\n<!-- notes: memoire -->',
				'## Nothing here\n\ntext',
			].join('\n\n---\n\n'),
			'f.md',
		);
		expectFoldedLikeIndex(deck, [
			'memoire',
			'shadow',
			'"page table"',
			'tlb',
			'file',
			"guest's",
			'pages ombre',
			'shadow tlb',
			'nothing',
			'absent',
			'',
		]);
	});

	test('folded slides keep whitespace runs as one space and no title the body holds, and find the same slides', () => {
		const deck = openDeck(
			[
				'## Shadow   page table\n\n```\n+------+      +------+\n|  guest  os   |  vmm  |\n```\n\n- point   about\n  the shadow page\n- tables',
				'## Title only in the title\n\n<!-- notes:\n  indented    notes\n\n  here\n-->',
				'# Section',
				'## Words\n\nguest\n\nos apart',
			].join('\n\n---\n\n'),
			'w.md',
		);
		const folded = expectFoldedLikeIndex(deck, [
			'"guest os"',
			'"shadow page table"',
			'"point about the shadow"',
			'+------+ +',
			'"page tables"',
			'title',
			'"indented notes here"',
			'section',
			'os',
			'"guest os apart"',
			'"  "',
			'|',
		]);

		const [titles, bodies, notes] = [folded.titles[0] ?? [], folded.bodies[0] ?? [], folded.notes[0] ?? []];
		// Every slide's heading is its body's first line: no title is kept.
		expect(titles).toEqual(['', '', '', '']);
		expect(bodies.every(body => !/\s{2}/.test(body))).toBe(true);
		expect(notes[1]).toBe('indented notes\nhere');
	});

	test('an empty query finds nothing', () => {
		const docs = [doc({slide: 0, title: 'Anything'})];
		expect(find(docs, '')).toEqual([]);
		expect(find(docs, '  ""  ')).toEqual([]);
		expect(search(buildIndex(docs), parseQuery('anything'))).toHaveLength(1);
	});
});

describe('search: ranking', () => {
	test('title before body before notes, then the order the docs were given', () => {
		const docs = [
			doc({deck: 'a.md', slide: 0, body: 'intro', notes: 'the kernel'}),
			doc({deck: 'a.md', slide: 1, body: 'user and kernel mode'}),
			doc({deck: 'a.md', slide: 2, title: 'The Kernel'}),
			doc({deck: 'b.md', slide: 0, body: 'kernel'}),
			doc({deck: 'b.md', slide: 1, title: 'Kernel mode', notes: 'kernel'}),
			doc({deck: 'b.md', slide: 2, notes: 'kernel again'}),
		];
		const hits = find(docs, 'kernel');
		expect(hits.map(hit => [hit.doc.deck, hit.doc.slide, hit.rank])).toEqual([
			['a.md', 2, 'title'],
			['b.md', 1, 'title'],
			['a.md', 1, 'body'],
			['b.md', 0, 'body'],
			['a.md', 0, 'notes'],
			['b.md', 2, 'notes'],
		]);
	});

	test('one term in the title is enough to rank as a title hit', () => {
		const docs = [doc({slide: 0, body: 'trap and emulate'}), doc({slide: 1, title: 'Emulate', notes: 'trap'})];
		expect(find(docs, 'trap emulate').map(hit => [hit.doc.slide, hit.rank])).toEqual([
			[1, 'title'],
			[0, 'body'],
		]);
	});
});

describe('search: snippets', () => {
	const snippets = (docs: readonly SearchDoc[], query: string, options?: {notes?: boolean; maxWidth?: number}) =>
		find(docs, query, options)[0]?.snippets;

	test('the matching body line, with ranges in original characters', () => {
		const docs = [doc({title: 'Mémoire', body: 'Introduction\nLa mémoire virtuelle est utile'})];
		expect(snippets(docs, 'memoire')).toEqual([{field: 'body', text: 'La mémoire virtuelle est utile', ranges: [[3, 10]]}]);
	});

	test('a decomposed accent is inside the highlighted range', () => {
		const docs = [doc({body: 'La Me\u0301moire et ﬁn'})];
		expect(snippets(docs, 'memoire fin')).toEqual([
			{
				field: 'body',
				text: 'La Me\u0301moire et ﬁn',
				ranges: [
					[3, 11],
					[15, 17],
				],
			},
		]);
	});

	test('at most two lines, preferring lines with more terms (notes too), shown in slide order', () => {
		const docs = [doc({body: 'alpha\nbeta gamma\nalpha beta\nbeta', notes: 'alpha beta too'})];
		const both = [
			[0, 5],
			[6, 10],
		];
		expect(snippets(docs, 'beta alpha')).toEqual([
			{field: 'body', text: 'alpha beta', ranges: both},
			{field: 'notes', text: 'alpha beta too', ranges: both},
		]);
		const bodyOnly = [doc({body: 'alpha\nbeta gamma\nalpha beta\nbeta'})];
		expect(snippets(bodyOnly, 'beta alpha')).toEqual([
			{field: 'body', text: 'alpha', ranges: [[0, 5]]},
			{field: 'body', text: 'alpha beta', ranges: both},
		]);
	});

	test('body lines before notes lines; notes when the body has none', () => {
		const docs = [doc({title: 'Alpha', body: 'beta', notes: 'alpha and beta'})];
		expect(snippets(docs, 'alpha beta')).toEqual([
			{field: 'body', text: 'beta', ranges: [[0, 4]]},
			{
				field: 'notes',
				text: 'alpha and beta',
				ranges: [
					[0, 5],
					[10, 14],
				],
			},
		]);
		const notesOnly = [doc({body: 'nothing here', notes: 'first\n  see beta '})];
		expect(snippets(notesOnly, 'beta')).toEqual([{field: 'notes', text: 'see beta', ranges: [[4, 8]]}]);
		expect(snippets(notesOnly, 'beta', {notes: false})).toBeUndefined();
	});

	test('the title when only the title matched', () => {
		const docs = [doc({title: 'Shadow Paging', body: 'other words', notes: 'paging'})];
		expect(snippets(docs, 'shadow', {notes: false})).toEqual([{field: 'title', text: 'Shadow Paging', ranges: [[0, 6]]}]);
	});

	test('a phrase wrapped across lines highlights its part on each line', () => {
		const docs = [doc({body: 'the shadow\npage table'})];
		expect(snippets(docs, '"shadow page"')).toEqual([
			{field: 'body', text: 'the shadow', ranges: [[4, 10]]},
			{field: 'body', text: 'page table', ranges: [[0, 4]]},
		]);
	});

	test('a long line is cut around its first match, with … at the cuts', () => {
		const middle = `${'x'.repeat(200)} needle ${'y'.repeat(200)}`;
		const [cut] = snippets([doc({body: middle})], 'needle') ?? [];
		expect(cut?.text).toBe(`…${'x'.repeat(29)} needle ${'y'.repeat(61)}…`);
		expect(cut?.text).toHaveLength(100);
		expect(cut?.ranges).toEqual([[31, 37]]);

		const atStart = snippets([doc({body: `needle ${'y'.repeat(200)}`})], 'needle');
		expect(atStart).toEqual([{field: 'body', text: `needle ${'y'.repeat(92)}…`, ranges: [[0, 6]]}]);

		const atEnd = snippets([doc({body: `${'x'.repeat(200)} needle`})], 'needle');
		expect(atEnd).toEqual([{field: 'body', text: `…${'x'.repeat(92)} needle`, ranges: [[94, 100]]}]);
	});

	test('a cut never separates a letter from its accent', () => {
		const [cut] = snippets([doc({body: 'needle xe\u0301zzzzzzzzzz'})], 'needle', {maxWidth: 10}) ?? [];
		expect(cut).toEqual({field: 'body', text: 'needle x…', ranges: [[0, 6]]});
	});

	test('the cut width is an option, and ranges are clipped to the window', () => {
		const line = 'aaaa aaaa mémoire bbbb mémoire cccc dddd';
		const [cut] = snippets([doc({body: line})], 'memoire', {maxWidth: 20}) ?? [];
		expect(cut).toEqual({
			field: 'body',
			text: '…aa mémoire bbbb mé…',
			ranges: [
				[4, 11],
				[17, 19],
			],
		});
	});
});

describe('highlightRanges', () => {
	test('all occurrences of all terms, in original offsets', () => {
		expect(highlightRanges('La mémoire virtuelle, la Me\u0301moire', 'memoire')).toEqual([
			[3, 10],
			[25, 33],
		]);
		expect(highlightRanges('Page tables map pages', 'page map')).toEqual([
			[0, 4],
			[12, 15],
			[16, 20],
		]);
		expect(highlightRanges('the page   table', parseQuery('"page table"'))).toEqual([[4, 16]]);
		expect(highlightRanges('ﬁle', 'i')).toEqual([[0, 1]]);
	});

	test('overlapping and touching occurrences are merged', () => {
		expect(highlightRanges('aaa', 'aa')).toEqual([[0, 3]]);
		expect(highlightRanges('abc', 'ab bc')).toEqual([[0, 3]]);
		expect(highlightRanges('abcd', 'ab cd')).toEqual([[0, 4]]);
	});

	test('nothing to highlight', () => {
		expect(highlightRanges('some text', '')).toEqual([]);
		expect(highlightRanges('some text', 'absent')).toEqual([]);
		expect(highlightRanges('', 'text')).toEqual([]);
	});
});

describe('a large deck', () => {
	test('5,000 synthetic slides index and answer a query', () => {
		const words = ['virtual', 'memory', 'page', 'table', 'shadow', 'trap', 'mémoire', 'TLB', 'guest', 'host'];
		const docs = Array.from({length: 5000}, (_, slide): SearchDoc => {
			const pick = (offset: number) => words[(slide * 7 + offset) % words.length] ?? '';
			const line = (n: number) => Array.from({length: 8}, (_unused, i) => pick(n * 3 + i)).join(' ');
			return {
				deck: 'big.md',
				slide,
				title: `Slide ${slide} ${pick(1)}`,
				section: '',
				body: Array.from({length: 8}, (_unused, n) => line(n)).join('\n'),
				notes: slide % 10 === 0 ? 'rare marker' : line(40),
			};
		});
		const index = buildIndex(docs);
		expect(index.entries).toHaveLength(5000);
		const hits = search(index, 'memoire "page table"');
		expect(hits.length).toBeGreaterThan(0);
		expect(hits[0]?.snippets.length).toBeGreaterThan(0);
		expect(search(index, 'rare marker').map(hit => hit.doc.slide)).toEqual(Array.from({length: 500}, (_, i) => i * 10));
		expect(search(index, 'slide 4999')[0]?.rank).toBe('title');
	});
});

describe('search: matching slides in steps (the presenter matches in slices)', () => {
	test('pauses every matchStepSlides slides and finds what matchingSlides finds', () => {
		const count = matchStepSlides * 2 + 5;
		const folded = foldedColumns(
			Array.from({length: count}, (_, i) =>
				foldSlide({slide: i, title: i % 3 === 0 ? 'Page tables' : 'Other', body: i % 5 === 0 ? 'about pages' : '', notes: ''}),
			),
		);
		const steps = matchingSlidesSteps(folded, 'page');
		let pauses = 0;
		let step = steps.next();
		while (!step.done) {
			pauses++;
			step = steps.next();
		}

		expect(pauses).toBe(2);
		expect(step.value).toEqual(matchingSlides(folded, 'page'));
		expect(step.value).toEqual(Array.from({length: count}, (_, i) => i).filter(i => i % 3 === 0 || i % 5 === 0));
	});

	test('columns in chunks: each chunk holds foldedChunkSlides slides, and matches across chunks keep their numbers', () => {
		const count = foldedChunkSlides * 2 + 7;
		const hits = new Set([0, foldedChunkSlides - 1, foldedChunkSlides, 2 * foldedChunkSlides, count - 1]);
		const folded = foldedColumns(
			Array.from({length: count}, (_, i) => foldSlide({slide: i, title: hits.has(i) ? 'needle' : 'hay', body: '', notes: ''})),
		);
		expect(folded.count).toBe(count);
		expect(folded.titles.map(chunk => chunk.length)).toEqual([foldedChunkSlides, foldedChunkSlides, 7]);
		expect(matchingSlides(folded, 'needle')).toEqual([...hits]);
	});

	test('a chunk holds whole match steps (matchingSlidesSteps reads one step from one chunk)', () => {
		expect(foldedChunkSlides % matchStepSlides).toBe(0);
	});

	test('an empty query finds nothing, without pausing', () => {
		expect(matchingSlidesSteps(foldedColumns([foldSlide({slide: 0, title: 'a', body: '', notes: ''})]), '  ').next()).toEqual({
			done: true,
			value: [],
		});
	});
});
