// Each start-up patch the build applies must still find its text in the installed package;
// when a dependency changes, this names the patch to update (see scripts/startup-patches.mjs).
import {readFileSync} from 'node:fs';
import {describe, expect, test} from 'vitest';
import {patchedPackage, snapshotPatches, startupPatches} from '../../scripts/startup-patches.mjs';

const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
	dependencies: Record<string, string>;
	overrides: Record<string, string>;
};

describe('start-up patches', () => {
	for (const patch of [...startupPatches, ...snapshotPatches]) {
		// A copy nested under another package is pinned by that package's exact version.
		const packageName = patchedPackage(patch.file);
		test(`${patch.file}: ${patch.from.slice(0, 40)}…`, () => {
			const source = readFileSync(new URL(`../../node_modules/${patch.file}`, import.meta.url), 'utf8');
			expect(
				source.includes(patch.from),
				`${patch.file} no longer contains the text the build patches; update scripts/startup-patches.mjs`,
			).toBe(true);
		});

		test(`${packageName} is pinned to an exact version`, () => {
			expect(
				packageJson.dependencies[packageName] ?? packageJson.overrides[packageName],
				`${packageName} must be pinned exactly, as a direct dependency or an override (the patch matches one version's text)`,
			).toMatch(/^\d+\.\d+\.\d+$/);
		});
	}
});
