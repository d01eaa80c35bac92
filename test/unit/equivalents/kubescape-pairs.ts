// Kubescape (kubescape/regolibrary, controls/ and rules/) on RBAC, networking, namespaces and
// other objects: for each kept or added mapping, a manifest the control fails and one it
// passes, written from its rego (test/fixtures/peers). Kubescape judges RBAC per subject, so
// its pairs bind the role (bound).
import { binding, bound, CORE, deployment, doc, groupBinding, namespace, Pair, PODS, RBAC, role, rule } from './manifests';

const netpol = (spec: string) => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: np\n  namespace: shop\nspec: ${spec}\n`;
const pod = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  namespace: shop\n  labels: {app: web}\nspec:\n  containers:\n  - {name: app, image: "nginx:1.27"}\n`;
const serviceAccount = (name: string) => `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: ${name}\n  namespace: shop\n`;
const service = `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n`;
const ingress = (extra: string) => `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  defaultBackend: {service: {name: web, port: {number: 80}}}${extra}\n`;
const route = `apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  parentRefs: [{name: gw}]\n  rules: [{backendRefs: [{name: web, port: 80}]}]\n`;
const clusterGroupBinding = (group: string, roleRules: string) => doc(groupBinding('ClusterRoleBinding', group).replace('name: view', 'name: r'), role('ClusterRole', 'r', roleRules));
const sandbox = (spec: string, container = '', template = '') => `apiVersion: extensions.agents.x-k8s.io/v1alpha1\nkind: SandboxTemplate\nmetadata:\n  name: python\n  namespace: shop\nspec:${spec}\n  podTemplate:\n    spec:\n${template}      containers:\n      - name: runtime\n        image: ${container || 'ghcr.io/acme/python@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'}\n        resources: {limits: {cpu: "1", memory: 1Gi}}\n`;
// The dangling rules judge a namespace only when the workspace holds its workloads (Services):
// Kubescape fails a lone object too, so the failing manifests bring another one.
const api = deployment({ namespace: 'shop' }).replace(/web/g, 'api');
const apiService = service.replace(/web/g, 'api');
// A workload mounting (or not) a volume of the object, with the object in the input.
const object = (kind: string, name: string) => `apiVersion: v1\nkind: ${kind}\nmetadata:\n  name: ${name}\n  namespace: shop\n`;
const mounted = (name: string, source: string, kind: string) => doc(deployment({ namespace: 'shop' })
  .replace('        image: nginx:1.27', `        image: nginx:1.27\n        volumeMounts: [{name: v, mountPath: /mnt}]\n      volumes: [{name: v, ${source}}]`), object(kind, name));
const unmounted = (name: string, kind: string) => doc(deployment({ namespace: 'shop' }), object(kind, name));
const enforcing = (level: string) => namespace().replace('name: shop', `name: shop\n  labels: {pod-security.kubernetes.io/enforce: ${level}}`);
const SCOPED_EGRESS = '\n  networkPolicy: {egress: [{to: [{podSelector: {matchLabels: {app: api}}}]}]}';
const GVISOR = '      runtimeClassName: gvisor\n';
const workloadWith = (...rules: string[]) => doc(deployment({ namespace: 'shop', sa: 'web' }), serviceAccount('web'), bound('Role', ...rules));
const CLUSTER_ADMIN = role('ClusterRole', 'cluster-admin', rule(['*'], ['*'], ['*']));

