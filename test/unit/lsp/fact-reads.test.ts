// Each named set of facts the rules declare they read (workspace/reads.ts), proven by an edit of
// exactly that fact in one file that must change the findings of another: the editor's lint of
// the other file (reusing what it may) equals a lint from scratch, and differs from before.
import * as assert from 'node:assert/strict';
import { lintParsed, parseFile, resolveConfig, RULES, summarizeFile, WorkspaceIndex } from '@kube-harden/server';
import type { Finding, ResolvedConfig } from '@kube-harden/server';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { modelCache } from '../../helpers/model-cache';

interface Case {
  name: string;
  /** The file edited. */
  edited: string;
  /** The file whose findings depend on the edited fact. */
  dependant: string;
  /** The edit: this text of the edited file replaced. */
  from: string;
  to: string;
  /** A rule whose findings on the dependant the edit changes. */
  rule: string;
  /** Only that rule on: other rules would re-read the model for other facts the edit changes. */
  alone?: boolean;
}

const deployment = (name: string, labels: string, extra = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: shop
spec:
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {${labels}}
    spec:${extra}
      containers:
      - name: app
        image: nginx:1.27
`;

const CASES: Case[] = [
  {
    name: 'a pod label a Service selects (workload labels)',
    edited: deployment('web', 'app: web'),
    dependant: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  selector: {app: web}\n  ports:\n  - port: 80\n',
    from: 'labels: {app: web}', to: 'labels: {app: webx}',
    rule: 'disallow-dangling-service',
  },
  {
    name: 'a pod label a NetworkPolicy selects (workload labels)',
    edited: deployment('web', 'app: web'),
    dependant: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  podSelector:\n    matchLabels: {app: web}\n  policyTypes: [Ingress]\n',
    from: 'labels: {app: web}', to: 'labels: {app: webx}',
    rule: 'disallow-dangling-network-policy',
  },
  {
    name: 'the account a pod runs as (workload accounts)',
    edited: deployment('web', 'app: web', '\n      serviceAccountName: web'),
    dependant: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n',
    from: 'serviceAccountName: web', to: 'serviceAccountName: default',
    rule: 'require-namespace-service-account',
  },
  {
    name: 'host access of a pod (workload host access)',
    edited: deployment('agent', 'app: agent', '\n      hostPID: false'),
    dependant: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n',
    from: 'hostPID: false', to: 'hostPID: true',
    rule: 'require-namespace-pod-security',
  },
  {
    name: 'a pod on the host network (workload host network)',
    edited: deployment('web', 'app: web', '\n      hostNetwork: true'),
    dependant: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n',
    from: 'hostNetwork: true', to: 'hostNetwork: false',
    rule: 'require-default-deny-network-policy',
  },
  {
    name: 'a Service name an Ingress backend names (services)',
    edited: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  selector: {app: web}\n  ports:\n  - port: 80\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: other\n  namespace: shop\nspec:\n  ports:\n  - port: 80\n',
    dependant: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  rules:\n  - http:\n      paths:\n      - path: /\n        pathType: Prefix\n        backend:\n          service:\n            name: web\n            port:\n              number: 80\n',
    from: '  name: web\n  namespace: shop\nspec:\n  selector', to: '  name: webx\n  namespace: shop\nspec:\n  selector',
    rule: 'disallow-dangling-ingress-backend',
  },
  {
    name: 'a ConfigMap an env reference names (config data)',
    edited: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: shop\ndata:\n  mode: quiet\n',
    dependant: deployment('web', 'app: web').replace('        image: nginx:1.27\n', '        image: nginx:1.27\n        envFrom:\n        - configMapRef:\n            name: settings\n'),
    from: 'name: settings', to: 'name: settingsx',
    rule: 'disallow-dangling-env-references',
  },
  {
    name: 'the defaults of a LimitRange (limit ranges)',
    edited: 'apiVersion: v1\nkind: LimitRange\nmetadata:\n  name: defaults\n  namespace: shop\nspec:\n  limits:\n  - type: Container\n    default:\n      memory: 256Mi\n',
    dependant: deployment('web', 'app: web'),
    from: '      memory: 256Mi', to: '      cpu: 500m',
    rule: 'require-memory-limit',
  },
  {
    name: 'whether an account automounts its token (service accounts)',
    edited: 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: web\n  namespace: shop\nautomountServiceAccountToken: false\n',
    dependant: deployment('web', 'app: web', '\n      serviceAccountName: web'),
    from: 'automountServiceAccountToken: false', to: 'automountServiceAccountToken: true',
    rule: 'disallow-service-account-token-automount',
  },
  {
    name: 'a binding of a role (RBAC): the role it hands out is more urgent',
    edited: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: reader\n  namespace: shop\nsubjects:\n- kind: ServiceAccount\n  name: web\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: Role\n  name: reader\n',
    dependant: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: reader\n  namespace: shop\nrules:\n- apiGroups: [""]\n  resources: [secrets]\n  verbs: [get, list]\n',
    from: '  kind: Role\n  name: reader', to: '  kind: Role\n  name: other',
    rule: 'restrict-secret-read-access',
  },
  {
    name: 'workloads beside a NetworkPolicy whose namespace is a guess (it speaks only for them)',
    edited: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: other\nspec:\n  podSelector:\n    matchLabels: {app: other}\n  policyTypes: [Ingress]\n'
      + '---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: other\n  labels: {app: other}\nspec:\n  containers:\n  - name: app\n    image: nginx:1.27\n',
    dependant: deployment('web', 'app: web').replace('  namespace: shop\n', ''),
    // The Pod goes: the policy now speaks for the Deployment of the other file (named as related).
    from: 'kind: Pod', to: 'kind: ConfigMap',
    rule: 'require-network-policy',
    alone: true,
  },
];

const seen = (f: Finding) => `${f.ruleId} ${f.severity} ${f.range.start.line}:${f.range.start.character} ${f.message} ${f.related.length}`;

describe('lsp: every declared read set is re-read when its fact changes', () => {
  const every = resolveConfig({ enableAll: true });
  const EDITED = 'file:///w/edited.yaml';
  const DEPENDANT = 'file:///w/dependant.yaml';

  function fresh(edited: string, dependant: string, resolved: ResolvedConfig): string[] {
    const index = new WorkspaceIndex();
    const a = parseFile(edited), b = parseFile(dependant);
    index.setFile(EDITED, summarizeFile(EDITED, a));
    index.setFile(DEPENDANT, summarizeFile(DEPENDANT, b));
    return lintParsed(b, resolved, { uri: DEPENDANT, workspace: index }).findings.map(seen);
  }

  for (const c of CASES) {
    it(c.name, () => {
      const resolved = c.alone ? resolveConfig({ enableAll: true }, RULES.filter(r => r.id === c.rule)) : every;
      assert.ok(c.edited.includes(c.from), 'the edit applies');
      const after = c.edited.replace(c.from, c.to);
      const before = fresh(c.edited, c.dependant, resolved);
      const expected = fresh(after, c.dependant, resolved);
      // The case is about something: the edit changes what the rule says of the dependant.
      assert.notDeepEqual(before.filter(s => s.startsWith(`${c.rule} `)), expected.filter(s => s.startsWith(`${c.rule} `)));
      const { cache } = modelCache();
      let edited = TextDocument.create(EDITED, 'yaml', 1, c.edited);
      const dependant = TextDocument.create(DEPENDANT, 'yaml', 1, c.dependant);
      cache.lint(edited, resolved);
      cache.lint(dependant, resolved);
      cache.lint(edited, resolved);
      assert.deepEqual(cache.lint(dependant, resolved).findings.map(seen), before);
      const at = edited.positionAt(c.edited.indexOf(c.from));
      const end = edited.positionAt(c.edited.indexOf(c.from) + c.from.length);
      edited = TextDocument.update(edited, [{ range: { start: at, end }, text: c.to }], 2);
      cache.lint(edited, resolved);
      assert.deepEqual(cache.lint(dependant, resolved).findings.map(seen), expected);
    });
  }
});
