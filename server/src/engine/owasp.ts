// The OWASP Kubernetes Top 10 (2022) category of each rule, as data: a default per rule
// category, and overrides where a rule's category is not the risk it guards against (an
// end-of-life component is an outdated component, not a supply-chain one).
import { Category, RuleMeta } from './rule';

export type OwaspId = 'K01' | 'K02' | 'K03' | 'K04' | 'K05' | 'K06' | 'K07' | 'K08' | 'K09' | 'K10';

export const OWASP_K8S_TOP10: Record<OwaspId, string> = {
  K01: 'Insecure Workload Configurations',
  K02: 'Supply Chain Vulnerabilities',
  K03: 'Overly Permissive RBAC Configurations',
  K04: 'Lack of Centralized Policy Enforcement',
  K05: 'Inadequate Logging and Monitoring',
  K06: 'Broken Authentication Mechanisms',
  K07: 'Missing Network Segmentation Controls',
  K08: 'Secrets Management Failures',
  K09: 'Misconfigured Cluster Components',
  K10: 'Outdated and Vulnerable Kubernetes Components',
};

export const OWASP_URL = 'https://owasp.org/www-project-kubernetes-top-ten/';

export const OWASP_BY_CATEGORY: Record<Category, OwaspId> = {
  'pod-security': 'K01',
  'workload-hardening': 'K01',
  // Resource limits are part of a workload's configuration: an unbounded pod starves its node.
  resources: 'K01',
  // A mounted token is API access: what it can do is whatever RBAC grants the account.
  'service-accounts': 'K03',
  rbac: 'K03',
  network: 'K07',
  secrets: 'K08',
  images: 'K02',
  // Pod Security labels on a Namespace are the cluster's built-in policy enforcement.
  namespaces: 'K04',
  misc: 'K09',
};

export const OWASP_BY_RULE: Readonly<Record<string, OwaspId>> = {
  'report-eol-and-vulnerable-components': 'K10',
  // Tiller (Helm 2) has been unmaintained since 2020 and answers any in-cluster caller as admin.
  'disallow-helm-tiller': 'K10',
  'disallow-removed-api-versions': 'K10',
  'disallow-kubernetes-dashboard': 'K09',
  // Snippets run inside the shared ingress controller, which can read every Secret it serves.
  'disallow-ingress-nginx-snippets': 'K09',
  // Workloads in kube-system and pods without a controller are workload configuration, not policy.
  'disallow-kube-system-workloads': 'K01',
  'disallow-naked-pods': 'K01',
  'disallow-pod-security-policy': 'K04',
  'disallow-scc-privileged': 'K04',
};

export function owaspOf(rule: Pick<RuleMeta, 'id' | 'category'>): OwaspId {
  return OWASP_BY_RULE[rule.id] ?? OWASP_BY_CATEGORY[rule.category];
}

/** `K01:2022 Insecure Workload Configurations`. */
export function owaspLabel(id: OwaspId): string {
  return `${id}:2022 ${OWASP_K8S_TOP10[id]}`;
}
