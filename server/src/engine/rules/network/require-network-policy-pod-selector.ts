import { setIn } from '../../fix/map';
import { nameNode, specAnchor, specOf } from '../../model/object';
import { getSeq, keyOf, seqItems } from '../../model/yaml-nav';
import { defineRule } from '../../rule';
import { isMap, Node } from 'yaml';
import { NETWORK_POLICY_DOC } from '../references';
import { NAMESPACE_ONLY } from '../../workspace/reads';

export default defineRule({
  id: 'require-network-policy-pod-selector',
  title: 'NetworkPolicies say which pods they select',
  category: 'network',
  severity: 'info',
  pss: null,
  level: 'restricted',
  covers: ['NET05', 'NET16'],
  equivalents: { trivy: ['KSV038'] },
  kinds: ['NetworkPolicy', 'CiliumNetworkPolicy', 'CiliumClusterwideNetworkPolicy'],
  messages: {
    implicit: 'NetworkPolicy "{{name}}" has no spec.podSelector, so it applies to every pod in its namespace. Write '
      + 'podSelector: {} to say so, or select the pods it is meant for.',
    ciliumNone: '{{kind}} "{{name}}" has a rule with neither endpointSelector nor nodeSelector: Cilium rejects the '
      + 'policy, so none of its rules applies. Add the endpointSelector of the pods it is meant for.',
  },
  fixMessages: {
    addSelector: 'Add podSelector: {} (every pod of the namespace, as now)',
  },
  docs: {
    summary: 'A Kubernetes NetworkPolicy without `podSelector` selects every pod in its namespace, exactly as '
      + '`podSelector: {}` does (kubernetes/kubernetes#131354). Written out, that scope is a decision a '
      + 'reviewer can see; left out, it is often a policy whose selector was forgotten, and it isolates (and, '
      + 'with allow rules, opens) every pod of the namespace. A Cilium policy needs an `endpointSelector` '
      + '(or, for host policies, a `nodeSelector`) in each rule: without one Cilium rejects the policy and '
      + 'none of its rules applies. Calico policies are not reported: their documented default `all()` is '
      + 'idiomatic.',
    remediation: 'Write the pods the policy is meant for in `spec.podSelector` (`matchLabels` of the workload\'s pod '
      + 'labels), or `podSelector: {}` when it is meant for every pod of the namespace (a default-deny). For '
      + 'Cilium, add `endpointSelector` to every rule.',
    references: [NETWORK_POLICY_DOC, 'https://docs.cilium.io/en/stable/network/kubernetes/policy/'],
  },
  examples: {
    incorrect: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: deny
`,
    correct: `apiVersion: projectcalico.org/v3
kind: NetworkPolicy
metadata:
  name: deny
spec:
  types: [Ingress]
`,
  },
  fix: null,
  workspaceReads: NAMESPACE_ONLY,
  checkObject({ object, workspace: { index, self }, report }) {
    // A patch that leaves the selector out keeps the base's.
    if (index.isPatch(self.uri)) return;
    const name = object.name ?? '(unnamed)';
    if (object.kind === 'NetworkPolicy' && object.group === 'networking.k8s.io') {
      const spec = specOf(object);
      if (keyOf(spec, 'podSelector', object.doc)) return;
      report({
        messageId: 'implicit',
        data: { name },
        at: spec && spec.items.length > 0 ? specAnchor(object) : nameNode(object),
        suggestions: [{
          messageId: 'addSelector',
          edits: ({ text, doc }) => (spec ? setIn(text, doc, spec, ['podSelector'], {}) : setIn(text, doc, object.node, ['spec', 'podSelector'], {})),
        }],
      });
      return;
    }
    if (object.group !== 'cilium.io' || object.kind === 'NetworkPolicy') return;
    const spec = specOf(object);
    const rules: Array<{ map: typeof spec; at: Node }> = [];
    if (spec) rules.push({ map: spec, at: specAnchor(object) });
    for (const item of seqItems(getSeq(object.node, 'specs', object.doc), object.doc)) if (isMap(item.value)) rules.push({ map: item.value, at: item.value });
    for (const r of rules) {
      if (keyOf(r.map, 'endpointSelector', object.doc) || keyOf(r.map, 'nodeSelector', object.doc)) continue;
      report({ messageId: 'ciliumNone', data: { kind: object.kind, name }, severity: 'warning', at: r.at });
    }
  },
});
