// A fix builder that throws while fix-all works out its passes: the other fixes still apply, and
// the failure comes back once (not once per pass), apart from the rules' own failures, which the
// lint reports. The CLI says it on stderr; nothing is left out silently.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fixAll } from '@kube-harden/server/out/engine/fixing';
import { defineRule } from '@kube-harden/server/out/engine/rule';
import { get, getMap } from '@kube-harden/server/out/engine/model/yaml-nav';
import { nodeOffsets } from '@kube-harden/server/out/engine/model/ranges';
import { runCli, tempTree } from '../../helpers/cli';

const CONFIG_MAP = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  mode: bad\n';
const META = {
  category: 'misc' as const, severity: 'warning' as const, pss: null, level: 'baseline' as const,
  covers: [] as string[], equivalents: {}, docs: { summary: '', remediation: '', references: [] as string[] },
};

/** `data.mode: bad` -> `good`, safely. */
const fixer = defineRule({
  ...META, id: 'test-fixer', title: 'fixes', messages: { m: 'bad mode' }, fix: { safety: 'safe', safeBecause: 'test' },
  checkObject({ object, report }) {
    const value = get(getMap(object.node, 'data', object.doc), 'mode', object.doc)?.value;
    const at = value && nodeOffsets(value);
    if (!value || !at || String((value as { value?: unknown }).value) !== 'bad') return;
    report({ messageId: 'm', at: value, fix: { title: 'Set mode: good', edits: () => [{ start: at[0], end: at[1], newText: 'good' }] } });
  },
});

/** Offers a fix on every object whose builder throws. */
const fixThrower = defineRule({
  ...META, id: 'test-fix-thrower', title: 'throws when fixing', messages: { m: 'always' }, fix: { safety: 'safe', safeBecause: 'test' },
  checkObject({ object, report }) {
    report({ messageId: 'm', at: object.node, fix: { title: 'Never works', edits: () => { throw new Error('fix boom'); } } });
  },
});

/** Throws while checking: a rule failure of the lint, not of a fix. */
const checkThrower = defineRule({
  ...META, id: 'test-check-thrower', title: 'throws when checking', messages: { m: 'never' }, fix: null,
  checkObject() { throw new Error('check boom'); },
});

describe('fix: builders that throw during fix-all', () => {
  it('applies the other fixes and reports the builder once, not the rule that threw while checking', () => {
    const result = fixAll(CONFIG_MAP, {}, { safety: 'safe', rules: [fixer, fixThrower, checkThrower] });
    assert.equal(result.text, CONFIG_MAP.replace('bad', 'good'));
    assert.equal(result.converged, true);
    assert.equal(result.fixed, 1);
    assert.deepEqual(result.failures.map(f => [f.ruleId, f.error.split('\n')[0]]), [['test-fix-thrower', 'Error: fix boom']]);
  });

  it('check --fix says it on stderr and still writes the fixes that work', () => {
    // A pod the default rules fix safely (allowPrivilegeEscalation: false among others).
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n';
    const dir = tempTree({ 'pod.yaml': pod });
    const registry = require.resolve('@kube-harden/server/out/engine/registry');
    // The real binary's rule list, with the two test rules added before the CLI runs.
    fs.writeFileSync(path.join(dir, 'rules.js'), `
      const { RULES } = require(${JSON.stringify(registry)});
      const { defineRule } = require(${JSON.stringify(require.resolve('@kube-harden/server/out/engine/rule'))});
      const META = ${JSON.stringify(META)};
      RULES.push(defineRule({ ...META, id: 'test-fix-thrower', title: 't', messages: { m: 'always' }, fix: { safety: 'safe', safeBecause: 'test' },
        checkObject({ object, report }) { report({ messageId: 'm', at: object.node, fix: { title: 'Never works', edits: () => { throw new Error('fix boom'); } } }); } }));
    `);
    const run = runCli(['check', '--fix', 'pod.yaml'], { cwd: dir, nodeArgs: ['--require', path.join(dir, 'rules.js')] });
    assert.match(run.stderr, /^kube-harden: internal error: the fix of rule test-fix-thrower failed on pod\.yaml: Error: fix boom$/m);
    assert.equal(run.stderr.match(/the fix of rule test-fix-thrower/g)?.length, 1);
    const fixed = fs.readFileSync(path.join(dir, 'pod.yaml'), 'utf8');
    assert.match(fixed, /^ {8}allowPrivilegeEscalation: false$/m);
  });
});
