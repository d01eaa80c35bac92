// Polaris (FairwindsOps/polaris, pkg/config/checks/*.yaml): for each kept or added mapping, a
// manifest the check fails and one it passes, written from its JSON schema (test/fixtures/peers).
import { binding, caps, configMap, deploy, doc, EXEC, FULL, hostPath, Pair, podSc, PODS, privileged, role, sc } from './manifests';

const pod = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  namespace: shop\n  labels: {app: web}\nspec:\n  containers:\n  - {name: app, image: "nginx:1.27"}\n`;
const netpol = (spec: string) => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: np\n  namespace: shop\nspec: ${spec}\n`;
// What missingNetworkPolicy asks: matchLabels naming one of the pod's labels, ingress and egress rules, both types.
const BOTH = netpol('{podSelector: {matchLabels: {app: web}}, policyTypes: [Ingress, Egress], ingress: [{from: [{podSelector: {matchLabels: {app: api}}}]}], egress: [{to: [{podSelector: {matchLabels: {app: db}}}]}]}');
const INGRESS_ONLY = netpol('{podSelector: {matchLabels: {app: web}}, policyTypes: [Ingress], ingress: [{from: [{podSelector: {matchLabels: {app: api}}}]}]}');
// A binding to a role whose rule the check fails, against the same binding to a role reading pods.
const viaBinding = (bindingKind: 'RoleBinding' | 'ClusterRoleBinding', roleKind: 'Role' | 'ClusterRole', name: string, failing: string) => ({
  fail: doc(binding(bindingKind, roleKind, name), role(roleKind, name, failing)),
  pass: doc(binding(bindingKind, roleKind, name), role(roleKind, name, PODS)),
});
const ingress = (extra: string) => `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  defaultBackend: {service: {name: web, port: {number: 80}}}${extra}\n`;

