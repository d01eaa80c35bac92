// For mappings the audit removed because the rule and the peer judge differently: a manifest the
// peer fails and one it passes, written from the peer's definition, on which the rule does NOT
// agree (silent on the first or firing on the second). They document each removal; a rule that
// comes to agree on its pair asks for the mapping to be audited again.
import { bound, caps, deploy, doc, namespace, Pair, podSc, RBAC, role, rule, sc } from './manifests';

const limitRange = (limit: string) => `apiVersion: v1\nkind: LimitRange\nmetadata:\n  name: limits\n  namespace: shop\nspec:\n  limits: [{${limit}}]\n`;
const quota = (hard: string) => `apiVersion: v1\nkind: ResourceQuota\nmetadata:\n  name: quota\n  namespace: shop\nspec:\n  hard: {${hard}}\n`;
const FULL_LIMIT = 'type: Container, max: {cpu: "2"}, min: {cpu: 10m}, default: {cpu: 500m}, defaultRequest: {cpu: 100m}';
const tiller = (args: string) => deploy({ image: 'ghcr.io/helm/tiller:v2.16.9', container: [`args: ${args}`] });
const pod = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  namespace: shop\n  labels: {app: web}\nspec:\n  containers:\n  - {name: app, image: "nginx:1.27"}\n`;
const ingressOnly = `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: np\n  namespace: shop\nspec:\n  podSelector: {matchLabels: {app: web}}\n  policyTypes: [Ingress]\n`;
const labelled = (labels: string) => deploy().replace('  name: web\n  namespace: shop\n', `  name: web\n  namespace: shop\n  labels: {${labels}}\n`)
  .replace('labels: {app: web}', `labels: {app: web, ${labels}}`);
// Every setting of Kubescape's C-0211 sub-rules, the ProcMountType one aside (it needs host data).
const ALL_C0211 = deploy({
  spec: [podSc('runAsNonRoot: true, runAsUser: 10001, runAsGroup: 10001, fsGroup: 10001, fsGroupChangePolicy: OnRootMismatch, supplementalGroups: [10001], sysctls: [{name: net.ipv4.tcp_syncookies, value: "1"}], seLinuxOptions: {level: "s0:c1,c2"}, seccompProfile: {type: RuntimeDefault}')],
  container: [sc('allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: {drop: [ALL]}')],
});
const bindTo = (bindingResource: string, roleResource: string, roleKind: 'Role' | 'ClusterRole', names?: string[]) =>
  role(roleKind, 'r', rule(RBAC, [bindingResource], ['create']), rule(RBAC, [roleResource], ['bind'], names));

export const REMOVED_PAIRS: Record<string, Pair> = {
  'trivy:KSV039:require-namespace-limit-range': { fail: doc(namespace(), limitRange('type: Container, max: {cpu: "2"}')), pass: doc(namespace(), limitRange(FULL_LIMIT)) },
  'trivy:KSV040:require-namespace-resource-quota': { fail: doc(namespace(), quota('pods: "10"')), pass: doc(namespace(), quota('requests.cpu: "4", requests.memory: 8Gi, limits.cpu: "8", limits.memory: 16Gi')) },
  'trivy:KSV042:disallow-pod-log-deletion': { fail: role('Role', 'r', rule([''], ['pods/log'], ['delete'])), pass: role('Role', 'r', rule([''], ['pods/log'], ['get'])) },
  'trivy:KSV051:restrict-role-binding-creation': { fail: bindTo('rolebindings', 'roles', 'Role', ['*']), pass: bindTo('rolebindings', 'roles', 'Role') },
  'trivy:KSV052:restrict-role-binding-creation': { fail: bindTo('clusterrolebindings', 'clusterroles', 'ClusterRole', ['*']), pass: bindTo('clusterrolebindings', 'clusterroles', 'ClusterRole') },
  'trivy:KSV119:require-drop-net-raw': { fail: deploy({ container: [caps(['NET_RAW'])] }), pass: deploy() },
  'checkov:CKV_K8S_45:disallow-helm-tiller': { fail: tiller('[]'), pass: tiller('["--listen=localhost:44134"]') },
  'checkov:CKV_K8S_157:disallow-rbac-escalation-verbs': { fail: role('Role', 'r', rule(RBAC, ['rolebindings'], ['bind'])), pass: role('Role', 'r', rule(RBAC, ['rolebindings'], ['get'])) },
  'checkov:CKV2_K8S_1:disallow-rbac-escalation-verbs': { fail: bound('Role', rule(RBAC, ['rolebindings'], ['bind'])), pass: bound('Role', rule(RBAC, ['rolebindings'], ['get'])) },
  'kubescape:C-0030:require-ingress-and-egress-policy': { fail: pod, pass: doc(pod, ingressOnly) },
  'kubescape:C-0076:require-recommended-labels': { fail: deploy(), pass: labelled('owner: team-shop') },
  'kubescape:C-0077:require-recommended-labels': { fail: deploy(), pass: labelled('app.kubernetes.io/part-of: shop') },
  'kubescape:C-0211:require-security-context': { fail: deploy({ container: [sc('privileged: true')], spec: [podSc('runAsNonRoot: true')] }), pass: ALL_C0211 },
  'polaris:linuxHardening:disallow-unconfined-seccomp': {
    fail: deploy({ spec: [podSc('seccompProfile: {type: Unconfined}')] }),
    pass: deploy({ spec: [podSc('seccompProfile: {type: Unconfined}')], container: [caps([], ['ALL'])] }),
  },
};
