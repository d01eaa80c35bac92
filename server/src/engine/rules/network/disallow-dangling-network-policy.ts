import { specAnchor, specOf } from '../../model/object';
import { keyOf } from '../../model/yaml-nav';
import { defineRule } from '../../rule';
import { isEmptySelector, selectorText } from '../../workspace/selector';
import { NETWORK_POLICY_DOC } from '../references';
import { mightSelect, selectsEveryPod } from '../../workspace/domains/network';
import { WORKLOAD_LABELS_READS } from '../../workspace/reads';

/** Labels the network plugin gives pods from their namespace and service account. */
const IMPLICIT_KEY = /^(io\.kubernetes\.pod\.namespace|io\.cilium\.k8s\.|projectcalico\.org\/)/;

const SELECTOR_KEY: Record<string, string> = { kubernetes: 'podSelector', cilium: 'endpointSelector', calico: 'selector' };

export default defineRule({
  id: 'disallow-dangling-network-policy',
  title: 'NetworkPolicies select existing workloads',
  category: 'network',
  severity: 'info',
  pss: null,
  level: 'restricted',
  // Only as reliable as the workspace is complete: policies and workloads often live in different repositories.
  optIn: true,
  covers: ['NET06', 'NET16'],
  equivalents: { kubeLinter: ['dangling-networkpolicy'], kubescape: ['C-0299'] },
  messages: {
    dangling: '{{kind}} "{{name}}" selects {{selector}}, which matches no workload of namespace "{{namespace}}" in '
      + 'the workspace: the pods it was written for are not isolated. Check the selector against their pod '
      + 'labels.',
    danglingClusterWide: '{{kind}} "{{name}}" selects {{selector}}, which matches no workload in the workspace. Check the '
      + 'selector against the pod labels it was written for.',
  },
  defaultReason: 'Off by default: it is as reliable as the workspace is complete.',
  docs: {
    summary: 'A policy whose selector matches no pod protects nothing, and usually means a typo or a renamed '
      + 'label: the pods it was written for run unisolated while the policy suggests otherwise. A policy is '
      + 'reported only when the workspace holds workloads of its namespace (else they live elsewhere and '
      + 'nothing can be said); policies that select every pod (default-deny) are never reported. An object '
      + 'naming no namespace (applied with `kubectl -n`) may land in any: one whose namespace is such a '
      + 'guess, on either side, is matched across namespaces, so the guess never makes a finding.',
    remediation: 'Make the policy\'s selector match the pod template labels of the workload it is meant for (not the '
      + 'workload\'s own metadata labels), or delete the policy.',
    references: [NETWORK_POLICY_DOC],
  },
  examples: {
    incorrect: `apiVersion: cilium.io/v2
kind: CiliumClusterwideNetworkPolicy
metadata:
  name: api
spec:
  endpointSelector:
    matchLabels: {app: api}
  egress:
  - {}
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
      - name: web
        image: nginx:1.27
`,
    correct: `apiVersion: cilium.io/v2
kind: CiliumClusterwideNetworkPolicy
metadata:
  name: prod
spec:
  endpointSelector:
    matchLabels:
      k8s:io.kubernetes.pod.namespace: prod
  ingress:
  - {}
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
      - name: web
        image: nginx:1.27
`,
  },
  fix: null,
  workspaceReads: WORKLOAD_LABELS_READS,
  checkObject({ object, workspace: { index, self }, report }) {
    const np = self.networkPolicy;
    if (!np?.podSelector || np.podSelector.invalid || isEmptySelector(np.podSelector)) return;
    // A cluster-wide policy scoped by namespace labels may be written for namespaces whose
    // workloads are elsewhere.
    const keys = [...Object.keys(np.podSelector.matchLabels), ...np.podSelector.matchExpressions.map(r => r.key)];
    if (np.clusterWide && keys.some(k => IMPLICIT_KEY.test(k))) return;
    const ns = index.namespaceOf(self);
    const candidates = (np.clusterWide ? index.workloads() : index.workloadsIn(ns)).filter(w => w.kind !== 'PodTemplate');
    if (candidates.length === 0 || selectsEveryPod(index, self, ns)) return;
    // The pods may be those of a workload whose namespace (or the policy's) is a guess.
    if (index.workloads().some(w => w.kind !== 'PodTemplate' && mightSelect(index, self, w))) return;
    const spec = specOf(object);
    const data = { kind: object.kind, name: object.name ?? '(unnamed)', selector: selectorText(np.podSelector) || '(nothing readable)', namespace: ns };
    report({ messageId: np.clusterWide ? 'danglingClusterWide' : 'dangling', data, at: keyOf(spec, SELECTOR_KEY[np.flavor], object.doc) ?? specAnchor(object) });
  },
});
