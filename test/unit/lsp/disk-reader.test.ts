import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { MAX_TEXT_LENGTH } from '@kube-harden/server/out/engine/model/parse';
import { listManifests, parseDiskText, readManifestText, readManifestTextSync } from '@kube-harden/server/out/lsp/diskFiles';
import { summarizeFile } from '@kube-harden/server/out/engine/reading';
import { FolderExclusions } from '@kube-harden/server/out/lsp/exclusions';
import { DiskReader, MAIN_FILE_MAX, ReadOutcome, ReadSignal, ReadTarget } from '@kube-harden/server/out/lsp/diskReader';
import { LARGE_FILE } from '@kube-harden/server/out/lsp/indexProtocol';
import { REPO_ROOT } from '../../helpers/fixture-paths';

const configMap = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`;

/** A ConfigMap of more than `bytes` bytes (its data one long block scalar). */
const largeConfigMap = (name: string, bytes: number) => `${configMap(name)}data:\n  big: |\n${Array.from({ length: Math.ceil(bytes / 10) }, (_, i) => `    line ${i}`).join('\n')}\n`;

function tempFolder(): { dir: string; write(rel: string, text: string): ReadTarget; target(rel: string): ReadTarget; cleanup(): void } {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kube-harden-reader-')));
  const target = (rel: string) => ({ file: path.join(dir, rel), uri: pathToFileURL(path.join(dir, rel)).href });
  return {
    dir,
    target,
    write: (rel, text) => {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), text);
      return target(rel);
    },
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** What an outcome says, in a line: the objects read (kind/name@uri's file), or why not. */
function said(outcome: ReadOutcome): string {
  if ('error' in outcome) return `error: ${outcome.error.split('\n')[0]}`;
  if (!outcome.summaries) return 'gone';
  return outcome.summaries.map(s => `${s.kind}/${s.name}@${path.basename(new URL(s.uri).pathname)}`).join(' ') || 'nothing';
}

class Signal implements ReadSignal {
  cancelled = false;
  private readonly listeners: Array<() => void> = [];
  onCancel(listener: () => void): void { this.listeners.push(listener); }
  cancel(): void { this.cancelled = true; for (const l of this.listeners.splice(0)) l(); }
}

async function readAll(reader: DiskReader, targets: ReadTarget[], signal = new Signal(), onBatch?: (size: number) => void): Promise<Array<string | undefined>> {
  const outcomes: Array<string | undefined> = targets.map(() => undefined);
  await reader.readAll(targets, signal, batch => {
    for (const [i, outcome] of batch) {
      assert.equal(outcomes[i], undefined, `file ${i} answered twice`);
      outcomes[i] = said(outcome);
    }
    onBatch?.(batch.length);
  });
  return outcomes;
}

/** Resolves once `condition` holds, checking every few milliseconds; fails after `ms`. */
async function until(condition: () => boolean, what: string, ms = 10000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) assert.fail(`still waiting for ${what}`);
    await new Promise(resolve => setTimeout(resolve, 5));
  }
}

describe('lsp: DiskReader (the indexing workers)', function () {
  this.timeout(20000);

  it('answers every file of a pass once, across the pool: objects, nothing, gone, too large, unreadable, and large files', async () => {
    const f = tempFolder();
    const reader = new DiskReader({ maxWorkers: 2 });
    try {
      const targets: ReadTarget[] = [];
      for (let i = 0; i < 40; i++) targets.push(f.write(`small/cm-${String(i).padStart(2, '0')}.yaml`, configMap(`c${i}`)));
      // Larger than LARGE_FILE: parsed by the job's large-file worker only.
      // Several, so the worker that leaves them has some to leave whatever the scheduling.
      for (const n of [1, 2, 3, 4]) targets.push(f.write(`large-${n}.yaml`, largeConfigMap(`large${n}`, LARGE_FILE)));
      targets.push(f.write('two.yaml', `${configMap('first')}---\n${configMap('second')}`));
      targets.push(f.write('workflow.yaml', 'on: push\njobs: {}\n'));
      f.write('chart/Chart.yaml', 'apiVersion: v2\nname: c\nversion: 1.0.0\n');
      targets.push(f.write('chart/templates/cm.yaml', configMap('templated')));
      targets.push(f.target('deleted.yaml'));
      // Sparse: its size says too large before a byte is read.
      targets.push(f.write('huge.yaml', configMap('huge')));
      fs.truncateSync(targets[targets.length - 1].file, MAX_TEXT_LENGTH + 1);
      // A link to itself cannot be opened (ELOOP): unreadable, so it contributes nothing.
      fs.symlinkSync(path.join(f.dir, 'loop.yaml'), path.join(f.dir, 'loop.yaml'));
      targets.push(f.target('loop.yaml'));
      assert.ok(fs.statSync(path.join(f.dir, 'large-1.yaml')).size > LARGE_FILE);

      const outcomes = await readAll(reader, targets);
      assert.deepEqual(outcomes, [
        ...Array.from({ length: 40 }, (_, i) => `ConfigMap/c${i}@cm-${String(i).padStart(2, '0')}.yaml`),
        ...[1, 2, 3, 4].map(n => `ConfigMap/large${n}@large-${n}.yaml`),
        'ConfigMap/first@two.yaml ConfigMap/second@two.yaml',
        'nothing',
        'nothing',
        'gone',
        'nothing',
        'nothing',
      ]);
      // A pass gives its workers' memory back as soon as it is over.
      assert.equal(reader.workerCount, 0);
    } finally {
      reader.dispose();
      f.cleanup();
    }
  });

  it('leaves a file larger than asked unread, and says its size', () => {
    const f = tempFolder();
    try {
      const { file } = f.write('cm.yaml', configMap('one'));
      const size = fs.statSync(file).size;
      assert.deepEqual(readManifestTextSync(file, size - 1), { size });
      assert.equal(readManifestTextSync(file, size), configMap('one'));
      assert.equal(readManifestTextSync(path.join(f.dir, 'gone.yaml'), size), undefined);
    } finally {
      f.cleanup();
    }
  });

  it('decodes a file as kubectl does, whatever its encoding, as the editor\'s read does', async () => {
    const f = tempFolder();
    try {
      const text = 'kind: ConfigMap\nmetadata: {name: é}\n';
      const cases: Array<[string, Buffer, string]> = [
        ['utf8.yaml', Buffer.from(text, 'utf8'), text],
        ['bom.yaml', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]), text],
        ['utf16le.yaml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), text],
        ['utf16be.yaml', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]), text],
        // UTF-32 is not read by kubectl: nothing.
        ['utf32.yaml', Buffer.from([0xff, 0xfe, 0, 0, 0x6b, 0, 0, 0]), ''],
        // A text that does start with U+FFFD, and one with a byte that is not UTF-8: replaced.
        ['replacement.yaml', Buffer.from('\ufffdkind: x\n', 'utf8'), '\ufffdkind: x\n'],
        ['invalid.yaml', Buffer.from([0x6b, 0x3a, 0x20, 0xc3, 0x28, 0x0a]), 'k: \ufffd(\n'],
        ['nul.yaml', Buffer.from([0, 0x6b]), '\u0000k'],
        ['empty.yaml', Buffer.alloc(0), ''],
      ];
      for (const [name, bytes, expected] of cases) {
        fs.writeFileSync(path.join(f.dir, name), bytes);
        assert.equal(readManifestTextSync(path.join(f.dir, name)), expected, name);
        assert.equal(await readManifestText(path.join(f.dir, name)), expected, name);
      }
    } finally {
      f.cleanup();
    }
  });

  it('stops a pass cancelled half-way: nothing is answered after the cancellation, and the workers end', async () => {
    const f = tempFolder();
    const reader = new DiskReader({ maxWorkers: 2 });
    try {
      const targets: ReadTarget[] = [];
      for (let i = 0; i < 3000; i++) targets.push(f.write(`cm-${i}.yaml`, configMap(`c${i}`)));
      const signal = new Signal();
      let answered = 0;
      let afterCancel = 0;
      await readAll(reader, targets, signal, size => {
        if (signal.cancelled) afterCancel += size;
        answered += size;
        if (!signal.cancelled) signal.cancel();
      });
      assert.ok(answered > 0 && answered < targets.length, `${answered} of ${targets.length} answered`);
      assert.equal(afterCancel, 0);
      assert.equal(reader.workerCount, 0);
      // The reader is not spent: the next pass reads everything.
      const again = await readAll(reader, targets.slice(0, 20));
      assert.deepEqual(again, Array.from({ length: 20 }, (_, i) => `ConfigMap/c${i}@cm-${i}.yaml`));
    } finally {
      reader.dispose();
      f.cleanup();
    }
  });

  it('reads a small file on the event loop, with no worker', async () => {
    const f = tempFolder();
    const reader = new DiskReader({ maxWorkers: 2, idleMs: 50 });
    try {
      const target = f.write('cm.yaml', configMap('one'));
      assert.equal(said(await reader.read(target.file, target.uri)), 'ConfigMap/one@cm.yaml');
      assert.equal(reader.workerCount, 0);
      const targets = Array.from({ length: 300 }, (_, i) => f.write(`cm-${i}.yaml`, configMap(`c${i}`)));
      let most = 0;
      const outcomes = await readAll(reader, targets, new Signal(), () => { most = Math.max(most, reader.workerCount); });
      assert.deepEqual(outcomes, Array.from({ length: 300 }, (_, i) => `ConfigMap/c${i}@cm-${i}.yaml`));
      assert.equal(most, 0, 'no worker was started for small files');
    } finally {
      reader.dispose();
      f.cleanup();
    }
  });

  it('keeps the worker of a single large read for the next one, then stops it when idle', async () => {
    const f = tempFolder();
    const reader = new DiskReader({ maxWorkers: 1, idleMs: 50 });
    try {
      const target = f.write('cm.yaml', largeConfigMap('one', MAIN_FILE_MAX));
      assert.ok(fs.statSync(target.file).size > MAIN_FILE_MAX);
      assert.equal(said(await reader.read(target.file, target.uri)), 'ConfigMap/one@cm.yaml');
      assert.equal(reader.workerCount, 1);
      await until(() => reader.workerCount === 0, 'the idle worker to stop');
    } finally {
      reader.dispose();
      f.cleanup();
    }
  });

  it('on shutdown ends its workers and resolves the reads under way; reads after it find nothing', async () => {
    const f = tempFolder();
    const reader = new DiskReader({ maxWorkers: 2 });
    try {
      // Large files first: the event loop leaves them to the workers, which start.
      const targets: ReadTarget[] = [];
      for (let i = 0; i < 4; i++) targets.push(f.write(`large-${i}.yaml`, largeConfigMap(`large${i}`, MAIN_FILE_MAX)));
      for (let i = 0; i < 2000; i++) targets.push(f.write(`cm-${i}.yaml`, configMap(`c${i}`)));
      let answered = 0;
      let afterShutdown = 0;
      let disposed = false;
      const pass = readAll(reader, targets, new Signal(), size => { answered += size; if (disposed) afterShutdown += size; });
      await until(() => reader.workerCount === 2, 'the workers to start');
      disposed = true;
      reader.dispose();
      assert.equal(reader.workerCount, 0);
      const outcomes = await pass;
      assert.equal(afterShutdown, 0, 'nothing is answered after shutdown');
      assert.ok(answered < targets.length, `${answered} of ${targets.length} answered`);
      assert.equal(outcomes.filter(o => o !== undefined).length, answered);
      assert.equal(said(await reader.read(targets[5].file, targets[5].uri)), 'nothing');
      assert.equal(reader.workerCount, 0);
    } finally {
      f.cleanup();
    }
  });

  it('reads in-process when no worker can run, and says so once', async () => {
    const f = tempFolder();
    const failures: string[] = [];
    const reader = new DiskReader({ maxWorkers: 2, workerScript: path.join(f.dir, 'no-such-worker.js'), onWorkerFailure: e => failures.push(e) });
    try {
      // The large file is what needs a worker: the event loop then reads it too.
      const targets = [f.write('a.yaml', configMap('a')), f.target('gone.yaml'), f.write('large.yaml', largeConfigMap('large', MAIN_FILE_MAX)), ...Array.from({ length: 20 }, (_, i) => f.write(`cm-${i}.yaml`, configMap(`c${i}`)))];
      const outcomes = await readAll(reader, targets);
      assert.deepEqual(outcomes, ['ConfigMap/a@a.yaml', 'gone', 'ConfigMap/large@large.yaml', ...Array.from({ length: 20 }, (_, i) => `ConfigMap/c${i}@cm-${i}.yaml`)]);
      assert.equal(said(await reader.read(targets[2].file, targets[2].uri)), 'ConfigMap/large@large.yaml');
      assert.equal(failures.length, 1);
      assert.match(failures[0], /no-such-worker\.js|Cannot find module/);
      assert.equal(reader.workerCount, 0);
    } finally {
      reader.dispose();
      f.cleanup();
    }
  });

  it('hands what a failed worker had not answered to the in-process reader', async () => {
    const f = tempFolder();
    // A worker that dies on its first job, having answered nothing.
    const script = path.join(f.dir, 'dying-worker.js');
    fs.writeFileSync(script, "require('node:worker_threads').parentPort.on('message', () => process.exit(3));\n");
    const failures: string[] = [];
    const reader = new DiskReader({ maxWorkers: 2, workerScript: script, onWorkerFailure: e => failures.push(e) });
    try {
      // Large files first, so a worker is started (and dies) while most small files are unread.
      const targets = [
        ...Array.from({ length: 3 }, (_, i) => f.write(`large-${i}.yaml`, largeConfigMap(`large${i}`, MAIN_FILE_MAX))),
        ...Array.from({ length: 30 }, (_, i) => f.write(`cm-${i}.yaml`, configMap(`c${i}`))),
      ];
      const outcomes = await readAll(reader, targets);
      assert.deepEqual(outcomes, [
        ...Array.from({ length: 3 }, (_, i) => `ConfigMap/large${i}@large-${i}.yaml`),
        ...Array.from({ length: 30 }, (_, i) => `ConfigMap/c${i}@cm-${i}.yaml`),
      ]);
      assert.deepEqual(failures, ['worker exited with code 3']);
      assert.equal(reader.workerCount, 0);
    } finally {
      reader.dispose();
      f.cleanup();
    }
  });

  it('reads every admission fixture and real-world manifest as the in-process path does, on the event loop and in the worker', async () => {
    // The event loop reads the small files, the worker those over MAIN_FILE_MAX, each document
    // summarised as it is parsed: every file's summaries are those the editor makes of its
    // text, field for field.
    const psa = path.join(REPO_ROOT, 'test', 'fixtures', 'pod-security-admission', 'testdata');
    const real = path.join(REPO_ROOT, 'test', 'fixtures', 'real');
    const files = [
      ...await listManifests(new FolderExclusions(psa, []), { cancelled: false }),
      // The installs of megabytes would only make this slow: those up to a few hundred KB.
      ...(await listManifests(new FolderExclusions(real, []), { cancelled: false })).filter(file => fs.statSync(file).size < 300 * 1024),
    ];
    const targets = files.map(file => ({ file, uri: pathToFileURL(file).href }));
    assert.ok(targets.length > 4500);
    const bySize = files.map(file => fs.statSync(file).size);
    assert.ok(bySize.filter(size => size > MAIN_FILE_MAX).length >= 8, 'some files are the worker\'s');
    const reader = new DiskReader();
    try {
      const outcomes: ReadOutcome[] = [];
      let workers = 0;
      await reader.readAll(targets, new Signal(), batch => {
        for (const [i, outcome] of batch) outcomes[i] = outcome;
        workers = Math.max(workers, reader.workerCount);
      });
      assert.equal(workers, 1);
      for (const [i, t] of targets.entries()) {
        // As the editor parses and summarises the file's text.
        assert.deepEqual(outcomes[i], { summaries: summarizeFile(t.uri, parseDiskText(t.file, (await readManifestText(t.file))!)) }, t.file);
      }
      // Not a comparison of nothing with nothing: every one of these files holds objects.
      assert.equal(outcomes.filter(o => 'summaries' in o && o.summaries!.length > 0).length, targets.length);
    } finally {
      reader.dispose();
    }
  });
});
