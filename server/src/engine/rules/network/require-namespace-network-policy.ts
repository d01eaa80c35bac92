import { createDocument } from '../../fix/document';
import { defaultDenyPolicy } from '../../fix/network';
import { nameNode } from '../../model/object';
import { defineRule } from '../../rule';
import { namespacePolicies, onlyHostNetwork, SYSTEM_NAMESPACES } from '../../workspace/domains/network';
import { NETWORK_POLICY_DOC } from '../references';
import { NETWORK_POLICY_READS, WORKLOAD_HOST_NETWORK_READS } from '../../workspace/reads';

export default defineRule({
  id: 'require-namespace-network-policy',
  title: 'Namespaces have a NetworkPolicy',
  category: 'network',
  severity: 'warning',
  pss: null,
  level: 'baseline',
  covers: ['NET02', 'NET16'],
  equivalents: { kubescape: ['C-0054', 'C-0049', 'C-0206'] },
  kinds: ['Namespace'],
  messages: {
    noPolicy: 'Namespace "{{namespace}}" has no NetworkPolicy: its pods accept connections from any pod and may '
      + 'connect anywhere. Add a default-deny NetworkPolicy (podSelector: {}, policyTypes: [Ingress, Egress]) '
      + 'and policies allowing what each workload needs.',
  },
  docs: {
    summary: 'Without any NetworkPolicy in a namespace, none of its pods is isolated: any pod of the cluster can '
      + 'reach them and they can reach anything. Policies of every flavour count (Kubernetes, Cilium and '
      + 'Calico, cluster-wide ones that apply to the whole namespace included), from any file of the '
      + 'workspace. At the restricted level require-default-deny-network-policy replaces this rule: it '
      + 'reports the same namespaces and also those whose policies leave pods without a default-deny. The '
      + 'cluster\'s own namespaces are not checked, nor namespaces whose workloads in the workspace all run '
      + 'on the host network, where policies do not apply.',
    remediation: 'Add a default-deny NetworkPolicy to the namespace (`podSelector: {}` with `policyTypes: [Ingress, '
      + 'Egress]` and no rules), then policies allowing the traffic each workload needs, DNS egress included. '
      + 'The suggestion appends the default-deny policy to the file (or creates it beside it).',
    references: [NETWORK_POLICY_DOC, 'https://kubernetes.io/docs/concepts/services-networking/network-policies/#default-policies'],
  },
  examples: {
    incorrect: `apiVersion: v1
kind: Namespace
metadata:
  name: shop
`,
    correct: `apiVersion: v1
kind: Namespace
metadata:
  name: kube-system
`,
  },
  fix: null,
  workspaceReads: [...NETWORK_POLICY_READS, ...WORKLOAD_HOST_NETWORK_READS],
  checkObject({ object, workspace: { index, self }, report }) {
    const ns = object.name;
    if (object.group !== '' || !ns || SYSTEM_NAMESPACES.has(ns) || index.isPatch(self.uri) || onlyHostNetwork(index, ns) || namespacePolicies(index, ns).length > 0) return;
    const name = 'default-deny';
    report({
      messageId: 'noPolicy',
      data: { namespace: ns },
      at: nameNode(object),
      suggestions: [createDocument(`Create a default-deny NetworkPolicy for namespace "${ns}"`, `${ns}-${name}.yaml`, defaultDenyPolicy(name, ns, ['Ingress', 'Egress']))],
    });
  },
});

