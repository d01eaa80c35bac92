// Benchmark: what a large JSON file that is not Kubernetes costs the engine. A package-lock.json
// of ~17 MB (generated: the shape npm writes, with made-up packages) is handed to parseFile and
// lintParsed as the language server does on open; the engine should see from its top-level keys
// that it holds no Kubernetes object and stop there. Numbers only: nothing is asserted.
//
//   node scripts/bench/json-skip.mjs        (after `npx tsc -b`; also run by npm run bench)
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(path.join(root, 'server', 'package.json'));
const { lintParsed, parseFile, resolveConfig } = require(path.join(root, 'server', 'out', 'engine', 'index.js'));

/** A package-lock.json (lockfileVersion 3) of about `bytes` characters. */
export function packageLock(bytes) {
  const first = lock(bytes);
  // The size estimate ignores the nesting's indentation: scale once to land near `bytes`.
  return lock(Math.floor(bytes * bytes / first.length));
}

function lock(bytes) {
  const packages = { '': { name: 'app', version: '1.0.0', license: 'MIT', dependencies: { left: '^1.0.0' } } };
  let size = 200;
  for (let i = 0; size < bytes; i++) {
    const name = `node_modules/pkg-${i.toString(36)}`;
    const entry = {
      version: `${i % 7}.${i % 13}.${i % 29}`,
      resolved: `https://registry.npmjs.org/pkg-${i.toString(36)}/-/pkg-${i.toString(36)}-${i % 7}.${i % 13}.${i % 29}.tgz`,
      integrity: `sha512-${Buffer.from(`${i}`.repeat(48)).toString('base64').slice(0, 86)}==`,
      dev: i % 3 === 0,
      dependencies: { [`pkg-${(i + 1).toString(36)}`]: `^${i % 5}.0.0`, 'kind-of': '^6.0.3' },
      engines: { node: '>=14' },
    };
    packages[name] = entry;
    size += name.length + JSON.stringify(entry, null, 2).length + 8;
  }
  return JSON.stringify({ name: 'app', version: '1.0.0', lockfileVersion: 3, requires: true, packages }, null, 2) + '\n';
}

export function benchJsonSkip(log = console.log) {
  const lockText = packageLock(17 * 1000 * 1000);
  // The same with one escaped character: the engine can no longer rule `apiVersion` out by a
  // search, and walks the top-level keys instead.
  const escaped = lockText.replace('"license": "MIT"', '"license": "MIT\\u0020"');
  measure('generated package-lock.json', lockText, log);
  measure('the same with an escape: top-level key scan', escaped, log);
}

function measure(what, text, log) {
  const resolved = resolveConfig({ enableAll: true });
  const times = [];
  let result;
  for (let run = 0; run < 7; run++) {
    const start = process.hrtime.bigint();
    const parsed = parseFile(text);
    result = { parsed, lint: lintParsed(parsed, resolved) };
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  const verdict = result.parsed.notKubernetes ? 'not Kubernetes' : result.parsed.skipped ? `skipped: ${result.parsed.skipped}` : `${result.parsed.documents.length} documents parsed`;
  log('');
  log(`non-Kubernetes JSON (${what}, ${(text.length / 1e6).toFixed(1)} MB): ${verdict}, ${result.lint.findings.length} findings`);
  log(`  parse + lint: median ${times[3].toFixed(1)} ms, min ${times[0].toFixed(1)} ms, max ${times[6].toFixed(1)} ms (7 runs; goal < 50 ms)`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) benchJsonSkip();