export const KUBESCAPE_PAIRS: Record<string, Pair> = {
  ...Object.fromEntries(['C-0049', 'C-0054', 'C-0206'].map(id => [`kubescape:${id}:require-namespace-network-policy`, {
    fail: namespace(),
    pass: doc(namespace(), 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: deny\n  namespace: shop\nspec:\n  podSelector: {}\n  policyTypes: [Ingress]\n'),
  }])),
  'kubescape:C-0004:require-memory-limit': { fail: deployment({ namespace: 'shop', limits: '{cpu: 500m}' }), pass: deployment({ namespace: 'shop', limits: '{memory: 128Mi}' }) },
  'kubescape:C-0050:require-cpu-limit': { fail: deployment({ namespace: 'shop', limits: '{memory: 128Mi}' }), pass: deployment({ namespace: 'shop', limits: '{cpu: 500m}' }) },
  'kubescape:C-0009:require-cpu-limit': { fail: deployment({ namespace: 'shop' }), pass: deployment({ namespace: 'shop', limits: '{cpu: 500m, memory: 128Mi}' }) },
  'kubescape:C-0009:require-memory-limit': { fail: deployment({ namespace: 'shop' }), pass: deployment({ namespace: 'shop', limits: '{cpu: 500m, memory: 128Mi}' }) },
  'kubescape:C-0053:disallow-automounted-token-with-rbac': {
    fail: doc(deployment({ namespace: 'shop', sa: 'web' }), role('Role', 'reader', PODS), binding('RoleBinding', 'Role', 'reader')),
    pass: doc(deployment({ namespace: 'shop', sa: 'web', automount: false }), role('Role', 'reader', PODS), binding('RoleBinding', 'Role', 'reader')),
  },
  'kubescape:C-0261:disallow-service-account-token-automount': { fail: deployment({ namespace: 'shop', sa: 'web' }), pass: deployment({ namespace: 'shop', sa: 'web', automount: false }) },
  'kubescape:C-0239:disallow-default-service-account-binding': {
    fail: doc(role('Role', 'reader', PODS), binding('RoleBinding', 'Role', 'reader', 'default')),
    pass: doc(role('Role', 'reader', PODS), binding('RoleBinding', 'Role', 'reader', 'web')),
  },
  'kubescape:C-0002:restrict-pod-exec-attach-port-forward': { fail: bound('Role', rule(CORE, ['pods/exec'], ['create'])), pass: bound('Role', rule(CORE, ['pods'], ['get'])) },
  'kubescape:C-0007:restrict-workload-deletion': { fail: bound('Role', rule(['apps'], ['deployments'], ['delete'])), pass: bound('Role', rule(['apps'], ['deployments'], ['get'])) },
  'kubescape:C-0015:restrict-secret-read-access': { fail: bound('Role', rule(CORE, ['secrets'], ['list'])), pass: bound('Role', rule(CORE, ['configmaps'], ['list'])) },
  'kubescape:C-0030:require-network-policy': { fail: pod, pass: doc(pod, netpol('{podSelector: {matchLabels: {app: web}}, policyTypes: [Ingress]}')) },
  'kubescape:C-0031:disallow-event-deletion': { fail: bound('Role', rule(CORE, ['events'], ['delete'])), pass: bound('Role', rule(CORE, ['events'], ['list'])) },
  'kubescape:C-0035:disallow-full-wildcard-rules': { fail: bound('ClusterRole', rule(['*'], ['*'], ['*'])), pass: bound('ClusterRole', rule(CORE, ['pods'], ['get'])) },
  'kubescape:C-0035:disallow-cluster-admin-binding': {
    fail: doc(binding('ClusterRoleBinding', 'ClusterRole', 'cluster-admin'), CLUSTER_ADMIN),
    pass: doc(binding('ClusterRoleBinding', 'ClusterRole', 'view'), CLUSTER_ADMIN),
  },
  'kubescape:C-0037:restrict-configmap-write': { fail: bound('Role', rule(CORE, ['configmaps'], ['patch'])), pass: bound('Role', rule(CORE, ['configmaps'], ['get'])) },
  'kubescape:C-0063:restrict-pod-exec-attach-port-forward': { fail: bound('Role', rule(CORE, ['pods/portforward'], ['create'])), pass: bound('Role', rule(CORE, ['pods'], ['get'])) },
  'kubescape:C-0065:disallow-rbac-escalation-verbs': { fail: bound('ClusterRole', rule(CORE, ['users'], ['impersonate'])), pass: bound('ClusterRole', rule(CORE, ['pods'], ['get'])) },
  'kubescape:C-0185:disallow-cluster-admin-binding': {
    fail: doc(binding('ClusterRoleBinding', 'ClusterRole', 'cluster-admin'), CLUSTER_ADMIN),
    pass: doc(binding('ClusterRoleBinding', 'ClusterRole', 'view'), CLUSTER_ADMIN),
  },
  'kubescape:C-0186:restrict-secret-read-access': { fail: bound('ClusterRole', rule(CORE, ['secrets'], ['get'])), pass: bound('ClusterRole', rule(CORE, ['configmaps'], ['get'])) },
  'kubescape:C-0187:disallow-full-wildcard-rules': { fail: bound('Role', rule(['*'], ['*'], ['*'])), pass: bound('Role', rule(CORE, ['pods'], ['*'])) },
  'kubescape:C-0188:restrict-workload-creation': { fail: bound('Role', rule(CORE, ['pods'], ['create'])), pass: bound('Role', rule(CORE, ['pods'], ['get'])) },
  'kubescape:C-0189:require-namespace-service-account': { fail: doc(namespace(), serviceAccount('default')), pass: doc(namespace(), serviceAccount('web')) },
  'kubescape:C-0191:disallow-rbac-escalation-verbs': { fail: bound('Role', rule(RBAC, ['roles'], ['escalate'])), pass: bound('Role', rule(RBAC, ['roles'], ['get'])) },
  // The baseline controls of the CIS benchmark ask for enforce baseline or restricted (rule pod-security-admission-baseline-applied).
  ...Object.fromEntries(['C-0193', 'C-0194', 'C-0195', 'C-0196', 'C-0199', 'C-0202', 'C-0203', 'C-0204'].map(id => [`kubescape:${id}:require-namespace-pod-security`, {
    fail: enforcing('privileged'), pass: enforcing('baseline'),
  }])),
  'kubescape:C-0225:disallow-service-account-automount': { fail: serviceAccount('default'), pass: serviceAccount('default').replace('namespace: shop\n', 'namespace: shop\nautomountServiceAccountToken: false\n') },
  'kubescape:C-0225:disallow-default-service-account-binding': {
    fail: doc(role('Role', 'reader', PODS), binding('RoleBinding', 'Role', 'reader', 'default')),
    pass: doc(role('Role', 'reader', PODS), binding('RoleBinding', 'Role', 'reader', 'web')),
  },
  'kubescape:C-0192:require-namespace-pod-security': {
    fail: namespace(),
    pass: namespace().replace('name: shop', 'name: shop\n  labels: {pod-security.kubernetes.io/enforce: restricted}'),
  },
  'kubescape:C-0255:report-sensitive-volumes': { fail: mounted('tls', 'secret: {secretName: tls}', 'Secret'), pass: unmounted('tls', 'Secret') },
  'kubescape:C-0257:report-sensitive-volumes': { fail: mounted('data', 'persistentVolumeClaim: {claimName: data}', 'PersistentVolumeClaim'), pass: unmounted('data', 'PersistentVolumeClaim') },
  'kubescape:C-0258:report-sensitive-volumes': { fail: mounted('settings', 'configMap: {name: settings}', 'ConfigMap'), pass: unmounted('settings', 'ConfigMap') },
  'kubescape:C-0260:require-network-policy': { fail: deployment({ namespace: 'shop' }), pass: doc(deployment({ namespace: 'shop' }), netpol('{podSelector: {matchLabels: {app: web}}, policyTypes: [Ingress]}')) },
  'kubescape:C-0262:disallow-broad-binding-subjects': { fail: groupBinding('RoleBinding', 'system:anonymous'), pass: groupBinding('RoleBinding', 'shop-admins') },
  'kubescape:C-0263:require-ingress-tls': { fail: ingress(''), pass: ingress('\n  tls: [{hosts: [shop.example.org], secretName: shop-tls}]') },
  'kubescape:C-0265:disallow-broad-binding-subjects': {
    fail: clusterGroupBinding('system:authenticated', rule(CORE, ['pods'], ['get'])),
    pass: clusterGroupBinding('shop-admins', rule(CORE, ['pods'], ['get'])),
  },
  'kubescape:C-0267:disallow-service-account-admin-rights': {
    fail: workloadWith(rule(CORE, ['pods'], ['create']), rule(CORE, ['secrets'], ['get'])),
    pass: workloadWith(rule(CORE, ['configmaps'], ['get'])),
  },
  'kubescape:C-0272:disallow-service-account-admin-rights': { fail: workloadWith(rule(['*'], ['*'], ['*'])), pass: workloadWith(rule(CORE, ['configmaps'], ['get'])) },
  'kubescape:C-0278:restrict-persistent-volume-creation': { fail: bound('ClusterRole', rule(CORE, ['persistentvolumes'], ['create'])), pass: bound('ClusterRole', rule(CORE, ['persistentvolumes'], ['get'])) },
  'kubescape:C-0279:disallow-node-proxy-access': { fail: bound('ClusterRole', rule(CORE, ['nodes/proxy'], ['get'])), pass: bound('ClusterRole', rule(CORE, ['nodes'], ['get'])) },
  'kubescape:C-0280:restrict-csr-approval': {
    fail: bound('ClusterRole', rule(['certificates.k8s.io'], ['certificatesigningrequests/approval'], ['update']), rule(['certificates.k8s.io'], ['signers'], ['approve'])),
    pass: bound('ClusterRole', rule(['certificates.k8s.io'], ['signers'], ['approve'])),
  },
  'kubescape:C-0281:restrict-admission-webhook-write': {
    fail: bound('ClusterRole', rule(['admissionregistration.k8s.io'], ['validatingwebhookconfigurations'], ['delete'])),
    pass: bound('ClusterRole', rule(['admissionregistration.k8s.io'], ['validatingwebhookconfigurations'], ['list'])),
  },
  'kubescape:C-0282:restrict-service-account-token-creation': { fail: bound('Role', rule(CORE, ['serviceaccounts/token'], ['create'])), pass: bound('Role', rule(CORE, ['serviceaccounts'], ['get'])) },
  'kubescape:C-0293:disallow-dangling-service': { fail: doc(service, api), pass: doc(service, deployment({ namespace: 'shop' })) },
  'kubescape:C-0297:require-agent-sandbox-hardening': { fail: sandbox(SCOPED_EGRESS), pass: sandbox(SCOPED_EGRESS, '', GVISOR) },
  'kubescape:C-0298:disallow-dangling-ingress-backend': { fail: doc(ingress(''), apiService), pass: doc(ingress(''), service) },
  'kubescape:C-0299:disallow-dangling-network-policy': {
    fail: doc(netpol('{podSelector: {matchLabels: {app: web}}, policyTypes: [Ingress]}'), api),
    pass: doc(netpol('{podSelector: {matchLabels: {app: web}}, policyTypes: [Ingress]}'), deployment({ namespace: 'shop' })),
  },
  'kubescape:C-0301:require-agent-sandbox-hardening': { fail: sandbox('\n  networkPolicyManagement: Unmanaged', '', GVISOR), pass: sandbox(SCOPED_EGRESS, '', GVISOR) },
  'kubescape:C-0302:disallow-dangling-ingress-backend': { fail: doc(route, apiService), pass: doc(route, service) },
  'kubescape:C-0303:require-agent-sandbox-hardening': {
    fail: sandbox(SCOPED_EGRESS, '', GVISOR).replace('        resources: {limits: {cpu: "1", memory: 1Gi}}\n', '        resources: {limits: {memory: 1Gi}}\n'),
    pass: sandbox(SCOPED_EGRESS, '', GVISOR),
  },
  // Kubescape's registry allow-list is empty by default (every image fails): configured here as the rule's.
  'kubescape:C-0304:require-agent-sandbox-hardening': {
    fail: sandbox(SCOPED_EGRESS, 'python:latest', GVISOR), pass: sandbox(SCOPED_EGRESS, '', GVISOR), config: { trustedRegistries: ['ghcr.io/acme'] },
  },
  'kubescape:C-0307:disallow-missing-service-account': { fail: deployment({ namespace: 'shop', sa: 'web' }), pass: doc(deployment({ namespace: 'shop', sa: 'web' }), serviceAccount('web')) },
};
