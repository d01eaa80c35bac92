// kube-linter (stackrox/kube-linter, pkg/builtinchecks/yamls and pkg/templates): for each kept or
// added mapping, a manifest the check fails and one it passes, written from its template.
import { binding, caps, CORE, deploy, deployment, doc, hostPath, Pair, podSc, PODS, role, rule, sc } from './manifests';

const mountedHostPath = (path: string, readOnly = false) =>
  deploy({ spec: hostPath(path), container: [`volumeMounts: [{name: h, mountPath: /host${readOnly ? ', readOnly: true' : ''}}]`] });
const service = (type: string, selector = 'app: web') => `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  type: ${type}\n  selector: {${selector}}\n  ports: [{port: 80}]\n`;
const netpol = (spec: string) => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: np\n  namespace: shop\nspec: ${spec}\n`;
const ingress = `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  defaultBackend: {service: {name: web, port: {number: 80}}}\n`;
const serviceAccount = (name: string) => `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: ${name}\n  namespace: shop\n`;
const scc = (privileged: boolean) => `apiVersion: security.openshift.io/v1\nkind: SecurityContextConstraints\nmetadata:\n  name: agents\nallowPrivilegedContainer: ${privileged}\n`;
const labelled = (labels: string) => deploy().replace('  name: web\n  namespace: shop\n', `  name: web\n  namespace: shop\n  labels: {${labels}}\n`);
const secretRef = 'env: [{name: DB_PASSWORD, valueFrom: {secretKeyRef: {name: db, key: password}}}]';
const dbSecret = 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\n  namespace: shop\ntype: Opaque\ndata: {password: aHVudGVyMg==}\n';
// The dangling rules judge a namespace only when the workspace holds its workloads (Services):
// kube-linter fails a lone object too, so the failing manifests bring another one.
const api = deploy().replace(/web/g, 'api');

export const KUBE_LINTER_PAIRS: Record<string, Pair> = {
  'kubeLinter:use-namespace:disallow-default-namespace': { fail: deployment(), pass: deployment({ namespace: 'shop' }) },
  'kubeLinter:access-to-secrets:restrict-secret-read-access': {
    fail: doc(binding('RoleBinding', 'Role', 'secrets'), role('Role', 'secrets', '{apiGroups: [""], resources: ["secrets"], verbs: ["get", "list"]}')),
    pass: doc(binding('RoleBinding', 'Role', 'secrets'), role('Role', 'secrets', PODS)),
  },
  'kubeLinter:access-to-create-pods:restrict-workload-creation': {
    fail: doc(binding('RoleBinding', 'Role', 'deployer'), role('Role', 'deployer', '{apiGroups: [""], resources: ["pods"], verbs: ["create"]}')),
    pass: doc(binding('RoleBinding', 'Role', 'deployer'), role('Role', 'deployer', PODS)),
  },
  'kubeLinter:cluster-admin-role-binding:disallow-cluster-admin-binding': { fail: binding('ClusterRoleBinding', 'ClusterRole', 'cluster-admin'), pass: binding('ClusterRoleBinding', 'ClusterRole', 'view') },
  'kubeLinter:dangling-ingress:disallow-dangling-ingress-backend': { fail: doc(ingress, service('ClusterIP').replace(/web/g, 'api')), pass: doc(ingress, service('ClusterIP')) },
  'kubeLinter:dangling-networkpolicy:disallow-dangling-network-policy': {
    fail: doc(netpol('{podSelector: {matchLabels: {app: web}}, policyTypes: [Ingress]}'), api),
    pass: doc(netpol('{podSelector: {matchLabels: {app: web}}, policyTypes: [Ingress]}'), deploy()),
  },
  'kubeLinter:dangling-networkpolicypeer-podselector:disallow-dangling-network-policy-peer': {
    fail: doc(netpol('{podSelector: {matchLabels: {app: web}}, ingress: [{from: [{podSelector: {matchLabels: {app: gone}}}]}]}'), deploy(), api),
    pass: doc(netpol('{podSelector: {matchLabels: {app: web}}, ingress: [{from: [{podSelector: {matchLabels: {app: api}}}]}]}'), deploy(), api),
  },
  'kubeLinter:dangling-service:disallow-dangling-service': { fail: doc(service('ClusterIP'), api), pass: doc(service('ClusterIP'), deploy()) },
  'kubeLinter:default-service-account:disallow-default-service-account': { fail: deploy(), pass: doc(deploy({ spec: ['serviceAccountName: web'] }), serviceAccount('web')) },
  'kubeLinter:deprecated-service-account-field:disallow-deprecated-service-account-field': { fail: deploy({ spec: ['serviceAccount: web'] }), pass: deploy({ spec: ['serviceAccountName: web'] }) },
  'kubeLinter:docker-sock:disallow-container-runtime-socket': { fail: mountedHostPath('/var/run/docker.sock'), pass: mountedHostPath('/data') },
  'kubeLinter:drop-net-raw-capability:require-drop-net-raw': { fail: deploy({ container: [caps([], ['CHOWN'])] }), pass: deploy({ container: [caps([], ['NET_RAW'])] }) },
  'kubeLinter:duplicate-env-var:disallow-duplicate-env-vars': { fail: deploy({ container: ['env: [{name: MODE, value: a}, {name: MODE, value: b}]'] }), pass: deploy({ container: ['env: [{name: MODE, value: a}]'] }) },
  'kubeLinter:env-value-from:disallow-dangling-env-references': { fail: deploy({ container: [secretRef] }), pass: doc(deploy({ container: [secretRef] }), dbSecret) },
  'kubeLinter:env-var-secret:disallow-secrets-in-env': { fail: deploy({ container: ['env: [{name: APP_SECRET, value: x8Jd92kLq0ZpT4vW}]'] }), pass: deploy({ container: ['env: [{name: LOG_LEVEL, value: debug}]'] }) },
  'kubeLinter:exposed-services:restrict-exposed-services': { fail: service('NodePort'), pass: service('ClusterIP') },
  'kubeLinter:host-ipc:disallow-host-ipc': { fail: deploy({ spec: ['hostIPC: true'] }), pass: deploy() },
  'kubeLinter:host-network:disallow-host-network': { fail: deploy({ spec: ['hostNetwork: true'] }), pass: deploy() },
  'kubeLinter:host-pid:disallow-host-pid': { fail: deploy({ spec: ['hostPID: true'] }), pass: deploy() },
  'kubeLinter:latest-tag:disallow-latest-image-tag': { fail: deploy({ image: 'ghcr.io/acme/web' }), pass: deploy({ image: 'ghcr.io/acme/web:1.4.2' }) },
  'kubeLinter:no-extensions-v1beta:disallow-removed-api-versions': {
    fail: 'apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  backend: {serviceName: web, servicePort: 80}\n',
    pass: ingress,
  },
  'kubeLinter:no-liveness-probe:require-liveness-probe': { fail: deploy(), pass: deploy({ container: ['livenessProbe: {httpGet: {path: /healthz, port: 8080}}'] }) },
  'kubeLinter:no-read-only-root-fs:require-read-only-root-filesystem': { fail: deploy(), pass: deploy({ container: [sc('readOnlyRootFilesystem: true')] }) },
  'kubeLinter:no-readiness-probe:require-readiness-probe': { fail: deploy(), pass: deploy({ container: ['readinessProbe: {httpGet: {path: /ready, port: 8080}}'] }) },
  'kubeLinter:non-existent-service-account:disallow-missing-service-account': { fail: deploy({ spec: ['serviceAccountName: web'] }), pass: doc(deploy({ spec: ['serviceAccountName: web'] }), serviceAccount('web')) },
  'kubeLinter:non-isolated-pod:require-network-policy': { fail: deploy(), pass: doc(deploy(), netpol('{podSelector: {matchLabels: {app: web}}}')) },
  'kubeLinter:privilege-escalation-container:disallow-privilege-escalation': { fail: deploy({ container: [sc('allowPrivilegeEscalation: true')] }), pass: deploy({ container: [sc('allowPrivilegeEscalation: false')] }) },
  'kubeLinter:privileged-container:disallow-privileged-containers': { fail: deploy({ container: [sc('privileged: true')] }), pass: deploy({ container: [sc('privileged: false')] }) },
  'kubeLinter:privileged-ports:disallow-privileged-ports': { fail: deploy({ container: ['ports: [{containerPort: 443}]'] }), pass: deploy({ container: ['ports: [{containerPort: 8443}]'] }) },
  'kubeLinter:read-secret-from-env-var:prefer-secret-volumes-over-env': { fail: deploy({ container: [secretRef] }), pass: deploy({ container: ['env: [{name: LOG_LEVEL, value: debug}]'] }) },
  'kubeLinter:required-label-owner:require-recommended-labels': { fail: labelled('app.kubernetes.io/name: web'), pass: labelled('app.kubernetes.io/name: web, owner: team-shop') },
  'kubeLinter:run-as-non-root:require-run-as-non-root': { fail: deploy(), pass: deploy({ spec: [podSc('runAsNonRoot: true')] }) },
  'kubeLinter:run-as-non-root:disallow-root-user': { fail: deploy({ spec: [podSc('runAsNonRoot: true, runAsUser: 0')] }), pass: deploy({ spec: [podSc('runAsNonRoot: true, runAsUser: 1000')] }) },
  'kubeLinter:run-as-non-root:disallow-root-group': { fail: deploy({ spec: [podSc('runAsNonRoot: true, runAsGroup: 0')] }), pass: deploy({ spec: [podSc('runAsNonRoot: true, runAsGroup: 1000')] }) },
  'kubeLinter:scc-deny-privileged-container:disallow-scc-privileged': { fail: scc(true), pass: scc(false) },
  'kubeLinter:sensitive-host-mounts:disallow-sensitive-host-paths': { fail: mountedHostPath('/etc'), pass: mountedHostPath('/data') },
  'kubeLinter:ssh-port:disallow-ssh-port': { fail: deploy({ container: ['ports: [{containerPort: 22}]'] }), pass: deploy({ container: ['ports: [{containerPort: 8022}]'] }) },
  'kubeLinter:unsafe-proc-mount:disallow-unmasked-proc-mount': { fail: deploy({ container: [sc('procMount: Unmasked')] }), pass: deploy({ container: [sc('procMount: Default')] }) },
  'kubeLinter:unsafe-sysctls:restrict-sysctls': { fail: deploy({ spec: [podSc('sysctls: [{name: kernel.msgmax, value: "65536"}]')] }), pass: deploy() },
  'kubeLinter:unset-cpu-requirements:require-cpu-request': { fail: deploy(), pass: deploy({ container: ['resources: {requests: {cpu: 100m}}'] }) },
  'kubeLinter:unset-memory-requirements:require-memory-limit': { fail: deploy(), pass: deploy({ container: ['resources: {limits: {memory: 128Mi}}'] }) },
  'kubeLinter:wildcard-in-rules:disallow-wildcard-resources': { fail: role('Role', 'r', rule(CORE, ['*'], ['get'])), pass: role('Role', 'r', rule(CORE, ['pods'], ['get'])) },
  'kubeLinter:wildcard-in-rules:disallow-wildcard-verbs': { fail: role('Role', 'r', rule(CORE, ['pods'], ['*'])), pass: role('Role', 'r', rule(CORE, ['pods'], ['get'])) },
  'kubeLinter:writable-host-mount:disallow-writable-host-mounts': { fail: mountedHostPath('/var/log'), pass: mountedHostPath('/var/log', true) },
};
