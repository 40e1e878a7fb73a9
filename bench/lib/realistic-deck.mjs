// The 'realistic-6mb' deck the scan and stalls benches share: 10,000 slides of 600 bytes each
// (a heading, prose, a list, a code block and a notes comment), about 6 MB.

/** @returns {string} */
export function realisticDeck() {
	return Array.from({length: 10_000}, (_, i) =>
		`# Slide ${i + 1}\n\nSome text about page tables, ${i}, and *more* of it.\n\n- a point\n- another point with \`code\`\n\n\`\`\`c\nint x = ${i};\n\`\`\`\n\n<!-- notes: ${'notes words '.repeat(30)} -->\n`.padEnd(
			600,
			' ',
		),
	).join('\n---\n\n');
}
