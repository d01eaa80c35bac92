import * as assert from 'node:assert/strict';
import { lint, lintParsed, parseFile, resolveConfig, ruleById } from '@kube-harden/server';
import { WorkspaceIndex } from '@kube-harden/server/out/engine/workspace';
import { summarizeFile } from '@kube-harden/server/out/engine/workspace/summary';
import { calicoSelector } from '@kube-harden/server/out/engine/workspace/domains/network-facts';
import { matches, MATCH_ALL } from '@kube-harden/server/out/engine/workspace/selector';
import { yaml } from '../../helpers/manifest';
import { isSelected, networkPolicies, policiesSelecting } from '@kube-harden/server/out/engine/workspace/domains/network';

const WEB = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: web
  spec:
    template:
      metadata:
        labels:
          app: web
          tier: front
      spec:
        containers:
        - name: web
          image: nginx:1.27
`;

function index(files: Record<string, string>): WorkspaceIndex {
  const ix = new WorkspaceIndex();
  for (const [uri, text] of Object.entries(files)) ix.setFile(uri, summarizeFile(uri, parseFile(text)));
  return ix;
}

describe('workspace: label selectors', () => {
  it('matches as the API server does', () => {
    const labels = { app: 'web', tier: 'front' };
    assert.ok(matches(MATCH_ALL, labels));
    assert.ok(matches({ matchLabels: { app: 'web' }, matchExpressions: [] }, labels));
    assert.ok(!matches({ matchLabels: { app: 'db' }, matchExpressions: [] }, labels));
    assert.ok(matches({ matchLabels: {}, matchExpressions: [{ key: 'tier', operator: 'In', values: ['front', 'back'] }] }, labels));
    assert.ok(!matches({ matchLabels: {}, matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['front'] }] }, labels));
    assert.ok(matches({ matchLabels: {}, matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['prod'] }] }, labels), 'NotIn holds when the key is absent');
    assert.ok(matches({ matchLabels: {}, matchExpressions: [{ key: 'app', operator: 'Exists', values: [] }] }, labels));
    assert.ok(!matches({ matchLabels: {}, matchExpressions: [{ key: 'app', operator: 'DoesNotExist', values: [] }] }, labels));
    assert.ok(!matches({ matchLabels: {}, matchExpressions: [], invalid: true }, labels), 'an unreadable selector matches nothing');
  });

  it('reads the Calico selector forms policies use, and anything else as all()', () => {
    assert.deepEqual(calicoSelector("app == 'web' && has(tier)"), { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'Exists', values: [] }] });
    assert.deepEqual(calicoSelector('all()'), { matchLabels: {}, matchExpressions: [] });
    assert.deepEqual(calicoSelector("env in {'a', \"b\"}").matchExpressions, [{ key: 'env', operator: 'In', values: ['a', 'b'] }]);
    assert.deepEqual(calicoSelector("app == 'a' || app == 'b'"), { matchLabels: {}, matchExpressions: [] });
  });
});

describe('workspace: index', () => {
  it('finds the policies that select a workload, in its namespace only', () => {
    const ix = index({
      'file:///r/web.yaml': WEB,
      'file:///r/np.yaml': yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: web
        spec:
          podSelector:
            matchExpressions:
            - {key: app, operator: In, values: [web, api]}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: other-namespace
          namespace: prod
        spec:
          podSelector: {}
        ---
        apiVersion: cilium.io/v2
        kind: CiliumClusterwideNetworkPolicy
        metadata:
          name: everywhere
        spec:
          endpointSelector:
            matchLabels:
              tier: front
          ingress:
          - fromEntities: [cluster]
      `,
    });
    const web = ix.workloads()[0];
    assert.deepEqual(policiesSelecting(ix, web).map(p => p.name), ['web', 'everywhere']);
    assert.deepEqual(networkPolicies(ix).map(p => [p.name, p.networkPolicy!.policyTypes]), [['web', ['Ingress']], ['other-namespace', ['Ingress']], ['everywhere', ['Ingress']]]);
  });

  it('places objects without a namespace by the kustomization that lists them', () => {
    const ix = index({
      'file:///r/app/kustomization.yaml': yaml`
        apiVersion: kustomize.config.k8s.io/v1beta1
        kind: Kustomization
        namespace: shop
        resources:
        - deploy/web.yaml
        - base
      `,
      'file:///r/app/deploy/web.yaml': WEB,
      'file:///r/app/base/db.yaml': WEB.replace('name: web', 'name: db'),
      'file:///r/other/web.yaml': WEB,
    });
    assert.deepEqual(ix.workloads().map(w => [w.uri, ix.namespaceOf(w)]), [
      ['file:///r/app/deploy/web.yaml', 'shop'],
      ['file:///r/app/base/db.yaml', 'shop'],
      ['file:///r/other/web.yaml', 'default'],
    ]);
  });

  it('tells a change of facts from a change of position', () => {
    const ix = index({ 'file:///r/web.yaml': WEB });
    const g = ix.generation;
    assert.equal(ix.setFile('file:///r/web.yaml', summarizeFile('file:///r/web.yaml', parseFile(`# moved down\n${WEB}`))), false);
    assert.equal(ix.generation, g);
    assert.equal(ix.summariesOf('file:///r/web.yaml')[0].range.start.line, 4, 'the new position is kept (0-based: the name moved from line 3 to 4)');
    assert.equal(ix.setFile('file:///r/web.yaml', summarizeFile('file:///r/web.yaml', parseFile(WEB.replace('tier: front', 'tier: back')))), true);
    assert.equal(ix.generation, g + 1);
  });
});

