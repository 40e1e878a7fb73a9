// Writes frames to the terminal as differences: only rows that changed are rewritten, each
// addressed absolutely, so a keypress costs the lines it changed and never a full repaint.
// When the new frame is the old one moved up or down a few rows (scrolling in study mode),
// the terminal scrolls that band itself and only the rows that came into view are written.
const esc = '\u001B[';
/** The furthest a frame is looked at as a scroll of the last one. */
const maxScroll = 4;

/** A band of rows [top, bottom] moved by `by` rows: up when positive, down when negative. */
type Scroll = Readonly<{top: number; bottom: number; by: number}>;

/**
 * The bytes that take the screen from `before` (what the writer had drawn when this was
 * planned) to `rows`: a follower plans the frames of the talk's likely next positions while
 * the talk rests, so a position only writes what is ready.
 */
export type FramePlan = Readonly<{before: readonly string[]; of: readonly string[]; rows: readonly string[]; data: string}>;

export class FrameWriter {
	private previous: readonly string[] = [];
	private readonly write: (data: string) => void;

	constructor(write: (data: string) => void) {
		this.write = write;
	}

	/** Forget what is on screen (after a resize): the next frame clears and redraws. */
	invalidate(): void {
		this.previous = [];
	}

	/** What drawing `rows` (exactly the screen's height) now would write; nothing is written. */
	plan(rows: readonly string[]): FramePlan {
		const before = this.previous;
		const full = before.length === 0;
		const scroll = full ? undefined : bestScroll(before, rows);
		const onScreen = scroll ? scrolled(before, scroll) : before;
		let out = full ? `${esc}H${esc}2J` : scroll ? scrollCommand(scroll) : '';
		let changed = scroll ? 2 : 0;
		const height = Math.max(rows.length, onScreen.length);
		for (let i = 0; i < height; i++) {
			const row = rows[i] ?? '';
			if (!full && row === (onScreen[i] ?? '')) {
				continue;
			}

			changed++;
			out += rowCommand(i, row, full);
		}

		// Synchronized output keeps multi-line updates from tearing on terminals that know it.
		const data = out === '' ? '' : changed > 1 ? `${esc}?2026h${out}${esc}?2026l` : out;
		return {before, of: rows, rows: [...rows], data};
	}

	/**
	 * Draw `rows`; `ready`, a plan of them, is used when nothing was drawn since it was made
	 * (else they are planned again). Returns the number of characters written.
	 */
	draw(rows: readonly string[], ready?: FramePlan): number {
		const plan = ready?.before === this.previous && ready.of === rows ? ready : this.plan(rows);
		this.previous = plan.rows;
		if (plan.data !== '') {
			this.write(plan.data);
		}

		return plan.data.length;
	}
}

function rowCommand(index: number, row: string, full: boolean): string {
	// Erase before writing: erasing after a row that fills the width would also erase its
	// last cell (the cursor waits there to wrap).
	return `${esc}${index + 1};1H${full ? '' : `${esc}2K`}${row}${row.includes('\u001B') ? `${esc}0m` : ''}`;
}

/**
 * Set the scrolling region to the band, scroll it (a line feed on its bottom row moves it up,
 * a reverse index on its top row moves it down: both are VT100, known to every terminal),
 * then give the whole screen back as the region.
 */
function scrollCommand({top, bottom, by}: Scroll): string {
	const move = by > 0 ? `${esc}${bottom + 1};1H${'\n'.repeat(by)}` : `${esc}${top + 1};1H${'\u001BM'.repeat(-by)}`;
	return `${esc}0m${esc}${top + 1};${bottom + 1}r${move}${esc}r`;
}

/** What the screen holds after `scroll`: the band moved, blank rows where it came from. */
export function scrolled(previous: readonly string[], {top, bottom, by}: Scroll): string[] {
	const after = [...previous];
	for (let i = top; i <= bottom; i++) {
		const from = i + by;
		after[i] = from >= top && from <= bottom ? (previous[from] ?? '') : '';
	}

	return after;
}

/**
 * The scroll that leaves the fewest characters to write, if any beats rewriting the changed
 * rows. Only rows that moved unchanged count; the band spans them and the rows they came from.
 */
export function bestScroll(previous: readonly string[], rows: readonly string[]): Scroll | undefined {
	const plainCost = rewriteCost(previous, rows);
	let best: {scroll: Scroll; cost: number} | undefined;
	for (let by = -maxScroll; by <= maxScroll; by++) {
		if (by === 0) {
			continue;
		}

		let first = -1;
		let last = -1;
		for (let i = 0; i < rows.length; i++) {
			const from = previous[i + by];
			if (from !== undefined && rows[i] === from && rows[i] !== previous[i] && from !== '') {
				first = first === -1 ? i : first;
				last = i;
			}
		}

		if (first === -1) {
			continue;
		}

		const scroll = {top: Math.min(first, first + by), bottom: Math.max(last, last + by), by};
		const cost = scrollCommand(scroll).length + rewriteCost(scrolled(previous, scroll), rows);
		if (cost < (best?.cost ?? plainCost)) {
			best = {scroll, cost};
		}
	}

	return best?.scroll;
}

/** About the characters rewriting the rows that differ takes (a row's text and its cursor move). */
function rewriteCost(onScreen: readonly string[], rows: readonly string[]): number {
	let cost = 0;
	for (const [i, row] of rows.entries()) {
		if (row !== (onScreen[i] ?? '')) {
			cost += row.length + 10;
		}
	}

	return cost;
}
