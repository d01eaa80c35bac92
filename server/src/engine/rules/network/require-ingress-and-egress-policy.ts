import { nameNode } from '../../model/object';
import { isTrue } from '../../model/yaml-nav';
import { defineRule } from '../../rule';
import { byLocation, Direction, directionsText, policiesSelecting, policyLabel, selecting, SYSTEM_NAMESPACES } from '../../workspace/domains/network';
import { NETWORK_POLICY_DOC } from '../references';
import { NETWORK_POLICY_READS } from '../../workspace/reads';

const MAX_RELATED = 3;

export default defineRule({
  id: 'require-ingress-and-egress-policy',
  title: 'NetworkPolicies restrict both ingress and egress',
  category: 'network',
  // Many teams start with ingress policies alone; egress isolation is the next step, not an alarm.
  severity: 'info',
  pss: null,
  level: 'restricted',
  covers: ['NET04', 'NET16'],
  equivalents: { polaris: ['missingNetworkPolicy'] },
  messages: {
    oneWay: 'The NetworkPolicies selecting the pods of {{kind}} "{{name}}" restrict only {{covered}}; their '
      + '{{missing}} traffic is unrestricted. List {{types}} in the policyTypes of a policy selecting them, '
      + 'with rules for what they need.',
    neither: 'The NetworkPolicies selecting the pods of {{kind}} "{{name}}" restrict neither ingress nor egress '
      + '(they have no rules of either kind). List Ingress and Egress in the policyTypes of a policy '
      + 'selecting them, with rules for what they need.',
  },
  docs: {
    summary: 'A pod is isolated for ingress only when a policy selecting it lists the Ingress policy type, and for '
      + 'egress only when one lists Egress. Policies that restrict only incoming traffic leave a compromised '
      + 'pod free to connect anywhere: to other namespaces, the cloud metadata endpoint, the internet. All '
      + 'the policies selecting a pod count together, of every flavour (Kubernetes, Cilium, Calico). Pods no '
      + 'policy selects are require-network-policy\'s finding; host-network pods and the cluster\'s own '
      + 'namespaces are not checked.',
    remediation: 'Add `Egress` (or `Ingress`) to the `policyTypes` of a policy that selects the pods, with `egress` '
      + 'rules for the destinations they use (DNS included), or add a namespace-wide default-deny policy for '
      + 'that direction.',
    references: [NETWORK_POLICY_DOC],
  },
  examples: {
    incorrect: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: web
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
apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata:
  name: web
spec:
  endpointSelector: {}
`,
    correct: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: web
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
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: web
spec:
  podSelector: {matchLabels: {app: web}}
  policyTypes: [Ingress, Egress]
`,
  },
  fix: null,
  workspaceReads: NETWORK_POLICY_READS,
  checkPod({ object, pod, workspace: { index, self }, report }) {
    if (object.kind === 'PodTemplate' || isTrue(pod.field('hostNetwork'))) return;
    const ns = index.namespaceOf(self);
    if (SYSTEM_NAMESPACES.has(ns) || index.isPatch(self.uri)) return;
    const types = new Set<Direction>();
    let selected = false;
    for (const p of selecting(index, self)) {
      // Policies of a guessed namespace elsewhere may select these pods by chance of labels: only
      // one applied with them says which directions they meant to restrict.
      selected ||= index.speaksFor(p, self);
      for (const t of p.networkPolicy!.policyTypes) types.add(t);
      if (types.size === 2) return;
    }
    if (!selected) return;
    const missing = (['Ingress', 'Egress'] as Direction[]).filter(d => !types.has(d));
    const covered = (['Ingress', 'Egress'] as Direction[]).filter(d => types.has(d));
    const selectors = policiesSelecting(index, self);
    report({
      messageId: covered.length ? 'oneWay' : 'neither',
      data: covered.length
        ? { kind: object.kind, name: object.name ?? '(unnamed)', covered: directionsText(covered), missing: directionsText(missing), types: missing.join(' and ') }
        : { kind: object.kind, name: object.name ?? '(unnamed)' },
      at: nameNode(object),
      related: byLocation(selectors).slice(0, MAX_RELATED).map(p => ({
        ref: p,
        message: `${policyLabel(p)} selects these pods and restricts ${p.networkPolicy!.policyTypes.length ? directionsText([...new Set(p.networkPolicy!.policyTypes)]) : 'no direction'}.`,
      })),
    });
  },
});
