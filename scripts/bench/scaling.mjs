// Cost against size on the inputs that used to be quadratic: one pod with thousands of
// containers (every container with findings and fixes), and one container with tens of
// thousands of env entries (the duplicate-env rule), and a ConfigMap of tens of thousands of keys
// (its summary for the workspace model). For each size: a bare yaml parse, the full
// lint (default rules, fixes built), and the lint per item; a linear engine keeps the last column
// flat as the size grows.
//
//   node scripts/bench/scaling.mjs
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as v8 from 'node:v8';
import { runInNewContext } from 'node:vm';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(path.join(root, 'server', 'package.json'));
const { lint } = require(path.join(root, 'server', 'out', 'engine', 'index.js'));
const { LineCounter, parseAllDocuments } = require('yaml');

v8.setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc');

const HEAD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: big\nspec:\n  containers:\n';
const containers = n => HEAD + Array.from({ length: n }, (_, i) => `  - name: c${i}\n    image: nginx:1.${i}\n    ports:\n    - containerPort: ${1000 + i}\n`).join('');
// Every name twice, so half the entries are duplicates the rule reports.
const configKeys = n => 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n' + Array.from({ length: n }, (_, i) => `  k${i}: v${i}\n`).join('');
const envVars = n => `${HEAD}  - name: app\n    image: nginx:1.27\n    env:\n` + Array.from({ length: n }, (_, i) => `    - name: V${i % (n / 2)}\n      value: "$(V${(i + 1) % (n / 2)})"\n`).join('');

function timed(fn) {
  collect();
  const t0 = performance.now();
  const result = fn();
  return { ms: performance.now() - t0, result };
}

lint(containers(50)); // warm-up
console.log(`cost against size (one run each after a warm-up, GC before each); node ${process.version}`);
console.log('input                         items   parse ms    lint ms  findings  lint µs / item');
for (const [label, make, sizes] of [['containers in one pod', containers, [1000, 2000, 4000, 8000, 25000]], ['env entries in one container', envVars, [12500, 25000, 50000]], ['keys in one ConfigMap', configKeys, [10000, 20000, 40000]]]) {
  for (const n of sizes) {
    const text = make(n);
    const parse = timed(() => parseAllDocuments(text, { version: '1.1', merge: true, uniqueKeys: false, lineCounter: new LineCounter() }));
    const full = timed(() => lint(text));
    console.log(`${label.padEnd(28)} ${String(n).padStart(6)} ${parse.ms.toFixed(0).padStart(10)} ${full.ms.toFixed(0).padStart(10)} ${String(full.result.findings.length).padStart(9)} ${(full.ms * 1000 / n).toFixed(0).padStart(15)}`);
  }
}
