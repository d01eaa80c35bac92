// The extension-host test entry (extensionTestsPath): runs the suite with mocha inside VS Code and
// writes a JSON summary, because under code-server the browser window never exits by itself and
// the launcher can only learn the outcome from a file.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { resultsFile } from './util';

export interface TestResult { title: string; state: 'passed' | 'failed'; durationMs: number; error?: string }
export interface Summary { passes: number; failures: number; tests: TestResult[]; done: boolean }

function write(file: string, summary: Summary): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(summary, null, 2));
  fs.renameSync(`${file}.tmp`, file); // the launcher polls for it: never let it see half a file
}

export async function run(): Promise<void> {
  const file = resultsFile();
  const summary: Summary = { passes: 0, failures: 0, tests: [], done: false };
  // Progress goes to a side file so a launcher that times out can still say how far it got.
  const progress = () => write(`${file}.partial`, summary);
  const mocha = new Mocha({ ui: 'tdd', timeout: 60_000, color: false });
  for (const f of fs.readdirSync(__dirname).sort()) {
    if (f.endsWith('.test.js')) mocha.addFile(path.join(__dirname, f));
  }
  try {
    await new Promise<void>(resolve => {
      const runner = mocha.run(() => resolve());
      runner.on('pass', t => {
        summary.passes++;
        summary.tests.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration ?? 0 });
        progress();
      });
      runner.on('fail', (t, err: Error) => {
        summary.failures++;
        summary.tests.push({ title: t.fullTitle(), state: 'failed', durationMs: t.duration ?? 0, error: err?.stack ?? String(err) });
        progress();
      });
    });
  } catch (e) {
    summary.failures++;
    summary.tests.push({ title: 'loading the e2e suite', state: 'failed', durationMs: 0, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
  summary.done = true;
  write(file, summary);
  if (summary.failures > 0) throw new Error(`${summary.failures} e2e test(s) failed`);
}
