import * as assert from 'node:assert/strict';
import { lintParsed, parseFile, resolveConfig } from '@kube-harden/server';
import { WorkspaceIndex } from '@kube-harden/server/out/engine/workspace';
import { bindingsFor, boundSeverity, boundSubjects, effectiveRules, isMissingRole, roleFor, rolesAggregatedInto, subjectsOf } from '@kube-harden/server/out/engine/workspace/domains/rbac';
import { effectivePermissions } from '@kube-harden/server/out/engine/workspace/domains/rbac-permissions';
import { yaml } from '../../helpers/manifest';
import { ObjectSummary, summarizeFile } from '@kube-harden/server/out/engine/workspace/summary';

const ROLES = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: monitoring
aggregationRule:
  clusterRoleSelectors:
  - matchLabels: {example.com/aggregate-to-monitoring: "true"}
rules: []
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: monitoring-pods
  labels: {example.com/aggregate-to-monitoring: "true"}
rules:
- apiGroups: [""]
  resources: [pods, pods/log]
  verbs: [get, list]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: reader
  namespace: shop
rules:
- apiGroups: [""]
  resources: [configmaps]
  verbs: [get]
`;

const BINDINGS = `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: web-reader
  namespace: shop
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader}
subjects:
- kind: ServiceAccount
  name: web
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: monitoring
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: monitoring}
subjects:
- {kind: Group, name: "system:serviceaccounts:shop"}
- {kind: ServiceAccount, name: prometheus, namespace: monitoring}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: elsewhere
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: from-a-chart}
subjects: []
`;

function workspace(): { index: WorkspaceIndex; roles: ObjectSummary[]; bindings: ObjectSummary[] } {
  const index = new WorkspaceIndex();
  const roles = summarizeFile('file:///ws/roles.yaml', parseFile(ROLES));
  const bindings = summarizeFile('file:///ws/bindings.yaml', parseFile(BINDINGS));
  index.setFile('file:///ws/roles.yaml', roles);
  index.setFile('file:///ws/bindings.yaml', bindings);
  return { index, roles, bindings };
}

describe('workspace RBAC facts', () => {
  it('summarizes a role\'s rules with the positions of their entries, its aggregation and labels', () => {
    const { roles } = workspace();
    assert.deepEqual(roles[0].role?.aggregation, [{ matchLabels: { 'example.com/aggregate-to-monitoring': 'true' }, matchExpressions: [] }]);
    const rule = roles[1].role!.rules[0];
    assert.deepEqual([rule.apiGroups, rule.resources, rule.verbs], [[''], ['pods', 'pods/log'], ['get', 'list']]);
    // `pods/log` on line 17 (0-based 16), columns 21-28.
    assert.deepEqual(rule.ranges.resources[1], { start: { line: 16, character: 20 }, end: { line: 16, character: 28 } });
    assert.deepEqual(roles[1].labels, { 'example.com/aggregate-to-monitoring': 'true' });
  });

  it('summarizes a binding\'s roleRef and subjects as written', () => {
    const { bindings } = workspace();
    assert.deepEqual(bindings[0].binding, { roleRef: { kind: 'Role', name: 'reader' }, subjects: [{ kind: 'ServiceAccount', name: 'web' }] });
    assert.deepEqual(bindings[1].binding?.subjects[1], { kind: 'ServiceAccount', name: 'prometheus', namespace: 'monitoring' });
  });

  it('resolves a RoleBinding\'s ServiceAccount without namespace in the binding\'s namespace', () => {
    const { index, bindings } = workspace();
    assert.deepEqual(subjectsOf(index, bindings[0]), [{ kind: 'ServiceAccount', name: 'web', namespace: 'shop', index: 0 }]);
  });

  it('finds the role of a binding: a Role in the binding\'s namespace, a ClusterRole, a built-in', () => {
    const { index, roles, bindings } = workspace();
    assert.equal(roleFor(index, bindings[0])?.object, roles[2]);
    assert.equal(roleFor(index, bindings[1])?.object, roles[0]);
    assert.equal(roleFor(index, bindings[2]), undefined);
    assert.equal(isMissingRole(index, bindings[2]), true);
    assert.equal(isMissingRole(index, bindings[0]), false);
  });

  it('follows aggregation to the labelled ClusterRoles, and the built-in admin through edit to view', () => {
    const { index, roles, bindings } = workspace();
    const monitoring = roleFor(index, bindings[1])!;
    assert.deepEqual(rolesAggregatedInto(index, monitoring).map(r => r.object), [roles[1]]);
    assert.deepEqual(effectiveRules(index, monitoring).map(r => r.role.name), ['monitoring-pods']);
    const admin = roleFor(index, { ...bindings[2], binding: { roleRef: { kind: 'ClusterRole', name: 'admin' }, subjects: [] } })!;
    assert.deepEqual([...new Set(effectiveRules(index, admin).map(r => r.role.name))], ['system:aggregate-to-view', 'system:aggregate-to-edit', 'system:aggregate-to-admin']);
  });

  it('lists the bindings of a ServiceAccount, by name and through its groups', () => {
    const { index, bindings } = workspace();
    const found = bindingsFor(index, { namespace: 'shop', name: 'web' });
    assert.deepEqual(found.map(f => [f.binding.name, f.viaGroup]), [['web-reader', undefined], ['monitoring', 'system:serviceaccounts:shop']]);
    assert.deepEqual(bindingsFor(index, { namespace: 'shop', name: 'web' }, { groups: false }).map(f => f.binding), [bindings[0]]);
    assert.deepEqual(bindingsFor(index, { namespace: 'prod', name: 'web' }), []);
    const asUser = summarizeFile('file:///ws/user.yaml', parseFile(BINDINGS.split('---\n')[0].replace('name: web-reader', 'name: as-user').replace('- kind: ServiceAccount\n  name: web', '- kind: User\n  name: system:serviceaccount:prod:web')));
    index.setFile('file:///ws/user.yaml', asUser);
    assert.deepEqual(bindingsFor(index, { namespace: 'prod', name: 'web' }).map(f => f.binding.name), ['as-user']);
  });

  it('tells which bindings hand out a role, directly or through aggregation', () => {
    const { index, roles } = workspace();
    assert.deepEqual(boundSubjects(index, roles[1]).map(s => [s.binding.name, s.subject.name]), [['monitoring', 'system:serviceaccounts:shop'], ['monitoring', 'prometheus']]);
    assert.deepEqual(boundSubjects(index, roles[2]).map(s => s.subject.name), ['web']);
  });

  it('raises the severity of a role-level finding one step when the role is bound', () => {
    const { index, roles } = workspace();
    assert.equal(boundSeverity(index, roles[1], 'warning'), 'error');
    assert.equal(boundSeverity(index, roles[2], 'info'), 'warning');
    assert.equal(boundSeverity(index, roles[1], 'error'), undefined);
    index.removeFile('file:///ws/bindings.yaml');
    assert.equal(boundSeverity(index, roles[1], 'warning'), undefined);
  });

  it('lists the effective permissions of a ServiceAccount: bindings, scope, roles reached through aggregation, dangers', () => {
    const { index } = workspace();
    const grants = effectivePermissions(index, { kind: 'ServiceAccount', namespace: 'shop', name: 'web' });
    assert.deepEqual(grants.map(g => [g.binding.name, g.viaGroup, g.namespace, g.roleRef.name, g.rules.map(r => `${r.from.name}:${r.rule.resources.join('+')}`)]), [
      ['web-reader', undefined, 'shop', 'reader', ['reader:configmaps']],
      ['monitoring', 'system:serviceaccounts:shop', undefined, 'monitoring', ['monitoring-pods:pods+pods/log']],
    ]);
    assert.deepEqual(grants.flatMap(g => g.rules.flatMap(r => r.dangers)), []);
    const prometheus = effectivePermissions(index, { kind: 'ServiceAccount', namespace: 'monitoring', name: 'prometheus' });
    assert.deepEqual(prometheus.map(g => g.binding.name), ['monitoring']);
    assert.deepEqual(effectivePermissions(index, { kind: 'Group', name: 'system:serviceaccounts:shop' }).map(g => g.binding.name), ['monitoring']);
    assert.deepEqual(effectivePermissions(index, { kind: 'User', name: 'web' }), []);
  });

  it('drops what it computed when a file changes', () => {
    const { index } = workspace();
    assert.equal(bindingsFor(index, { namespace: 'shop', name: 'web' }).length, 2);
    index.removeFile('file:///ws/bindings.yaml');
    assert.equal(bindingsFor(index, { namespace: 'shop', name: 'web' }).length, 0);
  });

  it('moving a role\'s text is no change of facts', () => {
    const { index } = workspace();
    assert.equal(index.setFile('file:///ws/roles.yaml', summarizeFile('file:///ws/roles.yaml', parseFile(`# moved\n${ROLES}`))), false);
  });
});