export const POLARIS_PAIRS: Record<string, Pair> = {
  'polaris:clusterrolebindingClusterAdmin:disallow-cluster-admin-binding': { fail: binding('ClusterRoleBinding', 'ClusterRole', 'cluster-admin'), pass: binding('ClusterRoleBinding', 'ClusterRole', 'view') },
  'polaris:clusterrolebindingClusterAdmin:disallow-full-wildcard-rules': viaBinding('ClusterRoleBinding', 'ClusterRole', 'ops', FULL),
  'polaris:rolebindingClusterAdminClusterRole:disallow-cluster-admin-binding': { fail: binding('RoleBinding', 'ClusterRole', 'cluster-admin'), pass: binding('RoleBinding', 'ClusterRole', 'view') },
  'polaris:rolebindingClusterAdminClusterRole:disallow-full-wildcard-rules': viaBinding('RoleBinding', 'ClusterRole', 'ops', FULL),
  'polaris:rolebindingClusterAdminRole:disallow-full-wildcard-rules': viaBinding('RoleBinding', 'Role', 'ops', FULL),
  'polaris:clusterrolebindingPodExecAttach:restrict-pod-exec-attach-port-forward': viaBinding('ClusterRoleBinding', 'ClusterRole', 'debug', EXEC),
  'polaris:rolebindingClusterRolePodExecAttach:restrict-pod-exec-attach-port-forward': viaBinding('RoleBinding', 'ClusterRole', 'debug', EXEC),
  'polaris:rolebindingRolePodExecAttach:restrict-pod-exec-attach-port-forward': viaBinding('RoleBinding', 'Role', 'debug', EXEC),
  'polaris:clusterrolePodExecAttach:restrict-pod-exec-attach-port-forward': { fail: role('ClusterRole', 'debug', EXEC), pass: role('ClusterRole', 'debug', PODS) },
  'polaris:rolePodExecAttach:restrict-pod-exec-attach-port-forward': { fail: role('Role', 'debug', EXEC), pass: role('Role', 'debug', PODS) },
  'polaris:automountServiceAccountToken:disallow-service-account-token-automount': { fail: deploy({ spec: ['automountServiceAccountToken: true'] }), pass: deploy({ spec: ['automountServiceAccountToken: false'] }) },
  'polaris:cpuLimitsMissing:require-cpu-limit': { fail: deploy(), pass: deploy({ container: ['resources: {limits: {cpu: 500m}}'] }) },
  'polaris:cpuRequestsMissing:require-cpu-request': { fail: deploy(), pass: deploy({ container: ['resources: {requests: {cpu: 100m}}'] }) },
  'polaris:memoryLimitsMissing:require-memory-limit': { fail: deploy(), pass: deploy({ container: ['resources: {limits: {memory: 128Mi}}'] }) },
  'polaris:memoryRequestsMissing:require-memory-request': { fail: deploy(), pass: deploy({ container: ['resources: {requests: {memory: 128Mi}}'] }) },
  'polaris:dangerousCapabilities:disallow-dangerous-capabilities': { fail: privileged(deploy({ container: [caps(['NET_ADMIN'])] })), pass: privileged(deploy({ container: [caps(['CHOWN'])] })) },
  'polaris:hostIPCSet:disallow-host-ipc': { fail: deploy({ spec: ['hostIPC: true'] }), pass: deploy() },
  'polaris:hostNetworkSet:disallow-host-network': { fail: deploy({ spec: ['hostNetwork: true'] }), pass: deploy() },
  'polaris:hostPIDSet:disallow-host-pid': { fail: deploy({ spec: ['hostPID: true'] }), pass: deploy() },
  'polaris:hostPathSet:disallow-host-path-volumes': { fail: deploy({ spec: hostPath('/data') }), pass: deploy({ spec: ['volumes: [{name: v, emptyDir: {}}]'] }) },
  'polaris:hostPortSet:disallow-host-ports': { fail: deploy({ container: ['ports: [{containerPort: 8080, hostPort: 8080}]'] }), pass: deploy({ container: ['ports: [{containerPort: 8080}]'] }) },
  'polaris:hostProcess:disallow-windows-host-process': {
    fail: deploy({ spec: ['os: {name: windows}', podSc('windowsOptions: {hostProcess: true, runAsUserName: "NT AUTHORITY\\\\SYSTEM"}'), 'hostNetwork: true'] }),
    pass: deploy({ spec: ['os: {name: windows}'] }),
  },
  'polaris:insecureCapabilities:require-drop-all-capabilities': { fail: deploy({ container: [caps([], ['NET_RAW'])] }), pass: deploy({ container: [caps([], ['ALL'])] }) },
  'polaris:linuxHardening:require-linux-hardening': { fail: deploy(), pass: deploy({ container: [caps([], ['ALL'])] }) },
  'polaris:livenessProbeMissing:require-liveness-probe': { fail: deploy(), pass: deploy({ container: ['livenessProbe: {httpGet: {path: /healthz, port: 8080}}'] }) },
  'polaris:readinessProbeMissing:require-readiness-probe': { fail: deploy(), pass: deploy({ container: ['readinessProbe: {httpGet: {path: /ready, port: 8080}}'] }) },
  'polaris:missingNetworkPolicy:require-network-policy': { fail: pod, pass: doc(pod, BOTH) },
  'polaris:missingNetworkPolicy:require-ingress-and-egress-policy': { fail: doc(pod, INGRESS_ONLY), pass: doc(pod, BOTH) },
  'polaris:notReadOnlyRootFilesystem:require-read-only-root-filesystem': { fail: deploy(), pass: deploy({ container: [sc('readOnlyRootFilesystem: true')] }) },
  'polaris:privilegeEscalationAllowed:require-no-privilege-escalation': { fail: deploy(), pass: deploy({ container: [sc('allowPrivilegeEscalation: false')] }) },
  'polaris:procMount:disallow-unmasked-proc-mount': { fail: deploy({ container: [sc('procMount: Unmasked')] }), pass: deploy({ container: [sc('procMount: Default')] }) },
  'polaris:pullPolicyNotAlways:require-image-pull-policy-always': { fail: deploy({ container: ['imagePullPolicy: IfNotPresent'] }), pass: deploy({ container: ['imagePullPolicy: Always'] }) },
  'polaris:runAsPrivileged:disallow-privileged-containers': { fail: deploy({ container: [sc('privileged: true')] }), pass: deploy({ container: [sc('privileged: false')] }) },
  'polaris:runAsRootAllowed:require-run-as-non-root': { fail: deploy(), pass: deploy({ spec: [podSc('runAsNonRoot: true')] }) },
  'polaris:sensitiveConfigmapContent:disallow-secrets-in-configmap': { fail: configMap('api_token: 8f14e45fceea167a5a36dedd4bea2543'), pass: configMap('log_level: debug') },
  'polaris:sensitiveContainerEnvVar:disallow-secrets-in-env': { fail: deploy({ container: ['env: [{name: DB_PASSWORD, value: s3cr3t-Pa55w0rd}]'] }), pass: deploy({ container: ['env: [{name: LOG_LEVEL, value: debug}]'] }) },
  'polaris:tagNotSpecified:disallow-latest-image-tag': { fail: deploy({ image: 'nginx' }), pass: deploy({ image: 'nginx:1.27' }) },
  'polaris:tlsSettingsMissing:require-ingress-tls': { fail: ingress(''), pass: ingress('\n  tls: [{hosts: [shop.example.org], secretName: shop-tls}]') },
};
