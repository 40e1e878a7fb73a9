import {PassThrough} from 'node:stream';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {openDeck, slideHead} from '../../src/deck/deck.js';
import {parseSlide} from '../../src/deck/parse.js';
import {
	DeckAssembler,
	encodeDeck,
	encodeMessage,
	FloodGuard,
	limitsFor,
	LineSplitter,
	parseMessage,
	protocolVersion,
	type Message,
} from '../../src/hall/protocol.js';
import {deckFromShared, shareDeck, shareDeckSteps} from '../../src/hall/shared-deck.js';
import {readTalk} from '../../src/hall/client.js';
import {dialectNames} from '../../src/deck/dialects/dialect.js';

const limits = limitsFor(1024 * 1024);
/** What a deck message says besides its meta and slides, for a plain Markdown deck. */
const plainDeck = {dialect: 'lectern', intro: false, reading: {incrementalLists: false, commentNotes: false}} as const;
const plainJson = '"dialect":"lectern","intro":false,"reading":{"incrementalLists":false,"commentNotes":false}';
const roundTrip = (message: Message) => parseMessage(encodeMessage(message).trimEnd(), limits);

describe('messages', () => {
	it('round-trips every message type with the version field', () => {
		const messages: Message[] = [
			{type: 'hello', talk: 'os-101', title: 'Virtualization', slide: 3, count: 57, followers: 2},
			{type: 'deck', deck: {...plainDeck, meta: {title: 'T', duration: 90}, slides: ['# A', '## B\ntext']}},
			{
				type: 'deck',
				deck: {meta: {}, dialect: 'patat', intro: false, reading: {incrementalLists: true, commentNotes: true}, slides: ['# A']},
			},
			{type: 'position', slide: 4, step: 1, blank: true, clock: {elapsed: 12.5, paused: false}},
			{type: 'end'},
		];
		for (const message of messages) {
			expect(JSON.parse(encodeMessage(message)).v).toBe(protocolVersion);
			expect(roundTrip(message)).toEqual({message});
		}
	});

	it.each([
		['not JSON', '{"v":3,', 'not JSON'],
		['an array', '[1,2]', 'not a JSON object'],
		['an older version', '{"v":1,"type":"end"}', 'protocol version 1; this lectern speaks version 3'],
		['no version', '{"type":"end"}', 'protocol version an unknown'],
		['an unknown type', '{"v":3,"type":"takeover"}', 'unknown type (takeover)'],
		['no type', '{"v":3}', 'without a type'],
		[
			'a negative slide',
			'{"v":3,"type":"position","slide":-1,"step":0,"blank":false,"clock":{"elapsed":0,"paused":false}}',
			'slide is not a whole number',
		],
		[
			'a fractional step',
			'{"v":3,"type":"position","slide":1,"step":0.5,"blank":false,"clock":{"elapsed":0,"paused":false}}',
			'step is not a whole number',
		],
		['a string blank', '{"v":3,"type":"position","slide":1,"step":0,"blank":"yes","clock":{"elapsed":0,"paused":false}}', 'blank'],
		['no clock', '{"v":3,"type":"position","slide":1,"step":0,"blank":false}', 'clock'],
		['a deck of no slides', '{"v":3,"type":"deck","deck":{"meta":{},"slides":[]}}', '1 to'],
		['a slide that is not text', '{"v":3,"type":"deck","deck":{"meta":{},"slides":[{"a":1}]}}', 'not text'],
		['a title object', '{"v":3,"type":"deck","deck":{"meta":{"title":{}},"slides":["x"]}}', 'title is not text'],
		['a negative duration', '{"v":3,"type":"deck","deck":{"meta":{"duration":-3},"slides":["x"]}}', 'duration'],
		['a deck without its dialect', '{"v":3,"type":"deck","deck":{"meta":{},"slides":["x"]}}', 'dialect is not one of'],
		[
			'an unknown dialect',
			'{"v":3,"type":"deck","deck":{"meta":{},"dialect":"__proto__","intro":false,"reading":{"incrementalLists":false,"commentNotes":false},"slides":["x"]}}',
			'dialect is not one of lectern, presenterm',
		],
		[
			'an intro that is not true or false',
			'{"v":3,"type":"deck","deck":{"meta":{},"dialect":"presenterm","intro":1,"reading":{"incrementalLists":false,"commentNotes":false},"slides":["x"]}}',
			'intro',
		],
		[
			'reading settings that are not true or false',
			'{"v":3,"type":"deck","deck":{"meta":{},"dialect":"patat","intro":false,"reading":{"incrementalLists":"yes","commentNotes":false},"slides":["x"]}}',
			'reading is not',
		],
		[
			'a huge position',
			`{"v":3,"type":"position","pad":"${'x'.repeat(5000)}","slide":1,"step":0,"blank":false,"clock":{"elapsed":0,"paused":false}}`,
			'limit',
		],
	])('refuses %s with one line', (_name, line, reason) => {
		const result = parseMessage(line, limits);
		expect('error' in result && result.error).toContain(reason);
		expect('error' in result && result.error.includes('\n')).toBe(false);
	});

	it('refuses a deck over the size cap', () => {
		const line = JSON.stringify({v: 3, type: 'deck', deck: {meta: {}, slides: ['x'.repeat(600), 'y'.repeat(600)]}});
		expect(parseMessage(line, limitsFor(1000))).toEqual({error: expect.stringContaining('size cap')});
	});

	it('turns lone surrogates into U+FFFD, as strict decoding of a file would not let them in', () => {
		const result = parseMessage(`{"v":3,"type":"deck","deck":{${plainJson},"meta":{"title":"a\\ud800b"},"slides":["x\\udc00"]}}`, limits);
		expect(result).toEqual({message: {type: 'deck', deck: {...plainDeck, meta: {title: 'a\uFFFDb'}, slides: ['x\uFFFD']}}});
	});
});

