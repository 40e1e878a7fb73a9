// `--help` at 80 columns: yargs breaks a description that does not fit in the middle of a word
// ("s / lide"), so each command's line must fit, and no line may be a fragment of a word.
import {describe, expect, it} from 'vitest';
import {runLectern} from './cli-helpers.js';

const commands = [
	'',
	'present',
	'speaker',
	'follow',
	'talks',
	'relay',
	'study',
	'print',
	'search',
	'outline',
	'check',
	'convert',
	'export',
];

describe.concurrent('help at 80 columns', () => {
	for (const command of commands) {
		it(`lectern ${command} --help keeps every word whole`, async ({expect}) => {
			const result = await runLectern([...(command ? [command] : []), '--help'], {env: {COLUMNS: '80'}});
			expect(result.status).toBe(0);
			const lines = result.stdout.split('\n');
			for (const [i, line] of lines.entries()) {
				expect(line.length, line).toBeLessThanOrEqual(80);
				// A wrapped command description continues under the description column.
				if (/^ {2}lectern /.test(lines[i - 1] ?? '')) {
					expect(line, `continues "${lines[i - 1]}"`).not.toMatch(/^ {30,}[^[ ]/);
				}

				expect(line, 'a fragment of a broken word').not.toMatch(/^\s{20,}[^\s[]{1,3}$/);
			}
		});
	}

	it('numeric options are not labelled [string]', async () => {
		for (const [command, option] of [
			['present', '--slide'],
			['present', '--max-size'],
			['print', '--width'],
		] as const) {
			const result = await runLectern([command, '--help'], {env: {COLUMNS: '100'}});
			const line = result.stdout.split('\n').find(text => text.trimStart().startsWith(option));
			expect(line, `${command} ${option}`).toBeDefined();
			expect(line).not.toContain('[string]');
		}
	});

	it('an unknown --dialect is one usage line naming the dialects', async () => {
		const result = await runLectern(['check', 'decks/guide.md', '--dialect', 'bogus']);
		expect(result.status).toBe(2);
		expect(result.stderr.trim().split('\n')).toHaveLength(1);
		expect(result.stderr).toContain('presenterm');
	});
});
