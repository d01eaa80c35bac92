import * as assert from 'node:assert/strict';
import { resolveConfig, ruleById } from '@kube-harden/server';
import type { Rule } from '@kube-harden/server';
import { ParseCache } from '@kube-harden/server/out/lsp/documents';
import { RateLimitedLog } from '@kube-harden/server/out/lsp/log';
import { SettingsStore } from '@kube-harden/server/out/lsp/settings';
import { Validator } from '@kube-harden/server/out/lsp/validation';
import { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { yaml } from '../../helpers/manifest';

const POD = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: p
  spec:
    containers:
    - name: app
      image: nginx:1.27
      securityContext:
        privileged: true
        allowPrivilegeEscalation: false
        capabilities:
          drop: [ALL]
        seccompProfile:
          type: RuntimeDefault
  ---
  # Selects the pod: isolated, it is no require-network-policy finding under any settings.
  apiVersion: networking.k8s.io/v1
  kind: NetworkPolicy
  metadata:
    name: default-deny
  spec:
    podSelector: {}
    policyTypes: [Ingress, Egress]
`;

/** A validator over in-memory documents whose settings arrive only when the test says so. */
function harness() {
  const docs = new Map<string, TextDocument>();
  const published: PublishDiagnosticsParams[] = [];
  const answers: (() => void)[] = [];
  const settings = new SettingsStore(() => new Promise(resolve => answers.push(() => resolve({}))), new RateLimitedLog({ error() {}, warn() {} }));
  const validator = new Validator({
    document: uri => docs.get(uri), all: () => [...docs.values()], cache: new ParseCache(), settings,
    publish: p => published.push(p), docsHref: id => id, log: new RateLimitedLog({ error() {}, warn() {} }), debounceMs: 5,
  });
  const flush = () => new Promise(resolve => setImmediate(resolve));
  return { docs, published, answers, validator, flush };
}

describe('lsp: Validator', () => {
  it('never publishes for a version superseded while its settings were being fetched', async () => {
    const h = harness();
    const uri = 'file:///x/pod.yaml';
    const v1 = TextDocument.create(uri, 'yaml', 1, POD);
    h.docs.set(uri, v1);
    h.validator.contentChanged(v1); // opened: linted at once, waiting on settings
    const v2 = TextDocument.update(v1, [{ text: POD.replace('privileged: true', 'privileged: false') }], 2);
    h.docs.set(uri, v2);
    h.validator.revalidateAll(); // retires the version-1 run
    h.answers.forEach(a => a());
    await h.flush();
    assert.deepEqual(h.published.map(p => [p.version, p.diagnostics.map(d => d.code)]), [[2, ['require-memory-limit', 'require-run-as-non-root']]]);
  });

  it('drops a pending run when the document closes, and publishes an empty list', async () => {
    const h = harness();
    const uri = 'file:///x/pod.yaml';
    const v1 = TextDocument.create(uri, 'yaml', 1, POD);
    h.docs.set(uri, v1);
    h.validator.contentChanged(v1);
    h.validator.closed(uri);
    h.docs.delete(uri);
    h.answers.forEach(a => a());
    await h.flush();
    assert.deepEqual(h.published, [{ uri, diagnostics: [] }]);
  });

  it('ignores documents that cannot be manifests', async () => {
    const h = harness();
    const doc = TextDocument.create('file:///x/notes.txt', 'plaintext', 1, POD);
    h.docs.set(doc.uri, doc);
    h.validator.contentChanged(doc);
    h.validator.closed(doc.uri);
    await h.flush();
    assert.deepEqual(h.published, []);
    assert.equal(h.answers.length, 0);
  });
});

describe('lsp: Validator with a rule that throws', () => {
  it('still publishes the other rules, and logs the failure once per interval, not per keystroke', async () => {
    const errors: string[] = [];
    const docs = new Map<string, TextDocument>();
    const published: PublishDiagnosticsParams[] = [];
    const broken: Rule = { ...ruleById('require-run-as-non-root')!, id: 'broken-rule', checkPod() { throw new Error('boom'); } };
    const validator = new Validator({
      document: uri => docs.get(uri), all: () => [...docs.values()], cache: new ParseCache(),
      settings: new SettingsStore(undefined, new RateLimitedLog({ error() {}, warn() {} })),
      publish: p => published.push(p), docsHref: id => id, log: new RateLimitedLog({ error: m => errors.push(m), warn() {} }),
      resolve: config => resolveConfig(config, [broken, ruleById('disallow-privileged-containers')!]),
    });
    const uri = 'file:///x/pod.yaml';
    for (let version = 1; version <= 20; version++) {
      const doc = TextDocument.create(uri, 'yaml', version, POD + `# ${version}\n`);
      docs.set(uri, doc);
      validator.revalidateAll();
      await new Promise(resolve => setImmediate(resolve));
    }
    assert.equal(published.length, 20);
    assert.deepEqual(published.at(-1)!.diagnostics.map(d => d.code), ['disallow-privileged-containers']);
    assert.equal(errors.length, 1);
    assert.match(errors[0], /^Rule broken-rule failed on file:\/\/\/x\/pod.yaml: Error: boom/);
  });
});