describe('a deck in parts (protocol version 3)', () => {
	const shared = {
		...plainDeck,
		meta: {title: 'Big'},
		slides: Array.from({length: 5000}, (_, i) => `## Slide ${i + 1}\n\n${'text '.repeat(10)}`),
	};

	it('a large deck is sent as a deck message and slides messages, each a bounded piece, and put back together', () => {
		const lines = encodeDeck(shared);
		expect(lines.length).toBeGreaterThan(3);
		for (const line of lines) expect(line.length).toBeLessThan(200 * 1024);
		const assembler = new DeckAssembler(limits.maxDeckChars);
		const results = lines.map(line => {
			const parsed = parseMessage(line.trimEnd(), limits);
			if ('error' in parsed || (parsed.message.type !== 'deck' && parsed.message.type !== 'slides')) throw new Error(line.slice(0, 80));
			const taken = assembler.take(parsed.message);
			expect(assembler.waiting).toBe(!('deck' in taken && taken.deck));
			return taken;
		});
		expect(results.at(-1)).toEqual({deck: shared});
		expect(results.slice(0, -1).every(result => !('deck' in result && result.deck))).toBe(true);
	});

	it('a small deck is one message, as before', () => {
		const small = {...plainDeck, meta: {}, slides: ['# A', '## B']};
		expect(encodeDeck(small)).toEqual([encodeMessage({type: 'deck', deck: small})]);
		expect(new DeckAssembler(limits.maxDeckChars).take({type: 'deck', deck: small})).toEqual({deck: small});
	});

	it('refuses parts that do not make the deck said', () => {
		const assembler = new DeckAssembler(1000);
		expect(assembler.take({type: 'slides', slides: ['x']})).toEqual({error: 'the talk sent slides without a deck'});
		expect(assembler.take({type: 'deck', deck: {...plainDeck, meta: {}, slides: ['a']}, count: 2})).toEqual({});
		expect(assembler.take({type: 'slides', slides: ['b', 'c']})).toEqual({error: expect.stringContaining('more slides than the 2')});
		expect(assembler.take({type: 'deck', deck: {...plainDeck, meta: {}, slides: ['a']}, count: 3})).toEqual({});
		expect(assembler.take({type: 'slides', slides: ['x'.repeat(1001)]})).toEqual({error: expect.stringContaining('size cap')});
		expect(parseMessage('{"v":3,"type":"slides","slides":[]}', limits)).toEqual({error: expect.stringContaining('no slides')});
		expect(parseMessage(`{"v":3,"type":"deck","count":1,"deck":{${plainJson},"meta":{},"slides":["a","b"]}}`, limits)).toEqual({
			error: expect.stringContaining('1 to'),
		});
	});
});

