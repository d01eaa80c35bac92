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
          messageId: 'ingressNginx', line: 8, column: 12, endLine: 8, endColumn: 59, covers: ['IMG10'],
          message: 'Container "app" runs the ingress-nginx controller ("registry.k8s.io/ingress-nginx/controller:v1.9.4"): the project is retired (no security fixes after March 2026); plan a move to another Ingress or Gateway API controller.',
        },
        {
          messageId: 'vulnerable', line: 10, column: 12, endLine: 10, endColumn: 42, covers: ['IMG11'],
          message: 'Container "a" runs Argo CD v2.2.3, affected by CVE-2022-24348: upgrade to 2.1.9 / 2.2.4 or later.',
        },
        { messageId: 'vulnerable', line: 12, column: 12, endLine: 12, endColumn: 33, data: { container: 'Container "g"', name: 'Grafana', version: '9.2.1', cve: 'CVE-2022-39328', fixed: '9.2.4 or later' } },
        { messageId: 'vulnerable', line: 14, column: 12, endLine: 14, endColumn: 42, data: { container: 'Container "k"', name: 'Kyverno', version: 'v1.8.4', cve: 'CVE-2022-47633', fixed: '1.8.5 or later' } },
      ],
    },
  ],
});
