// The network facts of the workspace model: what each policy flavour selects and allows, and
// linting or fixing one file against a workspace that holds an older text of it.
import * as assert from 'node:assert/strict';
import { fixAll, parseFile, summarizeFile, WorkspaceIndex } from '@kube-harden/server';
import { defaultDeny } from '@kube-harden/server/out/engine/workspace/domains/network';
import { yaml } from '../../helpers/manifest';

function index(files: Record<string, string>): WorkspaceIndex {
  const ix = new WorkspaceIndex();
  for (const [uri, text] of Object.entries(files)) ix.setFile(uri, summarizeFile(uri, parseFile(text)));
  return ix;
}

const facts = (text: string) => summarizeFile('file:///p.yaml', parseFile(text))[0].networkPolicy!;

describe('workspace: network policy facts', () => {
  it('reads a Kubernetes policy without podSelector as selecting every pod', () => {
    assert.deepEqual(facts('apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: a}\nspec: {policyTypes: [Egress]}\n').podSelector, { matchLabels: {}, matchExpressions: [] });
  });

  it('tells allow rules limited to ports from those that admit every port', () => {
    const np = facts(yaml`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: a}
      spec:
        podSelector: {}
        ingress:
        - ports: [{port: 443}]
        egress:
        - to: [{podSelector: {}}]
          ports: [{protocol: UDP}]
    `);
    assert.deepEqual(np.allowsAnyPort, { ingress: false, egress: true }, 'a port entry without port means every port of its protocol');
    assert.deepEqual(np.policyTypes, ['Ingress', 'Egress']);
  });

  it('reads Cilium\'s source prefixes and empty rules, and Calico\'s default types', () => {
    const cnp = facts('apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata: {name: a}\nspec:\n  endpointSelector: {matchLabels: {"k8s:app": web, "reserved:host": ""}}\n  ingress: [{}]\n  egress: [{toEntities: [world]}]\n');
    assert.deepEqual(cnp.podSelector?.matchLabels, { app: 'web', 'reserved:host': '' });
    assert.deepEqual(cnp.allowsAnyPort, { ingress: false, egress: true });
    assert.deepEqual(facts("apiVersion: projectcalico.org/v3\nkind: NetworkPolicy\nmetadata: {name: a}\nspec:\n  selector: all()\n  egress: [{action: Allow, destination: {ports: [53]}}]\n").policyTypes, ['Egress']);
  });

  it('finds the default-deny of a namespace across several policies and flavours', () => {
    const ix = index({
      'file:///r/in.yaml': 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: in, namespace: shop}\nspec: {podSelector: {}}\n',
      'file:///r/out.yaml': 'apiVersion: cilium.io/v2\nkind: CiliumClusterwideNetworkPolicy\nmetadata: {name: out}\nspec:\n  endpointSelector: {matchLabels: {"k8s:io.kubernetes.pod.namespace": shop}}\n  egress: [{}]\n',
    });
    assert.deepEqual(Object.entries(defaultDeny(ix, 'shop')).map(([d, ps]) => [d, ps.map(p => p.name)]), [['Ingress', ['in']], ['Egress', ['out']]]);
    assert.deepEqual(Object.values(defaultDeny(ix, 'prod')).map(ps => ps.length), [0, 0]);
  });
});

describe('workspace: kustomize patches', () => {
  it('knows the files a kustomization lists as patches, relative to it', () => {
    const ix = index({
      'file:///r/app/kustomization.yaml': yaml`
        apiVersion: kustomize.config.k8s.io/v1beta1
        kind: Kustomization
        resources: [../base]
        patches:
        - path: patches/replicas.yaml
        - patch: |-
            - op: remove
              path: /spec/x
        patchesStrategicMerge:
        - ./labels.yaml
        - |-
          apiVersion: v1
          kind: Namespace
        patchesJson6902:
        - path: ../json.yaml
          target: {kind: Deployment, name: web}
      `,
    });
    assert.ok(ix.isPatch('file:///r/app/patches/replicas.yaml'));
    assert.ok(ix.isPatch('file:///r/app/labels.yaml'));
    assert.ok(ix.isPatch('file:///r/json.yaml'));
    assert.ok(!ix.isPatch('file:///r/base/web.yaml'), 'resources are whole objects');
    assert.deepEqual(ix.all()[0].kustomization?.patches, ['patches/replicas.yaml', '../json.yaml', './labels.yaml']);
  });
});

describe('workspace: one file seen anew', () => {
  it('gives a copy with one file replaced, the index itself unchanged', () => {
    const ix = index({ 'file:///r/a.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n' });
    const copy = ix.withFile('file:///r/a.yaml', summarizeFile('file:///r/a.yaml', parseFile('apiVersion: v1\nkind: Namespace\nmetadata: {name: b}\n')));
    assert.equal(copy.namespaceObject('b')?.name, 'b');
    assert.equal(ix.namespaceObject('b'), undefined);
    assert.equal(ix.namespaceObject('a')?.name, 'a');
  });

  it('fixes a file against its workspace: the Namespace in another file decides the level of each pass', () => {
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: shop\nspec:\n  containers:\n  - name: app\n    image: nginx:1.27\n';
    const ws = index({
      'file:///r/ns.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels: {pod-security.kubernetes.io/enforce: restricted}\n',
      'file:///r/pod.yaml': pod,
    });
    const alone = fixAll(pod, { level: 'baseline' }, { safety: 'unsafe' });
    const inWorkspace = fixAll(pod, { level: 'baseline' }, { safety: 'unsafe', lint: { uri: 'file:///r/pod.yaml', workspace: ws } });
    assert.equal(alone.text, pod, 'alone, the configured baseline level has nothing to fix');
    assert.match(inWorkspace.text, /runAsNonRoot: true/, 'in its restricted namespace, restricted fixes are made');
    assert.ok(inWorkspace.converged);
    assert.equal(ws.generation, 2, 'the passes leave the workspace as it was (two files set)');
  });
});
