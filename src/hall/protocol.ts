// The talk protocol: newline-delimited JSON from a leader to its followers, with a version
// field. Pure (no sockets, no clock of its own): the server, the follower, the relay and the
// tests share these types, the encoder, the line splitter and the validation. Everything a
// follower receives is untrusted: every field is checked here and deck text goes on to the
// same parser, guards and sanitiser as a file.
import {dialectNames, type DialectName} from '../deck/dialects/dialect.js';
import type {DeckMeta} from '../deck/types.js';

/**
 * 2: a deck is each slide's source without its notes, with the dialect and settings it is read in.
 * 3: a deck of many slides comes in parts: the `deck` message holds its first slides and `count`,
 * `slides` messages the rest (one message of a whole 10 MiB deck was one JSON.parse of up to
 * 20 MiB on the follower, 0.1 s and more in one stretch).
 */
export const protocolVersion = 3;

/** The talk as `lectern talks` lists it; the first line of every connection. */
export type TalkInfo = Readonly<{talk: string; title: string; slide: number; count: number; followers: number}>;

/**
 * The deck as shared: front-matter values, each slide's source (its notes' lines removed unless
 * shared), and what a follower needs to read those slides as the leader does: the dialect, the
 * introduction slide (presenterm) and the settings from the front matter (patat).
 */
export type SharedDeck = Readonly<{
	meta: Readonly<{title?: string; author?: string; date?: string; duration?: number}>;
	dialect: DialectName;
	/** The first slide is presenterm's introduction slide, drawn centred. */
	intro: boolean;
	reading: SharedReading;
	slides: readonly string[];
}>;

/** How the slides are read (patat's settings): lists revealed item by item, comments as notes. */
export type SharedReading = Readonly<{incrementalLists: boolean; commentNotes: boolean}>;

export type TalkPosition = Readonly<{
	slide: number;
	step: number;
	blank: boolean;
	/** The leader's clock: seconds elapsed when sent, and whether it is paused. */
	clock: Readonly<{elapsed: number; paused: boolean}>;
}>;

export type Message =
	| Readonly<{type: 'hello'} & TalkInfo>
	/** The deck, or its first slides when `count` (all of them) is more: `slides` messages bring the rest. */
	| Readonly<{type: 'deck'; deck: SharedDeck; count?: number}>
	| Readonly<{type: 'slides'; slides: readonly string[]}>
	| Readonly<{type: 'position'} & TalkPosition>
	| Readonly<{type: 'end'}>;

export type Limits = Readonly<{
	/** Longest line accepted (a deck message is the longest). */
	maxLineChars: number;
	/** Most deck text accepted, in characters (the deck file size cap). */
	maxDeckChars: number;
}>;

/** Any message but a deck is a few hundred characters. */
const maxSmallMessageChars = 4096;
const maxSlides = 200_000;
const maxMetaChars = 1024;
const maxNumber = 10_000_000;

export function limitsFor(maxDeckBytes: number): Limits {
	// JSON may escape each character as six (`\u001b`); real decks come nowhere near.
	return {maxLineChars: maxDeckBytes * 2 + 65_536, maxDeckChars: maxDeckBytes};
}

export function encodeMessage(message: Message): string {
	return `${JSON.stringify({v: protocolVersion, ...message})}\n`;
}

/** Slide text in one part of a deck (a slide longer than this is a part of its own). */
const partChars = 64 * 1024;
const partSlides = 1024;

/**
 * A deck as the lines that send it: one `deck` message when it is small, else the first part
 * as the `deck` message (with `count`) and the rest as `slides` messages, each about 64 KiB of
 * slide text at most, so a follower parses it a bounded piece at a time.
 */
export function encodeDeck(deck: SharedDeck): string[] {
	const parts: string[][] = [];
	let part: string[] = [];
	let chars = 0;
	for (const slide of deck.slides) {
		if (part.length > 0 && (chars + slide.length > partChars || part.length >= partSlides)) {
			parts.push(part);
			part = [];
			chars = 0;
		}

		part.push(slide);
		chars += slide.length;
	}

	parts.push(part);
	const [first = [], ...rest] = parts;
	return [
		encodeMessage({type: 'deck', deck: {...deck, slides: first}, ...(rest.length > 0 ? {count: deck.slides.length} : {})}),
		...rest.map(slides => encodeMessage({type: 'slides', slides})),
	];
}

