import * as assert from 'node:assert/strict';
import { RateLimitedLog } from '@kube-harden/server/out/lsp/log';

function sinkOf(lines: string[]) {
  return { error: (m: string) => lines.push(`E ${m}`), warn: (m: string) => lines.push(`W ${m}`) };
}

describe('lsp: RateLimitedLog', () => {
  it('logs a key once per interval, then says how many were held back', () => {
    const lines: string[] = [];
    let now = 0;
    const log = new RateLimitedLog(sinkOf(lines), 1000, () => now);
    log.error('rule:x', 'first');
    for (let i = 0; i < 500; i++) { now += 1; log.error('rule:x', `again ${i}`); }
    log.warn('rule:y', 'other key');
    now = 1000;
    log.error('rule:x', 'later');
    assert.deepEqual(lines, ['E first', 'W other key', 'E later (500 similar message(s) suppressed since the last one)']);
  });

  it('survives a sink that throws, and a sink that logs through itself', () => {
    const log = new RateLimitedLog({ error: () => { throw new Error('EPIPE'); }, warn: () => {} });
    const write = process.stderr.write;
    const seen: string[] = [];
    process.stderr.write = ((s: string) => { seen.push(s); return true; }) as typeof process.stderr.write;
    try {
      log.error('k', 'lost message');
    } finally {
      process.stderr.write = write;
    }
    assert.deepEqual(seen, ['[kube-harden] lost message\n']);

    const lines: string[] = [];
    const reentrant: RateLimitedLog = new RateLimitedLog({
      error: m => { lines.push(m); reentrant.error('inner', 'from inside the sink'); },
      warn: () => {},
    });
    reentrant.error('outer', 'outer');
    assert.deepEqual(lines, ['outer']);
  });
});