describe('workspace: the Namespace decides the Pod Security level (PSA01)', () => {
  const ns = (labels: string) => yaml`
    apiVersion: v1
    kind: Namespace
    metadata:
      name: shop
      labels:
        ${labels}
  `;
  const web = WEB.replace('name: web\n', 'name: web\n  namespace: shop\n');
  const isPss = (id: string) => !!ruleById(id)?.pss;
  const allRulesFor = (text: string, ix?: WorkspaceIndex) =>
    [...new Set(lintParsed(parseFile(text), resolveConfig({ level: 'restricted', rules: { 'require-network-policy': 'warning' } }), { uri: 'file:///r/web.yaml', workspace: ix }).findings.map(f => f.ruleId))].sort();
  const rulesFor = (text: string, ix?: WorkspaceIndex) => allRulesFor(text, ix).filter(isPss);

  it('applies restricted rules when the namespace says nothing', () => {
    assert.ok(rulesFor(web).includes('require-run-as-non-root'));
  });

  it('drops restricted-only rules in a baseline namespace, in another file', () => {
    const ix = index({ 'file:///r/ns.yaml': ns('pod-security.kubernetes.io/enforce: baseline'), 'file:///r/web.yaml': web });
    assert.deepEqual(rulesFor(web, ix).filter(id => id.startsWith('require-')), []);
    assert.ok(allRulesFor(web, ix).includes('require-network-policy'), 'rules outside the Pod Security Standards (here an opt-in one turned on) still run as configured');
  });

  it('drops every Pod Security rule in a privileged namespace, in the same file', () => {
    const text = `${ns('pod-security.kubernetes.io/enforce: privileged')}---\n${web.replace('image: nginx:1.27', 'image: nginx:1.27\n          securityContext: {privileged: true}')}`;
    assert.deepEqual(lint(text, { level: 'restricted' }).findings.map(f => f.ruleId).filter(isPss), []);
  });

  it('reads the enforce-version label as the policy version', () => {
    // seccompProfile_restricted exists from 1.19: at an enforced v1.18 it is not checked.
    const ix = index({
      'file:///r/ns.yaml': ns('pod-security.kubernetes.io/enforce: restricted\n        pod-security.kubernetes.io/enforce-version: v1.18'),
      'file:///r/web.yaml': web,
    });
    const ids = rulesFor(web, ix);
    assert.ok(!ids.includes('require-seccomp-profile'));
    assert.ok(ids.includes('require-run-as-non-root'));
  });

  it('a workload naming no namespace may have its level lowered by the default namespace, never raised', () => {
    // `kubectl apply -n <ns>` decides where it lands: "default" is only a guess.
    const inDefault = (labels: string) => ns(labels).replace('name: shop', 'name: default');
    const strict = index({ 'file:///r/ns.yaml': inDefault('pod-security.kubernetes.io/enforce: restricted'), 'file:///r/web.yaml': WEB });
    const baseline = (ix?: WorkspaceIndex) => lintParsed(parseFile(WEB), resolveConfig({ level: 'baseline' }), { uri: 'file:///r/web.yaml', workspace: ix }).findings.map(f => f.ruleId).filter(isPss);
    assert.deepEqual(baseline(strict), baseline());
    assert.ok(!baseline(strict).includes('require-run-as-non-root'));
    const lax = index({ 'file:///r/ns.yaml': inDefault('pod-security.kubernetes.io/enforce: baseline'), 'file:///r/web.yaml': WEB });
    assert.ok(rulesFor(WEB).includes('require-run-as-non-root'));
    assert.ok(!rulesFor(WEB, lax).includes('require-run-as-non-root'));
  });
});

