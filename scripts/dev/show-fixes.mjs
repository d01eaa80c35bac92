// Developer aid: prints, for each invalid case of a rule's test file, the text after its fixes,
// for a person to check by reading (never to paste unread). Usage: node scripts/dev/show-fixes.mjs <rule-id> [case#]
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const [ruleId, only] = process.argv.slice(2);
const engine = require('../../server/out/engine/index.js');
globalThis.describe = (name, fn) => fn();
const cases = [];
globalThis.it = () => {};
const tester = require('../../test/out/helpers/rule-tester.js');
tester.ruleTester = (id, c) => { cases.push(...c.invalid); };
require.cache[require.resolve('../../test/out/helpers/rule-tester.js')].exports = tester;
require(`../../test/out/unit/rules/${ruleId}.test.js`);
cases.forEach((c, i) => {
  if (only && Number(only) !== i + 1) return;
  const rule = engine.ruleById(ruleId);
  const config = { level: c.level ?? engine.ruleLevel(rule), podSecurityVersion: c.version ?? 'latest', enableAll: true };
  const r = engine.fixAll(c.code, config, { safety: 'unsafe', ruleId, uri: tester.CASE_URI, workspace: tester.workspaceOf(c, c.code) });
  console.log(`--- invalid #${i + 1}: ${c.name ?? ''} (converged ${r.converged}, fixed ${r.fixed})`);
  console.log(r.text === c.code ? '(unchanged)' : r.text);
  const found = tester.findingsOf(ruleId, c);
  for (const f of found) for (const s of f.suggestions) {
    const e = s.edits();
    console.log(`  suggestion "${s.title}":\n${e ? engine.applyEdits(c.code, e).text : '(declined)'}`);
    const file = s.newFile?.();
    if (file) console.log(`  ... or as a new file ${file.name}:\n${file.text}`);
  }
});
