// Each start-up patch the build applies must still find its text in the installed package;
// when a dependency changes, this names the patch to update (see scripts/startup-patches.mjs).
import {readFileSync} from 'node:fs';
import {describe, expect, test} from 'vitest';
import {snapshotPatches, startupPatches} from '../../scripts/startup-patches.mjs';
import {defined} from '../support/defined.js';

const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
	dependencies: Record<string, string>;
};

describe('start-up patches', () => {
	for (const patch of [...startupPatches, ...snapshotPatches]) {
		const packageName = defined(patch.file.split('/')[0]);
		test(`${patch.file}: ${patch.from.slice(0, 40)}…`, () => {
			const source = readFileSync(new URL(`../../node_modules/${patch.file}`, import.meta.url), 'utf8');
			expect(
				source.includes(patch.from),
				`${patch.file} no longer contains the text the build patches; update scripts/startup-patches.mjs`,
			).toBe(true);
		});

		test(`${packageName} is pinned to an exact version`, () => {
			expect(
				packageJson.dependencies[packageName],
				`${packageName} must be a direct dependency pinned exactly (the patch matches one version's text)`,
			).toMatch(/^\d+\.\d+\.\d+$/);
		});
	}
});
