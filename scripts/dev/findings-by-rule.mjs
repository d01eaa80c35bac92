// Developer aid: per-rule finding counts and findings per range (what an editor would show as
// separate diagnostics on one spot) for a folder of manifests, to compare two builds.
// Usage: node scripts/dev/findings-by-rule.mjs [--cli <path to out/cli/main.js>] [--preset P] [folder]
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const [, value] = args.splice(i, 2);
  return value;
};
const here = path.dirname(fileURLToPath(import.meta.url));
const cli = option('--cli', path.join(here, '../../server/out/cli/main.js'));
const preset = option('--preset', undefined);
const folder = args[0] ?? path.join(here, '../../test/fixtures/real');

const script = `require(${JSON.stringify(path.resolve(cli))}).main(process.argv.slice(1)).then(c => { process.exitCode = c; })`;
const cliArgs = ['check', '--format', 'json', ...(preset ? ['--preset', preset] : []), folder];
const run = spawnSync(process.execPath, ['-e', script, ...cliArgs], { encoding: 'utf8', maxBuffer: 1 << 28 });
if (!run.stdout) { console.error(run.stderr); process.exit(2); }
const { findings } = JSON.parse(run.stdout);

const byRule = new Map();
for (const f of findings) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
for (const [rule, n] of [...byRule].sort((a, b) => a[0].localeCompare(b[0]))) console.log(`${String(n).padStart(5)}  ${rule}`);
console.log(`${String(findings.length).padStart(5)}  TOTAL`);

// A container's findings share its `name` range (or its image, its securityContext): one spot in
// the editor. Count the spots that carry several findings.
const spots = new Map();
for (const f of findings) {
  const key = `${f.file}:${f.range.start.line}:${f.range.start.column}-${f.range.end.line}:${f.range.end.column}`;
  spots.set(key, (spots.get(key) ?? 0) + 1);
}
const sizes = [...spots.values()];
const multi = sizes.filter(n => n > 1);
console.log(`spots: ${sizes.length}, findings per spot: mean ${(findings.length / Math.max(1, sizes.length)).toFixed(2)}, max ${Math.max(0, ...sizes)}, spots with >1 finding: ${multi.length} (${multi.reduce((a, b) => a + b, 0)} findings)`);

// Per container (findings whose message names one, keyed by file and the container's first spot's
// document region): findings, versus distinct ranges, which is what the editor shows when findings
// on one range are grouped into one diagnostic.
const SUBJECT = /^((?:Init |Ephemeral )?[Cc]ontainer (?:"[^"]*"|#\d+)) /;
const containers = new Map();
for (const f of findings) {
  const subject = SUBJECT.exec(f.message)?.[1];
  if (!subject) continue;
  // Containers of one name in different workloads of a file are told apart by the workload's
  // region: findings of one container lie within a few dozen lines of each other.
  const key = `${f.file}:${subject}:${Math.floor(f.range.start.line / 60)}`;
  const c = containers.get(key) ?? { findings: 0, ranges: new Set() };
  c.findings++;
  c.ranges.add(`${f.range.start.line}:${f.range.start.column}-${f.range.end.line}:${f.range.end.column}`);
  containers.set(key, c);
}
const cs = [...containers.values()];
const total = (get) => cs.reduce((n, c) => n + get(c), 0);
const maxOf = (get) => Math.max(0, ...cs.map(get));
console.log(`containers with findings: ${cs.length}; per container: ${(total(c => c.findings) / Math.max(1, cs.length)).toFixed(2)} findings (max ${maxOf(c => c.findings)}), ${(total(c => c.ranges.size) / Math.max(1, cs.length)).toFixed(2)} diagnostics when grouped per range (max ${maxOf(c => c.ranges.size)})`);
