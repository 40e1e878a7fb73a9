// Errors at the edge: one line on stderr, an exit code, never a stack trace.
import {sanitize, sanitizeLine} from '../deck/sanitize.js';

export const exitCodes = {ok: 0, problems: 1, internal: 1, usage: 2, input: 2} as const;

export class LecternError extends Error {
	readonly code: number;
	readonly file: string | undefined;
	readonly line: number | undefined;
	constructor(message: string, options: {code?: number; file?: string; line?: number} = {}) {
		super(message);
		this.name = 'LecternError';
		this.code = options.code ?? exitCodes.input;
		this.file = options.file;
		this.line = options.line;
	}
}

/** `lectern: decks/x.md:12: what is wrong, and what to do` — file names are untrusted text too. */
export function formatError(error: LecternError): string {
	return sanitizeLine(`lectern: ${describeError(error)}`);
}

/** `decks/x.md:12: what is wrong`, for a message shown inside the presenter (a failed reload). */
export function describeError(error: LecternError): string {
	const where = error.file === undefined ? '' : `${error.file}${error.line === undefined ? '' : `:${error.line}`}: `;
	return sanitizeLine(`${where}${error.message}`);
}

/** Run a command; a LecternError becomes its one line and code, anything else an internal error. */
export async function runGuarded(command: () => Promise<number>, argv: readonly string[]): Promise<number> {
	try {
		return await command();
	} catch (error) {
		if (error instanceof LecternError) {
			process.stderr.write(`${formatError(error)}\n`);
			return error.code;
		}

		process.stderr.write(internalErrorText(error, argv.includes('--debug')));
		return exitCodes.internal;
	}
}

/**
 * What an unexpected error leaves on stderr: one line, and with `--debug` its stack. Both are
 * made safe: a message can quote a file name or deck text.
 */
export function internalErrorText(error: unknown, debug: boolean): string {
	const message = error instanceof Error ? error.message : String(error);
	const line = `${formatError(new LecternError(`internal error: ${message}${debug ? '' : ' (run with --debug for details)'}`))}\n`;
	return debug ? `${line}${sanitize(String(error instanceof Error ? error.stack : message))}\n` : line;
}
