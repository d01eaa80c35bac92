import * as assert from 'node:assert/strict';
import { SlicePace } from '@kube-harden/server/out/lsp/slicePace';

describe('lsp: SlicePace (which files the event loop reads itself)', () => {
  it('starts at a cold parser\'s pace, and follows the pace measured on files of 1 KB or more', () => {
    // 4 ms a file, between 2 and 16 KB.
    const pace = new SlicePace(4, 2048, 16384);
    // 200 characters a millisecond assumed: 800, below the least.
    assert.equal(pace.limit, 2048);
    // Small files are not counted: their cost is the parser's start, not their size.
    pace.observe(1023, 0.01);
    assert.equal(pace.limit, 2048);
    // 2000 chars in 1 ms: the pace moves a quarter of the way, 200 -> 650, so 2600.
    pace.observe(2000, 1);
    assert.equal(pace.limit, 2600);
    // Very fast: 3000 chars in no measurable time count as 300,000 a ms; capped at the most.
    pace.observe(3000, 0);
    assert.equal(pace.limit, 16384);
    // Slow again (a cold path, a busy machine): 1200 chars in 12 ms, 100 a ms, pulls it down.
    for (let i = 0; i < 30; i++) pace.observe(1200, 12);
    assert.equal(pace.limit, 2048);
  });
});
