// Findings per rule over a folder (default test/fixtures/real), by running the built CLI with
// JSON output: a quick before/after measure when a rule changes. Build first (npx tsc -b).
//
//   node scripts/dev/rbac-findings-by-rule.mjs [--preset strict] [--category rbac] [folder]
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const take = flag => {
  const i = args.indexOf(flag);
  return i < 0 ? undefined : args.splice(i, 2)[1];
};
const preset = take('--preset');
const category = take('--category');
const folder = path.resolve(args[0] ?? path.join(root, 'test', 'fixtures', 'real'));

const cli = path.join(root, 'server', 'bin', 'kube-harden.js');
const run = spawnSync(process.execPath, [cli, 'check', '--format', 'json', ...(preset ? ['--preset', preset] : []), folder], { encoding: 'utf8', maxBuffer: 1 << 28 });
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  console.error(run.stderr || 'the CLI printed no JSON');
  process.exit(2);
}
const rules = JSON.parse(spawnSync(process.execPath, [cli, 'rules', '--format', 'json'], { encoding: 'utf8' }).stdout);
const categoryOf = new Map((Array.isArray(rules) ? rules : rules.rules).map(r => [r.id, r.category]));
const counts = new Map();
for (const f of report.files?.flatMap(file => file.findings) ?? report.findings ?? []) {
  const id = f.ruleId ?? f.rule;
  if (category && categoryOf.get(id) !== category) continue;
  const c = counts.get(id) ?? { error: 0, warning: 0, info: 0 };
  c[f.severity] = (c[f.severity] ?? 0) + 1;
  counts.set(id, c);
}
let total = 0;
for (const [id, c] of [...counts].sort((a, b) => a[0].localeCompare(b[0]))) {
  const n = c.error + c.warning + c.info;
  total += n;
  console.log(`${String(n).padStart(5)}  ${id}  (error ${c.error}, warning ${c.warning}, info ${c.info})`);
}
console.log(`${String(total).padStart(5)}  total`);
