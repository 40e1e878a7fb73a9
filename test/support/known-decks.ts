// Every Markdown file the tests know as a deck: test/fixtures and the bundled decks/ (README.md
// files left out: they describe a folder, they are no deck). For the tests that hold a fast path
// equal to the full one on real decks (block-lexer, plain-slide).
import {readdirSync} from 'node:fs';
import path from 'node:path';

const root = path.join(import.meta.dirname, '../..');

function markdownFiles(dir: string): string[] {
	return readdirSync(dir, {withFileTypes: true}).flatMap(entry => {
		const file = path.join(dir, entry.name);
		if (entry.isDirectory()) return markdownFiles(file);
		return entry.name.endsWith('.md') && entry.name !== 'README.md' ? [file] : [];
	});
}

/** The paths of the fixtures' and the bundled decks' Markdown files. */
export function knownDecks(): string[] {
	return [...markdownFiles(path.join(root, 'test/fixtures')), ...markdownFiles(path.join(root, 'decks'))];
}
