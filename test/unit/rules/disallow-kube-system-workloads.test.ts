import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester('disallow-kube-system-workloads', {
  valid: [
    {
      name: 'a control-plane static pod; a workload elsewhere; a ConfigMap in kube-system',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: kube-apiserver-node1
          namespace: kube-system
          labels: {tier: control-plane, component: kube-apiserver}
        spec:
          containers:
          - name: kube-apiserver
            image: registry.k8s.io/kube-apiserver:v1.31.0
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: web
        spec:
          template:
            spec:
              containers:
              - name: app
                image: nginx:1.27
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: c
          namespace: kube-system
      `,
    },
  ],
  invalid: [
    {
      name: 'a Deployment in kube-system; a pod that only claims a control-plane tier',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: kube-system
        spec:
          template:
            metadata:
              labels: {tier: control-plane, component: web}
            spec:
              containers:
              - name: app
                image: nginx:1.27
      `,
      errors: [{ messageId: 'kubeSystem', line: 5, column: 14, endLine: 5, endColumn: 25, data: { kind: 'Deployment', name: 'web' } }],
    },
  ],
});
