// The extension manifest: commands under one category, and nothing that competes with the Red
// Hat YAML extension (which owns YAML schemas, completion and validation).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../../..');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

describe('extension manifest', () => {
  it('contributes the commands under the Kube Harden category', () => {
    const commands = manifest.contributes.commands as Array<{ command: string; title: string; category: string }>;
    assert.deepEqual(commands.map(c => c.command).sort(), [
      'kubeHarden.fixAllInFile', 'kubeHarden.restartServer', 'kubeHarden.scanWorkspace', 'kubeHarden.showOutput', 'kubeHarden.showRulePage',
    ]);
    for (const c of commands) assert.equal(c.category, 'Kube Harden', c.command);
    assert.deepEqual(commands.filter(c => /Server|Output/.test(c.command)).map(c => c.title), ['Restart Server', 'Show Output']);
  });

  it('marks kubeHarden.enableAll deprecated, pointing to kubeHarden.preset', () => {
    const enableAll = manifest.contributes.configuration.properties['kubeHarden.enableAll'];
    assert.equal(enableAll.markdownDeprecationMessage, 'Deprecated: use `#kubeHarden.preset#`: `strict`.');
    assert.equal(enableAll.deprecationMessage, 'Deprecated: use kubeHarden.preset: strict.');
    assert.ok(manifest.contributes.configuration.properties['kubeHarden.preset'].enum.includes('strict'));
  });

  it('declares what it does in untrusted and virtual workspaces', () => {
    // It only reads manifests and .kube-harden.yaml as data (never executes anything): trusted or not.
    assert.deepEqual(manifest.capabilities.untrustedWorkspaces, { supported: true });
    // The language server reads the workspace folders from disk, which a virtual workspace has not.
    assert.equal(manifest.capabilities.virtualWorkspaces.supported, false);
    assert.match(manifest.capabilities.virtualWorkspaces.description, /disk/);
  });

  it('names its repository, issue tracker, homepage and icon, so `vsce package` needs no flags', () => {
    assert.deepEqual(manifest.repository, { type: 'git', url: 'https://github.com/kube-harden/kube-harden.git' });
    assert.deepEqual(manifest.bugs, { url: 'https://github.com/kube-harden/kube-harden/issues' });
    assert.equal(manifest.homepage, 'https://github.com/kube-harden/kube-harden#readme');
    assert.equal(manifest.icon, 'images/icon.png');
    assert.ok(fs.existsSync(path.join(ROOT, manifest.icon)));
    assert.deepEqual(manifest.vsce, { dependencies: false, rewriteRelativeLinks: false });
  });

  it('associates no YAML or JSON schema and registers no YAML language of its own', () => {
    const c = manifest.contributes;
    assert.equal(c.yamlValidation, undefined, 'yamlValidation would compete with the Red Hat YAML schema store');
    assert.equal(c.jsonValidation, undefined);
    assert.equal(c.languages, undefined, 'the yaml language is VS Code\'s (and Red Hat\'s), not ours');
    assert.ok(!JSON.stringify(c.configurationDefaults ?? {}).includes('yaml.schemas'), 'no yaml.schemas default');
  });

  it('ships the rule pages the diagnostics and hovers link to', () => {
    const ignore = fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8').split('\n').map(l => l.trim());
    assert.ok(ignore.includes('!docs/rules/**'), '.vscodeignore must keep docs/rules');
  });
});
