// A fence's info string as the presenters write it: a language (`rust`, or pandoc's
// `{.haskell .numberLines}`), then attributes Lectern does not carry out (presenterm's
// `+exec` and `+line_numbers`, line highlights `{1-4|6-10|all}`, reveal's `[1|3-5]`), each
// named so `check` can say it was shown as plain code.
export function readFenceInfo(info: string): {lang: string; unsupported: string[]} {
	const trimmed = info.trim();
	const pandoc = /^\{\s*\.([\w+#-]+)[^}]*\}/.exec(trimmed);
	const words = trimmed.split(/\s+/);
	const lang = (pandoc ? pandoc[1]! : (words[0] ?? '')).toLowerCase();
	const unsupported: string[] = [];
	for (const word of pandoc ? [] : words.slice(1)) {
		if (/^\+[\w:-]+$/.test(word)) {
			unsupported.push(word);
		} else if (/^[{[][\d\s,|all-]+[}\]]$/.test(word)) {
			unsupported.push(`line highlights ${word}`);
		}
	}

	return {lang, unsupported};
}
