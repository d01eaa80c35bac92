// The repository stands alone: a person who clones it has nothing beside it, so no test, script
// or source file may read data from outside it (a sibling `../shared`, a home or work folder).
// System programs the editor suite runs (/usr/bin/chromium) are tools, not data, and stay allowed.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../../helpers/fixture-paths';

const SCANNED = ['test', 'scripts', 'server/src', 'server/bin', 'client/src', '.ci'];
const SKIPPED_DIRS = new Set(['out', 'node_modules', 'fixtures', '.e2e-tools']);
const OUTSIDE = [
  /\.\.\/shared\b/,
  /['"]shared['"]\s*,\s*['"](?:corpora|tools)['"]/,
  // An absolute path handed to a file function (manifest data such as a hostPath '/root/.aws' in
  // a rule's test, or a made-up folder for path arithmetic, is not a path anything reads).
  // System folders (/usr, /bin, /dev, /proc) are the machine's, not data.
  /\b(?:read\w*Sync|readdir\w*|existsSync|statSync|open\w*|create\w*Stream)\(\s*['"`]\/(?!usr\/|bin\/|dev\/|proc\/)[A-Za-z]/,
  /\/work\/(?:main|shared|wt)\b/,
];
// This file spells the patterns out.
const SELF = 'test/unit/package/self-contained.test.ts';

function* sourceFiles(dir: string): Generator<string> {
  for (const d of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) { if (!SKIPPED_DIRS.has(d.name)) yield* sourceFiles(p); }
    else if (/\.(?:ts|mts|cts|js|mjs|cjs|sh|json)$|^run$/.test(d.name)) yield p;
  }
}

describe('a repository that stands alone', () => {
  it('names no path outside the repository in tests, scripts or sources', () => {
    const offenders: string[] = [];
    for (const top of SCANNED) {
      const dir = path.join(REPO_ROOT, top);
      if (!fs.existsSync(dir)) continue;
      for (const file of sourceFiles(dir)) {
        const rel = path.relative(REPO_ROOT, file).split(path.sep).join('/');
        if (rel === SELF) continue;
        fs.readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
          if (OUTSIDE.some(re => re.test(line))) offenders.push(`${rel}:${i + 1}: ${line.trim()}`);
        });
      }
    }
    assert.deepEqual(offenders, []);
  });

  it('keeps the ground-truth data it reads, with its sources and licenses', () => {
    for (const [dir, source] of [['pod-security-admission', 'SOURCE.md'], ['real', 'SOURCES.md']]) {
      const base = path.join(REPO_ROOT, 'test', 'fixtures', dir);
      assert.ok(fs.existsSync(path.join(base, source)), `test/fixtures/${dir}/${source}`);
      assert.match(fs.readFileSync(path.join(base, 'LICENSE'), 'utf8'), /Apache License\s+Version 2\.0/);
    }
    const psa = path.join(REPO_ROOT, 'test', 'fixtures', 'pod-security-admission', 'testdata', 'restricted');
    assert.equal(fs.readdirSync(psa).filter(v => /^v1\.\d+$/.test(v)).length, 38, 'policy versions v1.0 to v1.37');
  });
});
