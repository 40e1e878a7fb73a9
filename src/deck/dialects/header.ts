// mdp's header: `%title:`, `%author:` and `%date:` lines at the very top of a deck (no YAML
// front matter), read as Lectern's front matter.
import {sanitizeLine} from '../sanitize.js';
import type {DeckMeta} from '../types.js';
import {group} from '../checked.js';

const headerLine = /^%([a-z]+):[ \t]*(.*)$/i;

/** The header's metadata and where the body starts; undefined when the text has no header. */
export function readPercentHeader(text: string): {meta: DeckMeta; body: string; bodyLine: number} | undefined {
	if (!text.startsWith('%')) {
		return undefined;
	}

	const values: Record<string, string> = {};
	let pos = 0;
	let line = 0;
	for (;;) {
		const end = text.indexOf('\n', pos);
		const match = headerLine.exec(text.slice(pos, end === -1 ? text.length : end));
		if (!match) {
			break;
		}

		values[group(match, 1).toLowerCase()] = sanitizeLine(group(match, 2).trim());
		line++;
		pos = end === -1 ? text.length : end + 1;
		if (end === -1) {
			break;
		}
	}

	if (line === 0) {
		return undefined;
	}

	const {title, author, date, ...extra} = values;
	return {meta: {title, author, date, extra}, body: text.slice(pos), bodyLine: line};
}
