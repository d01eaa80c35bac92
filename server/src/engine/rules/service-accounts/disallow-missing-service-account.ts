import { defineRule } from '../../rule';
import { SERVICE_ACCOUNT_READS } from '../../workspace/reads';
import { objectsWith } from '../../workspace/facets';

export default defineRule({
  id: 'disallow-missing-service-account',
  title: 'Pods name a ServiceAccount that exists',
  category: 'service-accounts',
  severity: 'info',
  pss: null,
  optIn: true,
  covers: ['SA07'],
  equivalents: { kubeLinter: ['non-existent-service-account'], kubescape: ['C-0307'] },
  messages: {
    missing: 'ServiceAccount "{{name}}" is not defined in namespace "{{namespace}}" of the workspace: the pod is rejected until it exists.',
  },
  defaultReason: 'Off by default: ServiceAccounts are often created by another repository, a Helm chart or an '
    + 'operator, so the workspace rarely holds them all; turn it on for repositories that hold the whole '
    + 'application.',
  docs: {
    summary: 'A pod naming a ServiceAccount that does not exist is rejected by the ServiceAccount admission '
      + 'controller. `default` always exists. An object naming no namespace (applied with `kubectl -n`) may '
      + 'land in any: one whose namespace is such a guess, on either side, is matched across namespaces, so '
      + 'the guess never makes a finding.',
    remediation: 'Add the ServiceAccount (with `automountServiceAccountToken: false`) next to the workload, or fix the name.',
    references: ['https://kubernetes.io/docs/concepts/security/service-accounts/'],
  },
  examples: {
    incorrect: `apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: web
spec:
  serviceAccountName: api
  containers:
  - name: app
    image: nginx:1.27
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: api, namespace: other}
`,
    correct: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  serviceAccountName: api
  containers:
  - name: app
    image: nginx:1.27
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: api, namespace: other}
`,
  },
  fix: null,
  workspaceReads: SERVICE_ACCOUNT_READS,
  checkPod({ pod, workspace, report }) {
    const ref = pod.field('serviceAccountName') ?? pod.field('serviceAccount');
    const name = workspace.self.pod?.serviceAccountName;
    if (!ref || !name || name === 'default') return;
    const { index, self } = workspace;
    const ns = index.namespaceOf(self);
    if (objectsWith(index, 'serviceAccount').some(o => o.name === name && index.mayShareNamespace(o, self))) return;
    report({ messageId: 'missing', data: { name, namespace: ns }, at: ref.site });
  },
});
