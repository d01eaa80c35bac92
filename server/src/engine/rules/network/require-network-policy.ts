import { createDocument } from '../../fix/document';
import { workloadPolicy } from '../../fix/network';
import { nameNode, specOf } from '../../model/object';
import { K8sObject } from '../../model/parse';
import { getMap, isTrue } from '../../model/yaml-nav';
import { defineRule } from '../../rule';
import { byLocation, isSelected, policiesIn, policyLabel, SYSTEM_NAMESPACES, uniqueName } from '../../workspace/domains/network';
import { readLabels } from '../../workspace/selector';
import { NETWORK_POLICY_DOC } from '../references';
import { NETWORK_POLICY_READS } from '../../workspace/reads';

/** Related locations shown at most: the policies of the namespace that select other pods. */
const MAX_RELATED = 3;

export default defineRule({
  id: 'require-network-policy',
  title: 'Pods are selected by a NetworkPolicy',
  category: 'network',
  severity: 'warning',
  pss: null,
  level: 'restricted',
  // A pod no policy selects is restricted neither for ingress nor egress: NET04 as well.
  covers: ['NET01', 'NET04', 'NET16'],
  equivalents: { kubeLinter: ['non-isolated-pod'], checkov: ['CKV2_K8S_6'], kubescape: ['C-0030', 'C-0260'], polaris: ['missingNetworkPolicy'] },
  messages: {
    notSelected: 'No NetworkPolicy in namespace "{{namespace}}" selects the pods of {{kind}} "{{name}}": they accept '
      + 'connections from any pod and may connect anywhere. Add a NetworkPolicy whose podSelector matches '
      + 'their labels, or a default-deny for the namespace.',
  },
  docs: {
    summary: 'A pod that no NetworkPolicy selects is not isolated: every other pod in the cluster (and anything '
      + 'that reaches the node network) may connect to it, and it may connect anywhere. One compromised pod '
      + 'can then reach databases, internal APIs and cloud metadata endpoints. Policies of every flavour '
      + 'count: Kubernetes NetworkPolicy, CiliumNetworkPolicy and CiliumClusterwideNetworkPolicy, Calico '
      + 'NetworkPolicy and GlobalNetworkPolicy, found anywhere in the workspace, in the namespace the '
      + 'workload is placed in (its own, a kustomization\'s, else `default`). Pods on the host network are '
      + 'not reported (policies do not apply to them), nor are workloads in kube-system, kube-public and '
      + 'kube-node-lease, which the cluster owns, nor kustomize patches (partial objects). By default a '
      + 'workload is reported only when its namespace has NetworkPolicies of its own in the workspace yet '
      + 'none of them selects its pods: the team manages policies there, so a pod they miss is a real gap (a '
      + 'new workload, a renamed label). A policy that names no namespace (applied with `kubectl -n`, as '
      + 'installers are) counts as the namespace\'s only when it is applied with the workload: in the same '
      + 'file, or in a file of policies only within the workload\'s folder tree; an installer that bundles '
      + 'its own workloads with their policies (Argo CD\'s) speaks for those alone. A workload whose '
      + 'namespace has no policy in the workspace at all is reported only when the rule is turned on '
      + 'explicitly (a severity in the settings) or with enable-all, as kube-linter\'s non-isolated-pod is '
      + 'off by default: a repository often holds workloads whose policies are applied from elsewhere, and an '
      + 'editor may open one file alone (the namespace-level rules report a Namespace without policies).',
    remediation: 'Add a NetworkPolicy in the workload\'s namespace whose `podSelector` matches its pod labels and that '
      + 'allows only the traffic it needs, or a default-deny policy (`podSelector: {}`) for the whole '
      + 'namespace plus policies allowing each workload\'s traffic. The suggestion creates a starting point '
      + 'that allows traffic within the namespace and DNS.',
    references: [NETWORK_POLICY_DOC, 'https://kubernetes.io/docs/tasks/administer-cluster/declare-network-policy/'],
  },
  examples: {
    incorrect: `apiVersion: v1
kind: Pod
metadata:
  name: lone
spec:
  containers:
  - name: app
    image: nginx:1.27
`,
    correct: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: {app: web}
  ports:
  - port: 80
`,
  },
  fix: null,
  workspaceReads: NETWORK_POLICY_READS,
  checkPod({ object, pod, config, workspace: { index, self }, report }) {
    // A PodTemplate runs nothing; host-network pods are outside NetworkPolicy's reach.
    if (object.kind === 'PodTemplate' || isTrue(pod.field('hostNetwork'))) return;
    const ns = index.namespaceOf(self);
    // A patch is a partial object: its policy lives with the base it patches.
    if (SYSTEM_NAMESPACES.has(ns) || index.isPatch(self.uri) || isSelected(index, self)) return;
    // Without policies of its own in the workspace, the namespace's policies may well be applied
    // from elsewhere: only a user who asked for this rule (or for every rule) hears about it.
    // A policy whose namespace is itself a guess counts only when applied with this workload.
    const own = policiesIn(index, ns).filter(p => index.speaksFor(p, self));
    const managedHere = own.some(p => !p.networkPolicy!.clusterWide);
    if (!managedHere && !config.enableAll && config.rules['require-network-policy'] === undefined) return;
    const name = object.name ?? '(unnamed)';
    const labels = selectorLabels(object, readLabels(getMap(pod.metadata, 'labels', object.doc), object.doc));
    const policyName = uniqueName(name, new Set(policiesIn(index, ns).map(p => p.name)));
    report({
      messageId: 'notSelected',
      data: { kind: object.kind, name, namespace: ns },
      at: nameNode(object),
      related: byLocation(own).slice(0, MAX_RELATED).map(p => ({ ref: p, message: `${policyLabel(p)} applies in namespace "${ns}" but does not select these pods.` })),
      // Pods without labels can only be selected with every other pod of the namespace.
      suggestions: Object.keys(labels).length === 0 ? [] : [createDocument(
        `Create a NetworkPolicy for ${object.kind} "${name}"`,
        `${name}-network-policy.yaml`,
        workloadPolicy(policyName, object.namespace, labels, `${object.kind} "${name}"`),
      )],
    });
  },
});

/**
 * The labels the policy selects on: the workload's own selector when it is plain matchLabels
 * (the stable identity; template labels often carry a version that changes), else the template's.
 */
function selectorLabels(object: K8sObject, template: Readonly<Record<string, string>>): Record<string, string> {
  const selector = getMap(specOf(object), 'selector', object.doc);
  // ReplicationController's selector is a plain map; the apps kinds' is a LabelSelector.
  const own = readLabels(object.kind === 'ReplicationController' ? selector : getMap(selector, 'matchLabels', object.doc), object.doc);
  const usable = Object.keys(own).length > 0 && Object.entries(own).every(([k, v]) => template[k] === v);
  if (usable) return own;
  // A Job's pods carry its name as a label, the usual way to select them when the template has none.
  if (Object.keys(template).length === 0 && object.kind === 'Job' && object.group === 'batch' && object.name) return { 'job-name': object.name };
  return { ...template };
}
