import { createDocument } from '../../fix/document';
import { defaultDenyPolicy } from '../../fix/network';
import { nameNode } from '../../model/object';
import { defineRule } from '../../rule';
import { byLocation, defaultDeny, Direction, directionsText, namespacePolicies, onlyHostNetwork, policyLabel, selectsEveryPod, SYSTEM_NAMESPACES, uniqueName } from '../../workspace/domains/network';
import { NETWORK_POLICY_DOC } from '../references';
import { NETWORK_POLICY_READS, WORKLOAD_HOST_NETWORK_READS } from '../../workspace/reads';

const MAX_RELATED = 3;

export default defineRule({
  id: 'require-default-deny-network-policy',
  title: 'Namespaces deny network traffic by default',
  category: 'network',
  severity: 'warning',
  pss: null,
  level: 'restricted',
  covers: ['NET03', 'NET16'],
  // It reports every namespace require-namespace-network-policy reports, so it replaces it.
  overrides: ['require-namespace-network-policy'],
  equivalents: {},
  kinds: ['Namespace'],
  messages: {
    noPolicy: 'Namespace "{{namespace}}" has no NetworkPolicy: its pods accept connections from any pod and may '
      + 'connect anywhere. Add a default-deny NetworkPolicy (podSelector: {}, policyTypes: [Ingress, Egress]) '
      + 'and policies allowing what each workload needs.',
    noDefaultDeny: 'Namespace "{{namespace}}" has no default-deny NetworkPolicy for {{directions}}: pods that no other '
      + 'policy selects are not isolated. Add a policy with podSelector: {}, policyTypes [{{types}}] and no '
      + 'allow rules.',
  },
  docs: {
    summary: 'A default-deny policy makes isolation the rule in a namespace: a pod added later, or one whose '
      + 'labels no policy matches, gets no traffic until a policy allows it. Without one, every pod that no '
      + 'policy happens to select is open to the whole cluster. A namespace denies by default when policies '
      + 'that select every pod in it (`podSelector: {}`, Calico `all()`, Cilium `endpointSelector: {}`, or '
      + 'cluster-wide ones that apply to the whole namespace) together list both policy types, Ingress and '
      + 'Egress. Several policies may share the work (`default-deny-ingress` and `default-deny-egress`), and '
      + 'allow rules that name ports (DNS egress) do not undo it; an allow rule that admits every port does. '
      + 'A namespace without any policy is reported as such, replacing require-namespace-network-policy at '
      + 'this level. The cluster\'s own namespaces are not checked, nor namespaces whose workloads in the '
      + 'workspace all run on the host network, where policies do not apply.',
    remediation: 'Add a NetworkPolicy with `podSelector: {}`, `policyTypes: [Ingress, Egress]` and no rules to the '
      + 'namespace, then policies allowing the traffic each workload needs, DNS egress included. The '
      + 'suggestion appends the policy for the missing directions to the file (or creates it beside it).',
    references: [NETWORK_POLICY_DOC, 'https://kubernetes.io/docs/concepts/services-networking/network-policies/#default-policies'],
  },
  examples: {
    incorrect: `apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
    team: checkout
`,
    correct: `apiVersion: v1
kind: Namespace
metadata:
  name: kube-node-lease
`,
  },
  fix: null,
  workspaceReads: [...NETWORK_POLICY_READS, ...WORKLOAD_HOST_NETWORK_READS],
  checkObject({ object, workspace: { index, self }, report }) {
    const ns = object.name;
    if (object.group !== '' || !ns || SYSTEM_NAMESPACES.has(ns) || index.isPatch(self.uri) || onlyHostNetwork(index, ns)) return;
    const policies = namespacePolicies(index, ns);
    const deny = defaultDeny(index, ns);
    const missing = (['Ingress', 'Egress'] as Direction[]).filter(d => deny[d].length === 0);
    if (missing.length === 0) return;
    const base = missing.length === 2 ? 'default-deny' : `default-deny-${missing[0].toLowerCase()}`;
    const name = uniqueName(base, new Set(policies.map(p => p.name)));
    const suggestions = [createDocument(
      `Create a default-deny NetworkPolicy (${directionsText(missing)}) for namespace "${ns}"`,
      `${ns}-${name}.yaml`,
      defaultDenyPolicy(name, ns, missing),
    )];
    if (policies.length === 0) {
      report({ messageId: 'noPolicy', data: { namespace: ns }, covers: ['NET02', 'NET03', 'NET16'], at: nameNode(object), suggestions });
      return;
    }
    report({
      messageId: 'noDefaultDeny',
      data: { namespace: ns, directions: directionsText(missing), types: missing.join(', ') },
      at: nameNode(object),
      related: byLocation(policies).slice(0, MAX_RELATED).map(p => ({ ref: p, message: whyNot(selectsEveryPod(index, p, ns), p.networkPolicy!.policyTypes, missing, p) })),
      suggestions,
    });
  },
});

function whyNot(everyPod: boolean, types: readonly Direction[], missing: readonly Direction[], p: Parameters<typeof policyLabel>[0]): string {
  if (!everyPod) return `${policyLabel(p)} selects only some pods of the namespace.`;
  const listed = missing.filter(d => types.includes(d));
  if (listed.length === 0) return `${policyLabel(p)} selects every pod but does not list ${missing.join(' or ')} in its policy types.`;
  return `${policyLabel(p)} selects every pod but allows ${directionsText(listed)} on every port.`;
}
