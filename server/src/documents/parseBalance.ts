/** Bounds of this thread's share of a large file's text. */
const MIN_SHARE = 0.1;
const MAX_SHARE = 0.7;
/** Weight of the newest measurement: a few files settle the split, one odd file does not swing it. */
const WEIGHT = 0.5;
/** When this thread did not wait, the worker was at least as fast, by an unknown margin: move this much of the text to it. */
const NUDGE = 0.02;

/**
 * How to split a large file's text between this thread and the worker, learned from the files
 * split so far. The two do not parse at the same speed on a 2-core machine (the worker also
 * serialises its results and this thread reads them; the collector's helper threads compete with
 * both), so an even split leaves one of them waiting for the other.
 */
export class ParseBalance {
  /** The share, of the text given to both, at which the two finish together with no other work. */
  private even = 0.5;

  /**
   * This thread's share where the caller would take `proposed` on two equal threads (less than
   * half when it has other work to do meanwhile).
   */
  share(proposed: number): number {
    return Math.min(MAX_SHARE, Math.max(MIN_SHARE, (proposed * this.even) / 0.5));
  }

  /**
   * One split: this thread parsed `share` of the text in `parseMs`, did `otherMs` of other work,
   * then waited `waitMs` for the worker's part.
   */
  record(share: number, parseMs: number, otherMs: number, waitMs: number): void {
    if (!(share > 0 && share < 1 && parseMs > 0)) return;
    let even: number;
    if (waitMs > 1) {
      // The worker took as long as this thread's parse, its other work and the wait together.
      const mainRate = parseMs / share;
      const workerRate = (parseMs + otherMs + waitMs) / (1 - share);
      even = workerRate / (mainRate + workerRate);
    } else {
      even = this.even - NUDGE;
    }
    this.even = Math.min(MAX_SHARE, Math.max(MIN_SHARE, (1 - WEIGHT) * this.even + WEIGHT * even));
  }
}
