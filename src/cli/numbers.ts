// Numbers and slide ranges from the command line. Every numeric option is a whole number in
// a stated range; anything else (`abc`, `1.5`, `1e9`, `Infinity`, `-5`) is one usage line and
// exit 2, never NaN or Infinity further in.
import {LecternError, exitCodes} from './errors.js';

export type IntegerOption = Readonly<{flag: string; min: number; max: number; what: string}>;

export const slideOption: IntegerOption = {flag: '--slide', min: 1, max: 10_000_000, what: 'a slide number'};
export const widthOption: IntegerOption = {flag: '--width', min: 20, max: 1000, what: 'a width in columns'};
export const maxSizeOption: IntegerOption = {flag: '--max-size', min: 1, max: 1024, what: 'a size in MiB'};

const wholeNumber = /^\d{1,15}$/;

/** The option's value as an integer in its range, or undefined when it is not one. */
export function integerIn(option: IntegerOption, value: unknown): number | undefined {
	const text = String(value).trim();
	if (!wholeNumber.test(text)) {
		return undefined;
	}

	const number = Number(text);
	return number >= option.min && number <= option.max ? number : undefined;
}

/** `integerIn`, throwing the usage error that names the option, its value and the range. */
export function parseInteger(option: IntegerOption, value: unknown): number {
	const number = integerIn(option, value);
	if (number === undefined) {
		throw new LecternError(
			`${option.flag} ${oneLine(value)}: expected ${option.what}, a whole number from ${option.min} to ${option.max}`,
			{code: exitCodes.usage},
		);
	}

	return number;
}

/** For yargs' `coerce`: absent stays absent; given twice, the last one counts. */
export const coerceInteger =
	(option: IntegerOption) =>
	(value: unknown): number | undefined =>
		value === undefined ? undefined : parseInteger(option, Array.isArray(value) ? value.at(-1) : value);

/** The same, for an option with a default. */
export const coerceIntegerOr =
	(option: IntegerOption, fallback: number) =>
	(value: unknown): number =>
		coerceInteger(option)(value) ?? fallback;

function oneLine(value: unknown): string {
	const text = String(value);
	return text === '' ? '""' : text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/**
 * `--slides LIST`: comma-separated items, each `N`, `N-M`, `N-` (to the end) or `-M` (from the
 * start), 1-based and inclusive. The result is 0-based indexes in deck order, each once.
 */
export function parseSlideList(list: string, count: number): number[] {
	const chosen = new Set<number>();
	for (const item of list.split(',')) {
		const match = /^\s*(\d{1,15})?\s*(-)?\s*(\d{1,15})?\s*$/.exec(item);
		if (!match || (match[1] === undefined && match[3] === undefined) || (match[2] === undefined && match[3] !== undefined)) {
			throw new LecternError(`--slides ${oneLine(list)}: expected slide numbers and ranges such as 3, 3-7, 3- or 1,4-6`, {
				code: exitCodes.usage,
			});
		}

		const from = match[1] === undefined ? 1 : Number(match[1]);
		const to = match[2] === undefined ? from : match[3] === undefined ? count : Number(match[3]);
		if (from < 1 || to < from) {
			throw new LecternError(`--slides ${oneLine(list)}: ${item.trim()} is not a range from a slide to a later one (slides count from 1)`, {
				code: exitCodes.usage,
			});
		}

		if (from > count || to > count) {
			throw new LecternError(`--slides ${oneLine(list)}: the deck has ${count} slide${count === 1 ? '' : 's'}`, {code: exitCodes.usage});
		}

		for (let index = from - 1; index < to; index++) {
			chosen.add(index);
		}
	}

	return [...chosen].sort((a, b) => a - b);
}
