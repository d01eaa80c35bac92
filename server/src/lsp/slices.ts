// Long work in slices. Parsing and linting a 10 MB document takes seconds; run in one go it would
// hold the event loop, so no hover, code action, cancellation or newer edit could be heard until
// it ended. The engine exposes that work as steps (parseFileSteps, lintParsedSteps); here they
// run until a slice's time is spent, then the loop gets a turn, and work on a version that has
// been superseded meanwhile stops there.

export interface SliceOptions {
  /** Milliseconds of work between two turns of the event loop. */
  budgetMs?: number;
  /** Asked after each turn: true abandons the work (the caller gets undefined). */
  cancelled?: () => boolean;
  now?: () => number;
}

const DEFAULT_BUDGET_MS = 20;

/** One turn of the event loop: what is waiting (requests, timers, I/O) runs first. */
export const yieldToEventLoop = (): Promise<void> => new Promise<void>(resolve => setImmediate(resolve));

/** The steps' result, or undefined when `cancelled` said so at a turn. */
export async function runInSlices<T>(steps: Generator<void, T, void>, options: SliceOptions = {}): Promise<T | undefined> {
  const budget = options.budgetMs ?? DEFAULT_BUDGET_MS;
  const now = options.now ?? (() => performance.now());
  let sliceStart = now();
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (now() - sliceStart < budget) continue;
    await yieldToEventLoop();
    if (options.cancelled?.()) {
      steps.return(undefined as never);
      return undefined;
    }
    sliceStart = now();
  }
}
