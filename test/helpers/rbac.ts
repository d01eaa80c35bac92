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
