import {describe, expect, it} from 'vitest';
import {loadHighlighter, registerSteps} from '../../src/cli/highlighter.js';

describe('the highlighter', () => {
	it('registers its grammars one a step, so they go in slices', () => {
		const registered: string[] = [];
		const steps = registerSteps({c: 1, python: 2, rust: 3}, name => registered.push(name));
		expect(registered).toEqual([]);
		steps.next();
		expect(registered).toEqual(['c']);
		steps.next();
		expect(registered).toEqual(['c', 'python']);
		steps.next();
		expect(steps.next().done).toBe(true);
		expect(registered).toEqual(['c', 'python', 'rust']);
	});

	it('knows every grammar (and its aliases) once loaded', async () => {
		const highlighter = await loadHighlighter();
		expect(highlighter.supports('c')).toBe(true);
		expect(highlighter.supports('js')).toBe(true);
		expect(highlighter.supports('zephir')).toBe(true);
		expect(highlighter.supports('no-such-language')).toBe(false);
	});
});
