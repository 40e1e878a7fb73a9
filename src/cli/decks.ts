// Deck paths for the review commands: files as given, directories searched for *.md.
import {readdirSync, type Dirent} from 'node:fs';
import {join, relative} from 'node:path';
import {LecternError} from './errors.js';
import {isDirectory} from './load.js';
import {decksDir} from './paths.js';

export function expandDeckPaths(paths: readonly string[] | undefined): string[] {
	if (!paths || paths.length === 0) {
		const dir = decksDir();
		return findMarkdown(dir).map(file => relative(process.cwd(), file) || file);
	}

	return paths.flatMap(path => (isDirectory(path) ? findMarkdown(path) : [path]));
}

function findMarkdown(dir: string, depth = 0): string[] {
	if (depth > 32) {
		return [];
	}

	let entries: Dirent[];
	try {
		entries = readdirSync(dir, {withFileTypes: true});
	} catch {
		throw new LecternError('cannot list this directory', {file: dir});
	}

	return entries
		.filter(entry => !entry.name.startsWith('.') && entry.name !== 'node_modules')
		.sort((a, b) => a.name.localeCompare(b.name))
		.flatMap(entry => {
			const path = join(dir, entry.name);
			if (entry.isDirectory()) {
				return findMarkdown(path, depth + 1);
			}

			return entry.isFile() && entry.name.toLowerCase().endsWith('.md') ? [path] : [];
		});
}
