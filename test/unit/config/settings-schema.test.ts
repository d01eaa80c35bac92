// One schema for the `kubeHarden.*` settings: package.json and the README table are generated
// from it (npm run docs) and must not drift; every setting's default is a valid configuration,
// and each engine-bound setting reaches the engine through the language server's settings.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { normalizeConfig } from '@kube-harden/server/out/engine';
import { CONFIG_SETTING_KEYS, contributedConfiguration, renderSettingsTable, SETTINGS } from '@kube-harden/server/out/engine/settings-schema';
import { toDocumentSettings } from '@kube-harden/server/out/lsp/settings';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

describe('settings schema', () => {
  it('generates package.json contributes.configuration exactly (npm run docs)', () => {
    const pkg = JSON.parse(read('package.json'));
    assert.deepEqual(pkg.contributes.configuration, contributedConfiguration(), 'package.json settings are stale: run npm run docs');
    assert.deepEqual(Object.keys(pkg.contributes.configuration.properties), SETTINGS.map(s => `kubeHarden.${s.key}`));
  });

  it('generates the README settings table exactly (npm run docs)', () => {
    const m = /<!-- settings:start[^>]*-->\n([\s\S]*?)<!-- settings:end -->/.exec(read('README.md'));
    assert.ok(m, 'README.md has the settings markers');
    assert.equal(m[1], renderSettingsTable(), 'README.md settings table is stale: run npm run docs');
  });

  it('renders a row per setting with its default', () => {
    const lines = renderSettingsTable().split('\n');
    assert.equal(lines[2], '| `kubeHarden.enable` | `true` | Report findings. |');
    assert.equal(lines[3], '| `kubeHarden.level` | `restricted` | `baseline` runs only baseline rules. |');
    assert.equal(lines.length, SETTINGS.length + 3, 'header, rule, a row per setting, final newline');
  });

  it('names the engine-bound top-level keys, sandbox once', () => {
    assert.deepEqual([...CONFIG_SETTING_KEYS].sort(),
      ['defaultNamespace', 'deniedRegistries', 'enableAll', 'level', 'podSecurityVersion', 'preset', 'rules', 'sandbox', 'trustedRegistries']);
  });

  it('has defaults the engine accepts without a problem', () => {
    const input: Record<string, unknown> = {};
    for (const s of SETTINGS) {
      if (s.key === 'enable' || s.key === 'exclude') continue;
      const [head, tail] = s.key.split('.');
      if (tail) input[head] = { ...(input[head] as object), [tail]: s.schema.default };
      else input[head] = s.schema.default;
    }
    assert.deepEqual(normalizeConfig(input).problems, []);
  });

  it('passes every engine-bound setting from the editor to the engine', () => {
    const { config } = toDocumentSettings({
      level: 'baseline', podSecurityVersion: 'v1.30', preset: 'strict', rules: { 'require-run-as-non-root': 'error' },
      trustedRegistries: ['ghcr.io/acme'], deniedRegistries: ['docker.io'], defaultNamespace: 'team-a',
      sandbox: { untrustedLabels: { trust: 'untrusted' }, untrustedNamespaces: ['tenants'], runtimeClasses: ['sandboxed'] },
    });
    assert.equal(config.level, 'baseline');
    assert.equal(config.podSecurityVersion, 'v1.30');
    assert.equal(config.enableAll, true);
    assert.deepEqual(config.rules, { 'require-run-as-non-root': 'error' });
    assert.deepEqual(config.trustedRegistries, ['ghcr.io/acme']);
    assert.deepEqual(config.deniedRegistries, ['docker.io']);
    assert.equal(config.defaultNamespace, 'team-a');
    assert.deepEqual(config.sandbox, { untrustedLabels: { trust: 'untrusted' }, untrustedNamespaces: ['tenants'], runtimeClasses: ['sandboxed'] });
  });
});
