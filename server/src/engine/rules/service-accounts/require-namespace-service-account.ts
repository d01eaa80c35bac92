import { get, getMap } from '../../model/yaml-nav';
import { defineRule } from '../../rule';
import { SERVICE_ACCOUNT_READS, WORKLOAD_ACCOUNT_READS } from '../../workspace/reads';
import { objectsWith } from '../../workspace/facets';

export default defineRule({
  id: 'require-namespace-service-account',
  title: 'Namespaces have a ServiceAccount of their own',
  category: 'service-accounts',
  severity: 'info',
  pss: null,
  optIn: true,
  covers: ['SA05'],
  equivalents: { kubescape: ['C-0189'] },
  kinds: ['Namespace'],
  messages: {
    missing: 'Namespace "{{name}}" has no ServiceAccount besides "default" in the workspace: its pods run with the '
      + 'shared default identity; add a ServiceAccount per workload (with automountServiceAccountToken: '
      + 'false) and name it in serviceAccountName.',
  },
  defaultReason: 'Off by default (info): it reads the whole workspace, ServiceAccounts are often created by a Helm '
    + 'chart, an operator or another repository, and the pods themselves are already reported by '
    + 'disallow-default-service-account.',
  docs: {
    summary: 'Every pod of a namespace without ServiceAccounts of its own runs as `default`, so any RoleBinding '
      + 'granted to one workload is granted to all of them. Quiet when a workload of the namespace names a '
      + 'non-default ServiceAccount (it exists somewhere, or disallow-missing-service-account says it does '
      + 'not). No fix: a new ServiceAccount helps only once workloads name it, and only the author knows '
      + 'which. An object naming no namespace in the Namespace object\'s folder counts for it (applied there '
      + 'with `kubectl -n`).',
    remediation: 'Create a ServiceAccount for each workload of the namespace (with `automountServiceAccountToken: '
      + 'false` unless it calls the API), bind only the roles it needs, and set `serviceAccountName` in its '
      + 'pod template.',
    references: ['https://kubernetes.io/docs/concepts/security/service-accounts/', 'https://kubernetes.io/docs/reference/access-authn-authz/service-accounts-admin/'],
  },
  examples: {
    incorrect: `apiVersion: v1
kind: Namespace
metadata:
  name: shop
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: default, namespace: shop}
automountServiceAccountToken: false
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: web, namespace: other}
automountServiceAccountToken: false
`,
    correct: `apiVersion: v1
kind: Namespace
metadata:
  name: shop
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: web}
automountServiceAccountToken: false
---
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
namespace: shop
resources: [sa.yaml]
`,
  },
  fix: null,
  workspaceReads: [...SERVICE_ACCOUNT_READS, ...WORKLOAD_ACCOUNT_READS],
  checkObject({ object, workspace, report }) {
    const name = object.name;
    if (object.group !== '' || !name) return;
    const { index, self } = workspace;
    // A kustomize patch of the Namespace is not the Namespace: its base is reported, once.
    if (index.isPatch(self.uri)) return;
    const own = (sa: string | undefined) => !!sa && sa !== 'default';
    if (objectsWith(index, 'serviceAccount').some(o => own(o.name) && index.mayBelongTo(o, name, self))) return;
    if (index.workloads().some(w => own(w.pod?.serviceAccountName) && index.mayBelongTo(w, name, self))) return;
    const at = get(getMap(object.node, 'metadata', object.doc), 'name', object.doc)?.site;
    if (at) report({ messageId: 'missing', data: { name }, at });
  },
});
