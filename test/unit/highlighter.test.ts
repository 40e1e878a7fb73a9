import {describe, expect, it, vi} from 'vitest';
import {highlighterFrom, loadHighlighter, registerSteps} from '../../src/cli/highlighter.js';
import {codeLines} from '../../src/layout/code.js';

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

describe('a grammar that fails while registering (in a later slice)', () => {
	it('leaves that language unhighlighted and the others highlighted, printing nothing', async () => {
		const {all, createLowlight} = await import('lowlight');
		const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
		const warnings = vi.spyOn(console, 'warn').mockImplementation(() => {});
		try {
			// After every real grammar, so it registers many slices after the first.
			const grammars = {
				...all,
				'broken-lang': () => {
					throw new Error('a grammar bug');
				},
				'empty-lang': () => undefined as never,
			};
			const highlighter = await highlighterFrom({all: grammars, createLowlight});
			expect(highlighter.supports('broken-lang')).toBe(false);
			expect(highlighter.supports('empty-lang')).toBe(false);
			expect(highlighter.supports('python')).toBe(true);
			expect(JSON.stringify(highlighter.highlight('def f(): pass', 'python'))).toContain('hljs-keyword');
			// The code block falls back to plain code lines.
			expect(codeLines('x = 1', 'broken-lang', highlighter)).toEqual(codeLines('x = 1', 'broken-lang'));
			expect(errors).not.toHaveBeenCalled();
			expect(warnings).not.toHaveBeenCalled();
		} finally {
			errors.mockRestore();
			warnings.mockRestore();
		}
	});

	it('leaves out a grammar whose registering throws in a later slice, without an uncaught exception', async () => {
		const lowlight = await import('lowlight');
		const uncaught: unknown[] = [];
		const onUncaught = (error: unknown) => uncaught.push(error);
		process.on('uncaughtException', onUncaught);
		try {
			const names = Object.keys(lowlight.all);
			const last = names.at(-1) ?? '';
			let registered = 0;
			const createLowlight = () => {
				const real = lowlight.createLowlight();
				return {
					...real,
					register(name: string, grammar: (typeof lowlight.all)[string]) {
						registered++;
						// Past highlight.js's own guard, in the last of many slices.
						if (name === last) throw new TypeError('register broke');
						real.register(name, grammar);
					},
				};
			};
			const highlighter = await highlighterFrom({all: lowlight.all, createLowlight: createLowlight as typeof lowlight.createLowlight});
			expect(registered).toBe(names.length);
			expect(highlighter.supports(last)).toBe(false);
			expect(highlighter.supports('c')).toBe(true);
			await new Promise(resolve => setImmediate(resolve));
			expect(uncaught).toEqual([]);
		} finally {
			process.off('uncaughtException', onUncaught);
		}
	});
});
