// Trivy (aquasecurity/trivy-checks, checks/kubernetes/*.rego): for each kept or added mapping, a
// manifest the check denies and one it allows, written from the rego (test/fixtures/peers).
import { alone, binding, caps, configMap, CORE, deploy, groupBinding, hostPath, Pair, podSc, privileged, RBAC, role, rule, sc } from './manifests';

const clusterRole = (...rules: string[]) => role('ClusterRole', 'r', ...rules);
const nsRole = (...rules: string[]) => role('Role', 'r', ...rules);
const netpol = (spec: string) => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: np\n  namespace: shop\nspec: ${spec}\n`;
const ingress = (authUrl: string) => `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  namespace: shop\n  annotations:\n    nginx.ingress.kubernetes.io/auth-url: "${authUrl}"\nspec:\n  ingressClassName: nginx\n  defaultBackend: {service: {name: web, port: {number: 80}}}\n`;
const service = (extra: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]${extra}\n`;
const cronJob = (apiVersion: string) => `apiVersion: ${apiVersion}\nkind: CronJob\nmetadata:\n  name: report\n  namespace: shop\nspec:\n  schedule: "0 3 * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers: [{name: report, image: "busybox:1.36"}]\n`;
const allowedRepos = (repo: string) => `apiVersion: constraints.gatekeeper.sh/v1beta1\nkind: K8sAllowedRepos\nmetadata:\n  name: repos\nspec:\n  parameters:\n    repos: ["${repo}"]\n`;

