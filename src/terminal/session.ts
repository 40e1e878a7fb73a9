// The terminal session: alternate screen, hidden cursor, raw input, and their restoration on
// every way out — quit, error, SIGINT/SIGTERM/SIGHUP, a dead terminal — and while suspended
// (Ctrl-Z). Restoring is idempotent.
import {onExit} from 'signal-exit';

const enterSequence = '\u001B[?1049h\u001B[?25l\u001B[H\u001B[2J';
const leaveSequence = '\u001B[0m\u001B[?25h\u001B[?1049l';

export type Session = Readonly<{
	write: (data: string) => void;
	/** Leave the screen and restore the terminal; safe to call more than once. */
	restore: () => void;
	/** True once the terminal has gone away (EIO, EPIPE): stop drawing. */
	isDead: () => boolean;
	/**
	 * Ctrl-Z, as vim and less do it: leave the screen, show the cursor, cooked mode, then stop
	 * the process (SIGSTOP, which an orphaned process group cannot ignore, unlike SIGTSTP).
	 * Returns once continued (`fg`, SIGCONT), with raw mode and the alternate screen taken
	 * back; the caller redraws the whole frame.
	 */
	suspend: () => void;
}>;

export function enterSession(stdin: NodeJS.ReadStream, stdout: NodeJS.WriteStream, onDeath: () => void): Session {
	let restored = false;
	let dead = false;
	let suspended = false;
	const write = (data: string) => {
		if (dead || restored || suspended) {
			return;
		}

		try {
			stdout.write(data);
		} catch {
			die();
		}
	};

	const restore = () => {
		if (restored) {
			return;
		}

		restored = true;
		if (!dead) {
			try {
				stdout.write(leaveSequence);
			} catch {
				// The terminal is gone; nothing left to restore on it.
			}
		}

		try {
			if (stdin.isTTY) {
				stdin.setRawMode(false);
			}
		} catch {
			// Same.
		}
	};

	const die = () => {
		if (dead) {
			return;
		}

		dead = true;
		restore();
		onDeath();
	};

	const setRaw = (raw: boolean) => {
		try {
			if (stdin.isTTY) {
				stdin.setRawMode(raw);
			}
		} catch {
			// A terminal that is gone has no modes left to set.
		}
	};

	const suspend = () => {
		if (dead || restored || suspended) {
			return;
		}

		write(leaveSequence);
		suspended = true;
		setRaw(false);
		process.kill(process.pid, 'SIGSTOP');
		// Continued. The shell may have changed the modes while it had the terminal, and libuv
		// only sets raw mode when it believes it is not set: it was turned off above.
		suspended = false;
		if (!dead && !restored) {
			setRaw(true);
			write(enterSequence);
		}
	};

	stdout.on('error', die);
	onExit(
		() => {
			restore();
		},
		{alwaysLast: true},
	);
	if (stdin.isTTY) {
		stdin.setRawMode(true);
	}

	write(enterSequence);
	return {write, restore, isDead: () => dead, suspend};
}
