import * as assert from 'node:assert/strict';
import { RateLimitedLog } from '@kube-harden/server/out/lsp/log';
import { DEFAULT_SETTINGS, defaultNamespaceOf, SettingsStore, toDocumentSettings } from '@kube-harden/server/out/lsp/settings';

describe('lsp: settings', () => {
  it('converts the kubeHarden section, reporting invalid values and ignoring nulls', () => {
    const problems: string[] = [];
    const s = toDocumentSettings({
      enable: true, level: 'baseline', podSecurityVersion: null, enableAll: true,
      rules: { 'require-run-as-non-root': 'off', 'disallow-privileged-containers': 'loud' },
    }, p => problems.push(p));
    assert.deepEqual(s, {
      enable: true,
      config: { level: 'baseline', podSecurityVersion: 'latest', enableAll: true, rules: { 'require-run-as-non-root': 'off' } },
    });
    assert.deepEqual(problems, ['kubeHarden.rules.disallow-privileged-containers: Unknown rule setting "loud": use error, warning, info or off.']);
    assert.equal(toDocumentSettings({ enable: false }).enable, false);
    assert.equal(toDocumentSettings(null), DEFAULT_SETTINGS);
    assert.equal(toDocumentSettings('restricted'), DEFAULT_SETTINGS);
    const bad: string[] = [];
    assert.deepEqual(toDocumentSettings({ rules: ['off'] }, p => bad.push(p)).config.rules, {});
    assert.equal(bad.length, 1);
  });

  it('layers the repository file over the editor settings; the editor still sets the rules the file does not name', () => {
    const problems: string[] = [];
    const s = toDocumentSettings(
      { level: 'restricted', enableAll: true, rules: { 'disallow-privileged-containers': 'info', 'require-run-as-non-root': 'error', 'nothing-*': 'off' } },
      p => problems.push(p),
      { level: 'baseline', preset: 'default', rules: { 'disallow-*': 'off' } },
    );
    assert.deepEqual(s.config, {
      level: 'baseline', podSecurityVersion: 'latest', enableAll: false,
      rules: { 'disallow-*': 'off' },
      baseRules: { 'disallow-privileged-containers': 'info', 'require-run-as-non-root': 'error', 'nothing-*': 'off' },
    });
    assert.deepEqual(problems, ['kubeHarden.rules.nothing-*: "nothing-*" matches no rule. (kept, but it has no effect)']);
    // A file alone, with no editor section at all.
    assert.equal(toDocumentSettings(null, () => {}, { level: 'baseline' }).config.level, 'baseline');
  });

  it('reads kubeHarden.defaultNamespace: default when unset or cleared, invalid values reported, the repository file first', () => {
    const problems: string[] = [];
    const report = (p: string) => problems.push(p);
    assert.equal(defaultNamespaceOf(undefined, report), 'default');
    assert.equal(defaultNamespaceOf({ defaultNamespace: null }, report), 'default');
    assert.equal(defaultNamespaceOf({ defaultNamespace: 'team-a' }, report), 'team-a');
    assert.equal(defaultNamespaceOf({ defaultNamespace: 'team-a' }, report, { defaultNamespace: 'shop' }), 'shop');
    assert.equal(defaultNamespaceOf({ defaultNamespace: 'team-a' }, report, { level: 'baseline' }), 'team-a', 'a file that does not set it leaves the setting');
    assert.deepEqual(problems, []);
    assert.equal(defaultNamespaceOf({ defaultNamespace: 'Team A' }, report), 'default');
    assert.equal(defaultNamespaceOf({ defaultNamespace: 7 }, report), 'default');
    assert.deepEqual(problems, [
      'kubeHarden.defaultNamespace: Invalid namespace "Team A": use a Kubernetes namespace name (lower-case letters, digits and "-", at most 63 characters, e.g. "team-a").',
      'kubeHarden.defaultNamespace: Invalid namespace 7: use a Kubernetes namespace name (lower-case letters, digits and "-", at most 63 characters, e.g. "team-a").',
    ]);
    // The document's configuration carries it too: a file linted on its own (excluded) reads it there.
    assert.equal(toDocumentSettings({ defaultNamespace: 'team-a' }).config.defaultNamespace, 'team-a');
    assert.equal(toDocumentSettings({ defaultNamespace: 'team-a' }, () => {}, { defaultNamespace: 'shop' }).config.defaultNamespace, 'shop');
  });

  it('passes the registry lists through to the engine, normalised', () => {
    const problems: string[] = [];
    const s = toDocumentSettings({ trustedRegistries: ['ghcr.io/acme', '*.azurecr.io'], deniedRegistries: 'docker.io' }, p => problems.push(p));
    assert.deepEqual(s.config.trustedRegistries, ['ghcr.io/acme', '*.azurecr.io']);
    assert.equal(s.config.deniedRegistries, undefined);
    assert.deepEqual(problems, ['kubeHarden.deniedRegistries: deniedRegistries must be a list of registries, e.g. ["ghcr.io/acme", "*.azurecr.io"].']);
  });

  it('reads the nested sandbox settings (kubeHarden.sandbox.*), dropping invalid entries', () => {
    const problems: string[] = [];
    const s = toDocumentSettings({
      sandbox: { untrustedLabels: { trust: 'untrusted', 'Bad Key': 'x', tier: 3 }, untrustedNamespaces: ['tenants', 'Not_A_Name'], runtimeClasses: ['microvm.example.com'] },
    }, p => problems.push(p));
    assert.deepEqual(s.config.sandbox, { untrustedLabels: { trust: 'untrusted' }, untrustedNamespaces: ['tenants'], runtimeClasses: ['microvm.example.com'] });
    assert.deepEqual(problems, [
      'kubeHarden.sandbox.untrustedLabels: Invalid label Bad Key: "x": use a Kubernetes label key and a string value, e.g. "trust": "untrusted".',
      'kubeHarden.sandbox.untrustedLabels: Invalid label tier: 3: use a Kubernetes label key and a string value, e.g. "trust": "untrusted".',
      'kubeHarden.sandbox.untrustedNamespaces: Invalid name "Not_A_Name": use a lower-case Kubernetes name.',
    ]);
    const bad: string[] = [];
    assert.deepEqual(toDocumentSettings({ sandbox: ['gvisor'] }, p => bad.push(p)).config.sandbox, { untrustedLabels: {}, untrustedNamespaces: [], runtimeClasses: [] });
    assert.equal(bad.length, 1);
  });

  it('fetches once per document until the configuration changes', async () => {
    const asked: string[] = [];
    let level = 'baseline';
    const store = new SettingsStore(async uri => { asked.push(uri); return { level }; }, new RateLimitedLog({ error() {}, warn() {} }));
    assert.equal((await store.get('file:///a.yaml')).config.level, 'baseline');
    assert.equal((await store.get('file:///a.yaml')).config.level, 'baseline');
    await store.get('file:///b.yaml');
    assert.deepEqual(asked, ['file:///a.yaml', 'file:///b.yaml']);
    level = 'restricted';
    store.changed(null);
    assert.equal((await store.get('file:///a.yaml')).config.level, 'restricted');
    assert.deepEqual(asked, ['file:///a.yaml', 'file:///b.yaml', 'file:///a.yaml']);
  });

  it('falls back to pushed settings when the client answers null or fails, and retries after a failure', async () => {
    const errors: string[] = [];
    let answer: () => Promise<unknown> = async () => null;
    const store = new SettingsStore(() => answer(), new RateLimitedLog({ error: m => errors.push(m), warn() {} }));
    store.changed({ kubeHarden: { level: 'baseline' } });
    assert.equal((await store.get('file:///a.yaml')).config.level, 'baseline');
    answer = async () => { throw new Error('client gone'); };
    assert.equal((await store.get('file:///b.yaml')).config.level, 'baseline');
    assert.equal(errors.length, 1);
    answer = async () => ({ level: 'restricted' });
    assert.equal((await store.get('file:///b.yaml')).config.level, 'restricted', 'a failed fetch is not cached');
  });

  it('uses only pushed settings without the configuration capability', async () => {
    const store = new SettingsStore(undefined, new RateLimitedLog({ error() {}, warn() {} }));
    assert.equal((await store.get('file:///a.yaml')).config.level, 'restricted');
    store.changed({ kubeHarden: { level: 'baseline' } });
    assert.equal((await store.get('file:///a.yaml')).config.level, 'baseline');
    store.changed({ other: {} });
    assert.equal((await store.get('file:///a.yaml')).config.level, 'baseline', 'a push for another section keeps ours');
  });
});
