import {describe, expect, it} from 'vitest';
import {internalErrorText} from '../../src/cli/errors.js';

// An error nothing else caught (start.ts's last resort, runGuarded's fallback) can quote a file
// name or deck text: what reaches stderr is one safe line, and with --debug a safe stack.
describe('internalErrorText', () => {
	const hostile = new Error('cannot read evil\u001B]0;pwned\u0007.md\nsecond line \u009B31m');

	it('is one line with stand-ins for control characters', () => {
		const text = internalErrorText(hostile, false);
		expect(text).toBe('lectern: internal error: cannot read evil␛]0;pwned␇.md␤second line <U+009B>31m (run with --debug for details)\n');
		expect(text.slice(0, -1)).not.toMatch(/[\p{Cc}]/u);
	});

	it('adds the stack with --debug, made safe too', () => {
		const text = internalErrorText(hostile, true);
		expect(text.split('\n')[0]).toBe('lectern: internal error: cannot read evil␛]0;pwned␇.md␤second line <U+009B>31m');
		expect(text).toContain('errors.test.ts');
		expect(text.replaceAll('\n', '')).not.toMatch(/[\p{Cc}]/u);
	});

	it('reads a thrown value that is not an Error', () => {
		expect(internalErrorText('plain \u001B[2J', false)).toBe('lectern: internal error: plain ␛[2J (run with --debug for details)\n');
	});
});
