// Where the bundled decks are, and the `deck.md:N` location form that search prints and the
// presenter accepts.
import {existsSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {group} from '../deck/checked.js';

/** The repository's decks/ folder (the bundle lives in dist/, sources in src/cli/). */
export function decksDir(): string {
	let dir = dirname(fileURLToPath(import.meta.url));
	for (let i = 0; i < 4; i++) {
		if (existsSync(join(dir, 'decks'))) {
			return join(dir, 'decks');
		}

		dir = dirname(dir);
	}

	return join(process.cwd(), 'decks');
}

export function bundledDeck(): string {
	const lecture = join(decksDir(), 'virtualization.md');
	return existsSync(lecture) ? lecture : join(decksDir(), 'guide.md');
}

/** `deck.md:12` → the file and slide 12 (1-based); a path that exists as given wins. */
export function parseLocation(location: string): {file: string; slide?: number} {
	const match = /^(.*):(\d+)$/.exec(location);
	if (!match || existsSync(location)) {
		return {file: location};
	}

	return {file: group(match, 1), slide: Number(match[2])};
}
