// Checkov (bridgecrewio/checkov, checkov/kubernetes/checks): for each kept or added mapping, a
// manifest the check fails and one it passes, written from its Python or graph YAML definition.
import { binding, bound, caps, CORE, deploy, doc, Pair, podSc, privileged, RBAC, role, rule, sc } from './manifests';

const clusterRole = (...rules: string[]) => role('ClusterRole', 'r', ...rules);
const nsRole = (...rules: string[]) => role('Role', 'r', ...rules);
const pod = (labels: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  namespace: shop\n  labels: {${labels}}\nspec:\n  containers:\n  - {name: app, image: "nginx:1.27"}\n`;
const netpol = `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  podSelector: {matchLabels: {app: web}}\n  policyTypes: [Ingress]\n`;
const ingress = (annotation: string) => `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  namespace: shop\n  annotations: {${annotation}}\nspec:\n  ingressClassName: nginx\n  defaultBackend: {service: {name: web, port: {number: 80}}}\n`;
const serviceAccount = (name: string, automount?: boolean) => `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: ${name}\n  namespace: shop\n${automount === undefined ? '' : `automountServiceAccountToken: ${automount}\n`}`;
const service = (name: string, labels: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n  namespace: shop\n  labels: {${labels}}\nspec:\n  selector: {${labels}}\n  ports: [{port: 44134}]\n`;
const CSR_APPROVAL = rule(['certificates.k8s.io'], ['certificatesigningrequests/approval'], ['update']);
const SIGNERS = rule(['certificates.k8s.io'], ['signers'], ['approve']);

// The graph checks report a binding of a ServiceAccount or Node to a role with the grant; the
// rules report the role. Each pair holds both (bound).

export const CHECKOV_PAIRS: Record<string, Pair> = {
  'checkov:CKV2_K8S_1:restrict-role-binding-creation': {
    fail: bound('Role', rule(RBAC, ['rolebindings'], ['create']), rule(RBAC, ['roles'], ['bind'])),
    pass: bound('Role', rule(RBAC, ['rolebindings'], ['create'])),
  },
  'checkov:CKV2_K8S_2:restrict-pod-exec-attach-port-forward': { fail: bound('Role', rule(CORE, ['pods/exec'], ['create'])), pass: bound('Role', rule(CORE, ['pods'], ['get'])) },
  'checkov:CKV2_K8S_2:disallow-node-proxy-access': { fail: bound('ClusterRole', rule(CORE, ['nodes/proxy'], ['create'])), pass: bound('ClusterRole', rule(CORE, ['nodes'], ['get'])) },
  'checkov:CKV2_K8S_3:disallow-rbac-escalation-verbs': { fail: bound('Role', rule(CORE, ['serviceaccounts'], ['impersonate'])), pass: bound('Role', rule(CORE, ['serviceaccounts'], ['get'])) },
  'checkov:CKV2_K8S_4:disallow-service-status-write': { fail: bound('Role', rule(CORE, ['services/status'], ['patch'])), pass: bound('Role', rule(CORE, ['services/status'], ['get'])) },
  'checkov:CKV2_K8S_5:restrict-secret-read-access': {
    fail: bound('Role', rule(CORE, ['secrets'], ['list'])),
    pass: bound('Role', rule(CORE, ['secrets'], ['get'], ['tls-web'])),
  },
  'checkov:CKV2_K8S_6:require-network-policy': { fail: pod('app: web'), pass: doc(pod('app: web'), netpol) },
  'checkov:CKV_K8S_8:require-liveness-probe': { fail: deploy(), pass: deploy({ container: ['livenessProbe: {httpGet: {path: /healthz, port: 8080}}'] }) },
  'checkov:CKV_K8S_9:require-readiness-probe': { fail: deploy(), pass: deploy({ container: ['readinessProbe: {httpGet: {path: /ready, port: 8080}}'] }) },
  'checkov:CKV_K8S_10:require-cpu-request': { fail: deploy({ container: ['resources: {requests: {memory: 128Mi}}'] }), pass: deploy({ container: ['resources: {requests: {cpu: 100m}}'] }) },
  'checkov:CKV_K8S_11:require-cpu-limit': { fail: deploy({ container: ['resources: {limits: {memory: 128Mi}}'] }), pass: deploy({ container: ['resources: {limits: {cpu: 500m}}'] }) },
  'checkov:CKV_K8S_12:require-memory-request': { fail: deploy({ container: ['resources: {requests: {cpu: 100m}}'] }), pass: deploy({ container: ['resources: {requests: {memory: 128Mi}}'] }) },
  'checkov:CKV_K8S_13:require-memory-limit': { fail: deploy({ container: ['resources: {limits: {cpu: 500m}}'] }), pass: deploy({ container: ['resources: {limits: {memory: 128Mi}}'] }) },
  'checkov:CKV_K8S_14:disallow-latest-image-tag': { fail: deploy({ image: 'nginx:latest' }), pass: deploy({ image: 'nginx:1.27' }) },
  'checkov:CKV_K8S_15:require-image-pull-policy-always': { fail: deploy({ container: ['imagePullPolicy: IfNotPresent'] }), pass: deploy({ container: ['imagePullPolicy: Always'] }) },
  'checkov:CKV_K8S_16:disallow-privileged-containers': { fail: deploy({ container: [sc('privileged: true')] }), pass: deploy({ container: [sc('privileged: false')] }) },
  'checkov:CKV_K8S_17:disallow-host-pid': { fail: deploy({ spec: ['hostPID: true'] }), pass: deploy() },
  'checkov:CKV_K8S_18:disallow-host-ipc': { fail: deploy({ spec: ['hostIPC: true'] }), pass: deploy() },
  'checkov:CKV_K8S_19:disallow-host-network': { fail: deploy({ spec: ['hostNetwork: true'] }), pass: deploy() },
  'checkov:CKV_K8S_20:require-no-privilege-escalation': { fail: deploy({ container: [sc('allowPrivilegeEscalation: true')] }), pass: deploy({ container: [sc('allowPrivilegeEscalation: false')] }) },
  'checkov:CKV_K8S_21:disallow-default-namespace': { fail: deploy({ namespace: 'default' }), pass: deploy() },
  'checkov:CKV_K8S_22:require-read-only-root-filesystem': { fail: deploy({ container: [sc('readOnlyRootFilesystem: false')] }), pass: deploy({ container: [sc('readOnlyRootFilesystem: true')] }) },
  'checkov:CKV_K8S_23:require-run-as-non-root': { fail: deploy({ spec: [podSc('runAsNonRoot: false')] }), pass: deploy({ spec: [podSc('runAsNonRoot: true')] }) },
  'checkov:CKV_K8S_25:disallow-non-default-capabilities': { fail: deploy({ container: [caps(['SYS_PTRACE'])] }), pass: deploy({ container: [caps([], ['ALL'])] }) },
  'checkov:CKV_K8S_26:disallow-host-ports': { fail: deploy({ container: ['ports: [{containerPort: 53, hostPort: 53}]'] }), pass: deploy({ container: ['ports: [{containerPort: 53}]'] }) },
  'checkov:CKV_K8S_27:disallow-container-runtime-socket': { fail: deploy({ spec: ['volumes: [{name: s, hostPath: {path: /var/run/docker.sock}}]'] }), pass: deploy({ spec: ['volumes: [{name: s, emptyDir: {}}]'] }) },
  'checkov:CKV_K8S_28:require-drop-net-raw': { fail: deploy({ container: [caps([], ['CHOWN'])] }), pass: deploy({ container: [caps([], ['NET_RAW'])] }) },
  'checkov:CKV_K8S_29:require-security-context': { fail: deploy({ container: [sc('allowPrivilegeEscalation: false')] }), pass: deploy({ spec: [podSc('runAsNonRoot: true')], container: [sc('allowPrivilegeEscalation: false')] }) },
  'checkov:CKV_K8S_30:require-security-context': { fail: deploy({ spec: [podSc('runAsNonRoot: true')] }), pass: deploy({ spec: [podSc('runAsNonRoot: true')], container: [sc('allowPrivilegeEscalation: false')] }) },
  'checkov:CKV_K8S_31:require-seccomp-profile': { fail: deploy({ spec: [podSc('seccompProfile: {type: Unconfined}')] }), pass: deploy({ spec: [podSc('seccompProfile: {type: RuntimeDefault}')] }) },
  'checkov:CKV_K8S_33:disallow-kubernetes-dashboard': { fail: deploy({ image: 'kubernetesui/dashboard:v2.7.0' }), pass: deploy() },
  'checkov:CKV_K8S_34:disallow-helm-tiller': { fail: deploy({ image: 'ghcr.io/helm/tiller:v2.16.9' }), pass: deploy() },
  'checkov:CKV_K8S_35:prefer-secret-volumes-over-env': {
    fail: deploy({ container: ['env: [{name: DB_PASSWORD, valueFrom: {secretKeyRef: {name: db, key: password}}}]'] }),
    pass: deploy({ container: ['env: [{name: LOG_LEVEL, value: debug}]'] }),
  },
  'checkov:CKV_K8S_37:require-drop-all-capabilities': { fail: deploy({ container: [caps([], ['NET_RAW'])] }), pass: deploy({ container: [caps([], ['ALL'])] }) },
  'checkov:CKV_K8S_38:disallow-service-account-token-automount': { fail: deploy({ spec: ['automountServiceAccountToken: true'] }), pass: deploy({ spec: ['automountServiceAccountToken: false'] }) },
  'checkov:CKV_K8S_39:disallow-dangerous-capabilities': { fail: privileged(deploy({ container: [caps(['SYS_ADMIN'])] })), pass: privileged(deploy({ container: [caps(['NET_BIND_SERVICE'])] })) },
  'checkov:CKV_K8S_40:require-high-uid': { fail: deploy({ spec: [podSc('runAsUser: 1000')] }), pass: deploy({ spec: [podSc('runAsUser: 10001')] }) },
  'checkov:CKV_K8S_41:disallow-service-account-automount': { fail: serviceAccount('default'), pass: serviceAccount('default', false) },
  'checkov:CKV_K8S_42:disallow-default-service-account-binding': {
    fail: doc(nsRole(rule(CORE, ['pods'], ['get'])), binding('RoleBinding', 'Role', 'r', 'default')),
    pass: doc(nsRole(rule(CORE, ['pods'], ['get'])), binding('RoleBinding', 'Role', 'r', 'web')),
  },
  'checkov:CKV_K8S_43:require-image-digest': { fail: deploy({ image: 'nginx:1.27' }), pass: deploy({ image: 'nginx@sha256:0000000000000000000000000000000000000000000000000000000000000000' }) },
  'checkov:CKV_K8S_44:disallow-helm-tiller': { fail: service('tiller-deploy', 'app: helm, name: tiller'), pass: service('web', 'app: web') },
  'checkov:CKV_K8S_49:disallow-wildcard-resources': { fail: nsRole(rule(CORE, ['*'], ['get'])), pass: nsRole(rule(CORE, ['pods'], ['get'])) },
  'checkov:CKV_K8S_49:disallow-wildcard-verbs': { fail: nsRole(rule(CORE, ['pods'], ['*'])), pass: nsRole(rule(CORE, ['pods'], ['get'])) },
  'checkov:CKV_K8S_152:disallow-ingress-nginx-snippets': {
    fail: ingress('nginx.ingress.kubernetes.io/server-snippet: "location /x { content_by_lua_block { ngx.say(1) } }"'),
    pass: ingress('nginx.ingress.kubernetes.io/ssl-redirect: "true"'),
  },
  'checkov:CKV_K8S_153:disallow-ingress-nginx-snippets': {
    fail: ingress('nginx.ingress.kubernetes.io/configuration-snippet: "more_set_headers \\"X-Frame-Options: DENY\\";"'),
    pass: ingress('nginx.ingress.kubernetes.io/ssl-redirect: "true"'),
  },
  'checkov:CKV_K8S_154:disallow-ingress-nginx-snippets': {
    fail: ingress('nginx.ingress.kubernetes.io/server-snippet: "location /x { alias /var/run/secrets/; }"'),
    pass: ingress('nginx.ingress.kubernetes.io/ssl-redirect: "true"'),
  },
  'checkov:CKV_K8S_155:restrict-admission-webhook-write': {
    fail: clusterRole(rule(['admissionregistration.k8s.io'], ['mutatingwebhookconfigurations'], ['update'])),
    pass: clusterRole(rule(['admissionregistration.k8s.io'], ['mutatingwebhookconfigurations'], ['list'])),
  },
  'checkov:CKV_K8S_156:restrict-csr-approval': { fail: clusterRole(CSR_APPROVAL, SIGNERS), pass: clusterRole(CSR_APPROVAL) },
  'checkov:CKV_K8S_158:disallow-rbac-escalation-verbs': { fail: nsRole(rule(RBAC, ['roles'], ['escalate'])), pass: nsRole(rule(RBAC, ['roles'], ['list'])) },
  'checkov:CKV_K8S_159:disallow-git-sync-command-override': {
    fail: deploy({ image: 'registry.k8s.io/git-sync/git-sync:v4.2.1', container: ['env: [{name: GITSYNC_GIT, value: /tmp/git}]'] }),
    pass: deploy({ image: 'registry.k8s.io/git-sync/git-sync:v4.2.1', container: ['env: [{name: GITSYNC_REPO, value: "https://github.com/acme/site"}]'] }),
  },
};
