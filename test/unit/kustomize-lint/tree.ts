// A base, two overlays and their patches, a component, a deletion and a broken kustomization:
// the tree the `check` tests judge through Kustomize.

export const BASE_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: nginx:latest
          securityContext:
            allowPrivilegeEscalation: false
            runAsNonRoot: true
            capabilities:
              drop: ["ALL"]
---
apiVersion: v1
kind: Pod
metadata:
  name: debug
spec:
  containers:
    - name: shell
      image: busybox:1.36
      securityContext:
        privileged: true
`;

/** A strategic merge patch of the web container's securityContext (settings at line 11 on). */
export function webPatch(settings: string[]): string {
  const head = ['apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', 'spec:', '  template:', '    spec:', '      containers:', '        - name: web', '          securityContext:'];
  return [...head, ...settings.map(l => `            ${l}`), ''].join('\n');
}

export const TREE: Record<string, string> = {
  'base/kustomization.yaml': 'resources:\n  - deployment.yaml\n',
  'base/deployment.yaml': BASE_DEPLOYMENT,
  // Every overlay drops the debug pod: it is never applied.
  'components/no-debug/kustomization.yaml': [
    'apiVersion: kustomize.config.k8s.io/v1alpha1',
    'kind: Component',
    'patches:',
    '  - path: delete-debug.yaml',
    '',
  ].join('\n'),
  'components/no-debug/delete-debug.yaml': '$patch: delete\napiVersion: v1\nkind: Pod\nmetadata:\n  name: debug\n',
  'overlays/production/kustomization.yaml': [
    'apiVersion: kustomize.config.k8s.io/v1beta1',
    'kind: Kustomization',
    'namespace: prod',
    'resources:',
    '  - ../../base',
    'components:',
    '  - ../../components/no-debug',
    'patches:',
    '  - path: privileged.yaml',
    'images:',
    '  - name: nginx',
    '    newTag: "1.27.0"',
    '',
  ].join('\n'),
  'overlays/production/privileged.yaml': webPatch(['privileged: true']),
  // No apiVersion or kind: Kustomize reads it all the same.
  'overlays/staging/kustomization.yaml': [
    'namespace: staging',
    'resources:',
    '  - ../../base',
    'components:',
    '  - ../../components/no-debug',
    'patchesStrategicMerge:',
    '  - harden.yaml',
    'images:',
    '  - name: nginx',
    '    newTag: "1.27.0"',
    '',
  ].join('\n'),
  // Only hardens: sets what production leaves missing.
  'overlays/staging/harden.yaml': webPatch(['readOnlyRootFilesystem: true', 'seccompProfile:', '  type: RuntimeDefault']),
};

export const BROKEN: Record<string, string> = {
  'broken/kustomization.yaml': 'resources:\n  - pod.yaml\n  - missing.yaml\n',
  'broken/pod.yaml': [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: lone',
    '  namespace: apps',
    'spec:',
    '  containers:',
    '    - name: app',
    '      image: nginx:1.27.0',
    '      securityContext:',
    '        privileged: true',
    '',
  ].join('\n'),
};
