import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { WorkDoneProgressServerReporter } from 'vscode-languageserver';
import type { BatchListener, ReadOutcome } from '@kube-harden/server/out/lsp/diskReader';
import { FolderExclusions } from '@kube-harden/server/out/lsp/exclusions';
import { IndexingJob, IndexingPass, runIndexing } from '@kube-harden/server/out/lsp/indexing';

function folderOf(count: number): { dir: string; cleanup(): void } {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kube-harden-indexing-')));
  for (let i = 0; i < count; i++) fs.writeFileSync(path.join(dir, `f${String(i).padStart(3, '0')}.yaml`), '');
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A reader that answers in the batches given (by file index), each two turns of the event loop
 * after the last: one for the answer, one for storing it.
 */
function scriptedRead(batches: number[][], beforeBatch?: (n: number) => void): IndexingPass['read'] {
  return async (_files, job, onBatch: BatchListener) => {
    for (const [n, batch] of batches.entries()) {
      await new Promise(resolve => setImmediate(resolve));
      await new Promise(resolve => setImmediate(resolve));
      beforeBatch?.(n);
      if (job.cancelled) return;
      onBatch(batch.map(i => [i, { summaries: [] } satisfies ReadOutcome] as const));
    }
  };
}

function progressRecorder(log: string[]): () => Promise<WorkDoneProgressServerReporter> {
  return async () => ({
    token: { isCancellationRequested: false, onCancellationRequested: () => ({ dispose() {} }) },
    begin: (_title: string, percent?: number, message?: string) => { log.push(`begin ${percent} ${message}`); },
    report: (percent: number | string, message?: string) => { log.push(`report ${percent} ${message}`); },
    done: () => { log.push('done'); },
  }) as unknown as WorkDoneProgressServerReporter;
}

describe('lsp: runIndexing', () => {
  it('stores every answer under its file, in the order answers come, and reports progress', async () => {
    const f = folderOf(12);
    try {
      const stored: string[] = [];
      const progress: string[] = [];
      const job = new IndexingJob();
      const found = await runIndexing({
        job,
        folders: [new FolderExclusions(f.dir, [])],
        progressThreshold: 10,
        createProgress: progressRecorder(progress),
        // Each batch stored in one slice whatever the machine's load: a pause of the process
        // mid-batch would otherwise split it, and report progress in between (a flaky count).
        storeSliceMs: Infinity,
        read: scriptedRead([[3, 0, 1], [2, 11, 4, 5, 6], [7, 8, 9, 10]]),
        store: file => stored.push(path.basename(file)),
      });
      assert.deepEqual([...found!].map(p => path.basename(p)), Array.from({ length: 12 }, (_, i) => `f${String(i).padStart(3, '0')}.yaml`));
      assert.deepEqual(stored, [3, 0, 1, 2, 11, 4, 5, 6, 7, 8, 9, 10].map(i => `f${String(i).padStart(3, '0')}.yaml`));
      assert.deepEqual(progress, ['begin 0 0/12 files', 'report 25 3/12 files', 'report 66 8/12 files', 'report 100 12/12 files', 'done']);
    } finally {
      f.cleanup();
    }
  });

  it('stores nothing more once cancelled mid-pass, and answers undefined', async () => {
    const f = folderOf(9);
    try {
      const stored: string[] = [];
      const job = new IndexingJob();
      const found = await runIndexing({
        job,
        folders: [new FolderExclusions(f.dir, [])],
        progressThreshold: Infinity,
        // Cancelled after the first batch is stored, before the second arrives.
        read: scriptedRead([[0, 1, 2], [3, 4, 5], [6, 7, 8]], n => { if (n === 1) job.cancel(); }),
        store: file => stored.push(path.basename(file)),
      });
      assert.equal(found, undefined);
      assert.deepEqual(stored, ['f000.yaml', 'f001.yaml', 'f002.yaml']);
    } finally {
      f.cleanup();
    }
  });

  it('reads no file without folders, and finds nothing', async () => {
    let reads = 0;
    const found = await runIndexing({
      job: new IndexingJob(),
      folders: [],
      progressThreshold: Infinity,
      read: async files => { reads += files.length; },
      store: () => assert.fail('nothing is stored'),
    });
    assert.deepEqual(found, new Set());
    assert.equal(reads, 0);
  });

  it('answers undefined without reading when cancelled while the folders are listed', async () => {
    const f = folderOf(3);
    try {
      const job = new IndexingJob();
      let reads = 0;
      // The listing asks whether each entry is excluded: the job is cancelled at the first.
      class Cancelling extends FolderExclusions {
        override excludesEntry(rel: string, absolute: string): boolean { job.cancel(); return super.excludesEntry(rel, absolute); }
      }
      const found = await runIndexing({
        job,
        folders: [new Cancelling(f.dir, [])],
        progressThreshold: Infinity,
        read: async () => { reads++; },
        store: () => assert.fail('nothing is stored'),
      });
      assert.equal(found, undefined);
      assert.equal(reads, 0);
    } finally {
      f.cleanup();
    }
  });

  it('stores an answer in a turn of the event loop of its own, not within the reader\'s', async () => {
    // The reader may read on the event loop itself: storing right after it would add to its slice.
    const f = folderOf(4);
    try {
      const stored: string[] = [];
      const log: string[] = [];
      const found = await runIndexing({
        job: new IndexingJob(),
        folders: [new FolderExclusions(f.dir, [])],
        progressThreshold: Infinity,
        read: async (_files, _job, onBatch) => {
          for (const batch of [[0, 1], [2, 3]]) {
            await new Promise(resolve => setImmediate(resolve));
            onBatch(batch.map(i => [i, { summaries: [] }] as const));
            log.push(`answered ${batch.join(',')}, stored ${stored.length}`);
            // Microtasks run before this turn ends: a store chained on the answer would be seen here.
            await Promise.resolve();
            await Promise.resolve();
            log.push(`turn over, stored ${stored.length}`);
          }
        },
        store: file => stored.push(path.basename(file)),
      });
      assert.equal(found?.size, 4);
      assert.deepEqual(log, ['answered 0,1, stored 0', 'turn over, stored 0', 'answered 2,3, stored 2', 'turn over, stored 2']);
      assert.deepEqual(stored, ['f000.yaml', 'f001.yaml', 'f002.yaml', 'f003.yaml']);
    } finally {
      f.cleanup();
    }
  });
});
