// Errors go to the client's output channel, but a rule that throws on every keystroke must not
// flood it: each distinct key is logged at most once per interval, with a count of what was
// held back, so the log stays readable and the cost stays bounded.

export interface LogSink {
  error(message: string): void;
  warn(message: string): void;
}

interface KeyState { last: number; suppressed: number }

export class RateLimitedLog {
  private readonly keys = new Map<string, KeyState>();
  private writing = false;

  constructor(
    private readonly sink: LogSink,
    private readonly intervalMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  error(key: string, message: string): void { this.write('error', key, message); }
  warn(key: string, message: string): void { this.write('warn', key, message); }

  private write(level: 'error' | 'warn', key: string, message: string): void {
    const t = this.now();
    const state = this.keys.get(key);
    if (state && t - state.last < this.intervalMs) {
      state.suppressed++;
      return;
    }
    const held = state?.suppressed ? ` (${state.suppressed} similar message(s) suppressed since the last one)` : '';
    if (this.keys.size > 1000) this.keys.clear();
    this.keys.set(key, { last: t, suppressed: 0 });
    this.emit(level, message + held);
  }

  // Logging must never be what kills the server: a broken pipe to the client would otherwise
  // raise an error whose handler logs again, forever.
  private emit(level: 'error' | 'warn', message: string): void {
    if (this.writing) return;
    this.writing = true;
    try {
      this.sink[level](message);
    } catch {
      try { process.stderr.write(`[kube-harden] ${message}\n`); } catch { /* nowhere left to write */ }
    } finally {
      this.writing = false;
    }
  }
}

export function describeError(e: unknown): string {
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}
