// How often each rule agrees with the peer checks its `equivalents` name, measured on the
// pass/fail pairs written from the peers' own definitions (test/unit/equivalents/*-pairs.ts), and
// the audit's verdicts per tool (test/fixtures/peers/checks.json). A pair counts as agreeing when
// the rule fires on the manifest the peer fails and is silent on the one it passes. The pairs of
// removed mappings count too: they are where the rule and the peer judge differently.
// Needs the compiled tests: run `npx tsc -b` first.
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
let agreement;
try { agreement = require(join(root, 'test', 'out', 'unit', 'equivalents', 'agreement.js')); }
catch (e) { console.error(`peer-agreement: build the tests first (npx tsc -b): ${e.message}`); process.exit(2); }
const { PAIRS, REMOVED_PAIRS, agrees, keyOf, peerChecks } = agreement;

const checks = peerChecks(root);
const VERDICTS = ['kept', 'added', 'moved', 'removed', 'not-mapped'];
const tools = [...new Set(checks.map(c => c.tool))].sort();
const rows = [];
let allAgree = 0, allPairs = 0;
for (const tool of tools) {
  const mine = checks.filter(c => c.tool === tool);
  const counts = Object.fromEntries(VERDICTS.map(v => [v, mine.filter(c => c.verdict === v).length]));
  let agree = 0, pairs = 0;
  for (const c of mine) {
    const pair = PAIRS[keyOf(c)] ?? REMOVED_PAIRS[keyOf(c)];
    if (!pair || !c.rule) continue;
    pairs++;
    if (agrees(c.rule, pair)) agree++;
  }
  allAgree += agree; allPairs += pairs;
  rows.push([tool, new Set(mine.map(c => c.id)).size, mine.length, ...VERDICTS.map(v => counts[v]), `${agree}/${pairs}`]);
}
const head = ['tool', 'ids', 'mappings', ...VERDICTS, 'pairs agreeing'];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map(r => String(r[i]).length)));
const line = r => r.map((x, i) => String(x).padEnd(widths[i])).join('  ');
console.log(line(head));
for (const r of rows) console.log(line(r));
console.log(`\n${allAgree}/${allPairs} pairs agree (${(100 * allAgree / allPairs).toFixed(1)}%); ` +
  `${Object.keys(PAIRS).length} kept, added or moved mappings all agree by test, ${Object.keys(REMOVED_PAIRS).length} removals documented by a disagreeing pair.`);
