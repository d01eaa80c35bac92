// NetworkPolicies the network rules propose to create. They are starting points the user edits
// (offered as suggestions, never applied in bulk): a default-deny for a namespace, and a policy
// for one workload that keeps its traffic inside its namespace.
import { NewDocument } from './document';
import { YamlValue } from './render';

type Direction = 'Ingress' | 'Egress';

function metadata(name: string, namespace: string | undefined): { [key: string]: YamlValue } {
  return namespace === undefined ? { name } : { name, namespace };
}

/** A policy selecting every pod of `namespace` and allowing nothing in `directions`. */
export function defaultDenyPolicy(name: string, namespace: string, directions: readonly Direction[]): NewDocument {
  const what = directions.length === 2 ? 'all traffic to and from' : directions[0] === 'Ingress' ? 'all traffic to' : 'all traffic from';
  return {
    comment: [
      `Denies ${what} every pod in namespace "${namespace}". Pods then need policies`,
      directions.includes('Egress') ? 'allowing what they use, DNS (kube-dns in kube-system) included.' : 'allowing the connections they accept.',
    ],
    object: {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: metadata(name, namespace),
      spec: { podSelector: {}, policyTypes: [...directions] },
    },
  };
}

/**
 * A policy for one workload's pods: ingress from pods of its own namespace, egress to them and
 * to the cluster DNS. `namespace` is written only when the workload writes one, so the policy
 * lands wherever the workload is applied (`kubectl -n`, a kustomization).
 */
export function workloadPolicy(name: string, namespace: string | undefined, labels: Readonly<Record<string, string>>, workload: string): NewDocument {
  return {
    comment: [
      `Allows ${workload} traffic from and to pods of its own namespace, and DNS.`,
      'Narrow it to the peers and ports the workload really uses.',
    ],
    object: {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: metadata(name, namespace),
      spec: {
        podSelector: { matchLabels: { ...labels } },
        policyTypes: ['Ingress', 'Egress'],
        ingress: [{ from: [{ podSelector: {} }] }],
        egress: [
          { to: [{ podSelector: {} }] },
          {
            to: [{
              namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
              podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
            }],
            ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }],
          },
        ],
      },
    },
  };
}
