// The talk's clock: time since the presenter started, less the time it was paused (`p`).
export class TalkClock {
	private readonly startedAt: number;
	private pausedAt: number | undefined;
	private pausedTotal = 0;
	private readonly now: () => number;
	constructor(now: () => number = Date.now) {
		this.now = now;
		this.startedAt = now();
	}

	/** Seconds the talk has run. */
	elapsed(): number {
		const pausedNow = this.pausedAt === undefined ? 0 : this.now() - this.pausedAt;
		return (this.now() - this.startedAt - this.pausedTotal - pausedNow) / 1000;
	}

	get paused(): boolean {
		return this.pausedAt !== undefined;
	}

	setPaused(paused: boolean): void {
		if (paused && this.pausedAt === undefined) {
			this.pausedAt = this.now();
		} else if (!paused && this.pausedAt !== undefined) {
			this.pausedTotal += this.now() - this.pausedAt;
			this.pausedAt = undefined;
		}
	}
}
