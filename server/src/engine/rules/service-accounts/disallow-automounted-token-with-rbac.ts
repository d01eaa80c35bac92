import { setIn } from '../../fix/map';
import { setInPod } from '../../fix/workload';
import { parseFile } from '../../model/parse';
import { isFalse, isTrue } from '../../model/yaml-nav';
import { defineRule, MessageProposal } from '../../rule';
import { byLocation } from '../../workspace/domains/network';
import { bindingsFor, roleLabel } from '../../workspace/domains/rbac';
import { RBAC_READS } from '../../workspace/reads';
import { objectsWith } from '../../workspace/facets';

/** Bindings pointed at, at most. */
const MAX_RELATED = 5;

export default defineRule({
  id: 'disallow-automounted-token-with-rbac',
  title: 'Pods whose ServiceAccount holds RBAC permissions do not mount its token without need',
  category: 'service-accounts',
  severity: 'warning',
  pss: null,
  level: 'baseline',
  covers: ['SA08'],
  equivalents: { kubescape: ['C-0053'] },
  messages: {
    mounted: 'The pod of {{kind}} "{{name}}" mounts the token of ServiceAccount "{{sa}}", which {{bindings}} '
      + 'grant{{s}} permissions: code running in any of its containers can use them. Set '
      + 'automountServiceAccountToken: false unless the application calls the Kubernetes API.',
    optedIn: 'The pod of {{kind}} "{{name}}" opts in to the token of ServiceAccount "{{sa}}", which keeps it from '
      + 'other pods, and {{bindings}} grant{{s}} it permissions: keep them to what the application calls.',
  },
  fixMessages: {
    disableAutomountOnAccount: 'Set automountServiceAccountToken: false on ServiceAccount "{{name}}"',
  },
  docs: {
    summary: 'A pod whose ServiceAccount is bound to roles carries those permissions in the token the kubelet '
      + 'mounts into every container: whoever runs code in the pod (a vulnerable dependency, a debug shell) '
      + 'can use them. Reported when some RoleBinding or ClusterRoleBinding of the workspace names the '
      + 'ServiceAccount (the pod\'s `serviceAccountName`, else `default`), directly or through the groups '
      + '`system:serviceaccounts` and `system:serviceaccounts:<ns>`, and the token is mounted: the pod spec '
      + 'does not set `automountServiceAccountToken: false`, and the ServiceAccount (when the workspace has '
      + 'it) does not either. A pod\'s explicit `true` overrides its ServiceAccount; beside a ServiceAccount '
      + 'that sets `false` it is the pattern disallow-service-account-automount recommends (no token by '
      + 'default, an explicit opt-in where the API is called), so it is reported as info, asking only that '
      + 'the bindings stay narrow. Bindings of `system:authenticated` are left to the broad-subject rule '
      + '(they would match every pod).',
    remediation: 'Set `automountServiceAccountToken: false` in the pod spec (the suggestion) or on the ServiceAccount '
      + 'when the application never calls the Kubernetes API. When it does, keep the token and bind only the '
      + 'permissions it uses; a projected token with a short expiry and an audience narrows it further.',
    references: ['https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#opt-out-of-api-credential-automounting', 'https://kubernetes.io/docs/concepts/security/rbac-good-practices/'],
  },
  examples: {
    incorrect: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx:1.27
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: web-reader
  namespace: shop
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: reader
subjects:
- kind: Group
  name: system:serviceaccounts:shop
`,
    correct: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      serviceAccountName: web
      containers:
      - name: web
        image: nginx:1.27
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: web-reader
  namespace: shop
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: reader
subjects:
- kind: Group
  name: system:authenticated
`,
  },
  fix: null,
  workspaceReads: RBAC_READS,
  checkPod({ object, pod, workspace: { index, self }, report }) {
    if (object.kind === 'PodTemplate' || index.isPatch(self.uri)) return;
    const own = pod.field('automountServiceAccountToken');
    if (isFalse(own)) return;
    const sa = self.pod?.serviceAccountName ?? 'default';
    const ns = index.namespaceOf(self);
    const account = objectsWith(index, 'serviceAccount').find(o => o.kind === 'ServiceAccount' && o.name === sa && index.namespaceOf(o) === ns);
    // The pod's own setting wins over its ServiceAccount's.
    if (!isTrue(own) && account?.serviceAccount?.automountToken === false) return;
    const found = bindingsFor(index, { namespace: ns, name: sa }, { pod: self }).filter(b => b.viaGroup !== 'system:authenticated');
    if (found.length === 0) return;
    const bindings = byLocation(found.map(f => f.binding));
    // An explicit true beside an account that turns automounting off is the pattern
    // disallow-service-account-automount recommends (off by default, on where the API is called):
    // a decision to record, not a warning.
    const optedIn = isTrue(own) && account?.serviceAccount?.automountToken === false;
    const names = bindings.map(b => `${b.kind} "${b.name ?? '(unnamed)'}"`);
    const ref = pod.field('serviceAccountName') ?? pod.field('serviceAccount');
    report({
      messageId: optedIn ? 'optedIn' : 'mounted',
      severity: optedIn ? 'info' : undefined,
      data: { kind: object.kind, name: object.name ?? '(unnamed)', sa, bindings: names.length > 2 ? `${names.length} bindings` : names.join(' and '), s: names.length === 1 ? 's' : '' },
      at: isTrue(own) ? own!.site : ref?.site ?? pod.anchor('serviceAccountName'),
      related: bindings.slice(0, MAX_RELATED).map(b => {
        const via = found.find(f => f.binding === b)!.viaGroup;
        const role = b.binding!.roleRef;
        return { ref: b, message: `${b.kind} "${b.name ?? '(unnamed)'}" binds ${roleLabel(role)} to ${via ? `group "${via}"` : `ServiceAccount "${sa}"`}.` };
      }),
      suggestions: [
        ...(own?.viaAlias ? [] : [setInPod(pod, ['automountServiceAccountToken'], false)]),
        // Unless the pod says true: then its own setting is what mounts the token.
        ...(account && account.uri === self.uri && !isTrue(own) ? [onServiceAccount(sa, account.docIndex)] : []),
      ],
    });
  },
});

/**
 * `automountServiceAccountToken: false` on the ServiceAccount, when it is in this file: every
 * pod using it stops mounting the token. It lives in another YAML document than the pod, so the
 * edit reads the file's text again to find it.
 */
function onServiceAccount(name: string, docIndex: number): MessageProposal {
  return {
    messageId: 'disableAutomountOnAccount', data: { name },
    edits: ({ text }) => {
      const target = parseFile(text).documents.flatMap(d => d.objects).find(o => o.docIndex === docIndex && o.kind === 'ServiceAccount' && o.name === name);
      return target ? setIn(text, target.doc, target.node, ['automountServiceAccountToken'], false) : undefined;
    },
  };
}
