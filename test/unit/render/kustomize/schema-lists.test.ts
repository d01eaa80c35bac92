// Which lists a strategic merge patch merges item by item, from the Kubernetes OpenAPI document
// Kustomize builds in, and how lists merged by several keys are ordered. Every expected output
// is what `kustomize build` (v5.5.0) prints for the same files.
import * as assert from 'node:assert/strict';
import { buildYaml } from './build-yaml';

const build = (objects: string, patch: string) => buildYaml({
  '/r/kustomization.yaml': 'resources:\n- objects.yaml\npatches:\n- path: patch.yaml\n',
  '/r/objects.yaml': objects,
  '/r/patch.yaml': patch,
});

describe('kustomize strategic merge lists from the OpenAPI schema', () => {
  it('merges webhooks by name and replaces the lists of kinds the schema lacks', () => {
    const objects = `apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingWebhookConfiguration
metadata:
  name: hooks
webhooks:
- name: a.example.com
  failurePolicy: Fail
  sideEffects: None
- name: b.example.com
  sideEffects: None
---
apiVersion: v1
kind: Service
metadata:
  name: dns
spec:
  ports:
  - name: dns
    port: 53
    protocol: UDP
  - name: dns-tcp
    port: 53
    protocol: TCP
---
apiVersion: example.com/v1
kind: Widget
metadata:
  name: w
  finalizers: [a]
spec:
  parts:
  - name: a
    size: 1
  - name: b
    size: 2
---
apiVersion: extensions/v1beta1
kind: Deployment
metadata:
  name: old
spec:
  template:
    spec:
      containers:
      - name: app
        image: app:1
      - name: sidecar
        image: proxy:1
`;
    const patch = `apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingWebhookConfiguration
metadata:
  name: hooks
webhooks:
- name: b.example.com
  timeoutSeconds: 3
---
apiVersion: v1
kind: Service
metadata:
  name: dns
spec:
  ports:
  - port: 53
    protocol: TCP
    targetPort: 5353
---
apiVersion: example.com/v1
kind: Widget
metadata:
  name: w
  finalizers: [b]
spec:
  parts:
  - name: a
    size: 3
---
apiVersion: extensions/v1beta1
kind: Deployment
metadata:
  name: old
spec:
  template:
    spec:
      containers:
      - name: app
        image: app:2
`;
    assert.equal(build(objects, patch), `apiVersion: v1
kind: Service
metadata:
  name: dns
spec:
  ports:
  - name: dns
    port: 53
    protocol: UDP
  - name: dns-tcp
    port: 53
    protocol: TCP
    targetPort: 5353
---
apiVersion: extensions/v1beta1
kind: Deployment
metadata:
  name: old
spec:
  template:
    spec:
      containers:
      - image: app:2
        name: app
---
apiVersion: example.com/v1
kind: Widget
metadata:
  finalizers:
  - b
  name: w
spec:
  parts:
  - name: a
    size: 3
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingWebhookConfiguration
metadata:
  name: hooks
webhooks:
- name: b.example.com
  sideEffects: None
  timeoutSeconds: 3
- failurePolicy: Fail
  name: a.example.com
  sideEffects: None
`);
  });

  it('merges Service ports by port and protocol, new items first, then the object items in order', () => {
    const objects = `apiVersion: v1
kind: Service
metadata:
  name: s
spec:
  ports:
  - name: a
    port: 1
  - name: b
    port: 2
    protocol: UDP
  - name: c
    port: 3
`;
    const patch = `apiVersion: v1
kind: Service
metadata:
  name: s
spec:
  ports:
  - port: 9
    name: new
  - port: 3
    protocol: TCP
    targetPort: 33
  - port: 1
    targetPort: 11
  - port: 2
    protocol: TCP
    name: b-tcp
`;
    assert.equal(build(objects, patch), `apiVersion: v1
kind: Service
metadata:
  name: s
spec:
  ports:
  - name: new
    port: 9
  - name: b-tcp
    port: 2
    protocol: TCP
  - name: a
    port: 1
    targetPort: 11
  - name: b
    port: 2
    protocol: UDP
  - name: c
    port: 3
`);
  });

  it('merges container ports and topology spread constraints by all their keys', () => {
    const objects = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: d
spec:
  template:
    spec:
      topologySpreadConstraints:
      - topologyKey: zone
        whenUnsatisfiable: DoNotSchedule
        maxSkew: 1
      containers:
      - name: dns
        ports:
        - containerPort: 53
          protocol: UDP
          name: dns
        - containerPort: 53
          protocol: TCP
          name: dns-tcp
        - containerPort: 9153
          name: metrics
`;
    const patch = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: d
spec:
  template:
    spec:
      topologySpreadConstraints:
      - topologyKey: zone
        whenUnsatisfiable: ScheduleAnyway
        maxSkew: 2
      containers:
      - name: dns
        ports:
        - containerPort: 53
          protocol: TCP
          $patch: delete
        - containerPort: 8080
          name: http
        - containerPort: 9153
          hostPort: 9153
`;
    assert.equal(build(objects, patch), `apiVersion: apps/v1
kind: Deployment
metadata:
  name: d
spec:
  template:
    spec:
      containers:
      - name: dns
        ports:
        - containerPort: 8080
          name: http
        - containerPort: 53
          name: dns
          protocol: UDP
        - containerPort: 9153
          hostPort: 9153
          name: metrics
      topologySpreadConstraints:
      - maxSkew: 2
        topologyKey: zone
        whenUnsatisfiable: ScheduleAnyway
      - maxSkew: 1
        topologyKey: zone
        whenUnsatisfiable: DoNotSchedule
`);
  });
});
