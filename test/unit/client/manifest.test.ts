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
    assert.deepEqual(commands.map(c => c.command).sort(), ['kubeHarden.fixAllInFile', 'kubeHarden.scanWorkspace', 'kubeHarden.showRulePage']);
    for (const c of commands) assert.equal(c.category, 'Kube Harden', c.command);
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
