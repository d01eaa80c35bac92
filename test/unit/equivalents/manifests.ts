// Small manifest builders for the peer pass/fail pairs: each pair differs from its partner in
// the one setting the peer's definition reads, so the pair shows which condition decides.

/** Documents joined into one multi-document file. */
export const doc = (...docs: string[]) => docs.map(d => d.trim() + '\n').join('---\n');

export interface PodParts {
  /** Lines of the pod spec (before `containers`), e.g. `hostNetwork: true`. */
  spec?: string[];
  /** Lines of the one container, e.g. `securityContext: {privileged: true}`. */
  container?: string[];
  /** Pod template annotations, as a flow map body: `a: b, c: d`. */
  annotations?: string;
  namespace?: string;
  image?: string;
}

const lines = (indent: string, xs: string[] = []) => xs.map(x => `${indent}${x}\n`).join('');

/** A Deployment in namespace `shop` (unless told) with one container `app`. */
export const deploy = (p: PodParts = {}) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: ${p.namespace ?? 'shop'}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata:
      labels: {app: web}${p.annotations ? `\n      annotations: {${p.annotations}}` : ''}
    spec:
${lines('      ', p.spec)}      containers:
      - name: app
        image: ${p.image ?? 'nginx:1.27'}
${lines('        ', p.container)}`;

/** A container securityContext line. */
export const sc = (body: string) => `securityContext: {${body}}`;
/** A pod securityContext line. */
export const podSc = (body: string) => `securityContext: {${body}}`;

/** A Role (namespace shop) or ClusterRole with the given rules, each a flow map. */
export const role = (kind: 'Role' | 'ClusterRole', name: string, ...rules: string[]) =>
  `apiVersion: rbac.authorization.k8s.io/v1\nkind: ${kind}\nmetadata:\n  name: ${name}${kind === 'Role' ? '\n  namespace: shop' : ''}\nrules:\n${rules.map(r => `- ${r}\n`).join('')}`;

/** A flow-map RBAC rule. */
export const rule = (apiGroups: string[], resources: string[], verbs: string[], resourceNames?: string[]) =>
  `{apiGroups: ${JSON.stringify(apiGroups)}, resources: ${JSON.stringify(resources)}, verbs: ${JSON.stringify(verbs)}${resourceNames ? `, resourceNames: ${JSON.stringify(resourceNames)}` : ''}}`;

/** A binding of the ServiceAccount `sa` (namespace shop) to a role. */
export const binding = (kind: 'RoleBinding' | 'ClusterRoleBinding', roleKind: string, roleName: string, sa = 'web') =>
  `apiVersion: rbac.authorization.k8s.io/v1\nkind: ${kind}\nmetadata:\n  name: b${kind === 'RoleBinding' ? '\n  namespace: shop' : ''}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ${roleKind}, name: ${roleName}}\nsubjects:\n- {kind: ServiceAccount, name: ${sa}, namespace: shop}\n`;

/** A binding whose one subject is a group. */
export const groupBinding = (kind: 'RoleBinding' | 'ClusterRoleBinding', group: string) =>
  `apiVersion: rbac.authorization.k8s.io/v1\nkind: ${kind}\nmetadata:\n  name: b${kind === 'RoleBinding' ? '\n  namespace: shop' : ''}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}\nsubjects:\n- {kind: Group, name: "${group}", apiGroup: rbac.authorization.k8s.io}\n`;

/** A ConfigMap in namespace shop with the given data entries (flow map body). */
export const configMap = (data: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: shop\ndata: {${data}}\n`;

/** A Namespace object. */
export const namespace = (name = 'shop') => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n`;

/** A manifest the peer fails and one it passes; `config` when the rule needs settings to act. */
export interface Pair { fail: string; pass: string; config?: import('@kube-harden/server').ConfigInput }

/** A Deployment with no namespace unless told, optionally a service account, no automount, limits. */
export const deployment = (extra: { namespace?: string; sa?: string; automount?: boolean; limits?: string } = {}) => `
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web${extra.namespace ? `\n  namespace: ${extra.namespace}` : ''}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:${extra.sa ? `\n      serviceAccountName: ${extra.sa}` : ''}${extra.automount === false ? '\n      automountServiceAccountToken: false' : ''}
      containers:
      - name: app
        image: nginx:1.27${extra.limits ? `\n        resources: {limits: ${extra.limits}}` : ''}
`;
export const FULL = '{apiGroups: ["*"], resources: ["*"], verbs: ["*"]}';
export const PODS = '{apiGroups: [""], resources: ["pods"], verbs: ["get"]}';
export const EXEC = '{apiGroups: [""], resources: ["pods/exec"], verbs: ["create"]}';

/** The manifest after a Namespace `shop` that enforces the privileged Pod Security level. */
export const privileged = (manifest: string) =>
  doc('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels: {pod-security.kubernetes.io/enforce: privileged}\n', manifest);

/** A container securityContext line adding and dropping capabilities. */
export const caps = (add: string[], drop?: string[]) => sc(`capabilities: {add: ${JSON.stringify(add)}${drop ? `, drop: ${JSON.stringify(drop)}` : ''}}`);
/** A pod spec line with one hostPath volume. */
export const hostPath = (path: string) => [`volumes: [{name: h, hostPath: {path: ${path}}}]`];
export const CORE = [''];
export const RBAC = ['rbac.authorization.k8s.io'];
/** A role named r with the rules, and a binding of the ServiceAccount web to it. */
export const bound = (kind: 'Role' | 'ClusterRole', ...rules: string[]) =>
  doc(binding(kind === 'Role' ? 'RoleBinding' : 'ClusterRoleBinding', kind, 'r'), role(kind, 'r', ...rules));

/** The rule alone: for rules another rule replaces when both are on (require-drop-net-raw replaces require-capability-drop). */
export const alone = (rule: string): import('@kube-harden/server').ConfigInput => ({ enableAll: false, rules: { [rule]: 'info' } });
