// Which files the server's event loop can read itself without holding a request up for long: those
// it parses within a share of its slice, judged by how fast it has been parsing. A thread's first
// parses compile the parser and run ten to thirty times slower than later ones (a 16 KB manifest
// took 115 ms first, 12 ms warm), and machines differ: a fixed size would be too large at first or
// too small later. So the size grows with the pace measured on this thread.
import type { ReadPace } from './readSlice';

/** Characters per millisecond assumed before any file was measured: a cold parser's pace. */
const COLD_PACE = 200;
/** Files smaller than this measure the parser's start-up more than its pace: not counted. */
const MEASURED_FROM = 1024;
/** How much of a new measure counts against the pace so far. */
const WEIGHT = 0.25;

export class SlicePace implements ReadPace {
  private pace = COLD_PACE;

  /**
   * @param budgetMs the time one file may take
   * @param min the size always read (a file this small costs little more than its start-up)
   * @param max the size never exceeded, however fast the parser gets
   */
  constructor(private readonly budgetMs: number, private readonly min: number, private readonly max: number) {}

  get limit(): number {
    return Math.round(Math.min(this.max, Math.max(this.min, this.pace * this.budgetMs)));
  }

  observe(chars: number, ms: number): void {
    if (chars < MEASURED_FROM) return;
    this.pace += WEIGHT * (chars / Math.max(ms, 0.01) - this.pace);
  }
}
