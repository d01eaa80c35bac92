import * as assert from 'node:assert/strict';
import { parseFile, ruleById } from '@kube-harden/server';
import { assessRules, DANGERS, WILDCARD_RULE_IDS, grants, grantsSomeName, groupsOf, isAggregated, matchRule, policyRulesOf } from '@kube-harden/server/out/engine/model/rbac';
import type { PolicyRuleData } from '@kube-harden/server/out/engine/model/rbac';
import { yaml } from '../../helpers/manifest';

const rule = (r: Partial<PolicyRuleData>): PolicyRuleData => ({ apiGroups: [''], resources: [], verbs: [], resourceNames: [], nonResourceURLs: [], ...r });

describe('RBAC rule matching (the API server RuleAllows)', () => {
  it('matches verbs literally or by "*"', () => {
    const r = rule({ resources: ['pods'], verbs: ['get', 'list'] });
    assert.equal(grants(r, { verb: 'get', group: '', resource: 'pods' }), true);
    assert.equal(grants(r, { verb: 'watch', group: '', resource: 'pods' }), false);
    assert.equal(grants(rule({ resources: ['pods'], verbs: ['*'] }), { verb: 'escalate', group: '', resource: 'pods' }), true);
    // Verbs are case-sensitive: `GET` is not `get`.
    assert.equal(grants(rule({ resources: ['pods'], verbs: ['GET'] }), { verb: 'get', group: '', resource: 'pods' }), false);
  });

  it('treats "" as the core group only and "*" as every group', () => {
    const deployments = { verb: 'create', group: 'apps', resource: 'deployments' };
    assert.equal(grants(rule({ apiGroups: [''], resources: ['deployments'], verbs: ['create'] }), deployments), false);
    assert.equal(grants(rule({ apiGroups: ['apps'], resources: ['deployments'], verbs: ['create'] }), deployments), true);
    assert.equal(grants(rule({ apiGroups: ['*'], resources: ['deployments'], verbs: ['create'] }), deployments), true);
    assert.equal(grants(rule({ apiGroups: ['*'], resources: ['deployments'], verbs: ['create'] }), { ...deployments, group: '' }), true);
    // No apiGroups at all grants nothing.
    assert.equal(grants(rule({ apiGroups: [], resources: ['pods'], verbs: ['get'] }), { verb: 'get', group: '', resource: 'pods' }), false);
  });

  it('"*" resources match every resource and subresource', () => {
    const r = rule({ resources: ['*'], verbs: ['create'] });
    assert.equal(grants(r, { verb: 'create', group: '', resource: 'pods' }), true);
    assert.equal(grants(r, { verb: 'create', group: '', resource: 'pods', subresource: 'exec' }), true);
    assert.equal(grants(r, { verb: 'create', group: '', resource: 'pods/exec' }), true);
  });

  it('a resource does not match its subresources, nor a subresource its resource', () => {
    const pods = rule({ resources: ['pods'], verbs: ['create', 'get'] });
    assert.equal(grants(pods, { verb: 'create', group: '', resource: 'pods/exec' }), false);
    const exec = rule({ resources: ['pods/exec'], verbs: ['create'] });
    assert.equal(grants(exec, { verb: 'create', group: '', resource: 'pods', subresource: 'exec' }), true);
    assert.equal(grants(exec, { verb: 'create', group: '', resource: 'pods' }), false);
    assert.equal(grants(exec, { verb: 'create', group: '', resource: 'pods/attach' }), false);
  });

  it('"*/subresource" matches that subresource of any resource, only that one', () => {
    const scale = rule({ apiGroups: ['*'], resources: ['*/scale'], verbs: ['update'] });
    assert.equal(grants(scale, { verb: 'update', group: 'apps', resource: 'deployments/scale' }), true);
    assert.equal(grants(scale, { verb: 'update', group: '', resource: 'replicationcontrollers', subresource: 'scale' }), true);
    assert.equal(grants(scale, { verb: 'update', group: 'apps', resource: 'deployments' }), false);
    assert.equal(grants(scale, { verb: 'update', group: 'apps', resource: 'deployments/status' }), false);
    // A longer subresource that merely ends with the same text does not match.
    assert.equal(grants(scale, { verb: 'update', group: 'x', resource: 'things/autoscale' }), false);
  });

  it('"pods/*" is no wildcard: it names a subresource called "*"', () => {
    const r = rule({ resources: ['pods/*'], verbs: ['create'] });
    assert.equal(grants(r, { verb: 'create', group: '', resource: 'pods/exec' }), false);
    assert.equal(grants(r, { verb: 'create', group: '', resource: 'pods' }), false);
  });

  it('resourceNames narrow a rule to the named objects', () => {
    const r = rule({ resources: ['secrets'], verbs: ['get', 'list'], resourceNames: ['app-tls'] });
    assert.equal(grants(r, { verb: 'get', group: '', resource: 'secrets', resourceName: 'app-tls' }), true);
    assert.equal(grants(r, { verb: 'get', group: '', resource: 'secrets', resourceName: 'db' }), false);
    // A list of the whole collection carries no name: the named rule does not grant it.
    assert.equal(grants(r, { verb: 'list', group: '', resource: 'secrets' }), false);
    assert.equal(grantsSomeName(r, { verb: 'list', group: '', resource: 'secrets' }), true);
    // Without resourceNames every name, and no name, is granted.
    const all = rule({ resources: ['secrets'], verbs: ['get'] });
    assert.equal(grants(all, { verb: 'get', group: '', resource: 'secrets', resourceName: 'db' }), true);
    assert.equal(grants(all, { verb: 'get', group: '', resource: 'secrets' }), true);
    // `*` in resourceNames is literal.
    const star = rule({ resources: ['secrets'], verbs: ['get'], resourceNames: ['*'] });
    assert.equal(grants(star, { verb: 'get', group: '', resource: 'secrets', resourceName: 'db' }), false);
  });

  it('nonResourceURLs-only rules grant no resource', () => {
    const r = rule({ apiGroups: [], verbs: ['*'], nonResourceURLs: ['*'] });
    assert.equal(grants(r, { verb: 'get', group: '', resource: 'secrets' }), false);
  });

  it('reports which entries matched', () => {
    const r = rule({ apiGroups: ['', '*'], resources: ['configmaps', '*', 'secrets'], verbs: ['list', '*', 'get'] });
    assert.deepEqual(matchRule(r, { verb: 'get', group: '', resource: 'secrets' }), { verbs: [1, 2], apiGroups: [0, 1], resources: [1, 2] });
  });

  it('knows the groups of the catalogue resources', () => {
    assert.deepEqual(groupsOf('pods/exec'), ['']);
    assert.deepEqual(groupsOf('deployments'), ['apps']);
    assert.deepEqual(groupsOf('events'), ['', 'events.k8s.io']);
    assert.deepEqual(groupsOf('certificatesigningrequests/approval'), ['certificates.k8s.io']);
    assert.equal(groupsOf('widgets'), undefined);
    for (const d of DANGERS) for (const r of [...d.grant.resources, ...(d.with?.resources ?? [])]) assert.ok(groupsOf(r), `${d.row}: group of ${r}`);
  });
});

