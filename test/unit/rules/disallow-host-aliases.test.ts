import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester('disallow-host-aliases', {
  valid: [
    yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: p
      spec:
        hostAliases: []
        containers:
        - name: app
          image: nginx:1.27
    `,
  ],
  invalid: [
    {
      name: 'in a Deployment template',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: d
        spec:
          template:
            spec:
              hostAliases:
              - ip: 10.0.0.9
                hostnames: [registry.example.com]
              containers:
              - name: app
                image: nginx:1.27
      `,
      errors: [{ messageId: 'hostAliases', line: 8, column: 7, endLine: 8, endColumn: 18 }],
    },
  ],
});
