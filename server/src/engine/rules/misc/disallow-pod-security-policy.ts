import { get } from '../../model/yaml-nav';
import { defineRule } from '../../rule';
import { PSA_DOC } from '../references';

export default defineRule({
  id: 'disallow-pod-security-policy',
  title: 'PodSecurityPolicy objects no longer protect anything',
  category: 'misc',
  severity: 'info',
  pss: null,
  covers: ['M02'],
  equivalents: {},
  kinds: ['PodSecurityPolicy'],
  messages: {
    removed: 'PodSecurityPolicy was removed in Kubernetes 1.25 and enforces nothing: label the namespaces with pod-security.kubernetes.io/enforce instead.',
  },
  defaultReason: 'Severity info, on by default; the per-field PSP checks of older tools are not repeated here.',
  docs: {
    summary: 'PodSecurityPolicy (policy/v1beta1 and extensions/v1beta1) was deprecated in 1.21 and removed in '
      + '1.25: a cluster at 1.25 or later rejects the object, and a team that keeps it in its manifests may '
      + 'believe its pods are constrained when nothing enforces it.',
    remediation: 'Delete the PodSecurityPolicy (and the RBAC that grants `use` on it) and label each namespace with '
      + '`pod-security.kubernetes.io/enforce: restricted` (or baseline), or use a policy engine such as '
      + 'Kyverno or Gatekeeper.',
    references: [PSA_DOC, 'https://kubernetes.io/docs/tasks/configure-pod-container/migrate-from-psp/'],
  },
  examples: {
    incorrect: `apiVersion: policy/v1beta1
kind: PodSecurityPolicy
metadata:
  name: restricted
spec:
  privileged: false
`,
    correct: `apiVersion: example.com/v1
kind: PodSecurityPolicy
metadata:
  name: x
`,
  },
  fix: null,
  checkObject({ object, report }) {
    if (object.group !== 'policy' && object.group !== 'extensions') return;
    const kind = get(object.node, 'kind', object.doc);
    if (kind) report({ messageId: 'removed', at: kind.value });
  },
});
