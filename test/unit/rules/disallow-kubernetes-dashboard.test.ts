import { ruleTester } from '../../helpers/rule-tester';

const pod = (lines: string[]) => [...['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '  - name: app'], ...lines, ''].join('\n');

ruleTester('disallow-kubernetes-dashboard', {
  valid: [
    { name: 'another UI', code: pod(['    image: grafana/grafana:10.4.0']) },
    {
      // The recommended install labels every object; the workload and its Service are where the risk is.
      name: 'the other labelled objects of its install',
      code: ['ServiceAccount', 'Secret', 'ConfigMap', 'Role'].map(kind => `apiVersion: v1\nkind: ${kind}\nmetadata:\n  name: kubernetes-dashboard\n  labels: {k8s-app: kubernetes-dashboard}\n`)
        .join('---\n').replace('apiVersion: v1\nkind: Role', 'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role'),
    },
  ],
  invalid: [
    {
      name: 'dashboard images (reported once per workload) and a labelled Service',
      code: [
        'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: kubernetes-dashboard', '  labels: {k8s-app: kubernetes-dashboard}', 'spec:', '  template:', '    spec:', '      containers:',
        '      - name: dashboard', '        image: kubernetesui/dashboard:v2.7.0',
        '      - name: old', '        image: k8s.gcr.io/kubernetes-dashboard-amd64:v1.10.1',
        '---', 'apiVersion: v1', 'kind: Service', 'metadata:', '  name: kubernetes-dashboard', '  labels:', '    k8s-app: kubernetes-dashboard', '',
        '---', 'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: ui', '  labels: {app: kubernetes-dashboard}', 'spec:', '  template:', '    spec:', '      containers:',
        '      - name: ui', '        image: registry.example.com/ui:2.7.0', '',
      ].join('\n'),
      errors: [
        { messageId: 'image', line: 11, column: 16, endLine: 11, endColumn: 45, data: { container: 'Container "dashboard"', image: 'kubernetesui/dashboard:v2.7.0' } },
        { messageId: 'image', line: 13, column: 16, endLine: 13, endColumn: 61, data: { container: 'Container "old"', image: 'k8s.gcr.io/kubernetes-dashboard-amd64:v1.10.1' } },
        {
          messageId: 'label', line: 20, column: 14, endLine: 20, endColumn: 34,
          message: 'Service "kubernetes-dashboard" is labelled k8s-app=kubernetes-dashboard: an exposed or over-privileged Dashboard is a classic way into a cluster; require login, bind it to a read-only role and keep it private.',
        },
        { messageId: 'label', line: 27, column: 17, endLine: 27, endColumn: 37, data: { kind: 'Deployment', name: 'ui', label: 'app' } },
      ],
    },
  ],
});
