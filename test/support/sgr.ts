// SGR sequences (colour and style: ESC [ … m), the one escape the tests look for or take away
// on their own. Only SGR: any other escape or control left in the text still shows up in the
// checks that look for one (test/support/ecma48.ts tokenises everything else).

// biome-ignore lint/suspicious/noControlCharactersInRegex: an SGR sequence starts with ESC; matching one is the point
export const sgr = /\u001B\[[\d;:]*m/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: as above, every one in the text
const everySgr = /\u001B\[[\d;:]*m/g;

/** The text without its SGR sequences. */
export function stripSgr(text: string): string {
	return text.replaceAll(everySgr, '');
}

/** Every SGR sequence in the text, in order. */
export function sgrSequences(text: string): string[] {
	return text.match(everySgr) ?? [];
}
