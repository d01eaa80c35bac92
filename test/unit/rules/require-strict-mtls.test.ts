import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester('require-strict-mtls', {
  valid: [
    'apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata:\n  name: default\n  namespace: istio-system\nspec:\n  mtls:\n    mode: STRICT\n',
    { name: 'UNSET inherits from the parent', code: 'apiVersion: security.istio.io/v1beta1\nkind: PeerAuthentication\nmetadata:\n  name: web\nspec:\n  selector: {matchLabels: {app: web}}\n  mtls: {mode: UNSET}\n  portLevelMtls:\n    8080: {mode: STRICT}\n' },
    { name: 'not Istio\'s', code: 'apiVersion: example.com/v1\nkind: PeerAuthentication\nmetadata:\n  name: x\nspec:\n  mtls: {mode: DISABLE}\n' },
  ],
  invalid: [
    {
      name: 'mesh-wide PERMISSIVE, with a comment kept by the fix',
      code: yaml`
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata:
          name: default
          namespace: istio-system
        spec:
          mtls:
            mode: PERMISSIVE  # migrating
      `,
      errors: [{ messageId: 'mode', line: 8, column: 11, endLine: 8, endColumn: 21, data: { name: 'default', mode: 'PERMISSIVE', consequence: 'plain-text connections from clients without a workload identity are accepted too.' } }],
      output: yaml`
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata:
          name: default
          namespace: istio-system
        spec:
          mtls:
            mode: STRICT  # migrating
      `,
    },
    {
      name: 'DISABLE for the workload and for a port (quoted values keep their quotes)',
      code: yaml`
        apiVersion: security.istio.io/v1beta1
        kind: PeerAuthentication
        metadata:
          name: web
        spec:
          selector:
            matchLabels: {app: web}
          mtls:
            mode: "DISABLE"
          portLevelMtls:
            8080:
              mode: PERMISSIVE
            9090: {mode: DISABLE}
      `,
      errors: [
        { messageId: 'mode', line: 9, column: 11, endLine: 9, endColumn: 20, data: { name: 'web', mode: 'DISABLE', consequence: 'traffic is plain text and peers are not authenticated.' } },
        { messageId: 'portMode', line: 12, column: 13, endLine: 12, endColumn: 23, data: { name: 'web', port: '8080', mode: 'PERMISSIVE', consequence: 'plain-text connections from clients without a workload identity are accepted too.' } },
        { messageId: 'portMode', line: 13, column: 18, endLine: 13, endColumn: 25 },
      ],
      output: yaml`
        apiVersion: security.istio.io/v1beta1
        kind: PeerAuthentication
        metadata:
          name: web
        spec:
          selector:
            matchLabels: {app: web}
          mtls:
            mode: "STRICT"
          portLevelMtls:
            8080:
              mode: STRICT
            9090: {mode: STRICT}
      `,
    },
    {
      name: 'a mode behind an alias: reported, not fixed',
      code: 'apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata:\n  name: x\n  annotations: {m: &m PERMISSIVE}\nspec:\n  mtls:\n    mode: *m\n',
      errors: [{ messageId: 'mode', line: 5, column: 23, endLine: 5, endColumn: 33 }],
    },
  ],
});
