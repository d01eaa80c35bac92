// A small base + overlay used by the CLI and origin tests: a Deployment and a Service with a
// generated ConfigMap in the base; namespace, prefix, labels, an image tag, a strategic merge
// patch and a JSON 6902 patch in the overlay.
export const BASE_KUSTOMIZATION = `resources:
- deployment.yaml
- service.yaml
configMapGenerator:
- name: app-config
  literals:
  - MODE=prod
`;

export const BASE_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
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
        image: nginx:1.25
        envFrom:
        - configMapRef:
            name: app-config
`;

export const BASE_SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
`;

export const OVERLAY_KUSTOMIZATION = `namespace: prod
namePrefix: prod-
commonLabels:
  env: prod
resources:
- ../base
images:
- name: nginx
  newTag: "1.27"
patches:
- path: replicas.yaml
- path: privileged.json
  target:
    kind: Deployment
    name: web
`;

export const OVERLAY_SMP = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
`;

export const OVERLAY_JSON6902 = `[{"op": "add", "path": "/spec/template/spec/containers/0/securityContext", "value": {"privileged": true}}]
`;

export const OVERLAY_FILES: Record<string, string> = {
  'base/kustomization.yaml': BASE_KUSTOMIZATION,
  'base/deployment.yaml': BASE_DEPLOYMENT,
  'base/service.yaml': BASE_SERVICE,
  'overlay/kustomization.yaml': OVERLAY_KUSTOMIZATION,
  'overlay/replicas.yaml': OVERLAY_SMP,
  'overlay/privileged.json': OVERLAY_JSON6902,
};

/** What `kustomize build overlay` prints (legacy order: ConfigMap, Service, Deployment). */
export const OVERLAY_OUTPUT = `apiVersion: v1
data:
  MODE: prod
kind: ConfigMap
metadata:
  labels:
    env: prod
  name: prod-app-config-2h42td9ggm
  namespace: prod
---
apiVersion: v1
kind: Service
metadata:
  labels:
    env: prod
  name: prod-web
  namespace: prod
spec:
  ports:
  - port: 80
  selector:
    app: web
    env: prod
---
apiVersion: apps/v1
kind: Deployment
metadata:
  labels:
    env: prod
  name: prod-web
  namespace: prod
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
      env: prod
  template:
    metadata:
      labels:
        app: web
        env: prod
    spec:
      containers:
      - envFrom:
        - configMapRef:
            name: prod-app-config-2h42td9ggm
        image: nginx:1.27
        name: web
        securityContext:
          privileged: true
`;
