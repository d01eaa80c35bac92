// Where the time of a V8 CPU profile (node --cpu-prof) goes: self and total time by function,
// self time by folder, and with --under <name> the functions called beneath one function (the
// cost of building fixes, say). Functions are named as `name path:line`, paths from server/out
// or node_modules on.
//
//   node --cpu-prof --cpu-prof-dir=prof server/out/cli/main.js check --format json <folder>
//   node scripts/bench/profile-summary.mjs prof/CPU.*.cpuprofile [--top N] [--under <function name>]
import * as fs from 'node:fs';

const args = process.argv.slice(2);
let top = 40;
let under;
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--top') top = Number(args[++i]) || top;
  else if (args[i] === '--under') under = args[++i];
  else files.push(args[i]);
}
if (files.length !== 1) {
  console.error('usage: profile-summary.mjs <file.cpuprofile> [--top N] [--under <function name>]');
  process.exit(2);
}

const profile = JSON.parse(fs.readFileSync(files[0], 'utf8'));
const nodes = new Map(profile.nodes.map(n => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const place = url => url.replace(/^.*\/(server\/out|node_modules)\//, '');
const nameOf = n => `${n.callFrame.functionName || '(anonymous)'} ${place(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
const folderOf = n => place(n.callFrame.url).replace(/[^/]*$/, '') || '(native)';

// Microseconds per sampled node.
const sampled = new Map();
profile.samples.forEach((id, i) => sampled.set(id, (sampled.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));

const self = new Map();
const total = new Map();
const byFolder = new Map();
const beneath = new Map();
let all = 0;
let underAll = 0;
const add = (map, key, us) => map.set(key, (map.get(key) ?? 0) + us);
for (const [id, us] of sampled) {
  const n = nodes.get(id);
  all += us;
  add(self, nameOf(n), us);
  add(byFolder, folderOf(n), us);
  const chain = [];
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) chain.push(nameOf(nodes.get(cur)));
  // A recursive function counts once per sample in its total.
  for (const name of new Set(chain)) add(total, name, us);
  if (under) {
    const at = chain.findIndex(name => name.startsWith(`${under} `));
    if (at < 0) continue;
    underAll += us;
    for (const name of new Set(chain.slice(0, at))) add(beneath, name, us);
    if (at === 0) add(beneath, '(self)', us);
  }
}

const ms = us => (us / 1000).toFixed(0).padStart(7);
const table = (title, map, of) => {
  console.log(`\n${title}`);
  for (const [name, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${ms(us)} ms ${(100 * us / of).toFixed(1).padStart(5)}%  ${name}`);
};
console.log(`${files[0]}: ${(all / 1000).toFixed(0)} ms sampled`);
table('self time by function', self, all);
table('total time by function (self and callees)', total, all);
table('self time by folder', byFolder, all);
if (under) table(`beneath ${under} (${(underAll / 1000).toFixed(0)} ms)`, beneath, underAll || 1);
