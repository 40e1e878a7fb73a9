// The presenter's side of sharing (`present --share`, `speaker`): starts the talk's server
// and tells it where the talk is after each change. Loaded only when sharing, so the plain
// presenter's start-up and keys carry none of it.
import type {Deck} from '../deck/types.js';
import type {NavState} from '../nav/reducer.js';
import {audiencePosition} from '../nav/search-mode.js';
import type {TalkClock} from '../cli/clock.js';
import {startTalk, type Talk} from './server.js';

export type Leader = Readonly<{
	talk: Talk;
	/** The presenter's state or deck changed. */
	update: (state: NavState, deck: Deck) => void;
	/** The status bar's follower count. */
	badge: () => string;
	close: () => void;
}>;

export async function startLeader(
	options: Readonly<{name: string; group?: string; shareNotes: boolean; deck: Deck; state: NavState; clock: TalkClock}>,
): Promise<Leader> {
	const {clock} = options;
	const positionOf = (state: NavState) => ({
		...audiencePosition(state),
		blank: Boolean(state.blank),
		clock: {elapsed: clock.elapsed(), paused: clock.paused},
	});
	const stallMs = Number(process.env['LECTERN_FOLLOWER_STALL_MS'] ?? '') || undefined;
	const talk = await startTalk(
		{
			name: options.name,
			group: options.group,
			shareNotes: options.shareNotes,
			stallMs,
			clock: () => ({elapsed: clock.elapsed(), paused: clock.paused}),
		},
		{deck: options.deck, position: positionOf(options.state)},
	);
	let last = {deck: options.deck, key: key(positionOf(options.state))};
	return {
		talk,
		update(state, deck) {
			const position = positionOf(state);
			const positionKey = key(position);
			// Typing a search or scrolling notes changes nothing the audience sees.
			if (deck === last.deck && positionKey === last.key) {
				return;
			}

			last = {deck, key: positionKey};
			talk.update(deck, position);
		},
		badge() {
			const count = talk.followers();
			return `${count} follower${count === 1 ? '' : 's'}`;
		},
		close() {
			talk.close();
		},
	};
}

function key(position: {slide: number; step: number; blank: boolean; clock: {paused: boolean}}): string {
	return `${position.slide}:${position.step}:${position.blank}:${position.clock.paused}`;
}
