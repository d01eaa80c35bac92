import * as assert from 'node:assert/strict';
import { LspClient } from '../helpers/lsp-client';
import { fileUri, PRIVILEGED_POD } from './fixtures';
import { rulesIn } from '../helpers/diagnostic-rules';

const codes = (p: { diagnostics: { code?: string | number; data?: unknown }[] }) => rulesIn(p.diagnostics);
const BOTH = ['require-run-as-non-root', 'disallow-privileged-containers'];

describe('protocol: settings', () => {
  it('asks workspace/configuration for the kubeHarden section of each document and applies the level', async () => {
    const client = await LspClient.start({ settings: { kubeHarden: { level: 'baseline' } } });
    try {
      const uri = fileUri('pod.yaml');
      await client.open(uri, PRIVILEGED_POD);
      const p = await client.waitForDiagnostics(uri, { version: 1 });
      // require-run-as-non-root is a restricted-level rule: absent at baseline.
      assert.deepEqual(codes(p), ['disallow-privileged-containers']);
      assert.ok(client.configurationRequests.some(r => r.items.some(i => i.section === 'kubeHarden' && i.scopeUri === uri)));
    } finally {
      await client.stop();
    }
  });

  it('re-validates open documents on didChangeConfiguration, with settings fetched anew', async () => {
    const client = await LspClient.start({ settings: { kubeHarden: { level: 'restricted' } } });
    try {
      const a = fileUri('a.yaml');
      const b = fileUri('b.yaml');
      await client.open(a, PRIVILEGED_POD);
      await client.open(b, PRIVILEGED_POD);
      assert.deepEqual(codes(await client.waitForDiagnostics(a, { version: 1 })), BOTH);
      assert.deepEqual(codes(await client.waitForDiagnostics(b, { version: 1 })), BOTH);

      const mark = client.mark();
      const asked = client.configurationRequests.length;
      client.settings = { kubeHarden: { level: 'baseline', rules: { 'disallow-privileged-containers': 'info' } } };
      await client.changeConfiguration(null);
      for (const uri of [a, b]) {
        const p = await client.waitForDiagnostics(uri, { since: mark });
        assert.deepEqual(codes(p), ['disallow-privileged-containers']);
        assert.equal(p.diagnostics[0].severity, 3, 'the per-rule severity setting applies');
      }
      assert.ok(client.configurationRequests.length >= asked + 2, 'the cached settings were dropped');

      const mark2 = client.mark();
      client.settings = { kubeHarden: { enable: false } };
      await client.changeConfiguration(null);
      assert.deepEqual((await client.waitForDiagnostics(a, { since: mark2 })).diagnostics, [], 'enable: false clears');
    } finally {
      await client.stop();
    }
  });

  it('uses defaults, then pushed settings, for a client without workspace/configuration', async () => {
    const client = await LspClient.start({ configuration: false });
    try {
      const uri = fileUri('pod.yaml');
      await client.open(uri, PRIVILEGED_POD);
      assert.deepEqual(codes(await client.waitForDiagnostics(uri, { version: 1 })), BOTH);
      const mark = client.mark();
      await client.changeConfiguration({ kubeHarden: { level: 'baseline' } });
      assert.deepEqual(codes(await client.waitForDiagnostics(uri, { since: mark })), ['disallow-privileged-containers']);
      assert.equal(client.configurationRequests.length, 0);
    } finally {
      await client.stop();
    }
  });

  it('falls back to defaults for invalid values and says so in the log', async () => {
    const client = await LspClient.start({ settings: { kubeHarden: { level: 'paranoid', podSecurityVersion: 'v2.0' } } });
    try {
      const uri = fileUri('pod.yaml');
      await client.open(uri, PRIVILEGED_POD);
      assert.deepEqual(codes(await client.waitForDiagnostics(uri, { version: 1 })), BOTH);
      await client.waitFor(() => client.logs.find(l => l.message.includes('kubeHarden.level') && l.message.includes('paranoid')), 'a log message about the level');
      await client.waitFor(() => client.logs.find(l => l.message.includes('kubeHarden.podSecurityVersion')), 'a log message about the version');
    } finally {
      await client.stop();
    }
  });
});
