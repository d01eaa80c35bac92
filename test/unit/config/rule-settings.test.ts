// `rules` keys as globs and categories, their precedence, and presets.
import * as assert from 'node:assert/strict';
import { normalizeConfig, resolveConfig, RULES } from '@kube-harden/server';
import { mergeConfigInputs } from '@kube-harden/server/out/engine/config';
import { parseArgs } from '@kube-harden/server/out/cli/args';

const severityOf = (config: Parameters<typeof resolveConfig>[0], id: string) => {
  const a = resolveConfig(config).active.find(x => x.rule.id === id);
  return a ? (a.configured ?? a.rule.severity) : 'off';
};

describe('config: rule globs, categories and presets', () => {
  it('a glob sets every rule it matches and turns them off', () => {
    const cfg = { rules: { 'disallow-host-*': 'off' as const } };
    for (const id of ['disallow-host-network', 'disallow-host-pid', 'disallow-host-ipc', 'disallow-host-ports', 'disallow-host-path-volumes']) {
      assert.equal(severityOf(cfg, id), 'off', id);
    }
    assert.equal(severityOf(cfg, 'disallow-privileged-containers'), 'error');
  });

  it('most specific wins: exact id > longer glob > shorter glob > category, whatever the key order', () => {
    const rules = {
      'disallow-host-network': 'info' as const,
      'category:pod-security': 'off' as const,
      'disallow-host-p*': 'warning' as const,
      'disallow-*': 'error' as const,
    };
    assert.equal(severityOf({ rules }, 'disallow-host-network'), 'info');
    assert.equal(severityOf({ rules }, 'disallow-host-pid'), 'warning');
    assert.equal(severityOf({ rules }, 'disallow-host-ipc'), 'error');
    assert.equal(severityOf({ rules }, 'require-run-as-non-root'), 'off');
    assert.equal(severityOf({ rules }, 'require-cpu-limit'), severityOf({}, 'require-cpu-limit'));
  });

  it('a glob or category re-grades the rules in force; only an exact id turns an opt-in rule on', () => {
    const optIn = RULES.find(r => r.optIn)!;
    assert.ok(optIn, 'there is an opt-in rule');
    assert.equal(severityOf({ rules: { '*': 'error' } }, optIn.id), 'off');
    assert.equal(severityOf({ rules: { [`category:${optIn.category}`]: 'error' } }, optIn.id), 'off');
    assert.equal(severityOf({ rules: { [optIn.id]: 'info' } }, optIn.id), 'info');
    assert.equal(severityOf({ rules: { '*': 'info' } }, 'disallow-privileged-containers'), 'info');
    // Above the level: the restricted rule stays off at baseline under a glob.
    assert.equal(severityOf({ level: 'baseline', rules: { 'require-*': 'error' } }, 'require-run-as-non-root'), 'off');
    assert.equal(severityOf({ level: 'baseline', rules: { 'require-run-as-non-root': 'error' } }, 'require-run-as-non-root'), 'error');
  });

  it('reports unknown ids, globs that match nothing and unknown categories, keeping the rest', () => {
    const { config, problems } = normalizeConfig({
      rules: { 'require-run-as-non-roo': 'off', 'nothing-*': 'off', 'category:rabc': 'off', 'Bad Key': 'off', 'disallow-host-*': 'info' },
    });
    assert.deepEqual(problems.map(p => [p.setting, p.message]), [
      ['rules.require-run-as-non-roo', 'Unknown rule "require-run-as-non-roo": run "kube-harden rules" for the list.'],
      ['rules.nothing-*', '"nothing-*" matches no rule.'],
      ['rules.category:rabc', 'Unknown category "rabc": use one of category:pod-security, category:workload-hardening, category:service-accounts, category:rbac, category:network, category:secrets, category:images, category:resources, category:namespaces, category:misc.'],
      ['rules.Bad Key', '"Bad Key" is not a rule id, a glob over rule ids (disallow-host-*) or a category (category:rbac).'],
    ]);
    assert.ok(problems.every(p => p.severity === 'warning'));
    assert.equal(config.rules['disallow-host-*'], 'info');
  });

  it('preset strict turns every rule on like enableAll; default does not undo enableAll', () => {
    const all = resolveConfig({ enableAll: true }).active.map(a => a.rule.id);
    assert.deepEqual(resolveConfig({ preset: 'strict' }).active.map(a => a.rule.id), all);
    assert.ok(resolveConfig({ preset: 'default' }).active.length < all.length);
    assert.equal(normalizeConfig({ preset: 'default', enableAll: true }).config.enableAll, true);
    assert.deepEqual(normalizeConfig({ preset: 'loose' as never }).problems, [{ setting: 'preset', message: 'Unknown preset "loose": use "default" or "strict".' }]);
  });

  it('merging layers: a layer that chooses a preset decides it; it decides every rule its keys name', () => {
    assert.deepEqual(mergeConfigInputs({ enableAll: true, rules: { a: 'off', b: 'info' } }, { preset: 'default', rules: { b: 'error' } }),
      { preset: 'default', rules: { b: 'error' }, baseRules: { a: 'off', b: 'info' } });
    // The lower layer's exact id does not outrank the upper layer's glob; it still sets the rules
    // the upper layer leaves alone.
    const merged = mergeConfigInputs(
      { rules: { 'disallow-privileged-containers': 'info', 'require-run-as-non-root': 'error' } },
      { rules: { 'disallow-*': 'off' } },
    );
    assert.equal(severityOf(merged, 'disallow-privileged-containers'), 'off');
    assert.equal(severityOf(merged, 'require-run-as-non-root'), 'error');
    assert.deepEqual(mergeConfigInputs({ preset: 'strict', level: 'baseline' }, { enableAll: false }), { level: 'baseline', enableAll: false });
  });

  it('the CLI takes --preset, and --enable-all as its older name', () => {
    assert.equal((parseArgs(['check', '--preset', 'strict', 'x.yaml']) as { preset?: string }).preset, 'strict');
    assert.equal((parseArgs(['check', '--enable-all', 'x.yaml']) as { preset?: string }).preset, 'strict');
    assert.equal((parseArgs(['check', '--enable-all', '--preset=default', 'x.yaml']) as { preset?: string }).preset, 'default');
    assert.equal((parseArgs(['check', 'x.yaml']) as { preset?: string }).preset, undefined);
    assert.throws(() => parseArgs(['check', '--preset', 'max', 'x.yaml']), /unknown preset "max": use "default" or "strict"/);
  });
});