/**
 * A follower's deck as it comes in parts: `take` a `deck` or `slides` message; it answers the
 * deck once its last slide is in, or why the parts do not make one (slides with no deck begun,
 * more slides than said, the size cap).
 */
export class DeckAssembler {
	private pending: {deck: SharedDeck; slides: string[]; count: number; chars: number} | undefined;
	private readonly maxDeckChars: number;
	constructor(maxDeckChars: number) {
		this.maxDeckChars = maxDeckChars;
	}

	/** A deck is begun and not complete. */
	get waiting(): boolean {
		return this.pending !== undefined;
	}

	take(message: Extract<Message, {type: 'deck' | 'slides'}>): {deck?: SharedDeck} | {error: string} {
		if (message.type === 'deck') {
			this.pending = undefined;
			const count = message.count ?? message.deck.slides.length;
			if (count === message.deck.slides.length) {
				return {deck: message.deck};
			}

			const chars = message.deck.slides.reduce((sum, slide) => sum + slide.length, 0);
			this.pending = {deck: message.deck, slides: [...message.deck.slides], count, chars};
			return {};
		}

		const pending = this.pending;
		if (!pending) {
			return {error: 'the talk sent slides without a deck'};
		}

		if (pending.slides.length + message.slides.length > pending.count) {
			this.pending = undefined;
			return {error: `the talk sent more slides than the ${pending.count} its deck has`};
		}

		for (const slide of message.slides) {
			pending.chars += slide.length;
			pending.slides.push(slide);
		}

		if (pending.chars > this.maxDeckChars) {
			this.pending = undefined;
			return {error: `the deck is over the ${Math.round(this.maxDeckChars / 1024 / 1024)} MiB size cap`};
		}

		if (pending.slides.length < pending.count) {
			return {};
		}

		this.pending = undefined;
		return {deck: {...pending.deck, slides: pending.slides}};
	}
}

/**
 * Cuts a stream of text into lines, refusing a line longer than the limit before it is
 * all buffered (a peer that never sends a newline cannot fill the memory).
 */
export class LineSplitter {
	private pending: string[] = [];
	private pendingChars = 0;
	private readonly maxLineChars: number;
	constructor(maxLineChars: number) {
		this.maxLineChars = maxLineChars;
	}

	/** The complete lines in `chunk`, or an error when a line is over the limit. */
	push(chunk: string): {lines: string[]; error?: string} {
		const lines: string[] = [];
		let start = 0;
		for (let newline = chunk.indexOf('\n'); newline !== -1; newline = chunk.indexOf('\n', start)) {
			const piece = chunk.slice(start, newline);
			if (this.pendingChars + piece.length > this.maxLineChars) {
				return {lines, error: tooLong(this.maxLineChars)};
			}

			lines.push(this.pending.length > 0 ? this.pending.join('') + piece : piece);
			this.pending = [];
			this.pendingChars = 0;
			start = newline + 1;
		}

		const rest = chunk.slice(start);
		if (rest !== '') {
			this.pendingChars += rest.length;
			if (this.pendingChars > this.maxLineChars) {
				return {lines, error: tooLong(this.maxLineChars)};
			}

			this.pending.push(rest);
		}

		return {lines};
	}
}

function tooLong(max: number): string {
	return `the talk sent a message over the ${Math.round(max / 1024)} KiB limit`;
}

export type Parsed = {message: Message} | {error: string};

