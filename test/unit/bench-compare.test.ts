// The rule of `npm run bench -- --compare` (bench/lib/compare.mjs) on sample numbers: no timing
// is measured here.
import {describe, expect, it} from 'vitest';
import {compare, type Figures, machineContext} from '../../bench/lib/compare.mjs';

const machine = {cpu: 'Some CPU @ 2.0GHz', cpus: 2, memGiB: 8, kernel: '6.1.0', node: 'v20.19.0'};
const statusOf = (baseline: Figures, current: Figures) => Object.fromEntries(compare(baseline, current).map(r => [r.name, r.status]));

describe('bench --compare', () => {
	it('flags a key that got more than 10% and more than the noise allowance slower, on the same machine', () => {
		const baseline = {metrics: {'key_own.next.1000.100x30': 1.2}, calibration: {ms: 50}, machine};
		const current = {metrics: {'key_own.next.1000.100x30': 1.6}, floors: {'key_own.next.1000.100x30': 0.4}, calibration: {ms: 50}, machine};
		expect(statusOf(baseline, current)).toEqual({'key_own.next.1000.100x30': 'REGRESSION'});
		// +21% but 0.25 ms: within one run's noise.
		expect(statusOf(baseline, {...current, metrics: {'key_own.next.1000.100x30': 1.45}})).toEqual({'key_own.next.1000.100x30': 'ok'});
		expect(statusOf(baseline, {...current, metrics: {'key_own.next.1000.100x30': 0.9}})).toEqual({'key_own.next.1000.100x30': 'better'});
	});

	it("scales a key's own ms by the two machines' calibrations, so a slower CPU is no regression", () => {
		const baseline = {metrics: {'key_own.last.10000.100x30': 1.2}, calibration: {ms: 40}, machine};
		const slower = {...machine, cpu: 'Older CPU @ 1.2GHz'};
		// The same code on a CPU that needs 2x the time for the calibration's workload.
		const current = {metrics: {'key_own.last.10000.100x30': 2.4}, calibration: {ms: 80}, machine: slower};
		const [row] = compare(baseline, current);
		expect(row).toMatchObject({was: 1.2, base: 2.4, now: 2.4, status: 'ok'});
		expect(row?.change).toBeCloseTo(0);
		const context = machineContext(baseline, current);
		expect(context.speed).toBe(2);
		expect(context.notes.join('\n')).toMatch(/another machine \(cpu: Some CPU @ 2\.0GHz -> Older CPU @ 1\.2GHz\)/);
		// Twice the calibrated time on that machine is a regression.
		expect(statusOf(baseline, {...current, metrics: {'key_own.last.10000.100x30': 3.6}})).toEqual({
			'key_own.last.10000.100x30': 'REGRESSION',
		});
	});

	it('takes a baseline without a calibration at face value and says so', () => {
		const baseline = {metrics: {'key_own.next.1000.100x30': 1.175}};
		const current = {metrics: {'key_own.next.1000.100x30': 1.13}, calibration: {ms: 54.6}, machine};
		expect(statusOf(baseline, current)).toEqual({'key_own.next.1000.100x30': 'ok'});
		const {speed, notes} = machineContext(baseline, current);
		expect(speed).toBe(1);
		expect(notes.join('\n')).toMatch(/no CPU calibration in the baseline/);
		expect(notes.join('\n')).toMatch(/does not say which machine/);
	});

	it('does not scale ratios and bytes, and converts a millisecond allowance with the run floor', () => {
		const baseline = {metrics: {'first.1000': 1.2, 'bytes.next.1000.100x30': 590, 'rss.1000': 1.3}, calibration: {ms: 40}, machine};
		const current = {
			metrics: {'first.1000': 1.35, 'bytes.next.1000.100x30': 700, 'rss.1000': 1.34},
			floors: {'first.1000': 80},
			calibration: {ms: 80},
			machine,
		};
		// first: +12.5% and 0.15 x 80 ms = 12 ms over (allowance 5 ms); bytes +19% and 110 B (64); RSS +3%.
		expect(statusOf(baseline, current)).toEqual({'bytes.next.1000.100x30': 'REGRESSION', 'first.1000': 'REGRESSION', 'rss.1000': 'ok'});
		// 1.25 x 80 ms is 4 ms over: under the 5 ms allowance.
		expect(statusOf(baseline, {...current, metrics: {'first.1000': 1.25}})['first.1000']).toBe('ok');
	});

	it('lists metrics only one side has, without judging them', () => {
		const rows = compare({metrics: {'next_med.1000': 1.8}}, {metrics: {'key_own.next.1000.100x30': 1}});
		expect(rows.map(r => [r.name, r.status])).toEqual([
			['key_own.next.1000.100x30', 'new'],
			['next_med.1000', 'not measured'],
		]);
	});
});