describe('line splitter', () => {
	it('joins lines cut across chunks', () => {
		const splitter = new LineSplitter(100);
		expect(splitter.push('ab')).toEqual({lines: []});
		expect(splitter.push('c\nde\nf')).toEqual({lines: ['abc', 'de']});
		expect(splitter.push('g\n')).toEqual({lines: ['fg']});
	});

	it('refuses a line over the limit before it has all arrived', () => {
		const splitter = new LineSplitter(10);
		expect(splitter.push('12345').error).toBeUndefined();
		expect(splitter.push('678901').error).toContain('limit');
	});
});

describe('flood guard', () => {
	it('ends a connection past the message rate, and past the deck rate', () => {
		const guard = new FloodGuard(3, 2);
		expect([guard.note('position', 0), guard.note('position', 10), guard.note('position', 20)]).toEqual([undefined, undefined, undefined]);
		expect(guard.note('position', 30)).toContain('more than 3 messages');
		expect(guard.note('position', 1100)).toBeUndefined();
		const decks = new FloodGuard(100, 2);
		expect(decks.note('deck', 0)).toBeUndefined();
		expect(decks.note('deck', 2000)).toBeUndefined();
		expect(decks.note('deck', 4000)).toContain('decks in a minute');
		expect(decks.note('deck', 70_000)).toBeUndefined();
	});
});

describe('shared decks', () => {
	const text =
		'---\ntitle: T\nduration: 30\n---\n# Part\n\n---\n\n## One\nvisible\n<!-- notes: secret one -->\n<!-- pause -->\nmore\n\nNote:\nsecret two\n\n---\n\n## Two\n```\n<!-- notes: in code -->\n```\n';
	const deck = openDeck(text, 'talk.md');

	it('leaves the notes out unless asked, and keeps slides, titles and steps', () => {
		const shared = shareDeck(deck, false);
		expect(shared.meta).toEqual({title: 'T', duration: 30});
		expect(shared.slides.join('\n')).not.toContain('secret');
		expect(shared.slides[2]).toContain('<!-- notes: in code -->');
		const rebuilt = deckFromShared(shared, 'talk');
		expect(rebuilt.count).toBe(deck.count);
		for (let i = 0; i < deck.count; i++) {
			expect(parseSlide(rebuilt, i).title).toBe(parseSlide(deck, i).title);
			expect(slideHead(rebuilt, i).steps).toBe(slideHead(deck, i).steps);
			expect(slideHead(rebuilt, i).isSection).toBe(slideHead(deck, i).isSection);
			expect(slideHead(rebuilt, i).hasNotes).toBe(false);
		}

		expect(shareDeck(deck, true).slides.join('\n')).toContain('secret two');
	});

	it('is made one slide a step (the leader makes it in slices), the same deck as at once', () => {
		const fresh = openDeck(text, 'talk.md');
		const steps = shareDeckSteps(fresh, false);
		let pauses = 0;
		let step = steps.next();
		while (!step.done) {
			pauses++;
			step = steps.next();
		}

		expect(pauses).toBe(fresh.count - 1);
		expect(step.value).toEqual(shareDeck(deck, false));
		// Made once per deck: asked again, it is there at once.
		expect(shareDeckSteps(fresh, false).next()).toEqual({done: true, value: step.value});
	});

	it('keeps slide numbers whatever a slide holds (a separator inside a shared slide does not split it)', () => {
		const rebuilt = deckFromShared({...plainDeck, meta: {}, slides: ['## A\n---\n## still A', '```\nopen fence', '## C']}, 't');
		expect(rebuilt.count).toBe(3);
		expect(parseSlide(rebuilt, 2).title).toBe('C');
	});

	it('a hostile deck is shown through the sanitiser', () => {
		const rebuilt = deckFromShared(
			{...plainDeck, meta: {title: 'x\u001B]52;c;AAAA\u0007'}, slides: ['## \u001B[2J title\n\u009B31m text \u202E']},
			't',
		);
		const slide = parseSlide(rebuilt, 0);
		expect(slide.title).not.toMatch(/[\p{Cc}\u202E]/u);
	});
});

