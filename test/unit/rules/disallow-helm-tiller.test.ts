import { ruleTester } from '../../helpers/rule-tester';

const pod = (lines: string[]) => [...['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '  - name: app'], ...lines, ''].join('\n');

ruleTester('disallow-helm-tiller', {
  valid: [
    { name: 'Helm 3 needs nothing in the cluster', code: pod(['    image: alpine/helm:3.14.0']) },
    { name: 'a repository that only contains the word', code: pod(['    image: acme/tiller-docs:1.0']) },
  ],
  invalid: [
    {
      name: 'the Tiller Deployment is reported at its image (once, not again at its labels), its Service at the label',
      code: [
        'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: tiller-deploy', '  labels: {app: helm, name: tiller}', 'spec:', '  template:', '    spec:', '      containers:',
        '      - name: tiller', '        image: gcr.io/kubernetes-helm/tiller:v2.16.12',
        '---', 'apiVersion: v1', 'kind: Service', 'metadata:', '  name: tiller-deploy', '  labels:', '    app: helm', '    name: tiller', 'spec:', '  ports: [{port: 44134}]', '',
      ].join('\n'),
      errors: [
        {
          messageId: 'image', line: 11, column: 16, endLine: 11, endColumn: 54,
          message: 'Container "tiller" runs Helm v2 Tiller ("gcr.io/kubernetes-helm/tiller:v2.16.12"): Tiller has been unsupported since 2020 and, typically bound to cluster-admin with no authentication on its gRPC port, lets any pod take over the cluster. Remove it and use Helm 3.',
        },
        {
          messageId: 'labels', line: 18, column: 10, endLine: 18, endColumn: 14,
          message: 'Service "tiller-deploy" is labelled as Helm v2 Tiller (app=helm, name=tiller): remove Tiller and use Helm 3, which needs no in-cluster component.',
        },
      ],
    },
  ],
});
