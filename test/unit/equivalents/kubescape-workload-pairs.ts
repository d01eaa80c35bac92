// Kubescape (kubescape/regolibrary, controls/ and rules/) on pods and workloads: for each kept or
// added mapping, a manifest the control fails and one it passes, written from its rego.
import { caps, configMap, deploy, doc, hostPath, Pair, podSc, privileged, sc } from './manifests';

const service = (extra: string, ports = '[{port: 80}]') => `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  selector: {app: web}\n  ports: ${ports}${extra}\n`;
const serviceAccount = (name: string, automount?: boolean) => `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: ${name}\n  namespace: shop\n${automount === undefined ? '' : `automountServiceAccountToken: ${automount}\n`}`;
const nakedPod = (owned: boolean) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  namespace: shop${owned ? '\n  ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web-5d9c, uid: 6f1c2d3e-0000-4000-8000-000000000001, controller: true}]' : ''}\nspec:\n  containers:\n  - {name: app, image: "nginx:1.27"}\n`;
const readOnly = (mount: string) => deploy({ spec: hostPath('/var/log'), container: [`volumeMounts: [{name: h, mountPath: /host/log${mount}}]`] });
// Kubescape knows the interface by the workload's name, the rule by its image or labels.
const jenkins = deploy({ image: 'jenkins/jenkins:2.440' }).replace('name: web', 'name: jenkins');
const ADVISORY = podSc('seLinuxOptions: {level: "s0:c123,c456"}, fsGroup: 2000, fsGroupChangePolicy: OnRootMismatch, supplementalGroups: [2000], sysctls: [{name: net.ipv4.tcp_syncookies, value: "1"}]');

export const KUBESCAPE_WORKLOAD_PAIRS: Record<string, Pair> = {
  'kubescape:C-0001:disallow-denied-registries': { fail: deploy({ image: 'quay.io/acme/web:1.0' }), pass: deploy({ image: 'gcr.io/acme/web:1.0' }), config: { deniedRegistries: ['quay.io'] } },
  'kubescape:C-0012:disallow-secrets-in-configmap': { fail: configMap('db_password: s3cr3t-Pa55w0rd'), pass: configMap('log_level: debug') },
  'kubescape:C-0012:disallow-secrets-in-env': { fail: deploy({ container: ['env: [{name: DB_PASSWORD, value: s3cr3t-Pa55w0rd}]'] }), pass: deploy({ container: ['env: [{name: LOG_LEVEL, value: debug}]'] }) },
  'kubescape:C-0013:require-run-as-non-root': { fail: deploy(), pass: deploy({ spec: [podSc('runAsNonRoot: true, runAsGroup: 1000')] }) },
  'kubescape:C-0013:disallow-root-group': { fail: deploy({ spec: [podSc('runAsNonRoot: true, runAsGroup: 0')] }), pass: deploy({ spec: [podSc('runAsNonRoot: true, runAsGroup: 1000')] }) },
  'kubescape:C-0016:require-no-privilege-escalation': { fail: deploy(), pass: deploy({ container: [sc('allowPrivilegeEscalation: false')] }) },
  'kubescape:C-0017:require-read-only-root-filesystem': { fail: deploy(), pass: deploy({ container: [sc('readOnlyRootFilesystem: true')] }) },
  'kubescape:C-0018:require-readiness-probe': { fail: deploy(), pass: deploy({ container: ['readinessProbe: {httpGet: {path: /ready, port: 8080}}'] }) },
  'kubescape:C-0020:disallow-cloud-credential-host-paths': { fail: deploy({ spec: hostPath('/.aws') }), pass: deploy({ spec: hostPath('/data') }) },
  'kubescape:C-0021:disallow-exposed-admin-interfaces': {
    fail: doc(jenkins, service('\n  type: NodePort')),
    pass: doc(jenkins, service('')),
  },
  'kubescape:C-0034:disallow-service-account-token-automount': { fail: deploy({ spec: ['automountServiceAccountToken: true'] }), pass: deploy({ spec: ['automountServiceAccountToken: false'] }) },
  'kubescape:C-0034:disallow-service-account-automount': {
    fail: doc(deploy({ spec: ['serviceAccountName: web'] }), serviceAccount('web')),
    pass: doc(deploy({ spec: ['serviceAccountName: web'] }), serviceAccount('web', false)),
  },
  'kubescape:C-0038:disallow-host-pid': { fail: deploy({ spec: ['hostPID: true'] }), pass: deploy() },
  'kubescape:C-0038:disallow-host-ipc': { fail: deploy({ spec: ['hostIPC: true'] }), pass: deploy() },
  'kubescape:C-0041:disallow-host-network': { fail: deploy({ spec: ['hostNetwork: true'] }), pass: deploy() },
  'kubescape:C-0042:disallow-ssh-port': { fail: doc(deploy(), service('', '[{port: 22, targetPort: 22}]')), pass: doc(deploy(), service('')) },
  'kubescape:C-0044:disallow-host-ports': { fail: deploy({ container: ['ports: [{containerPort: 8080, hostPort: 8080}]'] }), pass: deploy({ container: ['ports: [{containerPort: 8080}]'] }) },
  'kubescape:C-0045:disallow-writable-host-mounts': { fail: readOnly(''), pass: readOnly(', readOnly: true') },
  'kubescape:C-0046:disallow-dangerous-capabilities': { fail: privileged(deploy({ container: [caps(['NET_ADMIN'])] })), pass: privileged(deploy({ container: [caps(['CHOWN'])] })) },
  'kubescape:C-0046:disallow-non-default-capabilities': { fail: deploy({ container: [caps(['NET_ADMIN'])] }), pass: deploy({ container: [caps(['CHOWN'])] }) },
  'kubescape:C-0048:disallow-host-path-volumes': { fail: deploy({ spec: hostPath('/data') }), pass: deploy() },
  'kubescape:C-0055:require-linux-hardening': { fail: deploy(), pass: deploy({ spec: [podSc('seccompProfile: {type: RuntimeDefault}')] }) },
  'kubescape:C-0056:require-liveness-probe': { fail: deploy(), pass: deploy({ container: ['livenessProbe: {httpGet: {path: /healthz, port: 8080}}'] }) },
  'kubescape:C-0057:disallow-privileged-containers': { fail: deploy({ container: [sc('privileged: true')] }), pass: deploy({ container: [sc('privileged: false')] }) },
  'kubescape:C-0061:disallow-default-namespace': { fail: deploy({ namespace: 'default' }), pass: deploy() },
  'kubescape:C-0062:disallow-sudo-in-entrypoint': { fail: deploy({ container: ['command: [sudo, nginx]'] }), pass: deploy({ container: ['command: [nginx]'] }) },
  'kubescape:C-0073:disallow-naked-pods': { fail: nakedPod(false), pass: nakedPod(true) },
  'kubescape:C-0074:disallow-container-runtime-socket': { fail: deploy({ spec: hostPath('/run/containerd/containerd.sock') }), pass: deploy({ spec: hostPath('/data') }) },
  'kubescape:C-0075:require-image-pull-policy-always': {
    fail: deploy({ image: 'nginx:latest', container: ['imagePullPolicy: IfNotPresent'] }),
    pass: deploy({ image: 'nginx:latest', container: ['imagePullPolicy: Always'] }),
  },
  'kubescape:C-0078:require-trusted-registry': { fail: deploy({ image: 'quay.io/acme/web:1.0' }), pass: deploy({ image: 'gcr.io/acme/web:1.0' }), config: { trustedRegistries: ['gcr.io'] } },
  'kubescape:C-0081:report-eol-and-vulnerable-components': { fail: deploy({ image: 'quay.io/argoproj/argocd:v2.1.8' }), pass: deploy({ image: 'quay.io/argoproj/argocd:v2.1.9' }) },
  'kubescape:C-0090:report-eol-and-vulnerable-components': { fail: deploy({ image: 'grafana/grafana:9.2.3' }), pass: deploy({ image: 'grafana/grafana:9.2.4' }) },
  'kubescape:C-0091:report-eol-and-vulnerable-components': { fail: deploy({ image: 'ghcr.io/kyverno/kyverno:v1.8.4' }), pass: deploy({ image: 'ghcr.io/kyverno/kyverno:v1.8.5' }) },
  'kubescape:C-0189:disallow-service-account-automount': { fail: serviceAccount('default'), pass: serviceAccount('default', false) },
  'kubescape:C-0190:disallow-service-account-token-automount': { fail: deploy({ spec: ['automountServiceAccountToken: true'] }), pass: deploy({ spec: ['automountServiceAccountToken: false'] }) },
  'kubescape:C-0190:disallow-service-account-automount': {
    fail: doc(deploy({ spec: ['serviceAccountName: web'] }), serviceAccount('web')),
    pass: doc(deploy({ spec: ['serviceAccountName: web'] }), serviceAccount('web', false)),
  },
  'kubescape:C-0207:prefer-secret-volumes-over-env': {
    fail: deploy({ container: ['env: [{name: DB_PASSWORD, valueFrom: {secretKeyRef: {name: db, key: password}}}]'] }),
    pass: deploy({ container: ['env: [{name: LOG_LEVEL, value: debug}]'] }),
  },
  'kubescape:C-0210:require-seccomp-profile': { fail: deploy(), pass: deploy({ spec: [podSc('seccompProfile: {type: RuntimeDefault}')] }) },
  'kubescape:C-0211:disallow-unmasked-proc-mount': { fail: deploy({ container: [sc('procMount: Unmasked')] }), pass: deploy({ container: [sc('procMount: Default')] }) },
  'kubescape:C-0211:disallow-windows-host-process': {
    fail: deploy({ spec: ['os: {name: windows}', podSc('windowsOptions: {hostProcess: true, runAsUserName: "NT AUTHORITY\\\\SYSTEM"}'), 'hostNetwork: true'] }),
    pass: deploy({ spec: ['os: {name: windows}'] }),
  },
  'kubescape:C-0211:require-advisory-security-context': { fail: deploy(), pass: deploy({ spec: [ADVISORY] }) },
  'kubescape:C-0211:require-drop-net-raw': { fail: deploy({ container: [caps([], ['CHOWN'])] }), pass: deploy({ container: [caps([], ['NET_RAW'])] }) },
  'kubescape:C-0212:disallow-default-namespace': { fail: configMap('a: b').replace('namespace: shop', 'namespace: default'), pass: configMap('a: b') },
  'kubescape:C-0253:disallow-deprecated-k8s-gcr-registry': {
    fail: deploy({ namespace: 'kube-system', image: 'k8s.gcr.io/kube-proxy:v1.23.0' }),
    pass: deploy({ namespace: 'kube-system', image: 'registry.k8s.io/kube-proxy:v1.23.0' }),
  },
  'kubescape:C-0259:disallow-secrets-in-env': { fail: deploy({ container: ['env: [{name: API_TOKEN, value: tok-8f14e45fceea167a}]'] }), pass: deploy({ container: ['env: [{name: LOG_LEVEL, value: debug}]'] }) },
  'kubescape:C-0268:require-cpu-request': { fail: deploy(), pass: deploy({ container: ['resources: {requests: {cpu: 100m}}'] }) },
  'kubescape:C-0269:require-memory-request': { fail: deploy(), pass: deploy({ container: ['resources: {requests: {memory: 128Mi}}'] }) },
  'kubescape:C-0270:require-cpu-limit': { fail: deploy(), pass: deploy({ container: ['resources: {limits: {cpu: 500m}}'] }) },
  'kubescape:C-0271:require-memory-limit': { fail: deploy(), pass: deploy({ container: ['resources: {limits: {memory: 128Mi}}'] }) },
  'kubescape:C-0275:disallow-host-pid': { fail: deploy({ spec: ['hostPID: true'] }), pass: deploy() },
  'kubescape:C-0276:disallow-host-ipc': { fail: deploy({ spec: ['hostIPC: true'] }), pass: deploy() },
  'kubescape:C-0292:report-eol-and-vulnerable-components': { fail: deploy({ image: 'registry.k8s.io/ingress-nginx/controller:v1.12.1' }), pass: deploy() },
  'kubescape:C-0294:disallow-deprecated-service-account-field': { fail: deploy({ spec: ['serviceAccount: web'] }), pass: deploy({ spec: ['serviceAccountName: web'] }) },
  'kubescape:C-0295:disallow-duplicate-env-vars': { fail: deploy({ container: ['env: [{name: MODE, value: a}, {name: MODE, value: b}]'] }), pass: deploy({ container: ['env: [{name: MODE, value: a}]'] }) },
  'kubescape:C-0306:require-image-digest': { fail: deploy(), pass: deploy({ image: 'nginx@sha256:0000000000000000000000000000000000000000000000000000000000000000' }) },
};
