// Writes frames to the terminal as differences: only rows that changed are rewritten, each
// addressed absolutely, so a keypress costs the lines it changed and never a full repaint.
const esc = '\u001B[';

export class FrameWriter {
	private previous: string[] = [];
	private readonly write: (data: string) => void;

	constructor(write: (data: string) => void) {
		this.write = write;
	}

	/** Forget what is on screen (after a resize): the next frame clears and redraws. */
	invalidate(): void {
		this.previous = [];
	}

	/** Draw `rows` (exactly the screen's height); returns the number of characters written. */
	draw(rows: readonly string[]): number {
		const full = this.previous.length === 0;
		let out = full ? `${esc}H${esc}2J` : '';
		let changed = 0;
		const height = Math.max(rows.length, this.previous.length);
		for (let i = 0; i < height; i++) {
			const row = rows[i] ?? '';
			if (!full && row === this.previous[i]) {
				continue;
			}

			changed++;
			// Erase before writing: erasing after a row that fills the width would also erase
			// its last cell (the cursor waits there to wrap).
			out += `${esc}${i + 1};1H${full ? '' : `${esc}2K`}${row}${row.includes('\u001B') ? `${esc}0m` : ''}`;
		}

		this.previous = [...rows];
		if (out === '') {
			return 0;
		}

		// Synchronized output keeps multi-line updates from tearing on terminals that know it.
		const data = changed > 1 ? `${esc}?2026h${out}${esc}?2026l` : out;
		this.write(data);
		return data.length;
	}
}
