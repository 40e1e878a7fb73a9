// Decks whose slides hold hundreds of thousands of lines: every stage (parse, plain text for
// search, layout, check) handles them without spreading an array into a call's arguments,
// which overflowed the stack at about 100,000 items.
import {describe, expect, it} from 'vitest';
import {openDeck, stepsOf} from '../../src/deck/deck.js';
import {parseSlide} from '../../src/deck/parse.js';
import {renderNotes, renderSlideBody} from '../../src/layout/layout.js';
import {createTheme} from '../../src/layout/theme.js';
import {checkOpenDeck} from '../../src/cli/commands/check.js';
import {slideDoc} from '../../src/search/deck-docs.js';

const theme = createTheme({level: 3, ascii: false});
const deep = {
	'a 130,000-line code block': `# T\n\n\`\`\`\n${'x\n'.repeat(130_000)}\`\`\`\n`,
	'an unterminated fence': `# T\n\n\`\`\`\n${'x\n'.repeat(200_000)}`,
	'an unterminated notes comment': `# T\n\nbody\n\n<!-- notes:\n${'x\n'.repeat(200_000)}`,
};

describe('deep slides', () => {
	it.for(Object.entries(deep))('%s: parse, search text, layout and check finish', ([, text]) => {
		const deck = openDeck(text, 'deep.md');
		const slide = parseSlide(deck, 0);
		const body = renderSlideBody(slide, stepsOf(deck, 0) - 1, 80, theme);
		expect(body.lines.length).toBeGreaterThan(0);
		renderNotes(slide.noteElements, 40, theme);
		expect(slideDoc(deck, 0).title).toBe('T');
		expect(() => checkOpenDeck(deck, [{width: 80, height: 24}], {ascii: false}, undefined)).not.toThrow();
	});
});