describe('workspace: a configured default namespace', () => {
  const nsObject = (labels: string) => yaml`
    apiVersion: v1
    kind: Namespace
    metadata:
      name: team-a
      labels:
        ${labels}
  `;
  const POLICY = yaml`
    apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata:
      name: web
      namespace: team-a
    spec:
      podSelector:
        matchLabels:
          app: web
  `;
  const pssRules = (ix: WorkspaceIndex, level: 'baseline' | 'restricted' = 'restricted') =>
    lintParsed(parseFile(WEB), resolveConfig({ level }), { uri: 'file:///r/web.yaml', workspace: ix }).findings.map(f => f.ruleId).filter(id => !!ruleById(id)?.pss);

  it('places a workload naming no namespace there: its Namespace and policies apply', () => {
    const ix = index({ 'file:///r/web.yaml': WEB, 'file:///r/ns.yaml': nsObject('pod-security.kubernetes.io/enforce: baseline'), 'file:///r/np.yaml': POLICY });
    const [web] = ix.workloads();
    assert.equal(ix.namespaceOf(web), 'default');
    assert.equal(isSelected(ix, web), false, 'the policy is of team-a, the workload of default');
    assert.ok(pssRules(ix).includes('require-run-as-non-root'), 'restricted applies: no Namespace object for default');

    assert.deepEqual(ix.setDefaultNamespace('team-a'), { changed: true });
    assert.equal(ix.namespaceOf(web), 'team-a');
    assert.equal(isSelected(ix, web), true);
    assert.deepEqual(ix.workloadNamespaces(), ['team-a']);
    // team-a enforces baseline: the restricted-only checks go, the baseline ones stay.
    assert.deepEqual(pssRules(ix).filter(id => id === 'require-run-as-non-root' || id === 'require-seccomp-profile'), []);
    assert.equal(ix.options.defaultNamespace, 'team-a');
  });

  it('is still a guess: the Namespace may lower the level, never raise it', () => {
    const ix = index({ 'file:///r/web.yaml': WEB, 'file:///r/ns.yaml': nsObject('pod-security.kubernetes.io/enforce: restricted') });
    ix.setDefaultNamespace('team-a');
    const [web] = ix.workloads();
    assert.equal(ix.namespaceGuessed(web), true);
    assert.deepEqual(pssRules(ix, 'baseline'), pssRules(index({ 'file:///r/web.yaml': WEB }), 'baseline'));
    assert.ok(!pssRules(ix, 'baseline').includes('require-run-as-non-root'));
  });

  it('moves the generation only when the namespace changes; an invalid name is refused and the current one kept', () => {
    const ix = index({ 'file:///r/web.yaml': WEB });
    const g = ix.generation;
    assert.deepEqual(ix.setDefaultNamespace('default'), { changed: false });
    assert.equal(ix.generation, g);
    ix.setDefaultNamespace('team-a');
    assert.equal(ix.generation, g + 1);
    const bad = ix.setDefaultNamespace('Team_A');
    assert.equal(bad.changed, false);
    assert.match(bad.problem ?? '', /^Invalid namespace "Team_A"/);
    assert.equal(ix.generation, g + 1);
    assert.equal(ix.namespaceOf(ix.workloads()[0]), 'team-a');
    assert.equal(ix.withFile('file:///r/other.yaml', []).options.defaultNamespace, 'team-a', 'a copy keeps it');
  });

  it('a file linted alone takes it from its configuration', () => {
    const text = `${nsObject('pod-security.kubernetes.io/enforce: privileged')}---\n${WEB}`;
    const pss = (config: object) => lint(text, config).findings.map(f => f.ruleId).filter(id => !!ruleById(id)?.pss);
    assert.ok(pss({}).includes('require-run-as-non-root'));
    assert.deepEqual(pss({ defaultNamespace: 'team-a' }), []);
  });
});
