import { ruleTester } from '../../helpers/rule-tester';

const pod = (lines: string[]) => [...['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '  - name: app'], ...lines, ''].join('\n');

ruleTester('report-eol-and-vulnerable-components', {
  valid: [
    { name: 'fixed versions', code: [...['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '  - name: app'], '    image: quay.io/argoproj/argocd:v2.2.4', '  - name: g', '    image: grafana/grafana:9.2.4', '  - name: k', '    image: ghcr.io/kyverno/kyverno:v1.8.5', ''].join('\n') },
    { name: 'an unversioned tag is not judged', code: pod(['    image: grafana/grafana:main']) },
  ],
  invalid: [
    {
      name: 'ingress-nginx, Argo CD, Grafana and Kyverno in affected versions',
      code: [...['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '  - name: app'], '    image: registry.k8s.io/ingress-nginx/controller:v1.9.4', '  - name: a', '    image: quay.io/argoproj/argocd:v2.2.3', '  - name: g', '    image: grafana/grafana:9.2.1',
        '  - name: k', '    image: ghcr.io/kyverno/kyverno:v1.8.4', ''].join('\n'),
      errors: [
        {
          messageId: 'ingressNightmare', line: 8, column: 12, endLine: 8, endColumn: 59, covers: ['IMG10', 'IMG11'], severity: 'warning',
          message: 'Container "app" runs the ingress-nginx controller v1.9.4, affected by IngressNightmare (CVE-2025-1974, CVE-2025-1097, CVE-2025-1098, CVE-2025-24513, CVE-2025-24514: code execution through the admission webhook, without authentication, and every Secret of the cluster with it): upgrade to v1.11.5, v1.12.1 or later now, and plan a move off the retired project.',
        },
        {
          messageId: 'vulnerable', line: 10, column: 12, endLine: 10, endColumn: 42, covers: ['IMG11'],
          message: 'Container "a" runs Argo CD v2.2.3, affected by CVE-2022-24348: upgrade to 2.1.9 / 2.2.4 or later.',
        },
        { messageId: 'vulnerable', line: 12, column: 12, endLine: 12, endColumn: 33, data: { container: 'Container "g"', name: 'Grafana', version: '9.2.1', cve: 'CVE-2022-39328', fixed: '9.2.4 or later' } },
        { messageId: 'vulnerable', line: 14, column: 12, endLine: 14, endColumn: 42, data: { container: 'Container "k"', name: 'Kyverno', version: 'v1.8.4', cve: 'CVE-2022-47633', fixed: '1.8.5 or later' } },
      ],
    },
    {
      name: 'ingress-nginx: 1.12.0 is affected; the fixed 1.11.5 and 1.12.1 only get the retirement notice',
      code: pod(['    image: registry.k8s.io/ingress-nginx/controller:v1.12.0', '  - name: b', '    image: registry.k8s.io/ingress-nginx/controller:v1.11.5', '  - name: c', '    image: registry.k8s.io/ingress-nginx/controller-chroot:v1.12.1']),
      errors: [
        { messageId: 'ingressNightmare', line: 8, column: 12, endLine: 8, endColumn: 60, severity: 'warning', data: { container: 'Container "app"', version: 'v1.12.0', cves: 'CVE-2025-1974, CVE-2025-1097, CVE-2025-1098, CVE-2025-24513, CVE-2025-24514' } },
        { messageId: 'ingressNginx', line: 10, column: 12, endLine: 10, endColumn: 60, severity: 'info', covers: ['IMG10'] },
        { messageId: 'ingressNginx', line: 12, column: 12, endLine: 12, endColumn: 67, severity: 'info' },
      ],
    },
  ],
});
