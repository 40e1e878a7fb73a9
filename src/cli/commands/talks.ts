// `lectern talks`: the talks this user can join (name, deck title, slide, followers), and the
// lookup `follow` and `relay` use. A socket nobody answers on (a crashed leader's) is skipped.
import {createConnection} from 'node:net';
import {sanitizeLine} from '../../deck/sanitize.js';
import {checkTalkName, listTalkPlaces, type TalkPlace} from '../../hall/places.js';
import {LineSplitter, parseMessage, type TalkInfo} from '../../hall/protocol.js';
import {LecternError, exitCodes} from '../errors.js';
import {itemAt} from '../../deck/checked.js';

export type LiveTalk = TalkPlace & {info: TalkInfo};

const askMs = 2000;

/** Ask a talk for its hello line (who it is, where it is), or undefined if nobody answers. */
export function askTalk(socketPath: string): Promise<TalkInfo | undefined> {
	return new Promise(resolve => {
		const socket = createConnection(socketPath);
		const splitter = new LineSplitter(4096);
		const done = (info: TalkInfo | undefined) => {
			clearTimeout(timer);
			socket.destroy();
			resolve(info);
		};

		const timer = setTimeout(() => {
			done(undefined);
		}, askMs);
		socket.setEncoding('utf8');
		socket.on('data', (chunk: string) => {
			// The hello line comes first; the deck line after it is longer than this asker reads, and
			// may arrive in the same chunk: take the hello whatever follows it.
			const {lines, error} = splitter.push(chunk);
			const first = lines[0];
			if (first === undefined) {
				if (error) {
					done(undefined);
				}

				return;
			}

			const parsed = parseMessage(first, {maxLineChars: 4096, maxDeckChars: 0});
			done('message' in parsed && parsed.message.type === 'hello' ? parsed.message : undefined);
		});
		socket.on('error', () => {
			done(undefined);
		});
		socket.on('close', () => {
			done(undefined);
		});
	});
}

export async function liveTalks(): Promise<LiveTalk[]> {
	const places = listTalkPlaces();
	const infos = await Promise.all(places.map(async place => askTalk(place.socket)));
	return places.flatMap((place, i) => {
		const info = infos[i];
		// The asking connection counted itself as a follower.
		return info ? [{...place, info: {...info, followers: Math.max(0, info.followers - 1)}}] : [];
	});
}

/** The talk `follow`/`relay` should join: the named one, or the only one running. */
export async function findTalk(name: string | undefined): Promise<TalkPlace> {
	const talks = await liveTalks();
	if (name !== undefined) {
		checkTalkName(name);
		const matching = talks.filter(talk => talk.name === name);
		if (matching.length === 1) {
			return itemAt(matching, 0);
		}

		if (matching.length > 1) {
			throw new LecternError(
				`${matching.length} talks are named "${name}": follow one by its socket (${matching.map(talk => talk.socket).join(', ')})`,
				{code: exitCodes.usage},
			);
		}

		throw new LecternError(
			`no talk named "${name}" is running${talks.length > 0 ? ` (running: ${talks.map(talk => talk.name).join(', ')})` : ''}`,
			{code: exitCodes.usage},
		);
	}

	if (talks.length === 1) {
		return itemAt(talks, 0);
	}

	if (talks.length === 0) {
		throw new LecternError('no talk is running here (a speaker starts one with lectern present deck.md --share)', {code: exitCodes.usage});
	}

	throw new LecternError(`${talks.length} talks are running, name one: ${talks.map(talk => `lectern follow ${talk.name}`).join(' | ')}`, {
		code: exitCodes.usage,
	});
}

export function formatTalk(talk: LiveTalk): string {
	const {info} = talk;
	const followers = `${info.followers} follower${info.followers === 1 ? '' : 's'}`;
	const group = talk.group === undefined ? '' : `  (group ${talk.group})`;
	return sanitizeLine(
		`${talk.name}  ${info.title || '(untitled)'}  slide ${Math.min(info.slide + 1, info.count)}/${info.count}  ${followers}${group}`,
	);
}

export async function runTalks(args: Readonly<{json: boolean}>): Promise<number> {
	const talks = await liveTalks();
	if (args.json) {
		process.stdout.write(
			talks
				.map(
					talk =>
						`${JSON.stringify({
							name: talk.name,
							title: talk.info.title,
							slide: talk.info.slide + 1,
							count: talk.info.count,
							followers: talk.info.followers,
							group: talk.group ?? null,
							socket: talk.socket,
						})}\n`,
				)
				.join(''),
		);
		return exitCodes.ok;
	}

	if (talks.length === 0) {
		process.stderr.write('lectern: no talk is running (a speaker starts one with: lectern present deck.md --share)\n');
		return exitCodes.problems;
	}

	process.stdout.write(talks.map(talk => `${formatTalk(talk)}\n`).join(''));
	return exitCodes.ok;
}
