import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

const PSA = (enforce: string, version = 'v1.37') => [
  `pod-security.kubernetes.io/enforce: ${enforce}`, `pod-security.kubernetes.io/enforce-version: ${version}`,
  `pod-security.kubernetes.io/audit: restricted`, `pod-security.kubernetes.io/audit-version: ${version}`,
  `pod-security.kubernetes.io/warn: restricted`, `pod-security.kubernetes.io/warn-version: ${version}`,
];
const RESTRICTED = 'Add Pod Security Admission labels (enforce restricted)';
const BASELINE = 'Add Pod Security Admission labels (enforce baseline, warn and audit restricted)';

const SHOP = yaml`
  apiVersion: v1
  kind: Namespace
  metadata:
    name: shop
    labels:
      team: checkout  # owners
  ---
  apiVersion: v1
  kind: ConfigMap
  metadata:
    name: c
    namespace: shop
`;

const withLabels = (enforce: string) => SHOP.replace('    team: checkout  # owners\n', `    team: checkout  # owners\n${PSA(enforce).map(l => `    ${l}\n`).join('')}`);

ruleTester('require-namespace-pod-security', {
  valid: [
    'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    pod-security.kubernetes.io/enforce: restricted\n',
    { name: 'baseline is a level', code: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels: {pod-security.kubernetes.io/enforce: baseline}\n' },
    { name: 'the version label is not required: latest is the stricter choice', code: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    pod-security.kubernetes.io/enforce: restricted\n    pod-security.kubernetes.io/enforce-version: latest\n' },
    { name: 'the cluster\'s own namespaces are not checked', code: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: kube-system\n' },
    { name: 'a kustomize patch leaves the labels to the base', code: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  annotations: {owner: a}\n', files: { 'kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n- base.yaml\npatches:\n- path: case.yaml\n' } },
    { name: 'only Namespaces', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: shop\n' },
  ],
  invalid: [
    {
      name: 'node agents in the namespace: privileged is what it can enforce, and the finding names them',
      code: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: agents\n',
      files: {
        'ds.yaml': 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: cni, namespace: agents}\nspec:\n  template:\n    spec:\n      hostNetwork: true\n      containers: [{name: c, image: c:1, securityContext: {privileged: true}}]\n      volumes: [{name: h, hostPath: {path: /opt/cni}}]\n',
        'web.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ui, namespace: agents}\nspec:\n  template:\n    spec:\n      containers: [{name: c, image: c:1}]\n',
      },
      errors: [{
        messageId: 'missingHostAccess', line: 4, column: 9, endLine: 4, endColumn: 15,
        message: 'Namespace "agents" enforces no Pod Security level: any pod may be created in it. DaemonSet "cni" needs host access that baseline refuses (privileged, hostNetwork, hostPath), so the namespace can enforce only privileged: label it pod-security.kubernetes.io/enforce: privileged with warn and audit at baseline, or move those workloads to a namespace of their own and enforce restricted here.',
        suggestions: [{
          title: 'Add Pod Security Admission labels (enforce privileged, warn and audit baseline)',
          output: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: agents\n  labels:\n    pod-security.kubernetes.io/enforce: privileged\n    pod-security.kubernetes.io/enforce-version: v1.37\n    pod-security.kubernetes.io/audit: baseline\n    pod-security.kubernetes.io/audit-version: v1.37\n    pod-security.kubernetes.io/warn: baseline\n    pod-security.kubernetes.io/warn-version: v1.37\n',
        }],
      }],
    },
    {
      name: 'no enforce label: the labels are added to the existing ones',
      code: SHOP,
      errors: [{
        messageId: 'missing', line: 5, column: 3, endLine: 5, endColumn: 9, severity: 'warning', data: { namespace: 'shop' },
        suggestions: [{ title: RESTRICTED, output: withLabels('restricted') }, { title: BASELINE, output: withLabels('baseline') }],
      }],
    },
    {
      name: 'no labels at all: reported at the name, labels created',
      code: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n',
      errors: [{
        messageId: 'missing', line: 4, column: 9, endLine: 4, endColumn: 13,
        suggestions: [
          { title: RESTRICTED, output: `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n${PSA('restricted').map(l => `    ${l}\n`).join('')}` },
          { title: BASELINE, output: `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n${PSA('baseline').map(l => `    ${l}\n`).join('')}` },
        ],
      }],
    },
    {
      name: 'privileged is information, and the suggestions replace it (flow style, CRLF, version from the configured policy)',
      version: 'v1.30',
      code: 'apiVersion: v1\r\nkind: Namespace\r\nmetadata: {name: agents, labels: {pod-security.kubernetes.io/enforce: privileged}}\r\n',
      errors: [{
        messageId: 'privileged', line: 3, column: 71, endLine: 3, endColumn: 81, severity: 'info',
        suggestions: [
          { title: 'Set Pod Security Admission labels (enforce restricted)', output: `apiVersion: v1\r\nkind: Namespace\r\nmetadata: {name: agents, labels: {${PSA('restricted', 'v1.30').join(', ')}}}\r\n` },
          { title: 'Set Pod Security Admission labels (enforce baseline, warn and audit restricted)', output: `apiVersion: v1\r\nkind: Namespace\r\nmetadata: {name: agents, labels: {${PSA('baseline', 'v1.30').join(', ')}}}\r\n` },
        ],
      }],
    },
    {
      name: 'a value that is no level',
      code: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    pod-security.kubernetes.io/enforce: Restricted\n',
      errors: [{
        messageId: 'invalid', line: 6, column: 41, endLine: 6, endColumn: 51, severity: 'warning', data: { namespace: 'shop', value: 'Restricted' },
        suggestions: [
          { title: 'Set Pod Security Admission labels (enforce restricted)', output: `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n${PSA('restricted').map(l => `    ${l}\n`).join('')}` },
          { title: 'Set Pod Security Admission labels (enforce baseline, warn and audit restricted)', output: `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n${PSA('baseline').map(l => `    ${l}\n`).join('')}` },
        ],
      }],
    },
    {
      name: 'labels behind an alias cannot be edited where they are read: no suggestion',
      code: yaml`
        apiVersion: v1
        kind: List
        items:
        - apiVersion: v1
          kind: Namespace
          metadata:
            name: shop
            labels: &l {team: a}
        - apiVersion: v1
          kind: Namespace
          metadata:
            name: shop-2
            labels: *l
      `,
      errors: [
        { messageId: 'missing', line: 8, column: 5, endLine: 8, endColumn: 11 },
        { messageId: 'missing', line: 13, column: 5, endLine: 13, endColumn: 11 },
      ],
    },
  ],
});
