import { setInPod } from '../../fix/workload';
import { isFalse, isTrue, keyOf } from '../../model/yaml-nav';
import { defineRule } from '../../rule';
import { SERVICE_ACCOUNT_READS } from '../../workspace/reads';
import { objectsWith } from '../../workspace/facets';

export default defineRule({
  id: 'disallow-service-account-token-automount',
  title: 'Pods do not mount a ServiceAccount token they do not need',
  category: 'service-accounts',
  severity: 'warning',
  pss: null,
  optIn: true,
  covers: ['SA01'],
  equivalents: { checkov: ['CKV_K8S_38'], trivy: ['KSV036'], kubescape: ['C-0034', 'C-0190', 'C-0261'], polaris: ['automountServiceAccountToken'], kubesec: ['AutomountServiceAccountToken'] },
  messages: {
    explicitTrue: 'The pod spec sets automountServiceAccountToken: true: every container gets an API token. Set it to '
      + 'false unless the application calls the Kubernetes API.',
    unset: 'The pod mounts a token of ServiceAccount "{{sa}}", which does not disable automounting: set '
      + 'automountServiceAccountToken: false in the pod spec unless the application calls the Kubernetes API.',
  },
  defaultReason: 'Off by default, on merit: what a mounted token lets an intruder do is what the ServiceAccount is '
    + 'bound to, and a reviewer blocks that binding (the RBAC rules report it) rather than every pod that '
    + 'leaves the kubelet default alone — a token of an unbound ServiceAccount reaches little beyond API '
    + 'discovery.',
  docs: {
    summary: 'Unless told otherwise, the kubelet mounts a ServiceAccount token into every container, so anyone who '
      + 'gets code execution in the pod can call the API server with the pod\'s identity. Most applications '
      + 'never call the API. Trivy likewise reports only an explicit `true` or an explicit mount; Checkov, '
      + 'Kubescape and Polaris report the unset field by default, which in most repositories is nearly every '
      + 'pod. Enable it (or `--enable-all`) for a least-privilege review. Tuned for noise when on: reported '
      + 'when the pod spec leaves the field unset while its ServiceAccount is not known to disable '
      + 'automounting — a ServiceAccount in the workspace with `automountServiceAccountToken: false` silences '
      + 'it, as it silences the kubelet. An explicit `true` is a decision and is shown as info, and not at '
      + 'all beside a ServiceAccount that sets `false` (the pattern disallow-service-account-automount '
      + 'recommends). (Kubescape and Polaris look at the pod and its ServiceAccount the same way; Checkov '
      + 'reports every pod without an explicit false.) An object naming no namespace (applied with `kubectl '
      + '-n`) may land in any: one whose namespace is such a guess, on either side, is matched across '
      + 'namespaces, so the guess never makes a finding.',
    remediation: 'Set `automountServiceAccountToken: false` in the pod spec (or on the ServiceAccount, for every pod '
      + 'using it). Pods that do call the API keep the token: set the field to true explicitly, with a '
      + 'dedicated, least-privilege ServiceAccount. The fix is unsafe: an application that calls the API '
      + 'stops working.',
    references: [
      'https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#opt-out-of-api-credential-automounting',
      'https://kubernetes.io/docs/concepts/security/service-accounts/',
    ],
  },
  examples: {
    incorrect: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: app
    image: nginx:1.27
`,
    correct: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: app
    image: nginx:1.27
  automountServiceAccountToken: false
`,
  },
  // Unsafe: an application that talks to the API server loses its credentials.
  fix: { safety: 'unsafe', risk: 'may stop an app that calls the Kubernetes API' },
  workspaceReads: SERVICE_ACCOUNT_READS,
  checkPod({ pod, workspace, report }) {
    const own = pod.field('automountServiceAccountToken');
    if (isFalse(own)) return;
    const fix = own?.viaAlias ? undefined : setInPod(pod, ['automountServiceAccountToken'], false);
    const sa = workspace.self.pod?.serviceAccountName ?? 'default';
    const { index, self } = workspace;
    const ns = index.namespaceOf(self);
    // A guessed namespace on either side may be the same one: any such account that disables
    // automounting may be the pod's.
    const accounts = objectsWith(index, 'serviceAccount').filter(o => o.name === sa && index.mayShareNamespace(o, self));
    const accountOff = accounts.some(o => o.serviceAccount.automountToken === false);
    if (isTrue(own)) {
      // An explicit true beside an account that turns automounting off is what
      // disallow-service-account-automount asks for: nothing to say. Elsewhere it is a decision,
      // still shown (the other tools report it) as info, so a reviewer sees it.
      if (!accountOff) report({ messageId: 'explicitTrue', at: own!.site, fix, severity: 'info' });
      return;
    }
    if (own) return; // a non-boolean value: the API server rejects it; not this rule's business
    if (accountOff) return;
    const account = accounts.find(o => index.namespaceOf(o) === ns) ?? accounts[0];
    report({
      messageId: 'unset', data: { sa }, at: keyOf(pod.spec, 'serviceAccountName', pod.doc) ?? pod.anchor('automountServiceAccountToken'), fix,
      related: account ? [{ ref: account, message: `ServiceAccount "${sa}" does not set automountServiceAccountToken: false` }] : [],
    });
  },
});
