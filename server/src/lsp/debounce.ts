// How long an edit waits before its document is linted, from what linting that document costs
// (the pattern of VS Code's own language features): a small manifest lints in a millisecond and
// answers at once; a big install's lint is paid at most once per pause in typing, and the wait
// never exceeds the configured maximum, so a huge file never queues behind itself.

/** A lint's measured cost weighs this much against the running estimate. */
const WEIGHT = 0.5;

export class AdaptiveDebounce {
  private readonly costs = new Map<string, number>();

  /**
   * `maxMs`: the longest wait (the fixed debounce this replaces); `factor`: the wait as a multiple
   * of the document's estimated lint cost.
   */
  constructor(readonly maxMs: number, private readonly factor = 1.5) {}

  /** A lint of `uri` took `ms`: the estimate follows, smoothed so one slow run does not stick. */
  record(uri: string, ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) return;
    const before = this.costs.get(uri);
    this.costs.set(uri, before === undefined ? ms : before + WEIGHT * (ms - before));
  }

  /** The wait for an edit of `uri`: the maximum until one of its lints has been measured. */
  delay(uri: string): number {
    const cost = this.costs.get(uri);
    if (cost === undefined) return this.maxMs;
    return Math.min(this.maxMs, Math.max(0, Math.round(this.factor * cost)));
  }

  forget(uri: string): void {
    this.costs.delete(uri);
  }
}