/** One line → a checked message, or the reason to end the connection. */
export function parseMessage(line: string, limits: Limits): Parsed {
	if (line.length > limits.maxLineChars) {
		return {error: tooLong(limits.maxLineChars)};
	}

	let value: unknown;
	try {
		value = JSON.parse(line);
	} catch {
		return {error: 'the talk sent a message that is not JSON'};
	}

	if (!isRecord(value)) {
		return {error: 'the talk sent a message that is not a JSON object'};
	}

	if (value['v'] !== protocolVersion) {
		const version = typeof value['v'] === 'number' && Number.isFinite(value['v']) ? String(value['v']) : 'an unknown';
		return {error: `the talk speaks protocol version ${version}; this lectern speaks version ${protocolVersion} (update one of them)`};
	}

	const type = value['type'];
	if (type !== 'deck' && type !== 'slides' && line.length > maxSmallMessageChars) {
		return {error: tooLong(maxSmallMessageChars)};
	}

	const message =
		type === 'hello'
			? readHello(value)
			: type === 'deck'
				? readDeck(value, limits)
				: type === 'slides'
					? readSlides(value, limits)
					: type === 'position'
						? readPosition(value)
						: type === 'end'
							? {type: 'end' as const}
							: undefined;
	if (message === undefined) {
		return {
			error:
				typeof type === 'string' ? `the talk sent a message of an unknown type (${cut(type)})` : 'the talk sent a message without a type',
		};
	}

	return typeof message === 'string' ? {error: `the talk sent a malformed ${String(type)} message (${message})`} : {message};
}

function readHello(value: Record<string, unknown>): Message | string {
	const talk = text(value['talk'], 'talk');
	const title = text(value['title'] ?? '', 'title');
	const slide = count(value['slide'], 'slide');
	const total = count(value['count'], 'count');
	const followers = count(value['followers'], 'followers');
	for (const field of [talk, title, slide, total, followers]) {
		if (field instanceof Problem) {
			return field.message;
		}
	}

	return {
		type: 'hello',
		talk: talk as string,
		title: title as string,
		slide: slide as number,
		count: total as number,
		followers: followers as number,
	};
}

function readPosition(value: Record<string, unknown>): Message | string {
	const slide = count(value['slide'], 'slide');
	const step = count(value['step'], 'step');
	if (slide instanceof Problem || step instanceof Problem) {
		return (slide instanceof Problem ? slide : (step as Problem)).message;
	}

	if (typeof value['blank'] !== 'boolean') {
		return 'blank is not true or false';
	}

	const clock = value['clock'];
	if (
		!isRecord(clock) ||
		typeof clock['paused'] !== 'boolean' ||
		typeof clock['elapsed'] !== 'number' ||
		!Number.isFinite(clock['elapsed']) ||
		clock['elapsed'] < 0 ||
		clock['elapsed'] > maxNumber
	) {
		return 'clock is not {elapsed, paused}';
	}

	return {type: 'position', slide, step, blank: value['blank'], clock: {elapsed: clock['elapsed'], paused: clock['paused']}};
}

/** Slides as sent (a deck's, or a part of one): text, within the counts and the size cap. */
function readSlideList(slides: unknown, limits: Limits): string[] | string {
	if (!Array.isArray(slides) || slides.length > maxSlides) {
		return `slides are not a list of at most ${maxSlides}`;
	}

	let chars = 0;
	const checked: string[] = [];
	for (const slide of slides as unknown[]) {
		if (typeof slide !== 'string') {
			return 'a slide is not text';
		}

		chars += slide.length;
		if (chars > limits.maxDeckChars) {
			return `the deck is over the ${Math.round(limits.maxDeckChars / 1024 / 1024)} MiB size cap`;
		}

		checked.push(wellFormed(slide));
	}

	return checked;
}

function readSlides(value: Record<string, unknown>, limits: Limits): Message | string {
	const checked = readSlideList(value['slides'], limits);
	if (typeof checked === 'string') {
		return checked;
	}

	return checked.length === 0 ? 'a part of a deck has no slides' : {type: 'slides', slides: checked};
}

