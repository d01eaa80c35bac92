// The peer checks a rule names in `equivalents`, judged against their own definitions
// (test/fixtures/peers/checks.json): every mapping the audit kept or added is named by its rule,
// every one it removed is not, and for each mapping a pass/fail pair written from the peer's
// definition shows the rule agreeing with the peer (fires on fail, silent on pass).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint, ruleById, ruleLevel, RULES } from '@kube-harden/server';
import type { Tool } from '@kube-harden/server';

const ROOT = path.resolve(__dirname, '../../..');

interface PeerCheck { tool: Tool; id: string; checks: string; rule: string | null; verdict: 'kept' | 'added' | 'moved' | 'removed' | 'not-mapped' }

const CHECKS: PeerCheck[] = JSON.parse(fs.readFileSync(path.join(ROOT, 'test/fixtures/peers/checks.json'), 'utf8')).checks;

const doc = (...docs: string[]) => docs.map(d => d.trim() + '\n').join('---\n');
const deployment = (extra: { namespace?: string; sa?: string; automount?: boolean; limits?: string } = {}) => `
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web${extra.namespace ? `\n  namespace: ${extra.namespace}` : ''}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:${extra.sa ? `\n      serviceAccountName: ${extra.sa}` : ''}${extra.automount === false ? '\n      automountServiceAccountToken: false' : ''}
      containers:
      - name: app
        image: nginx:1.27${extra.limits ? `\n        resources: {limits: ${extra.limits}}` : ''}
`;
const role = (kind: 'Role' | 'ClusterRole', name: string, rule: string) =>
  `apiVersion: rbac.authorization.k8s.io/v1\nkind: ${kind}\nmetadata:\n  name: ${name}${kind === 'Role' ? '\n  namespace: shop' : ''}\nrules:\n- ${rule}\n`;
const binding = (kind: 'RoleBinding' | 'ClusterRoleBinding', roleKind: string, roleName: string, sa = 'web') =>
  `apiVersion: rbac.authorization.k8s.io/v1\nkind: ${kind}\nmetadata:\n  name: b${kind === 'RoleBinding' ? '\n  namespace: shop' : ''}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ${roleKind}, name: ${roleName}}\nsubjects:\n- {kind: ServiceAccount, name: ${sa}, namespace: shop}\n`;
const FULL = '{apiGroups: ["*"], resources: ["*"], verbs: ["*"]}';
const PODS = '{apiGroups: [""], resources: ["pods"], verbs: ["get"]}';
const EXEC = '{apiGroups: [""], resources: ["pods/exec"], verbs: ["create"]}';