describe('fuzz: whatever a talk sends, a follower answers with a message or one line', () => {
	const tiny = limitsFor(4096);
	it('random lines', () => {
		fc.assert(
			fc.property(fc.string({unit: 'binary', maxLength: 300}), line => {
				const result = parseMessage(line, tiny);
				if ('error' in result) {
					expect(result.error).not.toContain('\n');
				}
			}),
			{numRuns: 2000},
		);
	});

	it('random JSON of the right shape but hostile values', () => {
		const hostileValue = fc.oneof(
			fc.string({unit: 'binary'}),
			fc.integer(),
			fc.double(),
			fc.boolean(),
			fc.constant(null),
			fc.array(fc.string()),
			fc.object(),
			fc.constant(Number.MAX_SAFE_INTEGER),
			fc.constant(-1),
		);
		const message = fc.record(
			{
				v: fc.oneof(fc.constant(protocolVersion), hostileValue),
				type: fc.constantFrom('hello', 'deck', 'position', 'end', 'x'),
				slide: hostileValue,
				step: hostileValue,
				blank: hostileValue,
				talk: hostileValue,
				title: hostileValue,
				count: hostileValue,
				followers: hostileValue,
				clock: fc.oneof(hostileValue, fc.record({elapsed: hostileValue, paused: hostileValue})),
				deck: fc.oneof(
					hostileValue,
					fc.record({
						meta: fc.oneof(hostileValue, fc.record({title: hostileValue, duration: hostileValue})),
						dialect: fc.oneof(fc.constantFrom(...dialectNames), hostileValue),
						intro: fc.oneof(fc.boolean(), hostileValue),
						reading: fc.oneof(
							hostileValue,
							fc.record({incrementalLists: fc.oneof(fc.boolean(), hostileValue), commentNotes: fc.boolean()}),
						),
						slides: fc.oneof(hostileValue, fc.array(fc.oneof(fc.string({unit: 'binary'}), hostileValue), {maxLength: 5})),
					}),
				),
			},
			{requiredKeys: ['v', 'type']},
		);
		fc.assert(
			fc.property(message, value => {
				const result = parseMessage(JSON.stringify(value), tiny);
				if ('message' in result && result.message.type === 'deck') {
					// What passed is a deck the follower can build and lay out.
					const rebuilt = deckFromShared(result.message.deck, 'fuzz');
					for (let i = 0; i < rebuilt.count; i++) {
						expect(typeof parseSlide(rebuilt, i).title).toBe('string');
					}
				} else if ('message' in result && result.message.type === 'position') {
					expect(Number.isSafeInteger(result.message.slide) && result.message.slide >= 0).toBe(true);
				}
			}),
			{numRuns: 1000},
		);
	});
});

describe('a follower reading a large deck in parts', () => {
	it('rebuilds it in slices and takes the position after it, never before', async () => {
		const stream = new PassThrough();
		const heard: string[] = [];
		let resolve = () => {};
		const positioned = new Promise<void>(done => {
			resolve = done;
		});
		readTalk(
			stream,
			'talk',
			limitsFor(10 * 1024 * 1024),
			{
				deck: deck => heard.push(`deck ${deck.count}`),
				position: position => {
					heard.push(`position ${position.slide}`);
					resolve();
				},
				ended: () => heard.push('ended'),
				problem: message => heard.push(`problem ${message}`),
				lost: reason => heard.push(`lost ${reason}`),
			},
			() => {},
		);
		const slides = Array.from({length: 60_000}, (_, i) => `## Slide ${i + 1}`);
		const lines = encodeDeck({...plainDeck, meta: {}, slides});
		expect(lines.length).toBeGreaterThan(10);
		stream.write(
			lines.join('') + encodeMessage({type: 'position', slide: 59_999, step: 0, blank: false, clock: {elapsed: 0, paused: false}}),
		);
		await positioned;
		expect(heard).toEqual(['deck 60000', 'position 59999']);
	});
});