describe('policyRulesOf', () => {
  it('reads each entry with its node, aliases resolved, non-strings dropped', () => {
    const text = yaml`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata:
        name: r
      rules:
      - apiGroups: [""]
        resources: &res
        - pods
        - ~
        - secrets
        verbs: ["get", "*"]
      - nonResourceURLs: ["/metrics"]
        verbs: [get]
      - apiGroups: [apps]
        resources: *res
        verbs: [list]
    `;
    const o = parseFile(text).documents[0].objects[0];
    const rules = policyRulesOf(o);
    assert.equal(rules.length, 3);
    assert.deepEqual(rules[0].data, { apiGroups: [''], resources: ['pods', 'secrets'], verbs: ['get', '*'], resourceNames: [], nonResourceURLs: [] });
    assert.deepEqual(rules[0].resources.entries.map(e => e.index), [0, 2]);
    const star = rules[0].verbs.entries[1];
    assert.equal(text.slice(star.node.range![0], star.node.range![1]), '"*"');
    assert.deepEqual(rules[1].data.nonResourceURLs, ['/metrics']);
    assert.deepEqual(rules[2].data.resources, ['pods', 'secrets']);
    assert.equal(isAggregated(o), false);
  });

  it('reads only rbac.authorization.k8s.io Roles and ClusterRoles', () => {
    const o = parseFile('apiVersion: example.com/v1\nkind: Role\nmetadata:\n  name: x\nrules:\n- verbs: ["*"]\n').documents[0].objects[0];
    assert.deepEqual(policyRulesOf(o), []);
  });
});