// Two namespace-less apps of one repository are usually applied to different namespaces: a
// binding reaches a pod's account, or names a Role, only when it is applied with them (same
// file or folder tree). A guess never makes a finding.
describe('workspace: RBAC across guessed namespaces', () => {
  const DEPLOY = yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
    spec:
      selector: {matchLabels: {app: web}}
      template:
        metadata: {labels: {app: web}}
        spec:
          serviceAccountName: web
          containers:
          - name: app
            image: nginx:1.27
  `;
  const ROLE = yaml`
    apiVersion: rbac.authorization.k8s.io/v1
    kind: Role
    metadata:
      name: reader
    rules:
    - apiGroups: [""]
      resources: [secrets]
      verbs: [get, list]
  `;
  const BINDING = yaml`
    apiVersion: rbac.authorization.k8s.io/v1
    kind: RoleBinding
    metadata:
      name: web-reader
    roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader}
    subjects:
    - kind: ServiceAccount
      name: web
  `;
  const RULES = ['disallow-automounted-token-with-rbac', 'disallow-service-account-admin-rights', 'disallow-dangerous-role-binding', 'disallow-missing-binding-role'];
  const config = resolveConfig({ rules: Object.fromEntries(RULES.map(r => [r, 'warning' as const])) });

  function findings(files: Record<string, string>, uri: string): string[] {
    const ix = new WorkspaceIndex();
    for (const [u, text] of Object.entries(files)) ix.setFile(u, summarizeFile(u, parseFile(text)));
    return lintParsed(parseFile(files[uri]), config, { uri, workspace: ix }).findings.map(f => f.ruleId).filter(id => RULES.includes(id));
  }

  /** The bindings the Role's Secrets finding points at: the ones known to hand it out. */
  function bindingsOfRole(files: Record<string, string>, uri: string): string[] {
    const ix = new WorkspaceIndex();
    for (const [u, text] of Object.entries(files)) if (u !== uri) ix.setFile(u, summarizeFile(u, parseFile(text)));
    // The Role's own summaries are the index's, as the language server passes them.
    const parsed = parseFile(files[uri]);
    const summaries = summarizeFile(uri, parsed);
    ix.setFile(uri, summaries);
    const found = lintParsed(parsed, config, { uri, workspace: ix, summaries }).findings.filter(f => f.ruleId === 'restrict-secret-read-access');
    return found.flatMap(f => f.related.map(r => r.uri));
  }

  it('a binding of another app\'s folder does not reach the pod, nor name another app\'s Role', () => {
    const files = { 'file:///repo/shop/deploy.yaml': DEPLOY, 'file:///repo/blog/rbac.yaml': BINDING, 'file:///repo/wiki/role.yaml': ROLE };
    assert.deepEqual(findings(files, 'file:///repo/shop/deploy.yaml'), []);
    // Not known to be missing either: a Role of that name may be the one it is applied with.
    assert.deepEqual(findings(files, 'file:///repo/blog/rbac.yaml'), []);
    assert.deepEqual(bindingsOfRole(files, 'file:///repo/wiki/role.yaml'), []);
  });

  it('applied together (one folder tree), they are the same namespace\'s', () => {
    const files = { 'file:///repo/shop/deploy.yaml': DEPLOY, 'file:///repo/shop/rbac/binding.yaml': BINDING, 'file:///repo/shop/rbac/role.yaml': ROLE };
    assert.deepEqual(findings(files, 'file:///repo/shop/deploy.yaml'), ['disallow-automounted-token-with-rbac']);
    // The Role's grant is reported on the Role, naming the binding that hands it out.
    assert.deepEqual(findings(files, 'file:///repo/shop/rbac/binding.yaml'), []);
    assert.deepEqual(bindingsOfRole(files, 'file:///repo/shop/rbac/role.yaml'), ['file:///repo/shop/rbac/binding.yaml']);
  });

  it('written namespaces match wherever the files are', () => {
    const ns = (text: string) => text.replace(/name: (web|reader|web-reader)\n/, 'name: $1\n  namespace: shop\n');
    const files = { 'file:///repo/a/deploy.yaml': ns(DEPLOY), 'file:///repo/b/rbac.yaml': ns(BINDING), 'file:///repo/c/role.yaml': ns(ROLE) };
    assert.deepEqual(findings(files, 'file:///repo/a/deploy.yaml'), ['disallow-automounted-token-with-rbac']);
    assert.deepEqual(findings(files, 'file:///repo/b/rbac.yaml'), []);
    assert.deepEqual(bindingsOfRole(files, 'file:///repo/c/role.yaml'), ['file:///repo/b/rbac.yaml']);
  });
});