function readDeck(value: Record<string, unknown>, limits: Limits): Message | string {
	const deck = value['deck'];
	if (!isRecord(deck) || !Array.isArray(deck['slides']) || !isRecord(deck['meta'])) {
		return 'deck is not {meta, slides}';
	}

	const slides = deck['slides'] as unknown[];
	const total = value['count'] ?? slides.length;
	if (slides.length === 0 || typeof total !== 'number' || !Number.isSafeInteger(total) || total < slides.length || total > maxSlides) {
		return `a deck has 1 to ${maxSlides} slides, this one ${String(total)}`;
	}

	const checked = readSlideList(slides, limits);
	if (typeof checked === 'string') {
		return checked;
	}

	const meta = deck['meta'];
	const fields: Record<string, string | number> = {};
	for (const key of ['title', 'author', 'date'] as const) {
		const item = meta[key];
		if (item === undefined || item === null) {
			continue;
		}

		const checkedText = text(item, key);
		if (checkedText instanceof Problem) {
			return checkedText.message;
		}

		fields[key] = checkedText;
	}

	const duration = meta['duration'];
	if (duration !== undefined && duration !== null) {
		if (typeof duration !== 'number' || !Number.isFinite(duration) || duration <= 0 || duration > maxNumber) {
			return 'duration is not a positive number of minutes';
		}

		fields['duration'] = duration;
	}

	const dialect = deck['dialect'];
	if (typeof dialect !== 'string' || !(dialectNames as readonly string[]).includes(dialect)) {
		return `dialect is not one of ${dialectNames.join(', ')}`;
	}

	const intro = deck['intro'];
	if (typeof intro !== 'boolean') {
		return 'intro is not true or false';
	}

	const reading = deck['reading'];
	if (!isRecord(reading) || typeof reading['incrementalLists'] !== 'boolean' || typeof reading['commentNotes'] !== 'boolean') {
		return 'reading is not {incrementalLists, commentNotes}';
	}

	return {
		type: 'deck',
		deck: {
			meta: fields,
			dialect: dialect as DialectName,
			intro,
			reading: {incrementalLists: reading['incrementalLists'], commentNotes: reading['commentNotes']},
			slides: checked,
		},
		...(total > checked.length ? {count: total} : {}),
	};
}

class Problem {
	readonly message: string;
	constructor(message: string) {
		this.message = message;
	}
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown, name: string): string | Problem {
	if (typeof value !== 'string' || value.length > maxMetaChars) {
		return new Problem(`${name} is not text of at most ${maxMetaChars} characters`);
	}

	return wellFormed(value);
}

function count(value: unknown, name: string): number | Problem {
	return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= maxNumber
		? value
		: new Problem(`${name} is not a whole number from 0 to ${maxNumber}`);
}

/** Lone surrogates (valid in JSON, not in UTF-8) become U+FFFD, as strict decoding of a file would refuse them. */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function wellFormed(value: string): string {
	return value.replace(loneSurrogate, '\uFFFD');
}

function cut(value: string): string {
	return value.length > 20 ? `${value.slice(0, 20)}…` : value;
}

/** Meta as sent: only the values a follower shows or uses. */
export function sharedMeta(meta: DeckMeta): SharedDeck['meta'] {
	return {
		...(meta.title === undefined ? {} : {title: meta.title.slice(0, maxMetaChars)}),
		...(meta.author === undefined ? {} : {author: meta.author.slice(0, maxMetaChars)}),
		...(meta.date === undefined ? {} : {date: meta.date.slice(0, maxMetaChars)}),
		...(meta.duration === undefined ? {} : {duration: meta.duration}),
	};
}

/**
 * Guards a follower against a leader that floods it: more than `maxPerSecond` messages, or
 * more than `maxDecksPerMinute` decks (each one is laid out again), end the connection.
 * Time is passed in, so the guard stays pure.
 */
export class FloodGuard {
	private windowStart = 0;
	private inWindow = 0;
	private decks: number[] = [];
	private readonly maxPerSecond: number;
	private readonly maxDecksPerMinute: number;
	constructor(maxPerSecond = 5000, maxDecksPerMinute = 120) {
		this.maxPerSecond = maxPerSecond;
		this.maxDecksPerMinute = maxDecksPerMinute;
	}

	/** Undefined while the rate is acceptable, else the reason to stop. */
	note(type: Message['type'], nowMs: number): string | undefined {
		if (nowMs - this.windowStart >= 1000) {
			this.windowStart = nowMs;
			this.inWindow = 0;
		}

		this.inWindow++;
		if (this.inWindow > this.maxPerSecond) {
			return `the talk sent more than ${this.maxPerSecond} messages in a second`;
		}

		if (type === 'deck') {
			this.decks = this.decks.filter(at => nowMs - at < 60_000);
			this.decks.push(nowMs);
			if (this.decks.length > this.maxDecksPerMinute) {
				return `the talk sent more than ${this.maxDecksPerMinute} decks in a minute`;
			}
		}

		return undefined;
	}
}