describe('assessRules', () => {
  const rows = (rules: PolicyRuleData[]) => assessRules(rules).map(g => `${g.ruleIndex}:${g.row}:${g.at.field}[${g.at.index}]`);

  it('reports a full wildcard once, as RB03', () => {
    assert.deepEqual(rows([rule({ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }), rule({ apiGroups: [], verbs: ['*'], nonResourceURLs: ['*'] })]), ['0:RB03:apiGroups[0]']);
  });

  it('reports wildcard verbs and resources separately; specific rows only with a specific entry', () => {
    assert.deepEqual(rows([rule({ resources: ['*'], verbs: ['get'] })]), ['0:RB02:resources[0]']);
    assert.deepEqual(rows([rule({ resources: ['secrets'], verbs: ['*'] })]), ['0:RB01:verbs[0]', '0:RB05:resources[0]', '0:RB10:resources[0]']);
    const expanded = assessRules([rule({ resources: ['*'], verbs: ['get'] })], { expandWildcards: true }).map(g => g.row);
    assert.deepEqual(expanded, ['RB02', 'RB05', 'RB06', 'RB07', 'RB08', 'RB16']);
  });

  it('narrows by resourceNames where the catalogue says every object', () => {
    assert.deepEqual(rows([rule({ resources: ['secrets'], verbs: ['get'], resourceNames: ['tls'] })]), []);
    assert.deepEqual(rows([rule({ apiGroups: ['rbac.authorization.k8s.io'], resources: ['clusterroles'], verbs: ['bind'], resourceNames: ['view'] })]), []);
    // ... but one named role is enough to escalate through.
    assert.deepEqual(rows([rule({ apiGroups: ['rbac.authorization.k8s.io'], resources: ['clusterroles'], verbs: ['escalate'], resourceNames: ['view'] })]), ['0:RB11:verbs[0]']);
  });

  it('points escalation verbs at the verb, and at the resource when the verb is "*"', () => {
    assert.deepEqual(rows([rule({ apiGroups: ['rbac.authorization.k8s.io'], resources: ['roles'], verbs: ['get', 'escalate'] })]), ['0:RB11:verbs[1]']);
    assert.deepEqual(rows([rule({ apiGroups: ['rbac.authorization.k8s.io'], resources: ['roles'], verbs: ['*'] })]), ['0:RB01:verbs[0]', '0:RB11:resources[0]', '0:RB12:resources[0]']);
  });

  it('needs both grants for the combined rows, across rules', () => {
    const create = rule({ apiGroups: ['rbac.authorization.k8s.io'], resources: ['rolebindings'], verbs: ['create'] });
    const bind = rule({ apiGroups: ['rbac.authorization.k8s.io'], resources: ['clusterroles'], verbs: ['bind'] });
    assert.deepEqual(rows([create]), []);
    const both = assessRules([create, bind]);
    assert.deepEqual(both.map(g => `${g.ruleIndex}:${g.row}`), ['0:RB14', '1:RB12']);
    assert.equal(both[0].withRuleIndex, 1);
    assert.equal(both[0].detail, '"create" on "rolebindings" and "bind" on "clusterroles"');
    // bind restricted to named roles is the documented way to delegate: no RB14.
    assert.deepEqual(rows([create, { ...bind, resourceNames: ['view'] }]), []);
    const csr = rule({ apiGroups: ['certificates.k8s.io'], resources: ['certificatesigningrequests/approval'], verbs: ['update'] });
    assert.deepEqual(rows([csr]), []);
    assert.deepEqual(rows([csr, rule({ apiGroups: ['certificates.k8s.io'], resources: ['signers'], verbs: ['approve'], resourceNames: ['example.com/x'] })]), ['0:RB18:resources[0]']);
    // Shown only through a `*` resource, the combined row is the wildcard finding's to answer
    // for, when the role holds the second grant (in the same rule or another).
    const wildCreate = rule({ apiGroups: ['rbac.authorization.k8s.io'], resources: ['*'], verbs: ['create'] });
    const absorbed = (rules: ReturnType<typeof rule>[]) => assessRules(rules).map(g => `${g.ruleIndex}:${g.row}:${(g.absorbs ?? []).join('+')}`);
    assert.deepEqual(absorbed([wildCreate]), ['0:RB02:']);
    assert.deepEqual(absorbed([wildCreate, bind]), ['0:RB02:RB14', '1:RB12:']);
    // bind named beside it is reported on its verb; the binding creation still through the `*`.
    assert.deepEqual(absorbed([{ ...wildCreate, verbs: ['create', 'bind'] }]), ['0:RB02:RB14', '0:RB12:']);
    const selfExtend = assessRules([rule({ apiGroups: ['rbac.authorization.k8s.io'], resources: ['rolebindings'], verbs: ['get', 'patch'] })]);
    assert.deepEqual(selfExtend.map(g => `${g.row}:${g.at.field}[${g.at.index}]:${g.detail}`), ['RB15:resources[0]:"get", "patch" on "rolebindings"']);
  });

  it('ignores grants in the wrong API group', () => {
    assert.deepEqual(rows([rule({ apiGroups: [''], resources: ['deployments'], verbs: ['create', 'delete'] })]), []);
    assert.deepEqual(rows([rule({ apiGroups: ['apps'], resources: ['deployments'], verbs: ['create'] })]), ['0:RB09:resources[0]']);
  });

  it('RB24 needs aws-auth named; RB23 any configmap', () => {
    assert.deepEqual(rows([rule({ resources: ['configmaps'], verbs: ['update'], resourceNames: ['aws-auth'] })]), ['0:RB24:resources[0]']);
    assert.deepEqual(rows([rule({ resources: ['configmaps'], verbs: ['patch'] })]), ['0:RB23:resources[0]']);
  });

  it('counts for a Role only what can be granted in one namespace', () => {
    const nodes = rule({ resources: ['nodes/proxy', 'persistentvolumes'], verbs: ['get', 'create'] });
    assert.deepEqual(rows([nodes]), ['0:RB16:resources[0]', '0:RB20:resources[1]']);
    assert.deepEqual(assessRules([nodes], { scope: 'namespace' }), []);
    const impersonate = rule({ resources: ['users', 'serviceaccounts'], verbs: ['impersonate'] });
    assert.deepEqual(assessRules([impersonate], { scope: 'namespace' }).map(g => g.resources), [['serviceaccounts']]);
    // A RoleBinding's bind check runs in its namespace, for a ClusterRole it refers to too.
    const bind = rule({ apiGroups: ['rbac.authorization.k8s.io'], resources: ['clusterroles'], verbs: ['bind'] });
    assert.deepEqual(assessRules([bind], { scope: 'namespace' }).map(g => g.row), ['RB12']);
    const create = rule({ apiGroups: ['rbac.authorization.k8s.io'], resources: ['clusterrolebindings'], verbs: ['create'] });
    assert.deepEqual(assessRules([create, bind], { scope: 'namespace' }).map(g => g.row), ['RB12']);
  });

  it('names, for every row, a registered rule that covers it', () => {
    const rows: Array<[string, string]> = [...Object.entries(WILDCARD_RULE_IDS), ...DANGERS.map(d => [d.row, d.ruleId] as [string, string])];
    assert.equal(rows.length, 25);
    for (const [row, id] of rows) assert.ok(ruleById(id)?.covers.includes(row), `${row}: ${id} covers it`);
  });
});
