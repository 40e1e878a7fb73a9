import {afterEach, describe, expect, it} from 'vitest';
import {closeAll, keys, startPty} from './pty.js';
import {startLectern, atSlide, outline, binary, repoRoot} from './helpers.js';

afterEach(closeAll);

it('scratch2', async () => {
	const t = await startLectern(['decks/virtualization.md']);
	await t.waitFor(atSlide(1, 103));
	t.press('/');
	await t.waitFor(s => t.row(-1).includes(' /'), {timeout: 5000});
	t.press('s');
	await t.waitFor(s => t.row(-1).includes(' /s'), {timeout: 5000});
	console.log(t.row(-1));
});
