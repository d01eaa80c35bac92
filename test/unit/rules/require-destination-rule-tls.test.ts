import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

const DR = yaml`
  apiVersion: networking.istio.io/v1
  kind: DestinationRule
  metadata:
    name: reviews
  spec:
    host: reviews.prod.svc.cluster.local
    trafficPolicy:
      tls:
        mode: DISABLE
      portLevelSettings:
      - port: {number: 9080}
        tls: {mode: ISTIO_MUTUAL}
    subsets:
    - name: v1
      labels: {version: v1}
      trafficPolicy:
        portLevelSettings:
        - port:
            number: 9443
          tls:
            mode: DISABLE
`;

const MESH = 'Set tls.mode: ISTIO_MUTUAL (a service in the mesh)';
const EXTERNAL = 'Set tls.mode: SIMPLE (a TLS server outside the mesh)';

ruleTester('require-destination-rule-tls', {
  valid: [
    DR.replace(/mode: DISABLE/g, 'mode: ISTIO_MUTUAL'),
    { name: 'no tls lets Istio choose mutual TLS', code: 'apiVersion: networking.istio.io/v1beta1\nkind: DestinationRule\nmetadata:\n  name: r\nspec:\n  host: reviews\n  trafficPolicy:\n    loadBalancer: {simple: ROUND_ROBIN}\n' },
  ],
  invalid: [
    {
      name: 'DISABLE for the host and for a port of a subset: ISTIO_MUTUAL first for a service of the cluster',
      code: DR,
      errors: [
        {
          messageId: 'disabled', line: 9, column: 13, endLine: 9, endColumn: 20, data: { name: 'reviews', where: '', host: 'reviews.prod.svc.cluster.local' },
          suggestions: [
            { title: MESH, output: DR.replace('    mode: DISABLE\n', '    mode: ISTIO_MUTUAL\n') },
            { title: EXTERNAL, output: DR.replace('    mode: DISABLE\n', '    mode: SIMPLE\n') },
          ],
        },
        {
          messageId: 'disabled', line: 21, column: 17, endLine: 21, endColumn: 24, data: { name: 'reviews', where: ' in subset "v1" for port 9443', host: 'reviews.prod.svc.cluster.local' },
          suggestions: [
            { title: MESH, output: DR.replace('          mode: DISABLE\n', '          mode: ISTIO_MUTUAL\n') },
            { title: EXTERNAL, output: DR.replace('          mode: DISABLE\n', '          mode: SIMPLE\n') },
          ],
        },
      ],
    },
    {
      name: 'an external host: SIMPLE first',
      code: 'apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: api\nspec:\n  host: api.example.com\n  trafficPolicy: {tls: {mode: DISABLE}}\n',
      errors: [{
        messageId: 'disabled', line: 7, column: 31, endLine: 7, endColumn: 38,
        suggestions: [
          { title: EXTERNAL, output: 'apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: api\nspec:\n  host: api.example.com\n  trafficPolicy: {tls: {mode: SIMPLE}}\n' },
          { title: MESH, output: 'apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: api\nspec:\n  host: api.example.com\n  trafficPolicy: {tls: {mode: ISTIO_MUTUAL}}\n' },
        ],
      }],
    },
  ],
});
