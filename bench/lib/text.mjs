// Turning a program's output into one readable line for a table footnote.
import {stripVTControlCharacters} from 'node:util';

export function stripAnsi(text) {
	return stripVTControlCharacters(text).replace(/\r/g, '');
}

/**
 * What went wrong, from the tail of a program's output: the first line that names an
 * error (a Node stack's last lines are only `}` and the Node version), else the last lines.
 */
export function gist(text, maxChars = 220) {
	const lines = stripAnsi(text)
		.split('\n')
		.map(l => l.trim())
		.filter(Boolean);
	const err = lines.find(l => /\b(error|cannot|not found|no such|unknown|invalid|failed)\b|ERR_[A-Z_]+/i.test(l) && !/^at /.test(l));
	return (err ?? lines.slice(-2).join(' | ')).slice(0, maxChars);
}
