import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

const WEB = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: web
  spec:
    template:
      spec:
        containers:
        - name: app
          image: nginx:1.27
`;

ruleTester('disallow-default-namespace', {
  valid: [
    {
      name: 'a namespace of its own; the built-in default objects; cluster-scoped kinds and custom resources',
      code: yaml`
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: web
          namespace: shop
        ---
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: default
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: kubernetes
          namespace: default
        spec:
          ports:
          - port: 443
        ---
        apiVersion: v1
        kind: Endpoints
        metadata:
          name: kubernetes
          namespace: default
        subsets: []
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: reader
        rules: []
        ---
        apiVersion: cert-manager.io/v1
        kind: Certificate
        metadata:
          name: web
        spec:
          secretName: web-tls
      `,
    },
    {
      name: 'a kustomization listing the file sets its namespace',
      code: WEB,
      files: { 'kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: shop\nresources:\n- case.yaml\n' },
    },
    {
      name: 'a kustomize patch leaves the namespace to its base',
      code: WEB,
      files: { 'kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n- base.yaml\npatches:\n- path: case.yaml\n' },
    },
  ],
  invalid: [
    {
      name: 'explicit default on the value; absent on the name',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: default
        spec:
          template:
            spec:
              containers:
              - name: app
                image: nginx:1.27
        ---
        apiVersion: v1
        kind: Secret
        metadata:
          name: web-token
        type: Opaque
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata:
          name: web
        roleRef:
          apiGroup: rbac.authorization.k8s.io
          kind: Role
          name: web
        subjects: []
      `,
      errors: [
        { messageId: 'explicit', line: 5, column: 14, endLine: 5, endColumn: 21, data: { kind: 'Deployment', name: 'web' } },
        { messageId: 'implicit', line: 16, column: 9, endLine: 16, endColumn: 18, data: { kind: 'Secret', name: 'web-token' } },
        { messageId: 'implicit', line: 22, column: 9, endLine: 22, endColumn: 12, data: { kind: 'RoleBinding', name: 'web' } },
      ],
    },
    {
      name: 'a kustomization that lists other files does not place this one',
      code: WEB,
      files: { 'kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: shop\nresources:\n- other.yaml\n' },
      errors: [{ messageId: 'implicit', line: 4, column: 9, endLine: 4, endColumn: 12, data: { kind: 'Deployment', name: 'web' } }],
    },
    {
      name: 'EndpointSlices, Leases and CSIStorageCapacities are namespaced too',
      code: yaml`
        apiVersion: discovery.k8s.io/v1
        kind: EndpointSlice
        metadata:
          name: web-1
        addressType: IPv4
        endpoints: []
        ---
        apiVersion: coordination.k8s.io/v1
        kind: Lease
        metadata:
          name: leader
          namespace: default
        ---
        apiVersion: storage.k8s.io/v1
        kind: CSIStorageCapacity
        metadata:
          name: cap
        storageClassName: fast
      `,
      errors: [
        { messageId: 'implicit', line: 4, column: 9, endLine: 4, endColumn: 14, data: { kind: 'EndpointSlice', name: 'web-1' } },
        { messageId: 'explicit', line: 12, column: 14, endLine: 12, endColumn: 21, data: { kind: 'Lease', name: 'leader' } },
        { messageId: 'implicit', line: 17, column: 9, endLine: 17, endColumn: 12, data: { kind: 'CSIStorageCapacity', name: 'cap' } },
      ],
    },
  ],
});
