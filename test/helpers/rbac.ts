// Manifests shared by the RBAC binding tests: a workload in namespace `shop` running as
// ServiceAccount `web`, whose bindings the cases put in other files.
import { yaml } from './manifest';

export const WEB_IN_SHOP = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: web
    namespace: shop
  spec:
    selector:
      matchLabels: {app: web}
    template:
      metadata:
        labels: {app: web}
      spec:
        serviceAccountName: web
        containers:
        - name: web
          image: nginx:1.27
`;

/**
 * A RoleBinding in `shop` of Role `reader` to ServiceAccount `web` (WEB_IN_SHOP's account); its
 * `metadata.name` is on line 3, from column 8.
 */
export const webReaderBinding = (name = 'web-reader'): string => yaml`
  apiVersion: rbac.authorization.k8s.io/v1
  kind: RoleBinding
  metadata:
    name: ${name}
    namespace: shop
  roleRef:
    apiGroup: rbac.authorization.k8s.io
    kind: Role
    name: reader
  subjects:
  - kind: ServiceAccount
    name: web
`;