/** `tool:id:rule` -> a manifest the peer fails and one it passes, from the peer's definition. */
const PAIRS: Record<string, { fail: string; pass: string }> = {
  'kubeLinter:use-namespace:disallow-default-namespace': { fail: deployment(), pass: deployment({ namespace: 'shop' }) },
  'polaris:clusterrolebindingClusterAdmin:disallow-cluster-admin-binding': { fail: binding('ClusterRoleBinding', 'ClusterRole', 'cluster-admin'), pass: binding('ClusterRoleBinding', 'ClusterRole', 'view') },
  'polaris:clusterrolebindingClusterAdmin:disallow-full-wildcard-rules': {
    fail: doc(binding('ClusterRoleBinding', 'ClusterRole', 'ops'), role('ClusterRole', 'ops', FULL)),
    pass: doc(binding('ClusterRoleBinding', 'ClusterRole', 'ops'), role('ClusterRole', 'ops', PODS)),
  },
  'polaris:rolebindingClusterAdminClusterRole:disallow-cluster-admin-binding': { fail: binding('RoleBinding', 'ClusterRole', 'cluster-admin'), pass: binding('RoleBinding', 'ClusterRole', 'view') },
  'polaris:rolebindingClusterAdminClusterRole:disallow-full-wildcard-rules': {
    fail: doc(binding('RoleBinding', 'ClusterRole', 'ops'), role('ClusterRole', 'ops', FULL)),
    pass: doc(binding('RoleBinding', 'ClusterRole', 'ops'), role('ClusterRole', 'ops', PODS)),
  },
  'polaris:rolebindingClusterAdminRole:disallow-full-wildcard-rules': {
    fail: doc(binding('RoleBinding', 'Role', 'ops'), role('Role', 'ops', FULL)),
    pass: doc(binding('RoleBinding', 'Role', 'ops'), role('Role', 'ops', PODS)),
  },
  'polaris:clusterrolebindingPodExecAttach:restrict-pod-exec-attach-port-forward': {
    fail: doc(binding('ClusterRoleBinding', 'ClusterRole', 'debug'), role('ClusterRole', 'debug', EXEC)),
    pass: doc(binding('ClusterRoleBinding', 'ClusterRole', 'debug'), role('ClusterRole', 'debug', PODS)),
  },
  'polaris:rolebindingClusterRolePodExecAttach:restrict-pod-exec-attach-port-forward': {
    fail: doc(binding('RoleBinding', 'ClusterRole', 'debug'), role('ClusterRole', 'debug', EXEC)),
    pass: doc(binding('RoleBinding', 'ClusterRole', 'debug'), role('ClusterRole', 'debug', PODS)),
  },
  'polaris:rolebindingRolePodExecAttach:restrict-pod-exec-attach-port-forward': {
    fail: doc(binding('RoleBinding', 'Role', 'debug'), role('Role', 'debug', EXEC)),
    pass: doc(binding('RoleBinding', 'Role', 'debug'), role('Role', 'debug', PODS)),
  },
  'polaris:clusterrolePodExecAttach:restrict-pod-exec-attach-port-forward': { fail: role('ClusterRole', 'debug', EXEC), pass: role('ClusterRole', 'debug', PODS) },
  'polaris:rolePodExecAttach:restrict-pod-exec-attach-port-forward': { fail: role('Role', 'debug', EXEC), pass: role('Role', 'debug', PODS) },
  ...Object.fromEntries(['C-0049', 'C-0054', 'C-0206'].map(id => [`kubescape:${id}:require-namespace-network-policy`, {
    fail: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n',
    pass: doc('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n', 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: deny\n  namespace: shop\nspec:\n  podSelector: {}\n  policyTypes: [Ingress]\n'),
  }])),
  'kubescape:C-0004:require-memory-limit': { fail: deployment({ namespace: 'shop', limits: '{cpu: 500m}' }), pass: deployment({ namespace: 'shop', limits: '{memory: 128Mi}' }) },
  'kubescape:C-0050:require-cpu-limit': { fail: deployment({ namespace: 'shop', limits: '{memory: 128Mi}' }), pass: deployment({ namespace: 'shop', limits: '{cpu: 500m}' }) },
  'kubescape:C-0009:require-cpu-limit': { fail: deployment({ namespace: 'shop' }), pass: deployment({ namespace: 'shop', limits: '{cpu: 500m, memory: 128Mi}' }) },
  'kubescape:C-0009:require-memory-limit': { fail: deployment({ namespace: 'shop' }), pass: deployment({ namespace: 'shop', limits: '{cpu: 500m, memory: 128Mi}' }) },
  'kubescape:C-0053:disallow-automounted-token-with-rbac': {
    fail: doc(deployment({ namespace: 'shop', sa: 'web' }), role('Role', 'reader', PODS), binding('RoleBinding', 'Role', 'reader')),
    pass: doc(deployment({ namespace: 'shop', sa: 'web', automount: false }), role('Role', 'reader', PODS), binding('RoleBinding', 'Role', 'reader')),
  },
  'kubescape:C-0261:disallow-service-account-token-automount': { fail: deployment({ namespace: 'shop', sa: 'web' }), pass: deployment({ namespace: 'shop', sa: 'web', automount: false }) },
  'kubescape:C-0239:disallow-default-service-account-binding': {
    fail: doc(role('Role', 'reader', PODS), binding('RoleBinding', 'Role', 'reader', 'default')),
    pass: doc(role('Role', 'reader', PODS), binding('RoleBinding', 'Role', 'reader', 'web')),
  },
  'kubeLinter:access-to-secrets:restrict-secret-read-access': {
    fail: doc(binding('RoleBinding', 'Role', 'secrets'), role('Role', 'secrets', '{apiGroups: [""], resources: ["secrets"], verbs: ["get", "list"]}')),
    pass: doc(binding('RoleBinding', 'Role', 'secrets'), role('Role', 'secrets', PODS)),
  },
  'kubeLinter:access-to-create-pods:restrict-workload-creation': {
    fail: doc(binding('RoleBinding', 'Role', 'deployer'), role('Role', 'deployer', '{apiGroups: [""], resources: ["pods"], verbs: ["create"]}')),
    pass: doc(binding('RoleBinding', 'Role', 'deployer'), role('Role', 'deployer', PODS)),
  },
};

const named = (c: PeerCheck, rule: string) => (ruleById(rule)?.equivalents[c.tool] ?? []).includes(c.id);
// At the rule's own level: a restricted rule may replace it above (default-deny replaces the namespace policy rule).
const fires = (rule: string, text: string) => lint(text, { level: ruleLevel(ruleById(rule)!), enableAll: true }).findings.some(f => f.ruleId === rule);

describe('equivalents: each peer id names the same check', () => {
  it('records real rules and verdicts', () => {
    for (const c of CHECKS) {
      assert.ok(c.checks.length > 20, `${c.tool} ${c.id}: what it checks`);
      if (c.rule) assert.ok(ruleById(c.rule), `${c.tool} ${c.id}: rule ${c.rule} exists`);
      else assert.equal(c.verdict, 'not-mapped', `${c.tool} ${c.id}: a verdict without a rule`);
    }
  });

  it('every kept, added or moved mapping is named by its rule; every removed one is not', () => {
    for (const c of CHECKS) {
      if (!c.rule) continue;
      const expected = c.verdict !== 'removed' && c.verdict !== 'not-mapped';
      assert.equal(named(c, c.rule), expected, `${c.rule} ${expected ? 'names' : 'does not name'} ${c.tool} ${c.id}`);
    }
  });

  it('a check no rule is equivalent to is named by none', () => {
    for (const c of CHECKS.filter(x => x.verdict === 'not-mapped' && !x.rule)) {
      assert.deepEqual(RULES.filter(r => (r.equivalents[c.tool] ?? []).includes(c.id)).map(r => r.id), [], `${c.tool} ${c.id}`);
    }
  });

  const mapped = CHECKS.filter(c => c.rule && c.verdict !== 'removed' && c.verdict !== 'not-mapped');
  it('has a pass/fail pair for every mapping the audit recorded', () => {
    assert.deepEqual(mapped.map(c => `${c.tool}:${c.id}:${c.rule}`).filter(k => !PAIRS[k]), []);
  });

  for (const c of mapped) {
    const key = `${c.tool}:${c.id}:${c.rule}`;
    it(`${key}: fires where the peer fails, silent where it passes`, () => {
      const pair = PAIRS[key];
      assert.ok(pair, 'a pair is written');
      assert.equal(fires(c.rule!, pair.fail), true, 'fires on the failing manifest');
      assert.equal(fires(c.rule!, pair.pass), false, 'silent on the passing manifest');
    });
  }
});
