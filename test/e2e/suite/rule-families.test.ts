// One manifest per rule family (test/e2e/workspace/families), each otherwise restricted-compliant:
// opened in the editor, it shows exactly its family's findings, on the exact nodes, each linked to
// a rule page that names that family. Positions were read off the fixtures (1-based, end exclusive).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { activate, codeOf, diagnosticsAfter, fileUri, open, rulesOf, screenshot, span } from './util';

const { Error: E, Warning: W, Information: I } = vscode.DiagnosticSeverity;
type Expected = [id: string, severity: vscode.DiagnosticSeverity, at: [number, number, number, number]];

const FAMILIES: Record<string, Expected[]> = {
  // line 7 `  hostIPC: true`
  'pod-security': [['disallow-host-ipc', E, [7, 12, 7, 16]]],
  // line 15 `      command: ["sudo", "nginx"]`: the "sudo" item, quotes included
  'workload-hardening': [['disallow-sudo-in-entrypoint', W, [15, 17, 15, 23]]],
  // line 4 `metadata:` of the ServiceAccount (automountServiceAccountToken is missing, not wrong);
  // line 12 `  serviceAccount: web`, the deprecated key
  'service-accounts': [
    ['disallow-service-account-automount', I, [4, 1, 4, 9]],
    ['disallow-deprecated-service-account-field', I, [12, 3, 12, 17]],
  ],
  // line 17 the DB_PASSWORD value; line 18 the first of the two MODE names (the one without effect)
  secrets: [
    ['disallow-secrets-in-env', W, [17, 18, 17, 37]],
    ['disallow-duplicate-env-vars', W, [18, 17, 18, 21]],
  ],
  // line 13 `nginx:latest`, line 20 `k8s.gcr.io/pause:3.9`
  images: [
    ['disallow-latest-image-tag', W, [13, 14, 13, 26]],
    ['disallow-deprecated-k8s-gcr-registry', W, [20, 14, 20, 34]],
  ],
  // line 9 the `externalIPs` key
  network: [['disallow-service-external-ips', E, [9, 3, 9, 14]]],
  // line 5 the Namespace's name `e2e-team` (no label); line 11 `kube-system`
  namespaces: [
    ['require-namespace-pod-security', W, [5, 9, 5, 17]],
    ['disallow-kube-system-workloads', W, [11, 14, 11, 25]],
  ],
  // line 3 the kind `PodSecurityPolicy`
  misc: [['disallow-pod-security-policy', I, [3, 7, 3, 24]]],
  // line 10 `    verbs: ["*"]`: the wildcard, one finding that also answers for creating and
  // deleting pods through it (its covers name RB09 and RB10; no second finding per danger)
  rbac: [
    ['disallow-wildcard-verbs', E, [10, 13, 10, 16]],
  ],
};
// The memory limit is set (that rule is on by default); the CPU limit rule is opt-in and the test
// turns it on. Line 14 `      resources: {limits: {memory: 64Mi}}`: the `limits` key it belongs in.
const RESOURCES: Expected[] = [['require-cpu-limit', W, [14, 19, 14, 25]]];

const sortKey = (e: Expected) => `${String(e[2][0]).padStart(4)}${String(e[2][1]).padStart(4)}${e[0]}`;
const sorted = (es: Expected[]) => [...es].sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
// A diagnostic that groups several rules on one range counts once per rule.
const actual = (ds: vscode.Diagnostic[]): Expected[] => sorted(ds.flatMap(d => rulesOf(d).map((id): Expected => [id, d.severity, span(d)])));
const same = (expected: Expected[]) => (ds: vscode.Diagnostic[]) => JSON.stringify(actual(ds)) === JSON.stringify(sorted(expected));

/** The rule page a diagnostic links to (inside the extension, offline) names its category. */
function assertCategory(d: vscode.Diagnostic, family: string): void {
  assert.ok(typeof d.code === 'object', `${codeOf(d)} carries a docs target`);
  const page = fs.readFileSync(d.code.target.fsPath, 'utf8');
  assert.match(page, new RegExp(`^\\| Category \\| ${family} \\|$`, 'm'), `${d.code.target.fsPath} is in category ${family}`);
}

suite('every rule family in the editor', () => {
  suiteSetup(activate);

  teardown(async () => {
    await vscode.workspace.getConfiguration('kubeHarden').update('rules', undefined, vscode.ConfigurationTarget.Workspace);
  });

  for (const [family, expected] of Object.entries(FAMILIES)) {
    test(`${family}: families/${family}.yaml shows exactly ${expected.map(e => e[0]).join(', ')}`, async () => {
      const uri = fileUri(`families/${family}.yaml`);
      const ds = await diagnosticsAfter(uri, () => open(uri).then(() => undefined), same(expected), expected.map(e => e[0]).join(', '));
      assert.deepEqual(actual(ds), sorted(expected));
      for (const d of ds) assertCategory(d, family);
      if (family === 'pod-security') {
        // For docs/images/editor-hover.png: the manifest with the hover over its finding.
        await vscode.commands.executeCommand('workbench.action.closePanel');
        await screenshot('editor-hover');
      }
    });
  }

  test('resources: kubeHarden.rules turns require-cpu-limit on for families/resources.yaml', async () => {
    const uri = fileUri('families/resources.yaml');
    await diagnosticsAfter(uri, () => open(uri).then(() => undefined), ds => ds.length === 0, 'no finding by default', { requireEvent: true });
    const ds = await diagnosticsAfter(
      uri,
      () => vscode.workspace.getConfiguration('kubeHarden').update('rules', { 'require-cpu-limit': 'warning' }, vscode.ConfigurationTarget.Workspace),
      same(RESOURCES),
      'require-cpu-limit once turned on',
      { requireEvent: true },
    );
    assert.deepEqual(actual(ds), sorted(RESOURCES));
    assertCategory(ds[0], 'resources');
    // Off again, so the files opened after this test see the defaults.
    await diagnosticsAfter(
      uri,
      () => vscode.workspace.getConfiguration('kubeHarden').update('rules', undefined, vscode.ConfigurationTarget.Workspace),
      ds => ds.length === 0,
      'require-cpu-limit off again',
      { requireEvent: true },
    );
  });
});
