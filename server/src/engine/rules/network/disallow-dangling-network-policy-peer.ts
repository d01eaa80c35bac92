import { isMap } from 'yaml';
import { specOf } from '../../model/object';
import { get, getSeq, keyOf, seqItems } from '../../model/yaml-nav';
import { defineRule } from '../../rule';
import { isEmptySelector, LabelSelector, matches, readSelector, selectorText } from '../../workspace/selector';
import { NETWORK_POLICY_DOC } from '../references';
import { WORKLOAD_LABELS_READS } from '../../workspace/reads';

export default defineRule({
  id: 'disallow-dangling-network-policy-peer',
  title: 'NetworkPolicy peers select existing workloads',
  category: 'network',
  severity: 'info',
  pss: null,
  level: 'restricted',
  // Only as reliable as the workspace is complete: peers are often in other repositories.
  optIn: true,
  covers: ['NET07'],
  equivalents: { kubeLinter: ['dangling-networkpolicypeer-podselector'] },
  kinds: ['NetworkPolicy'],
  messages: {
    dangling: 'This {{direction}} peer of NetworkPolicy "{{name}}" selects pods {{selector}} {{where}}, but no '
      + 'workload in the workspace has those pod labels: the rule allows nothing. Check the selector against '
      + 'the pod labels of the intended peers.',
  },
  defaultReason: 'Off by default: it is as reliable as the workspace is complete.',
  docs: {
    summary: 'A peer whose podSelector matches no pod allows no traffic: usually a typo or a renamed label, which '
      + 'breaks the connection the rule was written for and invites a wider rule as the "fix". Peers are '
      + 'matched against the workloads of the workspace in the namespaces they designate (the policy\'s own, '
      + 'or those its namespaceSelector picks, by the labels of the Namespace objects and '
      + '`kubernetes.io/metadata.name`); a peer whose namespaces have no workload in the workspace is not '
      + 'reported. An object naming no namespace (applied with `kubectl -n`) may land in any: one whose '
      + 'namespace is such a guess, on either side, is matched across namespaces, so the guess never makes a '
      + 'finding.',
    remediation: 'Make the peer\'s podSelector match the pod template labels of the workloads that should connect (or be connected to), or remove the peer.',
    references: [NETWORK_POLICY_DOC],
  },
  examples: {
    incorrect: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: web
  namespace: shop
spec:
  podSelector: {matchLabels: {app: web}}
  ingress:
  - from:
    - podSelector: {matchLabels: {app: frontend}}
---
apiVersion: apps/v1
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
      - name: app
        image: nginx:1.27
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: prometheus
  namespace: monitoring
spec:
  selector:
    matchLabels: {app: prometheus}
  template:
    metadata:
      labels: {app: prometheus}
    spec:
      containers:
      - name: app
        image: nginx:1.27
---
apiVersion: v1
kind: Namespace
metadata:
  name: monitoring
  labels: {purpose: monitoring}
`,
    correct: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: web
  namespace: shop
spec:
  podSelector: {matchLabels: {app: web}}
  ingress:
  - from:
    - podSelector: {matchLabels: {app: web}}
---
apiVersion: apps/v1
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
      - name: app
        image: nginx:1.27
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: prometheus
  namespace: monitoring
spec:
  selector:
    matchLabels: {app: prometheus}
  template:
    metadata:
      labels: {app: prometheus}
    spec:
      containers:
      - name: app
        image: nginx:1.27
---
apiVersion: v1
kind: Namespace
metadata:
  name: monitoring
  labels: {purpose: monitoring}
`,
  },
  fix: null,
  workspaceReads: WORKLOAD_LABELS_READS,
  checkObject({ object, workspace: { index, self }, report }) {
    if (object.group !== 'networking.k8s.io' || !self.networkPolicy) return;
    const doc = object.doc;
    const ns = index.namespaceOf(self);
    const known = index.workloadNamespaces();
    const spec = specOf(object);
    const selectorOf = (m: unknown): LabelSelector => readSelector(isMap(m) ? m : undefined, doc);
    for (const [direction, list, peerKey] of [['ingress', 'ingress', 'from'], ['egress', 'egress', 'to']] as const) {
      for (const rule of seqItems(getSeq(spec, list, doc), doc)) {
        if (!isMap(rule.value)) continue;
        for (const peer of seqItems(getSeq(rule.value, peerKey, doc), doc)) {
          if (!isMap(peer.value)) continue;
          const podKey = keyOf(peer.value, 'podSelector', doc);
          if (!podKey) continue;
          const pods = selectorOf(get(peer.value, 'podSelector', doc)?.value);
          if (pods.invalid || isEmptySelector(pods)) continue;
          const nsSelector = keyOf(peer.value, 'namespaceSelector', doc) ? selectorOf(get(peer.value, 'namespaceSelector', doc)?.value) : undefined;
          const namespaces = nsSelector ? known.filter(n => matches(nsSelector, index.namespaceLabels(n))) : known.filter(n => n === ns);
          // Peers in namespaces whose workloads the workspace does not hold cannot be judged.
          if (namespaces.length === 0) continue;
          if (namespaces.some(n => index.workloadsIn(n).some(w => w.kind !== 'PodTemplate' && matches(pods, w.pod!.labels)))) continue;
          // A workload whose namespace is a guess may be in the namespaces meant (any of them, for
          // a namespaceSelector; the policy's, for a plain peer, which may be a guess too).
          if (index.workloads().some(w => w.kind !== 'PodTemplate' && matches(pods, w.pod!.labels)
            && (nsSelector ? index.namespaceGuessed(w) : index.mayShareNamespace(self, w)))) continue;
          const where = nsSelector ? 'in the namespaces its namespaceSelector picks' : `in namespace "${ns}"`;
          report({ messageId: 'dangling', data: { direction, name: object.name ?? '(unnamed)', selector: selectorText(pods), where }, at: podKey });
        }
      }
    }
  },
});
