// What the environment says about the terminal: colour depth, UTF-8 or not. Read once here so
// the core receives them as plain values.
import {createTheme, type Background, type ColorLevel, type Highlighter, type Theme} from '../layout/theme.js';

type Env = Readonly<Record<string, string | undefined>>;

/** Colour depth for a stream: none when piped, with NO_COLOR, or on a dumb terminal. */
export function colorLevel(env: Env, isTTY: boolean): ColorLevel {
	if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') {
		return 0;
	}

	const force = env['FORCE_COLOR'];
	if (force !== undefined && force !== '') {
		return force === '0' || force === 'false' ? 0 : (Math.min(3, Math.max(1, Number(force) || 1)) as ColorLevel);
	}

	if (!isTTY || env['TERM'] === 'dumb') {
		return 0;
	}

	const colorTerm = env['COLORTERM'] ?? '';
	if (/truecolor|24bit/i.test(colorTerm)) {
		return 3;
	}

	return /256/.test(env['TERM'] ?? '') ? 2 : 1;
}

/** Box drawing and other non-ASCII glyphs only on a UTF-8 locale. */
export function prefersAscii(env: Env): boolean {
	const locale = env['LC_ALL'] || env['LC_CTYPE'] || env['LANG'] || '';
	return !/utf-?8/i.test(locale);
}

/**
 * The theme for writing to `stream` (print, search): colour as the environment allows, bold
 * and inverse on any real terminal (NO_COLOR included), nothing at all when piped.
 */
export function streamTheme(stream: {isTTY?: boolean}, env: Env, ascii: boolean, theme?: string, highlighter?: Highlighter): Theme {
	const isTTY = Boolean(stream.isTTY);
	return createTheme({
		level: colorLevel(env, isTTY),
		attributes: isTTY && env['TERM'] !== 'dumb',
		ascii: ascii || prefersAscii(env),
		background: backgroundFor(theme, env),
		...(highlighter ? {highlighter} : {}),
	});
}

/**
 * The deck's `theme:` as a background: `dark` or `light` as asked; `auto`, a missing or an
 * unknown name ask the terminal through COLORFGBG (`15;0` is light text on black, set by
 * rxvt, Konsole, iTerm2 and others): background colour 7 or 9–15 is light, anything else dark.
 * Without COLORFGBG the answer is dark, the common terminal default.
 */
export function backgroundFor(theme: string | undefined, env: Env): Background {
	const name = theme?.trim().toLowerCase();
	if (name === 'dark' || name === 'light') {
		return name;
	}

	const background = Number((env['COLORFGBG'] ?? '').split(';').at(-1));
	return Number.isInteger(background) && (background === 7 || (background >= 9 && background <= 15)) ? 'light' : 'dark';
}