export const TRIVY_PAIRS: Record<string, Pair> = {
  'trivy:KCV0093:disallow-ingress-nginx-snippets': { fail: ingress('http://auth.shop/{lua}'), pass: ingress('http://auth.shop/verify') },
  'trivy:KSV001:require-no-privilege-escalation': { fail: deploy(), pass: deploy({ container: [sc('allowPrivilegeEscalation: false')] }) },
  'trivy:KSV002:restrict-apparmor-profile': {
    fail: deploy({ annotations: 'container.apparmor.security.beta.kubernetes.io/app: unconfined' }),
    pass: deploy({ annotations: 'container.apparmor.security.beta.kubernetes.io/app: runtime/default' }),
  },
  'trivy:KSV003:require-drop-all-capabilities': { fail: deploy({ container: [caps([], ['NET_RAW'])] }), pass: deploy({ container: [caps([], ['ALL'])] }) },
  // Alone: require-drop-net-raw, when on, reports the same containers and replaces it.
  'trivy:KSV004:require-capability-drop': {
    fail: deploy(), pass: deploy({ container: [caps([], ['NET_RAW'])] }), config: alone('require-capability-drop'),
  },
  // Where Pod Security is enforced, disallow-non-default-capabilities reports SYS_ADMIN and SYS_MODULE.
  'trivy:KSV005:disallow-dangerous-capabilities': { fail: privileged(deploy({ container: [caps(['SYS_ADMIN'])] })), pass: privileged(deploy({ container: [caps(['CHOWN'])] })) },
  'trivy:KSV006:disallow-container-runtime-socket': { fail: deploy({ spec: hostPath('/var/run/docker.sock') }), pass: deploy({ spec: hostPath('/data') }) },
  'trivy:KSV007:disallow-host-aliases': { fail: deploy({ spec: ['hostAliases: [{ip: 10.0.0.1, hostnames: [registry.local]}]'] }), pass: deploy() },
  'trivy:KSV008:disallow-host-ipc': { fail: deploy({ spec: ['hostIPC: true'] }), pass: deploy({ spec: ['hostIPC: false'] }) },
  'trivy:KSV009:disallow-host-network': { fail: deploy({ spec: ['hostNetwork: true'] }), pass: deploy({ spec: ['hostNetwork: false'] }) },
  'trivy:KSV010:disallow-host-pid': { fail: deploy({ spec: ['hostPID: true'] }), pass: deploy({ spec: ['hostPID: false'] }) },
  'trivy:KSV01010:disallow-pii-in-configmap': { fail: configMap('owner: jane.doe@acme.io'), pass: configMap('log_level: debug') },
  'trivy:KSV01011:disallow-broad-binding-subjects': { fail: groupBinding('RoleBinding', 'system:authenticated'), pass: groupBinding('RoleBinding', 'shop-admins') },
  'trivy:KSV011:require-cpu-limit': { fail: deploy({ container: ['resources: {limits: {memory: 128Mi}}'] }), pass: deploy({ container: ['resources: {limits: {cpu: 500m}}'] }) },
  'trivy:KSV012:require-run-as-non-root': { fail: deploy(), pass: deploy({ spec: [podSc('runAsNonRoot: true')] }) },
  'trivy:KSV013:disallow-latest-image-tag': { fail: deploy({ image: 'nginx' }), pass: deploy({ image: 'nginx:1.27' }) },
  'trivy:KSV014:require-read-only-root-filesystem': { fail: deploy(), pass: deploy({ container: [sc('readOnlyRootFilesystem: true')] }) },
  'trivy:KSV015:require-cpu-request': { fail: deploy({ container: ['resources: {requests: {memory: 128Mi}}'] }), pass: deploy({ container: ['resources: {requests: {cpu: 100m}}'] }) },
  'trivy:KSV016:require-memory-request': { fail: deploy({ container: ['resources: {requests: {cpu: 100m}}'] }), pass: deploy({ container: ['resources: {requests: {memory: 128Mi}}'] }) },
  'trivy:KSV017:disallow-privileged-containers': { fail: deploy({ container: [sc('privileged: true')] }), pass: deploy({ container: [sc('privileged: false')] }) },
  'trivy:KSV018:require-memory-limit': { fail: deploy({ container: ['resources: {limits: {cpu: 500m}}'] }), pass: deploy({ container: ['resources: {limits: {memory: 128Mi}}'] }) },
  'trivy:KSV020:require-high-uid': { fail: deploy({ spec: [podSc('runAsUser: 10000')] }), pass: deploy({ spec: [podSc('runAsUser: 10001')] }) },
  'trivy:KSV021:require-high-gid': { fail: deploy({ container: [sc('runAsGroup: 10000')] }), pass: deploy({ container: [sc('runAsGroup: 10001')] }) },
  'trivy:KSV022:disallow-non-default-capabilities': { fail: deploy({ container: [caps(['NET_ADMIN'])] }), pass: deploy({ container: [caps([], ['ALL'])] }) },
  'trivy:KSV023:disallow-host-path-volumes': { fail: deploy({ spec: hostPath('/data') }), pass: deploy({ spec: ['volumes: [{name: h, emptyDir: {}}]'] }) },
  'trivy:KSV024:disallow-host-ports': { fail: deploy({ container: ['ports: [{containerPort: 8080, hostPort: 8080}]'] }), pass: deploy({ container: ['ports: [{containerPort: 8080}]'] }) },
  'trivy:KSV025:restrict-selinux-options': { fail: deploy({ spec: [podSc('seLinuxOptions: {type: spc_t}')] }), pass: deploy({ spec: [podSc('seLinuxOptions: {type: container_t}')] }) },
  'trivy:KSV026:restrict-sysctls': { fail: deploy({ spec: [podSc('sysctls: [{name: kernel.msgmax, value: "65536"}]')] }), pass: deploy({ spec: [podSc('sysctls: [{name: net.ipv4.tcp_syncookies, value: "1"}]')] }) },
  'trivy:KSV027:disallow-unmasked-proc-mount': { fail: deploy({ container: [sc('procMount: Unmasked')] }), pass: deploy() },
  'trivy:KSV028:restrict-volume-types': { fail: deploy({ spec: ['volumes: [{name: v, nfs: {server: nfs.local, path: /x}}]'] }), pass: deploy({ spec: ['volumes: [{name: v, emptyDir: {}}]'] }) },
  'trivy:KSV030:require-seccomp-profile': { fail: deploy(), pass: deploy({ spec: [podSc('seccompProfile: {type: RuntimeDefault}')] }) },
  'trivy:KSV036:disallow-service-account-token-automount': { fail: deploy({ spec: ['automountServiceAccountToken: true'] }), pass: deploy({ spec: ['automountServiceAccountToken: false'] }) },
  'trivy:KSV037:disallow-kube-system-workloads': { fail: deploy({ namespace: 'kube-system' }), pass: deploy() },
  'trivy:KSV038:require-network-policy-pod-selector': { fail: netpol('{policyTypes: [Ingress]}'), pass: netpol('{podSelector: {}, policyTypes: [Ingress]}') },
  'trivy:KSV041:restrict-secret-read-access': { fail: clusterRole(rule(CORE, ['secrets'], ['get'])), pass: clusterRole(rule(CORE, ['configmaps'], ['get'])) },
  'trivy:KSV043:disallow-rbac-escalation-verbs': { fail: clusterRole(rule(['*'], ['groups'], ['impersonate'])), pass: clusterRole(rule(['*'], ['groups'], ['get'])) },
  'trivy:KSV044:disallow-full-wildcard-rules': { fail: nsRole(rule(['*'], ['*'], ['*'])), pass: nsRole(rule(['*'], ['pods'], ['*'])) },
  'trivy:KSV045:disallow-wildcard-verbs': { fail: nsRole(rule(CORE, ['pods'], ['*'])), pass: nsRole(rule(CORE, ['pods'], ['get'])) },
  'trivy:KSV046:disallow-wildcard-resources': { fail: clusterRole(rule(CORE, ['*'], ['get'])), pass: clusterRole(rule(CORE, ['pods'], ['get'])) },
  'trivy:KSV047:disallow-node-proxy-access': { fail: clusterRole(rule(CORE, ['nodes/proxy'], ['get'])), pass: clusterRole(rule(CORE, ['nodes'], ['get'])) },
  'trivy:KSV048:restrict-workload-creation': { fail: nsRole(rule(['apps'], ['deployments'], ['create'])), pass: nsRole(rule(['apps'], ['deployments'], ['get'])) },
  'trivy:KSV048:restrict-workload-deletion': { fail: nsRole(rule(['apps'], ['deployments'], ['delete'])), pass: nsRole(rule(['apps'], ['deployments'], ['get'])) },
  'trivy:KSV049:restrict-configmap-write': { fail: nsRole(rule(CORE, ['configmaps'], ['update'])), pass: nsRole(rule(CORE, ['configmaps'], ['get'])) },
  'trivy:KSV050:disallow-rbac-escalation-verbs': { fail: nsRole(rule(RBAC, ['roles'], ['escalate'])), pass: nsRole(rule(RBAC, ['roles'], ['get'])) },
  'trivy:KSV053:restrict-pod-exec-attach-port-forward': { fail: nsRole(rule(CORE, ['pods/exec'], ['create'])), pass: nsRole(rule(CORE, ['pods'], ['get'])) },
  'trivy:KSV054:restrict-pod-exec-attach-port-forward': {
    fail: nsRole(rule(['*'], ['pods/attach'], ['create']), rule(['*'], ['pods'], ['get'])),
    pass: nsRole(rule(['*'], ['pods'], ['get'])),
  },
  'trivy:KSV055:restrict-role-binding-patch': { fail: nsRole(rule(['*'], ['rolebindings'], ['get', 'patch'])), pass: nsRole(rule(['*'], ['rolebindings'], ['get'])) },
  'trivy:KSV056:restrict-network-object-write': { fail: nsRole(rule(['networking.k8s.io'], ['networkpolicies'], ['delete'])), pass: nsRole(rule(['networking.k8s.io'], ['networkpolicies'], ['list'])) },
  'trivy:KSV102:disallow-helm-tiller': { fail: deploy({ image: 'ghcr.io/helm/tiller:v2.16.9' }), pass: deploy() },
  'trivy:KSV103:disallow-windows-host-process': {
    fail: deploy({ spec: ['os: {name: windows}', podSc('windowsOptions: {hostProcess: true, runAsUserName: "NT AUTHORITY\\\\SYSTEM"}'), 'hostNetwork: true'] }),
    pass: deploy({ spec: ['os: {name: windows}'] }),
  },
  'trivy:KSV104:disallow-unconfined-seccomp': { fail: deploy({ container: [sc('seccompProfile: {type: Unconfined}')] }), pass: deploy({ container: [sc('seccompProfile: {type: RuntimeDefault}')] }) },
  'trivy:KSV104:require-seccomp-profile': { fail: deploy(), pass: deploy({ container: [sc('seccompProfile: {type: RuntimeDefault}')] }) },
  'trivy:KSV105:disallow-root-user': { fail: deploy({ spec: [podSc('runAsUser: 0')] }), pass: deploy({ spec: [podSc('runAsUser: 1000')] }) },
  'trivy:KSV106:require-drop-all-capabilities': { fail: deploy({ container: [caps(['NET_BIND_SERVICE'])] }), pass: deploy({ container: [caps(['NET_BIND_SERVICE'], ['ALL'])] }) },
  'trivy:KSV106:restrict-capabilities-to-net-bind-service': { fail: deploy({ container: [caps(['CHOWN'], ['ALL'])] }), pass: deploy({ container: [caps(['NET_BIND_SERVICE'], ['ALL'])] }) },
  'trivy:KSV107:disallow-removed-api-versions': { fail: cronJob('batch/v1beta1'), pass: cronJob('batch/v1') },
  'trivy:KSV108:disallow-service-external-ips': { fail: service('\n  externalIPs: [192.168.0.106]'), pass: service('') },
  'trivy:KSV109:disallow-secrets-in-configmap': { fail: configMap('password: hunter2-but-longer'), pass: configMap('log_level: debug') },
  'trivy:KSV110:disallow-default-namespace': { fail: deploy({ namespace: 'default' }), pass: deploy() },
  'trivy:KSV111:disallow-cluster-admin-binding': { fail: binding('ClusterRoleBinding', 'ClusterRole', 'cluster-admin'), pass: binding('ClusterRoleBinding', 'ClusterRole', 'view') },
  'trivy:KSV111:disallow-dangerous-role-binding': { fail: binding('RoleBinding', 'ClusterRole', 'edit'), pass: binding('RoleBinding', 'ClusterRole', 'view') },
  'trivy:KSV112:disallow-wildcard-resources': { fail: nsRole(rule(CORE, ['*'], ['list'])), pass: nsRole(rule(CORE, ['pods'], ['list'])) },
  'trivy:KSV113:restrict-secret-read-access': { fail: nsRole(rule(CORE, ['secrets'], ['list'])), pass: nsRole(rule(CORE, ['configmaps'], ['list'])) },
  'trivy:KSV114:restrict-admission-webhook-write': {
    fail: clusterRole(rule(['admissionregistration.k8s.io'], ['validatingwebhookconfigurations'], ['patch'])),
    pass: clusterRole(rule(['admissionregistration.k8s.io'], ['validatingwebhookconfigurations'], ['get'])),
  },
  'trivy:KSV115:disallow-aws-auth-write': { fail: nsRole(rule(CORE, ['configmaps'], ['update'], ['aws-auth'])), pass: nsRole(rule(CORE, ['configmaps'], ['get'], ['aws-auth'])) },
  'trivy:KSV116:disallow-root-group': { fail: deploy({ spec: [podSc('fsGroup: 0')] }), pass: deploy({ spec: [podSc('fsGroup: 2000')] }) },
  'trivy:KSV117:disallow-privileged-ports': { fail: deploy({ container: ['ports: [{containerPort: 80}]'] }), pass: deploy({ container: ['ports: [{containerPort: 8080}]'] }) },
  'trivy:KSV118:require-security-context': { fail: deploy(), pass: deploy({ spec: [podSc('runAsNonRoot: true')], container: [sc('allowPrivilegeEscalation: false')] }) },
  'trivy:KSV119:disallow-non-default-capabilities': { fail: deploy({ container: [caps(['NET_RAW'])] }), pass: deploy() },
  'trivy:KSV120:disallow-dangerous-capabilities': { fail: privileged(deploy({ container: [caps(['SYS_MODULE'])] })), pass: privileged(deploy({ container: [caps(['CHOWN'])] })) },
  'trivy:KSV121:disallow-sensitive-host-paths': { fail: deploy({ spec: hostPath('/etc') }), pass: deploy({ spec: hostPath('/data') }) },
  'trivy:KSV122:disallow-broad-binding-subjects': { fail: groupBinding('RoleBinding', 'system:unauthenticated'), pass: groupBinding('RoleBinding', 'shop-admins') },
  'trivy:KSV123:disallow-broad-binding-subjects': { fail: groupBinding('RoleBinding', 'system:masters'), pass: groupBinding('RoleBinding', 'shop-admins') },
  'trivy:KSV124:disallow-open-ended-allowed-repos': { fail: allowedRepos('gcr.io'), pass: allowedRepos('gcr.io/acme/') },
  'trivy:KSV125:require-trusted-registry': { fail: deploy({ image: 'quay.io/acme/web:1.0' }), pass: deploy({ image: 'gcr.io/acme/web:1.0' }), config: { trustedRegistries: ['gcr.io'] } },
};
