// "Harden this workload" on a node agent (a CNI DaemonSet in kube-system): it keeps the host
// access the agent runs on, says so in its title, and hardens the rest. An ordinary workload
// with the same settings gets them stripped as before (the user asked to harden it).
import * as assert from 'node:assert/strict';
import { applyEdits } from '@kube-harden/server';
import { CodeActionProvider } from '@kube-harden/server/out/lsp/codeActions';
import { ParseCache } from '@kube-harden/server/out/lsp/documents';
import { RateLimitedLog } from '@kube-harden/server/out/lsp/log';
import { SettingsStore } from '@kube-harden/server/out/lsp/settings';
import { TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { yaml } from '../../helpers/manifest';

const AGENT = yaml`
  apiVersion: apps/v1
  kind: DaemonSet
  metadata:
    name: calico-node
    namespace: kube-system
  spec:
    selector:
      matchLabels: {k8s-app: calico-node}
    template:
      metadata:
        labels: {k8s-app: calico-node}
      spec:
        hostNetwork: true
        containers:
        - name: calico-node
          image: docker.io/calico/node:v3.28.0
          resources: {limits: {memory: 512Mi}}
          securityContext:
            privileged: true
`;

async function harden(text: string): Promise<{ title: string; result: string }> {
  const log = new RateLimitedLog({ error() {}, warn() {} });
  const doc = TextDocument.create('file:///x/agent.yaml', 'yaml', 1, text);
  const provider = new CodeActionProvider({
    document: uri => (uri === doc.uri ? doc : undefined), cache: new ParseCache(), settings: new SettingsStore(undefined, log), log,
    client: { literals: true, lazyEdits: false, documentChanges: true },
  });
  const at = { line: 14, character: 8 };
  const actions = await provider.provide({ textDocument: { uri: doc.uri }, range: { start: at, end: at }, context: { diagnostics: [], only: ['refactor.rewrite'] } });
  assert.equal(actions.length, 1);
  const change = actions[0].edit!.documentChanges![0] as TextDocumentEdit;
  const edits = (change.edits as TextEdit[]).map(e => ({ start: doc.offsetAt(e.range.start), end: doc.offsetAt(e.range.end), newText: e.newText }));
  return { title: actions[0].title, result: applyEdits(text, edits).text };
}

describe('fix: "Harden this workload" on a node agent', () => {
  it('keeps privileged and hostNetwork, says so, and adds only what takes nothing away', async () => {
    const { title, result } = await harden(AGENT);
    assert.equal(title, 'Harden this workload: DaemonSet "calico-node" (keeps privileged, hostNetwork: a node agent)');
    // The pod spec's keys are at column 6: the new pod securityContext goes there.
    assert.equal(result, AGENT + '      securityContext:\n        seccompProfile:\n          type: RuntimeDefault\n');
  });

  it('strips them from an ordinary workload with the same settings (unsafe, and the title says so)', async () => {
    const app = AGENT.replace('namespace: kube-system', 'namespace: shop').replace('docker.io/calico/node:v3.28.0', 'registry.example/shop:1.0');
    const { title, result } = await harden(app);
    assert.equal(title, 'Harden this workload: DaemonSet "calico-node" (includes unsafe changes)');
    assert.match(result, /hostNetwork: false/);
    assert.match(result, /privileged: false/);
  });
});
